#include "intake/newcase.h"

#include "audit/audittrail.h"
#include "cases/casejson.h"
#include "cases/casequeue.h"
#include "cases/casetransitions.h"
#include "http/preconditions.h"
#include "intake/intakeplanner.h"
#include "json.h"

#include <Poco/UUIDGenerator.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <stdexcept>
#include <tuple>

namespace onewindow::server {

namespace {

const std::string kNumberPlaceholder = "{{number}}";

std::string newId()
{
    return Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
}

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

// The matters as stored with the case: each with the version it was accepted under.
std::string mattersText(const IntakePlan &plan)
{
    auto mattersJson = newArray();
    for (const auto &m : plan.matters) {
        auto o = newObject();
        o->set("code", m.code);
        o->set("name", m.name);
        o->set("department", m.department);
        o->set("version", m.version);
        mattersJson->add(o);
    }
    return toJson(mattersJson);
}

std::string materialsText(const IntakePlan &plan)
{
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
    return toJson(materialsJson);
}

// The form's values of the fields the matters ask for, and no others.
std::string formText(const IntakePlan &plan)
{
    const Poco::JSON::Object::Ptr &given = plan.request.form;
    auto form = newObject();
    for (const auto &entry : plan.merged.fields) {
        if (given->has(entry.field.key) && !given->get(entry.field.key).isEmpty())
            form->set(entry.field.key, given->get(entry.field.key).toString());
    }
    return toJson(form);
}

std::string materialName(const IntakePlan &plan, const std::string &code)
{
    const auto it = plan.materialNames.find(code);
    return it == plan.materialNames.end() ? std::string() : it->second;
}

} // namespace

NewCase::NewCase(const IntakePlan &plan, const std::string &clerk, const Date &today, std::string now,
                 std::string number)
    : m_plan(plan), m_clerk(clerk), m_today(today), m_now(std::move(now)), m_number(std::move(number)), m_id(newId())
{
    std::string deficientNames;
    for (const auto &[code, due] : plan.dueDates) {
        const std::string name = materialName(plan, code);
        m_deficiencies.push_back({newId(), code, name, toIsoString(due), toIsoString(plan.terminatesAfter.at(code))});
        deficientNames += (deficientNames.empty() ? "" : ", ") + name;
    }
    std::sort(m_deficiencies.begin(), m_deficiencies.end(), [](const Deficiency &a, const Deficiency &b) {
        return std::tie(a.due, a.code) < std::tie(b.due, b.code);
    });
    if (plan.clockPaused)
        m_pauseReason = "the time limit stops while deficient material is outstanding: " + deficientNames;
    m_acceptedDetail =
        plan.refusal.empty()
            ? " at " + plan.request.center + ", " + std::to_string(plan.dueDates.size()) + " deficient material(s)"
                  + (plan.request.greenChannel ? ", green channel: " + plan.request.greenChannelReason : "")
            : " at " + plan.request.center + ", " + plan.request.refusal->kind + ": " + plan.refusal;
    m_values = rowValues();
    m_response = answer();
}

std::vector<DbValue> NewCase::rowValues() const
{
    const IntakeRequest &in = m_plan.request;
    return {m_id,
            m_number.empty() ? kNumberPlaceholder : m_number,
            std::string(CaseLifecycle::stateCode(m_plan.state)),
            in.center,
            m_clerk,
            in.channel,
            std::int64_t{in.greenChannel ? 1 : 0},
            in.bundle.empty() ? DbValue{} : DbValue{in.bundle},
            in.applicantKind,
            in.applicantName,
            in.applicantId,
            in.phone,
            in.legalRepresentative.empty() ? DbValue{} : DbValue{in.legalRepresentative},
            mattersText(m_plan),
            m_plan.departments,
            formText(m_plan),
            materialsText(m_plan),
            m_now,
            toIsoString(m_plan.promisedDue),
            toIsoString(m_plan.legalDue),
            m_plan.internalDue ? DbValue{toIsoString(*m_plan.internalDue)} : DbValue{},
            m_plan.refusal.empty() ? DbValue{} : DbValue{m_plan.refusal}};
}

// The answer, from the rows about to be written: built before the write transaction.
Response NewCase::answer() const
{
    static const auto caseColumns = std::make_shared<const std::vector<std::string>>(std::vector<std::string>{
        "id", "number", "status", "center", "clerk", "channel", "green_channel", "bundle", "applicant_kind",
        "applicant_name", "applicant_id", "applicant_phone", "applicant_legal_rep", "matters", "departments", "form",
        "materials", "accepted_at", "promised_due_date", "legal_due_date", "internal_due_date", "refusal", "version",
        "updated_at", "terminated_at"});
    static const auto pauseColumns = std::make_shared<const std::vector<std::string>>(
        std::vector<std::string>{"started_at", "ended_at", "working_days", "reason"});
    static const auto deficiencyColumns = std::make_shared<const std::vector<std::string>>(std::vector<std::string>{
        "id", "case_id", "material", "material_name", "due_date", "status", "supplied_at", "provided", "created_at",
        "attachment_id", "supplied_by", "overdue_at", "waived_at", "waived_by", "waive_reason", "terminates_after"});
    std::vector<DbValue> values = m_values;
    values.insert(values.end(), {std::int64_t{1}, m_now, DbValue{}});
    const DbRow caseRow(caseColumns, std::move(values));
    DbRows pauseRows;
    if (m_plan.clockPaused)
        pauseRows.emplace_back(pauseColumns,
                               std::vector<DbValue>{toIsoString(m_today), DbValue{}, DbValue{}, m_pauseReason});
    DbRows deficiencyRows;
    for (const Deficiency &d : m_deficiencies)
        deficiencyRows.emplace_back(deficiencyColumns,
                                    std::vector<DbValue>{d.id, m_id, d.code, d.name, d.due, std::string("outstanding"),
                                                         DbValue{}, DbValue{}, m_now, DbValue{}, DbValue{}, DbValue{},
                                                         DbValue{}, DbValue{}, DbValue{}, d.terminatesAfter});
    Response response = Response::jsonText(201, caseJson(caseRow, pauseRows, {}, deficiencyRows));
    response.headers["Location"] = "/api/v1/cases/" + m_id;
    response.headers["ETag"] = etagOf(1);
    return response;
}

void NewCase::setNumber(const std::string &number)
{
    m_number = number;
    m_values[1] = number;
    // The id comes first in the answer, then the number: the first placeholder is it.
    const std::string field = "\"number\":\"" + kNumberPlaceholder + "\"";
    const auto at = m_response.body.find(field);
    if (at == std::string::npos)
        throw std::logic_error("the answer has no number to fill in");
    m_response.body.replace(at, field.size(), "\"number\":\"" + number + "\"");
}

void NewCase::insert(Transaction &tx, AuditTrail &audit)
{
    // A new case's audit chain starts at the genesis: nothing to read; its head goes into the
    // case row's INSERT.
    const AuditTrail::Entry accepted =
        audit.appendAfter(tx, AuditTrail::genesis(), m_id, m_clerk, std::string(CaseLifecycle::actionCode(m_plan.action)),
                          m_number + m_acceptedDetail);
    std::optional<AuditTrail::Entry> paused;
    if (m_plan.clockPaused)
        paused = audit.appendAfter(tx, accepted.hash, m_id, "system", "clock_paused",
                                   toIsoString(m_today) + ": " + m_pauseReason);

    m_values.insert(m_values.end(), {m_now, paused ? paused->hash : accepted.hash});
    tx.execute("INSERT INTO cases (id, number, status, center, clerk, channel, green_channel, bundle, "
               "applicant_kind, applicant_name, applicant_id, applicant_phone, applicant_legal_rep, matters, "
               "departments, form, materials, accepted_at, promised_due_date, legal_due_date, internal_due_date, "
               "refusal, version, updated_at, audit_head) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
               "?, ?, ?, ?, ?, 1, ?, ?)",
               m_values);
    for (const Deficiency &d : m_deficiencies) {
        tx.execute("INSERT INTO deficiencies (id, case_id, material, material_name, due_date, status, created_at, "
                   "terminates_after) VALUES (?, ?, ?, ?, ?, 'outstanding', ?, ?)",
                   {d.id, m_id, d.code, d.name, d.due, m_now, d.terminatesAfter});
    }
    CaseTransitions::writeHistory(tx, m_id, m_now, m_clerk, m_plan.action, CaseState::Draft, m_plan.state);
    // Each matter is a part its department decides (联审联办); a refusal goes to no department.
    for (const auto &m : m_plan.refusal.empty() ? m_plan.matters : std::vector<MatterDefinition>{})
        tx.execute("INSERT INTO case_parts (case_id, matter, department, status) VALUES (?, ?, ?, 'pending')",
                   {m_id, m.code, m.department});
    CaseQueue::sync(tx, m_id);
    if (m_plan.clockPaused)
        tx.execute("INSERT INTO case_clock_pauses (case_id, started_at, reason) VALUES (?, ?, ?)",
                   {m_id, toIsoString(m_today), m_pauseReason});
    // Last: it takes the lock of the chain outside cases, which intakes then hold only to commit.
    audit.recordCaseCreated(tx, m_clerk, m_id, m_number, accepted.hash);
}

} // namespace onewindow::server
