#include "delivery/deliveryrequest.h"

#include "domain/idnumber.h"
#include "http/problem.h"
#include "json.h"

namespace onewindow::server {

DeliveryRequest DeliveryRequest::parse(const Poco::JSON::Object::Ptr &body, const Date &today, FieldErrors &errors)
{
    DeliveryRequest r;
    const auto recipient = optObject(body, "recipient");
    if (!recipient) {
        errors.add("recipient", "Who collects the result: kind, name and ID number.", "required");
        return r;
    }
    r.kind = optString(recipient, "kind").value_or("");
    if (r.kind != "applicant" && r.kind != "agent")
        errors.add("recipient.kind", "Either applicant or agent.", "invalid");
    r.name = trimmed(optString(recipient, "name").value_or(""));
    if (r.name.empty() || r.name.size() > 300)
        errors.add("recipient.name", "The recipient's name, as on the ID card.", "required");
    const std::string id = optString(recipient, "idNumber").value_or("");
    const auto problem = IdNumber::check(id, today);
    if (problem != IdNumber::Problem::None)
        errors.add("recipient.idNumber", "Not a valid citizen ID number.", IdNumber::problemCode(problem));
    else
        r.idNumber = IdNumber::parse(id)->text();
    r.authorization = optString(recipient, "authorization").value_or("");
    if (r.kind == "agent" && r.authorization.empty())
        errors.add("recipient.authorization", "An agent collects with the applicant's written authorisation: "
                                              "scan it and attach it to the case.",
                   "authorization_required");
    r.method = optString(body, "method").value_or("counter");
    if (r.method != "counter" && r.method != "mail")
        errors.add("method", "Either counter or mail.", "invalid");
    r.trackingNumber = trimmed(optString(body, "trackingNumber").value_or(""));
    if (r.method == "mail" && r.trackingNumber.empty())
        errors.add("trackingNumber", "A result sent by mail needs its tracking number.", "required");
    else if (r.trackingNumber.size() > 50)
        errors.add("trackingNumber", "At most 50 characters.", "too_long");
    r.signature = optString(body, "signature").value_or("");
    if (r.method == "counter" && r.signature.empty())
        errors.add("signature", "The recipient signs for the result: the signature pad's image or the "
                                "signed receipt, scanned.",
                   "signature_required");
    return r;
}

} // namespace onewindow::server
