// What one user may send at once and what one case may hold are bounded: while a clerk's file is
// on its way, their next one is refused from its headers (429, before its body is read) and
// another clerk's goes through; a case takes files up to its count and its bytes (409
// case_attachments_full, nothing stored), its retries answer as the first time. A real server
// on loopback with its limits set low in a configuration file.
#include "sampleintake.h"
#include "serverprocess.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

namespace {

QString api(const QString &path) { return QStringLiteral("/api/v1") + path; }

QByteArray pdfOf(int size, char fill)
{
    return "%PDF-1.4\n" + QByteArray(size, fill) + "\n%%EOF\n";
}

} // namespace

class tst_UploadLimits : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    SignedInUsers m_users{m_server};

    ApiReply upload(const QString &user, const QString &caseId, const QByteArray &key, const QByteArray &bytes)
    {
        return m_users.as(user).post(api("/cases/") + caseId + "/attachments?filename=scan.pdf", bytes,
                                     {{"Idempotency-Key", key}, {"Content-Type", "application/pdf"}});
    }

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
        const QString config = m_dir.filePath("limits.properties");
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("uploads.perUser = 1\nattachments.maxPerCase = 3\nattachments.maxCaseBytes = 250000\n"
                   "jobs.intervalSeconds = 0\n");
        file.close();
        const TestDatabase db = TestDatabase::create(TestDatabase::Kind::SQLite, m_dir.path(), nullptr);
        QString error;
        QVERIFY2(m_server.start({"--database", db.url(), "--demo", "--today", "2026-11-27", "--config", config}, &error),
                 qPrintable(error));
    }

    void cleanupTestCase()
    {
        if (m_server.isRunning())
            QCOMPARE(m_server.stop(), 0);
    }

    // One upload at a time per user here: the first is held half sent on a raw socket.
    void uploadsAtOncePerUser()
    {
        const QString caseId = acceptSampleCase(m_users.as("clerk1"), "HF-001");
        QVERIFY(!caseId.isEmpty());
        // The other uploads go to cases of their own, so that no case's quota plays a part.
        const auto anotherCase = [this] { return acceptSampleCase(m_users.as("clerk1"), "HF-001"); };
        const QByteArray scan = pdfOf(100000, 'a');
        const QUrl base(m_server.baseUrl());
        QTcpSocket first;
        first.connectToHost(base.host(), static_cast<quint16>(base.port()));
        QVERIFY(first.waitForConnected(10000));
        const QByteArray head = "POST " + (api("/cases/") + caseId + "/attachments?filename=scan.pdf").toUtf8()
                                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                                + m_users.as("clerk1").token().toUtf8()
                                + "\r\nIdempotency-Key: held-1\r\nContent-Type: application/pdf\r\nContent-Length: "
                                + QByteArray::number(scan.size()) + "\r\n\r\n";
        first.write(head + scan.left(1000));
        QVERIFY(first.waitForBytesWritten(10000));

        // The server takes the first one's slot when it has read its headers: until then the
        // second may still go through, so the clerk keeps trying until refused.
        ApiReply second;
        int tries = 0;
        QVERIFY2(QTest::qWaitFor([&] {
            second = upload("clerk1", anotherCase(), "second-" + QByteArray::number(++tries), pdfOf(1000, 'b'));
            return second.status == 429;
        }, 10000),
                 qPrintable(QStringLiteral("%1 %2").arg(second.status).arg(QString::fromUtf8(second.body))));
        QCOMPARE(second.object().value("code").toString(), QStringLiteral("too_many_uploads"));
        QVERIFY(!second.header("retry-after").isEmpty());
        // Another clerk is not held up.
        QCOMPARE(upload("clerk2", anotherCase(), "other-1", pdfOf(1000, 'c')).status, 201);

        first.write(scan.mid(1000));
        QCOMPARE(statusWithin(first, 20000), 201);
        QCOMPARE(upload("clerk1", caseId, "second-after", pdfOf(1000, 'b')).status, 201);
        const QJsonArray files = m_users.as("clerk1").get(api("/cases/") + caseId + "/attachments").object().value("items").toArray();
        // The first and the one after.
        QCOMPARE(files.size(), 2);
    }

    // Three files of 250,000 bytes in all per case here.
    void aCaseHoldsItsQuota()
    {
        const QString caseId = acceptSampleCase(m_users.as("clerk1"), "HF-001");
        QCOMPARE(upload("clerk1", caseId, "quota-1", pdfOf(120000, 'd')).status, 201);
        // Over the bytes: refused, nothing stored.
        const ApiReply big = upload("clerk1", caseId, "quota-2", pdfOf(140000, 'e'));
        QCOMPARE(big.status, 409);
        QCOMPARE(big.object().value("code").toString(), QStringLiteral("case_attachments_full"));
        QVERIFY(big.object().value("detail").toString().contains("250000"));
        QCOMPARE(upload("clerk1", caseId, "quota-3", pdfOf(100000, 'f')).status, 201);
        // The retry of a stored file answers as the first time, though the case is nearly full.
        const ApiReply again = upload("clerk1", caseId, "quota-3", pdfOf(100000, 'f'));
        QCOMPARE(again.status, 201);
        QCOMPARE(upload("clerk1", caseId, "quota-4", pdfOf(1000, 'g')).status, 201);
        // Over the count.
        const ApiReply fourth = upload("clerk1", caseId, "quota-5", pdfOf(10, 'h'));
        QCOMPARE(fourth.status, 409);
        QCOMPARE(fourth.object().value("code").toString(), QStringLiteral("case_attachments_full"));
        QCOMPARE(m_users.as("clerk1").get(api("/cases/") + caseId + "/attachments").object().value("items").toArray().size(),
                 3);
        // Another case has its own quota.
        const QString other = acceptSampleCase(m_users.as("clerk1"), "HF-001");
        QCOMPARE(upload("clerk1", other, "quota-6", pdfOf(140000, 'e')).status, 201);
    }
};

QTEST_GUILESS_MAIN(tst_UploadLimits)
#include "tst_uploadlimits.moc"
