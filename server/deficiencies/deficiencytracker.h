#pragma once

#include "cases/caseclock.h"
#include "cases/casetransitions.h"
#include "http/message.h"

#include <Poco/JSON/Object.h>

#include <mutex>
#include <string>

namespace onewindow::server {

class AuditTrail;
class Catalog;
class Clock;
class Database;
class Notifier;

/// Follows every deficient material to its end, as a background job: marks it overdue past its
/// due date, terminates the case past the grace period (recording the applicant's broken
/// commitment), writes the SMS reminders into the notifications outbox once each, and sends
/// them. Every step is safe with several server instances on one database.
class DeficiencyTracker
{
public:
    struct Settings
    {
        int daysBefore = 2;  ///< working days before the due date for the `due_soon` reminder
        int maxAttempts = 3; ///< sending attempts before a reminder is `failed`
    };

    DeficiencyTracker(Database &db, const Clock &clock, Catalog &catalog, AuditTrail &audit, Notifier &notifier,
                      Settings settings);

    struct Report
    {
        int overdue = 0;
        int terminated = 0;
        int reminders = 0;
        int sent = 0;
        int failed = 0;
    };
    /// Every step once, in order. Runs of this process never overlap (a request waits for the
    /// background run, and the other way round).
    Report runAll();

    /// Marks deficiencies past their due date overdue. Returns how many were marked.
    int markOverdue();
    int terminateLapsed();
    int createReminders();
    /// Returns {sent, failed (not sent this time)}.
    std::pair<int, int> sendPending();

    /// GET /notifications: the outbox of the supervisor's centres, newest first.
    Poco::JSON::Object::Ptr list(const Principal &user, const std::string &caseId, const std::string &status,
                                 int limit, const std::string &cursor);

    /// The SMS text of a reminder (`due_soon`, `due_today`, `overdue`).
    static std::string reminderText(const std::string &kind, const std::string &caseNumber,
                                    const std::string &material, const std::string &dueDate,
                                    const std::string &terminatesAfter);

private:
    void fillTerminationDates();

    Database &m_db;
    const Clock &m_clock;
    Catalog &m_catalog;
    AuditTrail &m_audit;
    CaseClock m_caseClock;
    CaseTransitions m_transitions;
    Notifier &m_notifier;
    Settings m_settings;
    std::mutex m_run;
};

} // namespace onewindow::server
