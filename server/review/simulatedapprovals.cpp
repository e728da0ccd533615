#include "review/simulatedapprovals.h"

#include "audit/audittrail.h"
#include "auth/policy.h"
#include "cases/casereader.h"
#include "cases/casescope.h"
#include "catalog/catalog.h"
#include "clock.h"
#include "db/database.h"
#include "db/migrations.h"
#include "http/idempotency.h"
#include "http/problem.h"
#include "json.h"

#include <spdlog/spdlog.h>

namespace onewindow::server {

namespace {

using Cap = AuthorizationPolicy::Capability;

} // namespace

SimulatedApprovals::SimulatedApprovals(Database &db, const Clock &clock, Catalog &catalog, AuditTrail &audit,
                                       CaseReader &cases)
    : m_db(db), m_clock(clock), m_catalog(catalog), m_audit(audit), m_cases(cases), m_transitions(clock, audit)
{
}

void SimulatedApprovals::opened(Transaction &tx, const std::string &caseId, const std::string &matter,
                                const std::vector<std::string> &conditions)
{
    std::int64_t n = tx.queryOne("SELECT COALESCE(MAX(n), 0) AS n FROM case_conditions WHERE case_id = ?", {caseId})
                         ->integer("n");
    for (const auto &text : conditions)
        tx.execute("INSERT INTO case_conditions (case_id, n, matter, text) VALUES (?, ?, ?, ?)",
                   {caseId, std::int64_t{++n}, matter, text});
    const auto definition = m_catalog.matter(tx, matter);
    if (!definition || definition->simulatedLapseDays <= 0)
        return;
    // The earliest lapse of the case's simulated parts counts.
    const std::string lapses = toIsoString(
        m_catalog.calendar(tx, Catalog::Freshness::Recent).addWorkingDays(m_clock.today(), definition->simulatedLapseDays));
    tx.execute("UPDATE cases SET simulated_lapses_on = ? WHERE id = ? AND (simulated_lapses_on IS NULL OR "
               "simulated_lapses_on > ?)",
               {lapses, caseId, lapses});
}

Response SimulatedApprovals::conditionMet(const Principal &user, const std::string &caseId, const std::string &n,
                                          const std::string &ifMatch, const std::string &idempotencyKey,
                                          const std::string &body)
{
    AuthorizationPolicy::require(user, Cap::DecideCase);
    const IdempotencyStore idempotency(user.username, idempotencyKey, "condition\n" + caseId + "\n" + n + "\n" + body);
    const auto json = parseObject(body);
    FieldErrors errors;
    const std::string note = optString(json, "note").value_or("");
    const std::string attachmentId = optString(json, "attachmentId").value_or("");
    if (note.find_first_not_of(" \t\r\n") == std::string::npos && attachmentId.empty())
        errors.add("note", "Say how the condition was met, or attach the proof.", "required");
    else if (note.size() > 1000)
        errors.add("note", "At most 1000 characters.", "too_long");
    errors.throwIfAny();

    Transaction tx(m_db, Transaction::Mode::Write);
    requireCaseInScope(tx, user, caseId, static_cast<int>(Cap::DecideCase));
    if (auto answered = idempotency.replay(tx))
        return *answered;
    const std::int64_t version = requireCaseVersion(tx, caseId, ifMatch);
    const bool number = !n.empty() && n.size() < 6 && n.find_first_not_of("0123456789") == std::string::npos;
    const auto condition = number ? tx.queryOne("SELECT c.matter, c.text, c.met_at, p.department FROM case_conditions c "
                                                "JOIN case_parts p ON p.case_id = c.case_id AND p.matter = c.matter "
                                                "WHERE c.case_id = ? AND c.n = ?",
                                                {caseId, std::int64_t{std::stoll(n)}})
                                  : std::nullopt;
    if (!condition)
        throw ApiError::notFound();
    if (condition->text("department") != user.department)
        throw ApiError::notFound(); // another department's condition, as if it did not exist
    if (!condition->isNull("met_at"))
        throw ApiError::transitionRefused("condition_met", "This condition is met already.");
    if (!attachmentId.empty()
        && !tx.queryOne("SELECT id FROM attachments WHERE id = ? AND case_id = ?", {attachmentId, caseId})) {
        errors.add("attachmentId", "Not an attachment of this case.", "not_in_case");
        errors.throwIfAny();
    }
    const std::string now = m_clock.now();
    tx.execute("UPDATE case_conditions SET met_at = ?, met_by = ?, note = ?, attachment_id = ? WHERE case_id = ? AND "
               "n = ?",
               {now, user.username, note, attachmentId.empty() ? DbValue{} : DbValue{attachmentId}, caseId,
                std::int64_t{std::stoll(n)}});
    m_audit.append(tx, caseId, user.username, "condition_met", condition->text("text") + (note.empty() ? "" : ": " + note));
    const bool allMet =
        tx.queryOne("SELECT COUNT(*) AS n FROM case_conditions WHERE case_id = ? AND met_at IS NULL", {caseId})
            ->integer("n")
        == 0;
    const std::string status = tx.queryOne("SELECT status FROM cases WHERE id = ?", {caseId})->text("status");
    if (allMet && status == "approved_simulated") {
        // The last condition: the simulated approval becomes formal.
        CaseTransitions::Change change;
        change.caseId = caseId;
        change.action = CaseAction::ConfirmSimulated;
        change.actor = user.username;
        change.role = *roleFromCode(user.role);
        change.facts.simulatedConditionsMet = true;
        change.expectedVersion = version;
        change.detail = "every condition met";
        change.columns = {{"simulated_lapses_on", DbValue{}}};
        m_transitions.apply(tx, change);
        tx.execute("UPDATE case_parts SET status = 'approved' WHERE case_id = ? AND status = 'approved_simulated'",
                   {caseId});
    } else if (tx.query("UPDATE cases SET version = version + 1, updated_at = ? WHERE id = ? AND version = ? "
                        "RETURNING id",
                        {now, caseId, version})
                   .empty()) {
        throw ApiError::preconditionFailed();
    }
    Response response = m_cases.current(tx, caseId);
    idempotency.record(tx, response, now);
    tx.commit();
    return response;
}

Poco::JSON::Object::Ptr SimulatedApprovals::conditions(const Principal &user, const std::string &caseId)
{
    AuthorizationPolicy::require(user, Cap::ReadCases);
    Transaction tx(m_db, Transaction::Mode::Read);
    requireCaseInScope(tx, user, caseId, static_cast<int>(Cap::ReadCases));
    auto items = newArray();
    for (const DbRow &row : tx.query("SELECT * FROM case_conditions WHERE case_id = ? ORDER BY n", {caseId})) {
        auto o = newObject();
        o->set("n", row.integer("n"));
        o->set("matter", row.text("matter"));
        o->set("text", row.text("text"));
        o->set("met", !row.isNull("met_at"));
        o->set("metAt", orNull(row.optText("met_at")));
        o->set("metBy", orNull(row.optText("met_by")));
        o->set("note", orNull(row.optText("note")));
        o->set("attachmentId", orNull(row.optText("attachment_id")));
        items->add(o);
    }
    auto result = newObject();
    result->set("items", items);
    result->set("lapsesOn",
                orNull(tx.queryOne("SELECT simulated_lapses_on FROM cases WHERE id = ?", {caseId})->optText("simulated_lapses_on")));
    return result;
}

int SimulatedApprovals::lapse()
{
    Transaction tx(m_db, Transaction::Mode::Write);
    lockForTransaction(tx, 7006);
    const DbRows due = tx.query("SELECT id, number, version, simulated_lapses_on FROM cases WHERE status = "
                                "'approved_simulated' AND simulated_lapses_on < ? ORDER BY id",
                                {toIsoString(m_clock.today())});
    int lapsed = 0;
    const std::string now = m_clock.now();
    for (const DbRow &row : due) {
        CaseTransitions::Change change;
        change.caseId = row.text("id");
        change.action = CaseAction::Lapse;
        change.actor = "system";
        change.role = Role::System;
        change.expectedVersion = row.integer("version");
        change.detail = "the conditions of the simulated approval were not all met by " + row.text("simulated_lapses_on");
        change.columns = {{"terminated_at", now}};
        if (m_transitions.tryApply(tx, change))
            ++lapsed;
        else
            spdlog::warn("case {}: its simulated approval could not lapse (changed meanwhile)", row.text("number"));
    }
    tx.commit();
    return lapsed;
}

} // namespace onewindow::server
