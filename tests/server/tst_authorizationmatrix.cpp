// The authorization matrix over real HTTP, on SQLite or PostgreSQL (ONEWINDOW_TEST_DATABASE):
// every route of the server (as the server itself lists them) × every role × an object in the
// user's own scope and one of the other hall's (the demo data's second hall, TL). The expected
// answers are written below from the policy (ARCHITECTURE.md's authorization section and the
// role/capability table of server/auth/policy.cpp), not asked of the server: a role the policy
// refuses a capability gets 404, as does anything out of scope; an allowed role gets the route's
// own answer, 2xx or a 4xx that can only come after the authorization (validation, a stale
// If-Match, a state that refuses the change). Also the broken-commitment record across halls and
// the approver's department matched as a whole code.
#include "sampleintake.h"
#include "serverprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <map>

namespace {

QString api(const QString &path)
{
    return QStringLiteral("/api/v1") + path;
}

QByteArray newKey()
{
    return QByteArray("key-") + QByteArray::number(QRandomGenerator::global()->generate64());
}

// A stale version: an allowed request that gets this far is answered 412.
const QByteArray kStale = "\"999\"";

// A citizen ID number: the 17 digits given and their check character (GB 11643).
QString idNumber(const QString &digits)
{
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (digits.at(i).unicode() - '0') * weights[i];
    return digits + QStringLiteral("10X98765432").at(sum % 11);
}

QStringList valuesOf(const QJsonArray &array, const QString &key)
{
    QStringList out;
    for (const auto &v : array)
        out << v.toObject().value(key).toString();
    return out;
}

const QStringList kRoles {"clerk", "agent", "approver", "supervisor", "admin", "auditor", "security_admin"};

/// A hall of the demo data, its village centre and the users bound to them.
struct Hall
{
    QString code, village, clerk, agent, supervisor;
};
const Hall kHalls[2]
    = {{"SZ", "SZ-V01", "clerk1", "agent1", "supervisor1"}, {"TL", "TL-V01", "clerk-tl", "agent-tl", "supervisor-tl"}};

/// What the routes name, as one user sees it: the objects of one hall, and for the agent those of
/// the hall's village centre.
struct Objects
{
    QString center; ///< where the user accepts cases
    QString caseId; ///< accepted with an outstanding deficiency
    QString deficiencyId; ///< that deficiency
    QString attachmentId; ///< an attachment of that case
    QString delivered; ///< a case delivered and rated
    QString followUp; ///< the follow-up of a bad rating (the hall's)
    QString transfer, transferCode; ///< a batch of paper from the village centre to the hall
    QString batchCase; ///< another case of the village centre, to send in a batch
    QString applicant; ///< a broken commitment left by a case of the hall
    QString clearable; ///< another one, to be cleared
    QString user; ///< a user account of the hall
    QJsonObject intake; ///< a complete intake at `center`
};

/// One request of the matrix.
struct Call
{
    QByteArray method;
    QString path;
    QByteArray body;
    QMap<QByteArray, QByteArray> headers;
};

/// One route: the roles the policy lets through and their answer in scope; refused roles get
/// 404. Out of scope an allowed role gets 404 too when the route is about an object
/// (`scoped`), else the same answer, unless `outside` names another one.
struct Row
{
    QByteArray method;
    QString pattern;
    std::map<QString, int> allowed;
    bool scoped = false;
    std::function<Call(const Objects &, const QString &role)> call;
    std::map<QString, int> outside = {};
};

std::map<QString, int> all(int status)
{
    std::map<QString, int> out;
    for (const QString &role : kRoles)
        out[role] = status;
    return out;
}

QByteArray json(const QJsonObject &o)
{
    return toJson(o);
}

Call get(const QString &path)
{
    return {"GET", api(path), {}, {}};
}

Call post(const QString &path, const QJsonObject &body, QMap<QByteArray, QByteArray> headers = {})
{
    headers.insert("Idempotency-Key", newKey());
    return {"POST", api(path), json(body), headers};
}

Call stale(QByteArray method, const QString &path, const QJsonObject &body)
{
    return {method, api(path), json(body), {{"If-Match", kStale}, {"Idempotency-Key", newKey()}}};
}

// A one-pixel PNG: a real image, as attachments are sniffed.
QByteArray png()
{
    return QByteArray::fromBase64(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==");
}

const QString kCase = QStringLiteral("/cases/");

// The table: one row per route, in the order of api/openapi.yaml's resources.
std::vector<Row> matrixRows()
{
    const auto only = [](std::initializer_list<QString> roles, int status) {
        std::map<QString, int> out;
        for (const QString &r : roles)
            out[r] = status;
        return out;
    };
    const std::initializer_list<QString> caseReaders {"clerk", "agent", "approver", "supervisor"};
    const std::initializer_list<QString> counter {"clerk", "agent"};
    std::vector<Row> rows;
    const auto add = [&](QByteArray method, QString pattern, std::map<QString, int> allowed, bool scoped,
                         std::function<Call(const Objects &, const QString &)> call,
                         std::map<QString, int> outside = {}) {
        rows.push_back({method, "/api/v1" + pattern, std::move(allowed), scoped, std::move(call), std::move(outside)});
    };

    add("GET", "/health", all(200), false, [](const Objects &, const QString &) { return get("/health"); });
    // Sessions: the sign-in is public (here without a password: refused as incomplete).
    add("POST", "/sessions", all(422), false, [](const Objects &, const QString &) {
        return post("/sessions", {{"username", "clerk1"}});
    });
    add("DELETE", "/sessions/current", all(204), false, [](const Objects &, const QString &) {
        return Call {"DELETE", api("/sessions/current"), {}, {}};
    });
    add("GET", "/me", all(200), false, [](const Objects &, const QString &) { return get("/me"); });
    add("POST", "/me/password", all(422), false,
        [](const Objects &, const QString &) { return post("/me/password", {}); });

    // The catalog: read by everyone, kept by the administrator.
    add("GET", "/departments", all(200), false, [](const Objects &, const QString &) { return get("/departments"); });
    add("GET", "/centers", all(200), false, [](const Objects &, const QString &) { return get("/centers"); });
    add("GET", "/matters", all(200), false, [](const Objects &, const QString &) { return get("/matters"); });
    add("GET", "/matters/{code}", all(200), false,
        [](const Objects &, const QString &) { return get("/matters/HF-001"); });
    add("PUT", "/matters/{code}", only({"admin"}, 412), false, [](const Objects &, const QString &) {
        return stale("PUT", "/matters/HF-001", {{"name", "x"}});
    });
    add("POST", "/matters", only({"admin"}, 422), false,
        [](const Objects &, const QString &) { return post("/matters", {}); });
    add("GET", "/matters/{code}/versions", only({"admin"}, 200), false,
        [](const Objects &, const QString &) { return get("/matters/HF-001/versions"); });
    add("POST", "/matters/{code}/versions", only({"admin"}, 422), false, [](const Objects &, const QString &) {
        return post("/matters/HF-001/versions", {{"validFrom", "yesterday"}});
    });
    add("GET", "/matters/{code}/versions/{n}", only({"admin"}, 200), false,
        [](const Objects &, const QString &) { return get("/matters/HF-001/versions/1"); });
    // A published version never changes, whatever the If-Match.
    add("PUT", "/matters/{code}/versions/{n}", only({"admin"}, 409), false,
        [](const Objects &, const QString &) { return stale("PUT", "/matters/HF-001/versions/1", {}); });
    add("DELETE", "/matters/{code}/versions/{n}", only({"admin"}, 409), false,
        [](const Objects &, const QString &) { return stale("DELETE", "/matters/HF-001/versions/1", {}); });
    add("POST", "/matters/{code}/versions/{n}/publish", only({"admin"}, 409), false,
        [](const Objects &, const QString &) {
            return post("/matters/HF-001/versions/1/publish", {{"validFrom", "2026-12-01"}});
        });
    add("GET", "/matters/{code}/versions/{n}/diff/{m}", only({"admin"}, 200), false,
        [](const Objects &, const QString &) { return get("/matters/HF-001/versions/1/diff/1"); });
    add("GET", "/catalog/export", only({"admin"}, 200), false,
        [](const Objects &, const QString &) { return get("/catalog/export"); });
    // An empty catalog imports nothing.
    add("POST", "/catalog/import", only({"admin"}, 200), false,
        [](const Objects &, const QString &) { return post("/catalog/import", {}); });
    add("GET", "/bundles", all(200), false, [](const Objects &, const QString &) { return get("/bundles"); });
    add("GET", "/bundles/{code}", all(200), false,
        [](const Objects &, const QString &) { return get("/bundles/B-OPEN-COMPANY"); });
    add("PUT", "/bundles/{code}", only({"admin"}, 412), false, [](const Objects &, const QString &) {
        return stale("PUT", "/bundles/B-OPEN-COMPANY",
            {{"name", QStringLiteral("开办企业一件事")}, {"matters", QJsonArray {"MR-001", "PS-001", "TX-001"}}});
    });
    add("GET", "/calendar", all(200), false,
        [](const Objects &, const QString &) { return get("/calendar?from=2026-11-01&to=2026-11-30"); });
    add("PUT", "/calendar/{date}", only({"admin"}, 422), false, [](const Objects &, const QString &) {
        return Call {"PUT", api("/calendar/2026-12-31"), "{}", {}};
    });
    add("POST", "/jobs/run", only({"admin"}, 200), false, [](const Objects &, const QString &) {
        return Call {"POST", api("/jobs/run"), "{}", {}};
    });

    // Applicants: licences and refusals for the counter, the broken-commitment record for the
    // supervisor (out of scope: read as no record, and nothing to clear).
    add("GET", "/applicants/{identifier}/licenses", only(counter, 200), false,
        [](const Objects &o, const QString &) { return get("/applicants/" + o.applicant + "/licenses"); });
    add("GET", "/applicants/{identifier}/refusals", only(counter, 200), false,
        [](const Objects &o, const QString &) { return get("/applicants/" + o.applicant + "/refusals"); });
    add("GET", "/applicants/{identifier}/broken-commitment", only({"supervisor"}, 200), false,
        [](const Objects &o, const QString &) { return get("/applicants/" + o.applicant + "/broken-commitment"); });
    add("POST", "/applicants/{identifier}/broken-commitment/clear", only({"supervisor"}, 200), true,
        [](const Objects &o, const QString &) {
            return post(
                "/applicants/" + o.clearable + "/broken-commitment/clear", {{"reason", QStringLiteral("住院")}});
        },
        {{"supervisor", 409}});

    // Intake: only at one's own centre (another centre is a field error of the request).
    add("POST", "/cases", only(counter, 201), true,
        [](const Objects &o, const QString &) {
            return Call {"POST", api("/cases"), json(o.intake), {{"Idempotency-Key", newKey()}}};
        },
        {{"clerk", 422}, {"agent", 422}});
    add("POST", "/centers/{code}/number-blocks", only(counter, 201), true, [](const Objects &o, const QString &) {
        return post("/centers/" + o.center + "/number-blocks", {{"count", 1}});
    });

    // Cases.
    add("GET", "/cases", only(caseReaders, 200), false, [](const Objects &, const QString &) { return get("/cases"); });
    add("GET", "/cases/{id}", only(caseReaders, 200), true,
        [](const Objects &o, const QString &) { return get(kCase + o.caseId); });
    {
        auto readers = only(caseReaders, 200);
        readers["auditor"] = 200;
        // The auditor reads the trail of every case.
        add("GET", "/cases/{id}/audit", readers, true,
            [](const Objects &o, const QString &) { return get(kCase + o.caseId + "/audit"); }, {{"auditor", 200}});
    }

    // Deficiencies and their reminders.
    add("GET", "/deficiencies", only(caseReaders, 200), false,
        [](const Objects &, const QString &) { return get("/deficiencies"); });
    add("GET", "/deficiencies/counts", only(caseReaders, 200), false,
        [](const Objects &, const QString &) { return get("/deficiencies/counts"); });
    add("POST", "/cases/{id}/deficiencies/{did}/supply", only({"clerk", "agent", "supervisor"}, 412), true,
        [](const Objects &o, const QString &) {
            return stale(
                "POST", kCase + o.caseId + "/deficiencies/" + o.deficiencyId + "/supply", {{"provided", "paper"}});
        });
    add("POST", "/cases/{id}/deficiencies/{did}/waive", only({"supervisor"}, 412), true,
        [](const Objects &o, const QString &) {
            return stale("POST", kCase + o.caseId + "/deficiencies/" + o.deficiencyId + "/waive", {{"reason", "x"}});
        });
    add("GET", "/notifications", only({"supervisor"}, 200), false,
        [](const Objects &, const QString &) { return get("/notifications"); });

    // The back office.
    add("POST", "/cases/{id}/decisions", only({"approver"}, 412), true, [](const Objects &o, const QString &) {
        return stale("POST", kCase + o.caseId + "/decisions", {{"matter", "HF-001"}, {"decision", "approve"}});
    });
    add("POST", "/cases/{id}/resubmission", only(counter, 412), true,
        [](const Objects &o, const QString &) { return stale("POST", kCase + o.caseId + "/resubmission", {}); });
    add("POST", "/cases/{id}/result", only({"approver"}, 412), true, [](const Objects &o, const QString &) {
        return stale("POST", kCase + o.caseId + "/result", {{"certificateNumber", "X-1"}, {"issuedOn", "2026-11-27"}});
    });
    add("GET", "/cases/{id}/result", only(caseReaders, 200), true,
        [](const Objects &o, const QString &) { return get(kCase + o.delivered + "/result"); });
    // Handed to a supervising department once approved: this case is not yet.
    add("POST", "/cases/{id}/handoff", only({"approver"}, 409), true, [](const Objects &o, const QString &) {
        return post(kCase + o.caseId + "/handoff", {{"department", "MR"}});
    });
    add("GET", "/handoffs", only({"approver"}, 200), false,
        [](const Objects &, const QString &) { return get("/handoffs"); });
    add("POST", "/cases/{id}/conditions/{n}/met", only({"approver"}, 412), true, [](const Objects &o, const QString &) {
        return stale("POST", kCase + o.caseId + "/conditions/1/met", {{"note", "x"}});
    });
    add("GET", "/cases/{id}/conditions", only(caseReaders, 200), true,
        [](const Objects &o, const QString &) { return get(kCase + o.caseId + "/conditions"); });
    add("GET", "/review/counts", only({"approver"}, 200), false,
        [](const Objects &, const QString &) { return get("/review/counts"); });
    add("GET", "/cases/{id}/parts", only(caseReaders, 200), true,
        [](const Objects &o, const QString &) { return get(kCase + o.caseId + "/parts"); });

    // Attachments.
    add("POST", "/cases/{id}/attachments", only({"clerk", "agent", "supervisor"}, 201), true,
        [](const Objects &o, const QString &) {
            return Call {"POST", api(kCase + o.caseId + "/attachments?filename=scan.png"), png(),
                {{"Idempotency-Key", newKey()}, {"Content-Type", "image/png"}}};
        });
    add("GET", "/cases/{id}/attachments", only(caseReaders, 200), true,
        [](const Objects &o, const QString &) { return get(kCase + o.caseId + "/attachments"); });
    add("GET", "/cases/{id}/attachments/{aid}/content", only(caseReaders, 200), true,
        [](const Objects &o, const QString &) {
            return get(kCase + o.caseId + "/attachments/" + o.attachmentId + "/content");
        });

    // Handing the result out, and the ratings.
    add("POST", "/cases/{id}/delivery", only(counter, 412), true, [](const Objects &o, const QString &) {
        return stale("POST", kCase + o.delivered + "/delivery",
            {{"recipient",
                 QJsonObject {
                     {"kind", "applicant"}, {"name", QStringLiteral("张三")}, {"idNumber", "11010519491231002X"}}},
                {"method", "mail"}, {"trackingNumber", "SF1"}});
    });
    add("GET", "/cases/{id}/delivery", only(caseReaders, 200), true,
        [](const Objects &o, const QString &) { return get(kCase + o.delivered + "/delivery"); });
    add("POST", "/cases/{id}/rating-tokens", only(counter, 201), true, [](const Objects &o, const QString &) {
        return post(kCase + o.delivered + "/rating-tokens", {{"event", "delivery"}});
    });
    // The counter with the customer screen's token (here none: a field error), a supervisor
    // entering a paper form (here with a level out of range).
    add("POST", "/cases/{id}/evaluations", only({"clerk", "agent", "supervisor"}, 422), true,
        [](const Objects &o, const QString &role) {
            const QJsonObject body = role == "supervisor"
                ? QJsonObject {{"event", "intake"}, {"level", 9}, {"channel", "paper"}}
                : QJsonObject {{"event", "delivery"}, {"level", 5}, {"channel", "counter"}};
            return post(kCase + o.delivered + "/evaluations", body);
        });
    add("GET", "/cases/{id}/evaluations", only(caseReaders, 200), true,
        [](const Objects &o, const QString &) { return get(kCase + o.delivered + "/evaluations"); });
    // The figures of one's own cases: a supervisor's hall, an approver's department (tst_stats
    // checks the scopes and the filters out of them).
    add("GET", "/stats/summary", only({"supervisor", "approver"}, 200), false,
        [](const Objects &, const QString &) { return get("/stats/summary?from=2026-11-01&to=2026-11-30"); });
    add("GET", "/follow-ups", only({"supervisor"}, 200), false,
        [](const Objects &, const QString &) { return get("/follow-ups"); });
    add("GET", "/follow-ups/{id}", only({"supervisor"}, 200), true,
        [](const Objects &o, const QString &) { return get("/follow-ups/" + o.followUp); });
    add("POST", "/follow-ups/{id}/notes", only({"supervisor"}, 422), true, [](const Objects &o, const QString &) {
        return post("/follow-ups/" + o.followUp + "/notes", {{"note", ""}});
    });
    add("POST", "/follow-ups/{id}/close", only({"supervisor"}, 422), true, [](const Objects &o, const QString &) {
        return post("/follow-ups/" + o.followUp + "/close", {{"secondLevel", 9}});
    });

    // Paper from a village centre to its hall: sent by the village centre's counter only (a hall
    // sends none), checked in by a clerk of the hall.
    add("POST", "/transfers", only({"agent"}, 422), true, [](const Objects &o, const QString &) {
        return post("/transfers", {{"cases", QJsonArray {o.batchCase}}, {"note", QString(3001, 'x')}});
    });
    add("GET", "/transfers", only({"clerk", "agent", "supervisor"}, 200), false,
        [](const Objects &, const QString &) { return get("/transfers"); });
    add("GET", "/transfers/{id}", only({"clerk", "agent", "supervisor"}, 200), true,
        [](const Objects &o, const QString &) { return get("/transfers/" + o.transfer); });
    add("GET", "/transfers/by-code/{code}", only({"clerk", "agent", "supervisor"}, 200), true,
        [](const Objects &o, const QString &) { return get("/transfers/by-code/" + o.transferCode); });
    add("POST", "/transfers/{id}/arrival", only({"clerk"}, 422), true, [](const Objects &o, const QString &) {
        return post("/transfers/" + o.transfer + "/arrival", {{"missing", "all"}});
    });

    // Users: the security administrator's, whatever their centre.
    add("POST", "/users", only({"security_admin"}, 422), false, [](const Objects &, const QString &) {
        return Call {"POST", api("/users"), "{}", {}};
    });
    add("GET", "/users", only({"security_admin"}, 200), false,
        [](const Objects &, const QString &) { return get("/users"); });
    add("GET", "/users/{username}", only({"security_admin"}, 200), false,
        [](const Objects &o, const QString &) { return get("/users/" + o.user); });
    add("PATCH", "/users/{username}", only({"security_admin"}, 422), false, [](const Objects &o, const QString &) {
        return Call {"PATCH", api("/users/" + o.user), json({{"role", "king"}}), {}};
    });
    add("POST", "/users/{username}/password-reset", only({"security_admin"}, 200), false,
        [](const Objects &o, const QString &) {
            return Call {"POST", api("/users/" + o.user + "/password-reset"), "{}", {}};
        });

    // The audit trail: the auditor's.
    add("GET", "/audit", only({"auditor"}, 200), false, [](const Objects &, const QString &) { return get("/audit"); });
    add("GET", "/audit/verify", only({"auditor"}, 200), false,
        [](const Objects &, const QString &) { return get("/audit/verify"); });
    return rows;
}

} // namespace

class tst_AuthorizationMatrix : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestDatabase m_db;
    ServerProcess m_server;
    SignedInUsers m_users {m_server};

