#include "api/services.h"

#include "api/params.h"
#include "audit/audittrail.h"
#include "auth/policy.h"
#include "cases/casereader.h"
#include "clock.h"
#include "http/router.h"
#include "json.h"

namespace onewindow::server {

void registerCaseRoutes(Router &router, Services &s)
{
    const std::string api = "/api/v1";

    router.add("GET", api + "/cases", [&s](Request &req) {
        const auto query = CaseListQuery::fromRequest(req, limitParam(req));
        return Response::jsonText(200, s.cases.list(req.user(), query, s.clock.today()));
    });

    router.add("GET", api + "/cases/{id}", [&s](Request &req) { return s.cases.get(req.user(), req.pathParams.at("id")); });

    router.add("GET", api + "/cases/{id}/audit", [&s](Request &req) {
        return Response::json(200, s.cases.audit(req.user(), req.pathParams.at("id")));
    });

}

} // namespace onewindow::server
