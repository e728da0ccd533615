#include "stats/statsservice.h"

#include "api/params.h"
#include "auth/policy.h"
#include "clock.h"
#include "db/database.h"
#include "http/problem.h"
#include "stats/casefigures.h"

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <sstream>
#include <vector>

namespace onewindow::server {

namespace {

using Cap = AuthorizationPolicy::Capability;

constexpr int kMaxDays = 366;

/// The same day a year before; 29 February becomes the 28th.
Date yearBefore(const Date &date)
{
    const Date same{date.year() - std::chrono::years{1}, date.month(), date.day()};
    return same.ok() ? same : Date{same.year(), same.month(), std::chrono::day{28}};
}

/// The cases of the query: accepted in [from, to] (the date part of accepted_at, the server's
/// calendar), in the reader's scope, of the centre, department and matter asked for.
struct CaseFilter
{
    std::string sql;
    std::vector<DbValue> params;
};

/// The counters' periods (see CounterKey) that cover [from, to] once: the whole months in it a
/// row per month, the days before and after them a row per day. Each is a range of the `day`
/// column, from and to included.
std::vector<std::pair<std::string, std::string>> periodsOf(const Date &from, const Date &to)
{
    using std::chrono::day;
    const std::chrono::year_month fromMonth{from.year(), from.month()};
    const Date firstWhole = from.day() == day{1} ? from : (fromMonth + std::chrono::months{1}) / day{1};
    const Date lastWhole = addCalendarDays(to, 1).day() == day{1}
                               ? to
                               : addCalendarDays(Date{to.year(), to.month(), day{1}}, -1);
    if (lastWhole < firstWhole)
        return {{toIsoString(from), toIsoString(to)}};
    std::vector<std::pair<std::string, std::string>> out;
    if (from < firstWhole)
        out.emplace_back(toIsoString(from), toIsoString(addCalendarDays(firstWhole, -1)));
    out.emplace_back(monthPeriod(toIsoString(firstWhole)), monthPeriod(toIsoString(lastWhole)));
    if (lastWhole < to)
        out.emplace_back(toIsoString(addCalendarDays(lastWhole, 1)), toIsoString(to));
    return out;
}

CaseFilter caseFilter(const Principal &user, const StatsService::Query &q, const Date &from, const Date &to)
{
    const auto scope = AuthorizationPolicy::caseFilter(user, "c");
    CaseFilter f{scope.sql + " AND c.accepted_at >= ? AND c.accepted_at < ?", scope.params};
    f.params.emplace_back(toIsoString(from));
    f.params.emplace_back(toIsoString(addCalendarDays(to, 1)));
    if (!q.center.empty()) {
        f.sql += " AND c.center = ?";
        f.params.emplace_back(q.center);
    }
    if (!q.department.empty()) {
        const auto department = AuthorizationPolicy::departmentCondition("c.departments", q.department);
        f.sql += " AND " + department.sql;
        f.params.insert(f.params.end(), department.params.begin(), department.params.end());
    }
    if (!q.matter.empty()) {
        f.sql += " AND EXISTS (SELECT 1 FROM case_parts m WHERE m.case_id = c.id AND m.matter = ?)";
        f.params.emplace_back(q.matter);
    }
    return f;
}

Poco::Dynamic::Var rate(std::int64_t part, std::int64_t whole)
{
    if (whole == 0)
        return Poco::Dynamic::Var(); // null: no case to measure
    return std::round(10000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 10000.0;
}

Poco::Dynamic::Var rounded(double value)
{
    return std::round(value * 100.0) / 100.0;
}

void flatten(const std::string &prefix, const Poco::Dynamic::Var &value, std::ostringstream &out)
{
    if (value.type() == typeid(Poco::JSON::Object::Ptr)) {
        const auto object = value.extract<Poco::JSON::Object::Ptr>();
        for (const auto &[key, child] : *object)
            flatten(prefix.empty() ? key : prefix + "." + key, child, out);
    } else if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
        for (const auto &item : *value.extract<Poco::JSON::Array::Ptr>()) {
            // Centres by their code, weeks by their first day.
            const auto row = item.extract<Poco::JSON::Object::Ptr>();
            const std::string name = row->has("code") ? "code" : "from";
            const std::string id = row->getValue<std::string>(name);
            for (const auto &[key, child] : *row) {
                if (key != name)
                    flatten(prefix + "." + id + "." + key, child, out);
            }
        }
    } else {
        std::string text = value.isEmpty() ? std::string() : value.convert<std::string>();
        if (text.find_first_of(",\"\n") != std::string::npos) {
            std::string quoted = "\"";
            for (const char c : text)
                quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
            text = quoted + "\"";
        }
        out << prefix << ',' << text << "\r\n";
    }
}

} // namespace

StatsService::StatsService(Database &db, const Clock &clock, double onTimeTarget)
    : m_db(db), m_clock(clock), m_onTimeTarget(std::clamp(onTimeTarget, 0.0, 1.0))
{
}

StatsService::Query StatsService::parse(const Request &request)
{
    FieldErrors errors;
    Query q;
    const auto date = [&](const char *name) {
        const auto parsed = parseIsoDate(request.queryParam(name));
        if (!parsed)
            errors.add(name, "A date, YYYY-MM-DD.", request.queryParam(name).empty() ? "required" : "invalid");
        return parsed.value_or(Date{});
    };
    q.from = date("from");
    q.to = date("to");
    if (!errors.has("from") && !errors.has("to")) {
        if (q.to < q.from)
            errors.add("to", "Not before from.", "invalid");
        else if (daysBetween(q.from, q.to) >= kMaxDays)
            errors.add("to", "At most 366 days after from.", "invalid");
    }
    q.center = request.queryParam("center");
    if (!q.center.empty() && !isCode(q.center, 20))
        errors.add("center", "Not a centre code.", "invalid");
    q.department = request.queryParam("department");
    if (!q.department.empty() && !isCode(q.department, 10))
        errors.add("department", "Not a department code.", "invalid");
    q.matter = request.queryParam("matter");
    if (!q.matter.empty() && !isCode(q.matter, 20))
        errors.add("matter", "Not a matter code.", "invalid");
    errors.throwIfAny();
    return q;
}

Poco::JSON::Object::Ptr StatsService::summary(const Principal &user, const Query &q)
{
    AuthorizationPolicy::require(user, Cap::ReadStats);
    Transaction tx(m_db, Transaction::Mode::Read);
    // A few thousand counter rows a query: PostgreSQL's parallel workers would cost more to start
    // than they save (a year of a hall: 30 ms with them, 3 without, at 10,000,000 cases).
    if (tx.dialect() == Database::Dialect::PostgreSQL)
        tx.execute("SET LOCAL max_parallel_workers_per_gather = 0");

    // A filter names something in the reader's scope, or the answer is 404 as for anything else
    // out of it: a supervisor's own hall and its villages, an approver's own department.
    if (!q.center.empty()) {
        const auto center = tx.queryOne("SELECT code, name, parent FROM centers WHERE code = ?", {q.center});
        if (!center)
            throw ApiError::notFound();
        const bool own = center->text("code") == user.center || center->text("parent") == user.center;
        if ((user.role == "supervisor" && !own) || (user.role != "supervisor" && user.role != "approver"))
            throw ApiError::notFound();
    }
    if (!q.department.empty()) {
        if (!tx.queryOne("SELECT code FROM departments WHERE code = ?", {q.department})
            || (user.role == "approver" && q.department != user.department))
            throw ApiError::notFound();
    }
    if (!q.matter.empty()) {
        const auto matter = tx.queryOne("SELECT department FROM matters WHERE code = ?", {q.matter});
        if (!matter || (user.role == "approver" && matter->text("department") != user.department))
            throw ApiError::notFound();
    }

    // The counters of the grain asked for (see stats/casefigures.h): the whole cases, a
    // department's (an approver's own when none is named), or a matter's.
    std::string department = q.department.empty() && user.role == "approver" ? user.department : q.department;
    if (!q.matter.empty() && department.empty())
        department = tx.queryOne("SELECT department FROM matters WHERE code = ?", {q.matter})->text("department");
    // The rows of one period (a range of days, or of months).
    const auto counted = [&](const std::string &low, const std::string &high) {
        CaseFilter c{"department = ? AND matter = ? AND day >= ? AND day <= ?", {department, q.matter, low, high}};
        if (user.role == "supervisor") {
            c.sql += " AND center IN (SELECT code FROM centers WHERE code = ? OR parent = ?)";
            c.params.insert(c.params.end(), {user.center, user.center});
        }
        andIfGiven(c.sql, c.params, "center", q.center);
        return c;
    };
    // The rows of [from, to], its whole months read by month: a table of `columns` of `table`.
    const auto source = [&](const char *table, const std::string &columns, const Date &from, const Date &to) {
        CaseFilter c;
        for (const auto &[low, high] : periodsOf(from, to)) {
            const CaseFilter part = counted(low, high);
            c.sql += std::string(c.sql.empty() ? "(" : " UNION ALL ") + "SELECT " + columns + " FROM " + table
                     + " WHERE " + part.sql;
            c.params.insert(c.params.end(), part.params.begin(), part.params.end());
        }
        c.sql += ") AS periods";
        return c;
    };
    // Day by day, for the weeks.
    const CaseFilter byDay = counted(toIsoString(q.from), toIsoString(q.to));
    std::string sumColumns, columns;
    for (const char *column : figureColumns()) {
        sumColumns += std::string(sumColumns.empty() ? "" : ", ") + "COALESCE(SUM(" + column + "), 0) AS " + column;
        columns += std::string(columns.empty() ? "" : ", ") + column;
    }
    const CaseFilter counts = source("stats_counts", columns, q.from, q.to);
    const DbRow totals = *tx.queryOne("SELECT " + sumColumns + " FROM " + counts.sql, counts.params);
    const auto figure = [&totals](Figure f) { return totals.integer(figureColumns()[static_cast<std::size_t>(f)]); };

    // What became of the cases.
    const std::int64_t refused = figure(Figure::Refused);
    Poco::JSON::Object::Ptr cases = new Poco::JSON::Object;
    cases->set("accepted", figure(Figure::Cases) - refused);
    cases->set("acceptedWithDeficiency", figure(Figure::WithDeficiency));
    cases->set("refused", refused);
    cases->set("returned", figure(Figure::Returned));
    cases->set("approved", figure(Figure::Approved));
    cases->set("rejected", figure(Figure::Rejected));
    cases->set("terminated", figure(Figure::Terminated));
    cases->set("delivered", figure(Figure::Delivered));

    // The decisions against the time limits, and the working days each took.
    const std::int64_t decided = figure(Figure::Decided);
    Poco::JSON::Object::Ptr limits = new Poco::JSON::Object;
    limits->set("decided", decided);
    limits->set("withinPromised", figure(Figure::WithinPromised));
    limits->set("withinLegal", figure(Figure::WithinLegal));
    limits->set("promisedRate", rate(figure(Figure::WithinPromised), decided));
    limits->set("legalRate", rate(figure(Figure::WithinLegal), decided));
    limits->set("promisedRateTarget", m_onTimeTarget);
    std::vector<std::pair<std::int64_t, std::int64_t>> handling; // working days, cases
    std::int64_t handled = 0;
    double daysSum = 0;
    const CaseFilter handlingRows = source("stats_handling", "days, n", q.from, q.to);
    for (const DbRow &h : tx.query("SELECT days, SUM(n) AS n FROM " + handlingRows.sql + " GROUP BY days ORDER BY days",
                                   handlingRows.params)) {
        if (h.integer("n") <= 0)
            continue;
        handling.emplace_back(h.integer("days"), h.integer("n"));
        handled += h.integer("n");
        daysSum += static_cast<double>(h.integer("days") * h.integer("n"));
    }
    if (handled == 0) {
        limits->set("meanWorkingDays", Poco::Dynamic::Var());
        limits->set("p90WorkingDays", Poco::Dynamic::Var());
    } else {
        limits->set("meanWorkingDays", rounded(daysSum / static_cast<double>(handled)));
        // Nearest rank: the smallest value at or above 90% of the cases.
        const auto rank = std::max<std::int64_t>(
            1, static_cast<std::int64_t>(std::ceil(0.9 * static_cast<double>(handled))));
        std::int64_t seen = 0;
        for (const auto &[days, n] : handling) {
            seen += n;
            if (seen >= rank) {
                limits->set("p90WorkingDays", days);
                break;
            }
        }
    }

    // The deficient materials of those cases: supplied by their due date or after it, waived,
    // ended with their case's termination, or still owed.
    Poco::JSON::Object::Ptr deficiencies = new Poco::JSON::Object;
    deficiencies->set("total", figure(Figure::Deficiencies));
    deficiencies->set("outstanding", figure(Figure::Outstanding));
    deficiencies->set("suppliedInTime", figure(Figure::SuppliedInTime));
    deficiencies->set("suppliedLate", figure(Figure::SuppliedLate));
    deficiencies->set("terminated", figure(Figure::DeficienciesTerminated));
    deficiencies->set("waived", figure(Figure::Waived));

    // The citizens' ratings (好差评) of those cases, every service event; satisfied: 基本满意 (3)
    // and better.
    Poco::JSON::Object::Ptr levels = new Poco::JSON::Object;
    std::int64_t satisfied = 0;
    for (int level = 1; level <= 5; ++level) {
        const std::int64_t n = figure(static_cast<Figure>(static_cast<int>(Figure::Level1) + level - 1));
        levels->set(std::to_string(level), n);
        satisfied += level >= 3 ? n : 0;
    }
    const std::int64_t rated = figure(Figure::Rated);
    Poco::JSON::Object::Ptr ratings = new Poco::JSON::Object;
    ratings->set("total", rated);
    ratings->set("levels", levels);
    ratings->set("satisfied", satisfied);
    ratings->set("satisfactionRate", rate(satisfied, rated));

    // The call-backs of bad ratings of those cases: still open, and open past their due date
    // (which depends on the day: read from the open ones, few, through their index).
    const CaseFilter f = caseFilter(user, q, q.from, q.to);
    std::vector<DbValue> overdueParams{toIsoString(m_clock.today())};
    overdueParams.insert(overdueParams.end(), f.params.begin(), f.params.end());
    Poco::JSON::Object::Ptr followUps = new Poco::JSON::Object;
    followUps->set("total", figure(Figure::FollowUps));
    followUps->set("open", figure(Figure::OpenFollowUps));
    followUps->set("overdue", tx.queryOne("SELECT COUNT(*) AS n FROM follow_ups fu JOIN cases c ON c.id = fu.case_id"
                                          " WHERE fu.closed_at IS NULL AND fu.due_date < ? AND " + f.sql,
                                          overdueParams)
                                  ->integer("n"));

    // Week by week, Monday to Sunday (the first and the last week cut at from and to): the trend
    // of what was taken in, decided on time, and rated.
    std::map<std::string, std::array<std::int64_t, 5>> byWeek; // accepted, decided, on time, rated, satisfied
    for (Date week = q.from; week <= q.to;
         week = addCalendarDays(week, 8 - static_cast<int>(isoWeekday(week))))
        byWeek[toIsoString(week)] = {};
    for (const DbRow &d : tx.query("SELECT day, SUM(cases) - SUM(refused) AS accepted, SUM(decided) AS decided, "
                                   "SUM(within_promised) AS on_time, SUM(rated) AS rated, SUM(level_3) + SUM(level_4) "
                                   "+ SUM(level_5) AS satisfied FROM stats_counts WHERE " + byDay.sql
                                       + " GROUP BY day",
                                   byDay.params)) {
        const auto day = parseIsoDate(d.text("day"));
        if (!day)
            continue;
        const Date monday = std::max(q.from, addCalendarDays(*day, 1 - static_cast<int>(isoWeekday(*day))));
        auto &sums = byWeek[toIsoString(monday)];
        sums[0] += d.integer("accepted");
        sums[1] += d.integer("decided");
        sums[2] += d.integer("on_time");
        sums[3] += d.integer("rated");
        sums[4] += d.integer("satisfied");
    }
    Poco::JSON::Array::Ptr weeks = new Poco::JSON::Array;
    for (const auto &[from, sums] : byWeek) {
        Poco::JSON::Object::Ptr week = new Poco::JSON::Object;
        const Date start = *parseIsoDate(from);
        week->set("from", from);
        week->set("to", toIsoString(std::min(q.to, addCalendarDays(start, 7 - static_cast<int>(isoWeekday(start))))));
        week->set("accepted", sums[0]);
        week->set("decided", sums[1]);
        week->set("withinPromised", sums[2]);
        week->set("promisedRate", rate(sums[2], sums[1]));
        week->set("rated", sums[3]);
        week->set("satisfactionRate", rate(sums[4], sums[3]));
        weeks->add(week);
    }

    // Each centre's cases accepted, beside the same days a year before.
    const auto perCenter = [&](const Date &from, const Date &to) {
        const CaseFilter rows = source("stats_counts", "center, cases, refused", from, to);
        std::map<std::string, std::int64_t> out;
        for (const DbRow &c : tx.query("SELECT center, SUM(cases) - SUM(refused) AS n FROM " + rows.sql
                                           + " GROUP BY center",
                                       rows.params)) {
            if (c.integer("n") > 0)
                out[c.text("center")] = c.integer("n");
        }
        return out;
    };
    const auto now = perCenter(q.from, q.to);
    const auto before = perCenter(yearBefore(q.from), yearBefore(q.to));
    std::map<std::string, std::string> names;
    for (const DbRow &row : tx.query("SELECT code, name FROM centers"))
        names[row.text("code")] = row.text("name");
    std::map<std::string, bool> codes;
    for (const auto &[code, n] : now)
        codes[code] = true;
    for (const auto &[code, n] : before)
        codes[code] = true;
    Poco::JSON::Array::Ptr centers = new Poco::JSON::Array;
    for (const auto &[code, unused] : codes) {
        const std::int64_t accepted = now.count(code) ? now.at(code) : 0;
        const std::int64_t lastYear = before.count(code) ? before.at(code) : 0;
        Poco::JSON::Object::Ptr center = new Poco::JSON::Object;
        center->set("code", code);
        center->set("name", names[code]);
        center->set("accepted", accepted);
        center->set("lastYear", lastYear);
        center->set("change", lastYear == 0 ? Poco::Dynamic::Var() : rate(accepted - lastYear, lastYear));
        centers->add(center);
    }

    Poco::JSON::Object::Ptr out = new Poco::JSON::Object;
    out->set("from", toIsoString(q.from));
    out->set("to", toIsoString(q.to));
    out->set("center", q.center.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(q.center));
    out->set("department", q.department.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(q.department));
    out->set("matter", q.matter.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(q.matter));
    out->set("cases", cases);
    out->set("timeLimits", limits);
    out->set("deficiencies", deficiencies);
    out->set("ratings", ratings);
    out->set("followUps", followUps);
    out->set("centers", centers);
    out->set("weeks", weeks);
    return out;
}

std::string StatsService::csv(const Poco::JSON::Object::Ptr &summary)
{
    std::ostringstream out;
    out << "figure,value\r\n";
    for (const char *key : {"from", "to", "center", "department", "matter", "cases", "timeLimits", "deficiencies",
                            "ratings", "followUps", "centers", "weeks"})
        flatten(key, summary->get(key), out);
    return out.str();
}

} // namespace onewindow::server
