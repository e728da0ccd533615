#include "cases/caselistquery.h"

#include "api/params.h"
#include "auth/policy.h"
#include "domain/caselifecycle.h"
#include "http/cursor.h"
#include "http/problem.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace onewindow::server {

namespace {

// The states in which a case still waits for its department, or is late while it does.
const std::vector<std::string> kOpenStates{"accepted", "accepted_with_deficiency", "under_review",
                                           "returned_for_correction"};
// The columns a list shows (CaseSummary, caseListItemJson) and its cursor reads: not the form and
// materials, the bulk of a row.
const std::string kListColumns = "c.id, c.number, c.status, c.matters, c.applicant_kind, c.applicant_name, "
                                 "c.applicant_id, c.applicant_legal_rep, c.applicant_phone, c.center, c.accepted_at, "
                                 "c.promised_due_date, c.green_channel, c.internal_due_date";
const std::vector<std::string> kReviewableStates{"accepted", "accepted_with_deficiency", "under_review"};

/// The states of `states` (any state, when nullopt) that are also in `allowed`, each once.
std::vector<std::string> within(const std::optional<std::vector<std::string>> &states,
                                const std::vector<std::string> &allowed)
{
    std::vector<std::string> out;
    for (const auto &state : states.value_or(allowed))
        if (std::find(allowed.begin(), allowed.end(), state) != allowed.end()
            && std::find(out.begin(), out.end(), state) == out.end())
            out.push_back(state);
    return out;
}

std::vector<std::string> splitList(const std::string &text)
{
    std::vector<std::string> out;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty())
            out.push_back(item);
    return out;
}


[[noreturn]] void foreignCursor()
{
    FieldErrors errors;
    errors.add("cursor", "The cursor is not one this server gave out for this order.", "invalid");
    errors.throwIfAny();
    throw std::logic_error("unreachable");
}

/// A listed case's deficiencies still to supply.
std::string outstandingColumn(const std::string &alias)
{
    return "(SELECT COUNT(*) FROM deficiencies d WHERE d.case_id = " + alias
           + ".id AND d.status IN ('outstanding', 'overdue')) AS outstanding";
}

std::optional<bool> flag(const std::string &value, const char *name, FieldErrors &errors)
{
    if (value.empty() || value == "false")
        return false;
    if (value == "true")
        return true;
    errors.add(name, "true or false.", "invalid");
    return std::nullopt;
}

} // namespace

