// The server's database going away and coming back, and its disk filling up: the server answers
// 503 database_unavailable (nothing changed, try again), keeps serving what needs no writing,
// and serves everything again once the database is back, without a restart; an intake refused
// meanwhile is taken once when sent again with its key.
//
// PostgreSQL: the server reaches the tests' PostgreSQL through a loopback proxy the test takes
// down (every connection reset, new ones refused) and brings back. SQLite: the server's file
// size limit (RLIMIT_FSIZE, set on the running process with prlimit) is lowered under what an
// upload needs, then raised again: the file system's "no space left" as the server sees it.
#include "cuttingproxy.h"
#include "sampleintake.h"
#include "serverprocess.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QTest>
#include <QUrl>

namespace {

QString api(const QString &path) { return QStringLiteral("/api/v1") + path; }

QString code(const ApiReply &reply) { return reply.object().value(QStringLiteral("code")).toString(); }

qsizetype casesOf(HttpClient &clerk)
{
    return clerk.get(api("/cases?limit=200")).object().value(QStringLiteral("items")).toArray().size();
}

QByteArray pdfBytes(int size)
{
    QByteArray bytes("%PDF-1.4\n");
    while (bytes.size() < size)
        bytes.append(static_cast<char>(QRandomGenerator::global()->bounded(256)));
    return bytes + "\n%%EOF\n";
}

/// Sets the soft file size limit of a running process (bytes, or "unlimited").
bool setFileSizeLimit(qint64 pid, const QString &limit)
{
    QProcess prlimit;
    prlimit.start(QStringLiteral("prlimit"), {QStringLiteral("--pid"), QString::number(pid),
                                              QStringLiteral("--fsize=") + limit + QStringLiteral(":")});
    return prlimit.waitForFinished(10000) && prlimit.exitCode() == 0;
}

/// A CuttingProxy that cuts nothing, living in a thread of its own, which can be taken down.
class ProxyThread
{
public:
    explicit ProxyThread(quint16 serverPort)
    {
        m_thread.start();
        m_context->moveToThread(&m_thread);
        QMetaObject::invokeMethod(m_context, [this, serverPort] {
            m_proxy = new CuttingProxy(serverPort, QList<CuttingProxy::Cut>{});
            if (m_proxy->listen())
                m_port = m_proxy->port();
        }, Qt::BlockingQueuedConnection);
    }
    ~ProxyThread()
    {
        QMetaObject::invokeMethod(m_context, [this] {
            delete m_proxy;
            m_context->deleteLater();
        }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    quint16 port() const { return m_port; }
    void setDown(bool down)
    {
        QMetaObject::invokeMethod(m_context, [this, down] { m_proxy->setDown(down); }, Qt::BlockingQueuedConnection);
    }

private:
    QThread m_thread;
    QObject *m_context = new QObject;
    CuttingProxy *m_proxy = nullptr;
    quint16 m_port = 0;
};

} // namespace

class tst_DatabaseOutage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void postgresGoesAwayAndComesBack()
    {
        QString error;
        const TestDatabase db = TestDatabase::create(TestDatabase::Kind::PostgreSQL, m_dir.path(), &error);
        QVERIFY2(!db.url().isEmpty(), qPrintable(error));
        QUrl url(db.url());
        // The proxy works in a thread of its own: the test's thread blocks while a server starts.
        ProxyThread proxy(static_cast<quint16>(url.port()));
        QVERIFY(proxy.port() != 0);
        url.setPort(proxy.port());
        ServerProcess server;
        QVERIFY2(server.start({"--database", url.toString(), "--demo", "--today", "2026-11-27"}, &error), qPrintable(error));
        HttpClient clerk(server.baseUrl());
        QCOMPARE(clerk.signIn("clerk1").status, 201);
        const QByteArray intake = toJson(sampleIntake(clerk, "HF-001", "SZ", samplePerson(QStringLiteral("张三"), "11010519491231002X")));
        const qsizetype before = casesOf(clerk);

        proxy.setDown(true);
        const ApiReply list = clerk.get(api("/cases"));
        QCOMPARE(list.status, 503);
        QCOMPARE(code(list), QStringLiteral("database_unavailable"));
        QVERIFY(!list.header("retry-after").isEmpty());
        const ApiReply refused = clerk.post(api("/cases"), intake, {{"Idempotency-Key", "outage-1"}});
        QCOMPARE(refused.status, 503);
        QCOMPARE(code(refused), QStringLiteral("database_unavailable"));
        // What needs no database is still served.
        QCOMPARE(clerk.get(api("/health")).status, 200);
        QVERIFY(server.isRunning());

        // Back: served again without a restart (a connection the pool still held is found broken
        // once, and dropped).
        proxy.setDown(false);
        QVERIFY(QTest::qWaitFor([&clerk] { return clerk.get(api("/cases")).status == 200; }, 30000));
        const ApiReply taken = clerk.post(api("/cases"), intake, {{"Idempotency-Key", "outage-1"}});
        QCOMPARE(taken.status, 201);
        const ApiReply again = clerk.post(api("/cases"), intake, {{"Idempotency-Key", "outage-1"}});
        QCOMPARE(again.status, 201);
        QCOMPARE(again.header("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(again.object().value("number"), taken.object().value("number"));
        QCOMPARE(casesOf(clerk), before + 1);
        QCOMPARE(server.stop(), 0);
        QVERIFY2(server.output().contains("database unavailable"), qPrintable(server.output().right(2000)));
    }

    void sqliteDiskFull()
    {
        QString error;
        ServerProcess server;
        QVERIFY2(server.startDemo(m_dir.path(), &error), qPrintable(error));
        HttpClient clerk(server.baseUrl());
        QCOMPARE(clerk.signIn("clerk1").status, 201);
        const QString caseId = acceptSampleCase(clerk, "HF-001");
        QVERIFY(!caseId.isEmpty());

        // Room for a few pages more than the files hold now, not for a 1 MB scan.
        qint64 largest = 0;
        QDirIterator files(m_dir.path(), QDir::Files);
        while (files.hasNext())
            largest = std::max(largest, QFileInfo(files.next()).size());
        QVERIFY(setFileSizeLimit(server.pid(), QString::number(largest + 256 * 1024)));

        const QByteArray scan = pdfBytes(1024 * 1024);
        const QString path = api("/cases/") + caseId + "/attachments?filename=scan.pdf";
        const QMap<QByteArray, QByteArray> headers{{"Idempotency-Key", "full-1"}, {"Content-Type", "application/pdf"}};
        const ApiReply full = clerk.post(path, scan, headers);
        QCOMPARE(full.status, 503);
        QCOMPARE(code(full), QStringLiteral("database_unavailable"));
        QVERIFY(server.isRunning());
        // Reading goes on.
        QCOMPARE(clerk.get(api("/cases/") + caseId).status, 200);
        QCOMPARE(clerk.get(api("/cases/") + caseId + "/attachments").object().value("items").toArray().size(), 0);

        // Room again: the same upload is stored, whole.
        QVERIFY(setFileSizeLimit(server.pid(), QStringLiteral("unlimited")));
        const ApiReply stored = clerk.post(path, scan, headers);
        QCOMPARE(stored.status, 201);
        const ApiReply content =
            clerk.get(api("/cases/") + caseId + "/attachments/" + stored.object().value("id").toString() + "/content");
        QCOMPARE(content.status, 200);
        QCOMPARE(QCryptographicHash::hash(content.body, QCryptographicHash::Sha256),
                 QCryptographicHash::hash(scan, QCryptographicHash::Sha256));
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_DatabaseOutage)
#include "tst_databaseoutage.moc"