    /// Per hall: the case objects of the hall and of its village centre.
    struct HallObjects
    {
        Objects hall, village;
        QString otherDepartmentCase; ///< an MI-001 case of the hall, outside approver-hf's department
    };
    HallObjects m_objects[2];

    HttpClient &as(const QString &username) { return m_users.as(username); }

    QByteArray etagOf(const QString &user, const QString &caseId)
    {
        return as(user).get(api(kCase + caseId)).header("etag");
    }

    QJsonObject intakeAt(const QString &user, const QString &matter, const QString &center, const QString &idNumber,
        const QStringList &deficient = {})
    {
        return sampleIntake(as(user), matter, center, samplePerson(QStringLiteral("张三"), idNumber), deficient);
    }

    QJsonObject accept(const QString &user, const QJsonObject &body)
    {
        const ApiReply r = as(user).post(api("/cases"), toJson(body), {{"Idempotency-Key", newKey()}});
        if (r.status != 201)
            qFatal("intake refused: %s", r.body.constData());
        return r.object();
    }

    QString attach(const QString &user, const QString &caseId)
    {
        const ApiReply r = as(user).post(api(kCase + caseId + "/attachments?filename=scan.png"), png(),
            {{"Idempotency-Key", newKey()}, {"Content-Type", "image/png"}});
        if (r.status != 201)
            qFatal("attachment refused: %s", r.body.constData());
        return r.object().value("id").toString();
    }