CaseListQuery CaseListQuery::fromRequest(const Request &request, int limit)
{
    CaseListQuery q;
    FieldErrors errors;
    q.limit = limit;
    q.cursor = request.queryParam("cursor");
    q.center = request.queryParam("center");
    q.number = request.queryParam("number");
    // The ID card's X is stored upper case.
    q.applicant = request.queryParam("applicant");
    std::transform(q.applicant.begin(), q.applicant.end(), q.applicant.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
    const std::string stateParam = request.queryParam("state").empty() ? "status" : "state";
    q.states = splitList(request.queryParam(stateParam));
    for (const auto &state : q.states)
        if (!CaseLifecycle::stateFromCode(state))
            errors.add(stateParam, "Not a case state: " + state + ".", "invalid");
    q.department = request.queryParam("department");
    if (!q.department.empty() && !isCode(q.department, 10))
        errors.add("department", "Not a department code.", "invalid");
    q.part = request.queryParam("part");
    if (!q.part.empty() && q.part != "pending" && q.part != "decided")
        errors.add("part", "pending or decided.", "invalid");
    q.matter = request.queryParam("matter");
    if (!q.matter.empty() && !isCode(q.matter, 20))
        errors.add("matter", "Not a matter code.", "invalid");
    q.dueBefore = request.queryParam("dueBefore");
    if (!q.dueBefore.empty() && !parseIsoDate(q.dueBefore))
        errors.add("dueBefore", "A date, YYYY-MM-DD.", "invalid");
    for (const auto &[name, value] : {std::pair{"acceptedFrom", &q.acceptedFrom}, {"acceptedTo", &q.acceptedTo}}) {
        *value = request.queryParam(name);
        if (!value->empty() && !parseIsoDate(*value))
            errors.add(name, "A date, YYYY-MM-DD.", "invalid");
    }
    q.figure = request.queryParam("figure");
    std::vector<DbValue> unused;
    if (!q.figure.empty() && figureCondition(q.figure, unused, Date{}).empty())
        errors.add("figure", "Not a figure of the summary that counts cases.", "invalid");
    q.greenChannelOnly = flag(request.queryParam("greenChannel"), "greenChannel", errors).value_or(false);
    q.overdueOnly = flag(request.queryParam("overdue"), "overdue", errors).value_or(false);
    const std::string sort = request.queryParam("sort");
    if (!sort.empty() && sort != "newest" && sort != "priority")
        errors.add("sort", "newest or priority.", "invalid");
    q.byPriority = sort == "priority";
    errors.throwIfAny();
    return q;
}

namespace {

/// The filters but for the state, and the states a page can come from (nullopt: any).
struct Filters
{
    std::string where;
    std::vector<DbValue> params;
    std::optional<std::vector<std::string>> states;
};

Filters filtersOf(const CaseListQuery &q, const Principal &user, const Date &today)
{
    const auto scope = AuthorizationPolicy::caseFilter(user, "c");
    Filters f{scope.sql, scope.params, std::nullopt};
    if (!q.states.empty())
        f.states = within(q.states, q.states);
    andIfGiven(f.where, f.params, "c.center", q.center);
    andIfGiven(f.where, f.params, "c.number", q.number);
    andIfGiven(f.where, f.params, "c.applicant_id", q.applicant);
    // An approver's part is their own department's, whatever they ask.
    const std::string partDepartment = user.role == "approver" ? user.department : q.department;
    // (An approver's scope is their department's cases already: the same condition twice would
    // make PostgreSQL expect far fewer rows than there are.)
    if (!q.department.empty() && !(user.role == "approver" && q.department == user.department)) {
        const auto department = AuthorizationPolicy::departmentCondition("c.departments", q.department);
        f.where += " AND " + department.sql;
        f.params.insert(f.params.end(), department.params.begin(), department.params.end());
    }
    // The parts are counted, not asked for with EXISTS: PostgreSQL turns an EXISTS into a join
    // that reads and sorts the department's whole backlog, expecting few rows (it cannot see that
    // open cases are the ones with pending parts); a count is checked row by row in the index's
    // order, which stops at the end of the page.
    if (!q.part.empty() && !partDepartment.empty()) {
        if (q.part == "pending") {
            f.states = within(f.states, kReviewableStates);
            f.where += " AND (SELECT COUNT(*) FROM case_parts p WHERE p.case_id = c.id AND p.department = ? AND "
                       "p.status = 'pending') > 0";
        } else {
            f.where += " AND (SELECT COUNT(*) FROM case_parts p WHERE p.case_id = c.id AND p.department = ? AND "
                       "p.status <> 'pending') > 0";
        }
        f.params.emplace_back(partDepartment);
    }
    if (!q.matter.empty()) {
        f.where += " AND (SELECT COUNT(*) FROM case_parts m WHERE m.case_id = c.id AND m.matter = ?) > 0";
        f.params.emplace_back(q.matter);
    }
    if (!q.dueBefore.empty()) {
        f.where += " AND c.promised_due_date < ?";
        f.params.emplace_back(q.dueBefore);
    }
    if (!q.acceptedFrom.empty()) {
        f.where += " AND c.accepted_at >= ?";
        f.params.emplace_back(q.acceptedFrom);
    }
    if (const auto to = parseIsoDate(q.acceptedTo)) {
        f.where += " AND c.accepted_at < ?";
        f.params.emplace_back(toIsoString(addCalendarDays(*to, 1)));
    }
    if (!q.figure.empty())
        f.where += " AND " + CaseListQuery::figureCondition(q.figure, f.params, today);
    if (q.greenChannelOnly)
        f.where += " AND c.green_channel = 1";
    if (q.overdueOnly) {
        f.where += " AND c.promised_due_date < ?";
        f.params.emplace_back(toIsoString(today));
        f.states = within(f.states, kOpenStates);
    }
    return f;
}

/// The arms of a page: one per state asked for (or one for any state) and, by priority, per
/// green channel (green first). Each is one index range, started at the cursor, whose first rows
/// are its page: a page costs the same at any depth and any table size, where one scan of the
/// order would skip the rows of every other state (an IN list cannot keep an index's order, and
/// the OR of the priority cursor cannot start a range).
struct Arms
{
    struct Arm
    {
        std::string where;
        std::vector<DbValue> params;
    };
    std::vector<Arm> arms;
    // Each arm's order (its state and green channel fixed), the whole order, the page's order,
    // and the arms' columns: the sort key, which the index holds.
    std::string armOrder, order, pageOrder, keys;

    void add(const Filters &f, const std::optional<std::string> &state, const std::string &where,
             const std::vector<DbValue> &params)
    {
        Arm arm{f.where, f.params};
        if (state) {
            arm.where += " AND c.status = ?";
            arm.params.emplace_back(*state);
        }
        arm.where += where;
        arm.params.insert(arm.params.end(), params.begin(), params.end());
        arms.push_back(std::move(arm));
    }
};

Arms armsOf(const CaseListQuery &q, const Filters &f)
{
    Arms a;
    std::vector<std::optional<std::string>> armStates;
    if (f.states)
        armStates.assign(f.states->begin(), f.states->end());
    else
        armStates.emplace_back(std::nullopt);
    if (q.byPriority) {
        std::optional<std::vector<std::string>> key;
        if (!q.cursor.empty()) {
            key = decodeCursor(q.cursor, 4);
            if ((*key)[0] != "p")
                foreignCursor();
        }
        const std::int64_t after = key && (*key)[1] != "1" ? 0 : 1; // green channel of the cursor
        for (const auto &state : armStates) {
            for (const std::int64_t green : {std::int64_t{1}, std::int64_t{0}}) {
                if ((key && green > after) || (q.greenChannelOnly && green == 0))
                    continue;
                if (key && green == after)
                    a.add(f, state, " AND c.green_channel = ? AND (c.promised_due_date, c.id) > (?, ?)",
                          {DbValue{green}, DbValue{(*key)[2]}, DbValue{(*key)[3]}});
                else
                    a.add(f, state, " AND c.green_channel = ?", {DbValue{green}});
            }
        }
        a.armOrder = "c.promised_due_date, c.id";
        a.order = "green_channel DESC, promised_due_date, id";
        a.pageOrder = "k.green_channel DESC, k.promised_due_date, k.id";
        a.keys = "c.green_channel, c.promised_due_date, c.id";
        return a;
    }
    std::vector<std::string> key;
    if (!q.cursor.empty()) {
        key = decodeCursor(q.cursor, 3);
        if (key[0] != "n")
            foreignCursor();
    }
    for (const auto &state : armStates)
        a.add(f, state, key.empty() ? std::string() : " AND (c.accepted_at, c.id) < (?, ?)",
              key.empty() ? std::vector<DbValue>{} : std::vector<DbValue>{key[1], key[2]});
    a.armOrder = "c.accepted_at DESC, c.id DESC";
    a.order = "accepted_at DESC, id DESC";
    a.pageOrder = "k.accepted_at DESC, k.id DESC";
    a.keys = "c.accepted_at, c.id";
    return a;
}

/// An approver's own queue of pending parts by priority, with no filter the department's queue
/// (CaseQueue) does not hold: its rows are the page's, in its index's order, one range per green
/// channel from the cursor. nullopt: the query needs the general path.
std::optional<CaseListQuery::Sql> fromDepartmentQueue(const CaseListQuery &q, const Principal &user, const Date &today)
{
    if (user.role != "approver" || q.part != "pending" || !q.byPriority || !q.states.empty() || !q.center.empty()
        || !q.number.empty() || !q.applicant.empty() || !q.matter.empty() || !q.acceptedFrom.empty()
        || !q.acceptedTo.empty() || !q.figure.empty() || (!q.department.empty() && q.department != user.department))
        return std::nullopt;
    std::optional<std::vector<std::string>> key;
    if (!q.cursor.empty()) {
        key = decodeCursor(q.cursor, 4);
        if ((*key)[0] != "p")
            foreignCursor();
    }
    std::string filters = " WHERE q.department = ? AND q.green_channel = ?";
    std::vector<DbValue> filterParams;
    if (!q.dueBefore.empty()) {
        filters += " AND q.promised_due_date < ?";
        filterParams.emplace_back(q.dueBefore);
    }
    if (q.overdueOnly) {
        filters += " AND q.promised_due_date < ?";
        filterParams.emplace_back(toIsoString(today));
    }
    const std::int64_t rows = q.limit + 1;
    const std::int64_t after = key && (*key)[1] != "1" ? 0 : 1; // green channel of the cursor
    CaseListQuery::Sql out;
    std::string united;
    int arm = 0;
    for (const std::int64_t green : {std::int64_t{1}, std::int64_t{0}}) {
        if ((key && green > after) || (q.greenChannelOnly && green == 0))
            continue;
        united += (arm ? " UNION ALL " : "") + std::string("SELECT * FROM (SELECT q.green_channel, q.promised_due_date, "
                                                           "q.case_id FROM case_queue q")
                  + filters;
        out.params.insert(out.params.end(), {DbValue{user.department}, DbValue{green}});
        out.params.insert(out.params.end(), filterParams.begin(), filterParams.end());
        if (key && green == after) {
            united += " AND (q.promised_due_date, q.case_id) > (?, ?)";
            out.params.insert(out.params.end(), {DbValue{(*key)[2]}, DbValue{(*key)[3]}});
        }
        united += " ORDER BY q.promised_due_date, q.case_id LIMIT ?) AS a" + std::to_string(arm++);
        out.params.emplace_back(rows);
    }
    if (arm == 0)
        return std::nullopt;
    out.text = "SELECT " + kListColumns + ", " + outstandingColumn("c") + " FROM (SELECT * FROM (" + united
               + ") AS u ORDER BY green_channel DESC, promised_due_date, case_id LIMIT ?) k JOIN cases c ON c.id = "
                 "k.case_id ORDER BY k.green_channel DESC, k.promised_due_date, k.case_id";
    out.params.emplace_back(rows);
    return out;
}

} // namespace

CaseListQuery::Sql CaseListQuery::sql(const Principal &user, const Date &today) const
{
    if (auto queue = fromDepartmentQueue(*this, user, today))
        return *queue;
    const Filters filters = filtersOf(*this, user, today);
    Arms a = armsOf(*this, filters);
    const std::int64_t rows = limit + 1;
    Sql out;
    if (a.arms.empty()) {
        // No state is left: nothing to list.
        out.text = "SELECT " + kListColumns + ", 0 AS outstanding FROM cases c WHERE 1 = 0 LIMIT ?";
        out.params = {DbValue{rows}};
        return out;
    }
    // One arm of any state: one range of an order's index (cases_order for the newest).
    if (a.arms.size() == 1 && !filters.states) {
        out.text = "SELECT " + kListColumns + ", " + outstandingColumn("c") + " FROM cases c WHERE " + a.arms.front().where
                   + " ORDER BY " + a.armOrder + " LIMIT ?";
        out.params = std::move(a.arms.front().params);
        out.params.emplace_back(rows);
        return out;
    }
    // Arms of states: the keys of each arm's first rows, from the index alone where the filters
    // need no other column (so that PostgreSQL prefers it to a scan of the order's own index,
    // filtering the other states' rows out), the page's keys among them, and only then the
    // page's rows.
    std::string united;
    for (std::size_t i = 0; i < a.arms.size(); ++i) {
        united += (i ? " UNION ALL " : "") + std::string("SELECT * FROM (SELECT ") + a.keys + " FROM cases c WHERE "
                  + a.arms[i].where + " ORDER BY " + a.armOrder + " LIMIT ?) AS a" + std::to_string(i);
        out.params.insert(out.params.end(), a.arms[i].params.begin(), a.arms[i].params.end());
        out.params.emplace_back(rows);
    }
    out.text = "SELECT " + kListColumns + ", " + outstandingColumn("c") + " FROM (SELECT * FROM (" + united + ") AS u ORDER BY "
               + a.order + " LIMIT ?) k JOIN cases c ON c.id = k.id ORDER BY " + a.pageOrder;
    out.params.emplace_back(rows);
    return out;
}

std::string CaseListQuery::figureCondition(const std::string &figure, std::vector<DbValue> &params, const Date &today)
{
    if (figure == "followUps.overdue") {
        params.emplace_back(toIsoString(today));
        return "(SELECT COUNT(*) FROM follow_ups fu WHERE fu.case_id = c.id AND fu.closed_at IS NULL AND fu.due_date "
               "< ?) > 0";
    }
    // The summary's key, and the column of case_figures that is not 0 for the cases it counts.
    static const std::map<std::string, std::string> columns{
        {"cases.acceptedWithDeficiency", "with_deficiency"},
        {"cases.refused", "refused"},
        {"cases.returned", "returned"},
        {"cases.approved", "approved"},
        {"cases.rejected", "rejected"},
        {"cases.terminated", "terminated"},
        {"cases.delivered", "delivered"},
        {"timeLimits.decided", "decided"},
        {"timeLimits.withinPromised", "within_promised"},
        {"timeLimits.withinLegal", "within_legal"},
        {"deficiencies.total", "deficiencies"},
        {"deficiencies.suppliedInTime", "supplied_in_time"},
        {"deficiencies.suppliedLate", "supplied_late"},
        {"deficiencies.waived", "waived"},
        {"deficiencies.terminated", "deficiencies_terminated"},
        {"deficiencies.outstanding", "outstanding"},
        {"ratings.total", "rated"},
        {"ratings.levels.1", "level_1"},
        {"ratings.levels.2", "level_2"},
        {"ratings.levels.3", "level_3"},
        {"ratings.levels.4", "level_4"},
        {"ratings.levels.5", "level_5"},
        {"followUps.total", "follow_ups"},
        {"followUps.open", "open_follow_ups"},
    };
    std::string condition;
    if (figure == "cases.accepted")
        condition = "f.refused = 0";
    else if (figure == "timeLimits.latePromised")
        condition = "f.decided > 0 AND f.within_promised = 0";
    else if (figure == "ratings.satisfied")
        condition = "f.level_3 + f.level_4 + f.level_5 > 0";
    else if (figure == "ratings.dissatisfied")
        condition = "f.level_1 + f.level_2 > 0";
    else if (const auto column = columns.find(figure); column != columns.end())
        condition = "f." + column->second + " > 0";
    else
        return {};
    return "EXISTS (SELECT 1 FROM case_figures f WHERE f.case_id = c.id AND " + condition + ")";
}

std::string CaseListQuery::cursorAfter(const DbRow &last) const
{
    if (byPriority)
        return encodeCursor({"p", last.integer("green_channel") ? "1" : "0", last.text("promised_due_date"),
                             last.text("id")});
    return encodeCursor({"n", last.text("accepted_at"), last.text("id")});
}

} // namespace onewindow::server
