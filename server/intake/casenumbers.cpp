#include "intake/casenumbers.h"

#include "db/database.h"
#include "domain/casenumber.h"

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

} // namespace onewindow::server
