// Results handed out (统一出件) over real HTTP, on SQLite or PostgreSQL (ONEWINDOW_TEST_DATABASE):
// nothing before the result is back, the recipient checked (the applicant's own ID number, or an
// agent with the authorisation attached), a signature or a tracking number, any window of the
// case's hall or its village centre and no other. Every exchange is recorded for the OpenAPI check.
#include "sampleintake.h"
#include "serverprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString api(const QString &path) { return QStringLiteral("/api/v1") + path; }

QByteArray newKey() { return QByteArray("key-") + QByteArray::number(QRandomGenerator::global()->generate64()); }

const QString kApplicantId = QStringLiteral("11010519491231002X");
const QString kOtherId = QStringLiteral("110101199003070935");

} // namespace

class tst_Delivery : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestDatabase m_db;
    QString m_collected; ///< delivered by theApplicantCollects, never rated
    QString m_rated;     ///< delivered and rated 不满意 at the counter by ratings
    ServerProcess m_server;
    SignedInUsers m_users{m_server};

    HttpClient &as(const QString &username) { return m_users.as(username); }

    QByteArray etagOf(const QString &user, const QString &caseId)
    {
        return as(user).get(api("/cases/") + caseId).header("etag");
    }

    // HF-001 accepted by `clerk` at `center`, approved by approver-hf, its result recorded:
    // result_ready, waiting at the hall.
    QString resultReady(const QString &clerk = "clerk1", const QString &center = "SZ")
    {
        const QString id = accepted(clerk, center);
        if (as("approver-hf").post(api("/cases/") + id + "/decisions",
                                   toJson({{"matter", "HF-001"}, {"decision", "approve"}}),
                                   {{"If-Match", etagOf("approver-hf", id)}, {"Idempotency-Key", newKey()}})
                .status != 200)
            qFatal("approval refused");
        const ApiReply r = as("approver-hf").post(
            api("/cases/") + id + "/result",
            toJson({{"certificateNumber", QStringLiteral("苏公积金证字第0001号")}, {"issuedOn", "2026-11-27"}}),
            {{"If-Match", etagOf("approver-hf", id)}, {"Idempotency-Key", newKey()}});
        if (r.object().value("status").toString() != "result_ready")
            qFatal("result refused: %s", r.body.constData());
        return id;
    }

    QString accepted(const QString &clerk, const QString &center)
    {
        const QJsonObject body = sampleIntake(as(clerk), "HF-001", center, samplePerson(QStringLiteral("张三"), kApplicantId));
        const ApiReply r = as(clerk).post(api("/cases"), toJson(body), {{"Idempotency-Key", newKey()}});
        if (r.status != 201)
            qFatal("intake refused: %s", r.body.constData());
        return r.object().value("id").toString();
    }

    // An attachment of the case: the signature pad's image or a scanned authorisation.
    QString attach(const QString &user, const QString &caseId, const QString &filename)
    {
        QByteArray png = QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==");
        const ApiReply r = as(user).post(api("/cases/") + caseId + "/attachments?filename=" + filename, png,
                                         {{"Idempotency-Key", newKey()}, {"Content-Type", "image/png"}});
        if (r.status != 201)
            qFatal("attachment refused: %s", r.body.constData());
        return r.object().value("id").toString();
    }

    ApiReply deliver(const QString &user, const QString &caseId, const QJsonObject &body, const QByteArray &key = newKey())
    {
        return as(user).post(api("/cases/") + caseId + "/delivery", toJson(body),
                             {{"If-Match", etagOf(user, caseId)}, {"Idempotency-Key", key}});
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_db = TestDatabase::forSuite(m_dir.path(), &error);
        QVERIFY2(!m_db.url().isEmpty(), qPrintable(error));
        QVERIFY2(m_server.start({"--database", m_db.url(), "--demo", "--today", "2026-11-27"}, &error),
                 qPrintable(error));
    }

    // The applicant collects at another window of the hall, signing on the pad.
    void theApplicantCollects()
    {
        const QString id = resultReady();
        m_collected = id;
        const QString signature = attach("clerk2", id, "signature.png");
        const QJsonObject body{{"recipient", QJsonObject{{"kind", "applicant"}, {"name", QStringLiteral("张三")},
                                                         {"idNumber", kApplicantId}}},
                               {"method", "counter"},
                               {"signature", signature}};
        const QByteArray key = newKey();
        const ApiReply r = deliver("clerk2", id, body, key);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("delivered"));
        QCOMPARE(r.header("etag"), etagOf("clerk2", id));
        // The same request again is the same answer.
        const ApiReply again = as("clerk2").post(api("/cases/") + id + "/delivery", toJson(body),
                                                 {{"If-Match", "\"1\""}, {"Idempotency-Key", key}});
        QCOMPARE(again.status, 200);
        QCOMPARE(again.object().value("status").toString(), QStringLiteral("delivered"));
        // Read back: the ID number masked, who handed it out, where.
        const QJsonObject stored = as("clerk1").get(api("/cases/") + id + "/delivery").object();
        QCOMPARE(stored.value("recipient").toObject().value("idNumber").toString(), QStringLiteral("110105********002X"));
        QCOMPARE(stored.value("deliveredBy").toString(), QStringLiteral("clerk2"));
        QCOMPARE(stored.value("signature").toString(), signature);
        QCOMPARE(stored.value("center").toString(), QStringLiteral("SZ"));
        QStringList actions;
        for (const auto &e : as("clerk1").get(api("/cases/") + id + "/audit").object().value("items").toArray())
            actions << e.toObject().value("action").toString();
        QVERIFY2(actions.contains("deliver"), qPrintable(actions.join(", ")));
        // Delivered is delivered.
        const ApiReply twice = deliver("clerk1", id, body);
        QCOMPARE(twice.status, 409);
        QCOMPARE(twice.object().value("code").toString(), QStringLiteral("transition_refused"));
        // And takes no more files.
        const ApiReply late = as("clerk2").post(api("/cases/") + id + "/attachments?filename=late.png",
                                                QByteArray("\x89PNG\r\n\x1A\n", 8) + "after the hand-out",
                                                {{"Idempotency-Key", newKey()}, {"Content-Type", "image/png"}});
        QCOMPARE(late.status, 409);
        QCOMPARE(late.object().value("code").toString(), QStringLiteral("case_final"));
    }

    // Nothing before the result is back; every bad field named at once.
    void refusals()
    {
        const QString early = accepted("clerk1", "SZ");
        const QString signature = attach("clerk1", early, "signature.png");
        ApiReply r = deliver("clerk1", early,
                             {{"recipient", QJsonObject{{"kind", "applicant"}, {"name", QStringLiteral("张三")},
                                                        {"idNumber", kApplicantId}}},
                              {"signature", signature}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.object().value("reason").toString(), QStringLiteral("not_allowed_in_state"));
        QVERIFY(as("clerk1").get(api("/cases/") + early + "/delivery").status == 404);

        const QString id = resultReady();
        r = deliver("clerk1", id, {{"recipient", QJsonObject{{"kind", "agent"}, {"name", ""}, {"idNumber", "110105194912310021"}}},
                                   {"method", "mail"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(fieldCodes(r), (QStringList{"recipient.name:required", "recipient.idNumber:check_character",
                                        "recipient.authorization:authorization_required", "trackingNumber:required"}));
        r = deliver("clerk1", id, {{"recipient", QJsonObject{{"kind", "applicant"}, {"name", QStringLiteral("李四")},
                                                             {"idNumber", kOtherId}}}});
        QCOMPARE(fieldCodes(r), (QStringList{"signature:signature_required", "recipient.idNumber:not_the_applicant"}));
        const QString signature2 = attach("clerk1", id, "signature.png");
        // Someone else with their own card is not the applicant: an agent, with the authorisation.
        r = deliver("clerk1", id, {{"recipient", QJsonObject{{"kind", "applicant"}, {"name", QStringLiteral("李四")},
                                                             {"idNumber", kOtherId}}},
                                   {"signature", signature2}});
        QCOMPARE(fieldCodes(r), QStringList{"recipient.idNumber:not_the_applicant"});
        // An attachment of another case is not this case's.
        r = deliver("clerk1", id, {{"recipient", QJsonObject{{"kind", "agent"}, {"name", QStringLiteral("李四")},
                                                             {"idNumber", kOtherId}, {"authorization", signature}}},
                                   {"signature", signature2}});
        QCOMPARE(fieldCodes(r), QStringList{"recipient.authorization:not_in_case"});
        QCOMPARE(as("clerk1").get(api("/cases/") + id).object().value("status").toString(), QStringLiteral("result_ready"));

        // The agent with the authorisation, by mail: delivered.
        const QString authorization = attach("clerk1", id, "authorization.png");
        r = deliver("clerk1", id, {{"recipient", QJsonObject{{"kind", "agent"}, {"name", QStringLiteral("李四")},
                                                             {"idNumber", kOtherId}, {"authorization", authorization}}},
                                   {"method", "mail"},
                                   {"trackingNumber", "SF1234567890"}});
        QCOMPARE(r.status, 200);
        const QJsonObject stored = as("clerk1").get(api("/cases/") + id + "/delivery").object();
        QCOMPARE(stored.value("method").toString(), QStringLiteral("mail"));
        QCOMPARE(stored.value("trackingNumber").toString(), QStringLiteral("SF1234567890"));
        QCOMPARE(stored.value("recipient").toObject().value("authorization").toString(), authorization);
    }

    // Any window of the case's hall or its own village centre; no other centre, no approver.
    void whoHandsOut()
    {
        const QString village = resultReady("agent1", "SZ-V01");
        const QJsonObject applicant{{"kind", "applicant"}, {"name", QStringLiteral("张三")}, {"idNumber", kApplicantId}};
        // Another village centre and the approver: as if the case did not exist.
        QCOMPARE(as("agent2").post(api("/cases/") + village + "/delivery", toJson({{"recipient", applicant}}),
                                   {{"If-Match", "\"3\""}, {"Idempotency-Key", newKey()}}).status, 404);
        QCOMPARE(as("approver-hf").post(api("/cases/") + village + "/delivery", toJson({{"recipient", applicant}}),
                                        {{"If-Match", etagOf("approver-hf", village)}, {"Idempotency-Key", newKey()}})
                     .status, 404);
        QCOMPARE(as("agent2").get(api("/cases/") + village + "/delivery").status, 404);
        // Without If-Match: 428.
        QCOMPARE(as("agent1").post(api("/cases/") + village + "/delivery", toJson({{"recipient", applicant}}),
                                   {{"Idempotency-Key", newKey()}}).status, 428);
        // The hall hands out its village centre's results.
        const ApiReply r = deliver("clerk1", village, {{"recipient", applicant}, {"signature", attach("clerk1", village, "s.png")}});
        QCOMPARE(r.status, 200);
        // The village centre hands out its own.
        const QString own = resultReady("agent1", "SZ-V01");
        QCOMPARE(deliver("agent1", own, {{"recipient", applicant}, {"signature", attach("agent1", own, "s.png")}}).status, 200);
    }

    // The applicant hears once that the result is ready, where, and to bring the ID card; a
    // result handed out before the message went is not announced any more.
    void theResultReadyMessage()
    {
        const auto messages = [&](const QString &caseId) {
            QJsonArray out;
            for (const auto &n : as("supervisor1").get(api("/notifications?caseId=") + caseId).object().value("items").toArray())
                if (n.toObject().value("kind").toString() == "result_ready")
                    out.append(n);
            return out;
        };
        as("admin").post(api("/jobs/run"), QByteArray()); // what earlier tests queued goes out first
        const QString ready = resultReady();
        QJsonArray queued = messages(ready);
        QCOMPARE(queued.size(), 1);
        const QJsonObject message = queued[0].toObject();
        QCOMPARE(message.value("status").toString(), QStringLiteral("pending"));
        QCOMPARE(message.value("recipient").toString(), QStringLiteral("13800138000"));
        QVERIFY(message.value("deficiencyId").isNull());
        const QString text = message.value("text").toString();
        QVERIFY2(text.contains(QStringLiteral("住房公积金缴存登记")) && text.contains(as("clerk1").get(api("/cases/") + ready)
                                                                                 .object().value("number").toString())
                     && text.contains(QStringLiteral("盛泽镇行政审批局")) && text.contains(QStringLiteral("身份证")),
                 qPrintable(text));
        // The counter finds it by the ID card read (its x in any case).
        QStringList waiting;
        for (const auto &c : as("clerk2").get(api("/cases?status=result_ready&applicant=11010519491231002x"))
                                 .object().value("items").toArray())
            waiting << c.toObject().value("id").toString();
        QVERIFY(waiting.contains(ready));
        QCOMPARE(as("clerk2").get(api("/cases?status=result_ready&applicant=") + kOtherId).object().value("items")
                     .toArray().size(),
                 0);
        // Handed out before the message went: cancelled, not sent.
        const QString handedOut = resultReady();
        QCOMPARE(deliver("clerk1", handedOut, {{"recipient", QJsonObject{{"kind", "applicant"}, {"name", QStringLiteral("张三")},
                                                                        {"idNumber", kApplicantId}}},
                                               {"signature", attach("clerk1", handedOut, "s.png")}})
                     .status,
                 200);
        const ApiReply jobs = as("admin").post(api("/jobs/run"), QByteArray());
        QCOMPARE(jobs.status, 200);
        QCOMPARE(jobs.object().value("sent").toInt(), 1);
        queued = messages(ready);
        QCOMPARE(queued.size(), 1); // once
        QCOMPARE(queued[0].toObject().value("status").toString(), QStringLiteral("sent"));
        QCOMPARE(messages(handedOut)[0].toObject().value("status").toString(), QStringLiteral("cancelled"));
    }

    // 好差评: the customer screen rates with its own token, once per event; the clerk's own
    // session cannot; a supervisor enters a paper form.
    void ratings()
    {
        const QString id = resultReady();
        m_rated = id;
        QCOMPARE(deliver("clerk1", id, {{"recipient", QJsonObject{{"kind", "applicant"}, {"name", QStringLiteral("张三")},
                                                                 {"idNumber", kApplicantId}}},
                                        {"signature", attach("clerk1", id, "s.png")}})
                     .status,
                 200);
        const auto rate = [&](const QString &user, const QJsonObject &body) {
            return as(user).post(api("/cases/") + id + "/evaluations", toJson(body));
        };
        const auto token = [&](const QString &user, const QString &caseId, const QString &event) {
            return as(user).post(api("/cases/") + caseId + "/rating-tokens", toJson({{"event", event}}));
        };
        // The clerk alone cannot rate for the citizen.
        ApiReply r = rate("clerk1", {{"event", "delivery"}, {"level", 5}, {"channel", "counter"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(fieldCodes(r), QStringList{"ratingToken:rating_token_required"});
        // Bad input: every problem at once.
        r = rate("clerk1", {{"event", "lunch"}, {"level", 6}, {"channel", "counter"}, {"ratingToken", "x"}});
        QCOMPARE(fieldCodes(r), (QStringList{"event:invalid", "level:invalid"}));
        // The customer screen's token: this case, this event, once.
        const ApiReply issued = token("clerk1", id, "delivery");
        QCOMPARE(issued.status, 201);
        const QString screen = issued.object().value("token").toString();
        QVERIFY(screen.size() >= 32);
        QCOMPARE(token("agent2", id, "delivery").status, 404);
        QCOMPARE(token("clerk1", id, "coffee").status, 422);
        const QString other = resultReady();
        r = as("clerk1").post(api("/cases/") + other + "/evaluations",
                              toJson({{"event", "delivery"}, {"level", 1}, {"channel", "counter"}, {"ratingToken", screen}}));
        QCOMPARE(fieldCodes(r), QStringList{"ratingToken:rating_token_invalid"});
        r = rate("clerk1", {{"event", "delivery"}, {"level", 2}, {"channel", "counter"}, {"ratingToken", screen},
                            {"comment", QStringLiteral("等候时间太长")}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value("level").toInt(), 2);
        r = rate("clerk1", {{"event", "delivery"}, {"level", 5}, {"channel", "counter"}, {"ratingToken", screen}});
        QCOMPARE(fieldCodes(r), QStringList{"ratingToken:rating_token_invalid"}); // used
        r = rate("clerk1", {{"event", "delivery"}, {"level", 5}, {"channel", "counter"},
                            {"ratingToken", token("clerk1", id, "delivery").object().value("token").toString()}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("already_rated"));
        // A paper form: entered by a supervisor of the hall, not by the clerk.
        QCOMPARE(rate("clerk1", {{"event", "intake"}, {"level", 5}, {"channel", "paper"}}).status, 404);
        QCOMPARE(rate("supervisor1", {{"event", "intake"}, {"level", 5}, {"channel", "paper"}}).status, 201);
        const QJsonArray ratings = as("clerk2").get(api("/cases/") + id + "/evaluations").object().value("items").toArray();
        QCOMPARE(ratings.size(), 2);
        QCOMPARE(as("approver-mr").get(api("/cases/") + id + "/evaluations").status, 404);
    }

    // A bad rating opens a follow-up for the hall's supervisor, due in five working days over the
    // calendar (a day off in between moves it); call-back notes, then closing with the resolution
    // and the citizen's second rating; nobody else sees it.
    void followUps()
    {
        QCOMPARE(as("admin").put(api("/calendar/2026-12-01"), toJson({{"working", false}, {"holiday", QStringLiteral("调休")}}))
                     .status,
                 200);
        const QString id = resultReady();
        QCOMPARE(deliver("clerk2", id, {{"recipient", QJsonObject{{"kind", "applicant"}, {"name", QStringLiteral("张三")},
                                                                 {"idNumber", kApplicantId}}},
                                        {"signature", attach("clerk2", id, "s.png")}})
                     .status,
                 200);
        const QString screen = as("clerk2").post(api("/cases/") + id + "/rating-tokens", toJson({{"event", "delivery"}}))
                                   .object().value("token").toString();
        QCOMPARE(as("clerk2").post(api("/cases/") + id + "/evaluations",
                                   toJson({{"event", "delivery"}, {"level", 1}, {"channel", "counter"},
                                           {"ratingToken", screen}, {"comment", QStringLiteral("窗口态度差")}}))
                     .status,
                 201);
        // A middling rating of the intake opens nothing.
        QCOMPARE(as("supervisor1").post(api("/cases/") + id + "/evaluations",
                                        toJson({{"event", "intake"}, {"level", 3}, {"channel", "paper"}}))
                     .status,
                 201);
        const auto followUpsOf = [&](const QString &state, const QString &caseId) {
            QJsonArray out;
            const ApiReply r = as("supervisor1").get(api("/follow-ups?state=") + state);
            for (const auto &f : r.object().value("items").toArray())
                if (f.toObject().value("caseId").toString() == caseId)
                    out.append(f);
            return out;
        };
        QJsonArray open = followUpsOf("open", id);
        QCOMPARE(open.size(), 1);
        QJsonObject f = open[0].toObject();
        QCOMPARE(f.value("event").toString(), QStringLiteral("delivery"));
        QCOMPARE(f.value("level").toInt(), 1);
        QCOMPARE(f.value("comment").toString(), QStringLiteral("窗口态度差"));
        QCOMPARE(f.value("state").toString(), QStringLiteral("open"));
        QCOMPARE(f.value("assignedTo").toString(), QStringLiteral("supervisor1"));
        // Mon 30 Nov, (1 Dec off), 2, 3, 4, Mon 7 Dec.
        QCOMPARE(f.value("dueDate").toString(), QStringLiteral("2026-12-07"));
        QCOMPARE(f.value("applicantName").toString(), QStringLiteral("张三"));
        const QString path = api("/follow-ups/") + f.value("id").toString();
        // Nobody but the hall's supervisors; nonsense ids are not found.
        QCOMPARE(as("clerk1").get(api("/follow-ups")).status, 404);
        QCOMPARE(as("approver-hf").get(path).status, 404);
        QCOMPARE(as("clerk2").post(path + "/notes", toJson({{"note", "x"}})).status, 404);
        QCOMPARE(as("supervisor1").get(api("/follow-ups/abc")).status, 404);
        QCOMPARE(as("supervisor1").get(api("/follow-ups/999999")).status, 404);
        QCOMPARE(as("supervisor1").get(api("/follow-ups?state=later")).status, 422);
        // Closing needs the call back on record, a resolution and the second rating.
        ApiReply r = as("supervisor1").post(path + "/close", toJson({{"resolution", ""}, {"secondLevel", 9}}));
        QCOMPARE(fieldCodes(r), (QStringList{"resolution:required", "secondLevel:invalid"}));
        r = as("supervisor1").post(path + "/close", toJson({{"resolution", QStringLiteral("已致歉")}, {"secondLevel", 4}}));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("call_back_missing"));
        QCOMPARE(fieldCodes(as("supervisor1").post(path + "/notes", toJson({{"note", "  "}}))), QStringList{"note:required"});
        r = as("supervisor1").post(path + "/notes", toJson({{"note", QStringLiteral("电话回访：窗口人员已批评教育")}}));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value("notes").toArray().size(), 1);
        QCOMPARE(r.object().value("notes").toArray()[0].toObject().value("writtenBy").toString(), QStringLiteral("supervisor1"));
        r = as("supervisor1").post(path + "/close", toJson({{"resolution", QStringLiteral("已当面致歉，群众表示谅解")}, {"secondLevel", 4}}));
        QCOMPARE(r.status, 200);
        f = r.object();
        QCOMPARE(f.value("state").toString(), QStringLiteral("closed"));
        QCOMPARE(f.value("secondLevel").toInt(), 4);
        QCOMPARE(f.value("closedBy").toString(), QStringLiteral("supervisor1"));
        QCOMPARE(f.value("notes").toArray().size(), 1);
        QCOMPARE(as("supervisor1").post(path + "/close", toJson({{"resolution", "again"}, {"secondLevel", 5}}))
                     .object().value("code").toString(),
                 QStringLiteral("follow_up_closed"));
        QCOMPARE(as("supervisor1").post(path + "/notes", toJson({{"note", "late"}})).status, 409);
        QCOMPARE(followUpsOf("open", id).size(), 0);
        QCOMPARE(followUpsOf("closed", id).size(), 1);
        QStringList actions;
        for (const auto &e : as("clerk1").get(api("/cases/") + id + "/audit").object().value("items").toArray())
            actions << e.toObject().value("action").toString();
        QVERIFY2(actions.contains("follow_up_opened") && actions.contains("follow_up_note")
                     && actions.contains("follow_up_closed"),
                 qPrintable(actions.join(", ")));
        // A paper form of 不满意 opens one too, under the same calendar.
        const QString paper = resultReady();
        QCOMPARE(as("supervisor1").post(api("/cases/") + paper + "/evaluations",
                                        toJson({{"event", "intake"}, {"level", 2}, {"channel", "paper"}}))
                     .status,
                 201);
        open = followUpsOf("open", paper);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open[0].toObject().value("dueDate").toString(), QStringLiteral("2026-12-07"));
        QCOMPARE(as("admin").put(api("/calendar/2026-12-01"), toJson({{"working", true}})).status, 200);
    }

    // Days later (the server started again with a later --today): open follow-ups past their due
    // date are overdue and escalated once, with an SMS to the supervisor; the delivered case that
    // nobody rated gets its invitation, once; the rated one none.
    void escalationAndInvitations()
    {
        QCOMPARE(as("admin").post(api("/jobs/run"), QByteArray()).object().value("escalated").toInt(), 0);
        QCOMPARE(as("admin").post(api("/jobs/run"), QByteArray()).object().value("invited").toInt(), 0);
        QCOMPARE(m_server.stop(), 0);
        m_users.clear();
        QString error;
        QVERIFY2(m_server.start({"--database", m_db.url(), "--demo", "--today", "2026-12-08"}, &error), qPrintable(error));
        const QJsonArray overdue = as("supervisor1").get(api("/follow-ups?state=overdue")).object().value("items").toArray();
        QVERIFY(overdue.size() >= 2);
        for (const auto &f : overdue)
            QCOMPARE(f.toObject().value("state").toString(), QStringLiteral("overdue"));
        // The background run at start may have done it already; a run now does what is left, and
        // another finds nothing to do.
        QCOMPARE(as("admin").post(api("/jobs/run"), QByteArray()).status, 200);
        const QJsonObject again = as("admin").post(api("/jobs/run"), QByteArray()).object();
        QCOMPARE(again.value("escalated").toInt(), 0);
        QCOMPARE(again.value("invited").toInt(), 0);
        const auto messages = [&](const QString &caseId, const QString &kind) {
            QJsonArray out;
            for (const auto &n : as("supervisor1").get(api("/notifications?caseId=") + caseId).object().value("items").toArray())
                if (n.toObject().value("kind").toString() == kind)
                    out.append(n);
            return out;
        };
        const QJsonArray escalations = messages(m_rated, "follow_up_overdue");
        QCOMPARE(escalations.size(), 1);
        QCOMPARE(escalations[0].toObject().value("recipient").toString(), QStringLiteral("13900000001"));
        QCOMPARE(escalations[0].toObject().value("status").toString(), QStringLiteral("sent"));
        QVERIFY(escalations[0].toObject().value("text").toString().contains(QStringLiteral("不满意")));
        for (const auto &f : overdue)
            QVERIFY(!as("supervisor1").get(api("/follow-ups/") + f.toObject().value("id").toString())
                         .object().value("escalatedAt").isNull());
        const QJsonArray invitations = messages(m_collected, "rating_invitation");
        QCOMPARE(invitations.size(), 1);
        QCOMPARE(invitations[0].toObject().value("recipient").toString(), QStringLiteral("13800138000"));
        QCOMPARE(invitations[0].toObject().value("status").toString(), QStringLiteral("sent"));
        QVERIFY(invitations[0].toObject().value("text").toString().contains(QStringLiteral("非常满意")));
        QCOMPARE(messages(m_rated, "rating_invitation").size(), 0);
        // The SMS reply, entered by the supervisor, closes the question.
        QCOMPARE(as("supervisor1").post(api("/cases/") + m_collected + "/evaluations",
                                        toJson({{"event", "delivery"}, {"level", 5}, {"channel", "sms"}}))
                     .status,
                 201);
        QCOMPARE(as("admin").post(api("/jobs/run"), QByteArray()).object().value("invited").toInt(), 0);
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_Delivery)
#include "tst_delivery.moc"
