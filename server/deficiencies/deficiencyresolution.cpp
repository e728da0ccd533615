#include "deficiencies/deficiencyresolution.h"

#include "audit/audittrail.h"
#include "auth/policy.h"
#include "cases/casereader.h"
#include "cases/casescope.h"
#include "clock.h"
#include "db/database.h"
#include "http/preconditions.h"
#include "http/problem.h"
#include "json.h"

#include <algorithm>
#include <cctype>

namespace onewindow::server {

namespace {

using Cap = AuthorizationPolicy::Capability;

} // namespace

DeficiencyResolution::DeficiencyResolution(Database &db, const Clock &clock, Catalog &catalog, AuditTrail &audit,
                                           CaseReader &cases)
    : m_db(db), m_clock(clock), m_audit(audit), m_cases(cases), m_caseClock(clock, catalog, audit),
      m_transitions(clock, audit)
{
}

DeficiencyResolution::Resolving DeficiencyResolution::begin(Transaction &tx, const Principal &user,
                                                            const std::string &caseId,
                                                            const std::string &deficiencyId,
                                                            const std::string &ifMatch, int capability)
{
    requireCaseInScope(tx, user, caseId, capability);
    if (ifMatch.empty())
        throw ApiError::preconditionRequired("If-Match");
    const auto row = tx.queryOne("SELECT status, version, materials FROM cases WHERE id = ?", {caseId});
    Resolving r;
    r.version = row->integer("version");
    r.status = row->text("status");
    r.materials = row->text("materials");
    if (!ifMatchNames(ifMatch, r.version))
        throw ApiError::preconditionFailed();
    const auto deficiency = tx.queryOne("SELECT material, material_name, status FROM deficiencies WHERE id = ? AND "
                                        "case_id = ?",
                                        {deficiencyId, caseId});
    if (!deficiency)
        throw ApiError::notFound();
    if (r.status == "terminated")
        throw ApiError::transitionRefused("case_terminated",
                                          "The case was terminated because this material did not come in time.");
    const std::string current = deficiency->text("status");
    if (current != "outstanding" && current != "overdue")
        throw ApiError::transitionRefused("deficiency_" + current, "This material is already " + current + ".");
    r.material = deficiency->text("material");
    r.materialName = deficiency->text("material_name");
    return r;
}

Response DeficiencyResolution::finish(Transaction &tx, const Principal &user, const std::string &caseId,
                                      const Resolving &r, const std::string &materialsJson)
{
    const int outstanding = CaseTransitions::outstandingDeficiencies(tx, caseId);
    if (outstanding == 0)
        m_caseClock.resume(tx, caseId, user.username, true);
    std::int64_t version = 0;
    if (outstanding == 0 && r.status == "accepted_with_deficiency") {
        // The last deficient material is in: the case is fully accepted, through the one door.
        CaseTransitions::Change change;
        change.caseId = caseId;
        change.action = CaseAction::CompleteMaterials;
        change.actor = user.username;
        change.role = *roleFromCode(user.role);
        change.expectedVersion = r.version;
        change.detail = "no deficient material outstanding";
        change.columns = {{"materials", materialsJson}};
        version = m_transitions.apply(tx, change).version;
    } else {
        // Guarded by the version read at the start: a case changed meanwhile (by another request
        // or the termination job) is refused, and nothing of this request is kept.
        const DbRows updated = tx.query("UPDATE cases SET materials = ?, version = version + 1, updated_at = ? "
                                        "WHERE id = ? AND version = ? RETURNING version",
                                        {materialsJson, m_clock.now(), caseId, r.version});
        if (updated.empty())
            throw ApiError::preconditionFailed();
        version = updated.front().integer("version");
    }
    std::string json = m_cases.json(tx, caseId);
    tx.commit();
    Response response = Response::jsonText(200, std::move(json));
    response.headers["ETag"] = etagOf(version);
    return response;
}

Response DeficiencyResolution::supply(const Principal &user, const std::string &caseId,
                                      const std::string &deficiencyId, const std::string &ifMatch,
                                      const std::string &body)
{
    AuthorizationPolicy::require(user, Cap::SupplyDeficiency);
    Transaction tx(m_db, Transaction::Mode::Write);
    requireCaseInScope(tx, user, caseId, static_cast<int>(Cap::SupplyDeficiency));
    if (ifMatch.empty())
        throw ApiError::preconditionRequired("If-Match");
    const auto json = parseObject(body);
    const std::string provided = optString(json, "provided").value_or("");
    FieldErrors errors;
    if (provided != "paper" && provided != "scan")
        errors.add("provided", "How the material arrived: paper or scan.", "invalid");
    const auto attachmentId = optString(json, "attachmentId");
    if (json->has("attachmentId") && !json->get("attachmentId").isEmpty()) {
        if (!attachmentId)
            errors.add("attachmentId", "The id of an attachment of this case.", "invalid");
        else if (!tx.queryOne("SELECT id FROM attachments WHERE id = ? AND case_id = ?", {*attachmentId, caseId}))
            errors.add("attachmentId", "No attachment with this id belongs to this case.", "not_in_case");
    }
    errors.throwIfAny();
    const Resolving r = begin(tx, user, caseId, deficiencyId, ifMatch, static_cast<int>(Cap::SupplyDeficiency));

    const std::string now = m_clock.now();
    tx.execute("UPDATE deficiencies SET status = 'supplied', supplied_at = ?, provided = ?, supplied_by = ?, "
               "attachment_id = ? WHERE id = ?",
               {now, provided, user.username, attachmentId ? DbValue{*attachmentId} : DbValue{}, deficiencyId});
    auto materials = parseStoredArray(r.materials);
    for (std::size_t i = 0; i < materials->size(); ++i) {
        auto m = materials->getObject(static_cast<unsigned>(i));
        if (m->getValue<std::string>("code") == r.material)
            m->set("provided", provided);
    }
    m_audit.append(tx, caseId, user.username, "deficiency_supplied",
                   r.material + " (" + provided + (attachmentId ? ", attachment " + *attachmentId : "") + ")");
    return finish(tx, user, caseId, r, toJson(materials));
}

Response DeficiencyResolution::waive(const Principal &user, const std::string &caseId,
                                     const std::string &deficiencyId, const std::string &ifMatch,
                                     const std::string &body)
{
    AuthorizationPolicy::require(user, Cap::WaiveDeficiency);
    Transaction tx(m_db, Transaction::Mode::Write);
    requireCaseInScope(tx, user, caseId, static_cast<int>(Cap::WaiveDeficiency));
    if (ifMatch.empty())
        throw ApiError::preconditionRequired("If-Match");
    const auto json = parseObject(body);
    std::string reason = optString(json, "reason").value_or("");
    const auto notSpace = [](unsigned char c) { return !std::isspace(c); };
    reason.erase(reason.begin(), std::find_if(reason.begin(), reason.end(), notSpace));
    reason.erase(std::find_if(reason.rbegin(), reason.rend(), notSpace).base(), reason.end());
    FieldErrors errors;
    if (reason.empty())
        errors.add("reason", "Say why the material is no longer needed; the reason is kept in the audit trail.",
                   "required");
    else if (reason.size() > 1000)
        errors.add("reason", "At most 1000 bytes.", "invalid");
    errors.throwIfAny();
    const Resolving r = begin(tx, user, caseId, deficiencyId, ifMatch, static_cast<int>(Cap::WaiveDeficiency));
    tx.execute("UPDATE deficiencies SET status = 'waived', waived_at = ?, waived_by = ?, waive_reason = ? WHERE id = ?",
               {m_clock.now(), user.username, reason, deficiencyId});
    m_audit.append(tx, caseId, user.username, "deficiency_waived", r.material + ": " + reason);
    return finish(tx, user, caseId, r, r.materials);
}

} // namespace onewindow::server
