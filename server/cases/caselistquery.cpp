#include "cases/caselistquery.h"

#include "auth/policy.h"
#include "domain/caselifecycle.h"
#include "http/cursor.h"
#include "http/problem.h"

#include <sstream>
#include <stdexcept>

namespace onewindow::server {

namespace {

// The states in which a case still waits for its department, or is late while it does.
constexpr const char *kOpenStates = "('accepted', 'accepted_with_deficiency', 'under_review', 'returned_for_correction')";
constexpr const char *kReviewableStates = "('accepted', 'accepted_with_deficiency', 'under_review')";

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

bool isCode(const std::string &s, std::size_t maxLength)
{
    if (s.empty() || s.size() > maxLength)
        return false;
    for (const char c : s)
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    return true;
}

[[noreturn]] void foreignCursor()
{
    FieldErrors errors;
    errors.add("cursor", "The cursor is not one this server gave out for this order.", "invalid");
    errors.throwIfAny();
    throw std::logic_error("unreachable");
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
    q.greenChannelOnly = flag(request.queryParam("greenChannel"), "greenChannel", errors).value_or(false);
    q.overdueOnly = flag(request.queryParam("overdue"), "overdue", errors).value_or(false);
    const std::string sort = request.queryParam("sort");
    if (!sort.empty() && sort != "newest" && sort != "priority")
        errors.add("sort", "newest or priority.", "invalid");
    q.byPriority = sort == "priority";
    errors.throwIfAny();
    return q;
}

CaseListQuery::Sql CaseListQuery::sql(const Principal &user, const Date &today) const
{
    const auto scope = AuthorizationPolicy::caseFilter(user, "c");
    Sql out;
    out.text = "SELECT c.*, (SELECT COUNT(*) FROM deficiencies d WHERE d.case_id = c.id AND d.status IN "
               "('outstanding', 'overdue')) AS outstanding FROM cases c WHERE "
               + scope.sql;
    out.params = scope.params;
    if (!states.empty()) {
        out.text += " AND c.status IN (";
        for (std::size_t i = 0; i < states.size(); ++i) {
            out.text += i ? ", ?" : "?";
            out.params.emplace_back(states[i]);
        }
        out.text += ")";
    }
    andIfGiven(out.text, out.params, "c.center", center);
    andIfGiven(out.text, out.params, "c.number", number);
    // An approver's part is their own department's, whatever they ask.
    const std::string partDepartment = user.role == "approver" ? user.department : department;
    if (!department.empty()) {
        out.text += " AND c.departments LIKE ?";
        out.params.emplace_back("%," + department + ",%");
    }
    if (!part.empty() && !partDepartment.empty()) {
        out.text += part == "pending"
                        ? std::string(" AND c.status IN ") + kReviewableStates
                              + " AND EXISTS (SELECT 1 FROM case_parts p WHERE p.case_id = c.id AND p.department = ? "
                                "AND p.status = 'pending')"
                        : " AND EXISTS (SELECT 1 FROM case_parts p WHERE p.case_id = c.id AND p.department = ? AND "
                          "p.status <> 'pending')";
        out.params.emplace_back(partDepartment);
    }
    if (!matter.empty()) {
        out.text += " AND EXISTS (SELECT 1 FROM case_parts m WHERE m.case_id = c.id AND m.matter = ?)";
        out.params.emplace_back(matter);
    }
    if (!dueBefore.empty()) {
        out.text += " AND c.promised_due_date < ?";
        out.params.emplace_back(dueBefore);
    }
    if (greenChannelOnly)
        out.text += " AND c.green_channel = 1";
    if (overdueOnly) {
        out.text += std::string(" AND c.promised_due_date < ? AND c.status IN ") + kOpenStates;
        out.params.emplace_back(toIsoString(today));
    }
    if (byPriority) {
        if (!cursor.empty()) {
            const auto key = decodeCursor(cursor, 4);
            if (key[0] != "p")
                foreignCursor();
            const std::int64_t green = key[1] == "1" ? 1 : 0;
            out.text += " AND (c.green_channel < ? OR (c.green_channel = ? AND (c.promised_due_date, c.id) > (?, ?)))";
            out.params.insert(out.params.end(), {DbValue{green}, DbValue{green}, DbValue{key[2]}, DbValue{key[3]}});
        }
        out.text += " ORDER BY c.green_channel DESC, c.promised_due_date, c.id LIMIT ?";
    } else {
        if (!cursor.empty()) {
            const auto key = decodeCursor(cursor, 3);
            if (key[0] != "n")
                foreignCursor();
            out.text += " AND (c.accepted_at, c.id) < (?, ?)";
            out.params.insert(out.params.end(), {DbValue{key[1]}, DbValue{key[2]}});
        }
        out.text += " ORDER BY c.accepted_at DESC, c.id DESC LIMIT ?";
    }
    out.params.emplace_back(std::int64_t{limit + 1});
    return out;
}

std::string CaseListQuery::cursorAfter(const DbRow &last) const
{
    if (byPriority)
        return encodeCursor({"p", last.integer("green_channel") ? "1" : "0", last.text("promised_due_date"),
                             last.text("id")});
    return encodeCursor({"n", last.text("accepted_at"), last.text("id")});
}

} // namespace onewindow::server
