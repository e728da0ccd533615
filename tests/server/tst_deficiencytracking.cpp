// Accept with deficiency, tracked to the end, against a real onewindow-server on SQLite or
// PostgreSQL (ONEWINDOW_TEST_DATABASE): attachments, waiving, the clock pause, reminders written
// and sent once (also with two instances on one database), overdue, termination, and the
// applicant's broken commitment until a supervisor clears it. Dates move by restarting the
// server with --today; background jobs are off and run through POST /jobs/run, so nothing waits
// on a timer. Every exchange is recorded for the OpenAPI check.
#include "sampleintake.h"
#include "serverprocess.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kApi = QStringLiteral("/api/v1");
QString api(const QString &path) { return kApi + path; }

// The applicant who will break a commitment; everyone else is the default applicant.
const QString kDefaulter = QStringLiteral("320584198503120019");
const QString kDefaultApplicant = QStringLiteral("11010519491231002X");

QJsonObject applicantPerson(const QString &id)
{
    return samplePerson(QStringLiteral("李四"), id);
}

QStringList valuesOf(const QJsonArray &items, const QString &key)
{
    QStringList out;
    for (const auto &item : items)
        out << item.toObject().value(key).toString();
    return out;
}

QByteArray randomBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        bytes[i] = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return bytes;
}

QByteArray pdfFile(int size) { return QByteArrayLiteral("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n") + randomBytes(size); }
QByteArray pngFile(int size) { return QByteArray("\x89PNG\r\n\x1A\n", 8) + randomBytes(size); }
QByteArray jpegFile(int size) { return QByteArray("\xFF\xD8\xFF\xE0", 4) + randomBytes(size); }

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// RFC 9530: `sha-256=:<base64>:`.
QByteArray contentDigest(const QByteArray &bytes)
{
    return "sha-256=:" + QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toBase64() + ":";
}

} // namespace

