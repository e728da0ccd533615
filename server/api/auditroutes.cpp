#include "api/services.h"

#include "api/params.h"
#include "audit/audittrail.h"
#include "auth/policy.h"
#include "db/database.h"
#include "http/problem.h"
#include "http/router.h"
#include "json.h"

namespace onewindow::server {

namespace {

/// A day of the search, `YYYY-MM-DD`, or none when not given; `invalid` otherwise.
std::optional<Date> dayParam(const Request &req, const char *name, FieldErrors &errors)
{
    const std::string text = req.queryParam(name);
    if (text.empty())
        return std::nullopt;
    const auto day = parseIsoDate(text);
    if (!day)
        errors.add(name, "A date, YYYY-MM-DD.", "invalid");
    return day;
}

} // namespace

void registerAuditRoutes(Router &router, Services &s)
{
    const std::string api = "/api/v1";

    // The auditor's search of the whole trail, cases and everything outside them.
    router.add("GET", api + "/audit", [&s](Request &req) {
        AuthorizationPolicy::require(req.user(), AuthorizationPolicy::Capability::VerifyAudit);
        AuditTrail::Search search;
        search.actor = req.queryParam("actor");
        search.caseRef = req.queryParam("case");
        search.action = req.queryParam("action");
        FieldErrors errors;
        search.from = dayParam(req, "from", errors);
        search.to = dayParam(req, "to", errors);
        if (search.from && search.to && *search.to < *search.from)
            errors.add("to", "Not before the first day.", "invalid");
        const int limit = limitParam(req);
        errors.throwIfAny();
        Transaction tx(s.db, Transaction::Mode::Read);
        return Response::json(200, s.audit.search(tx, search, limit, req.queryParam("cursor")));
    });

    router.add("GET", api + "/audit/verify", [&s](Request &req) {
        AuthorizationPolicy::require(req.user(), AuthorizationPolicy::Capability::VerifyAudit);
        const auto v = s.audit.verify(s.db);
        const auto orNone = [](const std::string &text) { return orNull(text.empty() ? std::nullopt : std::optional(text)); };
        auto o = newObject();
        o->set("valid", v.valid);
        o->set("entries", v.entries);
        o->set("firstBrokenEntry", v.firstBrokenEntry ? Poco::Dynamic::Var(*v.firstBrokenEntry) : Poco::Dynamic::Var());
        o->set("problem", orNone(v.problem));
        o->set("caseId", orNone(v.caseId));
        o->set("caseNumber", orNone(v.caseNumber));
        if (v.checkpoint) {
            auto c = newObject();
            c->set("at", v.checkpoint->at);
            c->set("seq", v.checkpoint->seq);
            c->set("entries", v.checkpoint->entries);
            o->set("checkpoint", c);
        } else {
            o->set("checkpoint", Poco::Dynamic::Var());
        }
        o->set("message", v.message);
        return Response::json(200, o);
    });
}

} // namespace onewindow::server
