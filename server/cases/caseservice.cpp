#include "cases/caseservice.h"

#include "audit/audittrail.h"
#include "auth/passwords.h"
#include "auth/policy.h"
#include "catalog/catalog.h"
#include "clock.h"
#include "db/database.h"
#include "db/migrations.h"
#include "domain/bundlemerge.h"
#include "domain/caselifecycle.h"
#include "domain/casenumber.h"
#include "domain/creditcode.h"
#include "domain/deficiencypolicy.h"
#include "domain/idnumber.h"
#include "http/cursor.h"
#include "http/idempotency.h"
#include "http/problem.h"
#include "json.h"

#include <Poco/LocalDateTime.h>
#include <Poco/UUIDGenerator.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>

namespace onewindow::server {

namespace {

using Cap = AuthorizationPolicy::Capability;
constexpr long kOverdueJobLock = 7003;

const std::set<std::string> kChannels{"counter", "village", "online", "bank"};
const std::set<std::string> kProvisions{"paper", "scan", "e_license", "deficient"};

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

std::vector<std::string> splitCommas(const std::string &s)
{
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string part; std::getline(in, part, ',');) {
        if (!part.empty())
            out.push_back(part);
    }
    return out;
}

// The applicant and a deficiency, written through a JsonWriter or into a Poco object.
template <class Fields>
void applicantFields(Fields &out, const DbRow &row)
{
    const std::string kind = row.text("applicant_kind");
    out.field("kind", kind);
    out.field("name", row.text("applicant_name"));
    if (kind == "person") {
        out.field("idNumber", IdNumber::mask(row.text("applicant_id")));
    } else {
        out.field("creditCode", row.text("applicant_id"));
        out.field("legalRepresentative", row.text("applicant_legal_rep"));
    }
    out.field("phone", row.text("applicant_phone"));
}

template <class Fields>
void deficiencyFields(Fields &out, const DbRow &row)
{
    out.field("id", row.text("id"));
    out.field("material", row.text("material"));
    out.field("materialName", row.text("material_name"));
    out.field("dueDate", row.text("due_date"));
    out.field("status", row.text("status"));
    out.field("suppliedAt", row.optText("supplied_at"));
    out.field("provided", row.optText("provided"));
    out.field("suppliedBy", row.optText("supplied_by"));
    out.field("attachmentId", row.optText("attachment_id"));
    out.field("overdueAt", row.optText("overdue_at"));
    out.field("terminatesAfter", row.optText("terminates_after"));
    out.field("waivedAt", row.optText("waived_at"));
    out.field("waivedBy", row.optText("waived_by"));
    out.field("waiveReason", row.optText("waive_reason"));
}

// The stored form (a JSON object the server wrote) with every string that is a citizen ID number
// masked: full ID numbers stay on the server; forms show them masked, like the applicant. Works on
// the text, without parsing it into objects: a case is read far more often than written.
std::string formWithIdNumbersMasked(std::string_view json)
{
    std::string out;
    out.reserve(json.size());
    std::size_t i = 0;
    while (i < json.size()) {
        if (json[i] != '"') {
            out += json[i++];
            continue;
        }
        std::size_t end = i + 1;
        bool escapes = false;
        while (end < json.size() && json[end] != '"') {
            if (json[end] == '\\') {
                escapes = true;
                ++end;
            }
            ++end;
        }
        end = std::min(end, json.size() - 1);
        const std::string_view text = json.substr(i + 1, end - i - 1);
        if (!escapes && IdNumber::check(text) == IdNumber::Problem::None)
            out.append("\"").append(IdNumber::mask(text)).append("\"");
        else
            out.append(json.substr(i, end + 1 - i));
        i = end + 1;
    }
    return out;
}

// As a Poco object, for the lists that still build one.
template <class Describe>
Poco::JSON::Object::Ptr asObject(Describe describe, const DbRow &row)
{
    ObjectFields fields;
    describe(fields, row);
    return fields.object;
}

// The parsed body of POST /cases.
struct Intake
{
    std::vector<std::string> matterCodes;
    std::string bundle;
    std::string applicantKind;
    std::string applicantName;
    std::string applicantId; ///< ID number or credit code, normalized
    std::string legalRepresentative;
    std::string phone;
    std::string center;
    std::string channel;
    bool greenChannel = false;
    Poco::JSON::Object::Ptr form;
    struct Material
    {
        std::string code;
        std::string provided;
        std::optional<Date> dueDate;
        std::size_t index = 0;
    };
    std::vector<Material> materials;
};

Intake parseIntake(const Poco::JSON::Object::Ptr &body, const Principal &user, const Date &today, FieldErrors &errors)
{
    Intake in;
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

    const auto applicant = optObject(body, "applicant");
    if (!applicant) {
        errors.add("applicant", "The applicant is required.", "required");
    } else {
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

    in.center = optString(body, "center").value_or("");
    if (in.center.empty())
        errors.add("center", "The accepting centre is required.", "required");
    else if (!AuthorizationPolicy::mayAcceptAt(user, in.center))
        errors.add("center", "You can accept cases only for your own centre.", "not_your_center");
    in.channel = optString(body, "channel").value_or(user.role == "agent" ? "village" : "counter");
    if (!kChannels.contains(in.channel))
        errors.add("channel", "One of counter, village, online, bank.", "invalid");
    if (body->has("greenChannel")) {
        if (auto g = optBool(body, "greenChannel"))
            in.greenChannel = *g;
        else
            errors.add("greenChannel", "true or false.", "invalid");
    }
    in.form = optObject(body, "form");
    if (!in.form) {
        if (body->has("form"))
            errors.add("form", "The form is an object of field values.", "invalid");
        in.form = newObject();
    }

    if (const auto materials = optArray(body, "materials")) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < materials->size(); ++i) {
            const std::string at = "materials[" + std::to_string(i) + "]";
            const auto m = materials->getObject(static_cast<unsigned>(i));
            if (!m) {
                errors.add(at, "A material is an object with code and provided.", "invalid");
                continue;
            }
            Intake::Material material;
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
    } else if (body->has("materials")) {
        errors.add("materials", "A list of materials.", "invalid");
    }
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
    }
}

std::string reasonOf(MaterialIssue::Kind kind)
{
    return DeficiencyPolicy::issueCode(kind);
}

} // namespace

CaseService::CaseService(Database &db, const Clock &clock, Catalog &catalog, AuditTrail &audit)
    : m_db(db), m_clock(clock), m_catalog(catalog), m_audit(audit), m_transitions(clock, audit)
{
}

std::string CaseService::etagOf(std::int64_t version)
{
    return "\"" + std::to_string(version) + "\"";
}

