// A supplied material scanned on SANE's test device, made into a PDF, uploaded to a real server and
// recorded as supplied; network cuts in the middle of the file and of the answer, a key that
// conflicts, a refused file, and a restart with an upload still pending: the kept copy goes only
// once the server stored the whole file.
#include "models/apiclient.h"
#include "apisignin.h"
#include "cuttingproxy.h"
#include "models/attachmentupload.h"
#include "models/pagestopdf.h"
#include "models/scanner.h"
#include "sanetestdevice.h"
#include "serverprocess.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow::models;

namespace {

constexpr int patience = 120000;

template<typename Start> ApiResponse wait(Start start)
{
    ApiResponse result;
    bool done = false;
    start([&](const ApiResponse &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, patience))
        qFatal("no answer");
    return result;
}

// Between the client and the real server: forwards each request to the server but, once the server
// answers (so the file is stored), drops the client's connection instead of passing the answer on,
// as a network cut at the worst moment does.
class CuttingRelay : public QTcpServer
{
public:
    explicit CuttingRelay(quint16 serverPort)
        : m_serverPort(serverPort)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = nextPendingConnection()) {
                auto *server = new QTcpSocket(client);
                server->connectToHost(QHostAddress::LocalHost, m_serverPort);
                connect(client, &QTcpSocket::readyRead, server, [client, server] {
                    if (server->state() == QAbstractSocket::ConnectedState)
                        server->write(client->readAll());
                });
                connect(server, &QTcpSocket::connected, client, [client, server] { server->write(client->readAll()); });
                connect(server, &QTcpSocket::readyRead, client, [this, client, server] {
                    server->readAll();
                    ++answersDropped;
                    client->abort();
                    server->abort();
                    client->deleteLater();
                });
            }
        });
        listen(QHostAddress::LocalHost);
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }
    int answersDropped = 0;

private:
    quint16 m_serverPort;
};

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

quint16 closedPort()
{
    QTcpServer closed;
    if (!closed.listen(QHostAddress::LocalHost))
        qFatal("no free port");
    const quint16 port = closed.serverPort();
    closed.close();
    return port;
}

QStringList pendingKeys()
{
    QStringList keys;
    for (const PendingUpload &p : AttachmentUpload::pendingUploads())
        keys << p.idempotencyKey;
    return keys;
}

} // namespace

class tst_AttachmentUpload : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    QTemporaryDir m_dir;
    QTemporaryDir m_sane;
    ServerProcess m_server;
    std::unique_ptr<HttpClient> m_http;
    ApiClient m_api;
    QByteArray m_pdf;
    int m_cases = 0;

    struct Case
    {
        QString id;
        QString deficiency;
    };

    // HF-001 accepted with its labour contract deficient.
    Case createCase()
    {
        const QJsonObject body {{"matters", QJsonArray {"HF-001"}},
            {"applicant",
                QJsonObject {{"kind", "person"}, {"name", QStringLiteral("张三")}, {"idNumber", "11010519491231002X"},
                    {"phone", "13800138000"}}},
            {"center", "SZ"},
            {"form",
                QJsonObject {{"applicant_name", QStringLiteral("张三")}, {"applicant_id_number", "11010519491231002X"},
                    {"phone", "13800138000"}, {"company_name", QStringLiteral("盛泽纺织")}, {"deposit_base", "5000"}}},
            {"materials",
                QJsonArray {QJsonObject {{"code", "ID_CARD"}, {"provided", "e_license"}},
                    QJsonObject {{"code", "LABOR_CONTRACT"}, {"provided", "deficient"}}}}};
        const ApiReply created = m_http->post(
            "/api/v1/cases", toJson(body), {{"Idempotency-Key", "upload-case-" + QByteArray::number(++m_cases)}});
        if (created.status != 201)
            qFatal("case not created: %s", created.body.constData());
        return {created.object().value("id").toString(),
            created.object().value("deficiencies").toArray().first().toObject().value("id").toString()};
    }

    QJsonArray attachmentsOf(const QString &caseId)
    {
        const ApiReply list = m_http->get("/api/v1/cases/" + caseId + "/attachments");
        if (list.status != 200)
            qFatal("attachments not listed: %s", list.body.constData());
        return list.object().value("items").toArray();
    }

