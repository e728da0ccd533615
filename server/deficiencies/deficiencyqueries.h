#pragma once

#include "http/message.h"

#include <Poco/JSON/Object.h>

#include <string>

namespace onewindow::server {

class Clock;
class Database;

/// Deficient materials across cases, within the caller's scope: the work list of the counter
/// (GET /deficiencies) and its figures (GET /deficiencies/counts).
class DeficiencyQueries
{
public:
    DeficiencyQueries(Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}

    Poco::JSON::Object::Ptr list(const Principal &user, const std::string &status, const std::string &dueBefore,
                                 const std::string &center, int limit, const std::string &cursor,
                                 const std::string &matter = {});
    /// How many are outstanding, due today, due this week (by the server's date), overdue,
    /// supplied and waived.
    Poco::JSON::Object::Ptr counts(const Principal &user, const std::string &center, const std::string &matter);

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace onewindow::server
