#include "api/services.h"

#include "auth/policy.h"
#include "http/problem.h"
#include "http/router.h"
#include "stats/statsservice.h"

namespace onewindow::server {

void registerStatsRoutes(Router &router, Services &s)
{
    router.add("GET", "/api/v1/stats/summary", [&s](Request &req) {
        // Who may not read figures gets 404 whatever they asked.
        AuthorizationPolicy::require(req.user(), AuthorizationPolicy::Capability::ReadStats);
        const std::string format = req.queryParam("format");
        if (!format.empty() && format != "json" && format != "csv") {
            FieldErrors errors;
            errors.add("format", "json or csv.", "invalid");
            errors.throwIfAny();
        }
        const StatsService::Query query = StatsService::parse(req);
        const auto summary = s.stats.summary(req.user(), query);
        if (format != "csv")
            return Response::json(200, summary);
        Response response;
        response.contentType = "text/csv; charset=utf-8";
        response.headers["Content-Disposition"] = "attachment; filename=\"onewindow-summary.csv\"";
        response.body = StatsService::csv(summary);
        return response;
    });
}

} // namespace onewindow::server
