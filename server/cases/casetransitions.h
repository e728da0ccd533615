#pragma once

#include "db/database.h"
#include "domain/caselifecycle.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace onewindow::server {

class AuditTrail;
class Clock;

/// The one door every change of a case's state goes through: the lifecycle decides
/// (domain::CaseLifecycle, guards included), and the new state, its audit entry and its history
/// row are written in the caller's transaction, so that they exist exactly together. Scope and
/// request checks (who may see the case, If-Match) come before, in the service that asks.
class CaseTransitions
{
public:
    CaseTransitions(const Clock &clock, AuditTrail &audit) : m_clock(clock), m_audit(audit) {}

    struct Change
    {
        std::string caseId;
        CaseAction action = CaseAction::Accept;
        std::string actor; ///< a username, or "system" for the background jobs
        Role role = Role::System;
        CaseFacts facts;
        /// The version the request read (its If-Match); nullopt: the version the case has now.
        std::optional<std::int64_t> expectedVersion;
        /// What the audit entry says beyond the action.
        std::string detail;
        /// Further columns written with the state, e.g. {"terminated_at", now}.
        std::vector<std::pair<std::string, DbValue>> columns;
    };
    struct Outcome
    {
        CaseState from = CaseState::Draft;
        CaseState to = CaseState::Draft;
        std::int64_t version = 0; ///< the case's version after the change
    };

    /// Applies the change. Throws 404 when there is no such case, 412 when it is no longer at
    /// `expectedVersion`, and 409 `transition_refused` with the lifecycle's refusal code.
    Outcome apply(Transaction &tx, const Change &change) const;
    /// For the background jobs: nullopt (and nothing written) instead of a refusal or a lost race.
    std::optional<Outcome> tryApply(Transaction &tx, const Change &change) const;

    /// The deficient materials the case still owes (outstanding or overdue): the guard's fact
    /// before a result is released or handed out.
    static int outstandingDeficiencies(Transaction &tx, const std::string &caseId);

    /// The history row of a move (a new case's first state too: from draft).
    static void writeHistory(Transaction &tx, const std::string &caseId, const std::string &at,
                             const std::string &actor, CaseAction action, CaseState from, CaseState to);

private:
    enum class Failure { None, Missing, Stale, Refused };
    Outcome attempt(Transaction &tx, const Change &change, Failure &failure, Refusal &refusal) const;

    const Clock &m_clock;
    AuditTrail &m_audit;
};

} // namespace onewindow::server
