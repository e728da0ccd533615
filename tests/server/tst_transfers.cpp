// Batches of paper materials sent from a village centre to its hall (代办流转清单), over real HTTP
// on SQLite or PostgreSQL (ONEWINDOW_TEST_DATABASE): one item per material given on paper, or the
// signed acceptance papers of a case with none; only the centre's own accepted cases, each in one
// batch on its way at a time; seen by the centre and by its hall, found by the code on the
// manifest; checked in by a clerk of the hall once, every missing item on record. Every exchange
// is recorded for the OpenAPI check.
#include "sampleintake.h"
#include "serverprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

QString api(const QString &path) { return QStringLiteral("/api/v1") + path; }

QByteArray newKey() { return QUuid::createUuid().toByteArray(QUuid::WithoutBraces); }

QStringList valuesOf(const QJsonArray &array, const QString &key)
{
    QStringList out;
    for (const auto &v : array)
        out << v.toObject().value(key).toString();
    return out;
}

/// The items of a batch as "case:kind:material:state", with the case's position among `cases`.
QStringList itemsOf(const QJsonObject &batch, const QStringList &cases)
{
    QStringList out;
    for (const auto &v : batch.value("items").toArray()) {
        const QJsonObject item = v.toObject();
        out << QString::number(cases.indexOf(item.value("caseId").toString())) + ":" + item.value("kind").toString()
                   + ":" + item.value("material").toString() + ":" + item.value("state").toString();
    }
    return out;
}

} // namespace

