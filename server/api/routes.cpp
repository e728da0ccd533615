#include "api/services.h"

#include "clock.h"
#include "db/database.h"
#include "http/router.h"
#include "json.h"

namespace onewindow::server {

void registerRoutes(Router &router, Services &s)
{
    router.add("GET", "/api/v1/health", [&s](Request &) {
        auto o = newObject();
        o->set("status", "ok");
        o->set("database", s.db.dialectName());
        o->set("version", s.version);
        o->set("today", toIsoString(s.clock.today()));
        o->set("now", s.clock.realNow());
        return Response::json(200, o);
    }, Router::Access::Public);

    registerSessionRoutes(router, s);
    registerCatalogRoutes(router, s);
    registerCatalogAdminRoutes(router, s);
    registerApplicantRoutes(router, s);
    registerIntakeRoutes(router, s);
    registerCaseRoutes(router, s);
    registerDeficiencyRoutes(router, s);
    registerReviewRoutes(router, s);
    registerAttachmentRoutes(router, s);
    registerDeliveryRoutes(router, s);
    registerTransferRoutes(router, s);
    registerStatsRoutes(router, s);
    registerUserRoutes(router, s);
    registerAuditRoutes(router, s);
}

} // namespace onewindow::server
