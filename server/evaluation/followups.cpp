#include "evaluation/followups.h"

#include "audit/audittrail.h"
#include "auth/policy.h"
#include "cases/casejson.h"
#include "cases/casescope.h"
#include "catalog/catalog.h"
#include "clock.h"
#include "http/cursor.h"
#include "http/problem.h"
#include "json.h"

#include <charconv>

namespace onewindow::server {

namespace {

using Cap = AuthorizationPolicy::Capability;

const char *const kSelect =
    "SELECT f.*, c.number, c.matters, c.applicant_name, c.applicant_phone, u.display_name AS assignee_name "
    "FROM follow_ups f JOIN cases c ON c.id = f.case_id LEFT JOIN users u ON u.username = f.assigned_to";

std::int64_t followUpId(const std::string &text)
{
    std::int64_t id = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc() || end != text.data() + text.size() || id <= 0)
        throw ApiError::notFound();
    return id;
}

std::string levelName(std::int64_t level)
{
    static const char *const names[] = {"非常不满意", "不满意", "基本满意", "满意", "非常满意"};
    return level >= 1 && level <= 5 ? names[level - 1] : std::to_string(level);
}

/// A required text of at most 1000 characters (3000 bytes of UTF-8), trimmed.
std::string requiredText(const Poco::JSON::Object::Ptr &json, const std::string &field, const std::string &explain,
                         FieldErrors &errors)
{
    const std::string text = trimmed(optString(json, field).value_or(""));
    if (text.empty())
        errors.add(field, explain, "required");
    else if (text.size() > 3000)
        errors.add(field, "At most 1000 characters.", "too_long");
    return text;
}

[[noreturn]] void alreadyClosed()
{
    throw ApiError(409, "follow_up_closed", "Follow-up closed", "This follow-up is closed already.");
}

/// The call-back notes of the follow-ups in `rows`, in the order they were written.
DbRows notesOf(Transaction &tx, const DbRows &rows)
{
    if (rows.empty())
        return {};
    std::string sql = "SELECT follow_up_id, note, written_by, at FROM follow_up_notes WHERE follow_up_id IN (";
    std::vector<DbValue> params;
    for (const DbRow &row : rows) {
        sql += params.empty() ? "?" : ", ?";
        params.emplace_back(row.integer("id"));
    }
    return tx.query(sql + ") ORDER BY id", params);
}

} // namespace

