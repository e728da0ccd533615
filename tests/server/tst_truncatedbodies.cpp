// A request whose connection is cut before its body is whole (a village line dropping
// mid-upload) is never dispatched: nothing is stored from half a scan or half an application,
// and the client's retry with the same Idempotency-Key and the whole body is taken as the first
// time. Over a raw socket to a real server on loopback.
#include "sampleintake.h"
#include "serverprocess.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

namespace {

QString api(const QString &path) { return QStringLiteral("/api/v1") + path; }

QByteArray newKey() { return QUuid::createUuid().toByteArray(QUuid::WithoutBraces); }

/// A PDF's worth of bytes: its header, random content, its end.
QByteArray pdfBytes(int size)
{
    QByteArray bytes("%PDF-1.4\n");
    while (bytes.size() < size)
        bytes.append(static_cast<char>(QRandomGenerator::global()->bounded(256)));
    return bytes + "\n%%EOF\n";
}

} // namespace

class tst_TruncatedBodies : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    SignedInUsers m_users{m_server};

    /// Sends `method path` with a Content-Length of the whole `body` but only its first `sent`
    /// bytes, then closes the connection; returns what came back before the close (usually nothing).
    QByteArray sendCut(const QByteArray &method, const QString &path, const QByteArray &contentType,
                       const QByteArray &key, const QByteArray &body, qsizetype sent)
    {
        const QUrl base(m_server.baseUrl());
        QTcpSocket socket;
        socket.connectToHost(base.host(), static_cast<quint16>(base.port()));
        if (!socket.waitForConnected(10000))
            qFatal("cannot connect to the server");
        QByteArray head = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: " + base.host().toUtf8()
                          + "\r\nAuthorization: Bearer " + m_users.as("clerk1").token().toUtf8()
                          + "\r\nIdempotency-Key: " + key + "\r\nContent-Type: " + contentType
                          + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
        socket.write(head + body.left(sent));
        socket.waitForBytesWritten(10000);
        QTest::qWait(300);
        socket.disconnectFromHost();
        if (socket.state() != QAbstractSocket::UnconnectedState)
            socket.waitForDisconnected(5000);
        return socket.readAll();
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.startDemo(m_dir.path(), &error), qPrintable(error));
    }

    void halfAnUploadIsNotStored()
    {
        const QString caseId = acceptSampleCase(m_users.as("clerk1"), "HF-001");
        QVERIFY(!caseId.isEmpty());
        const QByteArray scan = pdfBytes(200000);
        const QByteArray key = newKey();
        const QString path = api("/cases/") + caseId + "/attachments?filename=scan.pdf";
        sendCut("POST", path, "application/pdf", key, scan, scan.size() / 2);
        // Nothing stored from half a scan.
        ApiReply list = m_users.as("clerk1").get(api("/cases/") + caseId + "/attachments");
        QCOMPARE(list.status, 200);
        QCOMPARE(list.object().value("items").toArray().size(), 0);

        // The retry with the same key and the whole scan is the first upload.
        const ApiReply retry = m_users.as("clerk1").post(path, scan, {{"Idempotency-Key", key}, {"Content-Type", "application/pdf"}});
        QCOMPARE(retry.status, 201);
        QVERIFY(retry.header("idempotent-replayed").isEmpty());
        const ApiReply content = m_users.as("clerk1").get(api("/cases/") + caseId + "/attachments/"
                                                          + retry.object().value("id").toString() + "/content");
        QCOMPARE(content.status, 200);
        QCOMPARE(content.body.size(), scan.size());
        QVERIFY(content.body == scan);
    }

    void halfAnApplicationIsNotTakenIn()
    {
        HttpClient &clerk = m_users.as("clerk1");
        const QJsonObject intake = sampleIntake(clerk, "HF-001", "SZ", samplePerson(QStringLiteral("王五"), "110101199003070935"));
        const QByteArray body = toJson(intake);
        const QByteArray key = newKey();
        const qsizetype before = clerk.get(api("/cases?limit=200")).object().value("items").toArray().size();
        // Cut inside the JSON, and cut exactly where a prefix of it is still valid JSON would be
        // no different: nothing is dispatched short of Content-Length.
        sendCut("POST", api("/cases"), "application/json", key, body, body.size() - 1);
        QCOMPARE(clerk.get(api("/cases?limit=200")).object().value("items").toArray().size(), before);
        const ApiReply retry = clerk.post(api("/cases"), body, {{"Idempotency-Key", key}});
        QCOMPARE(retry.status, 201);
        QVERIFY(retry.header("idempotent-replayed").isEmpty());
        QCOMPARE(clerk.get(api("/cases?limit=200")).object().value("items").toArray().size(), before + 1);
    }

    void theServerSaysItInItsLog()
    {
        QCOMPARE(m_server.stop(), 0);
        QVERIFY2(m_server.output().contains("body cut short"), qPrintable(m_server.output().right(2000)));
    }
};

QTEST_GUILESS_MAIN(tst_TruncatedBodies)
#include "tst_truncatedbodies.moc"
