#include "review/reviewservice.h"

#include "audit/audittrail.h"
#include "auth/policy.h"
#include "cases/casequeue.h"
#include "cases/casereader.h"
#include "cases/casescope.h"
#include "clock.h"
#include "db/database.h"
#include "http/idempotency.h"
#include "http/preconditions.h"
#include "http/problem.h"
#include "json.h"
#include "review/simulatedapprovals.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace onewindow::server {

namespace {

using Cap = AuthorizationPolicy::Capability;

constexpr std::size_t kMaxItems = 50;
constexpr std::size_t kMaxText = 1000;

/// A part's state as stored: `pending` until its department decides.
struct Part
{
    std::string matter;
    std::string department;
    std::string status; ///< pending, approved, approved_simulated, rejected, returned
};

/// `key`: a list of non-empty texts of at most kMaxText characters, at most kMaxItems of them.
std::vector<std::string> texts(const Poco::JSON::Object::Ptr &body, const std::string &key, FieldErrors &errors)
{
    std::vector<std::string> out;
    const auto array = optArray(body, key);
    if (!array) {
        if (body->has(key) && !body->isNull(key))
            errors.add(key, "A list of texts.", "invalid");
        return out;
    }
    if (array->size() > kMaxItems)
        errors.add(key, "At most " + std::to_string(kMaxItems) + " items.", "too_many");
    for (std::size_t i = 0; i < array->size() && i < kMaxItems; ++i) {
        const Poco::Dynamic::Var item = array->get(static_cast<unsigned>(i));
        std::string text = item.isString() ? item.extract<std::string>() : std::string();
        const auto first = text.find_first_not_of(" \t\r\n");
        text = first == std::string::npos ? std::string() : text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
        const std::string at = key + "[" + std::to_string(i) + "]";
        if (text.empty())
            errors.add(at, "Required: say it in words.", "required");
        else if (text.size() > kMaxText)
            errors.add(at, "At most " + std::to_string(kMaxText) + " characters.", "too_long");
        else
            out.push_back(std::move(text));
    }
    return out;
}

std::string joinTexts(const std::vector<std::string> &items)
{
    std::string out;
    for (const auto &item : items)
        out += (out.empty() ? "" : "; ") + item;
    return out;
}

std::string jsonArray(const std::vector<std::string> &items)
{
    auto array = newArray();
    for (const auto &item : items)
        array->add(item);
    return toJson(array);
}

/// The parts of a case; a case accepted before parts were kept gets them from its matters now.
std::vector<Part> loadParts(Transaction &tx, const std::string &caseId)
{
    std::vector<Part> parts;
    for (const DbRow &row : tx.query("SELECT matter, department, status FROM case_parts WHERE case_id = ? ORDER BY "
                                     "matter",
                                     {caseId}))
        parts.push_back({row.text("matter"), row.text("department"), row.text("status")});
    if (!parts.empty())
        return parts;
    const auto row = tx.queryOne("SELECT matters FROM cases WHERE id = ?", {caseId});
    const auto matters = parseStoredArray(row->text("matters"));
    for (std::size_t i = 0; i < matters->size(); ++i) {
        const auto m = matters->getObject(static_cast<unsigned>(i));
        Part part{optString(m, "code").value_or(""), optString(m, "department").value_or(""), "pending"};
        tx.execute("INSERT INTO case_parts (case_id, matter, department, status) VALUES (?, ?, ?, 'pending')",
                   {caseId, part.matter, part.department});
        parts.push_back(std::move(part));
    }
    std::sort(parts.begin(), parts.end(), [](const Part &a, const Part &b) { return a.matter < b.matter; });
    return parts;
}

/// What the parts, all decided or not, make of the case: the action to take now, if any.
std::optional<CaseAction> outcomeOf(const std::vector<Part> &parts)
{
    const auto any = [&parts](const char *status) {
        return std::any_of(parts.begin(), parts.end(), [status](const Part &p) { return p.status == status; });
    };
    if (any("rejected"))
        return CaseAction::Reject;
    if (any("pending"))
        return std::nullopt;
    if (any("returned"))
        return CaseAction::ReturnForCorrection;
    if (any("approved_simulated"))
        return CaseAction::ApproveSimulated;
    return CaseAction::Approve;
}

/// Bumps the case's version when its parts changed but its state did not.
void touch(Transaction &tx, const std::string &caseId, std::int64_t version, const std::string &now)
{
    if (tx.query("UPDATE cases SET version = version + 1, updated_at = ? WHERE id = ? AND version = ? RETURNING id",
                 {now, caseId, version})
            .empty())
        throw ApiError::preconditionFailed();
}

/// The materials of a resubmission (`{code, provided}`) set in the case's stored ones; returns
/// the codes corrected.
std::vector<std::string> correctMaterials(const Poco::JSON::Array::Ptr &materials,
                                          const Poco::JSON::Array::Ptr &storedMaterials, FieldErrors &errors)
{
    std::vector<std::string> corrected;
    if (!materials)
        return corrected;
    for (std::size_t i = 0; i < materials->size(); ++i) {
        const std::string at = "materials[" + std::to_string(i) + "]";
        const auto item = materials->getObject(static_cast<unsigned>(i));
        const std::string code = item ? optString(item, "code").value_or("") : "";
        const std::string provided = item ? optString(item, "provided").value_or("") : "";
        if (provided != "paper" && provided != "scan" && provided != "e_license") {
            errors.add(at + ".provided", "One of paper, scan, e_license.", "invalid");
            continue;
        }
        bool found = false;
        for (std::size_t j = 0; j < storedMaterials->size(); ++j) {
            auto m = storedMaterials->getObject(static_cast<unsigned>(j));
            if (optString(m, "code").value_or("") == code) {
                m->set("provided", provided);
                found = true;
            }
        }
        if (!found)
            errors.add(at + ".code", "Not a material of this case.", "not_in_case");
        corrected.push_back(code);
    }
    return corrected;
}

} // namespace

