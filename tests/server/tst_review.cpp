// The back office over real HTTP, on SQLite or PostgreSQL (ONEWINDOW_TEST_DATABASE): approvers
// decide the parts of a case of their department, the case follows its parts through the one
// door of the lifecycle, a return comes back to the counter and is resubmitted, and nobody decides
// what is not theirs. Every exchange is recorded for the OpenAPI check.
#include "sampleintake.h"
#include "serverprocess.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString api(const QString &path) { return QStringLiteral("/api/v1") + path; }

QByteArray newKey() { return QByteArray("key-") + QByteArray::number(QRandomGenerator::global()->generate64()); }

} // namespace

class tst_Review : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestDatabase m_db;
    ServerProcess m_server;
    SignedInUsers m_users{m_server};

    HttpClient &as(const QString &username) { return m_users.as(username); }

    // A case accepted by clerk1 at SZ: one matter, or a bundle.
    QJsonObject accept(const QString &matterOrBundle)
    {
        QJsonObject body;
        if (matterOrBundle.startsWith("B-")) {
            const ApiReply b = as("clerk1").get(api("/bundles/") + matterOrBundle);
            QJsonObject form;
            for (const auto &f : b.object().value("fields").toArray())
                form.insert(f.toObject().value("key").toString(), sampleValue(f.toObject().value("type").toString()));
            QJsonArray materials;
            for (const auto &x : b.object().value("materials").toArray())
                materials.append(QJsonObject{{"code", x.toObject().value("code")}, {"provided", "paper"}});
            body = {{"bundle", matterOrBundle},
                    {"applicant", samplePerson(QStringLiteral("张三"), "11010519491231002X")},
                    {"center", "SZ"},
                    {"form", form},
                    {"materials", materials}};
        } else {
            body = sampleIntake(as("clerk1"), matterOrBundle, "SZ",
                                samplePerson(QStringLiteral("张三"), "11010519491231002X"));
        }
        const ApiReply r = as("clerk1").post(api("/cases"), toJson(body), {{"Idempotency-Key", newKey()}});
        if (r.status != 201)
            qFatal("intake of %s refused: %d %s", qPrintable(matterOrBundle), r.status, r.body.constData());
        return r.object();
    }

    QByteArray etagOf(const QString &user, const QString &caseId)
    {
        return as(user).get(api("/cases/") + caseId).header("etag");
    }

    ApiReply decide(const QString &user, const QString &caseId, const QJsonObject &decision,
                    const QByteArray &key = newKey())
    {
        return as(user).post(api("/cases/") + caseId + "/decisions", toJson(decision),
                             {{"If-Match", etagOf(user, caseId)}, {"Idempotency-Key", key}});
    }

    QMap<QString, QString> partStates(const QString &user, const QString &caseId)
    {
        QMap<QString, QString> states;
        const ApiReply r = as(user).get(api("/cases/") + caseId + "/parts");
        for (const auto &p : r.object().value("items").toArray())
            states.insert(p.toObject().value("matter").toString(), p.toObject().value("status").toString());
        return states;
    }

