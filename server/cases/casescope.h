#pragma once

#include "http/message.h"

#include <cstdint>
#include <string>
#include <vector>

namespace onewindow::server {

class Transaction;

/// The departments of a case as stored (",HF,MR,"), one by one.
std::vector<std::string> storedDepartments(const std::string &stored);

/// Whether the case exists and is in scope for `capability` (an AuthorizationPolicy::Capability).
bool caseInScope(Transaction &tx, const Principal &user, const std::string &caseId, int capability);

/// Throws 404 unless the case exists and is in scope for `capability` (an
/// AuthorizationPolicy::Capability).
void requireCaseInScope(Transaction &tx, const Principal &user, const std::string &caseId, int capability);

/// The If-Match of a change to a case: required (428), and naming the version the case has (412
/// otherwise); answers that version.
std::int64_t requireCaseVersion(Transaction &tx, const std::string &caseId, const std::string &ifMatch);

} // namespace onewindow::server