ReviewService::ReviewService(Database &db, const Clock &clock, AuditTrail &audit, CaseReader &cases,
                             SimulatedApprovals &simulated)
    : m_db(db), m_clock(clock), m_audit(audit), m_cases(cases), m_simulated(simulated), m_transitions(clock, audit)
{
}

Response ReviewService::decide(const Principal &user, const std::string &caseId, const std::string &ifMatch,
                               const std::string &idempotencyKey, const std::string &body)
{
    AuthorizationPolicy::require(user, Cap::DecideCase);
    const IdempotencyStore idempotency(user.username, idempotencyKey, "decision\n" + caseId + "\n" + body);
    const auto json = parseObject(body);
    FieldErrors errors;
    const std::string matter = optString(json, "matter").value_or("");
    const std::string decision = optString(json, "decision").value_or("");
    if (matter.empty())
        errors.add("matter", "Required: the matter of the case being decided.", "required");
    static const std::vector<std::string> kDecisions{"approve", "approve_simulated", "reject", "return_for_correction"};
    if (std::find(kDecisions.begin(), kDecisions.end(), decision) == kDecisions.end())
        errors.add("decision", "One of approve, approve_simulated, reject, return_for_correction.", "invalid");
    const std::vector<std::string> reasons = texts(json, "reasons", errors);
    const std::vector<std::string> conditions = texts(json, "conditions", errors);
    if ((decision == "reject" || decision == "return_for_correction") && reasons.empty() && !errors.has("reasons"))
        errors.add("reasons", "Say why: every reason is printed for the applicant.", "required");
    if (decision == "approve_simulated" && conditions.empty() && !errors.has("conditions"))
        errors.add("conditions", "A simulated approval lists the conditions still to be met.", "required");
    errors.throwIfAny();

    Transaction tx(m_db, Transaction::Mode::Write);
    requireCaseInScope(tx, user, caseId, static_cast<int>(Cap::DecideCase));
    if (auto answered = idempotency.replay(tx))
        return *answered;
    std::int64_t version = requireCaseVersion(tx, caseId, ifMatch);
    std::vector<Part> parts = loadParts(tx, caseId);
    const auto part = std::find_if(parts.begin(), parts.end(), [&](const Part &p) { return p.matter == matter; });
    if (part == parts.end())
        errors.add("matter", "Not a matter of this case.", "not_in_case");
    else if (part->department != user.department)
        errors.add("matter", "A matter of another department: its approvers decide it.", "other_department");
    errors.throwIfAny();
    if (part->status != "pending")
        throw ApiError::transitionRefused("part_decided", matter + " of this case is decided already.");

    const Role role = *roleFromCode(user.role);
    const auto change = [&](CaseAction action, const std::string &detail) {
        CaseTransitions::Change c;
        c.caseId = caseId;
        c.action = action;
        c.actor = user.username;
        c.role = role;
        c.expectedVersion = version;
        c.detail = detail;
        version = m_transitions.apply(tx, c).version;
    };
    // The first decision takes the case up; after a return or a decision, the lifecycle refuses.
    const std::string state = tx.queryOne("SELECT status FROM cases WHERE id = ?", {caseId})->text("status");
    if (state == "accepted" || state == "accepted_with_deficiency")
        change(CaseAction::StartReview, "by " + user.department);

    const std::string now = m_clock.now();
    const std::string stored = decision == "return_for_correction" ? "returned"
                               : decision == "reject"              ? "rejected"
                               : decision == "approve_simulated"   ? "approved_simulated"
                                                                   : "approved";
    tx.execute("UPDATE case_parts SET status = ?, decided_by = ?, decided_at = ?, reasons = ?, conditions = ? WHERE "
               "case_id = ? AND matter = ?",
               {stored, user.username, now, jsonArray(reasons), jsonArray(conditions), caseId, matter});
    part->status = stored;
    std::string detail = matter + ": " + decision;
    if (!reasons.empty())
        detail += "; reasons: " + joinTexts(reasons);
    if (!conditions.empty())
        detail += "; conditions: " + joinTexts(conditions);
    m_audit.append(tx, caseId, user.username, "decide_part", detail);
    if (decision == "approve_simulated")
        m_simulated.opened(tx, caseId, matter, conditions);

    if (const auto action = outcomeOf(parts)) {
        change(*action, "every part decided; the last by " + user.department); // its door syncs the queues
    } else {
        touch(tx, caseId, version, now);
        CaseQueue::sync(tx, caseId); // the department's part is decided: out of its queue
    }
    Response response = m_cases.current(tx, caseId);
    idempotency.record(tx, response, now);
    tx.commit();
    return response;
}