class tst_Transfers : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestDatabase m_db;
    ServerProcess m_server;
    SignedInUsers m_users{m_server};
    QStringList m_sent;    ///< agent1's cases in the first batch: all on paper, scanned, supplied on paper
    QJsonObject m_batch;   ///< the first batch, as created
    QJsonObject m_other;   ///< agent2's batch

    HttpClient &as(const QString &username) { return m_users.as(username); }

    // A sample HF-001 case accepted by `user` at `center`: every material `provided` so, except
    // the `deficient` ones.
    QString accepted(const QString &user, const QString &center, const QString &provided = "paper",
                     const QStringList &deficient = {})
    {
        QJsonObject body =
            sampleIntake(as(user), "HF-001", center, samplePerson(QStringLiteral("王五"), "110101199003070935"), deficient);
        QJsonArray materials;
        for (const auto &m : body.value("materials").toArray()) {
            QJsonObject material = m.toObject();
            if (material.value("provided").toString() == "paper")
                material.insert("provided", provided);
            materials.append(material);
        }
        body.insert("materials", materials);
        const ApiReply r = as(user).post(api("/cases"), toJson(body), {{"Idempotency-Key", newKey()}});
        if (r.status != 201)
            qFatal("intake refused: %s", r.body.constData());
        return r.object().value("id").toString();
    }

    ApiReply send(const QString &user, const QStringList &cases, const QByteArray &key = newKey(),
                  const QString &note = {})
    {
        QJsonObject body{{"cases", QJsonArray::fromStringList(cases)}};
        if (!note.isEmpty())
            body.insert("note", note);
        return as(user).post(api("/transfers"), toJson(body), {{"Idempotency-Key", key}});
    }

    ApiReply arrive(const QString &user, const QString &batch, const QJsonArray &missing, const QByteArray &key = newKey())
    {
        return as(user).post(api("/transfers/") + batch + "/arrival", toJson({{"missing", missing}}),
                             {{"Idempotency-Key", key}});
    }

    QStringList listed(const QString &user, const QString &query = {})
    {
        const ApiReply r = as(user).get(api("/transfers") + query);
        if (r.status != 200)
            qFatal("list refused: %s", r.body.constData());
        return valuesOf(r.object().value("items").toArray(), "id");
    }

    QStringList auditActions(const QString &caseId)
    {
        return valuesOf(as("agent1").get(api("/cases/") + caseId + "/audit").object().value("items").toArray(), "action");
    }

    // The demo data has one hall: a second one, 平望 (WJ), and its clerk, written into the database.
    void addSecondHall()
    {
        const QStringList statements{
            QStringLiteral("INSERT INTO centers (code, name, parent, kind) VALUES ('WJ', '平望镇行政审批局', NULL, 'hall')"),
            QStringLiteral("INSERT INTO users (username, display_name, role, center, password_hash) SELECT 'clerk-wj', "
                           "'平望窗口', 'clerk', 'WJ', password_hash FROM users WHERE username = 'clerk1'")};
        QString error;
        QVERIFY2(m_db.execute(statements, &error), qPrintable(error));
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_db = TestDatabase::forSuite(m_dir.path(), &error);
        QVERIFY2(!m_db.url().isEmpty(), qPrintable(error));
        QVERIFY2(m_server.start({"--database", m_db.url(), "--demo", "--today", "2026-11-27"}, &error),
                 qPrintable(error));
        addSecondHall();
    }

    // The village centre sends three cases: one item per material on paper (a deficient one
    // supplied on paper later included), the signed acceptance papers of the scanned case; a
    // retry is the same batch.
    void sendsThePapers()
    {
        const QString supplied = accepted("agent1", "SZ-V01", "paper", {"LABOR_CONTRACT"});
        const ApiReply c = as("agent1").get(api("/cases/") + supplied);
        const QString deficiency = c.object().value("deficiencies").toArray()[0].toObject().value("id").toString();
        QCOMPARE(as("agent1").post(api("/cases/") + supplied + "/deficiencies/" + deficiency + "/supply",
                                   toJson({{"provided", "paper"}}), {{"If-Match", c.header("etag")}})
                     .status,
                 200);
        m_sent = QStringList{accepted("agent1", "SZ-V01"), accepted("agent1", "SZ-V01", "scan"), supplied};

        const QByteArray key = newKey();
        const ApiReply r = send("agent1", m_sent, key, QStringLiteral("第一批"));
        QCOMPARE(r.status, 201);
        m_batch = r.object();
        QCOMPARE(m_batch.value("center").toString(), QStringLiteral("SZ-V01"));
        QCOMPARE(m_batch.value("hall").toString(), QStringLiteral("SZ"));
        QCOMPARE(m_batch.value("state").toString(), QStringLiteral("in_transit"));
        QCOMPARE(m_batch.value("createdBy").toString(), QStringLiteral("agent1"));
        QCOMPARE(m_batch.value("note").toString(), QStringLiteral("第一批"));
        QVERIFY(m_batch.value("arrivedAt").isNull());
        const QString code = m_batch.value("code").toString();
        QVERIFY2(QRegularExpression("^SZ-V01-20261127-[0-9A-HJKMNP-TV-Z]{10}$").match(code).hasMatch(), qPrintable(code));
        QCOMPARE(m_batch.value("qr").toString(), "OW-TRANSFER:" + code);
        QCOMPARE(valuesOf(m_batch.value("cases").toArray(), "caseId"), m_sent);
        QCOMPARE(m_batch.value("cases").toArray()[0].toObject().value("applicantName").toString(), QStringLiteral("王五"));
        QVERIFY(m_batch.value("cases").toArray()[0].toObject().value("caseNumber").toString().startsWith("SZ-V01-20261127-"));
        QCOMPARE(itemsOf(m_batch, m_sent),
                 (QStringList{"0:material:ID_CARD:sent", "0:material:LABOR_CONTRACT:sent", "1:case_file::sent",
                              "2:material:ID_CARD:sent", "2:material:LABOR_CONTRACT:sent"}));
        QCOMPARE(m_batch.value("items").toArray()[1].toObject().value("name").toString(), QStringLiteral("劳动合同"));
        QVERIFY(m_batch.value("items").toArray()[2].toObject().value("material").isNull());
        QVERIFY(auditActions(m_sent[0]).contains("transfer_sent"));

        // The same request again is the same batch; the key with another request is refused.
        const ApiReply again = send("agent1", m_sent, key, QStringLiteral("第一批"));
        QCOMPARE(again.status, 201);
        QCOMPARE(again.object(), m_batch);
        QCOMPARE(again.header("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(send("agent1", {m_sent[0]}, key).object().value("code").toString(),
                 QStringLiteral("idempotency_key_reused"));
        QCOMPARE(as("agent1").post(api("/transfers"), toJson({{"cases", QJsonArray{m_sent[0]}}})).status, 428);
    }

    // Only a village centre's counter sends, and only its own accepted cases; anything else out
    // of scope is not found.
    void onlyTheCentresOwnCases()
    {
        const QString own = accepted("agent2", "SZ-V02");
        QCOMPARE(send("agent2", {m_sent[0]}).status, 404);
        QCOMPARE(send("agent2", {own, m_sent[0]}).status, 404);
        QCOMPARE(send("agent1", {"no-such-case"}).status, 404);
        QCOMPARE(send("clerk1", {m_sent[0]}).status, 404); // a hall sends to no one
        QCOMPARE(send("supervisor1", {own}).status, 404);
        QCOMPARE(send("approver-hf", {own}).status, 404);

        const QString fresh = accepted("agent1", "SZ-V01");
        QCOMPARE(fieldCodes(as("agent1").post(api("/transfers"), toJson({{"note", "x"}}), {{"Idempotency-Key", newKey()}})),
                 QStringList{"cases:invalid"});
        QCOMPARE(fieldCodes(send("agent1", {})), QStringList{"cases:invalid"});
        QCOMPARE(fieldCodes(send("agent1", {fresh, fresh})), QStringList{"cases[1]:duplicate"});
        // A case not accepted: its papers went back with the applicant's one-time notice.
        QJsonObject body = sampleIntake(as("agent1"), "HF-001", "SZ-V01",
                                        samplePerson(QStringLiteral("王五"), "110101199003070935"));
        QJsonArray materials;
        for (const auto &m : body.value("materials").toArray()) {
            if (m.toObject().value("code").toString() != "LABOR_CONTRACT")
                materials.append(m);
        }
        body.insert("materials", materials);
        body.insert("refusal", QJsonObject{{"kind", "one_time_notice"}, {"reason", "NA02"}});
        const ApiReply refused = as("agent1").post(api("/cases"), toJson(body), {{"Idempotency-Key", newKey()}});
        QCOMPARE(refused.object().value("status").toString(), QStringLiteral("not_accepted"));
        QCOMPARE(fieldCodes(send("agent1", {fresh, refused.object().value("id").toString()})),
                 QStringList{"cases[1]:not_accepted"});
    }

    // A case on its way in one batch goes in no other until that one has arrived.
    void oneBatchAtATime()
    {
        const QString fresh = accepted("agent1", "SZ-V01");
        const ApiReply r = send("agent1", {fresh, m_sent[1]});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("already_in_transfer"));
        QCOMPARE(r.object().value("caseId").toString(), m_sent[1]);
        QCOMPARE(r.object().value("caseNumber").toString(),
                 m_batch.value("cases").toArray()[1].toObject().value("caseNumber").toString());
        QCOMPARE(r.object().value("transferId").toString(), m_batch.value("id").toString());
        QVERIFY(r.object().value("detail").toString().contains(m_batch.value("code").toString()));
        // Nothing was sent: the other case is free.
        QVERIFY(listed("agent1").size() == 1);
    }

    // The centre lists what it sent, the hall what it is to receive, newest first; another hall
    // and another centre see nothing of it.
    void listsByScope()
    {
        const ApiReply other = send("agent2", {accepted("agent2", "SZ-V02")});
        QCOMPARE(other.status, 201);
        m_other = other.object();
        const QString first = m_batch.value("id").toString();
        const QString second = m_other.value("id").toString();
        QCOMPARE(listed("agent1"), QStringList{first});
        QCOMPARE(listed("agent2"), QStringList{second});
        QCOMPARE(listed("clerk1", "?state=in_transit"), (QStringList{second, first}));
        QCOMPARE(listed("supervisor1"), (QStringList{second, first}));
        QCOMPARE(listed("clerk1", "?state=arrived"), QStringList{});
        QCOMPARE(listed("clerk-wj"), QStringList{});
        // Page by page.
        const ApiReply page = as("clerk1").get(api("/transfers?limit=1"));
        QCOMPARE(valuesOf(page.object().value("items").toArray(), "id"), QStringList{second});
        const QString cursor = page.object().value("nextCursor").toString();
        QVERIFY(!cursor.isEmpty());
        const ApiReply next = as("clerk1").get(api("/transfers?limit=1&cursor=") + cursor);
        QCOMPARE(valuesOf(next.object().value("items").toArray(), "id"), QStringList{first});
        QVERIFY(next.object().value("nextCursor").isNull());
        QCOMPARE(fieldCodes(as("clerk1").get(api("/transfers?state=lost"))), QStringList{"state:invalid"});

        QCOMPARE(as("clerk1").get(api("/transfers/") + first).object(), m_batch);
        QCOMPARE(as("agent2").get(api("/transfers/") + first).status, 404);
        QCOMPARE(as("clerk-wj").get(api("/transfers/") + first).status, 404);
        QCOMPARE(as("approver-hf").get(api("/transfers")).status, 404);
        QCOMPARE(as("auditor").get(api("/transfers/") + first).status, 404);
        QCOMPARE(as("clerk1").get(api("/transfers/x1")).status, 404);
    }

    // The hall scans the manifest's QR code, or types its code.
    void foundByTheManifestsCode()
    {
        const QString code = m_batch.value("code").toString();
        for (const QString &scanned : {code, code.toLower(), m_batch.value("qr").toString()}) {
            const ApiReply r = as("clerk1").get(api("/transfers/by-code/") + scanned);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.object().value("id").toString(), m_batch.value("id").toString());
        }
        QCOMPARE(as("agent1").get(api("/transfers/by-code/") + code).status, 200);
        QCOMPARE(as("agent2").get(api("/transfers/by-code/") + code).status, 404);
        QCOMPARE(as("clerk-wj").get(api("/transfers/by-code/") + code).status, 404);
        QCOMPARE(as("clerk1").get(api("/transfers/by-code/SZ-V01-20261127-0000000000")).status, 404);
    }

    // A clerk of the hall checks the batch in: one item missing, on record with its note; the
    // rest received. Once only; nobody else.
    void checkedInAtTheHall()
    {
        const QString id = m_batch.value("id").toString();
        const QJsonArray items = m_batch.value("items").toArray();
        const QString lost = items[1].toObject().value("id").toString(); // the first case's labour contract
        const QJsonArray missing{QJsonObject{{"item", lost}, {"note", QStringLiteral("原件未随批送达")}}};
        for (const char *user : {"agent1", "agent2", "supervisor1", "clerk-wj"})
            QVERIFY2(arrive(user, id, missing).status == 404, user);
        QCOMPARE(as("clerk1").post(api("/transfers/") + id + "/arrival", toJson({{"missing", missing}})).status, 428);
        // An item of another batch, and one that is no item at all.
        const qint64 elsewhere = m_other.value("items").toArray()[0].toObject().value("id").toString().toLongLong();
        QCOMPARE(fieldCodes(arrive("clerk1", id, {QJsonObject{{"item", elsewhere}}})),
                 QStringList{"missing[0].item:not_in_transfer"});
        QCOMPARE(fieldCodes(arrive("clerk1", id, {QJsonObject{{"item", "x"}}, QJsonObject{{"item", lost}},
                                                  QJsonObject{{"item", lost}}})),
                 (QStringList{"missing[0].item:invalid", "missing[2].item:duplicate"}));

        const QByteArray key = newKey();
        const ApiReply r = arrive("clerk1", id, missing, key);
        QCOMPARE(r.status, 200);
        const QJsonObject arrived = r.object();
        QCOMPARE(arrived.value("state").toString(), QStringLiteral("arrived"));
        QCOMPARE(arrived.value("receivedBy").toString(), QStringLiteral("clerk1"));
        QVERIFY(!arrived.value("arrivedAt").toString().isEmpty());
        QCOMPARE(itemsOf(arrived, m_sent),
                 (QStringList{"0:material:ID_CARD:received", "0:material:LABOR_CONTRACT:missing",
                              "1:case_file::received", "2:material:ID_CARD:received",
                              "2:material:LABOR_CONTRACT:received"}));
        QCOMPARE(arrived.value("items").toArray()[1].toObject().value("note").toString(), QStringLiteral("原件未随批送达"));
        QVERIFY(arrived.value("items").toArray()[0].toObject().value("note").isNull());
        // The same request again is the same answer; another arrival is refused.
        const ApiReply again = arrive("clerk1", id, missing, key);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.object(), arrived);
        const ApiReply twice = arrive("clerk2", id, {});
        QCOMPARE(twice.status, 409);
        QCOMPARE(twice.object().value("code").toString(), QStringLiteral("transfer_arrived"));

        // On record for the centre and the hall, and in every case's audit trail.
        QCOMPARE(as("agent1").get(api("/transfers/") + id).object(), arrived);
        QCOMPARE(listed("clerk1", "?state=arrived"), QStringList{id});
        QCOMPARE(listed("clerk1", "?state=in_transit"), QStringList{m_other.value("id").toString()});
        for (const QString &caseId : std::as_const(m_sent))
            QVERIFY(auditActions(caseId).contains("transfer_arrived"));
        const ApiReply audit = as("agent1").get(api("/cases/") + m_sent[0] + "/audit");
        QVERIFY(audit.body.contains("原件未随批送达"));
        const ApiReply verified = as("auditor").get(api("/audit/verify"));
        QVERIFY(verified.object().value("valid").toBool());
        // Arrived, the case may travel again: the missing contract, found, in a batch of its own.
        QCOMPARE(send("agent1", {m_sent[0]}).status, 201);
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_Transfers)
#include "tst_transfers.moc"
