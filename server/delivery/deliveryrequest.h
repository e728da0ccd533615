#pragma once

#include "domain/date.h"

#include <Poco/JSON/Object.h>

#include <string>

namespace onewindow::server {

class FieldErrors;

/// The body of a delivery, checked field by field against nothing stored yet.
struct DeliveryRequest
{
    std::string kind; ///< applicant | agent
    std::string name;
    std::string idNumber; ///< normalised
    std::string authorization;
    std::string method; ///< counter | mail
    std::string trackingNumber;
    std::string signature;

    /// Every problem goes into `errors`; what could be read is returned all the same.
    static DeliveryRequest parse(const Poco::JSON::Object::Ptr &body, const Date &today, FieldErrors &errors);
};

} // namespace onewindow::server
