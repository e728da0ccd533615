#pragma once

#include "domain/matter.h"

#include <string>
#include <vector>

namespace onewindow {

/// One intake for several matters (一件事一次办): one form, one material list.
struct MergedIntake
{
    struct Field
    {
        FormField field;
        std::vector<std::string> matters; ///< matter codes that ask for it
    };
    struct Material
    {
        MaterialRule rule;                ///< the strictest requirement among the matters
        std::vector<std::string> matters; ///< matter codes that need it
    };
    /// A material the bundle does not ask for: another of its matters produces it.
    struct Produced
    {
        MaterialRule rule;                   ///< as the first matter that needs it lists it
        std::vector<std::string> matters;    ///< matter codes that need it and have it from the bundle
        std::vector<std::string> producedBy; ///< matter codes whose result provides it
    };
    struct Reduction
    {
        int separateFields = 0;    ///< fields asked by separate intakes, added up
        int mergedFields = 0;
        int separateMaterials = 0; ///< materials asked by separate intakes, added up (produced ones too)
        int mergedMaterials = 0;   ///< materials the bundle asks for
        /// Share saved, 0..100, rounded down (e.g. 40 for "40% fewer fields").
        int fieldsSavedPercent() const;
        int materialsSavedPercent() const;
    };

    std::vector<Field> fields;
    std::vector<Material> materials;
    std::vector<Produced> produced;
    Reduction reduction;
    /// Keys that the matters type differently; the first matter's definition is used.
    std::vector<std::string> conflictingFieldKeys;

    /// True when the bundle does not ask for the material because one of its matters produces
    /// it for every matter that needs it.
    bool providedWithin(const std::string &materialCode) const;
};

/// Merges matters' forms and materials: a field with the same shared key is asked once (required
/// if any matter requires it), a material with the same code is asked once with its strictest
/// requirement (core beats required beats optional; deficiency only if every matter that requires
/// it allows one, with the shortest supply limit). A matter's need for a material that another
/// matter of the bundle produces is met by that matter's result, whatever their order: it is not
/// asked for (it is listed in `produced`), though separate intakes would ask for it. A matter's
/// own products never meet its own needs. Order follows the matters' order.
class BundleMerge
{
public:
    static MergedIntake merge(const std::vector<MatterRules> &matters);
};

} // namespace onewindow
