#include "api/services.h"

#include "api/params.h"
#include "audit/audittrail.h"
#include "auth/policy.h"
#include "db/database.h"
#include "deficiencies/deficiencyqueries.h"
#include "deficiencies/deficiencyresolution.h"
#include "deficiencies/deficiencytracker.h"
#include "http/router.h"
#include "json.h"
#include "review/simulatedapprovals.h"

namespace onewindow::server {

void registerDeficiencyRoutes(Router &router, Services &s)
{
    const std::string api = "/api/v1";

    router.add("GET", api + "/deficiencies", [&s](Request &req) {
        const int limit = limitParam(req);
        return Response::json(200, s.deficiencies.list(req.user(), req.queryParam("status"), req.queryParam("dueBefore"),
                                                       req.queryParam("center"), limit, req.queryParam("cursor"),
                                                       req.queryParam("matter")));
    });
    router.add("GET", api + "/deficiencies/counts", [&s](Request &req) {
        return Response::json(200, s.deficiencies.counts(req.user(), req.queryParam("center"), req.queryParam("matter")));
    });

    router.add("POST", api + "/cases/{id}/deficiencies/{did}/supply", [&s](Request &req) {
        return s.resolution.supply(req.user(), req.pathParams.at("id"), req.pathParams.at("did"),
                                   req.header("if-match"), req.body);
    });

    router.add("POST", api + "/cases/{id}/deficiencies/{did}/waive", [&s](Request &req) {
        return s.resolution.waive(req.user(), req.pathParams.at("id"), req.pathParams.at("did"),
                                  req.header("if-match"), req.body);
    });

    router.add("GET", api + "/notifications", [&s](Request &req) {
        const int limit = limitParam(req);
        return Response::json(200, s.tracker.list(req.user(), req.queryParam("caseId"), req.queryParam("status"),
                                                  limit, req.queryParam("cursor")));
    });

    router.add("POST", api + "/jobs/run", [&s](Request &req) {
        AuthorizationPolicy::require(req.user(), AuthorizationPolicy::Capability::RunJobs);
        const JobsReport report = runBackgroundJobs(s);
        auto o = newObject();
        o->set("overdue", report.deficiencies.overdue);
        o->set("terminated", report.deficiencies.terminated);
        o->set("reminders", report.deficiencies.reminders);
        o->set("sent", report.deficiencies.sent);
        o->set("failed", report.deficiencies.failed);
        o->set("lapsed", report.lapsed);
        o->set("escalated", report.escalated);
        o->set("invited", report.invited);
        // The jobs write as "system"; who started this run, and what it did, is recorded too.
        {
            Transaction tx(s.db, Transaction::Mode::Write);
            s.audit.append(tx, {}, req.user().username, "jobs_run",
                           "overdue " + std::to_string(report.deficiencies.overdue) + ", terminated "
                               + std::to_string(report.deficiencies.terminated) + ", reminders "
                               + std::to_string(report.deficiencies.reminders) + ", sent "
                               + std::to_string(report.deficiencies.sent) + ", failed "
                               + std::to_string(report.deficiencies.failed) + ", lapsed "
                               + std::to_string(report.lapsed) + ", escalated " + std::to_string(report.escalated)
                               + ", invited " + std::to_string(report.invited));
            tx.commit();
        }
        return Response::json(200, o);
    });
}

} // namespace onewindow::server
