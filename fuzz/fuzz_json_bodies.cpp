// The JSON request bodies the server reads: each parser gets what parseObject (server/json)
// makes of the bytes, as the routes do. The first byte picks the parser:
//   0 POST /sessions and PUT /calendar/{date}: the members the routes read with opt*()
//   1 POST /cases: IntakeRequest::parse
//   2 PUT /calendar/years/{year}: HolidaySchedule::fromJson
//   3 PUT /bundles/{code}: BundleDefinition::fromJson
//   4 a matter's definition (drafts, PUT /matters/{code}, the catalog import): MatterDefinition::fromJson
//   5 POST /cases/{id}/delivery: DeliveryRequest::parse
//   6 POST /transfers: TransferRequest::parse
//   7 POST /cases's form against a matter's fields: {"matter": definition, "form": values}, validateForm
// A malformed body is ApiError 400 malformed_json and nothing else; a parser reports problems
// in FieldErrors and never throws; what the server writes back as JSON parses again; and a
// definition that was accepted reads back from its own JSON as the same.

#include "fuzz.h"

#include "catalog/catalog.h"
#include "catalog/holidayschedule.h"
#include "delivery/deliveryrequest.h"
#include "domain/bundlemerge.h"
#include "http/message.h"
#include "http/problem.h"
#include "intake/intakerequest.h"
#include "json.h"
#include "transfers/transferrequest.h"

#include <Poco/Exception.h>

using namespace onewindow;
using namespace onewindow::server;
using onewindow::fuzz::require;

namespace {

const Date kToday = *parseIsoDate("2026-11-27");

/// What the server writes back (a stored form, an exported definition) reads back.
void requireReadsBack(const Poco::JSON::Object::Ptr &object)
{
    const std::string text = toJson(object);
    try {
        (void)parseStoredObject(text);
    } catch (const Poco::Exception &e) {
        std::fprintf(stderr, "%s\n%s\n", e.displayText().c_str(), text.c_str());
        require(false, "JSON the server writes parses again");
    }
}

void sessionsAndCalendarDay(const Poco::JSON::Object::Ptr &body)
{
    (void)optString(body, "username");
    (void)optString(body, "password");
    (void)optBool(body, "working");
    (void)optString(body, "holiday");
    (void)optNumber(body, "year");
    (void)optObject(body, "form");
    (void)optArray(body, "items");
    requireReadsBack(body);
}

void intake(const Poco::JSON::Object::Ptr &body)
{
    Principal clerk;
    clerk.username = "clerk1";
    clerk.role = "clerk";
    clerk.center = "SZ";
    FieldErrors errors;
    const IntakeRequest request = IntakeRequest::parse(body, clerk, kToday, errors);
    require(request.form != nullptr, "the form is an object, empty when missing");
    requireReadsBack(request.form);
    if (errors.empty()) {
        require(!request.matterCodes.empty(), "an accepted intake names its matters");
        require(!request.applicantId.empty(), "an accepted intake names its applicant");
        require(fuzz::isUtf8(request.applicantName), "an accepted applicant's name is UTF-8");
    }
}

void holidaySchedule(const Poco::JSON::Object::Ptr &body, bool yearFromPath)
{
    FieldErrors errors;
    const HolidaySchedule schedule
        = HolidaySchedule::fromJson(body, yearFromPath ? std::optional<int>(2026) : std::nullopt, errors);
    if (!errors.empty())
        return;
    const auto json = schedule.toJson();
    requireReadsBack(json);
    FieldErrors again;
    const HolidaySchedule back = HolidaySchedule::fromJson(json, schedule.year, again);
    require(again.empty(), "an accepted schedule's JSON is accepted");
    require(back.days() == schedule.days(), "an accepted schedule reads back the same");
}

void bundle(const Poco::JSON::Object::Ptr &body)
{
    FieldErrors errors;
    BundleDefinition definition = BundleDefinition::fromJson(body, errors);
    if (!errors.empty())
        return;
    definition.code = "B01";
    const auto json = definition.toJson();
    requireReadsBack(json);
    FieldErrors again;
    const BundleDefinition back = BundleDefinition::fromJson(json, again);
    require(again.empty(), "an accepted bundle's JSON is accepted");
    require(back.name == definition.name && back.matters == definition.matters, "a bundle reads back the same");
}

void matter(const Poco::JSON::Object::Ptr &body)
{
    FieldErrors errors;
    MatterDefinition definition = MatterDefinition::fromJson(body, errors);
    if (!errors.empty())
        return;
    const auto json = definition.toJson();
    requireReadsBack(json);
    requireReadsBack(definition.summaryJson());
    FieldErrors again;
    const MatterDefinition back = MatterDefinition::fromJson(json, again);
    for (const auto &e : again.list())
        std::fprintf(stderr, "%s: %s\n", e.field.c_str(), e.message.c_str());
    require(again.empty(), "an accepted definition's JSON is accepted");
    require(toJson(back.toJson()) == toJson(json), "a definition reads back the same");
    (void)definition.rules();
    (void)definition.greenChannelLimit();
}

void delivery(const Poco::JSON::Object::Ptr &body)
{
    FieldErrors errors;
    const DeliveryRequest request = DeliveryRequest::parse(body, kToday, errors);
    if (errors.empty()) {
        require(request.kind == "applicant" || request.kind == "agent", "an accepted recipient kind");
        require(request.method == "counter" || request.method == "mail", "an accepted method");
        require(request.idNumber.size() == 18, "an accepted recipient's ID number");
    }
}

void transfer(const Poco::JSON::Object::Ptr &body)
{
    FieldErrors errors;
    const TransferRequest request = TransferRequest::parse(body, errors);
    if (errors.empty()) {
        require(!request.cases.empty() && request.cases.size() <= TransferRequest::kMaxCases,
                "an accepted batch has 1 to 200 cases");
        for (std::size_t i = 0; i < request.cases.size(); ++i)
            for (std::size_t j = i + 1; j < request.cases.size(); ++j)
                require(request.cases[i] != request.cases[j], "each case once");
    }
}

void form(const Poco::JSON::Object::Ptr &body)
{
    const auto matterJson = optObject(body, "matter");
    const auto values = optObject(body, "form");
    if (!matterJson || !values)
        return;
    FieldErrors errors;
    MatterDefinition definition = MatterDefinition::fromJson(matterJson, errors);
    if (!errors.empty())
        return;
    definition.code = "M01";
    const MergedIntake merged = BundleMerge::merge({definition.rules()});
    FieldErrors formErrors;
    validateForm(merged, values, kToday, formErrors);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const std::uint8_t selector = data[0];
    const std::string text = onewindow::fuzz::bytes(data + 1, size - 1);
    Poco::JSON::Object::Ptr body;
    try {
        body = parseObject(text);
    } catch (const ApiError &e) {
        require(e.status() == 400 && e.code() == "malformed_json", "a body that is no JSON object is a 400");
        return 0;
    }
    require(body != nullptr, "parseObject gives an object or throws");

    switch (selector % 8) {
    case 0: sessionsAndCalendarDay(body); break;
    case 1: intake(body); break;
    case 2: holidaySchedule(body, (selector & 0x80) != 0); break;
    case 3: bundle(body); break;
    case 4: matter(body); break;
    case 5: delivery(body); break;
    case 6: transfer(body); break;
    default: form(body); break;
    }
    return 0;
}
