#include "domain/bundlemerge.h"

#include <algorithm>

namespace onewindow {

namespace {

int savedPercent(int separate, int merged)
{
    if (separate <= 0)
        return 0;
    return (separate - merged) * 100 / separate;
}

int shorterLimit(int a, int b)
{
    // 0 means "no own limit" (the matter's cap applies), which is the longest.
    if (a == 0)
        return b;
    if (b == 0)
        return a;
    return std::min(a, b);
}

void tighten(MaterialRule &into, const MaterialRule &other)
{
    // Only matters that require a material have a say in whether it may be deficient.
    const bool intoRequired = into.required || into.core;
    const bool otherRequired = other.required || other.core;
    if (!intoRequired) {
        into.deficiencyAllowed = other.deficiencyAllowed;
        into.maxDeficiencyDays = other.maxDeficiencyDays;
    } else if (otherRequired) {
        into.deficiencyAllowed = into.deficiencyAllowed && other.deficiencyAllowed;
        into.maxDeficiencyDays = shorterLimit(into.maxDeficiencyDays, other.maxDeficiencyDays);
    }
    into.core = into.core || other.core;
    into.required = into.required || other.required || into.core;
    if (into.core)
        into.deficiencyAllowed = false;
    if (into.eLicenseType.empty())
        into.eLicenseType = other.eLicenseType;
}

// The matters of the bundle, other than `self`, whose result provides the material.
std::vector<std::string> producersOf(const std::vector<MatterRules> &matters, const MatterRules &self,
                                     const std::string &materialCode)
{
    std::vector<std::string> out;
    for (const auto &matter : matters) {
        if (&matter != &self
            && std::find(matter.produces.begin(), matter.produces.end(), materialCode) != matter.produces.end())
            out.push_back(matter.code);
    }
    return out;
}

} // namespace

bool MergedIntake::providedWithin(const std::string &materialCode) const
{
    const auto is = [&](const auto &m) { return m.rule.code == materialCode; };
    return std::any_of(produced.begin(), produced.end(), is) && std::none_of(materials.begin(), materials.end(), is);
}

int MergedIntake::Reduction::fieldsSavedPercent() const { return savedPercent(separateFields, mergedFields); }
int MergedIntake::Reduction::materialsSavedPercent() const
{
    return savedPercent(separateMaterials, mergedMaterials);
}

MergedIntake BundleMerge::merge(const std::vector<MatterRules> &matters)
{
    MergedIntake out;
    for (const auto &matter : matters) {
        for (const auto &field : matter.fields) {
            ++out.reduction.separateFields;
            auto it = std::find_if(out.fields.begin(), out.fields.end(),
                                   [&](const MergedIntake::Field &f) { return f.field.key == field.key; });
            if (it == out.fields.end()) {
                out.fields.push_back({field, {matter.code}});
                continue;
            }
            it->field.required = it->field.required || field.required;
            it->matters.push_back(matter.code);
            if (it->field.type != field.type
                && std::find(out.conflictingFieldKeys.begin(), out.conflictingFieldKeys.end(), field.key)
                       == out.conflictingFieldKeys.end()) {
                out.conflictingFieldKeys.push_back(field.key);
            }
        }
        for (const auto &material : matter.materials) {
            ++out.reduction.separateMaterials;
            if (auto producers = producersOf(matters, matter, material.code); !producers.empty()) {
                const auto same = [&](const MergedIntake::Produced &p) { return p.rule.code == material.code; };
                auto produced = std::find_if(out.produced.begin(), out.produced.end(), same);
                if (produced == out.produced.end()) {
                    out.produced.push_back({material, {matter.code}, std::move(producers)});
                    continue;
                }
                produced->matters.push_back(matter.code);
                for (auto &code : producers) {
                    if (std::find(produced->producedBy.begin(), produced->producedBy.end(), code)
                        == produced->producedBy.end())
                        produced->producedBy.push_back(std::move(code));
                }
                continue;
            }
            auto it = std::find_if(out.materials.begin(), out.materials.end(),
                                   [&](const MergedIntake::Material &m) { return m.rule.code == material.code; });
            if (it == out.materials.end()) {
                out.materials.push_back({material, {matter.code}});
                continue;
            }
            tighten(it->rule, material);
            it->matters.push_back(matter.code);
        }
    }
    out.reduction.mergedFields = static_cast<int>(out.fields.size());
    out.reduction.mergedMaterials = static_cast<int>(out.materials.size());
    return out;
}

} // namespace onewindow
