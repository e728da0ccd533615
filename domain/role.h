#pragma once

#include <initializer_list>
#include <optional>
#include <string_view>

namespace onewindow {

/// Who acts. `SecurityAdmin` keeps the users and their passwords (and nothing else); `System` is
/// the server's own background jobs (reminders, termination).
enum class Role { Clerk, Agent, Approver, Supervisor, Admin, Auditor, SecurityAdmin, System };

inline constexpr Role kAllRoles[] = {Role::Clerk, Role::Agent,   Role::Approver,      Role::Supervisor,
                                     Role::Admin, Role::Auditor, Role::SecurityAdmin, Role::System};

/// A set of roles, usable in constant tables.
class RoleSet
{
public:
    constexpr RoleSet() = default;
    constexpr RoleSet(std::initializer_list<Role> roles)
    {
        for (Role role : roles)
            m_bits |= bit(role);
    }
    constexpr bool contains(Role role) const { return (m_bits & bit(role)) != 0; }
    constexpr bool empty() const { return m_bits == 0; }
    friend constexpr bool operator==(RoleSet, RoleSet) = default;

private:
    static constexpr unsigned bit(Role role) { return 1u << static_cast<unsigned>(role); }
    unsigned m_bits = 0;
};

/// Stable lowercase code ("clerk", "agent", ...), as stored and sent over the API.
std::string_view roleCode(Role role);
std::optional<Role> roleFromCode(std::string_view code);

} // namespace onewindow
