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

    // Inputs built to make redaction slow or wrong: many keys, keys as values, quotes never closed.
    void redactsAdversarialInput_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("many keys") << "token:a,token:b,token:c," << "token:***,token:***,token:***,";
        QTest::newRow("key as value") << "password=password=password=x y" << "password=*** y";
        QTest::newRow("quote never closed") << "{\"password\":\"abc, token=def" << "{\"password\":\"***";
        QTest::newRow("keys without values") << "tokentokentoken secret" << "tokentokentoken secret";
        QTest::newRow("ID number as a secret") << "password: 11010519491231002X!" << "password: ***";
        QTest::newRow("ID numbers joined") << "11010519491231002X11010519491231002X"
                                           << "11010519491231002X11010519491231002X";
        QTest::newRow("ID number after a key word") << "token 11010519491231002X" << "token 110105********002X";
        QTest::newRow("bearer then key") << "bearer token=abc" << "bearer ***";
        QTest::newRow("key at the end") << "password" << "password";
        QTest::newRow("key and colon at the end") << "password:" << "password:***";
        QString many, manyMasked;
        for (int i = 0; i < 100000; ++i) {
            many += "token:a,";
            manyMasked += "token:***,";
        }
        QTest::newRow("a hundred thousand keys") << many << manyMasked;
    }
    void redactsAdversarialInput()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(redact(input.toStdString())), expected);
    }

    // What a client chose, made safe for a log line: one line, bounded.
    void escapesWhatClientsChose_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("maxChars");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << QByteArray("clerk1") << 200 << QByteArray("clerk1");
        QTest::newRow("newline") << QByteArray("clerk1\n2026-11-27 INFO forged") << 200
                                 << QByteArray("clerk1\\n2026-11-27 INFO forged");
        QTest::newRow("CR, tab, backslash") << QByteArray("a\rb\tc\\d") << 200 << QByteArray("a\\rb\\tc\\\\d");
        QTest::newRow("other controls") << QByteArray("a\x01" "b\x1b[31mc\x7f") << 200
                                        << QByteArray("a\\x01b\\x1b[31mc\\x7f");
        QTest::newRow("NUL") << QByteArray("a\0b", 3) << 200 << QByteArray("a\\x00b");
        QTest::newRow("Chinese kept") << QByteArray("张三") << 200 << QByteArray("张三");
        QTest::newRow("not UTF-8") << QByteArray("a\xff\xc3") << 200 << QByteArray("a\\xff\\xc3");
        QTest::newRow("overlong") << QByteArray("\xc0\xaf") << 200 << QByteArray("\\xc0\\xaf");
        QTest::newRow("line separator") << QByteArray("a\xe2\x80\xa8" "b") << 200 << QByteArray("a\\u2028b");
        QTest::newRow("C1 next line") << QByteArray("a\xc2\x85" "b") << 200 << QByteArray("a\\u0085b");
        QTest::newRow("capped") << QByteArray("abcdefg") << 5 << QByteArray("abcde…");
        QTest::newRow("exactly the cap") << QByteArray("abcde") << 5 << QByteArray("abcde");
        QTest::newRow("capped in characters") << QByteArray("一二三四五六") << 3 << QByteArray("一二三…");
        QTest::newRow("an escape counts once") << QByteArray("\n\n\n\n") << 2 << QByteArray("\\n\\n…");
    }
    void escapesWhatClientsChose()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, maxChars);
        QFETCH(QByteArray, expected);
        const std::string out = onewindow::logging::escaped(std::string_view(input.constData(), static_cast<std::size_t>(input.size())),
                                                            static_cast<std::size_t>(maxChars));
        QCOMPARE(QByteArray::fromStdString(out), expected);
    }

    void escapesAMegabyteIntoTwoHundredCharacters()
    {
        const std::string big(1 << 20, '\n');
        const std::string out = onewindow::logging::escaped(big);
        QCOMPARE(out, [] {
            std::string expected;
            for (int i = 0; i < 200; ++i)
                expected += "\\n";
            return expected + "…";
        }());
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

    // The server's logger: lines written by a thread of its own. A full queue drops its oldest
    // lines instead of making a thread wait; what is dropped is counted and the count logged.
    // After drain() every line not dropped is in the file, whole, redacted and in each thread's
    // order, and logging goes on synchronously.
    void backgroundLoggerNeverWaitsAndCountsWhatItDrops()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("background.log");
        qunsetenv("ONEWINDOW_LOG_LEVEL");
        onewindow::logging::Options options;
        options.file = path.toStdString();
        options.console = false;
        options.background = true;
        options.queuedLines = 16;
        auto logger = onewindow::logging::setup(options);
        QCOMPARE(spdlog::default_logger().get(), logger.get());
        logger.reset();
        QCOMPARE(onewindow::logging::droppedLines(), std::size_t{0});
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
        // Lines are dropped only when logged: the count is final now.
        const std::size_t dropped = onewindow::logging::droppedLines();
        onewindow::logging::drain();
        spdlog::info("after the drain");
        spdlog::default_logger()->flush();

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> logged = file.readAll().split('\n');
        QList<int> last(threads, -1);
        int total = 0;
        bool countLogged = false;
        for (const QByteArray &line : logged) {
            if (line.isEmpty() || line.endsWith("after the drain") || line.contains("log line(s) dropped: "))
                continue;
            if (line.endsWith(QByteArray::number(dropped) + " log line(s) dropped in all: the log's queue was full")) {
                countLogged = true;
                continue;
            }
            const qsizetype at = line.indexOf("thread ");
            QVERIFY2(at >= 0, line.constData());
            QVERIFY2(line.endsWith(" for 110105********002X"), line.constData());
            const QList<QByteArray> words = line.mid(at).split(' ');
            const int t = words.at(1).toInt(), i = words.at(3).toInt();
            QVERIFY(i > last[t]);
            last[t] = i;
            ++total;
        }
        QCOMPARE(std::size_t(total) + dropped, std::size_t(threads * lines));
        QCOMPARE(countLogged, dropped > 0);
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
