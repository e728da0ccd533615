#pragma once

#include "db/database.h"
#include "http/message.h"

#include <Poco/JSON/Object.h>

#include <string>

namespace onewindow::server {

class AuditTrail;
class Catalog;
class Clock;
class Database;
class Transaction;

/// Every bad rating (不满意 or 非常不满意) is followed up: the hall's supervisor calls the citizen
/// back, writes down what was said and done, and closes it with the resolution and the citizen's
/// second rating, within a number of working days over the calendar. One past its due date is
/// overdue: listed so, and escalated once with an SMS to the supervisor it is assigned to.
/// - GET /follow-ups?state=open|overdue|closed (open: every one not closed, overdue ones included)
/// - GET /follow-ups/{id}, POST /follow-ups/{id}/notes {"note"},
///   POST /follow-ups/{id}/close {"resolution", "secondLevel"}
class FollowUps
{
public:
    struct Settings
    {
        int dueWorkingDays = 5; ///< working days from the rating to the follow-up's due date
    };

    FollowUps(Database &db, const Clock &clock, Catalog &catalog, AuditTrail &audit, Settings settings)
        : m_db(db), m_clock(clock), m_catalog(catalog), m_audit(audit), m_settings(settings)
    {
    }

    /// The levels that open a follow-up: 1 (非常不满意) and 2 (不满意).
    static bool needsFollowUp(int level) { return level <= 2; }

    /// Opens the follow-up of a bad rating, in the rating's transaction: assigned to a supervisor
    /// of the case's hall (the village centre's hall for a village case).
    void open(Transaction &tx, const std::string &caseId, const std::string &event, int level,
              const std::string &comment) const;

    Poco::JSON::Object::Ptr list(const Principal &user, const std::string &state, int limit,
                                 const std::string &cursor);
    Poco::JSON::Object::Ptr get(const Principal &user, const std::string &id);
    Response addNote(const Principal &user, const std::string &id, const std::string &body);
    Response close(const Principal &user, const std::string &id, const std::string &body);

    /// The background job: marks every open follow-up past its due date escalated, once, and
    /// queues an SMS to its supervisor (sent with the reminders). Returns how many escalated.
    int escalateOverdue();

private:
    /// The follow-up with its case's number, matters and applicant, when it is in the user's
    /// scope; 404 otherwise.
    DbRow requireFollowUp(Transaction &tx, const Principal &user, const std::string &id) const;
    /// The follow-up as the API shows it, with its notes among `notes` (rows of any follow-ups).
    Poco::JSON::Object::Ptr toJson(const DbRow &row, const DbRows &notes) const;

    Database &m_db;
    const Clock &m_clock;
    Catalog &m_catalog;
    AuditTrail &m_audit;
    Settings m_settings;
};

} // namespace onewindow::server
