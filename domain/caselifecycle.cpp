#include "domain/caselifecycle.h"

#include <array>

namespace onewindow {

namespace {

using S = CaseState;
using A = CaseAction;
using R = Role;
using G = Guard;

constexpr RoleSet kIntake{R::Clerk, R::Agent};
constexpr RoleSet kReview{R::Approver};

// The whole lifecycle. Every allowed move is a row; anything else is refused.
constexpr std::array kTransitions{
    CaseTransition{S::Draft, A::Accept, S::Accepted, kIntake, G::MaterialsComplete},
    CaseTransition{S::Draft, A::AcceptWithDeficiency, S::AcceptedWithDeficiency, kIntake, G::TolerableDeficiencyOnly},
    CaseTransition{S::Draft, A::RefuseWithNotice, S::NotAccepted, kIntake, G::None},

    CaseTransition{S::Accepted, A::StartReview, S::UnderReview, kReview, G::None},
    CaseTransition{S::Accepted, A::Withdraw, S::Withdrawn, kIntake, G::None},
    CaseTransition{S::AcceptedWithDeficiency, A::StartReview, S::UnderReview, kReview, G::None},
    CaseTransition{S::AcceptedWithDeficiency, A::Withdraw, S::Withdrawn, kIntake, G::None},
    CaseTransition{S::AcceptedWithDeficiency, A::CompleteMaterials, S::Accepted,
                   RoleSet{R::Clerk, R::Agent, R::Supervisor, R::System}, G::NoOutstandingDeficiency},
    CaseTransition{S::AcceptedWithDeficiency, A::Terminate, S::Terminated, RoleSet{R::System, R::Supervisor},
                   G::OverdueBeyondGrace},

    CaseTransition{S::UnderReview, A::Approve, S::Approved, kReview, G::None},
    CaseTransition{S::UnderReview, A::ApproveSimulated, S::ApprovedSimulated, kReview, G::None},
    CaseTransition{S::UnderReview, A::ReturnForCorrection, S::ReturnedForCorrection, kReview, G::None},
    CaseTransition{S::UnderReview, A::Reject, S::Rejected, kReview, G::None},
    CaseTransition{S::UnderReview, A::Withdraw, S::Withdrawn, kIntake, G::None},
    // Work started on a case accepted with deficiency; the broken commitment still ends it.
    CaseTransition{S::UnderReview, A::Terminate, S::Terminated, RoleSet{R::System, R::Supervisor},
                   G::OverdueBeyondGrace},

    CaseTransition{S::ReturnedForCorrection, A::Resubmit, S::UnderReview, kIntake, G::None},
    CaseTransition{S::ReturnedForCorrection, A::Withdraw, S::Withdrawn, kIntake, G::None},

    CaseTransition{S::ApprovedSimulated, A::ConfirmSimulated, S::Approved, kReview, G::SimulatedConditionsMet},
    CaseTransition{S::ApprovedSimulated, A::Reject, S::Rejected, kReview, G::None},
    CaseTransition{S::ApprovedSimulated, A::Lapse, S::Terminated, RoleSet{R::System}, G::None},

    CaseTransition{S::Approved, A::ReleaseResult, S::ResultReady, kReview, G::NoOutstandingDeficiency},
    CaseTransition{S::Approved, A::Terminate, S::Terminated, RoleSet{R::System, R::Supervisor},
                   G::OverdueBeyondGrace},
    CaseTransition{S::ResultReady, A::Deliver, S::Delivered, kIntake, G::NoOutstandingDeficiency},
    CaseTransition{S::Delivered, A::Close, S::Closed, RoleSet{R::Clerk, R::Agent, R::System}, G::None},
};

constexpr std::array kStates{S::Draft,       S::Accepted,  S::AcceptedWithDeficiency, S::NotAccepted,
                             S::UnderReview, S::ReturnedForCorrection, S::ApprovedSimulated, S::Approved,
                             S::Rejected,    S::Withdrawn, S::Terminated,             S::ResultReady,
                             S::Delivered,   S::Closed};

constexpr std::array kActions{A::Accept,      A::AcceptWithDeficiency, A::RefuseWithNotice, A::StartReview,
                              A::ReturnForCorrection, A::Resubmit,     A::Approve,          A::ApproveSimulated,
                              A::ConfirmSimulated,    A::Lapse,        A::Reject,           A::Withdraw,
                              A::CompleteMaterials,   A::Terminate,
                              A::ReleaseResult,       A::Deliver,      A::Close};

constexpr std::array<std::string_view, kStates.size()> kStateCodes{
    "draft",    "accepted", "accepted_with_deficiency", "not_accepted", "under_review",
    "returned_for_correction", "approved_simulated", "approved", "rejected", "withdrawn",
    "terminated", "result_ready", "delivered", "closed"};

constexpr std::array<std::string_view, kActions.size()> kActionCodes{
    "accept",  "accept_with_deficiency", "refuse_with_notice", "start_review", "return_for_correction",
    "resubmit", "approve", "approve_simulated", "confirm_simulated", "lapse", "reject", "withdraw", "complete_materials",
    "terminate",
    "release_result", "deliver", "close"};

Refusal checkGuard(Guard guard, const CaseFacts &facts)
{
    switch (guard) {
    case Guard::None:
        return Refusal::None;
    case Guard::MaterialsComplete:
        return facts.completeness == Completeness::Complete ? Refusal::None : Refusal::MaterialsIncomplete;
    case Guard::TolerableDeficiencyOnly:
        if (facts.completeness == Completeness::RequiredMissing)
            return Refusal::RequiredMaterialMissing;
        if (facts.applicantBrokeCommitment)
            return Refusal::ApplicantBrokeCommitment;
        if (facts.completeness == Completeness::Complete)
            return Refusal::NothingDeficient;
        return Refusal::None;
    case Guard::NoOutstandingDeficiency:
        return facts.outstandingDeficiencies == 0 ? Refusal::None : Refusal::DeficiencyOutstanding;
    case Guard::OverdueBeyondGrace:
        return facts.deficiencyOverdueBeyondGrace ? Refusal::None : Refusal::DeficiencyNotOverdue;
    case Guard::SimulatedConditionsMet:
        return facts.simulatedConditionsMet ? Refusal::None : Refusal::ConditionsNotMet;
    }
    return Refusal::NotAllowedInState;
}

} // namespace

std::span<const CaseTransition> CaseLifecycle::transitions() { return kTransitions; }
std::span<const CaseState> CaseLifecycle::states() { return kStates; }
std::span<const CaseAction> CaseLifecycle::actions() { return kActions; }

const CaseTransition *CaseLifecycle::find(CaseState from, CaseAction action)
{
    for (const auto &t : kTransitions) {
        if (t.from == from && t.action == action)
            return &t;
    }
    return nullptr;
}

CaseDecision CaseLifecycle::decide(CaseState from, CaseAction action, Role role, const CaseFacts &facts)
{
    const CaseTransition *t = find(from, action);
    if (!t)
        return {Refusal::NotAllowedInState, from};
    if (!t->roles.contains(role))
        return {Refusal::RoleNotPermitted, from};
    const Refusal refusal = checkGuard(t->guard, facts);
    if (refusal != Refusal::None)
        return {refusal, from};
    return {Refusal::None, t->to};
}

bool CaseLifecycle::isTerminal(CaseState state)
{
    for (const auto &t : kTransitions) {
        if (t.from == state)
            return false;
    }
    return true;
}

bool CaseLifecycle::isResultReleased(CaseState state)
{
    return state == CaseState::ResultReady || state == CaseState::Delivered || state == CaseState::Closed;
}

std::string_view CaseLifecycle::stateCode(CaseState state)
{
    return kStateCodes[static_cast<std::size_t>(state)];
}

std::optional<CaseState> CaseLifecycle::stateFromCode(std::string_view code)
{
    for (std::size_t i = 0; i < kStateCodes.size(); ++i) {
        if (kStateCodes[i] == code)
            return static_cast<CaseState>(i);
    }
    return std::nullopt;
}

std::string_view CaseLifecycle::actionCode(CaseAction action)
{
    return kActionCodes[static_cast<std::size_t>(action)];
}

std::optional<CaseAction> CaseLifecycle::actionFromCode(std::string_view code)
{
    for (std::size_t i = 0; i < kActionCodes.size(); ++i) {
        if (kActionCodes[i] == code)
            return static_cast<CaseAction>(i);
    }
    return std::nullopt;
}

std::string_view CaseLifecycle::refusalCode(Refusal refusal)
{
    switch (refusal) {
    case Refusal::None: return "none";
    case Refusal::NotAllowedInState: return "not_allowed_in_state";
    case Refusal::RoleNotPermitted: return "role_not_permitted";
    case Refusal::MaterialsIncomplete: return "materials_incomplete";
    case Refusal::RequiredMaterialMissing: return "required_material_missing";
    case Refusal::ApplicantBrokeCommitment: return "applicant_broke_commitment";
    case Refusal::DeficiencyOutstanding: return "deficiency_outstanding";
    case Refusal::DeficiencyNotOverdue: return "deficiency_not_overdue";
    case Refusal::ConditionsNotMet: return "conditions_not_met";
    case Refusal::NothingDeficient: return "nothing_deficient";
    }
    return "unknown";
}

} // namespace onewindow