Response ReviewService::resubmit(const Principal &user, const std::string &caseId, const std::string &ifMatch,
                                 const std::string &idempotencyKey, const std::string &body)
{
    AuthorizationPolicy::require(user, Cap::ResubmitCase);
    const IdempotencyStore idempotency(user.username, idempotencyKey, "resubmission\n" + caseId + "\n" + body);
    const auto json = parseObject(body);
    FieldErrors errors;
    const auto form = optObject(json, "form");
    if (json->has("form") && !form)
        errors.add("form", "An object of field values.", "invalid");
    const auto materials = optArray(json, "materials");
    if (json->has("materials") && !materials)
        errors.add("materials", "A list of {code, provided}.", "invalid");
    const std::string note = optString(json, "note").value_or("");
    if (note.size() > kMaxText)
        errors.add("note", "At most " + std::to_string(kMaxText) + " characters.", "too_long");
    if (form) {
        for (const auto &[key, value] : *form) {
            if (!value.isString() || value.extract<std::string>().size() > kMaxText)
                errors.add("form." + key, "A text of at most " + std::to_string(kMaxText) + " characters.", "invalid");
        }
    }
    errors.throwIfAny();

    Transaction tx(m_db, Transaction::Mode::Write);
    requireCaseInScope(tx, user, caseId, static_cast<int>(Cap::ResubmitCase));
    if (auto answered = idempotency.replay(tx))
        return *answered;
    const std::int64_t version = requireCaseVersion(tx, caseId, ifMatch);
    const auto row = tx.queryOne("SELECT form, materials FROM cases WHERE id = ?", {caseId});
    auto storedForm = parseStoredObject(row->text("form"));
    if (form) {
        for (const auto &[key, value] : *form)
            storedForm->set(key, value.extract<std::string>());
    }
    const auto storedMaterials = parseStoredArray(row->text("materials"));
    const std::vector<std::string> corrected = correctMaterials(materials, storedMaterials, errors);
    errors.throwIfAny();

    CaseTransitions::Change change;
    change.caseId = caseId;
    change.action = CaseAction::Resubmit;
    change.actor = user.username;
    change.role = *roleFromCode(user.role);
    change.expectedVersion = version;
    std::string detail = "corrected";
    if (form && form->size() > 0)
        detail += " " + std::to_string(form->size()) + " field(s)";
    if (!corrected.empty())
        detail += ", materials " + joinTexts(corrected);
    if (!note.empty())
        detail += "; " + note;
    change.detail = detail;
    change.columns = {{"form", toJson(storedForm)}, {"materials", toJson(storedMaterials)}};
    // The returned parts are decided again; what was approved stays approved. Reopened before the
    // change of state, whose door puts the case back in the queues of the departments that
    // returned it (a refused change rolls both back).
    tx.execute("UPDATE case_parts SET status = 'pending', decided_by = NULL, decided_at = NULL WHERE case_id = ? AND "
               "status = 'returned'",
               {caseId});
    m_transitions.apply(tx, change);
    const std::string now = m_clock.now();
    Response response = m_cases.current(tx, caseId);
    idempotency.record(tx, response, now);
    tx.commit();
    return response;
}

