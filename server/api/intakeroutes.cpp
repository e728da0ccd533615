#include "api/services.h"

#include "http/router.h"
#include "intake/intakeservice.h"

namespace onewindow::server {

void registerIntakeRoutes(Router &router, Services &s)
{
    router.add("POST", "/api/v1/cases", [&s](Request &req) {
        return s.intake.create(req.user(), req.header("idempotency-key"), req.body);
    });

    router.add("POST", "/api/v1/centers/{code}/number-blocks", [&s](Request &req) {
        return s.intake.reserveNumbers(req.user(), req.pathParams.at("code"), req.header("idempotency-key"), req.body);
    });
}

} // namespace onewindow::server
