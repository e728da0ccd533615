// A village centre's day offline reaching the server through a bad line: N intakes taken in
// without the network (onewindow-sync-driver take), then sent (onewindow-sync-driver sync) through
// a proxy that cuts every connection at random bytes, the client killed with SIGKILL twice while
// sending and started again on the same local store. At the end the server has exactly the N
// cases, each once, under the numbers printed when they were taken in, and the outbox has
// nothing left to send. N is ONEWINDOW_RELIABILITY_CASES (100 by default); every random choice
// comes from one seed, printed first, ONEWINDOW_RELIABILITY_SEED to choose it.
#include "awaitanswer.h"
#include "cuttingproxy.h"
#include "models/localstore.h"
#include "serverprocess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <functional>
#include <memory>

using namespace onewindow::models;

namespace {

const QString kCenter = QStringLiteral("SZ-V01");
// The mean number of bytes a connection carries in each direction before it is cut: a few of the
// sync's exchanges (a POST /cases and its answer are about 1.5 KB each).
constexpr double kMeanBytesToCut = 6000;

/// onewindow-sync-driver running one command as agent1, its standard output told line by line
/// and its standard error shown with the test's.
class Driver
{
public:
    Driver(const QStringList &arguments, std::function<void(const QString &line)> onLine)
        : m_onLine(std::move(onLine))
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("ONEWINDOW_PASSWORD"), QStringLiteral("OneWindow-demo-1"));
        m_process.setProcessEnvironment(environment);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] { readLines(); });
        m_process.start(QStringLiteral(ONEWINDOW_SYNC_DRIVER), arguments);
    }
    ~Driver()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }

    /// Runs the event loop (the proxy works meanwhile) until the driver has ended; false when it
    /// still runs after `timeoutMs`.
    bool waitForEnd(int timeoutMs)
    {
        const bool ended = QTest::qWaitFor([this] { return m_process.state() == QProcess::NotRunning; }, timeoutMs);
        readLines();
        return ended;
    }
    /// SIGKILL.
    void kill() { m_process.kill(); }
    QProcess &process() { return m_process; }

private:
    void readLines()
    {
        while (m_process.canReadLine())
            m_onLine(QString::fromUtf8(m_process.readLine()).trimmed());
    }

    QProcess m_process;
    std::function<void(const QString &)> m_onLine;
};

int casesFromEnvironment()
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("ONEWINDOW_RELIABILITY_CASES", &ok);
    return ok && n > 0 ? n : 100;
}

quint32 seedFromEnvironment()
{
    bool ok = false;
    const quint32 seed = qEnvironmentVariable("ONEWINDOW_RELIABILITY_SEED").toUInt(&ok);
    return ok ? seed : QRandomGenerator::system()->generate();
}

} // namespace