private slots:
    void initTestCase()
    {
        if (const QString traffic = qEnvironmentVariable("ONEWINDOW_CONTRACT_TRAFFIC"); !traffic.isEmpty())
            QFile::remove(traffic);
        QString error;
        m_db = TestDatabase::create(TestDatabase::kindFromEnvironment(), m_dir.path(), &error);
        QVERIFY2(!m_db.url().isEmpty(), qPrintable(error));
        QVERIFY2(m_server.start({"--database", m_db.url(), "--demo", "--today", "2026-11-27"}, &error),
                 qPrintable(error));
        qInfo("server %s on %s", qPrintable(m_server.baseUrl()), qPrintable(m_db.name()));
    }

    // One matter, one department: the first decision takes the case up, the only part decides it.
    void oneMatterApproved()
    {
        const QString id = accept("HF-001").value("id").toString();
        QCOMPARE(partStates("approver-hf", id), (QMap<QString, QString>{{"HF-001", "pending"}}));
        const ApiReply r = decide("approver-hf", id, {{"matter", "HF-001"}, {"decision", "approve"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("approved"));
        QCOMPARE(r.header("etag"), etagOf("approver-hf", id));
        const QJsonObject part = as("approver-hf").get(api("/cases/") + id + "/parts").object()
                                     .value("items").toArray()[0].toObject();
        QCOMPARE(part.value("status").toString(), QStringLiteral("approved"));
        QCOMPARE(part.value("decidedBy").toString(), QStringLiteral("approver-hf"));
        QCOMPARE(part.value("department").toString(), QStringLiteral("HF"));
        // The audit trail has the start of the review, the part's decision and the approval.
        QStringList actions;
        for (const auto &e : as("clerk1").get(api("/cases/") + id + "/audit").object().value("items").toArray())
            actions << e.toObject().value("action").toString();
        QVERIFY2(actions.contains("start_review") && actions.contains("decide_part") && actions.contains("approve"),
                 qPrintable(actions.join(", ")));
        // Decided is decided: a second decision on the part is refused with a stable code.
        const ApiReply again = decide("approver-hf", id, {{"matter", "HF-001"}, {"decision", "reject"},
                                                          {"reasons", QJsonArray{"changed my mind"}}});
        QCOMPARE(again.status, 409);
        QCOMPARE(again.object().value("reason").toString(), QStringLiteral("part_decided"));
    }

    // 联审联办: a three-department bundle; one returns, the clerk resubmits, all approve.
    void bundleDecidedByThreeDepartments()
    {
        const QJsonObject created = accept("B-OPEN-COMPANY");
        const QString id = created.value("id").toString();
        QCOMPARE(partStates("approver-mr", id),
                 (QMap<QString, QString>{{"MR-001", "pending"}, {"PS-001", "pending"}, {"TX-001", "pending"}}));

        ApiReply r = decide("approver-mr", id, {{"matter", "MR-001"}, {"decision", "approve"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("under_review"));
        r = decide("approver-ps", id,
                   {{"matter", "PS-001"},
                    {"decision", "return_for_correction"},
                    {"reasons", QJsonArray{QStringLiteral("印章样式不清晰"), QStringLiteral("法定代表人签字缺失")}}});
        QCOMPARE(r.status, 200);
        // Another department still to decide: the return waits, so the applicant hears everything once.
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("under_review"));
        r = decide("approver-tx", id, {{"matter", "TX-001"}, {"decision", "approve"}});
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("returned_for_correction"));
        const QJsonArray parts = as("clerk1").get(api("/cases/") + id + "/parts").object().value("items").toArray();
        QJsonArray reasons;
        for (const auto &p : parts)
            if (p.toObject().value("matter").toString() == "PS-001")
                reasons = p.toObject().value("reasons").toArray();
        QCOMPARE(reasons.size(), 2);
        QCOMPARE(reasons[0].toString(), QStringLiteral("印章样式不清晰"));

        // The counter brings the corrections: the returned part is decided again, the others stand.
        const QString material = created.value("materials").toArray()[0].toObject().value("code").toString();
        ApiReply resubmitted = as("clerk1").post(
            api("/cases/") + id + "/resubmission",
            toJson({{"materials", QJsonArray{QJsonObject{{"code", material}, {"provided", "scan"}}}},
                    {"note", QStringLiteral("补签字")}}),
            {{"If-Match", etagOf("clerk1", id)}, {"Idempotency-Key", newKey()}});
        QCOMPARE(resubmitted.status, 200);
        QCOMPARE(resubmitted.object().value("status").toString(), QStringLiteral("under_review"));
        QCOMPARE(partStates("clerk1", id),
                 (QMap<QString, QString>{{"MR-001", "approved"}, {"PS-001", "pending"}, {"TX-001", "approved"}}));
        r = decide("approver-ps", id, {{"matter", "PS-001"}, {"decision", "approve"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("approved"));
    }

    // Any rejection rejects the case at once; a simulated approval lists its conditions.
    void rejectionAndSimulatedApproval()
    {
        const QString rejected = accept("B-OPEN-COMPANY").value("id").toString();
        ApiReply r = decide("approver-tx", rejected,
                            {{"matter", "TX-001"}, {"decision", "reject"}, {"reasons", QJsonArray{"经营范围不符"}}});
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("rejected"));
        // A rejected case takes no more decisions.
        r = decide("approver-mr", rejected, {{"matter", "MR-001"}, {"decision", "approve"}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("transition_refused"));

        const QString simulated = accept("MR-001").value("id").toString();
        r = decide("approver-mr", simulated,
                   {{"matter", "MR-001"}, {"decision", "approve_simulated"}, {"conditions", QJsonArray{"取得土地证"}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("approved_simulated"));
    }

    // Bad input gets every problem at once; the preconditions are required.
    void badDecisions()
    {
        const QString id = accept("HF-001").value("id").toString();
        ApiReply r = decide("approver-hf", id, {{"matter", "HF-001"}, {"decision", "maybe"}});
        QCOMPARE(r.status, 422);
        r = decide("approver-hf", id, {{"matter", "HF-001"}, {"decision", "reject"}});
        QCOMPARE(r.status, 422);
        QVERIFY(r.body.contains("reasons"));
        r = decide("approver-hf", id, {{"matter", "HF-001"}, {"decision", "return_for_correction"},
                                       {"reasons", QJsonArray{"  "}}});
        QCOMPARE(r.status, 422);
        r = decide("approver-hf", id, {{"matter", "HF-001"}, {"decision", "approve_simulated"}});
        QCOMPARE(r.status, 422);
        QVERIFY(r.body.contains("conditions"));
        r = decide("approver-hf", id, {{"matter", "MR-001"}, {"decision", "approve"}});
        QCOMPARE(r.status, 422);
        QVERIFY(r.body.contains("not_in_case"));
        // Without If-Match, 428; with an old one, 412; without a key, 428.
        const QByteArray body = toJson({{"matter", "HF-001"}, {"decision", "approve"}});
        QCOMPARE(as("approver-hf").post(api("/cases/") + id + "/decisions", body, {{"Idempotency-Key", newKey()}}).status,
                 428);
        QCOMPARE(as("approver-hf")
                     .post(api("/cases/") + id + "/decisions", body, {{"If-Match", "\"999\""}, {"Idempotency-Key", newKey()}})
                     .status,
                 412);
        QCOMPARE(as("approver-hf").post(api("/cases/") + id + "/decisions", body, {{"If-Match", etagOf("approver-hf", id)}})
                     .status,
                 428);
        // A retry with the same key answers the first answer again; the same key for another body is refused.
        const QByteArray key = newKey();
        const QByteArray etag = etagOf("approver-hf", id);
        const ApiReply first = as("approver-hf").post(api("/cases/") + id + "/decisions", body,
                                                      {{"If-Match", etag}, {"Idempotency-Key", key}});
        QCOMPARE(first.status, 200);
        const ApiReply replayed = as("approver-hf").post(api("/cases/") + id + "/decisions", body,
                                                         {{"If-Match", etag}, {"Idempotency-Key", key}});
        QCOMPARE(replayed.status, 200);
        QCOMPARE(replayed.body, first.body);
        const ApiReply reused = as("approver-hf").post(
            api("/cases/") + id + "/decisions", toJson({{"matter", "HF-001"}, {"decision", "reject"}, {"reasons", QJsonArray{"x"}}}),
            {{"If-Match", etag}, {"Idempotency-Key", key}});
        QCOMPARE(reused.status, 422);
        QCOMPARE(reused.object().value("code").toString(), QStringLiteral("idempotency_key_reused"));
    }

    // Nobody decides what is not theirs: out of scope is 404, as if the case did not exist.
    void onlyTheDepartmentsApproversDecide()
    {
        const QString id = accept("HF-001").value("id").toString();
        const QByteArray body = toJson({{"matter", "HF-001"}, {"decision", "approve"}});
        const QByteArray etag = etagOf("approver-hf", id);
        for (const QString user : {"approver-mr", "clerk1", "agent1", "supervisor1", "admin", "auditor"}) {
            const ApiReply r = as(user).post(api("/cases/") + id + "/decisions", body,
                                             {{"If-Match", etag}, {"Idempotency-Key", newKey()}});
            QVERIFY2(r.status == 404, qPrintable(user + ": " + QString::number(r.status)));
        }
        QCOMPARE(as("approver-mr").get(api("/cases/") + id + "/parts").status, 404);
        QCOMPARE(as("agent1").get(api("/cases/") + id + "/parts").status, 404);
        // A bundle with an MR part: the MR approver sees it but decides only MR's part.
        const QString bundle = accept("B-OPEN-COMPANY").value("id").toString();
        const ApiReply other = decide("approver-mr", bundle, {{"matter", "TX-001"}, {"decision", "approve"}});
        QCOMPARE(other.status, 422);
        QVERIFY(other.body.contains("other_department"));
        // Resubmission: only the counter, only a returned case.
        const ApiReply notReturned = as("clerk1").post(api("/cases/") + id + "/resubmission", "{}",
                                                       {{"If-Match", etagOf("clerk1", id)}, {"Idempotency-Key", newKey()}});
        QCOMPARE(notReturned.status, 409);
        QCOMPARE(as("approver-hf")
                     .post(api("/cases/") + id + "/resubmission", "{}",
                           {{"If-Match", etagOf("approver-hf", id)}, {"Idempotency-Key", newKey()}})
                     .status,
                 404);
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_Review)
#include "tst_review.moc"
