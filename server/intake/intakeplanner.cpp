#include "intake/intakeplanner.h"

#include "clock.h"
#include "db/database.h"
#include "http/problem.h"
#include "json.h"

#include <algorithm>
#include <optional>
#include <set>

namespace onewindow::server {

namespace {

std::string nameOf(const IntakePlan &plan, const std::string &code)
{
    const auto it = plan.materialNames.find(code);
    return it == plan.materialNames.end() ? code : it->second;
}

// The earliest due date any matter requiring the material allows; today when none does.
Date earliestDue(const std::vector<MatterDefinition> &matters, const std::string &code, const WorkCalendar &calendar,
                 const Date &today)
{
    std::optional<Date> due;
    for (const auto &m : matters) {
        const MatterRules r = m.rules();
        if (const MaterialRule *rule = r.material(code); rule && (rule->required || rule->core)) {
            const Date d = DeficiencyPolicy::dueDate(calendar, r, *rule, today);
            if (!due || daysBetween(d, *due) > 0)
                due = d;
        }
    }
    return due.value_or(today);
}

// The earliest date past which the material, due on `due`, ends the case.
Date earliestTermination(const std::vector<MatterDefinition> &matters, const std::string &code,
                         const WorkCalendar &calendar, const Date &due)
{
    std::optional<Date> ends;
    for (const auto &m : matters) {
        const MatterRules r = m.rules();
        if (const MaterialRule *rule = r.material(code); rule && (rule->required || rule->core)) {
            const Date t = DeficiencyPolicy::terminationDate(calendar, r, due);
            if (!ends || t < *ends)
                ends = t;
        }
    }
    return ends.value_or(due);
}

// Due dates of deficient materials: the earliest any requiring matter allows, or earlier when
// the counter asks; a later one asked for is refused (in `missing`).
void setDueDates(IntakePlan &plan, const std::vector<std::string> &tolerated, const WorkCalendar &calendar,
                 const Date &today, std::vector<ApiError::MissingMaterial> &missing)
{
    for (const auto &code : tolerated) {
        Date due = earliestDue(plan.matters, code, calendar, today);
        for (const auto &material : plan.request.materials) {
            if (material.code != code || !material.dueDate)
                continue;
            if (daysBetween(due, *material.dueDate) > 0)
                missing.push_back({code, nameOf(plan, code), "due_date_too_late"});
            else
                due = *material.dueDate;
        }
        plan.dueDates[code] = due;
        plan.terminatesAfter[code] = earliestTermination(plan.matters, code, calendar, due);
    }
}

// The departments a case involves, as stored: ",HF,MR,".
std::string departmentList(const std::vector<MatterDefinition> &matters)
{
    std::set<std::string> departments;
    for (const auto &m : matters)
        departments.insert(m.department);
    std::string out = ",";
    for (const auto &d : departments)
        out += d + ",";
    return out;
}

// What a field problem's path names, in the words of the form or the material list.
std::string fieldLabel(const IntakePlan &plan, const std::string &path)
{
    if (path.starts_with("form.")) {
        const std::string key = path.substr(5);
        for (const auto &entry : plan.merged.fields) {
            if (entry.field.key == key)
                return entry.field.label;
        }
        return key;
    }
    for (const auto &material : plan.request.materials) {
        if (path.starts_with("materials[" + std::to_string(material.index) + "]"))
            return nameOf(plan, material.code);
    }
    return path;
}

} // namespace

IntakePlan IntakePlanner::plan(Transaction &tx, const Principal &user, const Poco::JSON::Object::Ptr &body,
                               const Date &today, bool morning) const
{
    IntakePlan plan;
    FieldErrors errors;
    plan.request = IntakeRequest::parse(body, user, today, errors);
    findMatters(tx, plan, today, errors);
    std::vector<MatterRules> rules;
    for (const auto &m : plan.matters)
        rules.push_back(m.rules());
    plan.merged = BundleMerge::merge(rules);
    for (const auto &m : plan.merged.materials)
        plan.materialNames[m.rule.code] = m.rule.name;
    // A refusal on record lists the form's problems; an acceptance is refused by them.
    const bool refusing = plan.request.refusal.has_value();
    FieldErrors formProblems;
    validateForm(plan.merged, plan.request.form, today, refusing ? formProblems : errors);
    checkELicenses(tx, plan, refusing ? formProblems : errors);
    errors.throwIfAny();

    ApplicantRecord record;
    const CompletenessReport report = completeness(tx, plan, record);
    const WorkCalendar calendar = m_catalog.calendar(tx, Catalog::Freshness::Recent);
    std::vector<ApiError::MissingMaterial> missing;
    for (const auto &issue : report.issues)
        missing.push_back({issue.materialCode, nameOf(plan, issue.materialCode), DeficiencyPolicy::issueCode(issue.kind)});
    setDueDates(plan, report.tolerated, calendar, today, missing);
    if (refusing) {
        planRefusal(plan, missing, formProblems, user, today);
        return plan;
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
    decideState(plan, report, record, user);
    setDeadlines(plan, calendar, today, morning);
    return plan;
}

void IntakePlanner::findMatters(Transaction &tx, IntakePlan &plan, const Date &today, FieldErrors &errors) const
{
    IntakeRequest &in = plan.request;
    if (!in.bundle.empty()) {
        if (auto bundle = m_catalog.bundle(tx, in.bundle))
            in.matterCodes = bundle->matters;
        else
            errors.add("bundle", "No such bundle.", "unknown");
    }
    for (std::size_t i = 0; i < in.matterCodes.size(); ++i) {
        if (auto m = m_catalog.matterOn(tx, in.matterCodes[i], today, Catalog::Freshness::Recent))
            plan.matters.push_back(*m);
        else
            errors.add(in.bundle.empty() ? "matters[" + std::to_string(i) + "]" : "bundle", "No such matter.",
                       "unknown");
    }
}

// Electronic licences the applicant really holds.
void IntakePlanner::checkELicenses(Transaction &tx, const IntakePlan &plan, FieldErrors &errors) const
{
    const IntakeRequest &in = plan.request;
    const MergedIntake &merged = plan.merged;
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
}

// Completeness, against the merged (strictest) requirements; the applicant's record is read
// only when a material is offered as deficient.
CompletenessReport IntakePlanner::completeness(Transaction &tx, IntakePlan &plan, ApplicantRecord &record) const
{
    const IntakeRequest &in = plan.request;
    MatterRules combined;
    combined.code = in.bundle.empty() ? plan.matters.front().code : in.bundle;
    for (const auto &m : plan.merged.materials)
        combined.materials.push_back(m.rule);
    static const std::map<std::string, Provision> kinds{{"paper", Provision::Paper},
                                                        {"scan", Provision::Scan},
                                                        {"e_license", Provision::ELicense},
                                                        {"deficient", Provision::Deficient}};
    // A material another matter of the bundle produces comes with that matter's result: the
    // bundle does not ask for it, and whatever the counter says of it is not kept.
    for (const auto &material : in.materials) {
        if (!plan.merged.providedWithin(material.code))
            plan.provisions[material.code] = kinds.at(material.provided);
    }
    const bool anyDeficient = std::any_of(plan.provisions.begin(), plan.provisions.end(),
                                          [](const auto &p) { return p.second == Provision::Deficient; });
    if (anyDeficient) {
        if (auto r = tx.queryOne("SELECT broke_commitment FROM applicant_records WHERE applicant = ?",
                                 {in.applicantId}))
            record.brokeCommitment = r->boolean("broke_commitment");
    }
    return DeficiencyPolicy::completeness(combined, plan.provisions, record);
}

// The lifecycle decides the state.
void IntakePlanner::decideState(IntakePlan &plan, const CompletenessReport &report, const ApplicantRecord &record,
                                const Principal &user) const
{
    CaseFacts facts;
    facts.completeness = report.level;
    facts.applicantBrokeCommitment = record.brokeCommitment;
    plan.action = report.level == Completeness::Complete ? CaseAction::Accept : CaseAction::AcceptWithDeficiency;
    const CaseDecision decision = CaseLifecycle::decide(CaseState::Draft, plan.action, *roleFromCode(user.role), facts);
    if (!decision.allowed())
        throw ApiError::transitionRefused(std::string(CaseLifecycle::refusalCode(decision.refusal)),
                                          "The case cannot be accepted.");
    plan.state = decision.to;
}

// Deadlines: the longest limit among the matters.
void IntakePlanner::setDeadlines(IntakePlan &plan, const WorkCalendar &calendar, const Date &today,
                                 bool morning) const
{
    WorkingDays promised, legal;
    for (const auto &m : plan.matters) {
        promised = std::max(promised, WorkingDays::fromDouble(m.promisedDays));
        legal = std::max(legal, WorkingDays::fromDouble(m.legalDays));
    }
    const WorkingMoment start{today, morning ? DayPart::Morning : DayPart::Afternoon};
    plan.promisedDue = calendar.deadline(start, promised).date;
    plan.legalDue = calendar.deadline(start, legal).date;
    plan.departments = departmentList(plan.matters);
    // 绿色通道: the hall's own, shorter deadline (the strictest of the matters').
    if (plan.request.greenChannel) {
        WorkingDays internal = WorkingDays::fromDouble(plan.matters.front().greenChannelLimit());
        for (const auto &m : plan.matters)
            internal = std::min(internal, WorkingDays::fromDouble(m.greenChannelLimit()));
        plan.internalDue = calendar.deadline(start, internal).date;
    }
}

void IntakePlanner::planRefusal(IntakePlan &plan, const std::vector<ApiError::MissingMaterial> &missing,
                                const FieldErrors &formProblems, const Principal &user, const Date &today) const
{
    const IntakeRequest::Refusal &refusal = *plan.request.refusal;
    const MatterReason *reason = nullptr;
    for (const auto &m : plan.matters) {
        if (!reason)
            reason = m.reason("not_accepted", refusal.reason);
    }
    FieldErrors errors;
    if (!reason)
        errors.add("refusal.reason", "Not one of the matter's reasons for not accepting.", "unknown");
    if (refusal.kind == "one_time_notice" && missing.empty() && formProblems.empty())
        errors.add("refusal.kind", "Nothing is missing or wrong: accept the application instead.",
                   "nothing_to_notify");
    errors.throwIfAny();

    const CaseDecision decision = CaseLifecycle::decide(CaseState::Draft, CaseAction::RefuseWithNotice,
                                                        *roleFromCode(user.role), CaseFacts{});
    if (!decision.allowed())
        throw ApiError::transitionRefused(std::string(CaseLifecycle::refusalCode(decision.refusal)),
                                          "The refusal cannot be put on record.");
    plan.action = CaseAction::RefuseWithNotice;
    plan.state = decision.to;
    // Nothing is owed and nothing is reviewed: no deficiencies, no parts, no deadline but today.
    plan.dueDates.clear();
    plan.terminatesAfter.clear();
    plan.request.greenChannel = false;
    plan.promisedDue = plan.legalDue = today;
    plan.departments = departmentList(plan.matters);

    auto items = newArray();
    for (const auto &m : missing) {
        auto item = newObject();
        item->set("kind", "material");
        item->set("code", m.code);
        item->set("name", m.name);
        item->set("problem", m.reason);
        items->add(item);
    }
    for (const auto &f : formProblems.list()) {
        auto item = newObject();
        item->set("kind", "field");
        item->set("code", f.field);
        item->set("name", fieldLabel(plan, f.field));
        item->set("problem", f.code);
        item->set("message", f.message);
        items->add(item);
    }
    auto record = newObject();
    record->set("kind", refusal.kind);
    auto reasonJson = newObject();
    reasonJson->set("code", reason->code);
    reasonJson->set("text", reason->text);
    record->set("reason", reasonJson);
    record->set("note", refusal.note);
    record->set("items", items);
    plan.refusal = toJson(record);
}

} // namespace onewindow::server