    void expectStatus(const ApiReply &r, int status, const char *what)
    {
        if (r.status != status)
            qFatal("%s: %d %s", what, r.status, r.body.constData());
    }

    // HF-001 accepted by `user` at `center`, approved by approver-hf, its result recorded, handed
    // out by `user` and rated 1 at the counter: delivered, with a follow-up at the hall.
    QString deliveredAndRated(const QString &user, const QString &center)
    {
        const QString id = accept(user, intakeAt(user, "HF-001", center, "11010519491231002X")).value("id").toString();
        expectStatus(as("approver-hf")
                         .post(api(kCase + id + "/decisions"), toJson({{"matter", "HF-001"}, {"decision", "approve"}}),
                             {{"If-Match", etagOf("approver-hf", id)}, {"Idempotency-Key", newKey()}}),
            200, "approval");
        expectStatus(
            as("approver-hf")
                .post(api(kCase + id + "/result"),
                    toJson({{"certificateNumber", QStringLiteral("苏公积金证字第0001号")}, {"issuedOn", "2026-11-27"}}),
                    {{"If-Match", etagOf("approver-hf", id)}, {"Idempotency-Key", newKey()}}),
            200, "result");
        const QString signature = attach(user, id);
        expectStatus(as(user).post(api(kCase + id + "/delivery"),
                         toJson({{"recipient",
                                     QJsonObject {{"kind", "applicant"}, {"name", QStringLiteral("张三")},
                                         {"idNumber", "11010519491231002X"}}},
                             {"signature", signature}}),
                         {{"If-Match", etagOf(user, id)}, {"Idempotency-Key", newKey()}}),
            200, "delivery");
        const QString token = as(user)
                                  .post(api(kCase + id + "/rating-tokens"), toJson({{"event", "delivery"}}))
                                  .object()
                                  .value("token")
                                  .toString();
        expectStatus(as(user).post(api(kCase + id + "/evaluations"),
                         toJson({{"event", "delivery"}, {"level", 1}, {"channel", "counter"}, {"ratingToken", token}})),
            201, "rating");
        return id;
    }

