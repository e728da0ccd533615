#pragma once

#include "domain/date.h"

#include <optional>
#include <string>

namespace onewindow::server {

/// The applicant's ID number or credit code in the stored form; nullopt when it is neither.
std::optional<std::string> normalizedApplicantId(const std::string &identifier, const Date &today);

/// The same for an `{identifier}` of a path; 422 on `identifier` when it is neither.
std::string applicantIdOrThrow(const std::string &identifier, const Date &today);

} // namespace onewindow::server