namespace {

// Everything a new case needs, decided before anything is written.
struct IntakePlan
{
    Intake in;
    std::vector<MatterDefinition> matters;
    MergedIntake merged;
    std::map<std::string, Provision> provisions;
    std::map<std::string, Date> dueDates;
    std::map<std::string, Date> terminatesAfter; ///< due date + the strictest grace period
    bool clockPaused = false;                    ///< a matter stops its clock while a material is deficient
    std::map<std::string, std::string> materialNames;
    CaseAction action = CaseAction::Accept;
    CaseState state = CaseState::Accepted;
    Date promisedDue;
    Date legalDue;
    std::string departments;
};

const char *provisionCode(Provision p)
{
    switch (p) {
    case Provision::Paper: return "paper";
    case Provision::Scan: return "scan";
    case Provision::ELicense: return "e_license";
    case Provision::Deficient: return "deficient";
    case Provision::Missing: return "missing";
    }
    return "missing";
}

} // namespace

Response CaseService::create(const Principal &user, const std::string &idempotencyKey, const std::string &body)
{
    AuthorizationPolicy::require(user, Cap::CreateCase);
    const IdempotencyStore idempotency(user.username, idempotencyKey, body);

    const Poco::JSON::Object::Ptr json = parseObject(body);
    const Date today = m_clock.today();

    // A request already answered is found by its idempotency record: when its validation fails
    // now (the catalog may have changed since), on PostgreSQL when numbering it, and when writing
    // its record (the key is unique). A first request, the common case, reads nothing for it.

    // 1. Read and decide, without holding any write lock. The catalog as this instance knew it
    // a moment ago will do: the case records the versions it was accepted under.
    IntakePlan plan;
    try {
        Transaction tx(m_db, Transaction::Mode::Lookups);
        FieldErrors errors;
        plan.in = parseIntake(json, user, today, errors);
        Intake &in = plan.in;
        if (!in.bundle.empty()) {
            if (auto bundle = m_catalog.bundle(tx, in.bundle))
                in.matterCodes = bundle->matters;
            else
                errors.add("bundle", "No such bundle.", "unknown");
        }
        for (std::size_t i = 0; i < in.matterCodes.size(); ++i) {
            if (auto m = m_catalog.matter(tx, in.matterCodes[i], 0, Catalog::Freshness::Recent))
                plan.matters.push_back(*m);
            else
                errors.add(in.bundle.empty() ? "matters[" + std::to_string(i) + "]" : "bundle", "No such matter.",
                           "unknown");
        }
        std::vector<MatterRules> rules;
        for (const auto &m : plan.matters)
            rules.push_back(m.rules());
        plan.merged = BundleMerge::merge(rules);
        const MergedIntake &merged = plan.merged;
        for (const auto &m : merged.materials)
            plan.materialNames[m.rule.code] = m.rule.name;
        validateForm(merged, in.form, today, errors);

        // Electronic licences the applicant really holds.
        const bool anyELicense = std::any_of(in.materials.begin(), in.materials.end(),
                                             [](const auto &m) { return m.provided == "e_license"; });
        const auto held = anyELicense && !in.applicantId.empty() ? m_catalog.licenseTypes(tx, in.applicantId)
                                                                 : std::vector<std::string>{};
        for (const auto &material : in.materials) {
            if (material.provided != "e_license")
                continue;
            const auto it = std::find_if(merged.materials.begin(), merged.materials.end(),
                                         [&](const auto &m) { return m.rule.code == material.code; });
            if (it != merged.materials.end()
                && (it->rule.eLicenseType.empty()
                    || std::find(held.begin(), held.end(), it->rule.eLicenseType) == held.end()))
                errors.add("materials[" + std::to_string(material.index) + "].provided",
                           "The applicant holds no electronic licence for this material.", "e_license_not_held");
        }
        errors.throwIfAny();

        // Completeness, against the merged (strictest) requirements.
        MatterRules combined;
        combined.code = in.bundle.empty() ? plan.matters.front().code : in.bundle;
        for (const auto &m : merged.materials)
            combined.materials.push_back(m.rule);
        static const std::map<std::string, Provision> kinds{{"paper", Provision::Paper},
                                                            {"scan", Provision::Scan},
                                                            {"e_license", Provision::ELicense},
                                                            {"deficient", Provision::Deficient}};
        for (const auto &material : in.materials)
            plan.provisions[material.code] = kinds.at(material.provided);
        ApplicantRecord record;
        const bool anyDeficient = std::any_of(in.materials.begin(), in.materials.end(),
                                              [](const auto &m) { return m.provided == "deficient"; });
        if (anyDeficient) {
            if (auto r = tx.queryOne("SELECT broke_commitment FROM applicant_records WHERE applicant = ?",
                                     {in.applicantId}))
                record.brokeCommitment = r->boolean("broke_commitment");
        }
        const CompletenessReport report = DeficiencyPolicy::completeness(combined, plan.provisions, record);

        // Due dates of deficient materials: the earliest any requiring matter allows.
        const WorkCalendar calendar = m_catalog.calendar(tx, Catalog::Freshness::Recent);
        std::vector<ApiError::MissingMaterial> missing;
        const auto nameOf = [&](const std::string &code) {
            const auto it = plan.materialNames.find(code);
            return it == plan.materialNames.end() ? code : it->second;
        };
        for (const auto &issue : report.issues)
            missing.push_back({issue.materialCode, nameOf(issue.materialCode), reasonOf(issue.kind)});
        for (const auto &code : report.tolerated) {
            std::optional<Date> due;
            for (const auto &m : plan.matters) {
                const MatterRules r = m.rules();
                if (const MaterialRule *rule = r.material(code); rule && (rule->required || rule->core)) {
                    const Date d = DeficiencyPolicy::dueDate(calendar, r, *rule, today);
                    if (!due || daysBetween(d, *due) > 0)
                        due = d;
                }
            }
            if (!due)
                due = today;
            for (const auto &material : in.materials) {
                if (material.code != code || !material.dueDate)
                    continue;
                if (daysBetween(*due, *material.dueDate) > 0)
                    missing.push_back({code, nameOf(code), "due_date_too_late"});
                else
                    due = material.dueDate;
            }
            plan.dueDates[code] = *due;
            std::optional<Date> ends;
            for (const auto &m : plan.matters) {
                const MatterRules r = m.rules();
                if (const MaterialRule *rule = r.material(code); rule && (rule->required || rule->core)) {
                    const Date t = DeficiencyPolicy::terminationDate(calendar, r, *due);
                    if (!ends || t < *ends)
                        ends = t;
                }
            }
            plan.terminatesAfter[code] = ends.value_or(*due);
        }
        // An applicant who broke an earlier commitment gets no new one: a refusal of its own, so
        // the counter can explain it (the one-time notice lists the materials all the same).
        if (record.brokeCommitment
            && std::any_of(report.issues.begin(), report.issues.end(), [](const MaterialIssue &issue) {
                   return issue.kind == MaterialIssue::Kind::ApplicantBrokeCommitment;
               }))
            throw ApiError::commitmentBroken(missing);
        if (!missing.empty())
            throw ApiError::materialsIncomplete(missing);
        plan.clockPaused = !plan.dueDates.empty()
                           && std::any_of(plan.matters.begin(), plan.matters.end(),
                                          [](const MatterDefinition &m) { return m.clock == "paused"; });

        // The lifecycle decides the state.
        CaseFacts facts;
        facts.completeness = report.level;
        facts.applicantBrokeCommitment = record.brokeCommitment;
        plan.action = report.level == Completeness::Complete ? CaseAction::Accept : CaseAction::AcceptWithDeficiency;
        const CaseDecision decision = CaseLifecycle::decide(CaseState::Draft, plan.action, *roleFromCode(user.role), facts);
        if (!decision.allowed())
            throw ApiError::transitionRefused(std::string(CaseLifecycle::refusalCode(decision.refusal)),
                                              "The case cannot be accepted.");
        plan.state = decision.to;

        // Deadlines: the longest limit among the matters.
        WorkingDays promised, legal;
        std::set<std::string> departments;
        for (const auto &m : plan.matters) {
            promised = std::max(promised, WorkingDays::fromDouble(m.promisedDays));
            legal = std::max(legal, WorkingDays::fromDouble(m.legalDays));
            departments.insert(m.department);
        }
        const WorkingMoment start{today, m_clock.isMorning() ? DayPart::Morning : DayPart::Afternoon};
        plan.promisedDue = calendar.deadline(start, promised).date;
        plan.legalDue = calendar.deadline(start, legal).date;
        plan.departments = ",";
        for (const auto &d : departments)
            plan.departments += d + ",";
    } catch (const ApiError &) {
        Transaction tx(m_db, Transaction::Mode::Lookups);
        if (auto answered = idempotency.replay(tx))
            return *answered;
        throw;
    }

    // 2. Number it. On PostgreSQL in a transaction of its own, so the counter row of the centre
    // and day is locked for a moment, not for the whole intake (a number is lost only if the
    // intake then fails, which validation above makes rare).
    const auto allocate = [&](Transaction &tx) {
        const auto counter = tx.queryOne(
            "INSERT INTO case_counters (center, day, last) VALUES (?, ?, 1) ON CONFLICT (center, day) DO UPDATE SET "
            "last = case_counters.last + 1 RETURNING last",
            {plan.in.center, toIsoString(today)});
        const auto number = CaseNumber::make(plan.in.center, today, static_cast<long>(counter->integer("last")));
        if (!number)
            throw std::runtime_error("cannot number a case for centre " + plan.in.center);
        return number->text();
    };
    std::string number;
    if (m_db.dialect() == Database::Dialect::PostgreSQL) {
        Transaction tx(m_db, Transaction::Mode::Write);
        if (auto answered = idempotency.replay(tx))
            return *answered;
        number = allocate(tx);
        tx.commit();
    }

    // 3. Write the case, its deficiencies, its audit entries and the idempotency record in one
    // transaction, so a replay finds the record exactly when the case exists. What does not depend
    // on the case number is prepared first, and the answer is built from the rows as written, not
    // read back: the SQLite write lock covers the inserts and little else.
    const Intake &in = plan.in;
    const std::string id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    auto mattersJson = newArray();
    for (const auto &m : plan.matters) {
        auto o = newObject();
        o->set("code", m.code);
        o->set("name", m.name);
        o->set("department", m.department);
        o->set("version", m.version);
        mattersJson->add(o);
    }
    auto materialsJson = newArray();
    for (const auto &m : plan.merged.materials) {
        auto o = newObject();
        o->set("code", m.rule.code);
        o->set("name", m.rule.name);
        o->set("core", m.rule.core);
        o->set("required", m.rule.required);
        const auto it = plan.provisions.find(m.rule.code);
        o->set("provided", provisionCode(it == plan.provisions.end() ? Provision::Missing : it->second));
        materialsJson->add(o);
    }
    auto form = newObject();
    for (const auto &entry : plan.merged.fields) {
        if (in.form->has(entry.field.key) && !in.form->get(entry.field.key).isEmpty())
            form->set(entry.field.key, in.form->get(entry.field.key).toString());
    }
    const std::string mattersText = toJson(mattersJson);
    const std::string formText = toJson(form);
    const std::string materialsText = toJson(materialsJson);
    // The deficiencies as a read returns them: by due date, then material.
    struct NewDeficiency
    {
        std::string id, code, name, due, terminatesAfter;
    };
    std::vector<NewDeficiency> newDeficiencies;
    std::string deficientNames;
    for (const auto &[code, due] : plan.dueDates) {
        newDeficiencies.push_back({Poco::UUIDGenerator::defaultGenerator().createRandom().toString(), code,
                                   plan.materialNames[code], toIsoString(due),
                                   toIsoString(plan.terminatesAfter.at(code))});
        deficientNames += (deficientNames.empty() ? "" : ", ") + plan.materialNames[code];
    }
    std::sort(newDeficiencies.begin(), newDeficiencies.end(), [](const NewDeficiency &a, const NewDeficiency &b) {
        return std::tie(a.due, a.code) < std::tie(b.due, b.code);
    });
    const std::string pauseReason =
        plan.clockPaused ? "the time limit stops while deficient material is outstanding: " + deficientNames : "";
    const std::string location = "/api/v1/cases/" + id;
    const std::string etag = etagOf(1);
    const std::string status(CaseLifecycle::stateCode(plan.state));
    const std::string action(CaseLifecycle::actionCode(plan.action));

    // The answer, from the rows about to be written, before the SQLite write lock: on SQLite the
    // case number is known only under it, so the answer holds a placeholder until then.
    const std::string now = m_clock.now();
    static const std::string numberPlaceholder = "{{number}}";
    static const auto caseColumns = std::make_shared<const std::vector<std::string>>(std::vector<std::string>{
        "id", "number", "status", "center", "clerk", "channel", "green_channel", "bundle", "applicant_kind",
        "applicant_name", "applicant_id", "applicant_phone", "applicant_legal_rep", "matters", "departments", "form",
        "materials", "accepted_at", "promised_due_date", "legal_due_date", "version", "updated_at", "terminated_at"});
    // The row's values, shared by the answer and the INSERT (which adds updated_at and audit_head).
    std::vector<DbValue> values{id,
                                number.empty() ? numberPlaceholder : number,
                                status,
                                in.center,
                                user.username,
                                in.channel,
                                std::int64_t{in.greenChannel ? 1 : 0},
                                in.bundle.empty() ? DbValue{} : DbValue{in.bundle},
                                in.applicantKind,
                                in.applicantName,
                                in.applicantId,
                                in.phone,
                                in.legalRepresentative.empty() ? DbValue{} : DbValue{in.legalRepresentative},
                                mattersText,
                                plan.departments,
                                formText,
                                materialsText,
                                now,
                                toIsoString(plan.promisedDue),
                                toIsoString(plan.legalDue)};
    std::vector<DbValue> rowValues = values;
    rowValues.insert(rowValues.end(), {std::int64_t{1}, now, DbValue{}});
    const DbRow caseRow(caseColumns, std::move(rowValues));
    static const auto pauseColumns = std::make_shared<const std::vector<std::string>>(
        std::vector<std::string>{"started_at", "ended_at", "working_days", "reason"});
    DbRows pauseRows;
    if (plan.clockPaused)
        pauseRows.emplace_back(pauseColumns, std::vector<DbValue>{toIsoString(today), DbValue{}, DbValue{}, pauseReason});
    static const auto deficiencyColumns = std::make_shared<const std::vector<std::string>>(std::vector<std::string>{
        "id", "case_id", "material", "material_name", "due_date", "status", "supplied_at", "provided", "created_at",
        "attachment_id", "supplied_by", "overdue_at", "waived_at", "waived_by", "waive_reason", "terminates_after"});
    DbRows deficiencyRows;
    for (const NewDeficiency &d : newDeficiencies)
        deficiencyRows.emplace_back(deficiencyColumns,
                                    std::vector<DbValue>{d.id, id, d.code, d.name, d.due, std::string("outstanding"),
                                                         DbValue{}, DbValue{}, now, DbValue{}, DbValue{}, DbValue{},
                                                         DbValue{}, DbValue{}, DbValue{}, d.terminatesAfter});
    Response response = Response::jsonText(201, caseJson(caseRow, pauseRows, {}, deficiencyRows));
    response.headers["Location"] = location;
    response.headers["ETag"] = etag;
    const std::string acceptedDetail =
        " at " + in.center + ", " + std::to_string(plan.dueDates.size()) + " deficient material(s)";

    try {
        Transaction tx(m_db, Transaction::Mode::Write);
        if (number.empty()) {
            number = allocate(tx);
            values[1] = number;
            // The id comes first in the answer, then the number: the first placeholder is it.
            const std::string field = "\"number\":\"" + numberPlaceholder + "\"";
            const auto at = response.body.find(field);
            if (at == std::string::npos)
                throw std::logic_error("the answer has no number to fill in");
            response.body.replace(at, field.size(), "\"number\":\"" + number + "\"");
        }

        // The idempotency record first: if a twin request committed it meanwhile, this fails at
        // once (UniqueViolation, answered below as the twin was) and nothing else is written.
        idempotency.record(tx, response, now);

        // A new case's audit chain starts at the genesis: nothing to read; its head goes into the
        // case row's INSERT.
        const AuditTrail::Entry accepted =
            m_audit.next(AuditTrail::genesis(), id, user.username, action, number + acceptedDetail);
        std::optional<AuditTrail::Entry> paused;
        if (plan.clockPaused)
            paused = m_audit.next(accepted.hash, id, "system", "clock_paused", toIsoString(today) + ": " + pauseReason);

        values.insert(values.end(), {now, paused ? paused->hash : accepted.hash});
        tx.execute("INSERT INTO cases (id, number, status, center, clerk, channel, green_channel, bundle, "
                   "applicant_kind, applicant_name, applicant_id, applicant_phone, applicant_legal_rep, matters, "
                   "departments, form, materials, accepted_at, promised_due_date, legal_due_date, version, updated_at, "
                   "audit_head) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                   values);
        for (const NewDeficiency &d : newDeficiencies) {
            tx.execute("INSERT INTO deficiencies (id, case_id, material, material_name, due_date, status, created_at, "
                       "terminates_after) VALUES (?, ?, ?, ?, ?, 'outstanding', ?, ?)",
                       {d.id, id, d.code, d.name, d.due, now, d.terminatesAfter});
        }
        AuditTrail::write(tx, accepted);
        CaseTransitions::writeHistory(tx, id, now, user.username, plan.action, CaseState::Draft, plan.state);
        // Each matter is a part its department decides (联审联办).
        for (const auto &m : plan.matters)
            tx.execute("INSERT INTO case_parts (case_id, matter, department, status) VALUES (?, ?, ?, 'pending')",
                       {id, m.code, m.department});
        if (plan.clockPaused) {
            tx.execute("INSERT INTO case_clock_pauses (case_id, started_at, reason) VALUES (?, ?, ?)",
                       {id, toIsoString(today), pauseReason});
            AuditTrail::write(tx, *paused);
        }
        tx.commit();
        return response;
    } catch (const UniqueViolation &) {
        // The key was answered before, or a twin request won the race: answer as it was.
        Transaction tx(m_db, Transaction::Mode::Lookups);
        if (auto answered = idempotency.replay(tx))
            return *answered;
        throw;
    }
}

std::string CaseService::caseJson(Transaction &tx, const std::string &id)
{
    const auto row = tx.queryOne("SELECT * FROM cases WHERE id = ?", {id});
    if (!row)
        throw ApiError::notFound();
    return caseJson(tx, *row);
}

std::string CaseService::caseJson(Transaction &tx, const DbRow &row)
{
    const std::string id = row.text("id");
    const DbRows pauses = tx.query("SELECT started_at, ended_at, working_days, reason FROM case_clock_pauses WHERE "
                                   "case_id = ? ORDER BY id",
                                   {id});
    const DbRows notifications = tx.query("SELECT deficiency_id, kind, status, created_at, sent_at FROM notifications "
                                          "WHERE case_id = ? ORDER BY id",
                                          {id});
    const DbRows deficiencies = tx.query("SELECT * FROM deficiencies WHERE case_id = ? ORDER BY due_date, material", {id});
    return caseJson(row, pauses, notifications, deficiencies);
}

std::string CaseService::caseJson(const DbRow &row, const DbRows &pauseRows, const DbRows &notificationRows,
                                  const DbRows &deficiencyRows)
{
    JsonWriter w;
    w.beginObject();
    w.field("id", row.text("id"));
    w.field("number", row.text("number"));
    w.field("status", row.text("status"));
    // The matters and materials are JSON the server wrote: they go out as stored.
    w.key("matters").raw(row.text("matters"));
    w.field("bundle", row.optText("bundle"));
    w.key("applicant").beginObject();
    applicantFields(w, row);
    w.endObject();
    w.field("center", row.text("center"));
    w.field("clerk", row.text("clerk"));
    w.field("channel", row.text("channel"));
    w.field("greenChannel", row.boolean("green_channel"));
    w.key("form").raw(formWithIdNumbersMasked(row.text("form")));
    w.field("acceptedAt", row.text("accepted_at"));
    w.field("promisedDueDate", row.text("promised_due_date"));
    w.field("legalDueDate", row.text("legal_due_date"));
    // Every move of the promised due date, explained.
    w.key("clockPauses").beginArray();
    for (const DbRow &p : pauseRows) {
        w.beginObject();
        w.field("start", p.text("started_at"));
        w.field("end", p.optText("ended_at"));
        w.key("workingDays");
        if (p.isNull("working_days"))
            w.null();
        else
            w.number(p.integer("working_days"));
        w.field("reason", p.text("reason"));
        w.endObject();
    }
    w.endArray();
    w.field("terminatedAt", row.optText("terminated_at"));
    w.key("materials").raw(row.text("materials"));
    w.key("deficiencies").beginArray();
    bool overdue = false;
    for (const DbRow &d : deficiencyRows) {
        w.beginObject();
        deficiencyFields(w, d);
        const std::string deficiencyId = d.text("id");
        w.key("reminders").beginArray();
        for (const DbRow &n : notificationRows) {
            if (n.text("deficiency_id") != deficiencyId)
                continue;
            w.beginObject();
            w.field("kind", n.text("kind"));
            w.field("status", n.text("status"));
            w.field("createdAt", n.text("created_at"));
            w.field("sentAt", n.optText("sent_at"));
            w.endObject();
        }
        w.endArray();
        w.endObject();
        overdue = overdue || d.text("status") == "overdue";
    }
    w.endArray();
    w.field("overdue", overdue);
    w.field("version", row.integer("version"));
    w.field("updatedAt", row.text("updated_at"));
    w.endObject();
    return w.take();
}

void CaseService::requireInScope(Transaction &tx, const Principal &user, const std::string &id, int capability)
{
    requireCaseInScope(tx, user, id, capability);
}

void requireCaseInScope(Transaction &tx, const Principal &user, const std::string &id, int capability)
{
    const auto row = tx.queryOne("SELECT c.center, c.departments, COALESCE(ce.parent, '') AS parent FROM cases c "
                                 "JOIN centers ce ON ce.code = c.center WHERE c.id = ?",
                                 {id});
    if (!row)
        throw ApiError::notFound();
    const CaseScope scope{row->text("center"), row->text("parent"), splitCommas(row->text("departments"))};
    if (!AuthorizationPolicy::inScope(user, scope, static_cast<Cap>(capability)))
        throw ApiError::notFound();
}

Response CaseService::get(const Principal &user, const std::string &id)
{
    AuthorizationPolicy::require(user, Cap::ReadCases);
    Transaction tx(m_db, Transaction::Mode::Read);
    // One read for the scope and the content; the centres (for the scope) change rarely.
    const auto row = tx.queryOne("SELECT * FROM cases WHERE id = ?", {id});
    if (!row)
        throw ApiError::notFound();
    const std::string parent =
        m_catalog.centerParent(tx, row->text("center"), Catalog::Freshness::Recent).value_or("");
    const CaseScope scope{row->text("center"), parent, splitCommas(row->text("departments"))};
    if (!AuthorizationPolicy::inScope(user, scope, Cap::ReadCases))
        throw ApiError::notFound();
    Response r = Response::jsonText(200, caseJson(tx, *row));
    r.headers["ETag"] = etagOf(row->integer("version"));
    return r;
}

Response CaseService::current(Transaction &tx, const std::string &id, int status)
{
    const auto row = tx.queryOne("SELECT * FROM cases WHERE id = ?", {id});
    if (!row)
        throw ApiError::notFound();
    Response r = Response::jsonText(status, caseJson(tx, *row));
    r.headers["ETag"] = etagOf(row->integer("version"));
    return r;
}

Poco::JSON::Object::Ptr CaseService::list(const Principal &user, const std::string &status, const std::string &center,
                                          int limit, const std::string &cursor, const std::string &number)
{
    AuthorizationPolicy::require(user, Cap::ReadCases);
    const auto filter = AuthorizationPolicy::caseFilter(user, "c");
    std::string sql = "SELECT c.*, (SELECT COUNT(*) FROM deficiencies d WHERE d.case_id = c.id AND d.status IN "
                      "('outstanding', 'overdue')) AS outstanding FROM cases c WHERE "
                      + filter.sql;
    std::vector<DbValue> params = filter.params;
    andIfGiven(sql, params, "c.status", status);
    andIfGiven(sql, params, "c.center", center);
    andIfGiven(sql, params, "c.number", number);
    if (!cursor.empty()) {
        const auto key = decodeCursor(cursor, 2);
        const std::string &at = key[0];
        const std::string &id = key[1];
        sql += " AND (c.accepted_at < ? OR (c.accepted_at = ? AND c.id < ?))";
        params.insert(params.end(), {at, at, id});
    }
    sql += " ORDER BY c.accepted_at DESC, c.id DESC LIMIT ?";
    params.emplace_back(std::int64_t{limit + 1});
    Transaction tx(m_db, Transaction::Mode::Read);
    const DbRows rows = tx.query(sql, params);
    auto items = newArray();
    for (std::size_t i = 0; i < rows.size() && static_cast<int>(i) < limit; ++i) {
        const DbRow &row = rows[i];
        auto o = newObject();
        o->set("id", row.text("id"));
        o->set("number", row.text("number"));
        o->set("status", row.text("status"));
        auto codes = newArray();
        const auto matters = parseStoredArray(row.text("matters"));
        for (std::size_t m = 0; m < matters->size(); ++m)
            codes->add(matters->getObject(static_cast<unsigned>(m))->getValue<std::string>("code"));
        o->set("matters", codes);
        o->set("applicant", asObject(applicantFields<ObjectFields>, row));
        o->set("center", row.text("center"));
        o->set("acceptedAt", row.text("accepted_at"));
        o->set("promisedDueDate", row.text("promised_due_date"));
        o->set("outstandingDeficiencies", row.integer("outstanding"));
        items->add(o);
    }
    auto result = newObject();
    result->set("items", items);
    if (static_cast<int>(rows.size()) > limit) {
        const DbRow &last = rows[static_cast<std::size_t>(limit) - 1];
        result->set("nextCursor", encodeCursor({last.text("accepted_at"), last.text("id")}));
    } else {
        result->set("nextCursor", Poco::Dynamic::Var());
    }
    return result;
}

namespace {

bool isMatterCode(const std::string &code)
{
    return !code.empty() && code.size() <= 32
           && std::all_of(code.begin(), code.end(), [](char ch) {
                  return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
              });
}

/// The scope, centre and matter conditions shared by the deficiency list and its counts.
std::string deficiencyConditions(const Principal &user, const std::string &center, const std::string &matter,
                                 std::vector<DbValue> &params)
{
    const auto filter = AuthorizationPolicy::caseFilter(user, "c");
    std::string sql = filter.sql;
    params.insert(params.end(), filter.params.begin(), filter.params.end());
    andIfGiven(sql, params, "c.center", center);
    if (!matter.empty()) {
        // The case's matters are stored as JSON; a code is only ever a quoted value in it.
        sql += " AND c.matters LIKE ?";
        params.emplace_back("%\"" + matter + "\"%");
    }
    return sql;
}

} // namespace

Poco::JSON::Object::Ptr CaseService::deficiencies(const Principal &user, const std::string &status,
                                                  const std::string &dueBefore, const std::string &center, int limit,
                                                  const std::string &cursor, const std::string &matter)
{
    AuthorizationPolicy::require(user, Cap::ReadDeficiencies);
    FieldErrors errors;
    static const std::set<std::string> statuses{"outstanding", "overdue", "supplied", "waived"};
    if (!status.empty() && !statuses.contains(status))
        errors.add("status", "One of outstanding, overdue, supplied, waived.", "invalid");
    if (!dueBefore.empty() && !parseIsoDate(dueBefore))
        errors.add("dueBefore", "A date, YYYY-MM-DD.", "invalid");
    if (!matter.empty() && !isMatterCode(matter))
        errors.add("matter", "A matter code such as HF-001.", "invalid");
    errors.throwIfAny();

    std::vector<DbValue> params;
    std::string sql = "SELECT d.*, c.number, c.center, c.applicant_name, c.applicant_phone, c.matters AS case_matters "
                      "FROM deficiencies d JOIN cases c ON c.id = d.case_id WHERE "
                      + deficiencyConditions(user, center, matter, params);
    andIfGiven(sql, params, "d.status", status);
    if (!dueBefore.empty()) {
        sql += " AND d.due_date < ?";
        params.emplace_back(dueBefore);
    }
    if (!cursor.empty()) {
        const auto key = decodeCursor(cursor, 2);
        const std::string &due = key[0];
        const std::string &id = key[1];
        sql += " AND (d.due_date > ? OR (d.due_date = ? AND d.id > ?))";
        params.insert(params.end(), {due, due, id});
    }
    sql += " ORDER BY d.due_date, d.id LIMIT ?";
    params.emplace_back(std::int64_t{limit + 1});
    Transaction tx(m_db, Transaction::Mode::Read);
    const DbRows rows = tx.query(sql, params);
    auto items = newArray();
    for (std::size_t i = 0; i < rows.size() && static_cast<int>(i) < limit; ++i) {
        auto o = asObject(deficiencyFields<ObjectFields>, rows[i]);
        o->set("caseId", rows[i].text("case_id"));
        o->set("caseNumber", rows[i].text("number"));
        o->set("center", rows[i].text("center"));
        o->set("applicantName", rows[i].text("applicant_name"));
        o->set("applicantPhone", rows[i].text("applicant_phone"));
        auto codes = newArray();
        const auto matters = parseStoredArray(rows[i].text("case_matters"));
        for (std::size_t m = 0; m < matters->size(); ++m)
            codes->add(matters->getObject(static_cast<unsigned>(m))->getValue<std::string>("code"));
        o->set("matters", codes);
        items->add(o);
    }
    auto result = newObject();
    result->set("items", items);
    if (static_cast<int>(rows.size()) > limit) {
        const DbRow &last = rows[static_cast<std::size_t>(limit) - 1];
        result->set("nextCursor", encodeCursor({last.text("due_date"), last.text("id")}));
    } else {
        result->set("nextCursor", Poco::Dynamic::Var());
    }
    return result;
}

Poco::JSON::Object::Ptr CaseService::deficiencyCounts(const Principal &user, const std::string &center,
                                                     const std::string &matter)
{
    AuthorizationPolicy::require(user, Cap::ReadDeficiencies);
    if (!matter.empty() && !isMatterCode(matter)) {
        FieldErrors errors;
        errors.add("matter", "A matter code such as HF-001.", "invalid");
        errors.throwIfAny();
    }
    // Today and this week by the server's calendar date; the week ends on Sunday.
    const Date today = m_clock.today();
    const Date tomorrow = addCalendarDays(today, 1);
    const Date nextMonday = addCalendarDays(today, 8 - static_cast<int>(isoWeekday(today)));
    std::vector<DbValue> params{toIsoString(tomorrow), toIsoString(nextMonday)};
    const std::string sql =
        "SELECT d.status AS status, COUNT(*) AS n, "
        "SUM(CASE WHEN d.due_date < ? THEN 1 ELSE 0 END) AS due_today, "
        "SUM(CASE WHEN d.due_date < ? THEN 1 ELSE 0 END) AS due_week "
        "FROM deficiencies d JOIN cases c ON c.id = d.case_id WHERE "
        + deficiencyConditions(user, center, matter, params) + " GROUP BY d.status";
    Transaction tx(m_db, Transaction::Mode::Read);
    auto result = newObject();
    result->set("today", toIsoString(today));
    for (const char *key : {"outstanding", "dueToday", "dueThisWeek", "overdue", "supplied", "waived"})
        result->set(key, 0);
    for (const DbRow &row : tx.query(sql, params)) {
        const std::string status = row.text("status");
        if (status == "outstanding") {
            result->set("outstanding", row.integer("n"));
            result->set("dueToday", row.integer("due_today"));
            result->set("dueThisWeek", row.integer("due_week"));
        } else if (status == "overdue" || status == "supplied" || status == "waived") {
            result->set(status, row.integer("n"));
        }
    }
    return result;
}

CaseService::Resolving CaseService::beginResolve(Transaction &tx, const Principal &user, const std::string &caseId,
                                                 const std::string &deficiencyId, const std::string &ifMatch,
                                                 int capability)
{
    requireInScope(tx, user, caseId, capability);
    if (ifMatch.empty())
        throw ApiError::preconditionRequired("If-Match");
    const auto row = tx.queryOne("SELECT status, version, materials FROM cases WHERE id = ?", {caseId});
    Resolving r;
    r.version = row->integer("version");
    r.status = row->text("status");
    r.materials = row->text("materials");
    if (ifMatch != etagOf(r.version) && ifMatch != "W/" + etagOf(r.version))
        throw ApiError::preconditionFailed();
    const auto deficiency = tx.queryOne("SELECT material, material_name, status FROM deficiencies WHERE id = ? AND "
                                        "case_id = ?",
                                        {deficiencyId, caseId});
    if (!deficiency)
        throw ApiError::notFound();
    if (r.status == "terminated")
        throw ApiError::transitionRefused("case_terminated",
                                          "The case was terminated because this material did not come in time.");
    const std::string current = deficiency->text("status");
    if (current != "outstanding" && current != "overdue")
        throw ApiError::transitionRefused("deficiency_" + current, "This material is already " + current + ".");
    r.material = deficiency->text("material");
    r.materialName = deficiency->text("material_name");
    return r;
}

Response CaseService::finishResolve(Transaction &tx, const Principal &user, const std::string &caseId,
                                    const Resolving &r, const std::string &materialsJson)
{
    const std::int64_t outstanding =
        tx.queryOne("SELECT COUNT(*) AS n FROM deficiencies WHERE case_id = ? AND status IN ('outstanding', 'overdue')",
                    {caseId})
            ->integer("n");
    if (outstanding == 0)
        resumeClock(tx, caseId, user.username, true);
    std::int64_t version = 0;
    if (outstanding == 0 && r.status == "accepted_with_deficiency") {
        // The last deficient material is in: the case is fully accepted, through the one door.
        CaseTransitions::Change change;
        change.caseId = caseId;
        change.action = CaseAction::CompleteMaterials;
        change.actor = user.username;
        change.role = *roleFromCode(user.role);
        change.expectedVersion = r.version;
        change.detail = "no deficient material outstanding";
        change.columns = {{"materials", materialsJson}};
        version = m_transitions.apply(tx, change).version;
    } else {
        // Guarded by the version read at the start: a case changed meanwhile (by another request
        // or the termination job) is refused, and nothing of this request is kept.
        const DbRows updated = tx.query("UPDATE cases SET materials = ?, version = version + 1, updated_at = ? "
                                        "WHERE id = ? AND version = ? RETURNING version",
                                        {materialsJson, m_clock.now(), caseId, r.version});
        if (updated.empty())
            throw ApiError::preconditionFailed();
        version = updated.front().integer("version");
    }
    std::string json = caseJson(tx, caseId);
    tx.commit();
    Response response = Response::jsonText(200, std::move(json));
    response.headers["ETag"] = etagOf(version);
    return response;
}

Response CaseService::supply(const Principal &user, const std::string &caseId, const std::string &deficiencyId,
                             const std::string &ifMatch, const std::string &body)
{
    AuthorizationPolicy::require(user, Cap::SupplyDeficiency);
    Transaction tx(m_db, Transaction::Mode::Write);
    requireInScope(tx, user, caseId, static_cast<int>(Cap::SupplyDeficiency));
    if (ifMatch.empty())
        throw ApiError::preconditionRequired("If-Match");
    const auto json = parseObject(body);
    const std::string provided = optString(json, "provided").value_or("");
    FieldErrors errors;
    if (provided != "paper" && provided != "scan")
        errors.add("provided", "How the material arrived: paper or scan.", "invalid");
    const auto attachmentId = optString(json, "attachmentId");
    if (json->has("attachmentId") && !json->get("attachmentId").isEmpty()) {
        if (!attachmentId)
            errors.add("attachmentId", "The id of an attachment of this case.", "invalid");
        else if (!tx.queryOne("SELECT id FROM attachments WHERE id = ? AND case_id = ?", {*attachmentId, caseId}))
            errors.add("attachmentId", "No attachment with this id belongs to this case.", "not_in_case");
    }
    errors.throwIfAny();
    const Resolving r = beginResolve(tx, user, caseId, deficiencyId, ifMatch, static_cast<int>(Cap::SupplyDeficiency));

    const std::string now = m_clock.now();
    tx.execute("UPDATE deficiencies SET status = 'supplied', supplied_at = ?, provided = ?, supplied_by = ?, "
               "attachment_id = ? WHERE id = ?",
               {now, provided, user.username, attachmentId ? DbValue{*attachmentId} : DbValue{}, deficiencyId});
    auto materials = parseStoredArray(r.materials);
    for (std::size_t i = 0; i < materials->size(); ++i) {
        auto m = materials->getObject(static_cast<unsigned>(i));
        if (m->getValue<std::string>("code") == r.material)
            m->set("provided", provided);
    }
    m_audit.append(tx, caseId, user.username, "deficiency_supplied",
                   r.material + " (" + provided + (attachmentId ? ", attachment " + *attachmentId : "") + ")");
    return finishResolve(tx, user, caseId, r, toJson(materials));
}

Response CaseService::waive(const Principal &user, const std::string &caseId, const std::string &deficiencyId,
                            const std::string &ifMatch, const std::string &body)
{
    AuthorizationPolicy::require(user, Cap::WaiveDeficiency);
    Transaction tx(m_db, Transaction::Mode::Write);
    requireInScope(tx, user, caseId, static_cast<int>(Cap::WaiveDeficiency));
    if (ifMatch.empty())
        throw ApiError::preconditionRequired("If-Match");
    const auto json = parseObject(body);
    std::string reason = optString(json, "reason").value_or("");
    const auto notSpace = [](unsigned char c) { return !std::isspace(c); };
    reason.erase(reason.begin(), std::find_if(reason.begin(), reason.end(), notSpace));
    reason.erase(std::find_if(reason.rbegin(), reason.rend(), notSpace).base(), reason.end());
    FieldErrors errors;
    if (reason.empty())
        errors.add("reason", "Say why the material is no longer needed; the reason is kept in the audit trail.",
                   "required");
    else if (reason.size() > 1000)
        errors.add("reason", "At most 1000 bytes.", "invalid");
    errors.throwIfAny();
    const Resolving r = beginResolve(tx, user, caseId, deficiencyId, ifMatch, static_cast<int>(Cap::WaiveDeficiency));
    tx.execute("UPDATE deficiencies SET status = 'waived', waived_at = ?, waived_by = ?, waive_reason = ? WHERE id = ?",
               {m_clock.now(), user.username, reason, deficiencyId});
    m_audit.append(tx, caseId, user.username, "deficiency_waived", r.material + ": " + reason);
    return finishResolve(tx, user, caseId, r, r.materials);
}

void CaseService::resumeClock(Transaction &tx, const std::string &caseId, const std::string &actor, bool moveDueDate)
{
    const auto pause = tx.queryOne("SELECT id, started_at FROM case_clock_pauses WHERE case_id = ? AND ended_at IS "
                                   "NULL ORDER BY id DESC LIMIT 1",
                                   {caseId});
    if (!pause)
        return;
    const WorkCalendar calendar = m_catalog.calendar(tx);
    const Date today = m_clock.today();
    const Date start = parseIsoDate(pause->text("started_at")).value_or(today);
    const int days = DeficiencyPolicy::pausedWorkingDays(calendar, start, today);
    tx.execute("UPDATE case_clock_pauses SET ended_at = ?, working_days = ? WHERE id = ?",
               {toIsoString(today), std::int64_t{days}, pause->integer("id")});
    std::string detail = pause->text("started_at") + " to " + toIsoString(today) + ", " + std::to_string(days)
                         + " working day(s)";
    if (moveDueDate && days > 0) {
        const auto row = tx.queryOne("SELECT promised_due_date FROM cases WHERE id = ?", {caseId});
        if (const auto due = parseIsoDate(row->text("promised_due_date"))) {
            const Date moved = calendar.addWorkingDays(*due, days);
            tx.execute("UPDATE cases SET promised_due_date = ? WHERE id = ?", {toIsoString(moved), caseId});
            detail += "; promised due date " + toIsoString(*due) + " -> " + toIsoString(moved);
        }
    }
    m_audit.append(tx, caseId, actor, "clock_resumed", detail);
}

std::optional<std::string> normalizedApplicantId(const std::string &identifier, const Date &today)
{
    if (const auto id = IdNumber::parse(identifier, today))
        return id->text();
    if (const auto code = CreditCode::parse(identifier))
        return code->text();
    return std::nullopt;
}

namespace {

Poco::JSON::Object::Ptr commitmentJson(const std::string &applicant, const std::optional<DbRow> &row)
{
    auto o = newObject();
    o->set("applicant", IdNumber::check(applicant) == IdNumber::Problem::None ? IdNumber::mask(applicant) : applicant);
    o->set("brokeCommitment", row ? row->boolean("broke_commitment") : false);
    o->set("caseId", row ? orNull(row->optText("case_id")) : Poco::Dynamic::Var());
    o->set("note", row ? orNull(row->optText("note")) : Poco::Dynamic::Var());
    o->set("updatedAt", row ? orNull(row->optText("updated_at")) : Poco::Dynamic::Var());
    return o;
}

std::string applicantOrThrow(const std::string &identifier, const Date &today)
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

} // namespace

Poco::JSON::Object::Ptr CaseService::commitment(const Principal &user, const std::string &identifier)
{
    AuthorizationPolicy::require(user, Cap::ClearBrokenCommitment);
    const std::string applicant = applicantOrThrow(identifier, m_clock.today());
    Transaction tx(m_db, Transaction::Mode::Read);
    const auto row = tx.queryOne("SELECT broke_commitment, case_id, note, updated_at FROM applicant_records WHERE "
                                 "applicant = ?",
                                 {applicant});
    // A record left by a case outside the supervisor's centres is not theirs to see.
    if (row && row->boolean("broke_commitment") && !row->isNull("case_id"))
        requireInScope(tx, user, row->text("case_id"), static_cast<int>(Cap::ClearBrokenCommitment));
    return commitmentJson(applicant, row);
}

Poco::JSON::Object::Ptr CaseService::clearCommitment(const Principal &user, const std::string &identifier,
                                                     const std::string &body)
{
    AuthorizationPolicy::require(user, Cap::ClearBrokenCommitment);
    const std::string applicant = applicantOrThrow(identifier, m_clock.today());
    const auto json = parseObject(body);
    std::string reason = optString(json, "reason").value_or("");
    const auto notSpace = [](unsigned char c) { return !std::isspace(c); };
    reason.erase(reason.begin(), std::find_if(reason.begin(), reason.end(), notSpace));
    reason.erase(std::find_if(reason.rbegin(), reason.rend(), notSpace).base(), reason.end());
    FieldErrors errors;
    if (reason.empty())
        errors.add("reason", "Say why the record is cleared; the reason is kept in the audit trail.", "required");
    else if (reason.size() > 1000)
        errors.add("reason", "At most 1000 bytes.", "invalid");
    errors.throwIfAny();

    Transaction tx(m_db, Transaction::Mode::Write);
    const auto row = tx.queryOne("SELECT broke_commitment, case_id FROM applicant_records WHERE applicant = ?",
                                 {applicant});
    if (!row || !row->boolean("broke_commitment"))
        throw ApiError(409, "transition_refused", "Nothing to clear", "This applicant has no broken commitment on record.")
            .with("reason", "no_broken_commitment");
    const std::string caseId = row->text("case_id");
    if (!caseId.empty())
        requireInScope(tx, user, caseId, static_cast<int>(Cap::ClearBrokenCommitment));
    const std::string now = m_clock.now();
    tx.execute("UPDATE applicant_records SET broke_commitment = 0, note = ?, updated_at = ? WHERE applicant = ?",
               {"cleared by " + user.username + ": " + reason, now, applicant});
    m_audit.append(tx, caseId, user.username, "commitment_cleared",
                   commitmentJson(applicant, std::nullopt)->getValue<std::string>("applicant") + ": " + reason);
    const auto after = tx.queryOne("SELECT broke_commitment, case_id, note, updated_at FROM applicant_records WHERE "
                                   "applicant = ?",
                                   {applicant});
    tx.commit();
    return commitmentJson(applicant, after);
}

Poco::JSON::Object::Ptr CaseService::audit(const Principal &user, const std::string &caseId)
{
    AuthorizationPolicy::require(user, Cap::ReadCaseAudit);
    Transaction tx(m_db, Transaction::Mode::Read);
    requireInScope(tx, user, caseId, static_cast<int>(Cap::ReadCaseAudit));
    auto result = newObject();
    result->set("items", m_audit.forCase(tx, caseId));
    return result;
}

int CaseService::markOverdue()
{
    Transaction tx(m_db, Transaction::Mode::Write);
    lockForTransaction(tx, kOverdueJobLock);
    const DbRows rows = tx.query("UPDATE deficiencies SET status = 'overdue', overdue_at = ? WHERE status = "
                                 "'outstanding' AND due_date < ? RETURNING id, case_id, material, due_date",
                                 {m_clock.now(), toIsoString(m_clock.today())});
    std::set<std::string> cases;
    for (const DbRow &row : rows) {
        m_audit.append(tx, row.text("case_id"), "system", "deficiency_overdue",
                       row.text("material") + " was due " + row.text("due_date"));
        cases.insert(row.text("case_id"));
    }
    // The case reads differently now: a new version, so stale copies are refused.
    for (const auto &id : cases)
        tx.execute("UPDATE cases SET version = version + 1, updated_at = ? WHERE id = ?", {m_clock.now(), id});
    tx.commit();
    return static_cast<int>(rows.size());
}

} // namespace onewindow::server
