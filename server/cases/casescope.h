#pragma once

#include "http/message.h"

#include <string>
#include <vector>

namespace onewindow::server {

class Transaction;

/// The departments of a case as stored (",HF,MR,"), one by one.
std::vector<std::string> storedDepartments(const std::string &stored);

/// Throws 404 unless the case exists and is in scope for `capability` (an
/// AuthorizationPolicy::Capability).
void requireCaseInScope(Transaction &tx, const Principal &user, const std::string &caseId, int capability);

} // namespace onewindow::server