    // The broken-commitment records (left by a case's termination, or written by hand before
    // records named their case), written into the database as the termination job would.
    void writeRecords(const QStringList &statements)
    {
        QString error;
        QVERIFY2(m_db.execute(statements, &error), qPrintable(error));
    }

    static QString record(const QString &applicant, bool broken, const QString &caseId, const QString &note = {})
    {
        return QStringLiteral("INSERT INTO applicant_records (applicant, broke_commitment, case_id, note, updated_at) "
                              "VALUES ('%1', %2, %3, %4, '2026-11-20T10:00:00+08:00')")
            .arg(applicant, QString::number(broken ? 1 : 0),
                caseId.isEmpty() ? QStringLiteral("NULL") : "'" + caseId + "'",
                note.isEmpty() ? QStringLiteral("NULL") : "'" + note + "'");
    }

    void createObjects(int h)
    {
        const Hall &hall = kHalls[h];
        HallObjects &o = m_objects[h];
        const QString digit = QString::number(h);
        // At the hall: an intake with its labour contract outstanding, and a scan of it.
        QJsonObject c
            = accept(hall.clerk, intakeAt(hall.clerk, "HF-001", hall.code, "11010519491231002X", {"LABOR_CONTRACT"}));
        o.hall.caseId = c.value("id").toString();
        o.hall.deficiencyId = c.value("deficiencies").toArray()[0].toObject().value("id").toString();
        o.hall.attachmentId = attach(hall.clerk, o.hall.caseId);
        o.hall.delivered = deliveredAndRated(hall.clerk, hall.code);
        o.otherDepartmentCase = accept(hall.clerk, intakeAt(hall.clerk, "MI-001", hall.code, "11010519491231002X"))
                                    .value("id")
                                    .toString();
        // At the village centre: the same, and a batch of paper to the hall.
        c = accept(hall.agent, intakeAt(hall.agent, "HF-001", hall.village, "11010519491231002X", {"LABOR_CONTRACT"}));
        o.village.caseId = c.value("id").toString();
        o.village.deficiencyId = c.value("deficiencies").toArray()[0].toObject().value("id").toString();
        o.village.attachmentId = attach(hall.agent, o.village.caseId);
        o.village.delivered = deliveredAndRated(hall.agent, hall.village);
        const QString papers = accept(hall.agent, intakeAt(hall.agent, "HF-001", hall.village, "11010519491231002X"))
                                   .value("id")
                                   .toString();
        const ApiReply batch
            = as(hall.agent)
                  .post(api("/transfers"), toJson({{"cases", QJsonArray {papers}}}), {{"Idempotency-Key", newKey()}});
        expectStatus(batch, 201, "transfer");
        o.village.batchCase = accept(hall.agent, intakeAt(hall.agent, "HF-001", hall.village, "11010519491231002X"))
                                  .value("id")
                                  .toString();
        for (Objects *x : {&o.hall, &o.village}) {
            x->transfer = batch.object().value("id").toVariant().toString();
            x->transferCode = batch.object().value("code").toString();
            x->applicant = idNumber("32058419800101" + digit + "01");
            x->clearable = idNumber("32058419800101" + digit + "02");
        }
        o.hall.center = hall.code;
        o.village.center = hall.village;
        o.hall.intake = intakeAt(hall.clerk, "HF-001", hall.code, "11010519491231002X");
        o.village.intake = intakeAt(hall.agent, "HF-001", hall.village, "11010519491231002X");
        // The follow-up of the hall's bad rating.
        const ApiReply followUps = as(hall.supervisor).get(api("/follow-ups?state=open"));
        for (const auto &f : followUps.object().value("items").toArray()) {
            if (f.toObject().value("caseId").toString() == o.hall.delivered)
                o.hall.followUp = o.village.followUp = f.toObject().value("id").toVariant().toString();
        }
        QVERIFY2(!o.hall.followUp.isEmpty(), followUps.body.constData());
        // A user account of the hall, to administer.
        o.hall.user = o.village.user = "matrix-" + hall.code.toLower();
        expectStatus(as("secadmin")
                         .post(api("/users"),
                             toJson({{"username", o.hall.user}, {"displayName", QStringLiteral("测试")},
                                 {"role", "clerk"}, {"center", hall.code}})),
            201, "user");
        writeRecords({record(o.hall.applicant, true, o.hall.caseId), record(o.hall.clearable, true, o.hall.caseId)});
    }

