#include "api/services.h"

#include "api/params.h"
#include "http/router.h"
#include "review/resultservice.h"
#include "review/reviewservice.h"
#include "review/simulatedapprovals.h"

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

    router.add("POST", api + "/cases/{id}/result", [&s](Request &req) {
        return s.results.recordResult(req.user(), req.pathParams.at("id"), req.header("if-match"),
                                      req.header("idempotency-key"), req.body);
    });

    router.add("GET", api + "/cases/{id}/result", [&s](Request &req) {
        return Response::json(200, s.results.result(req.user(), req.pathParams.at("id")));
    });

    router.add("POST", api + "/cases/{id}/handoff", [&s](Request &req) {
        return s.results.handoff(req.user(), req.pathParams.at("id"), req.header("idempotency-key"), req.body);
    });

    router.add("GET", api + "/handoffs", [&s](Request &req) {
        return Response::json(200, s.results.handoffs(req.user(), limitParam(req), req.queryParam("cursor")));
    });

    router.add("POST", api + "/cases/{id}/conditions/{n}/met", [&s](Request &req) {
        return s.simulated.conditionMet(req.user(), req.pathParams.at("id"), req.pathParams.at("n"),
                                        req.header("if-match"), req.header("idempotency-key"), req.body);
    });

    router.add("GET", api + "/cases/{id}/conditions", [&s](Request &req) {
        return Response::json(200, s.simulated.conditions(req.user(), req.pathParams.at("id")));
    });

    router.add("GET", api + "/review/counts", [&s](Request &req) {
        return Response::json(200, s.review.counts(req.user()));
    });

    router.add("GET", api + "/cases/{id}/parts", [&s](Request &req) {
        return Response::json(200, s.review.parts(req.user(), req.pathParams.at("id")));
    });
}

} // namespace onewindow::server
