#include "applicants/applicantid.h"

#include "domain/creditcode.h"
#include "domain/idnumber.h"
#include "http/problem.h"

namespace onewindow::server {

std::optional<std::string> normalizedApplicantId(const std::string &identifier, const Date &today)
{
    if (const auto id = IdNumber::parse(identifier, today))
        return id->text();
    if (const auto code = CreditCode::parse(identifier))
        return code->text();
    return std::nullopt;
}

std::string applicantIdOrThrow(const std::string &identifier, const Date &today)
{
    const auto applicant = normalizedApplicantId(identifier, today);
    if (!applicant) {
        FieldErrors errors;
        errors.add("identifier", "Neither a valid citizen ID number nor a valid unified social credit code.",
                   "invalid");
        errors.throwIfAny();
    }
    return *applicant;
}

} // namespace onewindow::server
