#include "auth/policy.h"

#include "http/problem.h"

#include <algorithm>

namespace onewindow::server {

namespace {

bool isOneOf(const std::string &role, std::initializer_list<const char *> roles)
{
    return std::any_of(roles.begin(), roles.end(), [&](const char *r) { return role == r; });
}

} // namespace

bool AuthorizationPolicy::can(const Principal &user, Capability capability)
{
    const std::string &role = user.role;
    switch (capability) {
    case Capability::ReadCatalog:
        return true;
    case Capability::EditCatalog:
    case Capability::EditCalendar:
        return role == "admin";
    case Capability::ReadLicenses:
    case Capability::CreateCase:
        return isOneOf(role, {"clerk", "agent"});
    case Capability::ReadCases:
    case Capability::ReadDeficiencies:
        return isOneOf(role, {"clerk", "agent", "approver", "supervisor"});
    case Capability::SupplyDeficiency:
    case Capability::UploadAttachment:
        return isOneOf(role, {"clerk", "agent", "supervisor"});
    case Capability::ReadAttachments:
        return isOneOf(role, {"clerk", "agent", "approver", "supervisor"});
    case Capability::WaiveDeficiency:
    case Capability::ReadNotifications:
    case Capability::ClearBrokenCommitment:
    case Capability::FollowUpRating:
        return role == "supervisor";
    case Capability::RunJobs:
        return role == "admin";
    case Capability::DecideCase:
        return role == "approver";
    case Capability::ResubmitCase:
    case Capability::DeliverResult:
    case Capability::SendTransfer:
        return isOneOf(role, {"clerk", "agent"});
    case Capability::ReceiveTransfer:
        return role == "clerk";
    case Capability::ReadTransfers:
        return isOneOf(role, {"clerk", "agent", "supervisor"});
    case Capability::ReadCaseAudit:
        return isOneOf(role, {"clerk", "agent", "approver", "supervisor", "auditor"});
    case Capability::VerifyAudit:
        return role == "auditor";
    case Capability::ManageUsers:
        return role == "security_admin";
    case Capability::ReadStats:
        return isOneOf(role, {"supervisor", "approver"});
    }
    return false;
}

void AuthorizationPolicy::require(const Principal &user, Capability capability)
{
    if (!can(user, capability))
        throw ApiError::notFound();
}

bool AuthorizationPolicy::inScope(const Principal &user, const CaseScope &scope, Capability capability)
{
    if (!can(user, capability))
        return false;
    const std::string &role = user.role;
    if (role == "auditor")
        return capability == Capability::ReadCaseAudit;
    if (role == "clerk" || role == "supervisor")
        return !user.center.empty() && (scope.center == user.center || scope.centerParent == user.center);
    if (role == "agent")
        return !user.center.empty() && scope.center == user.center;
    if (role == "approver")
        return !user.department.empty()
               && std::find(scope.departments.begin(), scope.departments.end(), user.department)
                      != scope.departments.end();
    return false;
}

bool AuthorizationPolicy::mayAcceptAt(const Principal &user, const std::string &center)
{
    return can(user, Capability::CreateCase) && !user.center.empty() && user.center == center;
}

AuthorizationPolicy::Filter AuthorizationPolicy::caseFilter(const Principal &user, const std::string &alias)
{
    const std::string p = alias.empty() ? "" : alias + ".";
    if (user.role == "clerk" || user.role == "supervisor")
        return {p + "center IN (SELECT code FROM centers WHERE code = ? OR parent = ?)", {user.center, user.center}};
    if (user.role == "agent")
        return {p + "center = ?", {user.center}};
    if (user.role == "approver")
        return departmentCondition(p + "departments", user.department);
    return {"1 = 0", {}};
}

AuthorizationPolicy::Filter AuthorizationPolicy::departmentCondition(const std::string &column,
                                                                     const std::string &department)
{
    if (department.empty() || department.find(',') != std::string::npos)
        return {"1 = 0", {}};
    // Removing ",HF," changes the list exactly when it holds that code; REPLACE compares plain
    // text on SQLite and PostgreSQL alike.
    return {"REPLACE(" + column + ", ?, '') <> " + column, {"," + department + ","}};
}

bool AuthorizationPolicy::inScope(const Principal &user, const TransferScope &scope, Capability capability)
{
    if (!can(user, capability) || user.center.empty())
        return false;
    if (capability == Capability::ReceiveTransfer)
        return scope.hall == user.center;
    if (user.role == "agent")
        return scope.center == user.center;
    if (user.role == "clerk" || user.role == "supervisor")
        return scope.center == user.center || scope.hall == user.center;
    return false;
}

bool AuthorizationPolicy::maySendFrom(const Principal &user, const std::string &centerParent)
{
    return can(user, Capability::SendTransfer) && !user.center.empty() && !centerParent.empty();
}

AuthorizationPolicy::Filter AuthorizationPolicy::transferFilter(const Principal &user, const std::string &alias)
{
    const std::string p = alias.empty() ? "" : alias + ".";
    if (user.center.empty())
        return {"1 = 0", {}};
    if (user.role == "agent")
        return {p + "center = ?", {user.center}};
    if (user.role == "clerk" || user.role == "supervisor")
        return {"(" + p + "center = ? OR " + p + "hall = ?)", {user.center, user.center}};
    return {"1 = 0", {}};
}

} // namespace onewindow::server
