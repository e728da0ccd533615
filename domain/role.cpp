#include "domain/role.h"

namespace onewindow {

std::string_view roleCode(Role role)
{
    switch (role) {
    case Role::Clerk: return "clerk";
    case Role::Agent: return "agent";
    case Role::Approver: return "approver";
    case Role::Supervisor: return "supervisor";
    case Role::Admin: return "admin";
    case Role::Auditor: return "auditor";
    case Role::SecurityAdmin: return "security_admin";
    case Role::System: return "system";
    }
    return "unknown";
}

std::optional<Role> roleFromCode(std::string_view code)
{
    for (Role role : kAllRoles) {
        if (roleCode(role) == code)
            return role;
    }
    return std::nullopt;
}

} // namespace onewindow
