#pragma once

#include "domain/date.h"

#include <string>

namespace onewindow::server {

class Transaction;

/// The next case number of `center` on `day`: its counter of the day, counted up in `tx`, which
/// holds the counter's row until it ends (so keep it short). Every number is given once.
std::string nextCaseNumber(Transaction &tx, const std::string &center, const Date &day);

/// Takes the reserved `number` for case `caseId` of `center`, in the case's write transaction:
/// once only. Throws 422 (field `number`) `number_not_reserved` when the centre did not reserve
/// it, `number_used` when another case has it.
void claimReservedNumber(Transaction &tx, const std::string &number, const std::string &center,
                         const std::string &caseId);

} // namespace onewindow::server
