#include "casetransitions.h"

#include "audit/audittrail.h"
#include "cases/casequeue.h"
#include "clock.h"
#include "http/problem.h"

namespace onewindow::server {

namespace {

std::string code(CaseState state)
{
    return std::string(CaseLifecycle::stateCode(state));
}

std::string code(CaseAction action)
{
    return std::string(CaseLifecycle::actionCode(action));
}

} // namespace

CaseTransitions::Outcome CaseTransitions::attempt(Transaction &tx, const Change &change, Failure &failure,
                                                  Refusal &refusal) const
{
    Outcome outcome;
    const auto row = tx.queryOne("SELECT status, version FROM cases WHERE id = ?", {change.caseId});
    const auto from = row ? CaseLifecycle::stateFromCode(row->text("status")) : std::nullopt;
    if (!row || !from) {
        failure = Failure::Missing;
        return outcome;
    }
    const std::int64_t version = row->integer("version");
    if (change.expectedVersion && *change.expectedVersion != version) {
        failure = Failure::Stale;
        return outcome;
    }
    const CaseDecision decision = CaseLifecycle::decide(*from, change.action, change.role, change.facts);
    if (!decision.allowed()) {
        failure = Failure::Refused;
        refusal = decision.refusal;
        outcome.from = *from;
        return outcome;
    }
    const std::string now = m_clock.now();
    std::string sql = "UPDATE cases SET status = ?, version = version + 1, updated_at = ?";
    std::vector<DbValue> params{code(decision.to), now};
    for (const auto &[column, value] : change.columns) {
        sql += ", " + column + " = ?";
        params.push_back(value);
    }
    sql += " WHERE id = ? AND version = ? RETURNING version";
    params.insert(params.end(), {DbValue{change.caseId}, DbValue{version}});
    // Guarded by the version read above: a change that got in first wins.
    const DbRows updated = tx.query(sql, params);
    if (updated.empty()) {
        failure = Failure::Stale;
        return outcome;
    }
    writeHistory(tx, change.caseId, now, change.actor, change.action, *from, decision.to);
    CaseQueue::sync(tx, change.caseId); // in or out of the departments' queues with its state
    m_audit.append(tx, change.caseId, change.actor, code(change.action), change.detail);
    failure = Failure::None;
    outcome.from = *from;
    outcome.to = decision.to;
    outcome.version = updated.front().integer("version");
    return outcome;
}

CaseTransitions::Outcome CaseTransitions::apply(Transaction &tx, const Change &change) const
{
    Failure failure = Failure::None;
    Refusal refusal = Refusal::None;
    const Outcome outcome = attempt(tx, change, failure, refusal);
    switch (failure) {
    case Failure::None: return outcome;
    case Failure::Missing: throw ApiError::notFound();
    case Failure::Stale: throw ApiError::preconditionFailed();
    case Failure::Refused:
        throw ApiError::transitionRefused(std::string(CaseLifecycle::refusalCode(refusal)),
                                          code(change.action) + " is not allowed on a case that is "
                                              + code(outcome.from) + ".");
    }
    return outcome;
}

std::optional<CaseTransitions::Outcome> CaseTransitions::tryApply(Transaction &tx, const Change &change) const
{
    Failure failure = Failure::None;
    Refusal refusal = Refusal::None;
    const Outcome outcome = attempt(tx, change, failure, refusal);
    if (failure != Failure::None)
        return std::nullopt;
    return outcome;
}

void CaseTransitions::writeHistory(Transaction &tx, const std::string &caseId, const std::string &at,
                                   const std::string &actor, CaseAction action, CaseState from, CaseState to)
{
    tx.execute("INSERT INTO case_history (case_id, at, actor, action, from_state, to_state) VALUES (?, ?, ?, ?, ?, ?)",
               {caseId, at, actor, code(action), code(from), code(to)});
}

int CaseTransitions::outstandingDeficiencies(Transaction &tx, const std::string &caseId)
{
    return static_cast<int>(
        tx.queryOne("SELECT COUNT(*) AS n FROM deficiencies WHERE case_id = ? AND status IN ('outstanding', 'overdue')",
                    {caseId})
            ->integer("n"));
}

} // namespace onewindow::server
