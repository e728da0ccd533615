#pragma once

#include "http/message.h"

#include <Poco/JSON/Object.h>

#include <string>

namespace onewindow::server {

class AuditTrail;
class Clock;
class Database;

/// An applicant's broken-commitment record: left by the termination of a case whose deficient
/// material never came, it refuses the applicant a new deficiency commitment until a supervisor
/// clears it.
class ApplicantRecords
{
public:
    ApplicantRecords(Database &db, const Clock &clock, AuditTrail &audit) : m_db(db), m_clock(clock), m_audit(audit) {}

    /// GET /applicants/{identifier}/broken-commitment.
    Poco::JSON::Object::Ptr commitment(const Principal &user, const std::string &identifier);
    /// GET /applicants/{identifier}/refusals: the applicant's refused intakes in the user's
    /// scope, newest first (at most 5), each with its notice: a second visit starts from it.
    Poco::JSON::Object::Ptr refusals(const Principal &user, const std::string &identifier);
    /// POST /applicants/{identifier}/broken-commitment/clear: {"reason"}.
    Poco::JSON::Object::Ptr clearCommitment(const Principal &user, const std::string &identifier,
                                            const std::string &body);

private:
    Database &m_db;
    const Clock &m_clock;
    AuditTrail &m_audit;
};

} // namespace onewindow::server
