#pragma once

#include "domain/caselifecycle.h"
#include "domain/matter.h"

#include <map>
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

    /// Completeness of a case's materials; every material of the matter should have a provision
    /// (absent entries count as Missing).
    static CompletenessReport completeness(const MatterRules &matter,
                                           const std::map<std::string, Provision> &provisions,
                                           const ApplicantRecord &applicant = {});

    static const char *refusalCode(DeficiencyRefusal refusal);
    static const char *issueCode(MaterialIssue::Kind kind);
};

} // namespace onewindow