class tst_DeficiencyTracking : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestDatabase m_db;
    ServerProcess m_server;
    QString m_config;
    QString m_smsLog;
    SignedInUsers m_users{m_server};
    QString m_walkCase, m_walkNumber, m_pausedCase;

    HttpClient &as(const QString &username) { return m_users.as(username); }

    QByteArray newKey() { return QByteArray("key-") + QByteArray::number(QRandomGenerator::global()->generate64()); }

    QJsonObject intake(const QString &matter, const QString &applicantId, const QString &deficient = {})
    {
        return sampleIntake(as("clerk1"), matter, "SZ", applicantPerson(applicantId),
                            deficient.isEmpty() ? QStringList() : QStringList{deficient});
    }

    ApiReply createCase(const QJsonObject &body)
    {
        return as("clerk1").post(api("/cases"), toJson(body), {{"Idempotency-Key", newKey()}});
    }

    ApiReply upload(const QString &user, const QString &caseId, const QByteArray &content, const QByteArray &key,
                    const QString &filename = {})
    {
        const QString query = filename.isEmpty() ? QString() : "?filename=" + QUrl::toPercentEncoding(filename);
        return as(user).post(api("/cases/") + caseId + "/attachments" + query, content,
                             {{"Idempotency-Key", key}, {"Content-Type", "application/octet-stream"}});
    }

    QStringList startArguments(const QString &today) const
    {
        return {"--database", m_db.url(), "--demo", "--today", today, "--config", m_config};
    }

    bool restartAt(const QString &today)
    {
        if (m_server.isRunning() && m_server.stop() != 0)
            return false;
        m_users.clear();
        QString error;
        if (!m_server.start(startArguments(today), &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        return true;
    }

    QJsonObject runJobs()
    {
        const ApiReply r = as("admin").post(api("/jobs/run"), "{}");
        if (r.status != 200)
            qWarning("jobs/run: %d %s", r.status, r.body.constData());
        return r.object();
    }

    QJsonArray notificationsOf(const QString &caseId)
    {
        return as("supervisor1").get(api("/notifications?caseId=") + caseId).object().value("items").toArray();
    }

    QStringList smsLines(const QString &containing)
    {
        QFile file(m_smsLog);
        QStringList out;
        if (!file.open(QIODevice::ReadOnly))
            return out;
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (!line.isEmpty() && QString::fromUtf8(line).contains(containing))
                out << QString::fromUtf8(line);
        }
        return out;
    }

    QJsonObject deficiencyOf(const QString &caseId)
    {
        return as("clerk1").get(api("/cases/") + caseId).object().value("deficiencies").toArray()[0].toObject();
    }

    QStringList auditActions(const QString &caseId)
    {
        return valuesOf(as("clerk1").get(api("/cases/") + caseId + "/audit").object().value("items").toArray(),
                        "action");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (const QString traffic = qEnvironmentVariable("ONEWINDOW_CONTRACT_TRAFFIC"); !traffic.isEmpty())
            QFile::remove(traffic);
        // The SMS gateway of the test: a command that appends phone and text to a file.
        m_smsLog = m_dir.filePath("sms.log");
        QFile script(m_dir.filePath("send-sms"));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(QByteArray("#!/bin/sh\nprintf '%s\\t%s\\n' \"$1\" \"$2\" >> '") + m_smsLog.toUtf8() + "'\n");
        script.close();
        QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QFile config(m_dir.filePath("server.properties"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("jobs.intervalSeconds = 0\nreminders.daysBefore = 2\nnotifier.command = " + script.fileName().toUtf8()
                     + "\n");
        config.close();
        m_config = config.fileName();

        QString error;
        m_db = TestDatabase::create(TestDatabase::kindFromEnvironment(), m_dir.path(), &error);
        QVERIFY2(!m_db.url().isEmpty(), qPrintable(error));
        QVERIFY2(m_server.start(startArguments("2026-11-27"), &error), qPrintable(error));
    }

    void attachments()
    {
        const ApiReply created = createCase(intake("HF-001", kDefaultApplicant, "LABOR_CONTRACT"));
        QCOMPARE(created.status, 201);
        const QString caseId = created.object().value("id").toString();
        const QString other = createCase(intake("HF-001", kDefaultApplicant)).object().value("id").toString();
        QVERIFY(!other.isEmpty());

        // PDF, PNG and JPEG by their content; the bytes come back identical, with their type and hash.
        const QList<QPair<QByteArray, QString>> files{{pdfFile(300 * 1024), "application/pdf"},
                                                      {pngFile(4096), "image/png"},
                                                      {jpegFile(70000), "image/jpeg"}};
        QStringList ids;
        for (const auto &[bytes, mediaType] : files) {
            const ApiReply r = upload("clerk1", caseId, bytes, newKey(), QStringLiteral("劳动合同扫描件"));
            QCOMPARE(r.status, 201);
            const QJsonObject a = r.object();
            QCOMPARE(a.value("mediaType").toString(), mediaType);
            QCOMPARE(a.value("sha256").toString(), sha256(bytes));
            QCOMPARE(a.value("size").toInteger(), bytes.size());
            QCOMPARE(a.value("caseId").toString(), caseId);
            QCOMPARE(a.value("createdBy").toString(), QStringLiteral("clerk1"));
            QCOMPARE(a.value("filename").toString(), QStringLiteral("劳动合同扫描件"));
            QCOMPARE(QString::fromUtf8(r.header("location")),
                     api("/cases/") + caseId + "/attachments/" + a.value("id").toString() + "/content");
            const ApiReply back = as("clerk2").get(QString::fromUtf8(r.header("location")));
            QCOMPARE(back.status, 200);
            QVERIFY(back.body == bytes);
            QCOMPARE(QString::fromLatin1(back.header("content-type")), mediaType);
            QCOMPARE(QString::fromLatin1(back.header("etag")), "\"" + sha256(bytes) + "\"");
            QCOMPARE(as("clerk1").get(QString::fromUtf8(r.header("location")), {{"If-None-Match", back.header("etag")}}).status,
                     304);
            ids << a.value("id").toString();
        }
        // The approver of the matter's department reads them too.
        QCOMPARE(as("approver-hf").get(api("/cases/") + caseId + "/attachments/" + ids[1] + "/content").status, 200);

        // A text file named .pdf (and sent as application/pdf) is refused by its content.
        ApiReply r = as("clerk1").post(api("/cases/") + caseId + "/attachments?filename=contract.pdf",
                                       "just some text, not a PDF\n",
                                       {{"Idempotency-Key", newKey()}, {"Content-Type", "application/pdf"}});
        QCOMPARE(r.status, 415);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("unsupported_media_type"));
        QCOMPARE(upload("clerk1", caseId, "", newKey()).status, 415);

        // A retried upload (the network cut before the answer) answers the first time's and stores nothing twice.
        const QByteArray bytes = pdfFile(5000);
        const QByteArray key = newKey();
        const ApiReply first = upload("clerk1", caseId, bytes, key, "retry.pdf");
        QCOMPARE(first.status, 201);
        const ApiReply again = upload("clerk1", caseId, bytes, key, "retry.pdf");
        QCOMPARE(again.status, 201);
        QCOMPARE(again.object().value("id").toString(), first.object().value("id").toString());
        QCOMPARE(again.header("idempotent-replayed"), QByteArray("true"));
        r = upload("clerk1", caseId, pdfFile(5000), key, "retry.pdf");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("idempotency_key_reused"));
        QCOMPARE(as("clerk1").post(api("/cases/") + caseId + "/attachments", bytes).status, 428);
        r = as("clerk1").get(api("/cases/") + caseId + "/attachments");
        QCOMPARE(r.status, 200);
        QCOMPARE(valuesOf(r.object().value("items").toArray(), "id"), QStringList(ids) << first.object().value("id").toString());
        QCOMPARE(valuesOf(r.object().value("items").toArray(), "filename").last(), QStringLiteral("retry.pdf"));
        ids << first.object().value("id").toString();

        // The sender's SHA-256 (Content-Digest) is checked against the bytes received: a file
        // changed on the way (here one byte, the length unchanged) is refused and nothing is stored.
        const QByteArray scan = pdfFile(40000);
        QByteArray damaged = scan;
        damaged[20000] = static_cast<char>(damaged[20000] ^ 0x5a);
        const QByteArray digestKey = newKey();
        const QString path = api("/cases/") + caseId + "/attachments?filename=digest.pdf";
        r = as("clerk1").post(path, damaged, {{"Idempotency-Key", digestKey}, {"Content-Digest", contentDigest(scan)}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("digest_mismatch"));
        QVERIFY(r.object().value("detail").toString().contains("Nothing was stored"));
        QCOMPARE(as("clerk1").get(api("/cases/") + caseId + "/attachments").object().value("items").toArray().size(),
                 ids.size());
        // The same key with the whole file then stores it (the refusal kept nothing of the key).
        r = as("clerk1").post(path, scan, {{"Idempotency-Key", digestKey},
                                           {"Content-Digest", "sha-512=:AAAA:, " + contentDigest(scan)}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value("sha256").toString(), sha256(scan));
        ids << r.object().value("id").toString();
        // The same key and file without the digest is another request.
        r = as("clerk1").post(path, scan, {{"Idempotency-Key", digestKey}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("idempotency_key_reused"));
        // Repr-Digest is read as well; a digest that is no SHA-256 in base64 is refused.
        r = as("clerk1").post(path, damaged, {{"Idempotency-Key", newKey()}, {"Repr-Digest", contentDigest(scan)}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("digest_mismatch"));
        r = as("clerk1").post(path, scan, {{"Idempotency-Key", newKey()}, {"Content-Digest", "sha-256=:bm90IGEgaGFzaA==:"}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("invalid_digest"));
        r = as("clerk1").get(api("/cases/") + caseId + "/attachments");
        QCOMPARE(valuesOf(r.object().value("items").toArray(), "id"), ids);

        // Out of scope is not there at all: another village's agent, another department's approver.
        QCOMPARE(upload("agent2", caseId, pdfFile(100), newKey()).status, 404);
        QCOMPARE(as("agent2").get(api("/cases/") + caseId + "/attachments").status, 404);
        QCOMPARE(as("agent2").get(api("/cases/") + caseId + "/attachments/" + ids[0] + "/content").status, 404);
        QCOMPARE(as("approver-mr").get(api("/cases/") + caseId + "/attachments/" + ids[0] + "/content").status, 404);
        QCOMPARE(upload("approver-hf", caseId, pdfFile(100), newKey()).status, 404);
        QCOMPARE(as("clerk1").get(api("/cases/") + other + "/attachments/" + ids[0] + "/content").status, 404);

        // Supplying with an attachment: it must be one of this case's.
        const ApiReply c = as("clerk1").get(api("/cases/") + caseId);
        const QString did = c.object().value("deficiencies").toArray()[0].toObject().value("id").toString();
        const QString supply = api("/cases/") + caseId + "/deficiencies/" + did + "/supply";
        const QString otherAttachment =
            upload("clerk1", other, pngFile(100), newKey()).object().value("id").toString();
        QVERIFY(!otherAttachment.isEmpty());
        r = as("clerk1").post(supply, toJson({{"provided", "scan"}, {"attachmentId", otherAttachment}}),
                              {{"If-Match", c.header("etag")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(valuesOf(r.object().value("errors").toArray(), "code"), QStringList{"not_in_case"});
        r = as("clerk1").post(supply, toJson({{"provided", "scan"}, {"attachmentId", ids[0]}}),
                              {{"If-Match", c.header("etag")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("accepted"));
        const QJsonObject d = r.object().value("deficiencies").toArray()[0].toObject();
        QCOMPARE(d.value("attachmentId").toString(), ids[0]);
        QCOMPARE(d.value("suppliedBy").toString(), QStringLiteral("clerk1"));
        QVERIFY(auditActions(caseId).contains("attachment_added"));
    }

    // An installation may allow smaller files; over the limit is 413 before anything is stored.
    void attachmentSizeLimit()
    {
        QTemporaryDir dir;
        QString error;
        const TestDatabase db = TestDatabase::create(m_db.kind(), dir.path(), &error);
        QVERIFY2(!db.url().isEmpty(), qPrintable(error));
        QFile config(dir.filePath("small.properties"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("jobs.intervalSeconds = 0\nattachments.maxBytes = 2000\n");
        config.close();
        ServerProcess server;
        QVERIFY2(server.start({"--database", db.url(), "--demo", "--today", "2026-11-27", "--config",
                               config.fileName()},
                              &error),
                 qPrintable(error));
        HttpClient clerk(server.baseUrl());
        QCOMPARE(clerk.signIn("clerk1").status, 201);
        const QJsonObject body = intake("HF-001", kDefaultApplicant);
        const ApiReply created = clerk.post(api("/cases"), toJson(body), {{"Idempotency-Key", newKey()}});
        QCOMPARE(created.status, 201);
        const QString path = api("/cases/") + created.object().value("id").toString() + "/attachments";
        ApiReply r = clerk.post(path, pdfFile(3000), {{"Idempotency-Key", newKey()}});
        QCOMPARE(r.status, 413);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("payload_too_large"));
        r = clerk.post(path, pdfFile(1900), {{"Idempotency-Key", newKey()}});
        QCOMPARE(r.status, 201);
        r = clerk.get(path);
        QCOMPARE(r.object().value("items").toArray().size(), 1);
        QCOMPARE(server.stop(), 0);
    }

    void waive()
    {
        const ApiReply created = createCase(intake("HF-001", kDefaultApplicant, "LABOR_CONTRACT"));
        QCOMPARE(created.status, 201);
        const QString caseId = created.object().value("id").toString();
        const QString did = created.object().value("deficiencies").toArray()[0].toObject().value("id").toString();
        const QString path = api("/cases/") + caseId + "/deficiencies/" + did + "/waive";
        const QByteArray etag = created.header("etag");
        const QByteArray reason = toJson({{"reason", QStringLiteral("单位已通过电子证照库核验劳动关系")}});
        // The supervisor's alone; others do not see the action at all.
        QCOMPARE(as("clerk1").post(path, reason, {{"If-Match", etag}}).status, 404);
        QCOMPARE(as("agent1").post(path, reason, {{"If-Match", etag}}).status, 404);
        ApiReply r = as("supervisor1").post(path, toJson({{"reason", "   "}}), {{"If-Match", etag}});
        QCOMPARE(r.status, 422);
        QCOMPARE(valuesOf(r.object().value("errors").toArray(), "field"), QStringList{"reason"});
        QCOMPARE(as("supervisor1").post(path, toJson(QJsonObject{}), {{"If-Match", etag}}).status, 422);
        QCOMPARE(as("supervisor1").post(path, reason).status, 428);
        QCOMPARE(as("supervisor1").post(path, reason, {{"If-Match", "\"9\""}}).status, 412);
        r = as("supervisor1").post(path, reason, {{"If-Match", etag}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("accepted"));
        QCOMPARE(r.header("etag"), QByteArray("\"2\""));
        const QJsonObject d = r.object().value("deficiencies").toArray()[0].toObject();
        QCOMPARE(d.value("status").toString(), QStringLiteral("waived"));
        QCOMPARE(d.value("waivedBy").toString(), QStringLiteral("supervisor1"));
        QCOMPARE(d.value("waiveReason").toString(), QStringLiteral("单位已通过电子证照库核验劳动关系"));
        QVERIFY(!d.value("waivedAt").isNull());
        r = as("supervisor1").post(path, reason, {{"If-Match", "\"2\""}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.object().value("reason").toString(), QStringLiteral("deficiency_waived"));
        const ApiReply audit = as("supervisor1").get(api("/cases/") + caseId + "/audit");
        const QJsonArray items = audit.object().value("items").toArray();
        QCOMPARE(valuesOf(items, "action"),
                 (QStringList{"accept_with_deficiency", "deficiency_waived", "complete_materials"}));
        QVERIFY(items[1].toObject().value("detail").toString().contains(QStringLiteral("电子证照库")));
        QCOMPARE(items[1].toObject().value("actor").toString(), QStringLiteral("supervisor1"));
    }

    // The cases the rest of the walk follows, accepted on Friday 27 November 2026.
    void acceptTheWalkCases()
    {
        ApiReply r = createCase(intake("HF-001", kDefaulter, "LABOR_CONTRACT"));
        QCOMPARE(r.status, 201);
        m_walkCase = r.object().value("id").toString();
        m_walkNumber = r.object().value("number").toString();
        QJsonObject d = r.object().value("deficiencies").toArray()[0].toObject();
        QCOMPARE(d.value("dueDate").toString(), QStringLiteral("2026-12-04"));
        // HF-001 gives 3 working days' grace: Monday to Wednesday.
        QCOMPARE(d.value("terminatesAfter").toString(), QStringLiteral("2026-12-09"));
        QVERIFY(r.object().value("clockPauses").toArray().isEmpty()); // HF-001's clock runs

        // HF-003 stops its clock while a material is deficient.
        r = createCase(intake("HF-003", kDefaultApplicant, "MARRIAGE_CERT"));
        QCOMPARE(r.status, 201);
        m_pausedCase = r.object().value("id").toString();
        QCOMPARE(r.object().value("promisedDueDate").toString(), QStringLiteral("2026-12-04"));
        const QJsonArray pauses = r.object().value("clockPauses").toArray();
        QCOMPARE(pauses.size(), 1);
        QCOMPARE(pauses[0].toObject().value("start").toString(), QStringLiteral("2026-11-27"));
        QVERIFY(pauses[0].toObject().value("end").isNull());
        // The answer to an intake is built from the rows it writes, not read back: it must be the
        // case as stored, deficiencies, reminders and clock pause included.
        const ApiReply paused = as("clerk1").get(api("/cases/") + m_pausedCase);
        QCOMPARE(paused.status, 200);
        QCOMPARE(paused.object(), r.object());
        QCOMPARE(as("clerk1").get(api("/cases/") + m_walkCase).object().value("deficiencies").toArray()[0].toObject(), d);

        // Nothing is due within two working days yet.
        runJobs();
        QVERIFY(notificationsOf(m_walkCase).isEmpty());
    }

    // Wednesday 2 December: two working days before the due date. Two instances on one database
    // run the jobs at the same moment; each reminder is written and sent once.
    void reminderOnceWithTwoInstances()
    {
        QVERIFY(restartAt("2026-12-02"));
        QString error;
        ServerProcess second;
        QVERIFY2(second.start(startArguments("2026-12-02"), &error), qPrintable(error));
        HttpClient secondAdmin(second.baseUrl());
        QCOMPARE(secondAdmin.signIn("admin").status, 201);
        QNetworkAccessManager network;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 6; ++i) {
            const bool first = i % 2 == 0;
            QNetworkRequest request(QUrl((first ? m_server.baseUrl() : second.baseUrl()) + api("/jobs/run")));
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            request.setRawHeader("Authorization",
                                 "Bearer " + (first ? as("admin").token() : secondAdmin.token()).toUtf8());
            replies << network.post(request, QByteArray("{}"));
        }
        int reminders = 0;
        for (QNetworkReply *reply : replies) {
            if (!reply->isFinished())
                QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 60000));
            const QByteArray answer = reply->readAll();
            QVERIFY2(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200, answer.constData());
            reminders += QJsonDocument::fromJson(answer).object().value("reminders").toInt();
            reply->deleteLater();
        }
        QCOMPARE(second.stop(), 0);

        const QJsonArray items = notificationsOf(m_walkCase);
        QCOMPARE(items.size(), 1);
        const QJsonObject n = items[0].toObject();
        QCOMPARE(n.value("kind").toString(), QStringLiteral("due_soon"));
        QCOMPARE(n.value("status").toString(), QStringLiteral("sent"));
        QCOMPARE(n.value("attempts").toInt(), 1);
        QCOMPARE(n.value("recipient").toString(), QStringLiteral("13800138000"));
        QCOMPARE(n.value("text").toString(), QStringLiteral("【一窗受理】您的办件 %1 容缺材料“劳动合同”请于 2026年12月4日 "
                                                            "前补齐，逾期将终止办理。")
                                                 .arg(m_walkNumber));
        QCOMPARE(smsLines(m_walkNumber).size(), 1);
        QCOMPARE(smsLines(m_walkNumber)[0], "13800138000\t" + n.value("text").toString());
        // Every reminder written (this case's and the others') was written by exactly one run.
        const QJsonArray all = as("supervisor1").get(api("/notifications?limit=200")).object().value("items").toArray();
        QCOMPARE(reminders, all.size());
        QCOMPARE(smsLines("【一窗受理】").size(), all.size());

        // Running again writes and sends nothing new.
        const QJsonObject again = runJobs();
        QCOMPARE(again.value("reminders").toInt(), 0);
        QCOMPARE(again.value("sent").toInt(), 0);
        QCOMPARE(smsLines(m_walkNumber).size(), 1);
        // The case shows the reminder with its deficiency.
        const QJsonArray shown = deficiencyOf(m_walkCase).value("reminders").toArray();
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown[0].toObject().value("kind").toString(), QStringLiteral("due_soon"));
        QVERIFY(!shown[0].toObject().value("sentAt").isNull());
    }

    // The paused clock: supplied on 2 December, three working days after acceptance, so the
    // promised due date moves from 4 to 9 December.
    void clockPauseMovesTheDueDate()
    {
        const ApiReply c = as("clerk2").get(api("/cases/") + m_pausedCase);
        const QString did = c.object().value("deficiencies").toArray()[0].toObject().value("id").toString();
        const ApiReply r = as("clerk2").post(api("/cases/") + m_pausedCase + "/deficiencies/" + did + "/supply",
                                             toJson({{"provided", "paper"}}), {{"If-Match", c.header("etag")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("accepted"));
        QCOMPARE(r.object().value("promisedDueDate").toString(), QStringLiteral("2026-12-09"));
        const QJsonArray pauses = r.object().value("clockPauses").toArray();
        QCOMPARE(pauses.size(), 1);
        const QJsonObject pause = pauses[0].toObject();
        QCOMPARE(pause.value("start").toString(), QStringLiteral("2026-11-27"));
        QCOMPARE(pause.value("end").toString(), QStringLiteral("2026-12-02"));
        QCOMPARE(pause.value("workingDays").toInt(), 3);
        QVERIFY(pause.value("reason").toString().contains(QStringLiteral("结婚证")));
        const QStringList actions = auditActions(m_pausedCase);
        QVERIFY(actions.contains("clock_paused"));
        QVERIFY(actions.contains("clock_resumed"));
        // The reminder of a supplied material is never sent later.
        QCOMPARE(runJobs().value("sent").toInt(), 0);
    }

    void reminderOnTheDueDate()
    {
        QVERIFY(restartAt("2026-12-04"));
        runJobs();
        const QJsonArray items = notificationsOf(m_walkCase);
        QCOMPARE(valuesOf(items, "kind"), (QStringList{"due_today", "due_soon"}));
        QCOMPARE(items[0].toObject().value("text").toString(),
                 QStringLiteral("【一窗受理】您的办件 %1 容缺材料“劳动合同”今日（2026年12月4日）到期，请于今日补齐，"
                                "逾期将终止办理。")
                     .arg(m_walkNumber));
        QCOMPARE(items[0].toObject().value("status").toString(), QStringLiteral("sent"));
        QCOMPARE(smsLines(m_walkNumber).size(), 2);
        QCOMPARE(deficiencyOf(m_walkCase).value("status").toString(), QStringLiteral("outstanding"));
    }

    // Monday 7 December: overdue, with the last day before termination in the reminder.
    void overdue()
    {
        QVERIFY(restartAt("2026-12-07"));
        runJobs();
        const ApiReply c = as("clerk1").get(api("/cases/") + m_walkCase);
        QCOMPARE(c.object().value("status").toString(), QStringLiteral("accepted_with_deficiency"));
        QVERIFY(c.object().value("overdue").toBool());
        const QJsonObject d = c.object().value("deficiencies").toArray()[0].toObject();
        QCOMPARE(d.value("status").toString(), QStringLiteral("overdue"));
        QVERIFY(!d.value("overdueAt").isNull());
        const QJsonArray items = notificationsOf(m_walkCase);
        QCOMPARE(valuesOf(items, "kind"), (QStringList{"overdue", "due_today", "due_soon"}));
        QCOMPARE(items[0].toObject().value("text").toString(),
                 QStringLiteral("【一窗受理】您的办件 %1 容缺材料“劳动合同”已于 2026年12月4日 到期未补齐，请于 "
                                "2026年12月9日 前补齐，否则将终止办理。")
                     .arg(m_walkNumber));
        QCOMPARE(smsLines(m_walkNumber).size(), 3);
    }

    // Wednesday 9 December is the grace period's last day: the case still stands.
    void graceLastDay()
    {
        QVERIFY(restartAt("2026-12-09"));
        QCOMPARE(runJobs().value("terminated").toInt(), 0);
        QCOMPARE(as("clerk1").get(api("/cases/") + m_walkCase).object().value("status").toString(),
                 QStringLiteral("accepted_with_deficiency"));
        QCOMPARE(notificationsOf(m_walkCase).size(), 3);
    }

    // Thursday 10 December: terminated, audited, and the applicant's commitment recorded as broken.
    void termination()
    {
        QVERIFY(restartAt("2026-12-10"));
        runJobs();
        const ApiReply c = as("clerk1").get(api("/cases/") + m_walkCase);
        QCOMPARE(c.object().value("status").toString(), QStringLiteral("terminated"));
        QVERIFY(!c.object().value("terminatedAt").isNull());
        const QStringList actions = auditActions(m_walkCase);
        QCOMPARE(actions.first(), QStringLiteral("accept_with_deficiency"));
        for (const char *action : {"reminder_queued", "reminder_sent", "deficiency_overdue", "terminate",
                                   "commitment_broken"})
            QVERIFY2(actions.contains(action), action);
        QCOMPARE(actions.count("reminder_sent"), 3);
        QVERIFY(actions.indexOf("deficiency_overdue") < actions.indexOf("terminate"));
        const QJsonArray audit = as("clerk1").get(api("/cases/") + m_walkCase + "/audit").object().value("items").toArray();
        for (const auto &entry : audit) {
            if (entry.toObject().value("action").toString() == "terminate") {
                QCOMPARE(entry.toObject().value("actor").toString(), QStringLiteral("system"));
                QVERIFY(entry.toObject().value("detail").toString().contains("LABOR_CONTRACT"));
            }
        }
        // Nothing more is sent about it, and nothing can be supplied any more.
        QCOMPARE(smsLines(m_walkNumber).size(), 3);
        const QString did = c.object().value("deficiencies").toArray()[0].toObject().value("id").toString();
        const ApiReply r = as("clerk1").post(api("/cases/") + m_walkCase + "/deficiencies/" + did + "/supply",
                                             toJson({{"provided", "paper"}}), {{"If-Match", c.header("etag")}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.object().value("reason").toString(), QStringLiteral("case_terminated"));
        // No file is attached to it any more.
        const ApiReply late = upload("clerk1", m_walkCase, pdfFile(1000), newKey(), "late.pdf");
        QCOMPARE(late.status, 409);
        QCOMPARE(late.object().value("code").toString(), QStringLiteral("case_final"));
        QVERIFY(late.object().value("detail").toString().contains("terminated"));
        // A second run changes nothing.
        QCOMPARE(runJobs().value("terminated").toInt(), 0);
        QCOMPARE(as("clerk1").get(api("/cases/") + m_walkCase).object().value("version").toInt(),
                 c.object().value("version").toInt());
    }

    void commitmentBrokenUntilCleared()
    {
        const QJsonObject deficient = intake("HF-001", kDefaulter, "LABOR_CONTRACT");
        ApiReply r = createCase(deficient);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("commitment_broken"));
        QVERIFY(r.object().value("detail").toString().contains("supervisor"));
        QCOMPARE(valuesOf(r.object().value("missing").toArray(), "reason"), QStringList{"applicant_broke_commitment"});
        // With every material there, the applicant is served as usual.
        r = createCase(intake("HF-001", kDefaulter));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("accepted"));
        // Other applicants are not affected.
        QCOMPARE(createCase(intake("HF-001", kDefaultApplicant, "LABOR_CONTRACT")).status, 201);

        const QString record = api("/applicants/") + kDefaulter + "/broken-commitment";
        QCOMPARE(as("clerk1").get(record).status, 404);
        r = as("supervisor1").get(record);
        QCOMPARE(r.status, 200);
        QVERIFY(r.object().value("brokeCommitment").toBool());
        QCOMPARE(r.object().value("caseId").toString(), m_walkCase);
        QCOMPARE(r.object().value("applicant").toString(), QStringLiteral("320584********0019"));
        QCOMPARE(as("supervisor1").get(api("/applicants/12345/broken-commitment")).status, 422);

        const QString clear = record + "/clear";
        QCOMPARE(as("clerk1").post(clear, toJson({{"reason", "x"}})).status, 404);
        QCOMPARE(as("supervisor1").post(clear, toJson({{"reason", ""}})).status, 422);
        r = as("supervisor1").post(clear, toJson({{"reason", QStringLiteral("申请人因住院未能按期补齐，已提供住院证明")}}));
        QCOMPARE(r.status, 200);
        QVERIFY(!r.object().value("brokeCommitment").toBool());
        QVERIFY(r.object().value("note").toString().contains(QStringLiteral("住院证明")));
        r = as("supervisor1").post(clear, toJson({{"reason", "again"}}));
        QCOMPARE(r.status, 409);
        QVERIFY(auditActions(m_walkCase).contains("commitment_cleared"));

        r = createCase(deficient);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("accepted_with_deficiency"));
    }

    void notificationsList()
    {
        ApiReply r = as("supervisor1").get(api("/notifications?status=sent&limit=2"));
        QCOMPARE(r.status, 200);
        QJsonArray items = r.object().value("items").toArray();
        QCOMPARE(items.size(), 2);
        const QString cursor = r.object().value("nextCursor").toString();
        QVERIFY(!cursor.isEmpty());
        r = as("supervisor1").get(api("/notifications?status=sent&limit=200&cursor=") + cursor);
        QCOMPARE(r.status, 200);
        const QJsonArray rest = r.object().value("items").toArray();
        QVERIFY(!rest.isEmpty());
        QVERIFY(!valuesOf(rest, "id").contains(items[0].toObject().value("id").toString()));
        for (const auto &item : rest)
            QCOMPARE(item.toObject().value("status").toString(), QStringLiteral("sent"));
        QCOMPARE(as("supervisor1").get(api("/notifications?status=lost")).status, 422);
        // Supervisors only; the others do not see the outbox at all.
        for (const char *user : {"clerk1", "agent1", "approver-hf", "admin", "auditor"})
            QCOMPARE(as(user).get(api("/notifications")).status, 404);
    }

    void auditChainIntact()
    {
        const ApiReply r = as("auditor").get(api("/audit/verify"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.object().value("valid").toBool());
        QCOMPARE(as("clerk1").post(api("/jobs/run"), "{}").status, 404);
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_DeficiencyTracking)
#include "tst_deficiencytracking.moc"
