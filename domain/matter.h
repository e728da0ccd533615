#pragma once

#include "domain/workcalendar.h"

#include <string>
#include <vector>

namespace onewindow {

/// A material a matter asks for, with the rules that decide whether it may be missing.
struct MaterialRule
{
    std::string code;          ///< shared across matters, e.g. "ID_CARD"
    std::string name;
    bool core = false;         ///< core (主要) materials can never be deficient
    bool required = true;      ///< optional materials may simply be absent
    bool deficiencyAllowed = false;
    int maxDeficiencyDays = 0; ///< working days to supply it; 0 means "up to the matter's cap"
    std::string eLicenseType;  ///< electronic licence that covers it, if any
};

/// A field of a matter's form. Fields with the same `key` mean the same thing across matters.
struct FormField
{
    std::string key;
    std::string label;
    std::string type = "text";
    bool required = false;
};

/// Caps the supply date of a deficient material.
enum class DeficiencyCap { LegalLimit, PromisedLimit };

/// Whether the promised-time clock runs while a deficiency is outstanding.
enum class ClockDuringDeficiency { Runs, Paused };

/// What the domain needs to know about a matter (事项).
struct MatterRules
{
    std::string code;
    std::string name;
    WorkingDays promisedLimit = WorkingDays::fromDays(1);
    WorkingDays legalLimit = WorkingDays::fromDays(20);
    DeficiencyCap deficiencyCap = DeficiencyCap::LegalLimit;
    ClockDuringDeficiency clock = ClockDuringDeficiency::Runs;
    int terminationGraceDays = 0; ///< working days past a deficiency's due date before termination
    std::vector<FormField> fields;
    std::vector<MaterialRule> materials;
    /// Material codes the matter's result provides (its licence, e.g. "BUSINESS_LICENSE"): in a
    /// bundle, another matter that needs one of them has it from this matter's result.
    std::vector<std::string> produces;

    const MaterialRule *material(const std::string &materialCode) const;
};

} // namespace onewindow
