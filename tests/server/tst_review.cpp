// The back office over real HTTP, on SQLite or PostgreSQL (ONEWINDOW_TEST_DATABASE): approvers
// decide the parts of a case of their department, the case follows its parts through the one
// door of the lifecycle, a return comes back to the counter and is resubmitted, and nobody decides
// what is not theirs. Every exchange is recorded for the OpenAPI check.
#include "sampleintake.h"
#include "serverprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QSet>
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
            body = sampleBundleIntake(as("clerk1"), matterOrBundle, "SZ",
                                      samplePerson(QStringLiteral("张三"), "11010519491231002X"));
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

    // Whether the case is in the approver's queue: the department's pending parts by priority.
    bool inQueue(const QString &approver, const QString &caseId)
    {
        QString cursor;
        do {
            const ApiReply page = as(approver).get(api("/cases?part=pending&sort=priority&limit=100")
                                                   + (cursor.isEmpty() ? QString() : "&cursor=" + cursor));
            for (const auto &item : page.object().value("items").toArray())
                if (item.toObject().value("id").toString() == caseId)
                    return true;
            cursor = page.object().value("nextCursor").toString();
        } while (!cursor.isEmpty());
        return false;
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
        QString error;
        m_db = TestDatabase::forSuite(m_dir.path(), &error);
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
        QVERIFY(inQueue("approver-mr", id) && inQueue("approver-ps", id) && inQueue("approver-tx", id));
        QVERIFY(!inQueue("approver-hf", id));

        ApiReply r = decide("approver-mr", id, {{"matter", "MR-001"}, {"decision", "approve"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("under_review"));
        // Decided by MR: out of its queue, still in the others'.
        QVERIFY(!inQueue("approver-mr", id) && inQueue("approver-ps", id) && inQueue("approver-tx", id));
        r = decide("approver-ps", id,
                   {{"matter", "PS-001"},
                    {"decision", "return_for_correction"},
                    {"reasons", QJsonArray{QStringLiteral("印章样式不清晰"), QStringLiteral("法定代表人签字缺失")}}});
        QCOMPARE(r.status, 200);
        // Another department still to decide: the return waits, so the applicant hears everything once.
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("under_review"));
        r = decide("approver-tx", id, {{"matter", "TX-001"}, {"decision", "approve"}});
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("returned_for_correction"));
        QVERIFY(!inQueue("approver-ps", id) && !inQueue("approver-tx", id));
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
        // Back in the queue of the department that returned it, and only there.
        QVERIFY(inQueue("approver-ps", id) && !inQueue("approver-mr", id) && !inQueue("approver-tx", id));
        r = decide("approver-ps", id, {{"matter", "PS-001"}, {"decision", "approve"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("approved"));
        QVERIFY(!inQueue("approver-ps", id));
    }

    // Any rejection rejects the case at once; a simulated approval lists its conditions.
    void rejectionAndSimulatedApproval()
    {
        const QString rejected = accept("B-OPEN-COMPANY").value("id").toString();
        ApiReply r = decide("approver-tx", rejected,
                            {{"matter", "TX-001"}, {"decision", "reject"}, {"reasons", QJsonArray{"经营范围不符"}}});
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("rejected"));
        // A rejected case takes no more decisions, and leaves every queue, pending parts and all.
        QVERIFY(!inQueue("approver-mr", rejected) && !inQueue("approver-ps", rejected));
        r = decide("approver-mr", rejected, {{"matter", "MR-001"}, {"decision", "approve"}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("transition_refused"));

        const QString simulated = accept("MR-001").value("id").toString();
        r = decide("approver-mr", simulated,
                   {{"matter", "MR-001"},
                    {"decision", "approve_simulated"},
                    {"conditions", QJsonArray{QStringLiteral("取得土地证"), QStringLiteral("环评批复")}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("approved_simulated"));
        // The conditions are on record; MR-001's setting lapses them 20 working days on.
        QJsonObject conditions = as("clerk1").get(api("/cases/") + simulated + "/conditions").object();
        QCOMPARE(conditions.value("items").toArray().size(), 2);
        QCOMPARE(conditions.value("lapsesOn").toString(), QStringLiteral("2026-12-25"));
        const auto met = [&](const QString &user, int n, const QJsonObject &body) {
            return as(user).post(api("/cases/") + simulated + "/conditions/" + QString::number(n) + "/met",
                                 toJson(body), {{"If-Match", etagOf(user, simulated)}, {"Idempotency-Key", newKey()}});
        };
        QCOMPARE(met("approver-mr", 1, {}).status, 422);                           // how, in words
        QCOMPARE(met("approver-mr", 9, {{"note", "x"}}).status, 404);              // no such condition
        QCOMPARE(met("approver-ps", 1, {{"note", "x"}}).status, 404);              // not PS's case
        r = met("approver-mr", 1, {{"note", QStringLiteral("土地证已核发")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("approved_simulated"));
        QCOMPARE(met("approver-mr", 1, {{"note", "again"}}).status, 409);
        r = met("approver-mr", 2, {{"note", QStringLiteral("环评已批复")}});
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("approved"));
        QCOMPARE(partStates("approver-mr", simulated).value("MR-001"), QStringLiteral("approved"));
        conditions = as("clerk1").get(api("/cases/") + simulated + "/conditions").object();
        QVERIFY(conditions.value("items").toArray()[1].toObject().value("met").toBool());
        QVERIFY(conditions.value("lapsesOn").isNull());
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

    // 统一出件 and 审管衔接: the result is refused while a deficiency is outstanding, recorded once
    // it is supplied, and the case is handed to the supervising department.
    void resultAndHandoff()
    {
        const QJsonObject body = sampleIntake(as("clerk1"), "HF-001", "SZ",
                                              samplePerson(QStringLiteral("张三"), "11010519491231002X"), {"LABOR_CONTRACT"});
        const ApiReply created = as("clerk1").post(api("/cases"), toJson(body), {{"Idempotency-Key", newKey()}});
        QCOMPARE(created.status, 201);
        const QString id = created.object().value("id").toString();
        const QString deficiency = created.object().value("deficiencies").toArray()[0].toObject().value("id").toString();
        QCOMPARE(decide("approver-hf", id, {{"matter", "HF-001"}, {"decision", "approve"}}).status, 200);
        const QJsonObject result{{"certificateNumber", QStringLiteral("苏公积金证字第0001号")}, {"issuedOn", "2026-11-27"}};
        const auto record = [&](const QJsonObject &b) {
            return as("approver-hf").post(api("/cases/") + id + "/result", toJson(b),
                                         {{"If-Match", etagOf("approver-hf", id)}, {"Idempotency-Key", newKey()}});
        };
        ApiReply r = record(result);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.object().value("reason").toString(), QStringLiteral("deficiency_outstanding"));
        QCOMPARE(as("approver-hf").get(api("/cases/") + id + "/result").status, 404);
        // Bad input: every problem at once.
        r = record({{"certificateNumber", "  "}, {"issuedOn", "2026-12-31"}, {"attachmentId", "nope"}});
        QCOMPARE(r.status, 422);
        QVERIFY(r.body.contains("certificateNumber") && r.body.contains("in_future"));
        // The contract comes in: the result can go out.
        QCOMPARE(as("clerk1")
                     .post(api("/cases/") + id + "/deficiencies/" + deficiency + "/supply", toJson({{"provided", "paper"}}),
                           {{"If-Match", etagOf("clerk1", id)}})
                     .status,
                 200);
        r = record(result);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("result_ready"));
        const QJsonObject stored = as("clerk1").get(api("/cases/") + id + "/result").object();
        QCOMPARE(stored.value("certificateNumber").toString(), QStringLiteral("苏公积金证字第0001号"));
        QCOMPARE(stored.value("recordedBy").toString(), QStringLiteral("approver-hf"));
        QCOMPARE(record(result).status, 409); // once
        QCOMPARE(as("approver-mr").get(api("/cases/") + id + "/result").status, 404);

        // The hand-off to the supervising department, listed for it and only for it.
        const auto handoff = [&](const QString &user, const QJsonObject &b) {
            return as(user).post(api("/cases/") + id + "/handoff", toJson(b), {{"Idempotency-Key", newKey()}});
        };
        QCOMPARE(handoff("approver-hf", {{"department", "XX"}}).status, 422);
        QCOMPARE(handoff("approver-mr", {{"department", "MR"}}).status, 404);
        r = handoff("approver-hf", {{"department", "MR"}, {"note", QStringLiteral("请纳入日常监管")}});
        QCOMPARE(r.status, 201);
        const QJsonArray handed = as("approver-mr").get(api("/handoffs")).object().value("items").toArray();
        QVERIFY(!handed.isEmpty());
        QCOMPARE(handed[0].toObject().value("caseId").toString(), id);
        QCOMPARE(handed[0].toObject().value("certificateNumber").toString(), QStringLiteral("苏公积金证字第0001号"));
        QCOMPARE(handed[0].toObject().value("note").toString(), QStringLiteral("请纳入日常监管"));
        QVERIFY(as("approver-ps").get(api("/handoffs")).object().value("items").toArray().isEmpty());
        QCOMPARE(as("clerk1").get(api("/handoffs")).status, 404);
        // Not before approval.
        const QString fresh = accept("HF-001").value("id").toString();
        r = as("approver-hf").post(api("/cases/") + fresh + "/handoff", toJson({{"department", "MR"}}),
                                   {{"Idempotency-Key", newKey()}});
        QCOMPARE(r.status, 409);
    }

    // The approver's queue: the department's pending parts, green first, paged at any depth;
    // counts that agree; bad filters refused with every problem named.
    void queueFiltersAndCounts()
    {
        const QString green = [&] {
            QJsonObject body = sampleIntake(as("clerk1"), "HF-002", "SZ",
                                            samplePerson(QStringLiteral("李四"), "11010519491231002X"));
            body.insert("greenChannel", true);
            // Without a reason, refused; with one, accepted.
            if (as("clerk1").post(api("/cases"), toJson(body), {{"Idempotency-Key", newKey()}}).status != 422)
                qFatal("a green-channel case without a reason was accepted");
            body.insert("greenChannelReason", QStringLiteral("市重点项目：新能源材料厂"));
            return as("clerk1").post(api("/cases"), toJson(body), {{"Idempotency-Key", newKey()}}).object()
                .value("id").toString();
        }();
        QSet<QString> seen;
        QString cursor;
        QStringList order;
        do {
            const ApiReply page = as("approver-hf").get(
                api("/cases?department=HF&part=pending&sort=priority&limit=2")
                + (cursor.isEmpty() ? QString() : "&cursor=" + cursor));
            QCOMPARE(page.status, 200);
            for (const auto &item : page.object().value("items").toArray()) {
                const QString id = item.toObject().value("id").toString();
                QVERIFY2(!seen.contains(id), "each case once");
                seen.insert(id);
                order << id;
                QVERIFY(partStates("approver-hf", id).value(item.toObject().value("matters").toArray()[0].toString())
                        == "pending");
            }
            cursor = page.object().value("nextCursor").toString();
        } while (!cursor.isEmpty());
        QCOMPARE(order.first(), green);
        const QJsonObject counts = as("approver-hf").get(api("/review/counts")).object();
        QCOMPARE(counts.value("pending").toInt(), seen.size());
        QVERIFY(counts.value("greenChannel").toInt() >= 1);
        QCOMPARE(as("clerk1").get(api("/review/counts")).status, 404);
        // Other filters.
        const auto ids = [&](const QString &query) {
            QSet<QString> out;
            for (const auto &item : as("approver-hf").get(api("/cases?limit=200&") + query).object().value("items").toArray())
                out.insert(item.toObject().value("id").toString());
            return out;
        };
        QVERIFY(ids("greenChannel=true").contains(green));
        QVERIFY(!ids("greenChannel=true&matter=HF-001").contains(green));
        QVERIFY(ids("state=accepted,under_review").contains(green));
        QVERIFY(!ids("state=approved").contains(green));
        QVERIFY(ids("overdue=true").isEmpty());
        QVERIFY(!ids("dueBefore=2026-11-28").contains(green));
        // An approver of MR asking for HF's parts gets MR's: never another department's.
        for (const auto &item : as("approver-mr").get(api("/cases?department=HF&part=pending&limit=200")).object()
                                    .value("items").toArray())
            QVERIFY(partStates("approver-mr", item.toObject().value("id").toString()).values().contains("pending"));
        for (const auto &item : as("approver-mr").get(api("/cases?limit=200")).object().value("items").toArray())
            QVERIFY(item.toObject().value("id").toString() != green);
        const ApiReply bad = as("approver-hf").get(
            api("/cases?state=nonsense&part=maybe&greenChannel=yes&sort=oldest&dueBefore=soon&cursor=zzz"));
        QCOMPARE(bad.status, 422);
        for (const char *field : {"state", "part", "greenChannel", "sort", "dueBefore"})
            QVERIFY2(bad.body.contains(field), field);
        // A cursor of the newest-first order is refused in the priority order.
        const QString newest = as("approver-hf").get(api("/cases?limit=1")).object().value("nextCursor").toString();
        QCOMPARE(as("approver-hf").get(api("/cases?limit=1&sort=priority&cursor=") + newest).status, 422);
    }
    // The counter's refusals are on record: a case in not_accepted with every item of the notice
    // (missing materials and form problems) and the reason from the matter's list; the
    // applicant's second visit finds it; it never reaches a department's queue.
    void refusalsOnRecord()
    {
        const QString idNumber = QStringLiteral("11010519491231002X");
        QJsonObject body = sampleIntake(as("clerk1"), "HF-001", "SZ", samplePerson(QStringLiteral("王五"), idNumber));
        QJsonObject form = body.value("form").toObject();
        form.remove("deposit_base");
        body.insert("form", form);
        QJsonArray materials;
        for (const auto &m : body.value("materials").toArray()) {
            if (m.toObject().value("code").toString() != "LABOR_CONTRACT")
                materials.append(m);
        }
        body.insert("materials", materials);
        // Accepting it is refused: the materials are incomplete.
        QCOMPARE(as("clerk1").post(api("/cases"), toJson(body), {{"Idempotency-Key", newKey()}}).status, 422);

        // The reason must be one of the matter's; a one-time notice needs something to notify.
        body.insert("refusal", QJsonObject{{"kind", "one_time_notice"}, {"reason", "RJ01"}});
        ApiReply r = as("clerk1").post(api("/cases"), toJson(body), {{"Idempotency-Key", newKey()}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.object().value("errors").toArray()[0].toObject().value("field").toString(),
                 QStringLiteral("refusal.reason"));
        QJsonObject complete = sampleIntake(as("clerk1"), "HF-001", "SZ", samplePerson(QStringLiteral("王五"), idNumber));
        complete.insert("refusal", QJsonObject{{"kind", "one_time_notice"}, {"reason", "NA02"}});
        r = as("clerk1").post(api("/cases"), toJson(complete), {{"Idempotency-Key", newKey()}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.object().value("errors").toArray()[0].toObject().value("code").toString(),
                 QStringLiteral("nothing_to_notify"));
        // An approver takes nothing in, refusals included.
        QCOMPARE(as("approver-hf").post(api("/cases"), toJson(body), {{"Idempotency-Key", newKey()}}).status, 404);

        body.insert("refusal", QJsonObject{{"kind", "one_time_notice"}, {"reason", "NA02"}, {"note", "下次带齐"}});
        const QByteArray key = newKey();
        r = as("clerk1").post(api("/cases"), toJson(body), {{"Idempotency-Key", key}});
        QCOMPARE(r.status, 201);
        const QJsonObject refused = r.object();
        QCOMPARE(refused.value("status").toString(), QStringLiteral("not_accepted"));
        QVERIFY(refused.value("number").toString().startsWith("SZ-20261127-"));
        const QJsonObject notice = refused.value("refusal").toObject();
        QCOMPARE(notice.value("kind").toString(), QStringLiteral("one_time_notice"));
        QCOMPARE(notice.value("reason").toObject().value("text").toString(), QStringLiteral("申请材料不齐全"));
        QCOMPARE(notice.value("note").toString(), QStringLiteral("下次带齐"));
        QStringList items;
        for (const auto &i : notice.value("items").toArray())
            items << i.toObject().value("kind").toString() + ":" + i.toObject().value("code").toString() + ":"
                         + i.toObject().value("problem").toString();
        QCOMPARE(items, (QStringList{"material:LABOR_CONTRACT:required_missing", "field:form.deposit_base:required"}));
        QCOMPARE(refused.value("deficiencies").toArray().size(), 0);
        // The same request again is the same answer; the case exists once.
        const ApiReply again = as("clerk1").post(api("/cases"), toJson(body), {{"Idempotency-Key", key}});
        QCOMPARE(again.status, 201);
        QCOMPARE(again.object().value("id"), refused.value("id"));

        // On record: read back, in the history, in the audit trail, listed by state.
        const QString id = refused.value("id").toString();
        QCOMPARE(as("clerk1").get(api("/cases/") + id).object().value("refusal").toObject(), notice);
        QStringList actions;
        for (const auto &e : as("clerk1").get(api("/cases/") + id + "/audit").object().value("items").toArray())
            actions << e.toObject().value("action").toString();
        QCOMPARE(actions, QStringList{"refuse_with_notice"});
        bool listed = false;
        for (const auto &item : as("clerk1").get(api("/cases?state=not_accepted&limit=200")).object()
                                    .value("items").toArray())
            listed = listed || item.toObject().value("id").toString() == id;
        QVERIFY(listed);
        // Not a department's work: no part, in no queue, and no decision applies.
        QCOMPARE(as("approver-hf").get(api("/cases/") + id + "/parts").object().value("items").toArray().size(), 0);
        for (const auto &item : as("approver-hf").get(api("/cases?department=HF&part=pending&limit=200")).object()
                                    .value("items").toArray())
            QVERIFY(item.toObject().value("id").toString() != id);
        QVERIFY(decide("approver-hf", id, {{"matter", "HF-001"}, {"decision", "approve"}}).status >= 400);

        // The second visit: the counter finds the notice by the applicant's ID number.
        const ApiReply visits = as("clerk2").get(api("/applicants/") + idNumber + "/refusals");
        QCOMPARE(visits.status, 200);
        const QJsonArray found = visits.object().value("items").toArray();
        QVERIFY(!found.isEmpty());
        QCOMPARE(found[0].toObject().value("id").toString(), id);
        QCOMPARE(found[0].toObject().value("refusal").toObject(), notice);
        QVERIFY(!found[0].toObject().value("form").toObject().value("applicant_id_number").toString().contains("0519491231"));
        // Outside the centre's scope: a village agent of another centre sees none of them.
        QCOMPARE(as("agent1").get(api("/applicants/") + idNumber + "/refusals").object().value("items").toArray().size(), 0);
        QCOMPARE(as("approver-hf").get(api("/applicants/") + idNumber + "/refusals").status, 404);
        QCOMPARE(as("clerk1").get(api("/applicants/not-an-id/refusals")).status, 422);

        // A non-acceptance needs no missing item, only its reason.
        complete.insert("refusal", QJsonObject{{"kind", "non_acceptance"}, {"reason", "NA01"}});
        r = as("clerk1").post(api("/cases"), toJson(complete), {{"Idempotency-Key", newKey()}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value("refusal").toObject().value("items").toArray().size(), 0);
        QCOMPARE(r.object().value("refusal").toObject().value("reason").toObject().value("code").toString(),
                 QStringLiteral("NA01"));
    }

    // 绿色通道: a green case has its own deadline inside the hall, half the promised days unless
    // the matter sets it.
    void greenChannelInternalDeadline()
    {
        const auto green = [&](const QString &matter) {
            QJsonObject body = sampleIntake(as("clerk1"), matter, "SZ",
                                            samplePerson(QStringLiteral("赵六"), "11010519491231002X"));
            body.insert("greenChannel", true);
            body.insert("greenChannelReason", QStringLiteral("市重点项目"));
            const ApiReply r = as("clerk1").post(api("/cases"), toJson(body), {{"Idempotency-Key", newKey()}});
            if (r.status != 201)
                qFatal("green intake of %s refused: %s", qPrintable(matter), r.body.constData());
            return r.object();
        };
        // Friday 2026-11-27: ten working days promised, five inside the hall.
        const QJsonObject food = green("MR-002");
        QCOMPARE(food.value("promisedDueDate").toString(), QStringLiteral("2026-12-11"));
        QCOMPARE(food.value("internalDueDate").toString(), QStringLiteral("2026-12-04"));
        // MI-003 sets three working days of its own (of fifteen promised).
        QCOMPARE(green("MI-003").value("internalDueDate").toString(), QStringLiteral("2026-12-02"));
        QCOMPARE(as("clerk1").get(api("/matters/MI-003")).object().value("greenChannelDays").toInt(), 3);
        // Read back, and in the queue's rows.
        const QString id = food.value("id").toString();
        QCOMPARE(as("approver-mr").get(api("/cases/") + id).object().value("internalDueDate").toString(),
                 QStringLiteral("2026-12-04"));
        bool inQueue = false;
        for (const auto &item : as("approver-mr").get(api("/cases?department=MR&part=pending&sort=priority&limit=200"))
                                    .object().value("items").toArray()) {
            if (item.toObject().value("id").toString() == id) {
                inQueue = true;
                QCOMPARE(item.toObject().value("internalDueDate").toString(), QStringLiteral("2026-12-04"));
            }
        }
        QVERIFY(inQueue);
        // A case outside the green channel has none.
        QVERIFY(accept("MR-002").value("internalDueDate").isNull());
    }

    // Every matter lists its reasons: its own first, then the hall's common ones.
    void mattersListTheirReasons()
    {
        const QJsonArray reasons = as("approver-mr").get(api("/matters/MR-002")).object().value("reasons").toArray();
        QVERIFY(reasons.size() > 10);
        QCOMPARE(reasons[0].toObject().value("code").toString(), QStringLiteral("MR02-RJ1"));
        QSet<QString> uses;
        for (const auto &r : reasons)
            uses.insert(r.toObject().value("use").toString());
        QCOMPARE(uses, (QSet<QString>{"not_accepted", "return", "reject"}));
    }


    // A simulated approval whose conditions stay open lapses on its date: the job ends the case.
    void simulatedApprovalLapses()
    {
        const QString id = accept("MR-001").value("id").toString();
        QCOMPARE(decide("approver-mr", id,
                        {{"matter", "MR-001"}, {"decision", "approve_simulated"}, {"conditions", QJsonArray{"取得土地证"}}})
                     .status,
                 200);
        QFile config(m_dir.filePath("jobs-off.properties"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("jobs.intervalSeconds = 0\n");
        config.close();
        QCOMPARE(m_server.stop(), 0);
        m_users.clear();
        QString error;
        QVERIFY2(m_server.start({"--database", m_db.url(), "--demo", "--today", "2026-12-25", "--config", config.fileName()}, &error),
                 qPrintable(error));
        // On its lapse date it still stands; the day after, it lapses.
        ApiReply jobs = as("admin").post(api("/jobs/run"), "{}");
        QCOMPARE(jobs.status, 200);
        QCOMPARE(as("clerk1").get(api("/cases/") + id).object().value("status").toString(),
                 QStringLiteral("approved_simulated"));
        QCOMPARE(m_server.stop(), 0);
        m_users.clear();
        QVERIFY2(m_server.start({"--database", m_db.url(), "--demo", "--today", "2026-12-28", "--config", config.fileName()}, &error),
                 qPrintable(error));
        jobs = as("admin").post(api("/jobs/run"), "{}");
        QVERIFY(jobs.object().value("lapsed").toInt() >= 1);
        const QJsonObject c = as("clerk1").get(api("/cases/") + id).object();
        QCOMPARE(c.value("status").toString(), QStringLiteral("terminated"));
        QStringList actions;
        for (const auto &e : as("clerk1").get(api("/cases/") + id + "/audit").object().value("items").toArray())
            actions << e.toObject().value("action").toString();
        QVERIFY2(actions.contains("lapse"), qPrintable(actions.join(", ")));
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_Review)
#include "tst_review.moc"
