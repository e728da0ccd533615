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

/// Results handed out at any window (统一出件): POST /cases/{id}/delivery by a clerk or agent of
/// the case's hall or of its village centre, once the result is back (`result_ready`):
/// - the recipient: the applicant, whose ID number must be the applicant's, or an agent (代领),
///   whose written authorisation is an attachment of the case (422 `authorization_required`);
///   an organisation's result goes to an agent;
/// - counter delivery with the recipient's signature (an attachment: the signature pad's image or
///   a scanned signed receipt), or mail with its tracking number;
/// then the case is `delivered`, through the lifecycle's door (409 before `result_ready`).
/// GET /cases/{id}/delivery reads it back (404 before).
class DeliveryService
{
public:
    DeliveryService(Database &db, const Clock &clock, AuditTrail &audit, CaseReader &cases);

    Response deliver(const Principal &user, const std::string &caseId, const std::string &ifMatch,
                     const std::string &idempotencyKey, const std::string &body);
    Poco::JSON::Object::Ptr delivery(const Principal &user, const std::string &caseId);

private:
    Database &m_db;
    const Clock &m_clock;
    CaseReader &m_cases;
    CaseTransitions m_transitions;
};

} // namespace onewindow::server
