#include "api/services.h"

#include "delivery/deliveryservice.h"
#include "api/params.h"
#include "evaluation/evaluationservice.h"
#include "evaluation/followups.h"
#include "http/router.h"

namespace onewindow::server {

void registerDeliveryRoutes(Router &router, Services &s)
{
    const std::string api = "/api/v1";

    router.add("POST", api + "/cases/{id}/delivery", [&s](Request &req) {
        return s.delivery.deliver(req.user(), req.pathParams.at("id"), req.header("if-match"),
                                  req.header("idempotency-key"), req.body);
    });

    router.add("GET", api + "/cases/{id}/delivery", [&s](Request &req) {
        return Response::json(200, s.delivery.delivery(req.user(), req.pathParams.at("id")));
    });

    router.add("POST", api + "/cases/{id}/rating-tokens", [&s](Request &req) {
        return s.evaluations.issueToken(req.user(), req.pathParams.at("id"), req.body);
    });

    router.add("POST", api + "/cases/{id}/evaluations", [&s](Request &req) {
        return s.evaluations.evaluate(req.user(), req.pathParams.at("id"), req.body);
    });

    router.add("GET", api + "/cases/{id}/evaluations", [&s](Request &req) {
        return Response::json(200, s.evaluations.list(req.user(), req.pathParams.at("id")));
    });

    router.add("GET", api + "/follow-ups", [&s](Request &req) {
        return Response::json(
            200, s.followUps.list(req.user(), req.queryParam("state"), limitParam(req), req.queryParam("cursor")));
    });

    router.add("GET", api + "/follow-ups/{id}", [&s](Request &req) {
        return Response::json(200, s.followUps.get(req.user(), req.pathParams.at("id")));
    });

    router.add("POST", api + "/follow-ups/{id}/notes", [&s](Request &req) {
        return s.followUps.addNote(req.user(), req.pathParams.at("id"), req.body);
    });

    router.add("POST", api + "/follow-ups/{id}/close", [&s](Request &req) {
        return s.followUps.close(req.user(), req.pathParams.at("id"), req.body);
    });
}

} // namespace onewindow::server
