#include "cases/casequeue.h"

#include "db/database.h"

namespace onewindow::server {

namespace {

// A case's department rows: the departments of its pending parts, while the case can be decided.
const std::string kRows = "SELECT DISTINCT p.department, c.green_channel, c.promised_due_date, c.id FROM case_parts p "
                          "JOIN cases c ON c.id = p.case_id WHERE p.status = 'pending' AND c.status IN ('accepted', "
                          "'accepted_with_deficiency', 'under_review')";

} // namespace

void CaseQueue::sync(Transaction &tx, const std::string &caseId)
{
    tx.execute("DELETE FROM case_queue WHERE case_id = ?", {caseId});
    tx.execute("INSERT INTO case_queue (department, green_channel, promised_due_date, case_id) " + kRows
                   + " AND p.case_id = ?",
               {caseId});
}

void CaseQueue::rebuild(Transaction &tx)
{
    tx.execute("DELETE FROM case_queue");
    tx.execute("INSERT INTO case_queue (department, green_channel, promised_due_date, case_id) " + kRows);
}

} // namespace onewindow::server
