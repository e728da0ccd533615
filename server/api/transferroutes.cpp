#include "api/services.h"

#include "api/params.h"
#include "http/router.h"
#include "transfers/transferservice.h"

namespace onewindow::server {

void registerTransferRoutes(Router &router, Services &s)
{
    const std::string api = "/api/v1";

    router.add("POST", api + "/transfers", [&s](Request &req) {
        return s.transfers.create(req.user(), req.header("idempotency-key"), req.body);
    });

    router.add("GET", api + "/transfers", [&s](Request &req) {
        return Response::json(
            200, s.transfers.list(req.user(), req.queryParam("state"), limitParam(req), req.queryParam("cursor")));
    });

    router.add("GET", api + "/transfers/{id}", [&s](Request &req) {
        return Response::json(200, s.transfers.get(req.user(), req.pathParams.at("id")));
    });

    router.add("GET", api + "/transfers/by-code/{code}", [&s](Request &req) {
        return Response::json(200, s.transfers.byCode(req.user(), req.pathParams.at("code")));
    });

    router.add("POST", api + "/transfers/{id}/arrival", [&s](Request &req) {
        return s.transfers.arrive(req.user(), req.pathParams.at("id"), req.header("idempotency-key"), req.body);
    });
}

} // namespace onewindow::server
