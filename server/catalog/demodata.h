#pragma once

#include <string>
#include <vector>

namespace onewindow::server {

class AuditTrail;
class Catalog;
class Clock;
class Database;

/// The demo catalog and the official holiday schedules, compiled into the server.
const std::string &demoCatalogJson();
const std::string &holidaySchedulesJson();

/// On an empty database, loads the demo data: centres, departments, users (password
/// `OneWindow-demo-1`), matters, bundles, electronic licences. Returns false when the database
/// already had users (nothing is changed then). The users' passwords are set `clock`'s today
/// (`--today` when given) and are not to be changed at the first sign-in: a demo started on any
/// day works, until its passwords are older than `passwords.maxAgeDays` by that day.
bool loadDemoData(Database &db, Catalog &catalog, const Clock &clock);

/// On a database the demo data was loaded into: the enabled users whose password is still the
/// demo password (each checked with the password KDF, in parallel). Empty on any other database,
/// at no cost; once no user has it any more, the database stops being taken for a demo.
std::vector<std::string> usersWithDemoPassword(Database &db);

/// Loads the official holiday schedules into the calendar where a year has no entries yet, each
/// year loaded recorded in the audit trail (`calendar_year_loaded`, by `system`). Returns the
/// number of days written.
int loadHolidaySchedules(Database &db, AuditTrail &audit);

} // namespace onewindow::server
