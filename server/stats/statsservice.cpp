#include "stats/statsservice.h"

#include "api/params.h"
#include "auth/policy.h"
#include "catalog/catalog.h"
#include "clock.h"
#include "db/database.h"
#include "domain/workcalendar.h"
#include "http/problem.h"

#include <Poco/JSON/Array.h>

#include <algorithm>
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
            const auto center = item.extract<Poco::JSON::Object::Ptr>();
            const std::string code = center->getValue<std::string>("code");
            for (const auto &[key, child] : *center) {
                if (key != "code")
                    flatten(prefix + "." + code + "." + key, child, out);
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

StatsService::StatsService(Database &db, Catalog &catalog, const Clock &clock)
    : m_db(db)
    , m_catalog(catalog)
    , m_clock(clock)
{ }

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

    const CaseFilter f = caseFilter(user, q, q.from, q.to);
    const std::string where = " FROM cases c WHERE " + f.sql;

    // What became of the cases.
    const DbRow counts = *tx.queryOne(
        "SELECT COUNT(*) AS total,"
        " SUM(CASE WHEN c.status = 'not_accepted' THEN 1 ELSE 0 END) AS refused,"
        " SUM(CASE WHEN c.status <> 'not_accepted' AND EXISTS (SELECT 1 FROM deficiencies d WHERE d.case_id = c.id)"
        " THEN 1 ELSE 0 END) AS with_deficiency,"
        " SUM(CASE WHEN EXISTS (SELECT 1 FROM case_history h WHERE h.case_id = c.id"
        " AND h.to_state = 'returned_for_correction') THEN 1 ELSE 0 END) AS returned,"
        " SUM(CASE WHEN EXISTS (SELECT 1 FROM case_history h WHERE h.case_id = c.id AND h.to_state = 'approved')"
        " THEN 1 ELSE 0 END) AS approved,"
        " SUM(CASE WHEN EXISTS (SELECT 1 FROM case_history h WHERE h.case_id = c.id AND h.to_state = 'rejected')"
        " THEN 1 ELSE 0 END) AS rejected,"
        " SUM(CASE WHEN c.status = 'terminated' THEN 1 ELSE 0 END) AS terminated,"
        " SUM(CASE WHEN EXISTS (SELECT 1 FROM case_deliveries v WHERE v.case_id = c.id) THEN 1 ELSE 0 END)"
        " AS delivered" + where,
        f.params);
    const std::int64_t total = counts.integer("total");
    const std::int64_t refused = counts.integer("refused");
    Poco::JSON::Object::Ptr cases = new Poco::JSON::Object;
    cases->set("accepted", total - refused);
    cases->set("acceptedWithDeficiency", counts.integer("with_deficiency"));
    cases->set("refused", refused);
    cases->set("returned", counts.integer("returned"));
    cases->set("approved", counts.integer("approved"));
    cases->set("rejected", counts.integer("rejected"));
    cases->set("terminated", counts.integer("terminated"));
    cases->set("delivered", counts.integer("delivered"));

    // The decisions against the time limits, and the working days each took.
    const DbRows decided = tx.query(
        "SELECT SUBSTR(c.accepted_at, 1, 10) AS accepted_on, c.promised_due_date, c.legal_due_date,"
        " (SELECT SUBSTR(MIN(h.at), 1, 10) FROM case_history h WHERE h.case_id = c.id"
        " AND h.to_state IN ('approved', 'rejected')) AS decided_on" + where
            + " AND EXISTS (SELECT 1 FROM case_history h WHERE h.case_id = c.id"
              " AND h.to_state IN ('approved', 'rejected'))",
        f.params);
    const WorkCalendar calendar = m_catalog.calendar(tx, Catalog::Freshness::Recent);
    std::int64_t withinPromised = 0;
    std::int64_t withinLegal = 0;
    std::vector<int> workingDays;
    for (const DbRow &row : decided) {
        const std::string on = row.text("decided_on");
        withinPromised += on <= row.text("promised_due_date") ? 1 : 0;
        withinLegal += on <= row.text("legal_due_date") ? 1 : 0;
        const auto accepted = parseIsoDate(row.text("accepted_on"));
        const auto decision = parseIsoDate(on);
        if (accepted && decision)
            workingDays.push_back(calendar.workingDaysBetween(*accepted, *decision));
    }
    std::sort(workingDays.begin(), workingDays.end());
    Poco::JSON::Object::Ptr limits = new Poco::JSON::Object;
    const auto decidedCount = static_cast<std::int64_t>(decided.size());
    limits->set("decided", decidedCount);
    limits->set("withinPromised", withinPromised);
    limits->set("withinLegal", withinLegal);
    limits->set("promisedRate", rate(withinPromised, decidedCount));
    limits->set("legalRate", rate(withinLegal, decidedCount));
    if (workingDays.empty()) {
        limits->set("meanWorkingDays", Poco::Dynamic::Var());
        limits->set("p90WorkingDays", Poco::Dynamic::Var());
    } else {
        double sum = 0;
        for (const int d : workingDays)
            sum += d;
        limits->set("meanWorkingDays", rounded(sum / static_cast<double>(workingDays.size())));
        // Nearest rank: the smallest value at or above 90% of the cases.
        const auto rank = static_cast<std::size_t>(std::ceil(0.9 * static_cast<double>(workingDays.size())));
        limits->set("p90WorkingDays", workingDays[std::max<std::size_t>(rank, 1) - 1]);
    }

    // The deficient materials of those cases: supplied by their due date or after it, waived,
    // ended with their case's termination, or still owed.
    const DbRows owed = tx.query(
        "SELECT d.status, d.due_date, SUBSTR(d.supplied_at, 1, 10) AS supplied_on, c.status AS case_status"
        " FROM deficiencies d JOIN cases c ON c.id = d.case_id WHERE " + f.sql,
        f.params);
    std::map<std::string, std::int64_t> closure{
        {"suppliedInTime", 0}, {"suppliedLate", 0}, {"waived", 0}, {"terminated", 0}, {"outstanding", 0}};
    for (const DbRow &row : owed) {
        const std::string status = row.text("status");
        if (status == "supplied")
            ++closure[row.text("supplied_on") <= row.text("due_date") ? "suppliedInTime" : "suppliedLate"];
        else if (status == "waived")
            ++closure["waived"];
        else if (row.text("case_status") == "terminated")
            ++closure["terminated"];
        else
            ++closure["outstanding"];
    }
    Poco::JSON::Object::Ptr deficiencies = new Poco::JSON::Object;
    deficiencies->set("total", static_cast<std::int64_t>(owed.size()));
    for (const auto &[key, value] : closure)
        deficiencies->set(key, value);

    // The citizens' ratings (好差评) of those cases, every service event; satisfied: 基本满意 (3)
    // and better.
    Poco::JSON::Object::Ptr levels = new Poco::JSON::Object;
    std::int64_t rated = 0;
    std::int64_t satisfied = 0;
    for (int level = 1; level <= 5; ++level)
        levels->set(std::to_string(level), 0);
    for (const DbRow &row : tx.query("SELECT e.level, COUNT(*) AS n FROM evaluations e JOIN cases c ON c.id = e.case_id"
                                     " WHERE " + f.sql + " GROUP BY e.level",
                                     f.params)) {
        const std::int64_t level = row.integer("level");
        const std::int64_t n = row.integer("n");
        levels->set(std::to_string(level), n);
        rated += n;
        satisfied += level >= 3 ? n : 0;
    }
    Poco::JSON::Object::Ptr ratings = new Poco::JSON::Object;
    ratings->set("total", rated);
    ratings->set("levels", levels);
    ratings->set("satisfied", satisfied);
    ratings->set("satisfactionRate", rate(satisfied, rated));

    // The call-backs of bad ratings of those cases: still open, and open past their due date.
    std::vector<DbValue> followParams{toIsoString(m_clock.today())};
    followParams.insert(followParams.end(), f.params.begin(), f.params.end());
    const DbRow follow = *tx.queryOne(
        "SELECT COUNT(*) AS total, SUM(CASE WHEN fu.closed_at IS NULL THEN 1 ELSE 0 END) AS open_count,"
        " SUM(CASE WHEN fu.closed_at IS NULL AND fu.due_date < ? THEN 1 ELSE 0 END) AS overdue"
        " FROM follow_ups fu JOIN cases c ON c.id = fu.case_id WHERE " + f.sql,
        followParams);
    Poco::JSON::Object::Ptr followUps = new Poco::JSON::Object;
    followUps->set("total", follow.integer("total"));
    followUps->set("open", follow.integer("open_count"));
    followUps->set("overdue", follow.integer("overdue"));

    // Each centre's cases accepted, beside the same days a year before.
    const auto perCenter = [&](const CaseFilter &filter) {
        std::map<std::string, std::int64_t> out;
        for (const DbRow &row : tx.query("SELECT c.center, COUNT(*) AS n FROM cases c WHERE " + filter.sql
                                             + " AND c.status <> 'not_accepted' GROUP BY c.center",
                                         filter.params))
            out[row.text("center")] = row.integer("n");
        return out;
    };
    const auto now = perCenter(f);
    const auto before = perCenter(caseFilter(user, q, yearBefore(q.from), yearBefore(q.to)));
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
    return out;
}

std::string StatsService::csv(const Poco::JSON::Object::Ptr &summary)
{
    std::ostringstream out;
    out << "figure,value\r\n";
    for (const char *key : {"from", "to", "center", "department", "matter", "cases", "timeLimits", "deficiencies",
                            "ratings", "followUps", "centers"})
        flatten(key, summary->get(key), out);
    return out.str();
}

} // namespace onewindow::server