    /// The objects `role` works with in hall `h` (the agent those of the village centre; the
    /// approver, in the other hall, a case of another department, as approvers are per
    /// department, not per hall).
    Objects objectsFor(const QString &role, int h, bool own) const
    {
        Objects o = role == "agent" ? m_objects[h].village : m_objects[h].hall;
        if (role == "approver" && !own)
            o.caseId = o.delivered = m_objects[h].otherDepartmentCase;
        return o;
    }

    QString userFor(const QString &role, int h) const
    {
        if (role == "clerk")
            return kHalls[h].clerk;
        if (role == "agent")
            return kHalls[h].agent;
        if (role == "supervisor")
            return kHalls[h].supervisor;
        if (role == "approver")
            return QStringLiteral("approver-hf");
        if (role == "security_admin")
            return QStringLiteral("secadmin");
        return role;
    }

    ApiReply send(const QString &username, const Call &call)
    {
        // Signing out ends the session: a session of its own.
        if (call.method == "DELETE" && call.path.endsWith("/sessions/current")) {
            HttpClient fresh(m_server.baseUrl());
            fresh.signIn(username);
            return fresh.send(call.method, call.path, call.body, call.headers);
        }
        return as(username).send(call.method, call.path, call.body, call.headers);
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_db = TestDatabase::forSuite(m_dir.path(), &error);
        QVERIFY2(!m_db.url().isEmpty(), qPrintable(error));
        QVERIFY2(
            m_server.start({"--database", m_db.url(), "--demo", "--today", "2026-11-27"}, &error), qPrintable(error));
        createObjects(0);
        createObjects(1);
    }

