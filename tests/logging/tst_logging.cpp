#include "logging/logging.h"

#include <spdlog/spdlog.h>

#include <thread>
#include <vector>

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using onewindow::logging::redact;

class tst_Logging : public QObject
{
    Q_OBJECT

    // Info and above to `path` only, whatever the environment says.
    static std::shared_ptr<spdlog::logger> infoToFile(const QString &path)
    {
        qunsetenv("ONEWINDOW_LOG_LEVEL");
        onewindow::logging::Options options;
        options.file = path.toStdString();
        options.console = false;
        options.level = "info";
        return onewindow::logging::setup(options);
    }

private slots:
    void redactsIdNumbers_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("alone") << "11010519491231002X" << "110105********002X";
        QTest::newRow("in a sentence") << "applicant 440524188001010014 signed"
                                       << "applicant 440524********0014 signed";
        QTest::newRow("in JSON") << "{\"idNumber\":\"11010519491231002x\"}" << "{\"idNumber\":\"110105********002x\"}";
        QTest::newRow("two") << "11010519491231002X,440524188001010014"
                             << "110105********002X,440524********0014";
        QTest::newRow("longer number kept") << "case 1101051949123100212 ok" << "case 1101051949123100212 ok";
        QTest::newRow("part of a word kept") << "A11010519491231002X" << "A11010519491231002X";
        QTest::newRow("credit code kept") << "91512081MA62K0260E" << "91512081MA62K0260E";
        QTest::newRow("case number kept") << "SZ-20261128-00001" << "SZ-20261128-00001";
    }
    void redactsIdNumbers()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(redact(input.toStdString())), expected);
    }

    void redactsSecrets_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("JSON password") << "{\"username\":\"clerk1\",\"password\":\"OneWindow-demo-1\"}"
                                       << "{\"username\":\"clerk1\",\"password\":\"***\"}";
        QTest::newRow("escaped quote") << "{\"password\":\"a\\\"b c\"}" << "{\"password\":\"***\"}";
        QTest::newRow("form") << "user=clerk1&password=s3cret&lang=zh" << "user=clerk1&password=***&lang=zh";
        QTest::newRow("colon") << "password: hunter2, next" << "password: ***, next";
        QTest::newRow("uppercase key") << "PASSWORD=abc" << "PASSWORD=***";
        QTest::newRow("hash") << "passwordHash=$argon2id$v" << "passwordHash=***";
        QTest::newRow("token") << "{\"token\":\"abc.def\"}" << "{\"token\":\"***\"}";
        QTest::newRow("bearer") << "Authorization: Bearer eyJhbGciOi.x-y_z" << "Authorization: Bearer ***";
        QTest::newRow("word only") << "wrong password for clerk1" << "wrong password for clerk1";
    }
    void redactsSecrets()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(redact(input.toStdString())), expected);
    }

    // What reaches the rotating file is redacted, and the level comes from the options.
    void fileSinkGetsRedactedText()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("onewindow.log");
        auto logger = infoToFile(path);
        QCOMPARE(spdlog::default_logger().get(), logger.get());
        spdlog::info("sign-in for 11010519491231002X with password=OneWindow-demo-1");
        spdlog::debug("this debug line is below the level");
        logger->flush();

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY2(text.contains("sign-in for 110105********002X with password=***"), text.constData());
        QVERIFY(!text.contains("1949123"));
        QVERIFY(!text.contains("OneWindow-demo-1"));
        QVERIFY(!text.contains("below the level"));
    }

    // Many threads logging at once (the server logs a line per request): every line arrives
    // whole and redacted; redaction takes no lock, the file sink takes its own.
    void linesFromManyThreadsArriveWhole()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("threads.log");
        auto logger = infoToFile(path);
        constexpr int threads = 8, lines = 500;
        std::vector<std::thread> workers;
        for (int t = 0; t < threads; ++t) {
            workers.emplace_back([t] {
                for (int i = 0; i < lines; ++i)
                    spdlog::info("thread {} line {} for 11010519491231002X token=abc{}", t, i, i);
            });
        }
        for (auto &w : workers)
            w.join();
        logger->flush();

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> logged = file.readAll().split('\n');
        QSet<QByteArray> seen;
        for (const QByteArray &line : logged) {
            if (line.isEmpty())
                continue;
            const qsizetype at = line.indexOf("thread ");
            QVERIFY2(at >= 0, line.constData());
            QVERIFY2(line.endsWith("for 110105********002X token=***"), line.constData());
            seen.insert(line.mid(at, line.indexOf(" for ") - at));
        }
        QCOMPARE(seen.size(), threads * lines);
    }

    // The server's logger: lines written by a thread of its own. After drain() every line is in
    // the file, whole, redacted and in each thread's order, and logging goes on synchronously.
    void backgroundLoggerWritesEveryLineBeforeDrainReturns()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("background.log");
        qunsetenv("ONEWINDOW_LOG_LEVEL");
        onewindow::logging::Options options;
        options.file = path.toStdString();
        options.console = false;
        options.background = true;
        auto logger = onewindow::logging::setup(options);
        QCOMPARE(spdlog::default_logger().get(), logger.get());
        logger.reset();
        // More lines than the queue holds: a full queue makes the threads wait, drops nothing.
        constexpr int threads = 4, lines = 5000;
        std::vector<std::thread> workers;
        for (int t = 0; t < threads; ++t) {
            workers.emplace_back([t] {
                for (int i = 0; i < lines; ++i)
                    spdlog::info("thread {} line {} for 11010519491231002X", t, i);
            });
        }
        for (auto &w : workers)
            w.join();
        onewindow::logging::drain();
        spdlog::info("after the drain");
        spdlog::default_logger()->flush();

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> logged = file.readAll().split('\n');
        QList<int> next(threads, 0);
        int total = 0;
        for (const QByteArray &line : logged) {
            if (line.isEmpty() || line.endsWith("after the drain"))
                continue;
            const qsizetype at = line.indexOf("thread ");
            QVERIFY2(at >= 0, line.constData());
            QVERIFY2(line.endsWith(" for 110105********002X"), line.constData());
            const QList<QByteArray> words = line.mid(at).split(' ');
            const int t = words.at(1).toInt(), i = words.at(3).toInt();
            QCOMPARE(i, next[t]);
            ++next[t];
            ++total;
        }
        QCOMPARE(total, threads * lines);
        QVERIFY(logged.size() >= 2 && logged.at(logged.size() - 2).endsWith("after the drain"));
    }

    void levelFromEnvironment()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("env.log");
        qputenv("ONEWINDOW_LOG_LEVEL", "debug");
        onewindow::logging::Options options;
        options.file = path.toStdString();
        options.console = false;
        options.level = "error";
        auto logger = onewindow::logging::setup(options);
        spdlog::debug("debug is visible");
        logger->flush();
        qunsetenv("ONEWINDOW_LOG_LEVEL");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("debug is visible"));
    }

    void unknownLevelFallsBackToInfoAndSaysSo()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("bad.log");
        onewindow::logging::Options options;
        options.file = path.toStdString();
        options.console = false;
        options.level = "loud";
        auto logger = onewindow::logging::setup(options);
        QCOMPARE(logger->level(), spdlog::level::info);
        logger->flush();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("unknown log level 'loud'"));
    }
};

QTEST_APPLESS_MAIN(tst_Logging)
#include "tst_logging.moc"