private slots:
    void initTestCase()
    {
        // Pending uploads go to the user's data folder: a home of the test's own.
        qputenv("HOME", QFile::encodeName(m_home.path()));
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(AttachmentUpload::defaultDirectory().startsWith(m_home.path()));
        QVERIFY(AttachmentUpload::pendingUploads().isEmpty());
        QVERIFY(useSaneTestDevice(m_sane.path()));

        QString error;
        const TestDatabase db = TestDatabase::create(TestDatabase::Kind::SQLite, m_dir.path(), &error);
        QVERIFY2(
            m_server.start({"--database", db.url(), "--demo", "--today", "2026-11-27"}, &error), qPrintable(error));
        m_http = std::make_unique<HttpClient>(m_server.baseUrl());
        QCOMPARE(m_http->signIn("clerk1").status, 201);
        m_api.setBaseUrl(QUrl(m_server.baseUrl()));
        QVERIFY(signInAndWait(m_api, "clerk1", patience));

        // Two pages from the test device's feeder, as one PDF.
        SaneScanner scanner;
        QSignalSpy scanned(&scanner, &Scanner::finished);
        QSignalSpy failed(&scanner, &Scanner::failed);
        ScanOptions options;
        options.resolution = 100;
        options.mode = ScanOptions::Mode::Color;
        options.source = "Automatic Document Feeder";
        options.pages = 2;
        options.extra = {{"test-picture", "Color pattern"}};
        scanner.scan("test:0", options);
        QVERIFY(QTest::qWaitFor([&] { return scanned.count() + failed.count() > 0; }, patience));
        QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().first().toString()));
        const auto pages = scanned.first().first().value<QList<QImage>>();
        QCOMPARE(pages.size(), 2);
        m_pdf = pagesToPdf(pages, QStringLiteral("劳动合同"));
        QVERIFY(m_pdf.startsWith("%PDF-"));
    }

    void scanUploadAndSupply()
    {
        const Case c = createCase();
        AttachmentUpload upload(&m_api);
        QSignalSpy progress(&upload, &AttachmentUpload::progress);
        QSignalSpy finished(&upload, &AttachmentUpload::finished);
        QSignalSpy failed(&upload, &AttachmentUpload::failed);
        upload.start(c.id, m_pdf, QStringLiteral("劳动合同.pdf"));
        QVERIFY(upload.isRunning());
        QVERIFY(QTest::qWaitFor([&] { return finished.count() + failed.count() > 0; }, patience));
        QVERIFY2(failed.isEmpty(),
            qPrintable(failed.isEmpty() ? QString() : failed.first().first().value<ApiError>().userMessage()));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().first().toInt(), 100);
        QVERIFY(!upload.isRunning());

        const QJsonObject attachment = finished.first().first().toJsonObject();
        QCOMPARE(attachment, upload.attachment());
        QCOMPARE(attachment.value("caseId").toString(), c.id);
        QCOMPARE(attachment.value("mediaType").toString(), QStringLiteral("application/pdf"));
        QCOMPARE(attachment.value("filename").toString(), QStringLiteral("劳动合同.pdf"));
        QCOMPARE(attachment.value("size").toInteger(), m_pdf.size());
        QCOMPARE(attachment.value("sha256").toString().toLatin1(), sha256Hex(m_pdf));
        QVERIFY(pendingKeys().isEmpty());

        // Byte for byte what was scanned.
        const QString id = attachment.value("id").toString();
        const ApiReply content = m_http->get("/api/v1/cases/" + c.id + "/attachments/" + id + "/content");
        QCOMPARE(content.status, 200);
        QCOMPARE(content.body.size(), m_pdf.size());
        QCOMPARE(sha256Hex(content.body), sha256Hex(m_pdf));
        QVERIFY(content.body == m_pdf);

        // Supplied as a scan: the last deficiency, so the case is accepted.
        const QString casePath = "/cases/" + c.id;
        QCOMPARE(wait([&](auto cb) { m_api.get(casePath, cb); }).status, 200);
        const ApiResponse supplied = wait([&](auto cb) {
            m_api.change("POST", casePath + "/deficiencies/" + c.deficiency + "/supply", casePath,
                {{"provided", "scan"}, {"attachmentId", id}}, cb);
        });
        QVERIFY2(supplied.ok(), qPrintable(supplied.error.userMessage()));
        QCOMPARE(supplied.object().value("status").toString(), QStringLiteral("accepted"));
        const QJsonObject deficiency = supplied.object().value("deficiencies").toArray().first().toObject();
        QCOMPARE(deficiency.value("status").toString(), QStringLiteral("supplied"));
        QCOMPARE(deficiency.value("attachmentId").toString(), id);
        QCOMPARE(deficiency.value("provided").toString(), QStringLiteral("scan"));
    }

    // The server stored the file but the answer was lost: retried with the same key through a
    // working path, the case still has one attachment.
    void networkCutThenRetry()
    {
        const Case c = createCase();
        CuttingRelay relay(quint16(QUrl(m_server.baseUrl()).port()));
        ApiClient cut;
        cut.setBaseUrl(QUrl(relay.url()));
        cut.setToken(m_api.token());
        cut.setMaxRetries(1);
        cut.setRetryBaseDelay(20);

        AttachmentUpload upload(&cut);
        QSignalSpy finished(&upload, &AttachmentUpload::finished);
        QSignalSpy failed(&upload, &AttachmentUpload::failed);
        upload.start(c.id, m_pdf, QStringLiteral("contract.pdf"));
        QVERIFY(failed.wait(patience));
        QVERIFY(finished.isEmpty());
        const ApiError error = failed.first().at(0).value<ApiError>();
        QCOMPARE(error.kind, ApiError::Kind::Network);
        QVERIFY(failed.first().at(1).toBool()); // retryable
        QVERIFY(relay.answersDropped >= 1); // the server did get it
        QCOMPARE(attachmentsOf(c.id).size(), 1);
        QVERIFY(pendingKeys().contains(upload.idempotencyKey()));

        cut.setBaseUrl(QUrl(m_server.baseUrl()));
        QVERIFY(upload.retry());
        QVERIFY(!upload.retry()); // already on its way
        QVERIFY(QTest::qWaitFor([&] { return finished.count() + failed.count() > 1; }, patience));
        QCOMPARE(finished.count(), 1);
        const QJsonArray attachments = attachmentsOf(c.id);
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.first().toObject().value("id"), upload.attachment().value("id"));
        QCOMPARE(attachments.first().toObject().value("sha256").toString().toLatin1(), sha256Hex(m_pdf));
        QVERIFY(!pendingKeys().contains(upload.idempotencyKey()));
    }

    // Cut in the middle of the file on its way to the server, then in the middle of the answer:
    // nothing is stored with a prefix, the kept copy stays, and the retry stores the whole file once.
    void cutMidBody()
    {
        QVERIFY(m_pdf.size() > 20000);
        const Case c = createCase();
        const qint64 halfTheFile = m_pdf.size() / 2; // the request's head is well under 2,000 bytes
        // Every connection of the first attempt (the network stack may reconnect once) is cut
        // half-way through the file.
        CuttingProxy proxy(quint16(QUrl(m_server.baseUrl()).port()),
            QList<CuttingProxy::Cut>(4, CuttingProxy::Cut {halfTheFile, -1}));
        QVERIFY(proxy.listen());
        ApiClient cut;
        cut.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port())));
        cut.setToken(m_api.token());
        cut.setMaxRetries(0);

        AttachmentUpload upload(&cut);
        QSignalSpy finished(&upload, &AttachmentUpload::finished);
        QSignalSpy failed(&upload, &AttachmentUpload::failed);
        upload.start(c.id, m_pdf, QStringLiteral("cut.pdf"));
        QVERIFY(failed.wait(patience));
        QVERIFY(proxy.counts().cutRequests >= 1);
        QCOMPARE(proxy.counts().cutAnswers, 0);
        QVERIFY(failed.first().at(1).toBool()); // retryable
        QCOMPARE(upload.state(), AttachmentUpload::State::Failed);
        QVERIFY(!upload.problem().isEmpty());
        QCOMPARE(attachmentsOf(c.id).size(), 0); // no prefix stored
        const QString key = upload.idempotencyKey();
        QVERIFY(pendingKeys().contains(key));
        QFile kept(QDir(AttachmentUpload::defaultDirectory()).filePath(key + ".bin"));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(sha256Hex(kept.readAll()), sha256Hex(m_pdf));
        kept.close();

        // Again: the server gets the whole file, the answer is cut after 20 bytes.
        proxy.setCuts(QList<CuttingProxy::Cut>(4, CuttingProxy::Cut {-1, 20}));
        QVERIFY(upload.retry());
        QVERIFY(QTest::qWaitFor([&] { return finished.count() + failed.count() > 1; }, patience));
        QCOMPARE(failed.count(), 2);
        QVERIFY(proxy.counts().cutAnswers >= 1);
        QCOMPARE(upload.idempotencyKey(), key);
        QVERIFY(pendingKeys().contains(key));
        QJsonArray attachments = attachmentsOf(c.id);
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.first().toObject().value("sha256").toString().toLatin1(), sha256Hex(m_pdf));

        // And again, carried whole: the server answers as it did, nothing is stored twice.
        proxy.setCuts({});
        QVERIFY(upload.retry());
        QVERIFY(QTest::qWaitFor([&] { return finished.count() + failed.count() > 2; }, patience));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(upload.state(), AttachmentUpload::State::Finished);
        attachments = attachmentsOf(c.id);
        QCOMPARE(attachments.size(), 1);
        const QString id = attachments.first().toObject().value("id").toString();
        QCOMPARE(upload.attachment().value("id").toString(), id);
        const ApiReply content = m_http->get("/api/v1/cases/" + c.id + "/attachments/" + id + "/content");
        QCOMPARE(content.status, 200);
        QCOMPARE(sha256Hex(content.body), sha256Hex(m_pdf));
        QVERIFY(!pendingKeys().contains(key));
    }

    // The server holds another file under the upload's key (422): the copy is kept with the
    // problem, offered to the clerk, and the retry sends it under a new key.
    void conflictingKeyKeepsTheCopy()
    {
        const Case c = createCase();
        ApiClient unreachable;
        unreachable.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort())));
        unreachable.setToken(m_api.token());
        unreachable.setMaxRetries(0);
        QString key;
        {
            AttachmentUpload first(&unreachable);
            QSignalSpy failed(&first, &AttachmentUpload::failed);
            first.start(c.id, m_pdf, QStringLiteral("conflict.pdf"));
            QVERIFY(failed.wait(patience));
            key = first.idempotencyKey();
        }
        const QByteArray other = QByteArrayLiteral("%PDF-1.7\nanother file\n");
        QCOMPARE(m_http->post("/api/v1/cases/" + c.id + "/attachments?filename=other.pdf", other,
                     {{"Idempotency-Key", key.toLatin1()}, {"Content-Type", "application/pdf"}})
                     .status,
            201);

        AttachmentUpload upload(&m_api);
        QSignalSpy finished(&upload, &AttachmentUpload::finished);
        QSignalSpy failed(&upload, &AttachmentUpload::failed);
        upload.resume(AttachmentUpload::pendingUploads().first());
        QVERIFY(failed.wait(patience));
        const ApiError error = failed.first().at(0).value<ApiError>();
        QCOMPARE(error.status, 422);
        QCOMPARE(error.code, QStringLiteral("idempotency_key_reused"));
        QVERIFY(failed.first().at(1).toBool());
        QVERIFY(upload.needsNewKey());
        QVERIFY(upload.problem().contains(QStringLiteral("new key")));
        const QList<PendingUpload> pending = AttachmentUpload::pendingUploads();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().idempotencyKey, key);
        QCOMPARE(pending.first().problem.code, QStringLiteral("idempotency_key_reused"));
        QVERIFY(pending.first().needsClerk());
        QCOMPARE(pending.first().sha256.toLatin1(), sha256Hex(m_pdf));

        QVERIFY(upload.retry());
        QVERIFY(finished.wait(patience));
        QVERIFY(upload.idempotencyKey() != key);
        const QJsonArray attachments = attachmentsOf(c.id);
        QCOMPARE(attachments.size(), 2);
        QCOMPARE(attachments.last().toObject().value("sha256").toString().toLatin1(), sha256Hex(m_pdf));
        QCOMPARE(attachments.last().toObject().value("filename").toString(), QStringLiteral("conflict.pdf"));
        QVERIFY(AttachmentUpload::pendingUploads().isEmpty());
    }

    // The server cannot be reached and the client is closed: the upload is still there, for the user
    // alone, and goes out on the next start.
    void pendingUploadSurvivesARestart()
    {
        const Case c = createCase();
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        ApiClient unreachable;
        unreachable.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        unreachable.setToken(m_api.token());
        unreachable.setMaxRetries(0);

        auto *upload = new AttachmentUpload(&unreachable);
        QSignalSpy failed(upload, &AttachmentUpload::failed);
        upload->start(c.id, m_pdf, QStringLiteral("later.pdf"));
        QVERIFY(failed.wait(patience));
        QVERIFY(failed.first().at(1).toBool());
        const QString key = upload->idempotencyKey();
        delete upload;

        const QList<PendingUpload> pending = AttachmentUpload::pendingUploads();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().idempotencyKey, key);
        QCOMPARE(pending.first().caseId, c.id);
        QCOMPARE(pending.first().filename, QStringLiteral("later.pdf"));
        QCOMPARE(pending.first().size, m_pdf.size());
        QCOMPARE(pending.first().mediaType, QStringLiteral("application/pdf"));
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
        const QDir folder(AttachmentUpload::defaultDirectory());
        QCOMPARE(QFile::permissions(folder.path()) & others, QFileDevice::Permissions());
        const QFileInfoList files = folder.entryInfoList(QDir::Files);
        QCOMPARE(files.size(), 2);
        for (const QFileInfo &file : files)
            QCOMPARE(file.permissions() & others, QFileDevice::Permissions());
        QCOMPARE(attachmentsOf(c.id).size(), 0);

        AttachmentUpload resumed(&m_api);
        QSignalSpy finished(&resumed, &AttachmentUpload::finished);
        QSignalSpy failedAgain(&resumed, &AttachmentUpload::failed);
        resumed.resume(pending.first());
        QVERIFY(QTest::qWaitFor([&] { return finished.count() + failedAgain.count() > 0; }, patience));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(resumed.idempotencyKey(), key);
        const QJsonArray attachments = attachmentsOf(c.id);
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.first().toObject().value("filename").toString(), QStringLiteral("later.pdf"));
        QVERIFY(AttachmentUpload::pendingUploads().isEmpty());
        QVERIFY(folder.entryInfoList(QDir::Files).isEmpty());
    }

    // Gone the moment it started (the client closed): the copy is still made and goes out later.
    void goneRightAfterStarting()
    {
        const Case c = createCase();
        auto *upload = new AttachmentUpload(&m_api);
        upload->start(c.id, m_pdf, QStringLiteral("quick.pdf"));
        const QString key = upload->idempotencyKey();
        delete upload;
        QTRY_COMPARE_WITH_TIMEOUT(pendingKeys(), QStringList {key}, patience);

        AttachmentUpload resumed(&m_api);
        QSignalSpy finished(&resumed, &AttachmentUpload::finished);
        resumed.resume(AttachmentUpload::pendingUploads().first());
        QVERIFY(finished.wait(patience));
        QCOMPARE(attachmentsOf(c.id).size(), 1);
        QVERIFY(pendingKeys().isEmpty());
    }

    // A file the server will never take: not retryable, kept with its problem until the clerk
    // discards it.
    void refusedFileIsKeptUntilDiscarded()
    {
        const Case c = createCase();
        AttachmentUpload upload(&m_api);
        QSignalSpy failed(&upload, &AttachmentUpload::failed);
        upload.start(c.id, QByteArray("just some text, not a scan"), QStringLiteral("notes.pdf"));
        QVERIFY(failed.wait(patience));
        const ApiError error = failed.first().at(0).value<ApiError>();
        QCOMPARE(error.status, 415);
        QCOMPARE(error.code, QStringLiteral("unsupported_media_type"));
        QVERIFY(!error.userMessage().isEmpty());
        QCOMPARE(failed.first().at(1).toBool(), false);
        QCOMPARE(attachmentsOf(c.id).size(), 0);
        const QList<PendingUpload> pending = AttachmentUpload::pendingUploads();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().problem.status, 415);
        QVERIFY(pending.first().needsClerk());
        QVERIFY(AttachmentUpload::problemText(pending.first().problem).contains(QStringLiteral("discard")));
        QVERIFY(AttachmentUpload::discard(pending.first().idempotencyKey));
        QVERIFY(AttachmentUpload::pendingUploads().isEmpty());
    }

    // A kept copy belongs to the application user who started it: another user of the same PC
    // is neither shown it nor can resume it; copies kept before owners were recorded are shown
    // to anyone.
    void keptUploadsBelongToTheirUser()
    {
        const Case c = createCase();
        ApiClient unreachable;
        unreachable.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort())));
        unreachable.setToken(m_api.token());
        unreachable.setMaxRetries(0);
        QStringList keys;
        for (const QString &user : {QStringLiteral("clerk1"), QStringLiteral("clerk2")}) {
            unreachable.setSignedInUser(user);
            AttachmentUpload upload(&unreachable);
            QSignalSpy failed(&upload, &AttachmentUpload::failed);
            upload.start(c.id, m_pdf, user + QStringLiteral(".pdf"));
            QVERIFY(failed.wait(patience));
            keys << upload.idempotencyKey();
        }
        QCOMPARE(AttachmentUpload::pendingUploads().size(), 2);
        const QList<PendingUpload> mine = AttachmentUpload::pendingUploadsOf(QStringLiteral("clerk1"));
        QCOMPARE(mine.size(), 1);
        QCOMPARE(mine.first().idempotencyKey, keys.at(0));
        QCOMPARE(mine.first().owner, QStringLiteral("clerk1"));
        QCOMPARE(AttachmentUpload::pendingUploadsOf(QStringLiteral("clerk2")).first().idempotencyKey, keys.at(1));
        QVERIFY(AttachmentUpload::pendingUploadsOf(QStringLiteral("agent1")).isEmpty());

        // A copy without an owner (kept by an older version): everyone's.
        QFile meta(QDir(AttachmentUpload::defaultDirectory()).filePath(keys.at(1) + QStringLiteral(".json")));
        QVERIFY(meta.open(QIODevice::ReadOnly));
        QJsonObject o = QJsonDocument::fromJson(meta.readAll()).object();
        meta.close();
        o.remove(QStringLiteral("owner"));
        QVERIFY(meta.open(QIODevice::WriteOnly | QIODevice::Truncate));
        meta.write(QJsonDocument(o).toJson());
        meta.close();
        QCOMPARE(AttachmentUpload::pendingUploadsOf(QStringLiteral("agent1")).size(), 1);
        QCOMPARE(AttachmentUpload::pendingUploadsOf(QStringLiteral("clerk1")).size(), 2);

        // Resumed by its owner, it keeps its owner when it fails again.
        unreachable.setSignedInUser(QStringLiteral("clerk2"));
        AttachmentUpload resumed(&unreachable);
        QSignalSpy failedAgain(&resumed, &AttachmentUpload::failed);
        resumed.resume(mine.first());
        QVERIFY(failedAgain.wait(patience));
        QCOMPARE(AttachmentUpload::pendingUploadsOf(QStringLiteral("clerk1")).size(), 2);

        // uploads/keepDays: copies kept before the cutoff go, whoever kept them.
        const QDateTime kept = mine.first().savedAt;
        QVERIFY(kept.isValid());
        QCOMPARE(AttachmentUpload::purgeKeptBefore(kept.addSecs(-60)), 0);
        QCOMPARE(AttachmentUpload::pendingUploads().size(), 2);
        QCOMPARE(AttachmentUpload::purgeKeptBefore(kept.addSecs(3600)), 2);
        QVERIFY(AttachmentUpload::pendingUploads().isEmpty());
        QVERIFY(QDir(AttachmentUpload::defaultDirectory()).entryInfoList(QDir::Files).isEmpty());
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_AttachmentUpload)
#include "tst_attachmentupload.moc"
