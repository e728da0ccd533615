#include "intake/casenumbers.h"

#include "db/database.h"
#include "domain/casenumber.h"
#include "http/problem.h"

#include <stdexcept>

namespace onewindow::server {

std::string nextCaseNumber(Transaction &tx, const std::string &center, const Date &day)
{
    const auto counter = tx.queryOne(
        "INSERT INTO case_counters (center, day, last) VALUES (?, ?, 1) ON CONFLICT (center, day) DO UPDATE SET "
        "last = case_counters.last + 1 RETURNING last",
        {center, toIsoString(day)});
    const auto number = CaseNumber::make(center, day, static_cast<long>(counter->integer("last")));
    if (!number)
        throw std::runtime_error("cannot number a case for centre " + center);
    return number->text();
}

void claimReservedNumber(Transaction &tx, const std::string &number, const std::string &center,
                         const std::string &caseId)
{
    // Whichever intake gets here first takes it: the update changes the row once.
    if (!tx.query("UPDATE number_reservations SET case_id = ? WHERE number = ? AND center = ? AND case_id IS NULL "
                  "RETURNING number",
                  {caseId, number, center})
             .empty())
        return;
    FieldErrors errors;
    if (tx.queryOne("SELECT number FROM number_reservations WHERE number = ? AND center = ?", {number, center}))
        errors.add("number", "Another case was accepted under this number.", "number_used");
    else
        errors.add("number", "This number was not reserved for this centre.", "number_not_reserved");
    errors.throwIfAny();
}

} // namespace onewindow::server
