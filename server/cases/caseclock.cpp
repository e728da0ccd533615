#include "cases/caseclock.h"

#include "audit/audittrail.h"
#include "cases/casequeue.h"
#include "catalog/catalog.h"
#include "clock.h"
#include "db/database.h"
#include "domain/deficiencypolicy.h"

namespace onewindow::server {

void CaseClock::resume(Transaction &tx, const std::string &caseId, const std::string &actor, bool moveDueDate) const
{
    const auto pause = tx.queryOne("SELECT id, started_at FROM case_clock_pauses WHERE case_id = ? AND ended_at IS "
                                   "NULL ORDER BY id DESC LIMIT 1",
                                   {caseId});
    if (!pause)
        return;
    const WorkCalendar calendar = m_catalog.calendar(tx);
    const Date today = m_clock.today();
    const Date start = parseIsoDate(pause->text("started_at")).value_or(today);
    const int days = DeficiencyPolicy::pausedWorkingDays(calendar, start, today);
    tx.execute("UPDATE case_clock_pauses SET ended_at = ?, working_days = ? WHERE id = ?",
               {toIsoString(today), std::int64_t{days}, pause->integer("id")});
    std::string detail = pause->text("started_at") + " to " + toIsoString(today) + ", " + std::to_string(days)
                         + " working day(s)";
    if (moveDueDate && days > 0) {
        const auto row = tx.queryOne("SELECT promised_due_date FROM cases WHERE id = ?", {caseId});
        if (const auto due = parseIsoDate(row->text("promised_due_date"))) {
            const Date moved = calendar.addWorkingDays(*due, days);
            tx.execute("UPDATE cases SET promised_due_date = ? WHERE id = ?", {toIsoString(moved), caseId});
            CaseQueue::sync(tx, caseId);
            detail += "; promised due date " + toIsoString(*due) + " -> " + toIsoString(moved);
        }
    }
    m_audit.append(tx, caseId, actor, "clock_resumed", detail);
}

} // namespace onewindow::server
