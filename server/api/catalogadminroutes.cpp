#include "api/services.h"

#include "api/params.h"
#include "catalog/catalogexchange.h"
#include "catalog/matterversions.h"
#include "http/router.h"

namespace onewindow::server {

void registerCatalogAdminRoutes(Router &router, Services &s)
{
    const std::string api = "/api/v1";
    const std::string version = api + "/matters/{code}/versions/{n}";

    router.add("POST", api + "/matters", [&s](Request &req) {
        return s.matterVersions.createMatter(req.user(), req.header("idempotency-key"), req.body);
    });

    router.add("GET", api + "/matters/{code}/versions", [&s](Request &req) {
        return Response::json(200, s.matterVersions.list(req.user(), req.pathParams.at("code"), limitParam(req),
                                                         req.queryParam("cursor")));
    });

    router.add("POST", api + "/matters/{code}/versions", [&s](Request &req) {
        return s.matterVersions.createDraft(req.user(), req.pathParams.at("code"), req.header("idempotency-key"),
                                            req.body);
    });

    router.add("GET", version, [&s](Request &req) {
        return s.matterVersions.get(req.user(), req.pathParams.at("code"), req.pathParams.at("n"));
    });

    router.add("PUT", version, [&s](Request &req) {
        return s.matterVersions.editDraft(req.user(), req.pathParams.at("code"), req.pathParams.at("n"),
                                          req.header("if-match"), req.body);
    });

    router.add("DELETE", version, [&s](Request &req) {
        return s.matterVersions.deleteDraft(req.user(), req.pathParams.at("code"), req.pathParams.at("n"),
                                            req.header("if-match"));
    });

    router.add("POST", version + "/publish", [&s](Request &req) {
        return s.matterVersions.publish(req.user(), req.pathParams.at("code"), req.pathParams.at("n"),
                                        req.header("idempotency-key"), req.body);
    });

    router.add("GET", version + "/diff/{m}", [&s](Request &req) {
        return Response::json(200, s.matterVersions.diff(req.user(), req.pathParams.at("code"),
                                                         req.pathParams.at("n"), req.pathParams.at("m")));
    });

    router.add("GET", api + "/catalog/export",
               [&s](Request &req) { return Response::json(200, s.catalogExchange.exportCatalog(req.user())); });

    router.add("POST", api + "/catalog/import", [&s](Request &req) {
        return s.catalogExchange.importCatalog(req.user(), req.header("idempotency-key"), req.body);
    });
}

} // namespace onewindow::server
