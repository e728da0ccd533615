#include "intake/intakeplanner.h"

#include "clock.h"
#include "db/database.h"
#include "http/problem.h"

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

} // namespace

IntakePlan IntakePlanner::plan(Transaction &tx, const Principal &user, const Poco::JSON::Object::Ptr &body,
                               const Date &today) const
{
    IntakePlan plan;
    FieldErrors errors;
    plan.request = IntakeRequest::parse(body, user, today, errors);
    findMatters(tx, plan, errors);
    std::vector<MatterRules> rules;
    for (const auto &m : plan.matters)
        rules.push_back(m.rules());
    plan.merged = BundleMerge::merge(rules);
    for (const auto &m : plan.merged.materials)
        plan.materialNames[m.rule.code] = m.rule.name;
    validateForm(plan.merged, plan.request.form, today, errors);
    checkELicenses(tx, plan, errors);
    errors.throwIfAny();

    ApplicantRecord record;
    const CompletenessReport report = completeness(tx, plan, record);
    const WorkCalendar calendar = m_catalog.calendar(tx, Catalog::Freshness::Recent);
    std::vector<ApiError::MissingMaterial> missing;
    for (const auto &issue : report.issues)
        missing.push_back({issue.materialCode, nameOf(plan, issue.materialCode), DeficiencyPolicy::issueCode(issue.kind)});
    setDueDates(plan, report.tolerated, calendar, today, missing);
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
    setDeadlines(plan, calendar, today);
    return plan;
}

void IntakePlanner::findMatters(Transaction &tx, IntakePlan &plan, FieldErrors &errors) const
{
    IntakeRequest &in = plan.request;
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
    for (const auto &material : in.materials)
        plan.provisions[material.code] = kinds.at(material.provided);
    const bool anyDeficient = std::any_of(in.materials.begin(), in.materials.end(),
                                          [](const auto &m) { return m.provided == "deficient"; });
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
void IntakePlanner::setDeadlines(IntakePlan &plan, const WorkCalendar &calendar, const Date &today) const
{
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
}

} // namespace onewindow::server
