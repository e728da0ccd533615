#include "domain/deficiencypolicy.h"

#include <algorithm>

namespace onewindow {

DeficiencyRefusal DeficiencyPolicy::mayBeDeficient(const MatterRules &matter, const std::string &materialCode,
                                                   const ApplicantRecord &applicant)
{
    const MaterialRule *material = matter.material(materialCode);
    if (!material)
        return DeficiencyRefusal::UnknownMaterial;
    if (material->core)
        return DeficiencyRefusal::CoreMaterial;
    if (!material->deficiencyAllowed)
        return DeficiencyRefusal::NotOnDeficiencyList;
    if (applicant.brokeCommitment)
        return DeficiencyRefusal::ApplicantBrokeCommitment;
    return DeficiencyRefusal::None;
}

int DeficiencyPolicy::supplyDays(const MatterRules &matter, const MaterialRule &material)
{
    const WorkingDays cap =
        matter.deficiencyCap == DeficiencyCap::PromisedLimit ? matter.promisedLimit : matter.legalLimit;
    const int capDays = cap.wholeDays();
    const int own = material.maxDeficiencyDays > 0 ? material.maxDeficiencyDays : capDays;
    return std::max(0, std::min(own, capDays));
}

Date DeficiencyPolicy::dueDate(const WorkCalendar &calendar, const MatterRules &matter,
                               const MaterialRule &material, const Date &acceptedOn)
{
    return calendar.addWorkingDays(acceptedOn, supplyDays(matter, material));
}

Date DeficiencyPolicy::terminationDate(const WorkCalendar &calendar, const MatterRules &matter, const Date &dueDate)
{
    return calendar.addWorkingDays(dueDate, std::max(0, matter.terminationGraceDays));
}

std::optional<Reminder> DeficiencyPolicy::reminderDue(const WorkCalendar &calendar, const Date &dueDate,
                                                     const Date &today, int daysBefore)
{
    if (dueDate < today)
        return Reminder::Overdue;
    if (dueDate == today)
        return Reminder::DueToday;
    if (!(today < calendar.addWorkingDays(dueDate, -std::max(0, daysBefore))))
        return Reminder::DueSoon;
    return std::nullopt;
}

int DeficiencyPolicy::pausedWorkingDays(const WorkCalendar &calendar, const Date &start, const Date &end)
{
    return std::max(0, calendar.workingDaysBetween(start, end));
}

CompletenessReport DeficiencyPolicy::completeness(const MatterRules &matter,
                                                  const std::map<std::string, Provision> &provisions,
                                                  const ApplicantRecord &applicant)
{
    CompletenessReport report;
    for (const auto &[code, provision] : provisions) {
        if (!matter.material(code))
            report.issues.push_back({code, MaterialIssue::Kind::UnknownMaterial});
    }
    for (const auto &material : matter.materials) {
        const auto it = provisions.find(material.code);
        const Provision provision = it == provisions.end() ? Provision::Missing : it->second;
        switch (provision) {
        case Provision::Paper:
        case Provision::Scan:
        case Provision::ELicense:
            break;
        case Provision::Missing:
            if (material.core)
                report.issues.push_back({material.code, MaterialIssue::Kind::CoreMissing});
            else if (material.required)
                report.issues.push_back({material.code, MaterialIssue::Kind::RequiredMissing});
            break;
        case Provision::Deficient: {
            const DeficiencyRefusal refusal = mayBeDeficient(matter, material.code, applicant);
            if (refusal == DeficiencyRefusal::None) {
                report.tolerated.push_back(material.code);
            } else if (refusal == DeficiencyRefusal::ApplicantBrokeCommitment) {
                report.issues.push_back({material.code, MaterialIssue::Kind::ApplicantBrokeCommitment});
            } else if (material.core) {
                report.issues.push_back({material.code, MaterialIssue::Kind::CoreMissing});
            } else if (material.required) {
                report.issues.push_back({material.code, MaterialIssue::Kind::DeficiencyNotAllowed});
            }
            break;
        }
        }
    }
    if (!report.issues.empty())
        report.level = Completeness::RequiredMissing;
    else if (!report.tolerated.empty())
        report.level = Completeness::CompleteExceptTolerated;
    else
        report.level = Completeness::Complete;
    return report;
}

const char *DeficiencyPolicy::refusalCode(DeficiencyRefusal refusal)
{
    switch (refusal) {
    case DeficiencyRefusal::None: return "none";
    case DeficiencyRefusal::UnknownMaterial: return "unknown_material";
    case DeficiencyRefusal::CoreMaterial: return "core_material";
    case DeficiencyRefusal::NotOnDeficiencyList: return "not_on_deficiency_list";
    case DeficiencyRefusal::ApplicantBrokeCommitment: return "applicant_broke_commitment";
    }
    return "unknown";
}

const char *DeficiencyPolicy::issueCode(MaterialIssue::Kind kind)
{
    switch (kind) {
    case MaterialIssue::Kind::CoreMissing: return "core_missing";
    case MaterialIssue::Kind::RequiredMissing: return "required_missing";
    case MaterialIssue::Kind::DeficiencyNotAllowed: return "deficiency_not_allowed";
    case MaterialIssue::Kind::UnknownMaterial: return "unknown_material";
    case MaterialIssue::Kind::ApplicantBrokeCommitment: return "applicant_broke_commitment";
    }
    return "unknown";
}

const char *DeficiencyPolicy::reminderCode(Reminder reminder)
{
    switch (reminder) {
    case Reminder::DueSoon: return "due_soon";
    case Reminder::DueToday: return "due_today";
    case Reminder::Overdue: return "overdue";
    }
    return "unknown";
}

} // namespace onewindow
