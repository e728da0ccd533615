#include "domain/matter.h"

namespace onewindow {

const MaterialRule *MatterRules::material(const std::string &materialCode) const
{
    for (const auto &m : materials) {
        if (m.code == materialCode)
            return &m;
    }
    return nullptr;
}

} // namespace onewindow
