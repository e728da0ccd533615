#pragma once

#include "domain/date.h"
#include "http/message.h"

#include <Poco/JSON/Object.h>

#include <string>

namespace onewindow::server {

class Clock;
class Database;

/// A hall's figures over a period (GET /stats/summary): the cases accepted from `from` to `to`
/// in the reader's scope (a supervisor's hall and its village centres, an approver's
/// department), optionally of one centre, department or matter, and what became of them:
/// decisions against the promised and the legal time limit, handling time in working days on the
/// calendar, deficiencies closed, the citizens' ratings, follow-ups, and each centre's volume
/// beside the same period a year before. Read from the counters FigureCounters keeps
/// (stats/casefigures.h), so a year's figures cost about as much as a day's.
class StatsService
{
public:
    struct Query
    {
        Date from;
        Date to;
        std::string center;
        std::string department;
        std::string matter;
    };

    /// `onTimeTarget`: the share of decisions a hall means to make by the promised date (0 to 1),
    /// shown beside the rate.
    StatsService(Database &db, const Clock &clock, double onTimeTarget);

    /// Reads and checks the query string: `from` and `to` (YYYY-MM-DD, at most 366 days apart),
    /// and the optional filters; 422 with every problem at once.
    static Query parse(const Request &request);
    /// 404 when a filter names something out of the reader's scope (or nothing at all).
    Poco::JSON::Object::Ptr summary(const Principal &user, const Query &query);
    /// The summary as CSV, one `figure,value` line each (centres as `centers.<code>.accepted`,
    /// weeks as `weeks.<first day>.accepted`).
    static std::string csv(const Poco::JSON::Object::Ptr &summary);

private:
    Database &m_db;
    const Clock &m_clock;
    double m_onTimeTarget;
};

} // namespace onewindow::server
