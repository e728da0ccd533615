#pragma once

#include "domain/role.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace onewindow {

/// The states of a case (see the lifecycle diagram in docs/domain-rules.md).
enum class CaseState {
    Draft,
    Accepted,
    AcceptedWithDeficiency,
    NotAccepted,
    UnderReview,
    ReturnedForCorrection,
    ApprovedSimulated,
    Approved,
    Rejected,
    Withdrawn,
    Terminated,
    ResultReady,
    Delivered,
    Closed,
};

/// What someone does to a case.
enum class CaseAction {
    Accept,                ///< all materials present
    AcceptWithDeficiency,  ///< tolerated materials missing, the applicant signs a commitment
    RefuseWithNotice,      ///< one-time notice (一次性告知) or non-acceptance
    StartReview,           ///< the department takes the case up
    ReturnForCorrection,
    Resubmit,              ///< corrected materials brought back
    Approve,
    ApproveSimulated,      ///< provisional approval before all preconditions are met (模拟审批)
    ConfirmSimulated,      ///< preconditions met: the simulated approval becomes formal
    Lapse,                 ///< the simulated approval's conditions were not met in time: it ends
    Reject,
    Withdraw,              ///< at the applicant's request
    CompleteMaterials,     ///< the last deficient material arrived: the case is fully accepted
    Terminate,             ///< a deficiency commitment was broken
    ReleaseResult,         ///< the result is back at the hall, ready to hand out
    Deliver,               ///< handed over against a signed delivery receipt
    Close,
};

/// Why an action is refused. Codes are stable and sent over the API.
enum class Refusal {
    None,
    NotAllowedInState,      ///< the action does not apply to the case's current state
    RoleNotPermitted,       ///< the state allows it, but not for this role
    MaterialsIncomplete,    ///< plain acceptance needs every required material
    RequiredMaterialMissing,///< a material that cannot be deficient is missing
    ApplicantBrokeCommitment,///< an earlier deficiency commitment was broken and not cleared
    DeficiencyOutstanding,  ///< no result is released while a deficiency is outstanding
    DeficiencyNotOverdue,   ///< termination needs a deficiency overdue past its grace period
    ConditionsNotMet,       ///< a simulated approval's preconditions are still open
    NothingDeficient,       ///< acceptance with deficiency while nothing is missing: accept instead
};

/// Completeness of a case's materials (see DeficiencyPolicy).
enum class Completeness { RequiredMissing, CompleteExceptTolerated, Complete };

/// The facts a guard looks at; the server fills them from the case.
struct CaseFacts
{
    Completeness completeness = Completeness::Complete;
    int outstandingDeficiencies = 0;
    bool deficiencyOverdueBeyondGrace = false;
    bool applicantBrokeCommitment = false;
    bool simulatedConditionsMet = false;
};

enum class Guard {
    None,
    MaterialsComplete,
    TolerableDeficiencyOnly,
    NoOutstandingDeficiency,
    OverdueBeyondGrace,
    SimulatedConditionsMet,
};

/// One allowed move of the state machine: from, action, to, who may, and the guard.
struct CaseTransition
{
    CaseState from;
    CaseAction action;
    CaseState to;
    RoleSet roles;
    Guard guard;
};

struct CaseDecision
{
    Refusal refusal = Refusal::None;
    CaseState to = CaseState::Draft;
    bool allowed() const { return refusal == Refusal::None; }
};

/// The case state machine as data, and the one place that decides whether a move is allowed.
class CaseLifecycle
{
public:
    static std::span<const CaseTransition> transitions();
    static std::span<const CaseState> states();
    static std::span<const CaseAction> actions();

    static CaseDecision decide(CaseState from, CaseAction action, Role role, const CaseFacts &facts);
    /// The transition for (from, action), if the state machine has one.
    static const CaseTransition *find(CaseState from, CaseAction action);
    /// A terminal state allows no action at all.
    static bool isTerminal(CaseState state);
    /// States in which a result has been released (no deficiency may be outstanding).
    static bool isResultReleased(CaseState state);

    static std::string_view stateCode(CaseState state);
    static std::optional<CaseState> stateFromCode(std::string_view code);
    static std::string_view actionCode(CaseAction action);
    static std::optional<CaseAction> actionFromCode(std::string_view code);
    static std::string_view refusalCode(Refusal refusal);
};

} // namespace onewindow
