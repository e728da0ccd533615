#pragma once

#include "http/message.h"

#include <Poco/JSON/Object.h>

#include <string>

namespace onewindow::server {

class AuditTrail;
class Clock;
class Database;

/// The citizen's rating of a service (好差评), five levels from 非常不满意 (1) to 非常满意 (5),
/// one per case and service event (intake, delivery):
/// - POST /cases/{id}/rating-tokens {"event"}: a clerk or agent of the case asks for the customer
///   screen's own token for that event, valid for ten minutes and once;
/// - POST /cases/{id}/evaluations {"event", "level", "channel", "comment", "ratingToken"}: a
///   counter rating needs that token (the clerk's own session cannot rate for the citizen:
///   422 `rating_token_required` / `rating_token_invalid`); a paper form or an SMS reply is
///   entered by a supervisor of the case's hall; a second rating of an event is 409
///   `already_rated`;
/// - GET /cases/{id}/evaluations.
class EvaluationService
{
public:
    EvaluationService(Database &db, const Clock &clock, AuditTrail &audit)
        : m_db(db), m_clock(clock), m_audit(audit)
    {
    }

    Response issueToken(const Principal &user, const std::string &caseId, const std::string &body);
    Response evaluate(const Principal &user, const std::string &caseId, const std::string &body);
    Poco::JSON::Object::Ptr list(const Principal &user, const std::string &caseId);

private:
    Database &m_db;
    const Clock &m_clock;
    AuditTrail &m_audit;
};

} // namespace onewindow::server
