#include "applicants/applicantrecords.h"

#include "applicants/applicantid.h"
#include "audit/audittrail.h"
#include "auth/policy.h"
#include "cases/casejson.h"
#include "cases/casescope.h"
#include "clock.h"
#include "db/database.h"
#include "domain/idnumber.h"
#include "http/problem.h"
#include "json.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace onewindow::server {

namespace {

using Cap = AuthorizationPolicy::Capability;

Poco::JSON::Object::Ptr commitmentJson(const std::string &applicant, const std::optional<DbRow> &row)
{
    auto o = newObject();
    o->set("applicant", IdNumber::check(applicant) == IdNumber::Problem::None ? IdNumber::mask(applicant) : applicant);
    o->set("brokeCommitment", row ? row->boolean("broke_commitment") : false);
    o->set("caseId", row ? orNull(row->optText("case_id")) : Poco::Dynamic::Var());
    o->set("note", row ? orNull(row->optText("note")) : Poco::Dynamic::Var());
    o->set("updatedAt", row ? orNull(row->optText("updated_at")) : Poco::Dynamic::Var());
    return o;
}

// The case whose termination left the record; empty for a record written without one.
std::string owningCase(const DbRow &row)
{
    return row.optText("case_id").value_or("");
}

} // namespace

Poco::JSON::Object::Ptr ApplicantRecords::commitment(const Principal &user, const std::string &identifier)
{
    AuthorizationPolicy::require(user, Cap::ClearBrokenCommitment);
    const std::string applicant = applicantIdOrThrow(identifier, m_clock.today());
    // A write: the lookup is recorded in the audit trail before its answer goes out.
    Transaction tx(m_db, Transaction::Mode::Write);
    auto row = tx.queryOne("SELECT broke_commitment, case_id, note, updated_at FROM applicant_records WHERE "
                           "applicant = ?",
                           {applicant});
    // A record left by a case outside the supervisor's centres, active or cleared, reads as no
    // record at all: neither its details nor that it exists reach another centre.
    if (row && !owningCase(*row).empty()
        && !caseInScope(tx, user, owningCase(*row), static_cast<int>(Cap::ClearBrokenCommitment)))
        row.reset();
    auto answer = commitmentJson(applicant, row);
    m_audit.append(tx, {}, user.username, "applicant_record_read", "broken commitment of " + IdNumber::mask(applicant));
    tx.commit();
    return answer;
}

Poco::JSON::Object::Ptr ApplicantRecords::refusals(const Principal &user, const std::string &identifier)
{
    AuthorizationPolicy::require(user, Cap::CreateCase);
    const std::string applicant = applicantIdOrThrow(identifier, m_clock.today());
    const auto scope = AuthorizationPolicy::caseFilter(user, "c");
    std::vector<DbValue> params = scope.params;
    params.emplace_back(applicant);
    // A write: earlier refusals shown are recorded in the audit trail first.
    Transaction tx(m_db, Transaction::Mode::Write);
    const DbRows rows = tx.query("SELECT c.id, c.number, c.center, c.accepted_at, c.matters, c.form, c.materials, "
                                 "c.refusal FROM cases c WHERE " + scope.sql
                                     + " AND c.applicant_id = ? AND c.status = 'not_accepted' ORDER BY "
                                       "c.accepted_at DESC, c.id DESC LIMIT 5",
                                 params);
    auto items = newArray();
    for (const DbRow &row : rows) {
        auto o = newObject();
        o->set("id", row.text("id"));
        o->set("number", row.text("number"));
        o->set("center", row.text("center"));
        o->set("refusedAt", row.text("accepted_at"));
        o->set("matters", parseStoredArray(row.text("matters")));
        o->set("form", parseObject(formWithIdNumbersMasked(row.text("form"))));
        o->set("materials", parseStoredArray(row.text("materials")));
        o->set("refusal", parseObject(row.text("refusal")));
        items->add(o);
    }
    if (!rows.empty()) {
        m_audit.append(tx, {}, user.username, "applicant_record_read",
                       std::to_string(rows.size()) + " refusals of " + IdNumber::mask(applicant));
        tx.commit();
    }
    auto result = newObject();
    result->set("items", items);
    return result;
}

Poco::JSON::Object::Ptr ApplicantRecords::clearCommitment(const Principal &user, const std::string &identifier,
                                                          const std::string &body)
{
    AuthorizationPolicy::require(user, Cap::ClearBrokenCommitment);
    const std::string applicant = applicantIdOrThrow(identifier, m_clock.today());
    const auto json = parseObject(body);
    const std::string reason = trimmed(optString(json, "reason").value_or(""));
    FieldErrors errors;
    if (reason.empty())
        errors.add("reason", "Say why the record is cleared; the reason is kept in the audit trail.", "required");
    else if (reason.size() > 1000)
        errors.add("reason", "At most 1000 bytes.", "invalid");
    errors.throwIfAny();

    Transaction tx(m_db, Transaction::Mode::Write);
    const auto row = tx.queryOne("SELECT broke_commitment, case_id FROM applicant_records WHERE applicant = ?",
                                 {applicant});
    const auto nothingToClear = [] {
        return ApiError(409, "transition_refused", "Nothing to clear", "This applicant has no broken commitment on record.")
            .with("reason", "no_broken_commitment");
    };
    if (!row)
        throw nothingToClear();
    const std::string caseId = owningCase(*row);
    // Out of the supervisor's centres: the same answer as no record (see commitment()).
    if (!caseId.empty() && !caseInScope(tx, user, caseId, static_cast<int>(Cap::ClearBrokenCommitment)))
        throw nothingToClear();
    if (!row->boolean("broke_commitment"))
        throw nothingToClear();
    // A record without the case that left it belongs to no centre, so no supervisor's scope
    // covers it.
    if (caseId.empty())
        throw ApiError(409, "transition_refused", "Not a centre's record",
                       "This broken commitment was not left by a case of a centre, so no supervisor can clear it.")
            .with("reason", "no_owning_case");
    const std::string now = m_clock.now();
    tx.execute("UPDATE applicant_records SET broke_commitment = 0, note = ?, updated_at = ? WHERE applicant = ?",
               {"cleared by " + user.username + ": " + reason, now, applicant});
    m_audit.append(tx, caseId, user.username, "commitment_cleared",
                   commitmentJson(applicant, std::nullopt)->getValue<std::string>("applicant") + ": " + reason);
    const auto after = tx.queryOne("SELECT broke_commitment, case_id, note, updated_at FROM applicant_records WHERE "
                                   "applicant = ?",
                                   {applicant});
    tx.commit();
    return commitmentJson(applicant, after);
}

} // namespace onewindow::server
