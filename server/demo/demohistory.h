#pragma once

#include "domain/date.h"

#include <string>

namespace onewindow::server {

class AuditKey;
class Database;

/// What filling a demonstration's history did.
struct DemoHistoryReport
{
    int days = 0;        ///< working days filled
    int accepted = 0;    ///< cases accepted (with deficiency or not)
    int refused = 0;     ///< refusals with a one-time notice
    int decided = 0;     ///< approved or rejected
    int resultsReady = 0; ///< certificates back at the hall
    int delivered = 0;   ///< results handed out (by post)
    int supplied = 0;    ///< deficient materials brought later
    int terminated = 0;  ///< cases ended because a material never came
    int rated = 0;       ///< ratings entered
    int failed = 0;      ///< steps the server refused (logged; none expected)
    std::string from;    ///< the first day filled
};

/// `--demo-history N`: about `cases` cases over the year before `today` (from 1 January of the
/// first year the working-day calendar has a schedule for, when that is later), taken in at the
/// demo's hall (SZ), its village centres and the second hall (TL) on working days only, so
/// weekends and holidays (the Spring Festival, the National Day) show as gaps and dips; a
/// winter and a pre-holiday rush. Each goes through the server's own services, day by day on a
/// clock set to that day, as the demo users would have done it: intake (some refused, some
/// with a deficient material), the material brought in time, late or never (the deficiency
/// tracker then terminates the case), the department's decision (most by the promised date,
/// some late, a few rejected), the certificate of an approval back at the hall one to three
/// working days later, most results sent to the applicant by post (EMS) within a week, and a
/// paper rating entered by the hall's supervisor (a bad one opens a follow-up, left open). So every row is what the server writes itself: the audit trail
/// (signed with `key`) verifies, and the figures' counters follow. Does nothing when the
/// database holds cases already.
DemoHistoryReport fillDemoHistory(Database &db, const AuditKey &key, const Date &today, int cases);

} // namespace onewindow::server
