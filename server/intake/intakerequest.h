#pragma once

#include "domain/bundlemerge.h"
#include "domain/date.h"
#include "http/message.h"

#include <Poco/JSON/Object.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace onewindow::server {

class FieldErrors;

/// The body of POST /cases, read and checked field by field (against nothing stored yet).
struct IntakeRequest
{
    std::vector<std::string> matterCodes;
    std::string bundle;
    std::string applicantKind;
    std::string applicantName;
    std::string applicantId; ///< ID number or credit code, normalized
    std::string legalRepresentative;
    std::string phone;
    std::string center;
    /// A number the centre reserved for an offline intake (POST /centers/{code}/number-blocks);
    /// empty: the server numbers the case.
    std::string number;
    std::string channel;
    bool greenChannel = false;
    std::string greenChannelReason; ///< why a case is in the green channel (required with it)
    Poco::JSON::Object::Ptr form;
    struct Material
    {
        std::string code;
        std::string provided;
        std::optional<Date> dueDate;
        std::size_t index = 0;
    };
    std::vector<Material> materials;
    /// Present when the counter does not accept the application and puts its refusal on record.
    struct Refusal
    {
        std::string kind;   ///< one_time_notice (一次性告知) | non_acceptance (不予受理)
        std::string reason; ///< a `not_accepted` reason code of one of the matters
        std::string note;
    };
    std::optional<Refusal> refusal;

    /// Every problem goes into `errors`; what could be read is returned all the same.
    static IntakeRequest parse(const Poco::JSON::Object::Ptr &body, const Principal &user, const Date &today,
                               FieldErrors &errors);
};

/// A phone number as the hall takes one: a mobile's 11 digits, or a landline with its area code
/// (a dash after it allowed).
bool isPhone(const std::string &s);

/// The form's values against the fields the matters ask for (required, and each of its type).
void validateForm(const MergedIntake &merged, const Poco::JSON::Object::Ptr &form, const Date &today,
                  FieldErrors &errors);

} // namespace onewindow::server