Poco::JSON::Object::Ptr ReviewService::counts(const Principal &user)
{
    AuthorizationPolicy::require(user, Cap::DecideCase);
    Transaction tx(m_db, Transaction::Mode::Read);
    const auto row = tx.queryOne(
        "SELECT COUNT(*) AS pending, COALESCE(SUM(CASE WHEN q.promised_due_date < ? THEN 1 ELSE 0 END), 0) AS overdue, "
        "COALESCE(SUM(q.green_channel), 0) AS green FROM case_queue q WHERE q.department = ?",
        {toIsoString(m_clock.today()), user.department});
    // The department's queue (CaseQueue), from its index alone.
    auto result = newObject();
    result->set("pending", row->integer("pending"));
    result->set("overdue", row->integer("overdue"));
    result->set("greenChannel", row->integer("green"));
    return result;
}

Poco::JSON::Object::Ptr ReviewService::parts(const Principal &user, const std::string &caseId)
{
    AuthorizationPolicy::require(user, Cap::ReadCases);
    Transaction tx(m_db, Transaction::Mode::Read);
    requireCaseInScope(tx, user, caseId, static_cast<int>(Cap::ReadCases));
    auto items = newArray();
    for (const DbRow &row : tx.query("SELECT matter, department, status, decided_by, decided_at, reasons, conditions "
                                     "FROM case_parts WHERE case_id = ? ORDER BY matter",
                                     {caseId})) {
        auto o = newObject();
        o->set("matter", row.text("matter"));
        o->set("department", row.text("department"));
        o->set("status", row.text("status"));
        o->set("decidedBy", orNull(row.optText("decided_by")));
        o->set("decidedAt", orNull(row.optText("decided_at")));
        o->set("reasons", row.isNull("reasons") ? newArray() : parseStoredArray(row.text("reasons")));
        o->set("conditions", row.isNull("conditions") ? newArray() : parseStoredArray(row.text("conditions")));
        items->add(o);
    }
    auto result = newObject();
    result->set("items", items);
    return result;
}

} // namespace onewindow::server
