#pragma once

#include "domain/caselifecycle.h"

#include <optional>
#include <span>
#include <string_view>

namespace onewindow {

/// Where a deficient material stands (see DeficiencyPolicy).
enum class DeficiencyStatus {
    Outstanding, ///< owed, not yet due
    Overdue,     ///< owed past its due date
    Supplied,
    Waived,
};

/// The one table of state names: the code sent over the API and stored, and the Chinese name
/// printed on the papers and shown by the client in Chinese (its translation of the English
/// name is checked against this table).
struct StateName
{
    std::string_view code;
    std::string_view chinese;
};

class StateNames
{
public:
    static StateName of(CaseState state);
    static StateName of(DeficiencyStatus status);
    static std::span<const DeficiencyStatus> deficiencyStatuses();
    static std::optional<DeficiencyStatus> deficiencyStatusFromCode(std::string_view code);
    /// Still owed: outstanding or overdue.
    static bool isOwed(DeficiencyStatus status)
    {
        return status == DeficiencyStatus::Outstanding || status == DeficiencyStatus::Overdue;
    }
};

} // namespace onewindow
