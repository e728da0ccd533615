#pragma once

#include "domain/caselifecycle.h"
#include "domain/matter.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace onewindow {

/// How a material reached the counter.
enum class Provision {
    Missing,
    Paper,     ///< originals or copies
    Scan,
    ELicense,  ///< covered by the applicant's electronic licence
    Deficient, ///< accepted as missing, to be supplied later (容缺)
};

/// What the applicant's record says about earlier deficiency acceptances.
struct ApplicantRecord
{
    bool brokeCommitment = false; ///< an earlier commitment was broken and not cleared
};

/// Why a material may not be accepted as deficient. Codes are stable and sent over the API.
enum class DeficiencyRefusal {
    None,
    UnknownMaterial,
    CoreMaterial,
    NotOnDeficiencyList,
    ApplicantBrokeCommitment,
};

/// One item of what is missing or wrong: the content of a one-time notice (一次性告知书).
struct MaterialIssue
{
    enum class Kind { CoreMissing, RequiredMissing, DeficiencyNotAllowed, ApplicantBrokeCommitment, UnknownMaterial };
    std::string materialCode;
    Kind kind;
};

/// The SMS reminders of a deficient material (each is sent once).
enum class Reminder {
    DueSoon,  ///< a few working days before the due date
    DueToday, ///< on the due date
    Overdue,  ///< after it, before the case is terminated
};

struct CompletenessReport
{
    Completeness level = Completeness::Complete;
    std::vector<MaterialIssue> issues;       ///< blocks acceptance; the one-time notice lists them
    std::vector<std::string> tolerated;      ///< accepted as deficient
};

/// The rules of accept-with-deficiency (容缺受理), decided in one place for client and server.
class DeficiencyPolicy
{
public:
    static DeficiencyRefusal mayBeDeficient(const MatterRules &matter, const std::string &materialCode,
                                            const ApplicantRecord &applicant);

    /// Working days the applicant gets for a deficient material: its own limit, capped by the
    /// matter's legal limit (or its promised limit when the matter says so), at least 0.
    static int supplyDays(const MatterRules &matter, const MaterialRule &material);

    /// The date a deficient material is due: acceptance + supplyDays working days.
    static Date dueDate(const WorkCalendar &calendar, const MatterRules &matter, const MaterialRule &material,
                        const Date &acceptedOn);

    /// The date past which an unsupplied material ends the case (due date + the grace period).
    static Date terminationDate(const WorkCalendar &calendar, const MatterRules &matter, const Date &dueDate);

    /// The reminder a material still outstanding on `today` calls for: Overdue after the due
    /// date, DueToday on it, DueSoon from `daysBefore` working days before it; none earlier.
    static std::optional<Reminder> reminderDue(const WorkCalendar &calendar, const Date &dueDate, const Date &today,
                                               int daysBefore);
    /// Whether an unsupplied material ends its case today: the day after its termination date.
    static bool terminationDue(const Date &terminationDate, const Date &today) { return terminationDate < today; }

    /// Working days the promised-time clock stood still for a pause from `start` to `end`
    /// (the working days after `start` up to and including `end`; 0 when `end` is not later).
    static int pausedWorkingDays(const WorkCalendar &calendar, const Date &start, const Date &end);

    /// Completeness of a case's materials; every material of the matter should have a provision
    /// (absent entries count as Missing).
    static CompletenessReport completeness(const MatterRules &matter,
                                           const std::map<std::string, Provision> &provisions,
                                           const ApplicantRecord &applicant = {});

    static const char *refusalCode(DeficiencyRefusal refusal);
    static const char *issueCode(MaterialIssue::Kind kind);
    static const char *reminderCode(Reminder reminder);
};

} // namespace onewindow
