#include "deficiencies/deficiencytracker.h"

#include "audit/audittrail.h"
#include "auth/policy.h"
#include "catalog/catalog.h"
#include "clock.h"
#include "db/database.h"
#include "db/migrations.h"
#include "domain/caselifecycle.h"
#include "domain/deficiencypolicy.h"
#include "domain/idnumber.h"
#include "http/cursor.h"
#include "http/problem.h"
#include "json.h"
#include "logging/logging.h"
#include "notify/notifier.h"

#include <spdlog/spdlog.h>

#include <map>
#include <set>

namespace onewindow::server {

namespace {

using Cap = AuthorizationPolicy::Capability;
constexpr long kOverdueJobLock = 7003;
constexpr long kTerminationJobLock = 7004;
constexpr long kReminderJobLock = 7005;
constexpr long kStaleClaimSeconds = 600;

// 2026-12-04 -> 2026年12月4日, as an SMS reads.
std::string chineseDate(const std::string &iso)
{
    const auto d = parseIsoDate(iso);
    if (!d)
        return iso;
    return std::to_string(static_cast<int>(d->year())) + "年" + std::to_string(static_cast<unsigned>(d->month()))
           + "月" + std::to_string(static_cast<unsigned>(d->day())) + "日";
}

} // namespace

DeficiencyTracker::DeficiencyTracker(Database &db, const Clock &clock, Catalog &catalog, AuditTrail &audit,
                                     Notifier &notifier, Settings settings)
    : m_db(db)
    , m_clock(clock)
    , m_catalog(catalog)
    , m_audit(audit)
    , m_caseClock(clock, catalog, audit)
    , m_transitions(clock, audit)
    , m_notifier(notifier)
    , m_settings(settings)
{
}

std::string DeficiencyTracker::reminderText(const std::string &kind, const std::string &caseNumber,
                                            const std::string &material, const std::string &dueDate,
                                            const std::string &terminatesAfter)
{
    const std::string head = "【一窗受理】您的办件 " + caseNumber + " 容缺材料“" + material + "”";
    if (kind == "due_today")
        return head + "今日（" + chineseDate(dueDate) + "）到期，请于今日补齐，逾期将终止办理。";
    if (kind == "overdue")
        return head + "已于 " + chineseDate(dueDate) + " 到期未补齐，请于 " + chineseDate(terminatesAfter)
               + " 前补齐，否则将终止办理。";
    return head + "请于 " + chineseDate(dueDate) + " 前补齐，逾期将终止办理。";
}

DeficiencyTracker::Report DeficiencyTracker::runAll()
{
    std::lock_guard lock(m_run);
    Report report;
    report.overdue = markOverdue();
    report.terminated = terminateLapsed();
    report.reminders = createReminders();
    std::tie(report.sent, report.failed) = sendPending();
    if (report.overdue || report.terminated || report.reminders || report.sent || report.failed)
        spdlog::info("deficiency jobs: {} overdue, {} case(s) terminated, {} reminder(s) written, {} sent, {} not sent",
                     report.overdue, report.terminated, report.reminders, report.sent, report.failed);
    return report;
}

// Safe with several instances: the job's lock makes them take turns.
int DeficiencyTracker::markOverdue()
{
    Transaction tx(m_db, Transaction::Mode::Write);
    lockForTransaction(tx, kOverdueJobLock);
    const DbRows rows = tx.query("UPDATE deficiencies SET status = 'overdue', overdue_at = ? WHERE status = "
                                 "'outstanding' AND due_date < ? RETURNING id, case_id, material, due_date",
                                 {m_clock.now(), toIsoString(m_clock.today())});
    std::set<std::string> cases;
    for (const DbRow &row : rows) {
        m_audit.append(tx, row.text("case_id"), "system", "deficiency_overdue",
                       row.text("material") + " was due " + row.text("due_date"));
        cases.insert(row.text("case_id"));
    }
    // The case reads differently now: a new version, so stale copies are refused.
    for (const auto &id : cases)
        tx.execute("UPDATE cases SET version = version + 1, updated_at = ? WHERE id = ?", {m_clock.now(), id});
    tx.commit();
    return static_cast<int>(rows.size());
}

// Deficiencies written before termination dates were recorded get theirs from the case's
// matters (the strictest grace period), once.
void DeficiencyTracker::fillTerminationDates()
{
    Transaction tx(m_db, Transaction::Mode::Write);
    lockForTransaction(tx, kTerminationJobLock);
    const DbRows rows = tx.query("SELECT d.id, d.material, d.due_date, c.matters FROM deficiencies d JOIN cases c ON "
                                 "c.id = d.case_id WHERE d.terminates_after IS NULL AND d.status IN ('outstanding', "
                                 "'overdue')");
    if (rows.empty())
        return;
    const WorkCalendar calendar = m_catalog.calendar(tx);
    for (const DbRow &row : rows) {
        const auto due = parseIsoDate(row.text("due_date"));
        if (!due)
            continue;
        std::optional<Date> ends;
        const auto matters = parseStoredArray(row.text("matters"));
        for (std::size_t i = 0; i < matters->size(); ++i) {
            const auto m = matters->getObject(static_cast<unsigned>(i));
            const auto definition =
                m_catalog.matter(tx, m->getValue<std::string>("code"), m->getValue<int>("version"));
            if (!definition)
                continue;
            const MatterRules rules = definition->rules();
            if (!rules.material(row.text("material")))
                continue;
            const Date t = DeficiencyPolicy::terminationDate(calendar, rules, *due);
            if (!ends || t < *ends)
                ends = t;
        }
        tx.execute("UPDATE deficiencies SET terminates_after = ? WHERE id = ?",
                   {toIsoString(ends.value_or(*due)), row.text("id")});
    }
    tx.commit();
}

int DeficiencyTracker::terminateLapsed()
{
    fillTerminationDates();
    Transaction tx(m_db, Transaction::Mode::Write);
    lockForTransaction(tx, kTerminationJobLock);
    const Date today = m_clock.today();
    const DbRows rows = tx.query(
        "SELECT d.case_id, d.material, d.material_name, d.due_date, d.terminates_after, c.status, c.version, "
        "c.number, c.applicant_id FROM deficiencies d JOIN cases c ON c.id = d.case_id WHERE d.status = 'overdue' "
        "AND d.terminates_after < ? AND c.status <> 'terminated' ORDER BY d.case_id, d.due_date, d.material",
        {toIsoString(today)});
    // One termination per case, naming every lapsed material.
    std::map<std::string, std::vector<const DbRow *>> byCase;
    for (const DbRow &row : rows) {
        const auto ends = parseIsoDate(row.text("terminates_after"));
        if (ends && DeficiencyPolicy::terminationDue(*ends, today))
            byCase[row.text("case_id")].push_back(&row);
    }
    int terminated = 0;
    const std::string now = m_clock.now();
    for (const auto &[caseId, lapsed] : byCase) {
        const DbRow &first = *lapsed.front();
        std::string detail;
        for (const DbRow *row : lapsed)
            detail += (detail.empty() ? "" : "; ") + row->text("material_name") + " (" + row->text("material")
                      + ") due " + row->text("due_date") + ", grace period ended " + row->text("terminates_after");
        // Through the one door, at the version read above: a supply that got in first wins, and
        // the case is left alone.
        CaseTransitions::Change change;
        change.caseId = caseId;
        change.action = CaseAction::Terminate;
        change.actor = "system";
        change.role = Role::System;
        change.facts.deficiencyOverdueBeyondGrace = true;
        change.expectedVersion = first.integer("version");
        change.detail = "not supplied: " + detail;
        change.columns = {{"terminated_at", now}};
        if (!m_transitions.tryApply(tx, change)) {
            spdlog::warn("case {} is past a deficiency's grace period but was not terminated: it is {} or changed "
                         "meanwhile", first.text("number"), first.text("status"));
            continue;
        }
        m_caseClock.resume(tx, caseId, "system", false);
        const std::string applicant = first.text("applicant_id");
        tx.execute("INSERT INTO applicant_records (applicant, broke_commitment, note, updated_at, case_id) VALUES (?, 1, "
                   "?, ?, ?) ON CONFLICT (applicant) DO UPDATE SET broke_commitment = 1, note = excluded.note, "
                   "updated_at = excluded.updated_at, case_id = excluded.case_id",
                   {applicant, "case " + first.text("number") + " terminated: " + detail, now, caseId});
        m_audit.append(tx, caseId, "system", "commitment_broken",
                       (IdNumber::check(applicant) == IdNumber::Problem::None ? IdNumber::mask(applicant) : applicant)
                           + " recorded as having broken the deficiency commitment");
        tx.execute("UPDATE notifications SET status = 'cancelled' WHERE case_id = ? AND status = 'pending'", {caseId});
        ++terminated;
    }
    tx.commit();
    return terminated;
}

int DeficiencyTracker::createReminders()
{
    Transaction tx(m_db, Transaction::Mode::Write);
    lockForTransaction(tx, kReminderJobLock);
    const WorkCalendar calendar = m_catalog.calendar(tx);
    const Date today = m_clock.today();
    const int before = std::max(0, m_settings.daysBefore);
    // Nothing due later than `before` working days from today needs a reminder yet.
    const Date horizon = calendar.addWorkingDays(today, before);
    const DbRows rows = tx.query(
        "SELECT d.id, d.case_id, d.material_name, d.due_date, d.status, d.terminates_after, c.number, "
        "c.applicant_phone FROM deficiencies d JOIN cases c ON c.id = d.case_id WHERE c.status <> 'terminated' AND "
        "(d.status = 'overdue' OR (d.status = 'outstanding' AND d.due_date <= ?)) ORDER BY d.due_date, d.id",
        {toIsoString(horizon)});
    int written = 0;
    const std::string now = m_clock.now();
    for (const DbRow &row : rows) {
        const auto due = parseIsoDate(row.text("due_date"));
        if (!due)
            continue;
        // An overdue material gets the overdue reminder even when the job runs late.
        const auto reminder = row.text("status") == "overdue"
                                  ? std::optional<Reminder>(Reminder::Overdue)
                                  : DeficiencyPolicy::reminderDue(calendar, *due, today, before);
        if (!reminder || (*reminder == Reminder::Overdue && row.text("status") != "overdue"))
            continue; // past due but not marked yet: the overdue step marks it first
        const std::string kind = DeficiencyPolicy::reminderCode(*reminder);
        const std::string text = reminderText(kind, row.text("number"), row.text("material_name"),
                                              row.text("due_date"), row.text("terminates_after"));
        // The unique key (deficiency, kind) makes this once-only, whichever instance gets here first.
        const DbRows inserted =
            tx.query("INSERT INTO notifications (case_id, deficiency_id, kind, recipient, text, created_at, status, "
                     "attempts) VALUES (?, ?, ?, ?, ?, ?, 'pending', 0) ON CONFLICT (deficiency_id, kind) DO NOTHING "
                     "RETURNING id",
                     {row.text("case_id"), row.text("id"), kind, row.text("applicant_phone"), text, now});
        if (inserted.empty())
            continue;
        m_audit.append(tx, row.text("case_id"), "system", "reminder_queued",
                       kind + " to " + row.text("applicant_phone") + ": " + text);
        ++written;
    }
    tx.commit();
    return written;
}

std::pair<int, int> DeficiencyTracker::sendPending()
{
    int sent = 0;
    int failed = 0;
    {
        // A claim left behind by an instance that stopped while sending is taken up again.
        Transaction tx(m_db, Transaction::Mode::Write);
        tx.execute("UPDATE notifications SET status = 'pending' WHERE status = 'sending' AND claimed_at < ?",
                   {m_clock.secondsAgo(kStaleClaimSeconds)});
        tx.commit();
    }
    std::int64_t after = 0;
    for (int batch = 0; batch < 20; ++batch) {
        DbRows rows;
        {
            Transaction tx(m_db, Transaction::Mode::Read);
            rows = tx.query("SELECT n.id, n.case_id, n.kind, n.recipient, n.text, d.status AS deficiency_status, "
                            "c.status AS case_status, (SELECT COUNT(*) FROM evaluations e WHERE e.case_id = n.case_id "
                            "AND e.event = 'delivery') AS rated, (SELECT COUNT(*) FROM follow_ups f WHERE f.case_id = "
                            "n.case_id AND f.closed_at IS NULL) AS open_follow_ups FROM notifications n LEFT JOIN "
                            "deficiencies d ON d.id = n.deficiency_id JOIN cases c ON c.id = n.case_id WHERE "
                            "n.status = 'pending' AND n.id > ? ORDER BY n.id LIMIT 50",
                            {after});
        }
        if (rows.empty())
            break;
        for (const DbRow &row : rows) {
            const std::int64_t id = row.integer("id");
            after = id;
            const std::string deficiency = row.text("deficiency_status");
            const std::string caseStatus = row.text("case_status");
            // A reminder of a material no longer owed, a message whose case moved on, an invitation
            // to rate what was rated, an escalation of follow-ups all closed: none is sent.
            const std::string kind = row.text("kind");
            bool moot = false;
            if (kind == "result_ready")
                moot = caseStatus != "result_ready";
            else if (kind == "rating_invitation")
                moot = row.integer("rated") > 0;
            else if (kind == "follow_up_overdue")
                moot = row.integer("open_follow_ups") == 0;
            else
                moot = deficiency == "supplied" || deficiency == "waived" || caseStatus == "terminated";
            if (moot) {
                Transaction tx(m_db, Transaction::Mode::Write);
                tx.execute("UPDATE notifications SET status = 'cancelled' WHERE id = ? AND status = 'pending'", {id});
                tx.commit();
                continue;
            }
            // Claim it: only the instance whose update changes the row sends it.
            std::int64_t attempts = 0;
            {
                Transaction tx(m_db, Transaction::Mode::Write);
                const DbRows claimed = tx.query("UPDATE notifications SET status = 'sending', claimed_at = ?, "
                                                "attempts = attempts + 1 WHERE id = ? AND status = 'pending' "
                                                "RETURNING attempts",
                                                {m_clock.now(), id});
                tx.commit();
                if (claimed.empty())
                    continue;
                attempts = claimed.front().integer("attempts");
            }
            Notifier::Result result;
            try {
                result = m_notifier.send(row.text("recipient"), row.text("text"));
            } catch (const std::exception &e) {
                result = {false, e.what()};
            }
            Transaction tx(m_db, Transaction::Mode::Write);
            if (result.sent) {
                tx.execute("UPDATE notifications SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ?",
                           {m_clock.now(), id});
                m_audit.append(tx, row.text("case_id"), "system", "reminder_sent",
                               row.text("kind") + " to " + row.text("recipient"));
                ++sent;
            } else {
                const bool giveUp = attempts >= m_settings.maxAttempts;
                tx.execute("UPDATE notifications SET status = ?, last_error = ? WHERE id = ?",
                           {std::string(giveUp ? "failed" : "pending"), result.error, id});
                if (giveUp)
                    m_audit.append(tx, row.text("case_id"), "system", "reminder_failed",
                                   row.text("kind") + " to " + row.text("recipient") + " after "
                                       + std::to_string(attempts) + " attempt(s): " + result.error);
                spdlog::warn("reminder {} to {} not sent (attempt {}): {}", id, logging::escaped(row.text("recipient")),
                             attempts, logging::escaped(result.error, 1000));
                ++failed;
            }
            tx.commit();
        }
    }
    return {sent, failed};
}

Poco::JSON::Object::Ptr DeficiencyTracker::list(const Principal &user, const std::string &caseId,
                                                const std::string &status, int limit, const std::string &cursor)
{
    AuthorizationPolicy::require(user, Cap::ReadNotifications);
    static const std::set<std::string> statuses{"pending", "sending", "sent", "failed", "cancelled"};
    if (!status.empty() && !statuses.contains(status)) {
        FieldErrors errors;
        errors.add("status", "One of pending, sending, sent, failed, cancelled.", "invalid");
        errors.throwIfAny();
    }
    const auto filter = AuthorizationPolicy::caseFilter(user, "c");
    std::string sql = "SELECT n.*, c.number, d.material, d.material_name, d.due_date FROM notifications n JOIN cases c "
                      "ON c.id = n.case_id LEFT JOIN deficiencies d ON d.id = n.deficiency_id WHERE "
                      + filter.sql;
    std::vector<DbValue> params = filter.params;
    andIfGiven(sql, params, "n.case_id", caseId);
    andIfGiven(sql, params, "n.status", status);
    appendIdPage(sql, params, "n.id", cursor, limit);
    Transaction tx(m_db, Transaction::Mode::Read);
    return idPageAnswer(tx.query(sql, params), limit, [](const DbRow &row) {
        auto o = newObject();
        o->set("id", row.text("id"));
        o->set("caseId", row.text("case_id"));
        o->set("caseNumber", row.text("number"));
        // A message about the case as a whole (result_ready) has no deficiency.
        o->set("deficiencyId", orNull(row.optText("deficiency_id")));
        o->set("material", orNull(row.optText("material")));
        o->set("materialName", orNull(row.optText("material_name")));
        o->set("dueDate", orNull(row.optText("due_date")));
        o->set("kind", row.text("kind"));
        o->set("recipient", row.text("recipient"));
        o->set("text", row.text("text"));
        o->set("status", row.text("status"));
        o->set("attempts", row.integer("attempts"));
        o->set("lastError", orNull(row.optText("last_error")));
        o->set("createdAt", row.text("created_at"));
        o->set("sentAt", orNull(row.optText("sent_at")));
        return o;
    });
}

} // namespace onewindow::server
