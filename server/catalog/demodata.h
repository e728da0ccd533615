#pragma once

#include <string>

namespace onewindow::server {

class Catalog;
class Database;

/// The demo catalog and the official holiday schedules, compiled into the server.
const std::string &demoCatalogJson();
const std::string &holidaySchedulesJson();

/// On an empty database, loads the demo data: centres, departments, users (password
/// `OneWindow-demo-1`), matters, bundles, electronic licences. Returns false when the database
/// already had users (nothing is changed then).
bool loadDemoData(Database &db, Catalog &catalog);

/// Loads the official holiday schedules into the calendar where a year has no entries yet.
/// Returns the number of days written.
int loadHolidaySchedules(Database &db);

} // namespace onewindow::server
