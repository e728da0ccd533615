// Clients that send slowly or too much cannot hold the server: a request's headers and body have
// deadlines (a connection sending a byte now and then is ended, and a body cut so is never
// handled), a request refused from its headers (no session, unknown path) never has its body
// read, and a declared Content-Length over the limit is refused before any of the body arrives.
// A real server with four worker threads and two-second deadlines, over raw sockets.
#include "sampleintake.h"
#include "serverprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <vector>

namespace {

QString api(const QString &path) { return QStringLiteral("/api/v1") + path; }

} // namespace

class tst_SlowClients : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    SignedInUsers m_users{m_server};

    std::unique_ptr<QTcpSocket> connectRaw()
    {
        const QUrl base(m_server.baseUrl());
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(base.host(), static_cast<quint16>(base.port()));
        if (!socket->waitForConnected(10000))
            qFatal("cannot connect to the server");
        return socket;
    }

    QByteArray head(const QByteArray &method, const QString &path, qint64 contentLength, const QString &token)
    {
        QByteArray text = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        if (!token.isEmpty())
            text += "Authorization: Bearer " + token.toUtf8() + "\r\n";
        if (contentLength >= 0)
            text += "Content-Type: application/octet-stream\r\nIdempotency-Key: slow-"
                    + QByteArray::number(contentLength) + "\r\nContent-Length: " + QByteArray::number(contentLength) + "\r\n";
        return text + "\r\n";
    }

    /// The status line's code of what came back on `socket` within `ms`, 0 when nothing did.
    static int statusWithin(QTcpSocket &socket, int ms)
    {
        QByteArray answer;
        (void)QTest::qWaitFor([&] {
            answer += socket.readAll();
            return answer.contains("\r\n") || socket.state() == QAbstractSocket::UnconnectedState;
        }, ms);
        answer += socket.readAll();
        return answer.startsWith("HTTP/1.1 ") ? answer.mid(9, 3).toInt() : 0;
    }

private slots:
    void initTestCase()
    {
        const QString config = m_dir.filePath("slow.properties");
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("http.threads = 4\nhttp.headerSeconds = 2\nhttp.bodySeconds = 2\nhttp.minBodyBytesPerSecond = 0\n");
        file.close();
        const TestDatabase db = TestDatabase::create(TestDatabase::Kind::SQLite, m_dir.path(), nullptr);
        QString error;
        QVERIFY2(m_server.start({"--database", db.url(), "--demo", "--today", "2026-11-27", "--config", config}, &error),
                 qPrintable(error));
    }

    // Twelve connections each sending a header byte every half second would hold the four
    // workers for ever; each is ended two seconds in, and an ordinary request is answered.
    void slowHeadersAreEnded()
    {
        std::vector<std::unique_ptr<QTcpSocket>> slow;
        for (int i = 0; i < 12; ++i) {
            slow.push_back(connectRaw());
            slow.back()->write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        }
        QTimer trickle;
        QObject::connect(&trickle, &QTimer::timeout, [&slow] {
            for (auto &socket : slow) {
                if (socket->state() == QAbstractSocket::ConnectedState)
                    socket->write("X");
            }
        });
        trickle.start(500);
        QTest::qWait(500);
        HttpClient ordinary(m_server.baseUrl());
        const ApiReply health = ordinary.get(api("/health"));
        QCOMPARE(health.status, 200);
        QVERIFY(QTest::qWaitFor([&slow] {
            return std::all_of(slow.begin(), slow.end(),
                               [](const auto &s) { return s->state() == QAbstractSocket::UnconnectedState; });
        }, 30000));
        trickle.stop();
    }

    // An intake whose body comes a byte at a time is ended at its deadline and not taken in.
    void slowBodyIsEndedAndNotHandled()
    {
        HttpClient &clerk = m_users.as("clerk1");
        const QByteArray body = toJson(sampleIntake(clerk, "HF-001", "SZ", samplePerson(QStringLiteral("张三"), "11010519491231002X")));
        const qsizetype before = clerk.get(api("/cases?limit=200")).object().value("items").toArray().size();
        auto socket = connectRaw();
        QByteArray request = head("POST", api("/cases"), body.size(), clerk.token());
        request.replace("application/octet-stream", "application/json");
        socket->write(request);
        qsizetype sent = 0;
        QTimer trickle;
        QObject::connect(&trickle, &QTimer::timeout, [&] {
            if (socket->state() == QAbstractSocket::ConnectedState && sent < body.size())
                socket->write(body.mid(sent++, 1));
        });
        trickle.start(200);
        QVERIFY(QTest::qWaitFor([&socket] { return socket->state() == QAbstractSocket::UnconnectedState; }, 30000));
        trickle.stop();
        QVERIFY(sent < body.size());
        QCOMPARE(clerk.get(api("/cases?limit=200")).object().value("items").toArray().size(), before);
    }

    // A 20 MB upload without a session is refused from its headers: the answer comes while the
    // client has sent only the first 64 kB, so nothing of it is buffered.
    void uploadWithoutSessionRefusedBeforeItsBody()
    {
        const QString caseId = acceptSampleCase(m_users.as("clerk1"), "HF-001");
        auto socket = connectRaw();
        socket->write(head("POST", api("/cases/") + caseId + "/attachments?filename=scan.pdf", 20 * 1024 * 1024, {}));
        socket->write(QByteArray(64 * 1024, '%'));
        QCOMPARE(statusWithin(*socket, 10000), 401);
        // An unknown path likewise, with a session.
        auto other = connectRaw();
        other->write(head("POST", api("/no/such/attachments"), 20 * 1024 * 1024, m_users.as("clerk1").token()));
        other->write(QByteArray(64 * 1024, '%'));
        QCOMPARE(statusWithin(*other, 10000), 404);
    }

    // A declared length over the upload limit is refused before any of the body is sent.
    void declaredLengthOverTheLimitRefusedAtOnce()
    {
        const QString caseId = acceptSampleCase(m_users.as("clerk1"), "HF-001");
        auto socket = connectRaw();
        socket->write(head("POST", api("/cases/") + caseId + "/attachments?filename=scan.pdf", 100 * 1024 * 1024,
                           m_users.as("clerk1").token()));
        QCOMPARE(statusWithin(*socket, 10000), 413);
    }

    void theServerSaysItInItsLog()
    {
        QCOMPARE(m_server.stop(), 0);
        QVERIFY2(m_server.output().contains("request not received in time"), qPrintable(m_server.output().right(2000)));
        QVERIFY2(m_server.output().contains("body cut short"), qPrintable(m_server.output().right(2000)));
    }
};

QTEST_GUILESS_MAIN(tst_SlowClients)
#include "tst_slowclients.moc"
