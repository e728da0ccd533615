#pragma once

#include <string>

namespace onewindow::server {

class AuditTrail;
class Catalog;
class Clock;
class Transaction;

/// A case's clock pauses: a matter may stop its time limit while deficient material is
/// outstanding (the pause is opened at intake); it resumes when the last material is in, or when
/// the case ends.
class CaseClock
{
public:
    CaseClock(const Clock &clock, Catalog &catalog, AuditTrail &audit)
        : m_clock(clock), m_catalog(catalog), m_audit(audit)
    {
    }

    /// Ends the case's open clock pause today (if the clock is paused) and moves its promised
    /// due date by the working days it lasted; `moveDueDate` false when the case ends instead.
    void resume(Transaction &tx, const std::string &caseId, const std::string &actor, bool moveDueDate) const;

private:
    const Clock &m_clock;
    Catalog &m_catalog;
    AuditTrail &m_audit;
};

} // namespace onewindow::server
