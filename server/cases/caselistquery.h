#pragma once

#include "db/database.h"
#include "domain/date.h"
#include "http/message.h"

#include <string>
#include <vector>

namespace onewindow::server {

/// The filters of GET /cases, read from the query string and checked (every problem at once):
/// `status` or `state` (a comma-separated list of case states), `center`, `number`, `applicant`, `department`
/// (cases with a part of that department; an approver's own), `part` (pending or decided: the
/// department's part), `matter`, `dueBefore` (promised date before that day), `greenChannel`,
/// `overdue` (promised date passed, not yet decided), `acceptedFrom` and `acceptedTo` (days of
/// acceptance, both included), `figure` (the cases a figure of GET /stats/summary counts, by its
/// key there: `cases.approved`, `ratings.levels.2`…; see figureCondition), and `sort` (newest,
/// the default, or priority: green channel first, then the soonest promised date).
struct CaseListQuery
{
    std::vector<std::string> states;
    std::string center;
    std::string number;
    std::string applicant; ///< the applicant's ID number or credit code, as stored
    std::string department;
    std::string part;
    std::string matter;
    std::string dueBefore;
    std::string acceptedFrom;
    std::string acceptedTo;
    std::string figure;
    bool greenChannelOnly = false;
    bool overdueOnly = false;
    bool byPriority = false;
    int limit = 50;
    std::string cursor;

    static CaseListQuery fromRequest(const Request &request, int limit);

    /// The SELECT of one page (limit + 1 rows: one more tells whether there is a next page), in
    /// the user's scope, keyset-paged from `cursor` by row values, which an index range can start from.
    struct Sql
    {
        std::string text;
        std::vector<DbValue> params;
    };
    Sql sql(const Principal &user, const Date &today) const;
    /// The cursor that continues after `last`, a row of sql()'s result.
    std::string cursorAfter(const DbRow &last) const;
    /// The condition on a case `c` (SQL) that it counts in a figure of the summary: a case, not
    /// a material or a rating (`deficiencies.waived`: the cases with a waived material); empty
    /// for no such figure. Read from the case's row of figures (stats/casefigures.h), which
    /// counts what the summary adds up; `followUps.overdue` asks for `today`.
    static std::string figureCondition(const std::string &figure, std::vector<DbValue> &params, const Date &today);
};

} // namespace onewindow::server
