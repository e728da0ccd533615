#include "api/services.h"

#include "applicants/applicantid.h"
#include "applicants/applicantrecords.h"
#include "audit/audittrail.h"
#include "auth/policy.h"
#include "catalog/catalog.h"
#include "clock.h"
#include "db/database.h"
#include "domain/idnumber.h"
#include "http/router.h"

namespace onewindow::server {

void registerApplicantRoutes(Router &router, Services &s)
{
    const std::string api = "/api/v1";

    router.add("GET", api + "/applicants/{identifier}/licenses", [&s](Request &req) {
        AuthorizationPolicy::require(req.user(), AuthorizationPolicy::Capability::ReadLicenses);
        const std::string holder = applicantIdOrThrow(req.pathParams.at("identifier"), s.clock.today());
        // A write: licences shown are recorded in the audit trail first (the ID number masked).
        Transaction tx(s.db, Transaction::Mode::Write);
        auto licenses = s.catalog.licenses(tx, holder);
        if (const auto items = licenses->getArray("items"); items && items->size() > 0) {
            s.audit.append(tx, {}, req.user().username, "licenses_read",
                           std::to_string(items->size()) + " licences of " + IdNumber::mask(holder));
            tx.commit();
        }
        return Response::json(200, licenses);
    });

    router.add("GET", api + "/applicants/{identifier}/broken-commitment", [&s](Request &req) {
        return Response::json(200, s.applicants.commitment(req.user(), req.pathParams.at("identifier")));
    });

    router.add("GET", api + "/applicants/{identifier}/refusals", [&s](Request &req) {
        return Response::json(200, s.applicants.refusals(req.user(), req.pathParams.at("identifier")));
    });

    router.add("POST", api + "/applicants/{identifier}/broken-commitment/clear", [&s](Request &req) {
        return Response::json(200, s.applicants.clearCommitment(req.user(), req.pathParams.at("identifier"), req.body));
    });
}

} // namespace onewindow::server