void FollowUps::open(Transaction &tx, const std::string &caseId, const std::string &event, int level,
                     const std::string &comment) const
{
    const auto hall = tx.queryOne("SELECT COALESCE(ce.parent, ce.code) AS hall FROM cases c JOIN centers ce ON "
                                  "ce.code = c.center WHERE c.id = ?",
                                  {caseId});
    const std::string hallCode = hall->text("hall");
    const auto supervisor = tx.queryOne("SELECT username FROM users WHERE role = 'supervisor' AND center = ? AND "
                                        "disabled = 0 ORDER BY username LIMIT 1",
                                        {hallCode});
    const Date due = m_catalog.calendar(tx, Catalog::Freshness::Recent)
                         .addWorkingDays(m_clock.today(), m_settings.dueWorkingDays);
    const DbValue assignee = supervisor ? DbValue{supervisor->text("username")} : DbValue{};
    tx.execute("INSERT INTO follow_ups (case_id, event, level, comment, hall, assigned_to, opened_at, due_date) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               {caseId, event, std::int64_t{level}, comment, hallCode, assignee, m_clock.now(), toIsoString(due)});
    m_audit.append(tx, caseId, "system", "follow_up_opened",
                   event + " rated " + levelName(level) + ": a call back by "
                       + (supervisor ? supervisor->text("username") : std::string("the hall's supervisor (none)"))
                       + " due " + toIsoString(due));
}

Poco::JSON::Object::Ptr FollowUps::list(const Principal &user, const std::string &state, int limit,
                                        const std::string &cursor)
{
    AuthorizationPolicy::require(user, Cap::FollowUpRating);
    const auto filter = AuthorizationPolicy::caseFilter(user, "c");
    std::string sql = std::string(kSelect) + " WHERE " + filter.sql;
    std::vector<DbValue> params = filter.params;
    const std::string today = toIsoString(m_clock.today());
    if (state == "open" || state.empty()) {
        sql += " AND f.closed_at IS NULL";
    } else if (state == "overdue") {
        sql += " AND f.closed_at IS NULL AND f.due_date < ?";
        params.emplace_back(today);
    } else if (state == "closed") {
        sql += " AND f.closed_at IS NOT NULL";
    } else {
        FieldErrors errors;
        errors.add("state", "One of open, overdue, closed.", "invalid");
        errors.throwIfAny();
    }
    appendIdPage(sql, params, "f.id", cursor, limit);
    Transaction tx(m_db, Transaction::Mode::Read);
    const DbRows rows = tx.query(sql, params);
    const DbRows notes = notesOf(tx, rows);
    return idPageAnswer(rows, limit, [&](const DbRow &row) { return toJson(row, notes); });
}

Poco::JSON::Object::Ptr FollowUps::get(const Principal &user, const std::string &id)
{
    Transaction tx(m_db, Transaction::Mode::Read);
    const DbRow row = requireFollowUp(tx, user, id);
    return toJson(row, notesOf(tx, {row}));
}

Response FollowUps::addNote(const Principal &user, const std::string &id, const std::string &body)
{
    const auto json = parseObject(body);
    Transaction tx(m_db, Transaction::Mode::Write);
    const DbRow row = requireFollowUp(tx, user, id);
    FieldErrors errors;
    const std::string note = requiredText(json, "note", "What the citizen said and what was done.", errors);
    errors.throwIfAny();
    if (!row.isNull("closed_at"))
        alreadyClosed();
    tx.execute("INSERT INTO follow_up_notes (follow_up_id, note, written_by, at) VALUES (?, ?, ?, ?)",
               {row.integer("id"), note, user.username, m_clock.now()});
    m_audit.append(tx, row.text("case_id"), user.username, "follow_up_note", row.text("event") + ": " + note);
    auto result = toJson(row, notesOf(tx, {row}));
    tx.commit();
    return Response::json(201, result);
}

Response FollowUps::close(const Principal &user, const std::string &id, const std::string &body)
{
    const auto json = parseObject(body);
    const auto second = optNumber(json, "secondLevel");
    Transaction tx(m_db, Transaction::Mode::Write);
    const DbRow row = requireFollowUp(tx, user, id);
    FieldErrors errors;
    const std::string resolution = requiredText(json, "resolution", "How the complaint was resolved.", errors);
    if (!second || *second < 1 || *second > 5 || static_cast<int>(*second) != *second)
        errors.add("secondLevel", "The citizen's second rating, from 1 (非常不满意) to 5 (非常满意).", "invalid");
    errors.throwIfAny();
    if (!row.isNull("closed_at"))
        alreadyClosed();
    if (!tx.queryOne("SELECT id FROM follow_up_notes WHERE follow_up_id = ? LIMIT 1", {row.integer("id")}))
        throw ApiError(409, "call_back_missing", "No call back on record",
                       "Write down the call back to the citizen before closing the follow-up.");
    const auto level = static_cast<std::int64_t>(*second);
    // Only one closing wins, whichever instance gets here first.
    const DbRows closed = tx.query("UPDATE follow_ups SET closed_at = ?, closed_by = ?, resolution = ?, "
                                   "second_level = ? WHERE id = ? AND closed_at IS NULL RETURNING id",
                                   {m_clock.now(), user.username, resolution, level, row.integer("id")});
    if (closed.empty())
        alreadyClosed();
    m_audit.append(tx, row.text("case_id"), user.username, "follow_up_closed",
                   row.text("event") + ": second rating " + levelName(level) + "; " + resolution);
    const DbRow current = *tx.queryOne(std::string(kSelect) + " WHERE f.id = ?", {row.integer("id")});
    auto result = toJson(current, notesOf(tx, {current}));
    tx.commit();
    return Response::json(200, result);
}

int FollowUps::escalateOverdue()
{
    Transaction tx(m_db, Transaction::Mode::Write);
    const std::string now = m_clock.now();
    // Once each, whichever instance gets here first: the update claims the row.
    const DbRows due = tx.query("UPDATE follow_ups SET escalated_at = ? WHERE closed_at IS NULL AND escalated_at IS "
                                "NULL AND due_date < ? RETURNING id, case_id, event, level, due_date, assigned_to",
                                {now, toIsoString(m_clock.today())});
    for (const DbRow &f : due) {
        const auto c = tx.queryOne("SELECT c.number, c.matters, u.phone FROM cases c LEFT JOIN users u ON "
                                   "u.username = ? WHERE c.id = ?",
                                   {f.text("assigned_to"), f.text("case_id")});
        const std::string phone = c->text("phone");
        std::string detail = f.text("event") + " follow-up due " + f.text("due_date") + " is overdue";
        if (phone.empty()) {
            detail += "; no phone on record for " + (f.isNull("assigned_to") ? "the hall's supervisor" : f.text("assigned_to"));
        } else {
            const std::string text = "【一窗受理】差评回访逾期：办件 " + c->text("number") + "（"
                                     + matterNames(c->text("matters")) + "）的“" + levelName(f.integer("level"))
                                     + "”评价应于 " + f.text("due_date") + " 前回访办结，请尽快处理。";
            // One message per case and kind (the partial unique index of migration 10).
            tx.execute("INSERT INTO notifications (case_id, deficiency_id, kind, recipient, text, created_at, status, "
                       "attempts) VALUES (?, NULL, 'follow_up_overdue', ?, ?, ?, 'pending', 0) ON CONFLICT DO NOTHING",
                       {f.text("case_id"), phone, text, now});
            detail += "; an SMS to " + f.text("assigned_to");
        }
        m_audit.append(tx, f.text("case_id"), "system", "follow_up_escalated", detail);
    }
    tx.commit();
    return static_cast<int>(due.size());
}

DbRow FollowUps::requireFollowUp(Transaction &tx, const Principal &user, const std::string &id) const
{
    AuthorizationPolicy::require(user, Cap::FollowUpRating);
    const auto row = tx.queryOne(std::string(kSelect) + " WHERE f.id = ?", {followUpId(id)});
    if (!row)
        throw ApiError::notFound();
    requireCaseInScope(tx, user, row->text("case_id"), static_cast<int>(Cap::FollowUpRating));
    return *row;
}

Poco::JSON::Object::Ptr FollowUps::toJson(const DbRow &row, const DbRows &notes) const
{
    auto o = newObject();
    const bool closed = !row.isNull("closed_at");
    const bool overdue = !closed && row.text("due_date") < toIsoString(m_clock.today());
    o->set("id", row.text("id"));
    o->set("caseId", row.text("case_id"));
    o->set("caseNumber", row.text("number"));
    o->set("matterNames", matterNames(row.text("matters")));
    o->set("applicantName", row.text("applicant_name"));
    o->set("applicantPhone", row.text("applicant_phone"));
    o->set("event", row.text("event"));
    o->set("level", row.integer("level"));
    o->set("comment", row.text("comment"));
    o->set("state", closed ? "closed" : overdue ? "overdue" : "open");
    o->set("assignedTo", orNull(row.optText("assigned_to")));
    o->set("assigneeName", orNull(row.optText("assignee_name")));
    o->set("openedAt", row.text("opened_at"));
    o->set("dueDate", row.text("due_date"));
    o->set("escalatedAt", orNull(row.optText("escalated_at")));
    o->set("closedAt", orNull(row.optText("closed_at")));
    o->set("closedBy", orNull(row.optText("closed_by")));
    o->set("resolution", orNull(row.optText("resolution")));
    if (row.isNull("second_level"))
        o->set("secondLevel", Poco::Dynamic::Var());
    else
        o->set("secondLevel", row.integer("second_level"));
    auto list = newArray();
    for (const DbRow &n : notes) {
        if (n.integer("follow_up_id") != row.integer("id"))
            continue;
        auto note = newObject();
        note->set("note", n.text("note"));
        note->set("writtenBy", n.text("written_by"));
        note->set("at", n.text("at"));
        list->add(note);
    }
    o->set("notes", list);
    return o;
}

} // namespace onewindow::server
