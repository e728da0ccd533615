#include "deficiencies/deficiencyqueries.h"

#include "auth/policy.h"
#include "cases/casejson.h"
#include "clock.h"
#include "db/database.h"
#include "http/cursor.h"
#include "http/problem.h"
#include "json.h"

#include <algorithm>
#include <set>

namespace onewindow::server {

namespace {

using Cap = AuthorizationPolicy::Capability;

bool isMatterCode(const std::string &code)
{
    return !code.empty() && code.size() <= 32
           && std::all_of(code.begin(), code.end(), [](char ch) {
                  return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
              });
}

/// The scope, centre and matter conditions shared by the deficiency list and its counts.
std::string deficiencyConditions(const Principal &user, const std::string &center, const std::string &matter,
                                 std::vector<DbValue> &params)
{
    const auto filter = AuthorizationPolicy::caseFilter(user, "c");
    std::string sql = filter.sql;
    params.insert(params.end(), filter.params.begin(), filter.params.end());
    andIfGiven(sql, params, "c.center", center);
    if (!matter.empty()) {
        // The case's matters are stored as JSON; a code is only ever a quoted value in it.
        sql += " AND c.matters LIKE ?";
        params.emplace_back("%\"" + matter + "\"%");
    }
    return sql;
}

void checkListFilters(const std::string &status, const std::string &dueBefore, const std::string &matter)
{
    FieldErrors errors;
    static const std::set<std::string> statuses{"owed", "outstanding", "overdue", "supplied", "waived"};
    if (!status.empty() && !statuses.contains(status))
        errors.add("status", "One of owed, outstanding, overdue, supplied, waived.", "invalid");
    if (!dueBefore.empty() && !parseIsoDate(dueBefore))
        errors.add("dueBefore", "A date, YYYY-MM-DD.", "invalid");
    if (!matter.empty() && !isMatterCode(matter))
        errors.add("matter", "A matter code such as HF-001.", "invalid");
    errors.throwIfAny();
}

Poco::JSON::Object::Ptr listItem(const DbRow &row)
{
    auto o = asObject(deficiencyFields<ObjectFields>, row);
    o->set("caseId", row.text("case_id"));
    o->set("caseNumber", row.text("number"));
    o->set("center", row.text("center"));
    o->set("applicantName", row.text("applicant_name"));
    o->set("applicantPhone", row.text("applicant_phone"));
    o->set("matters", matterCodes(row.text("case_matters")));
    return o;
}

} // namespace

Poco::JSON::Object::Ptr DeficiencyQueries::list(const Principal &user, const std::string &status,
                                                const std::string &dueBefore, const std::string &center, int limit,
                                                const std::string &cursor, const std::string &matter)
{
    AuthorizationPolicy::require(user, Cap::ReadDeficiencies);
    checkListFilters(status, dueBefore, matter);
    std::vector<DbValue> params;
    std::string sql = "SELECT d.*, c.number, c.center, c.applicant_name, c.applicant_phone, c.matters AS case_matters "
                      "FROM deficiencies d JOIN cases c ON c.id = d.case_id WHERE "
                      + deficiencyConditions(user, center, matter, params);
    // Owed: still to be supplied, overdue or not; soonest due first puts the overdue first.
    if (status == "owed")
        sql += " AND d.status IN ('outstanding', 'overdue')";
    else
        andIfGiven(sql, params, "d.status", status);
    if (!dueBefore.empty()) {
        sql += " AND d.due_date < ?";
        params.emplace_back(dueBefore);
    }
    if (!cursor.empty()) {
        const auto key = decodeCursor(cursor, 2);
        const std::string &due = key[0];
        const std::string &id = key[1];
        sql += " AND (d.due_date > ? OR (d.due_date = ? AND d.id > ?))";
        params.insert(params.end(), {due, due, id});
    }
    sql += " ORDER BY d.due_date, d.id LIMIT ?";
    params.emplace_back(std::int64_t{limit + 1});
    Transaction tx(m_db, Transaction::Mode::Read);
    const DbRows rows = tx.query(sql, params);
    auto items = newArray();
    for (std::size_t i = 0; i < rows.size() && static_cast<int>(i) < limit; ++i)
        items->add(listItem(rows[i]));
    auto result = newObject();
    result->set("items", items);
    if (static_cast<int>(rows.size()) > limit) {
        const DbRow &last = rows[static_cast<std::size_t>(limit) - 1];
        result->set("nextCursor", encodeCursor({last.text("due_date"), last.text("id")}));
    } else {
        result->set("nextCursor", Poco::Dynamic::Var());
    }
    return result;
}

Poco::JSON::Object::Ptr DeficiencyQueries::counts(const Principal &user, const std::string &center,
                                                  const std::string &matter)
{
    AuthorizationPolicy::require(user, Cap::ReadDeficiencies);
    if (!matter.empty() && !isMatterCode(matter)) {
        FieldErrors errors;
        errors.add("matter", "A matter code such as HF-001.", "invalid");
        errors.throwIfAny();
    }
    // Today and this week by the server's calendar date; the week ends on Sunday.
    const Date today = m_clock.today();
    const Date tomorrow = addCalendarDays(today, 1);
    const Date nextMonday = addCalendarDays(today, 8 - static_cast<int>(isoWeekday(today)));
    std::vector<DbValue> params{toIsoString(tomorrow), toIsoString(nextMonday)};
    const std::string sql =
        "SELECT d.status AS status, COUNT(*) AS n, "
        "SUM(CASE WHEN d.due_date < ? THEN 1 ELSE 0 END) AS due_today, "
        "SUM(CASE WHEN d.due_date < ? THEN 1 ELSE 0 END) AS due_week "
        "FROM deficiencies d JOIN cases c ON c.id = d.case_id WHERE "
        + deficiencyConditions(user, center, matter, params) + " GROUP BY d.status";
    Transaction tx(m_db, Transaction::Mode::Read);
    auto result = newObject();
    result->set("today", toIsoString(today));
    for (const char *key : {"outstanding", "dueToday", "dueThisWeek", "overdue", "supplied", "waived"})
        result->set(key, 0);
    for (const DbRow &row : tx.query(sql, params)) {
        const std::string status = row.text("status");
        if (status == "outstanding") {
            result->set("outstanding", row.integer("n"));
            result->set("dueToday", row.integer("due_today"));
            result->set("dueThisWeek", row.integer("due_week"));
        } else if (status == "overdue" || status == "supplied" || status == "waived") {
            result->set(status, row.integer("n"));
        }
    }
    return result;
}

} // namespace onewindow::server
