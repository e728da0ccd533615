#include "catalog/catalog.h"

#include "http/problem.h"
#include "json.h"

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>

namespace onewindow::server {

// Here rather than in catalog.cpp: a matter's definition checks its codes with it, and the
// definition's parser is built without the rest of the catalog (fuzz/).
void Catalog::checkCode(const std::string &code, FieldErrors &errors, const std::string &field)
{
    static const std::regex kCode("[A-Z0-9][A-Z0-9_-]{0,31}");
    if (!std::regex_match(code, kCode))
        errors.add(field, "Capital letters, digits, - and _, at most 32 (such as HF-008).",
                   code.empty() ? "required" : "invalid");
}

namespace {

const std::set<std::string> kFieldTypes{
    "text", "multiline", "id_number", "credit_code", "phone", "date", "number", "money",
    // Identifiers of the departments' matters, checked by the domain as the plugins check them on the client.
    "registered_capital", "business_scope", "property_certificate", "birth_certificate"};

Poco::Dynamic::Var limitNumber(double days)
{
    if (std::floor(days) == days)
        return static_cast<int>(days);
    return days;
}

std::vector<FormField> fieldsFromJson(const Poco::JSON::Array::Ptr &fields, FieldErrors &errors)
{
    std::vector<FormField> out;
    std::set<std::string> keys;
    for (std::size_t i = 0; i < fields->size(); ++i) {
        const auto f = fields->getObject(static_cast<unsigned>(i));
        const std::string at = "fields[" + std::to_string(i) + "]";
        FormField field;
        field.key = optString(f, "key").value_or("");
        field.label = optString(f, "label").value_or("");
        field.type = optString(f, "type").value_or("text");
        field.required = optBool(f, "required").value_or(false);
        if (field.key.empty() || !keys.insert(field.key).second)
            errors.add(at + ".key", "Each field needs a key of its own.", "invalid");
        if (field.label.empty())
            errors.add(at + ".label", "Required.", "required");
        if (!kFieldTypes.contains(field.type))
            errors.add(at + ".type", "Unknown field type.", "invalid");
        out.push_back(field);
    }
    return out;
}

std::vector<MaterialRule> materialsFromJson(const Poco::JSON::Array::Ptr &materials, double legalDays,
                                            FieldErrors &errors)
{
    std::vector<MaterialRule> out;
    std::set<std::string> codes;
    for (std::size_t i = 0; i < materials->size(); ++i) {
        const auto m = materials->getObject(static_cast<unsigned>(i));
        const std::string at = "materials[" + std::to_string(i) + "]";
        MaterialRule rule;
        rule.code = optString(m, "code").value_or("");
        rule.name = optString(m, "name").value_or("");
        rule.core = optBool(m, "core").value_or(false);
        rule.required = optBool(m, "required").value_or(true) || rule.core;
        rule.deficiencyAllowed = optBool(m, "deficiencyAllowed").value_or(false);
        rule.maxDeficiencyDays = static_cast<int>(optNumber(m, "maxDeficiencyDays").value_or(0));
        rule.eLicenseType = optString(m, "eLicenseType").value_or("");
        if (rule.code.empty() || !codes.insert(rule.code).second)
            errors.add(at + ".code", "Each material needs a code of its own.", "invalid");
        if (rule.name.empty())
            errors.add(at + ".name", "Required.", "required");
        if (rule.core && rule.deficiencyAllowed)
            errors.add(at + ".deficiencyAllowed", "A core material can never be deficient.", "invalid");
        if (rule.maxDeficiencyDays < 0 || rule.maxDeficiencyDays > legalDays)
            errors.add(at + ".maxDeficiencyDays", "From 0 to the legal limit.", "invalid");
        out.push_back(rule);
    }
    return out;
}

const std::set<std::string> kReasonUses{"not_accepted", "return", "reject"};

std::vector<MatterReason> reasonsFromJson(const Poco::JSON::Array::Ptr &reasons, FieldErrors &errors)
{
    std::vector<MatterReason> out;
    std::set<std::string> codes;
    for (std::size_t i = 0; i < reasons->size(); ++i) {
        const auto r = reasons->getObject(static_cast<unsigned>(i));
        const std::string at = "reasons[" + std::to_string(i) + "]";
        if (!r) {
            errors.add(at, "A reason is an object with code, use and text.", "invalid");
            continue;
        }
        MatterReason reason{optString(r, "code").value_or(""), optString(r, "use").value_or(""),
                            optString(r, "text").value_or("")};
        if (reason.code.empty() || reason.code.size() > 20 || !codes.insert(reason.code).second)
            errors.add(at + ".code", "Each reason needs a code of its own, at most 20 characters.", "invalid");
        if (!kReasonUses.contains(reason.use))
            errors.add(at + ".use", "One of not_accepted, return, reject.", "invalid");
        if (reason.text.empty() || reason.text.size() > 600)
            errors.add(at + ".text", "The reason's words, at most 200 characters.", "invalid");
        out.push_back(std::move(reason));
    }
    return out;
}

// Material codes, each once, in the catalog's code format.
std::vector<std::string> producesFromJson(const Poco::JSON::Array::Ptr &produces, FieldErrors &errors)
{
    std::vector<std::string> out;
    if (produces->size() > 20) {
        errors.add("produces", "At most 20 materials.", "invalid");
        return out;
    }
    for (std::size_t i = 0; i < produces->size(); ++i) {
        const std::string at = "produces[" + std::to_string(i) + "]";
        const Poco::Dynamic::Var code = produces->get(static_cast<unsigned>(i));
        if (!code.isString()) {
            errors.add(at, "A material's code.", "invalid");
            continue;
        }
        const std::string text = code.extract<std::string>();
        FieldErrors codeErrors;
        Catalog::checkCode(text, codeErrors, at);
        if (!codeErrors.empty())
            errors.add(at, "A material's code: capital letters, digits, - and _, at most 32.", "invalid");
        else if (std::find(out.begin(), out.end(), text) != out.end())
            errors.add(at, "Each material once.", "duplicate");
        else
            out.push_back(text);
    }
    return out;
}

} // namespace

Poco::JSON::Object::Ptr fieldJson(const FormField &f)
{
    auto o = newObject();
    o->set("key", f.key);
    o->set("label", f.label);
    o->set("type", f.type);
    o->set("required", f.required);
    return o;
}

Poco::JSON::Object::Ptr materialJson(const MaterialRule &m)
{
    auto o = newObject();
    o->set("code", m.code);
    o->set("name", m.name);
    o->set("core", m.core);
    o->set("required", m.required);
    o->set("deficiencyAllowed", m.deficiencyAllowed);
    o->set("maxDeficiencyDays", m.maxDeficiencyDays);
    o->set("eLicenseType", m.eLicenseType.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(m.eLicenseType));
    return o;
}

std::string lowerAscii(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

double roundToHalf(double days)
{
    return std::round(days * 2.0) / 2.0;
}

const MatterReason *MatterDefinition::reason(const std::string &use, const std::string &reasonCode) const
{
    const auto it = std::find_if(reasons.begin(), reasons.end(),
                                 [&](const MatterReason &r) { return r.use == use && r.code == reasonCode; });
    return it == reasons.end() ? nullptr : &*it;
}

double MatterDefinition::greenChannelLimit() const
{
    if (greenChannelDays > 0)
        return greenChannelDays;
    return std::max(0.5, std::floor(promisedDays) / 2.0); // half, down to a half-day step
}

MatterRules MatterDefinition::rules() const
{
    MatterRules r;
    r.code = code;
    r.name = name;
    r.promisedLimit = WorkingDays::fromDouble(promisedDays);
    r.legalLimit = WorkingDays::fromDouble(legalDays);
    r.deficiencyCap = deficiencyCap == "promised" ? DeficiencyCap::PromisedLimit : DeficiencyCap::LegalLimit;
    r.clock = clock == "paused" ? ClockDuringDeficiency::Paused : ClockDuringDeficiency::Runs;
    r.terminationGraceDays = terminationGraceDays;
    r.fields = fields;
    r.materials = materials;
    r.produces = produces;
    return r;
}

Poco::JSON::Object::Ptr MatterDefinition::summaryJson() const
{
    auto o = newObject();
    o->set("code", code);
    o->set("name", name);
    o->set("department", department);
    o->set("promisedDays", limitNumber(promisedDays));
    o->set("legalDays", limitNumber(legalDays));
    o->set("initials", initials);
    return o;
}

Poco::JSON::Object::Ptr MatterDefinition::toJson() const
{
    auto o = summaryJson();
    o->set("version", version);
    o->set("deficiencyCap", deficiencyCap);
    o->set("clockDuringDeficiency", clock);
    o->set("terminationGraceDays", terminationGraceDays);
    o->set("simulatedLapseDays", simulatedLapseDays);
    o->set("greenChannelDays", limitNumber(greenChannelDays)); // 0: half the promised days
    auto f = newArray();
    for (const auto &field : fields)
        f->add(fieldJson(field));
    o->set("fields", f);
    auto m = newArray();
    for (const auto &material : materials)
        m->add(materialJson(material));
    o->set("materials", m);
    auto p = newArray();
    for (const auto &material : produces)
        p->add(material);
    o->set("produces", p);
    auto r = newArray();
    for (const auto &reason : reasons) {
        auto one = newObject();
        one->set("code", reason.code);
        one->set("use", reason.use);
        one->set("text", reason.text);
        r->add(one);
    }
    o->set("reasons", r);
    return o;
}

MatterDefinition MatterDefinition::fromJson(const Poco::JSON::Object::Ptr &o, FieldErrors &errors)
{
    MatterDefinition d;
    const auto text = [&](const std::string &key, std::string &into, bool required = true) {
        if (auto v = optString(o, key); v && !v->empty())
            into = *v;
        else if (required)
            errors.add(key, "Required.", "required");
    };
    text("name", d.name);
    text("department", d.department);
    if (auto v = optString(o, "initials"); v && !v->empty())
        d.initials = lowerAscii(*v);
    const auto days = [&](const std::string &key, double &into) {
        auto v = optNumber(o, key);
        if (!v || *v < 0 || *v > 365 || roundToHalf(*v) != *v)
            errors.add(key, "A number of working days, in half-day steps, from 0 to 365.", "invalid");
        else
            into = *v;
    };
    days("promisedDays", d.promisedDays);
    days("legalDays", d.legalDays);
    if (d.promisedDays > d.legalDays)
        errors.add("promisedDays", "The promised limit cannot exceed the legal limit.", "invalid");
    if (auto v = optString(o, "deficiencyCap"))
        d.deficiencyCap = *v;
    if (d.deficiencyCap != "legal" && d.deficiencyCap != "promised")
        errors.add("deficiencyCap", "Either legal or promised.", "invalid");
    if (auto v = optString(o, "clockDuringDeficiency"))
        d.clock = *v;
    if (d.clock != "runs" && d.clock != "paused")
        errors.add("clockDuringDeficiency", "Either runs or paused.", "invalid");
    if (auto v = optNumber(o, "terminationGraceDays"); v && *v >= 0 && *v <= 60)
        d.terminationGraceDays = static_cast<int>(*v);
    else if (o->has("terminationGraceDays"))
        errors.add("terminationGraceDays", "Working days from 0 to 60.", "invalid");
    if (auto v = optNumber(o, "simulatedLapseDays"); v && *v >= 0 && *v <= 250 && std::floor(*v) == *v)
        d.simulatedLapseDays = static_cast<int>(*v);
    else if (o->has("simulatedLapseDays"))
        errors.add("simulatedLapseDays", "Working days from 0 to 250.", "invalid");

    if (o->has("greenChannelDays")) {
        auto v = optNumber(o, "greenChannelDays");
        if (!v || *v < 0 || roundToHalf(*v) != *v || *v > d.promisedDays)
            errors.add("greenChannelDays", "Working days in half-day steps, at most the promised limit.", "invalid");
        else
            d.greenChannelDays = *v;
    }
    if (auto reasons = optArray(o, "reasons"))
        d.reasons = reasonsFromJson(reasons, errors);
    else if (o->has("reasons"))
        errors.add("reasons", "A list of reasons.", "invalid");

    if (auto fields = optArray(o, "fields"))
        d.fields = fieldsFromJson(fields, errors);
    else
        errors.add("fields", "A list of form fields is required.", "required");
    if (auto materials = optArray(o, "materials"))
        d.materials = materialsFromJson(materials, d.legalDays, errors);
    else
        errors.add("materials", "A list of materials is required.", "required");
    if (auto produces = optArray(o, "produces"))
        d.produces = producesFromJson(produces, errors);
    else if (o->has("produces"))
        errors.add("produces", "A list of material codes.", "invalid");
    return d;
}

BundleDefinition BundleDefinition::fromJson(const Poco::JSON::Object::Ptr &o, FieldErrors &errors,
                                            const std::string &prefix)
{
    BundleDefinition b;
    b.name = trimmed(optString(o, "name").value_or(""));
    if (b.name.empty() || b.name.size() > 200)
        errors.add(prefix + "name", "The bundle's name, at most 200 bytes.", b.name.empty() ? "required" : "invalid");
    const auto matters = optArray(o, "matters");
    if (!matters || matters->size() < 2) {
        errors.add(prefix + "matters", "Two matters or more, applied for together.",
                   matters ? "invalid" : "required");
        return b;
    }
    for (std::size_t i = 0; i < matters->size(); ++i) {
        const Poco::Dynamic::Var code = matters->get(static_cast<unsigned>(i));
        const std::string field = prefix + "matters[" + std::to_string(i) + "]";
        if (!code.isString() || code.extract<std::string>().empty())
            errors.add(field, "A matter's code.", "invalid");
        else if (std::find(b.matters.begin(), b.matters.end(), code.extract<std::string>()) != b.matters.end())
            errors.add(field, "Each matter once.", "duplicate");
        else
            b.matters.push_back(code.extract<std::string>());
    }
    return b;
}

Poco::JSON::Object::Ptr BundleDefinition::toJson() const
{
    auto o = newObject();
    o->set("code", code);
    o->set("name", name);
    auto list = newArray();
    for (const auto &m : matters)
        list->add(m);
    o->set("matters", list);
    return o;
}

} // namespace onewindow::server