    // Every route the server has is a row of the matrix, and every row a route: a new endpoint
    // cannot be added without saying who may call it.
    void everyRouteHasItsRow()
    {
        QProcess list;
        list.start(ServerProcess::binary(),
            {"--database", "sqlite:" + m_dir.filePath("routes.db"), "--list-routes", "--log-level", "error"});
        QVERIFY(list.waitForFinished(60000));
        QCOMPARE(list.exitCode(), 0);
        QSet<QString> routes;
        for (const QByteArray &line : list.readAllStandardOutput().split('\n')) {
            static const QRegularExpression route("^(GET|POST|PUT|PATCH|DELETE) /");
            if (const QString text = QString::fromUtf8(line.trimmed()); route.match(text).hasMatch())
                routes.insert(text);
        }
        QVERIFY(routes.size() > 50);
        QSet<QString> rows;
        for (const Row &row : matrixRows())
            rows.insert(QString::fromUtf8(row.method) + ' ' + row.pattern);
        QStringList missing = QStringList(routes.begin(), routes.end());
        missing.removeIf([&](const QString &r) { return rows.contains(r); });
        missing.sort();
        QStringList stray = QStringList(rows.begin(), rows.end());
        stray.removeIf([&](const QString &r) { return routes.contains(r); });
        stray.sort();
        QVERIFY2(missing.isEmpty(), qPrintable("routes without a row in the matrix: " + missing.join(", ")));
        QVERIFY2(stray.isEmpty(), qPrintable("rows without a route: " + stray.join(", ")));
    }

