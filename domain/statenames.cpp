#include "domain/statenames.h"

#include <array>
#include <cstddef>

namespace onewindow {

namespace {

using S = CaseState;
using D = DeficiencyStatus;

struct CaseStateRow
{
    CaseState state;
    std::string_view chinese;
};

// In the order of the enum; the codes are the lifecycle's.
constexpr std::array kCaseStates{
    CaseStateRow{S::Draft, "草稿"},
    CaseStateRow{S::Accepted, "已受理"},
    CaseStateRow{S::AcceptedWithDeficiency, "容缺受理"},
    CaseStateRow{S::NotAccepted, "不予受理"},
    CaseStateRow{S::UnderReview, "审查中"},
    CaseStateRow{S::ReturnedForCorrection, "退回补正"},
    CaseStateRow{S::ApprovedSimulated, "模拟审批通过"},
    CaseStateRow{S::Approved, "准予许可"},
    CaseStateRow{S::Rejected, "不予许可"},
    CaseStateRow{S::Withdrawn, "已撤回"},
    CaseStateRow{S::Terminated, "已终止"},
    CaseStateRow{S::ResultReady, "待出件"},
    CaseStateRow{S::Delivered, "已出件"},
    CaseStateRow{S::Closed, "已办结"},
};

struct DeficiencyRow
{
    DeficiencyStatus status;
    StateName name;
};

constexpr std::array kDeficiencies{
    DeficiencyRow{D::Outstanding, {"outstanding", "待补交"}},
    DeficiencyRow{D::Overdue, {"overdue", "已逾期"}},
    DeficiencyRow{D::Supplied, {"supplied", "已补交"}},
    DeficiencyRow{D::Waived, {"waived", "已免交"}},
};

constexpr std::array kDeficiencyStatuses{D::Outstanding, D::Overdue, D::Supplied, D::Waived};

constexpr bool inEnumOrder()
{
    for (std::size_t i = 0; i < kCaseStates.size(); ++i) {
        if (static_cast<std::size_t>(kCaseStates[i].state) != i)
            return false;
    }
    for (std::size_t i = 0; i < kDeficiencies.size(); ++i) {
        if (static_cast<std::size_t>(kDeficiencies[i].status) != i)
            return false;
    }
    return true;
}
static_assert(inEnumOrder(), "the name tables follow their enums");

} // namespace

StateName StateNames::of(CaseState state)
{
    return {CaseLifecycle::stateCode(state), kCaseStates[static_cast<std::size_t>(state)].chinese};
}

StateName StateNames::of(DeficiencyStatus status)
{
    return kDeficiencies[static_cast<std::size_t>(status)].name;
}

std::span<const DeficiencyStatus> StateNames::deficiencyStatuses() { return kDeficiencyStatuses; }

std::optional<DeficiencyStatus> StateNames::deficiencyStatusFromCode(std::string_view code)
{
    for (const auto &row : kDeficiencies) {
        if (row.name.code == code)
            return row.status;
    }
    return std::nullopt;
}

} // namespace onewindow
