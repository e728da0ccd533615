#pragma once

#include "cases/casetransitions.h"
#include "http/message.h"

#include <Poco/JSON/Object.h>

#include <string>

namespace onewindow::server {

class AuditTrail;
class CaseReader;
class SimulatedApprovals;
class Clock;
class Database;

/// The back office (审批 / 联审联办): each matter of a case is a part that an approver of its
/// department decides; the case's state follows its parts, through CaseTransitions:
/// - the first decision on an accepted case starts the review (`under_review`);
/// - any rejection rejects the case at once, every reason kept;
/// - when no part is pending any more: a return sends the case back to the counter with every
///   department's items at once (the back office's one-time notice), else all approved gives
///   `approved`, or `approved_simulated` when a part was approved provisionally (模拟审批);
/// - a resubmission at the counter reopens the returned parts and the review goes on.
class ReviewService
{
public:
    ReviewService(Database &db, const Clock &clock, AuditTrail &audit, CaseReader &cases,
                  SimulatedApprovals &simulated);

    /// POST /cases/{id}/decisions: {"matter", "decision", "reasons": [...], "conditions": [...]}.
    /// Needs If-Match and an Idempotency-Key; answers the case.
    Response decide(const Principal &user, const std::string &caseId, const std::string &ifMatch,
                    const std::string &idempotencyKey, const std::string &body);
    /// POST /cases/{id}/resubmission: {"form": {...}, "materials": [{"code", "provided"}], "note"}:
    /// the corrections after a return; the returned parts are decided again. If-Match, Idempotency-Key.
    Response resubmit(const Principal &user, const std::string &caseId, const std::string &ifMatch,
                      const std::string &idempotencyKey, const std::string &body);
    /// GET /review/counts: the cases with a part of the approver's department to decide, how
    /// many of them are past their promised date (the server's today), and how many are green.
    Poco::JSON::Object::Ptr counts(const Principal &user);
    /// GET /cases/{id}/parts: each matter with its department, state and decision.
    Poco::JSON::Object::Ptr parts(const Principal &user, const std::string &caseId);

private:
    Database &m_db;
    const Clock &m_clock;
    AuditTrail &m_audit;
    CaseReader &m_cases;
    SimulatedApprovals &m_simulated;
    CaseTransitions m_transitions;
};

} // namespace onewindow::server