    // Every route × every role × {own scope, the other hall's}, from each hall in turn.
    void matrix()
    {
        QStringList failures;
        QStringList summary;
        int calls = 0;
        for (const Row &row : matrixRows()) {
            QString line = QString::fromUtf8(row.method).leftJustified(6) + ' ' + row.pattern.mid(7).leftJustified(46);
            for (const QString &role : kRoles) {
                const auto allowed = row.allowed.find(role);
                const int inside = allowed == row.allowed.end() ? 404 : allowed->second;
                int outside = 404;
                if (allowed != row.allowed.end()) {
                    const auto o = row.outside.find(role);
                    outside = o != row.outside.end() ? o->second : row.scoped ? 404 : inside;
                }
                for (int h = 0; h < 2; ++h) {
                    for (const bool own : {true, false}) {
                        const int expected = own ? inside : outside;
                        const ApiReply r
                            = send(userFor(role, h), row.call(objectsFor(role, own ? h : 1 - h, own), role));
                        ++calls;
                        if (r.status != expected) {
                            failures << QStringLiteral("%1 %2 as %3 of %4, %5: %6, expected %7 %8")
                                            .arg(QString::fromUtf8(row.method), row.pattern, role, kHalls[h].code,
                                                own ? "own scope" : "other hall")
                                            .arg(r.status)
                                            .arg(expected)
                                            .arg(QString::fromUtf8(r.body.left(200)));
                            qWarning().noquote() << failures.last();
                        }
                    }
                }
                const QString cell = inside == outside ? QString::number(inside)
                                                       : QString::number(inside) + '/' + QString::number(outside);
                line += ' ' + role.left(3) + ':' + cell.leftJustified(7);
            }
            summary << line;
        }
        qInfo().noquote() << QStringLiteral(
            "authorization matrix: %1 routes x %2 roles x {own scope/other hall} x 2 halls, "
            "%3 calls (answers: own scope/other hall)")
                                 .arg(matrixRows().size())
                                 .arg(kRoles.size())
                                 .arg(calls);
        for (const QString &line : summary)
            qInfo().noquote() << line;
        QVERIFY2(failures.isEmpty(),
            qPrintable(QString::number(failures.size()) + " answer(s) not as the policy says (above)"));
    }

    // The lists hold the user's scope and nothing of the other hall: the centres of what each
    // lists, from each hall.
    void listsHoldOnlyTheScope()
    {
        const auto centresIn = [&](const QString &user, const QString &path) {
            QSet<QString> out;
            const ApiReply r = as(user).get(api(path));
            if (r.status != 200)
                qWarning("%s %s: %d", qPrintable(user), qPrintable(path), r.status);
            for (const auto &item : r.object().value("items").toArray()) {
                const QJsonObject o = item.toObject();
                // A case number begins with its centre: SZ-V01-20261127-00001.
                out.insert(o.contains("center") ? o.value("center").toString()
                                                : o.value("caseNumber").toString().section('-', 0, -3));
            }
            return out;
        };
        using Centres = QSet<QString>;
        for (const Hall &hall : kHalls) {
            const Centres halls {hall.code, hall.village};
            for (const QString &path :
                {QStringLiteral("/cases?limit=200"), QStringLiteral("/deficiencies?limit=200")}) {
                QCOMPARE(centresIn(hall.clerk, path), halls);
                QCOMPARE(centresIn(hall.supervisor, path), halls);
                QCOMPARE(centresIn(hall.agent, path), Centres {hall.village});
            }
            for (const QString &user : {hall.clerk, hall.agent, hall.supervisor})
                QCOMPARE(centresIn(user, "/transfers"), Centres {hall.village});
            QCOMPARE(centresIn(hall.supervisor, "/follow-ups?limit=200"), halls);
            const Centres reminded = centresIn(hall.supervisor, "/notifications?limit=200");
            QVERIFY(!reminded.isEmpty());
            QVERIFY(halls.contains(reminded));
        }
        // The approver: the cases of their department in both halls, none of another department.
        const ApiReply r = as("approver-hf").get(api("/cases?limit=200"));
        QSet<QString> centres;
        for (const auto &item : r.object().value("items").toArray()) {
            centres.insert(item.toObject().value("center").toString());
            QVERIFY(item.toObject().value("matters").toArray().contains(QJsonValue("HF-001")));
        }
        QCOMPARE(centres, (Centres {"SZ", "SZ-V01", "TL", "TL-V01"}));
    }

