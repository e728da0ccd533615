#include "intake/intakerequest.h"

#include "domain/casenumber.h"

#include "auth/policy.h"
#include "domain/birthcertificate.h"
#include "domain/businessscope.h"
#include "domain/creditcode.h"
#include "domain/idnumber.h"
#include "domain/propertycertificate.h"
#include "domain/registeredcapital.h"
#include "http/problem.h"
#include "json.h"

#include <algorithm>
#include <set>

namespace onewindow::server {

namespace {

const std::set<std::string> kChannels{"counter", "village", "online", "bank"};
const std::set<std::string> kProvisions{"paper", "scan", "e_license", "deficient"};

bool isNumber(const std::string &s)
{
    if (s.empty())
        return false;
    std::size_t used = 0;
    try {
        (void)std::stod(s, &used);
    } catch (...) {
        return false;
    }
    return used == s.size();
}

void parseMatters(const Poco::JSON::Object::Ptr &body, IntakeRequest &in, FieldErrors &errors)
{
    const auto matters = optArray(body, "matters");
    const auto bundle = optString(body, "bundle");
    if (matters && bundle) {
        errors.add("matters", "Give either matters or a bundle, not both.", "invalid");
    } else if (bundle) {
        in.bundle = *bundle;
    } else if (matters && matters->size() > 0) {
        for (std::size_t i = 0; i < matters->size(); ++i) {
            const auto v = matters->get(static_cast<unsigned>(i));
            if (!v.isString())
                errors.add("matters[" + std::to_string(i) + "]", "A matter code.", "invalid");
            else if (std::find(in.matterCodes.begin(), in.matterCodes.end(), v.toString()) == in.matterCodes.end())
                in.matterCodes.push_back(v.toString());
        }
    } else {
        errors.add("matters", "Choose at least one matter, or a bundle.", "required");
    }
}

void parseApplicantId(const Poco::JSON::Object::Ptr &applicant, const Date &today, IntakeRequest &in,
                      FieldErrors &errors)
{
    if (in.applicantKind == "person") {
        const std::string id = optString(applicant, "idNumber").value_or("");
        const auto problem = IdNumber::check(id, today);
        if (problem != IdNumber::Problem::None)
            errors.add("applicant.idNumber", "Not a valid citizen ID number.", IdNumber::problemCode(problem));
        else
            in.applicantId = IdNumber::parse(id)->text();
    } else if (in.applicantKind == "organization") {
        const std::string code = optString(applicant, "creditCode").value_or("");
        const auto problem = CreditCode::check(code);
        if (problem != CreditCode::Problem::None)
            errors.add("applicant.creditCode", "Not a valid unified social credit code.",
                       CreditCode::problemCode(problem));
        else
            in.applicantId = CreditCode::parse(code)->text();
        in.legalRepresentative = optString(applicant, "legalRepresentative").value_or("");
        if (in.legalRepresentative.empty())
            errors.add("applicant.legalRepresentative", "The legal representative is required.", "required");
    } else {
        errors.add("applicant.kind", "Either person or organization.", "invalid");
    }
}

void parseApplicant(const Poco::JSON::Object::Ptr &body, const Date &today, IntakeRequest &in, FieldErrors &errors)
{
    const auto applicant = optObject(body, "applicant");
    if (!applicant) {
        errors.add("applicant", "The applicant is required.", "required");
        return;
    }
    in.applicantKind = optString(applicant, "kind").value_or("");
    in.applicantName = optString(applicant, "name").value_or("");
    in.phone = optString(applicant, "phone").value_or("");
    if (in.applicantName.empty())
        errors.add("applicant.name", "The applicant's name is required.", "required");
    if (in.phone.empty())
        errors.add("applicant.phone", "A phone number is required, for reminders.", "required");
    else if (!isPhone(in.phone))
        errors.add("applicant.phone", "Not a phone number: 11 digits for a mobile, or an area code and number.",
                   "invalid");
    parseApplicantId(applicant, today, in, errors);
}

// Where and how the case comes in, and its form.
void parseCounter(const Poco::JSON::Object::Ptr &body, const Principal &user, IntakeRequest &in, FieldErrors &errors)
{
    in.center = optString(body, "center").value_or("");
    if (in.center.empty())
        errors.add("center", "The accepting centre is required.", "required");
    else if (!AuthorizationPolicy::mayAcceptAt(user, in.center))
        errors.add("center", "You can accept cases only for your own centre.", "not_your_center");
    in.number = optString(body, "number").value_or("");
    if (!in.number.empty()) {
        const auto number = CaseNumber::parse(in.number);
        if (!number || number->centreCode() != in.center)
            errors.add("number", "Not a case number of this centre.", "number_not_reserved");
        else
            in.number = number->text();
    }
    in.channel = optString(body, "channel").value_or(user.role == "agent" ? "village" : "counter");
    if (!kChannels.contains(in.channel))
        errors.add("channel", "One of counter, village, online, bank.", "invalid");
    if (body->has("greenChannel")) {
        if (auto g = optBool(body, "greenChannel"))
            in.greenChannel = *g;
        else
            errors.add("greenChannel", "true or false.", "invalid");
    }
    // 绿色通道: a major project comes first in every queue; why is on record with the case.
    in.greenChannelReason = optString(body, "greenChannelReason").value_or("");
    if (in.greenChannel && in.greenChannelReason.find_first_not_of(" \t\r\n") == std::string::npos)
        errors.add("greenChannelReason", "Say why the case is in the green channel.", "required");
    else if (in.greenChannelReason.size() > 200)
        errors.add("greenChannelReason", "At most 200 characters.", "too_long");
    in.form = optObject(body, "form");
    if (!in.form) {
        if (body->has("form"))
            errors.add("form", "The form is an object of field values.", "invalid");
        in.form = newObject();
    }
}

void parseMaterials(const Poco::JSON::Object::Ptr &body, IntakeRequest &in, FieldErrors &errors)
{
    const auto materials = optArray(body, "materials");
    if (!materials) {
        if (body->has("materials"))
            errors.add("materials", "A list of materials.", "invalid");
        return;
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < materials->size(); ++i) {
        const std::string at = "materials[" + std::to_string(i) + "]";
        const auto m = materials->getObject(static_cast<unsigned>(i));
        if (!m) {
            errors.add(at, "A material is an object with code and provided.", "invalid");
            continue;
        }
        IntakeRequest::Material material;
        material.index = i;
        material.code = optString(m, "code").value_or("");
        material.provided = optString(m, "provided").value_or("");
        if (material.code.empty() || !seen.insert(material.code).second)
            errors.add(at + ".code", "Each material once, by its code.", "invalid");
        if (!kProvisions.contains(material.provided))
            errors.add(at + ".provided", "One of paper, scan, e_license, deficient.", "invalid");
        if (m->has("dueDate")) {
            material.dueDate = parseIsoDate(optString(m, "dueDate").value_or(""));
            if (!material.dueDate)
                errors.add(at + ".dueDate", "A date, YYYY-MM-DD.", "invalid");
            else if (material.provided != "deficient")
                errors.add(at + ".dueDate", "Only a deficient material has a due date.", "invalid");
        }
        in.materials.push_back(material);
    }
}

void parseRefusal(const Poco::JSON::Object::Ptr &body, IntakeRequest &in, FieldErrors &errors)
{
    if (!body->has("refusal"))
        return;
    const auto refusal = optObject(body, "refusal");
    if (!refusal) {
        errors.add("refusal", "An object with kind, reason and note.", "invalid");
        return;
    }
    IntakeRequest::Refusal r{optString(refusal, "kind").value_or(""), optString(refusal, "reason").value_or(""),
                             optString(refusal, "note").value_or("")};
    if (r.kind != "one_time_notice" && r.kind != "non_acceptance")
        errors.add("refusal.kind", "Either one_time_notice or non_acceptance.", "invalid");
    if (r.reason.empty())
        errors.add("refusal.reason", "Choose the reason from the matter's list.", "required");
    if (r.note.size() > 1500)
        errors.add("refusal.note", "At most 500 characters.", "too_long");
    in.refusal = std::move(r);
}

} // namespace

bool isPhone(const std::string &s)
{
    const auto digits = [](const std::string &t) {
        return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (s.size() == 11 && s[0] == '1' && s[1] >= '3' && digits(s))
        return true;
    // A landline: area code starting with 0, an optional dash, 7-8 digits.
    std::string t = s;
    t.erase(std::remove(t.begin(), t.end(), '-'), t.end());
    return t.size() >= 10 && t.size() <= 12 && t[0] == '0' && digits(t);
}

IntakeRequest IntakeRequest::parse(const Poco::JSON::Object::Ptr &body, const Principal &user, const Date &today,
                                   FieldErrors &errors)
{
    IntakeRequest in;
    parseMatters(body, in, errors);
    parseApplicant(body, today, in, errors);
    parseCounter(body, user, in, errors);
    parseMaterials(body, in, errors);
    parseRefusal(body, in, errors);
    return in;
}

void validateForm(const MergedIntake &merged, const Poco::JSON::Object::Ptr &form, const Date &today,
                  FieldErrors &errors)
{
    for (const auto &entry : merged.fields) {
        const FormField &field = entry.field;
        const std::string at = "form." + field.key;
        std::string value;
        if (form->has(field.key)) {
            const auto v = form->get(field.key);
            if (v.isString() || v.isNumeric())
                value = v.toString();
            else if (!v.isEmpty())
                errors.add(at, "A text value.", "invalid");
        }
        if (value.empty()) {
            if (field.required)
                errors.add(at, field.label + " is required.", "required");
            continue;
        }
        if (field.type == "id_number" && IdNumber::check(value, today) != IdNumber::Problem::None)
            errors.add(at, "Not a valid citizen ID number.", IdNumber::problemCode(IdNumber::check(value, today)));
        else if (field.type == "credit_code" && CreditCode::check(value) != CreditCode::Problem::None)
            errors.add(at, "Not a valid unified social credit code.", CreditCode::problemCode(CreditCode::check(value)));
        else if (field.type == "phone" && !isPhone(value))
            errors.add(at, "Not a phone number.", "invalid");
        else if (field.type == "date" && !parseIsoDate(value))
            errors.add(at, "A date, YYYY-MM-DD.", "invalid");
        else if ((field.type == "number" || field.type == "money") && !isNumber(value))
            errors.add(at, "A number.", "invalid");
        else if (field.type == "registered_capital" && RegisteredCapital::check(value) != RegisteredCapital::Problem::None)
            errors.add(at, "Not a registered capital: 10,000 yuan, more than zero, at most 100,000,000, at most six decimals.",
                       RegisteredCapital::problemCode(RegisteredCapital::check(value)));
        else if (field.type == "business_scope" && BusinessScope::check(value) != BusinessScope::Problem::None)
            errors.add(at, "Not a business scope: industry codes of GB/T 4754-2017 that the halls register, e.g. C1742.",
                       BusinessScope::problemCode(BusinessScope::check(value)));
        else if (field.type == "property_certificate"
                 && PropertyCertificateNumber::check(value, today) != PropertyCertificateNumber::Problem::None)
            errors.add(at, "Not a real estate title certificate number, e.g. 苏(2026)吴江区不动产权第0001234号.",
                       PropertyCertificateNumber::problemCode(PropertyCertificateNumber::check(value, today)));
        else if (field.type == "birth_certificate" && BirthCertificateNumber::check(value) != BirthCertificateNumber::Problem::None)
            errors.add(at, "Not a birth medical certificate number: a letter and nine digits, e.g. X320101001.",
                       BirthCertificateNumber::problemCode(BirthCertificateNumber::check(value)));
    }
}

} // namespace onewindow::server
