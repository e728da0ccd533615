#pragma once

#include "http/message.h"

#include <Poco/JSON/Object.h>

#include <string>

namespace onewindow::server {

class AuditTrail;
class Catalog;
class Clock;
class Database;
class FollowUps;

/// The citizen's rating of a service (好差评), five levels from 非常不满意 (1) to 非常满意 (5),
/// one per case and service event (intake, delivery):
/// - POST /cases/{id}/rating-tokens {"event"}: a clerk or agent of the case asks for the customer
///   screen's own token for that event, valid for ten minutes and once;
/// - POST /cases/{id}/evaluations {"event", "level", "channel", "comment", "ratingToken"}: a
///   counter rating needs that token (the clerk's own session cannot rate for the citizen:
///   422 `rating_token_required` / `rating_token_invalid`); a paper form or an SMS reply is
///   entered by a supervisor of the case's hall; a second rating of an event is 409
///   `already_rated`; a rating of 2 or 1 opens a follow-up (FollowUps);
/// - GET /cases/{id}/evaluations;
/// - a background job inviting the applicant of a delivered case that was not rated at the
///   counter by SMS, once, some working days after the delivery (the reply is entered by a
///   supervisor as an `sms` rating).
class EvaluationService
{
public:
    struct Settings
    {
        int invitationAfterDays = 3; ///< working days after the delivery; 0: no invitations
    };

    EvaluationService(Database &db, const Clock &clock, Catalog &catalog, AuditTrail &audit, FollowUps &followUps,
                      Settings settings)
        : m_db(db), m_clock(clock), m_catalog(catalog), m_audit(audit), m_followUps(followUps), m_settings(settings)
    {
    }

    Response issueToken(const Principal &user, const std::string &caseId, const std::string &body);
    Response evaluate(const Principal &user, const std::string &caseId, const std::string &body);
    Poco::JSON::Object::Ptr list(const Principal &user, const std::string &caseId);

    /// Queues the SMS invitation of every case delivered `invitationAfterDays` working days ago
    /// or earlier (within the last 30 days before that) and not rated for its delivery, once per
    /// case. Returns how many were queued.
    int inviteUnrated();

    /// The text of the invitation.
    static std::string invitationText(const std::string &caseNumber, const std::string &matters);

private:
    Database &m_db;
    const Clock &m_clock;
    Catalog &m_catalog;
    AuditTrail &m_audit;
    FollowUps &m_followUps;
    Settings m_settings;
};

} // namespace onewindow::server