class tst_OfflineSync : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    std::unique_ptr<SignedInUsers> m_users;

    // The numbers of every case at the village centre, as agent1 lists them, page by page.
    QStringList caseNumbers()
    {
        QStringList numbers;
        QString cursor;
        do {
            QString path = QStringLiteral("/api/v1/cases?center=%1&limit=200").arg(kCenter);
            if (!cursor.isEmpty())
                path += QStringLiteral("&cursor=") + QString::fromUtf8(QUrl::toPercentEncoding(cursor));
            const ApiReply page = m_users->as(QStringLiteral("agent1")).get(path);
            if (page.status != 200)
                qFatal("GET %s: %d %s", qPrintable(path), page.status, page.body.constData());
            for (const auto &item : page.object().value(QStringLiteral("items")).toArray())
                numbers << item.toObject().value(QStringLiteral("number")).toString();
            cursor = page.object().value(QStringLiteral("nextCursor")).toString();
        } while (!cursor.isEmpty());
        return numbers;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.startDemo(m_dir.path(), &error), qPrintable(error));
        m_users = std::make_unique<SignedInUsers>(m_server);
    }

    void offlineIntakesReachTheServerOnce()
    {
        const int n = casesFromEnvironment();
        const quint32 seed = seedFromEnvironment();
        qInfo("%d cases, seed %u (ONEWINDOW_RELIABILITY_SEED=%u makes the same choices)", n, seed, seed);
        QRandomGenerator random(seed);
        const int timeoutMs = 120000 + 1000 * n;
        const QString store = m_dir.filePath(QStringLiteral("client.sqlite"));

        // Taken in offline: N numbers printed on the papers, and nothing on the server yet.
        QElapsedTimer elapsed;
        elapsed.start();
        QStringList printed;
        {
            Driver take({QStringLiteral("take"), QStringLiteral("--store"), store, QStringLiteral("--server"),
                            m_server.baseUrl(), QStringLiteral("--count"), QString::number(n)},
                [&printed](const QString &line) {
                    if (line.startsWith(QLatin1String("queued ")))
                        printed << line.section(QLatin1Char(' '), 1);
                });
            QVERIFY(take.waitForEnd(timeoutMs));
            QCOMPARE(take.process().exitStatus(), QProcess::NormalExit);
            QCOMPARE(take.process().exitCode(), 0);
        }
        qInfo("take: %lld queued in %.1f s", static_cast<long long>(printed.size()),
            static_cast<double>(elapsed.elapsed()) / 1000.0);
        QCOMPARE(printed.size(), n);
        QCOMPARE(QSet<QString>(printed.begin(), printed.end()).size(), n);
        QCOMPARE(caseNumbers(), QStringList());

        // Sent through the cutting proxy; killed twice after some were sent, the third run to the end.
        CuttingProxy proxy(static_cast<quint16>(QUrl(m_server.baseUrl()).port()), random.generate(), kMeanBytesToCut);
        QVERIFY(proxy.listen());
        const QString throughProxy = QStringLiteral("http://127.0.0.1:%1").arg(proxy.port());
        QSet<QString> sent;
        QStringList refused;
        elapsed.restart();
        for (int run = 1; run <= 3; ++run) {
            const bool killed = run < 3;
            const int killAfter = 1 + static_cast<int>(random.bounded(static_cast<quint32>(std::max(1, n / 3))));
            const int killDelayMs = static_cast<int>(random.bounded(20u));
            int sentThisRun = 0;
            bool killSent = false;
            std::unique_ptr<Driver> sync;
            sync = std::make_unique<Driver>(QStringList {QStringLiteral("sync"), QStringLiteral("--store"), store,
                                                QStringLiteral("--server"), throughProxy},
                [&](const QString &line) {
                    if (line.startsWith(QLatin1String("refused ")))
                        refused << line;
                    if (!line.startsWith(QLatin1String("sent ")))
                        return;
                    sent.insert(line.section(QLatin1Char(' '), 1));
                    if (++sentThisRun == killAfter && killed) {
                        QTimer::singleShot(killDelayMs, &sync->process(), [&] {
                            killSent = true;
                            sync->kill();
                        });
                    }
                });
            QVERIFY(sync->waitForEnd(timeoutMs));
            qInfo("sync run %d: %d sent, %lld of %d sent so far, %.1f s since the first run began", run, sentThisRun,
                static_cast<long long>(sent.size()), n, static_cast<double>(elapsed.elapsed()) / 1000.0);
            if (killed) {
                QVERIFY2(killSent, "the sync ended before it was killed");
                QCOMPARE(sync->process().exitStatus(), QProcess::CrashExit);
                QVERIFY2(sent.size() < n, "everything was sent before the kill");
            } else {
                QCOMPARE(sync->process().exitStatus(), QProcess::NormalExit);
                QCOMPARE(sync->process().exitCode(), 0);
            }
        }
        const CuttingProxy::Counts counts = proxy.counts();
        qInfo("proxy: %d connections, %d cut in a request, %d cut in an answer, %lld bytes to the server, %lld back",
            counts.connections, counts.cutRequests, counts.cutAnswers, static_cast<long long>(counts.bytesToServer),
            static_cast<long long>(counts.bytesFromServer));
        QVERIFY(counts.cutRequests > 0);
        QVERIFY(counts.cutAnswers > 0);
        QCOMPARE(refused, QStringList());

        // On the server: exactly the printed numbers, each once.
        QStringList onServer = caseNumbers();
        QStringList expected = printed;
        onServer.sort();
        expected.sort();
        QCOMPARE(onServer, expected);

        // In the outbox: every intake sent, none waiting.
        LocalStore local;
        QCOMPARE(awaitAnswer<QString>(
                     [&](auto done) { local.open(store, this, [done](const QString &error) { done(error); }); }),
            QString());
        const QJsonArray outbox = awaitAnswer<QJsonArray>([&](auto done) { local.outbox(this, done); });
        QCOMPARE(outbox.size(), n);
        QStringList outboxNumbers;
        for (const auto &entry : outbox) {
            QCOMPARE(entry.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("sent"));
            outboxNumbers << entry.toObject().value(QStringLiteral("number")).toString();
        }
        QCOMPARE(outboxNumbers, printed);
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_OfflineSync)
#include "tst_offlinesync.moc"
