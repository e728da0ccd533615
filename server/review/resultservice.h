#pragma once

#include "cases/casetransitions.h"
#include "http/message.h"

#include <Poco/JSON/Object.h>

#include <string>

namespace onewindow::server {

class AuditTrail;
class CaseReader;
class Clock;
class Database;
class Transaction;

/// After the decision: the result comes back to the hall (统一出件) and the case is handed to the
/// supervising department (审管衔接).
/// - POST /cases/{id}/result: an approver of a department of the case records the certificate
///   (number, issuing date, optionally its electronic copy, an attachment of the case); the case
///   becomes `result_ready`, never while a deficient material is outstanding (409
///   deficiency_outstanding: no result before the promise is kept).
/// - POST /cases/{id}/handoff: an approver hands an approved case to the supervising department,
///   with a note; GET /handoffs lists what was handed to the approver's department.
class ResultService
{
public:
    ResultService(Database &db, const Clock &clock, AuditTrail &audit, CaseReader &cases);

    Response recordResult(const Principal &user, const std::string &caseId, const std::string &ifMatch,
                          const std::string &idempotencyKey, const std::string &body);
    /// GET /cases/{id}/result; 404 before a result is recorded.
    Poco::JSON::Object::Ptr result(const Principal &user, const std::string &caseId);
    Response handoff(const Principal &user, const std::string &caseId, const std::string &idempotencyKey,
                     const std::string &body);
    Poco::JSON::Object::Ptr handoffs(const Principal &user, int limit, const std::string &cursor);

private:
    /// The applicant's SMS that the result is ready, where and with what: once per case.
    void queueResultReadyMessage(Transaction &tx, const std::string &caseId, const std::string &now);

    Database &m_db;
    const Clock &m_clock;
    AuditTrail &m_audit;
    CaseReader &m_cases;
    CaseTransitions m_transitions;
};

} // namespace onewindow::server
