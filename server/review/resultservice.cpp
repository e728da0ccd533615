#include "review/resultservice.h"

#include "audit/audittrail.h"
#include "auth/policy.h"
#include "cases/casejson.h"
#include "cases/casereader.h"
#include "cases/casescope.h"
#include "clock.h"
#include "db/database.h"
#include "http/cursor.h"
#include "http/idempotency.h"
#include "http/problem.h"
#include "json.h"

namespace onewindow::server {

namespace {

using Cap = AuthorizationPolicy::Capability;

} // namespace

ResultService::ResultService(Database &db, const Clock &clock, AuditTrail &audit, CaseReader &cases)
    : m_db(db), m_clock(clock), m_audit(audit), m_cases(cases), m_transitions(clock, audit)
{
}

Response ResultService::recordResult(const Principal &user, const std::string &caseId, const std::string &ifMatch,
                                     const std::string &idempotencyKey, const std::string &body)
{
    AuthorizationPolicy::require(user, Cap::DecideCase);
    const IdempotencyStore idempotency(user.username, idempotencyKey, "result\n" + caseId + "\n" + body);
    const auto json = parseObject(body);
    FieldErrors errors;
    const std::string number = trimmed(optString(json, "certificateNumber").value_or(""));
    const std::string issuedOn = optString(json, "issuedOn").value_or("");
    const std::string attachmentId = optString(json, "attachmentId").value_or("");
    if (number.empty())
        errors.add("certificateNumber", "Required: the number printed on the certificate.", "required");
    else if (number.size() > 100)
        errors.add("certificateNumber", "At most 100 characters.", "too_long");
    const auto issued = parseIsoDate(issuedOn);
    if (!issued)
        errors.add("issuedOn", "A date, YYYY-MM-DD.", "invalid");
    else if (daysBetween(m_clock.today(), *issued) > 0)
        errors.add("issuedOn", "A certificate cannot be issued after today.", "in_future");
    errors.throwIfAny();

    Transaction tx(m_db, Transaction::Mode::Write);
    requireCaseInScope(tx, user, caseId, static_cast<int>(Cap::DecideCase));
    if (auto answered = idempotency.replay(tx))
        return *answered;
    const std::int64_t version = requireCaseVersion(tx, caseId, ifMatch);
    if (!attachmentId.empty()
        && !tx.queryOne("SELECT id FROM attachments WHERE id = ? AND case_id = ?", {attachmentId, caseId})) {
        errors.add("attachmentId", "Not an attachment of this case.", "not_in_case");
        errors.throwIfAny();
    }
    // No result is released while a deficient material is outstanding: the lifecycle's guard.
    CaseTransitions::Change change;
    change.caseId = caseId;
    change.action = CaseAction::ReleaseResult;
    change.actor = user.username;
    change.role = *roleFromCode(user.role);
    change.expectedVersion = version;
    change.facts.outstandingDeficiencies = CaseTransitions::outstandingDeficiencies(tx, caseId);
    change.detail = "certificate " + number + " issued " + issuedOn + (attachmentId.empty() ? "" : ", electronic copy");
    m_transitions.apply(tx, change);
    const std::string now = m_clock.now();
    tx.execute("INSERT INTO case_results (case_id, certificate_number, issued_on, attachment_id, recorded_by, "
               "recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
               {caseId, number, issuedOn, attachmentId.empty() ? DbValue{} : DbValue{attachmentId}, user.username, now});
    queueResultReadyMessage(tx, caseId, now);
    Response response = m_cases.current(tx, caseId);
    idempotency.record(tx, response, now);
    tx.commit();
    return response;
}

void ResultService::queueResultReadyMessage(Transaction &tx, const std::string &caseId, const std::string &now)
{
    const auto row = tx.queryOne("SELECT c.number, c.applicant_phone, c.matters, ce.name AS center_name FROM cases c "
                                 "JOIN centers ce ON ce.code = c.center WHERE c.id = ?",
                                 {caseId});
    const std::string matters = matterNames(row->text("matters"));
    const std::string text = "【一窗受理】您申请的“" + matters + "”办理结果已可领取（办件 " + row->text("number")
                             + "），请携带本人身份证到" + row->text("center_name") + "综合受理窗口领取。";
    // Once per case, whichever instance gets here first (the partial unique index of migration 10).
    const DbRows queued = tx.query("INSERT INTO notifications (case_id, deficiency_id, kind, recipient, text, "
                                   "created_at, status, attempts) VALUES (?, NULL, 'result_ready', ?, ?, ?, 'pending', "
                                   "0) ON CONFLICT DO NOTHING RETURNING id",
                                   {caseId, row->text("applicant_phone"), text, now});
    if (!queued.empty())
        m_audit.append(tx, caseId, "system", "message_queued", "result_ready: an SMS to the applicant");
}

Poco::JSON::Object::Ptr ResultService::result(const Principal &user, const std::string &caseId)
{
    AuthorizationPolicy::require(user, Cap::ReadCases);
    Transaction tx(m_db, Transaction::Mode::Read);
    requireCaseInScope(tx, user, caseId, static_cast<int>(Cap::ReadCases));
    const auto row = tx.queryOne("SELECT * FROM case_results WHERE case_id = ?", {caseId});
    if (!row)
        throw ApiError::notFound();
    auto o = newObject();
    o->set("certificateNumber", row->text("certificate_number"));
    o->set("issuedOn", row->text("issued_on"));
    o->set("attachmentId", orNull(row->optText("attachment_id")));
    o->set("recordedBy", row->text("recorded_by"));
    o->set("recordedAt", row->text("recorded_at"));
    return o;
}

Response ResultService::handoff(const Principal &user, const std::string &caseId, const std::string &idempotencyKey,
                                const std::string &body)
{
    AuthorizationPolicy::require(user, Cap::DecideCase);
    const IdempotencyStore idempotency(user.username, idempotencyKey, "handoff\n" + caseId + "\n" + body);
    const auto json = parseObject(body);
    FieldErrors errors;
    const std::string department = optString(json, "department").value_or("");
    const std::string note = trimmed(optString(json, "note").value_or(""));
    if (note.size() > 1000)
        errors.add("note", "At most 1000 characters.", "too_long");
    Transaction tx(m_db, Transaction::Mode::Write);
    requireCaseInScope(tx, user, caseId, static_cast<int>(Cap::DecideCase));
    if (auto answered = idempotency.replay(tx))
        return *answered;
    if (!tx.queryOne("SELECT code FROM departments WHERE code = ?", {department}))
        errors.add("department", "Not a department.", "invalid");
    errors.throwIfAny();
    // Handed over once approved: before, there is nothing to supervise.
    const std::string status = tx.queryOne("SELECT status FROM cases WHERE id = ?", {caseId})->text("status");
    if (status != "approved" && status != "approved_simulated" && status != "result_ready" && status != "delivered"
        && status != "closed")
        throw ApiError::transitionRefused("not_approved", "A case is handed to its supervising department once approved.");
    const std::string now = m_clock.now();
    const DbRows inserted = tx.query("INSERT INTO case_handoffs (case_id, from_department, to_department, note, "
                                     "handed_by, handed_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                                     {caseId, user.department, department, note, user.username, now});
    m_audit.append(tx, caseId, user.username, "handoff", "to " + department + (note.empty() ? "" : ": " + note));
    auto o = newObject();
    o->set("id", inserted.front().integer("id"));
    o->set("caseId", caseId);
    o->set("fromDepartment", user.department);
    o->set("toDepartment", department);
    o->set("note", note);
    o->set("handedBy", user.username);
    o->set("handedAt", now);
    Response response = Response::json(201, o);
    idempotency.record(tx, response, now);
    tx.commit();
    return response;
}

Poco::JSON::Object::Ptr ResultService::handoffs(const Principal &user, int limit, const std::string &cursor)
{
    AuthorizationPolicy::require(user, Cap::DecideCase);
    std::string sql = "SELECT h.*, c.number, c.matters, c.applicant_name, r.certificate_number FROM case_handoffs h "
                      "JOIN cases c ON c.id = h.case_id LEFT JOIN case_results r ON r.case_id = h.case_id WHERE "
                      "h.to_department = ?";
    std::vector<DbValue> params{user.department};
    appendIdPage(sql, params, "h.id", cursor, limit);
    Transaction tx(m_db, Transaction::Mode::Read);
    return idPageAnswer(tx.query(sql, params), limit, [](const DbRow &row) {
        auto o = newObject();
        o->set("id", row.integer("id"));
        o->set("caseId", row.text("case_id"));
        o->set("caseNumber", row.text("number"));
        o->set("applicantName", row.text("applicant_name"));
        o->set("certificateNumber", orNull(row.optText("certificate_number")));
        o->set("fromDepartment", row.text("from_department"));
        o->set("note", row.text("note"));
        o->set("handedBy", row.text("handed_by"));
        o->set("handedAt", row.text("handed_at"));
        return o;
    });
}

} // namespace onewindow::server
