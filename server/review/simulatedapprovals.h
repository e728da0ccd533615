#pragma once

#include "cases/casetransitions.h"
#include "http/message.h"

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

namespace onewindow::server {

class AuditTrail;
class CaseReader;
class Catalog;
class Clock;
class Database;

/// Simulated approval (模拟审批): a major project approved before all its preconditions are met.
/// Each condition of a part approved with conditions is on record; an approver of the part's
/// department records each as met (POST /cases/{id}/conditions/{n}/met, with a note or an
/// attachment of the case), and the last one makes the approval formal (`approved`). A matter's
/// `simulatedLapseDays` sets when an approval whose conditions are still open lapses: the job
/// (lapse()) then ends the case (`terminated`).
class SimulatedApprovals
{
public:
    SimulatedApprovals(Database &db, const Clock &clock, Catalog &catalog, AuditTrail &audit, CaseReader &cases);

    /// A part of `caseId` was approved with `conditions`, in the caller's transaction: they are
    /// recorded, and the case's lapse date set from the matter's setting.
    void opened(Transaction &tx, const std::string &caseId, const std::string &matter,
                const std::vector<std::string> &conditions);

    Response conditionMet(const Principal &user, const std::string &caseId, const std::string &n,
                          const std::string &ifMatch, const std::string &idempotencyKey, const std::string &body);
    /// GET /cases/{id}/conditions: every condition, met or not, and the lapse date.
    Poco::JSON::Object::Ptr conditions(const Principal &user, const std::string &caseId);

    /// Ends the simulated approvals past their lapse date; safe with several instances. Returns how many.
    int lapse();

private:
    Database &m_db;
    const Clock &m_clock;
    Catalog &m_catalog;
    AuditTrail &m_audit;
    CaseReader &m_cases;
    CaseTransitions m_transitions;
};

} // namespace onewindow::server
