#include "api/services.h"

#include "http/router.h"
#include "review/reviewservice.h"

namespace onewindow::server {

void registerReviewRoutes(Router &router, Services &s)
{
    const std::string api = "/api/v1";

    router.add("POST", api + "/cases/{id}/decisions", [&s](Request &req) {
        return s.review.decide(req.user(), req.pathParams.at("id"), req.header("if-match"),
                               req.header("idempotency-key"), req.body);
    });

    router.add("POST", api + "/cases/{id}/resubmission", [&s](Request &req) {
        return s.review.resubmit(req.user(), req.pathParams.at("id"), req.header("if-match"),
                                 req.header("idempotency-key"), req.body);
    });

    router.add("GET", api + "/cases/{id}/parts", [&s](Request &req) {
        return Response::json(200, s.review.parts(req.user(), req.pathParams.at("id")));
    });
}

} // namespace onewindow::server
