#pragma once

#include "domain/date.h"

#include <string>

namespace onewindow::server {

class Transaction;

/// The next case number of `center` on `day`: its counter of the day, counted up in `tx`, which
/// holds the counter's row until it ends (so keep it short). Every number is given once.
std::string nextCaseNumber(Transaction &tx, const std::string &center, const Date &day);

} // namespace onewindow::server