    // M2: the broken-commitment record is read as no record at all by a supervisor of another
    // hall, active or cleared (no details, no 404 to tell it exists), and only a supervisor of
    // the case's hall clears it; a record without its case is nobody's to clear.
    void brokenCommitmentAcrossHalls()
    {
        const QString active = idNumber("32058419800101003");
        const QString cleared = idNumber("32058419800101004");
        const QString orphan = idNumber("32058419800101005");
        writeRecords({record(active, true, m_objects[0].hall.caseId),
            record(cleared, false, m_objects[0].hall.caseId, QStringLiteral("cleared by supervisor1: 住院")),
            record(orphan, true, {})});
        const auto read = [&](const QString &user, const QString &applicant) {
            const ApiReply r = as(user).get(api("/applicants/") + applicant + "/broken-commitment");
            if (r.status != 200)
                qWarning("%d %s", r.status, r.body.constData());
            return r.object();
        };
        const QJsonObject noRecord = read("supervisor-tl", idNumber("32058419800101009"));
        QVERIFY(!noRecord.value("brokeCommitment").toBool());
        for (const QString &applicant : {active, cleared}) {
            QJsonObject theirs = read("supervisor-tl", applicant);
            QCOMPARE(theirs.keys(), noRecord.keys());
            theirs.remove("applicant");
            QJsonObject none = noRecord;
            none.remove("applicant");
            QCOMPARE(theirs, none);
        }
        QJsonObject own = read("supervisor1", active);
        QVERIFY(own.value("brokeCommitment").toBool());
        QCOMPARE(own.value("caseId").toString(), m_objects[0].hall.caseId);
        own = read("supervisor1", cleared);
        QVERIFY(own.value("note").toString().contains(QStringLiteral("住院")));

        // Clearing: the other hall's supervisor is told there is nothing to clear, as for no record.
        const auto clear = [&](const QString &user, const QString &applicant) {
            return as(user).post(
                api("/applicants/") + applicant + "/broken-commitment/clear", toJson({{"reason", "x"}}));
        };
        ApiReply r = clear("supervisor-tl", active);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.object().value("reason").toString(), QStringLiteral("no_broken_commitment"));
        QJsonObject none = clear("supervisor-tl", idNumber("32058419800101009")).object();
        QJsonObject outside = r.object();
        none.remove("instance");
        outside.remove("instance");
        QCOMPARE(outside, none);
        QVERIFY(read("supervisor1", active).value("brokeCommitment").toBool());
        // Without its case, a record belongs to no centre.
        r = clear("supervisor1", orphan);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.object().value("reason").toString(), QStringLiteral("no_owning_case"));
        QVERIFY(read("supervisor1", orphan).value("brokeCommitment").toBool());
        // The case's own hall clears it.
        r = clear("supervisor1", active);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.object().value("brokeCommitment").toBool());
        QVERIFY(read("supervisor-tl", active).value("note").isNull());
    }

    // L2: an approver's department is matched as a whole code: a code with `_` or `%` in it
    // (LIKE's wildcards) sees no case of another department.
    void approverDepartmentMatchedExactly()
    {
        writeRecords({"INSERT INTO departments (code, name) VALUES ('H_', 'wildcard one')",
            "INSERT INTO departments (code, name) VALUES ('%', 'wildcard all')"});
        for (const QString &department : {QStringLiteral("H_"), QStringLiteral("%")}) {
            const QString username = department == "%" ? "approver-pct" : "approver-us";
            const ApiReply created = as("secadmin")
                                         .post(api("/users"),
                                             toJson({{"username", username}, {"displayName", "x"}, {"role", "approver"},
                                                 {"department", department}}));
            QCOMPARE(created.status, 201);
            const QString password = created.object().value("oneTimePassword").toString();
            QVERIFY2(!password.isEmpty(), created.body.constData());
            HttpClient approver(m_server.baseUrl());
            QCOMPARE(approver.signIn(username, password).status, 201);
            const QString newPassword = QStringLiteral("Xq7-long-secret-%1").arg(username.size());
            QCOMPARE(
                approver.post(api("/me/password"), toJson({{"oldPassword", password}, {"newPassword", newPassword}}))
                    .status,
                204);
            QCOMPARE(approver.signIn(username, newPassword).status, 201);
            ApiReply r = approver.get(api("/cases?limit=200"));
            QCOMPARE(r.status, 200);
            QCOMPARE(r.object().value("items").toArray().size(), 0);
            QCOMPARE(approver.get(api("/cases?limit=200&department=HF")).object().value("items").toArray().size(), 0);
            QCOMPARE(approver.get(api("/deficiencies")).object().value("items").toArray().size(), 0);
            QCOMPARE(approver.get(api(kCase + m_objects[0].hall.caseId)).status, 404);
        }
        // The list's department filter takes only what can be a department code.
        const ApiReply r = as("clerk1").get(api("/cases?limit=200&department=H_"));
        QCOMPARE(r.status, 422);
        QCOMPARE(fieldCodes(r), QStringList {"department:invalid"});
        QVERIFY(
            !valuesOf(as("clerk1").get(api("/cases?limit=200&department=HF")).object().value("items").toArray(), "id")
                 .isEmpty());
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_AuthorizationMatrix)
#include "tst_authorizationmatrix.moc"
