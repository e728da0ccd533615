#include "cases/casescope.h"

#include "auth/policy.h"
#include "db/database.h"
#include "http/preconditions.h"
#include "http/problem.h"

#include <sstream>

namespace onewindow::server {

std::vector<std::string> storedDepartments(const std::string &stored)
{
    std::vector<std::string> out;
    std::istringstream in(stored);
    for (std::string part; std::getline(in, part, ',');) {
        if (!part.empty())
            out.push_back(part);
    }
    return out;
}

bool caseInScope(Transaction &tx, const Principal &user, const std::string &caseId, int capability)
{
    const auto row = tx.queryOne("SELECT c.center, c.departments, COALESCE(ce.parent, '') AS parent FROM cases c "
                                 "JOIN centers ce ON ce.code = c.center WHERE c.id = ?",
                                 {caseId});
    if (!row)
        return false;
    const CaseScope scope{row->text("center"), row->text("parent"), storedDepartments(row->text("departments"))};
    return AuthorizationPolicy::inScope(user, scope, static_cast<AuthorizationPolicy::Capability>(capability));
}

void requireCaseInScope(Transaction &tx, const Principal &user, const std::string &caseId, int capability)
{
    if (!caseInScope(tx, user, caseId, capability))
        throw ApiError::notFound();
}

std::int64_t requireCaseVersion(Transaction &tx, const std::string &caseId, const std::string &ifMatch)
{
    if (ifMatch.empty())
        throw ApiError::preconditionRequired("If-Match");
    const auto row = tx.queryOne("SELECT version FROM cases WHERE id = ?", {caseId});
    if (!row)
        throw ApiError::notFound();
    const std::int64_t version = row->integer("version");
    if (!ifMatchNames(ifMatch, version))
        throw ApiError::preconditionFailed();
    return version;
}

} // namespace onewindow::server
