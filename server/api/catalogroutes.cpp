#include "api/services.h"

#include "api/params.h"
#include "auth/policy.h"
#include "catalog/catalog.h"
#include "db/database.h"
#include "http/preconditions.h"
#include "http/problem.h"
#include "http/router.h"
#include "json.h"

namespace onewindow::server {

namespace {

using Cap = AuthorizationPolicy::Capability;

Date dateParam(const std::string &name, const std::string &text, FieldErrors &errors)
{
    if (auto d = parseIsoDate(text))
        return *d;
    errors.add(name, "A date, YYYY-MM-DD.", text.empty() ? "required" : "invalid");
    return Date{};
}

// PUT /matters/{code}: a new version of the matter's definition, at the version it names.
Response saveMatter(Services &s, Request &req)
{
    AuthorizationPolicy::require(req.user(), Cap::EditCatalog);
    const std::string ifMatch = req.header("if-match");
    if (ifMatch.empty())
        throw ApiError::preconditionRequired("If-Match");
    const auto body = parseObject(req.body);
    FieldErrors errors;
    MatterDefinition definition = MatterDefinition::fromJson(body, errors);
    definition.code = req.pathParams.at("code");
    Transaction tx(s.db, Transaction::Mode::Write);
    const auto current = s.catalog.matter(tx, definition.code);
    if (!current)
        throw ApiError::notFound();
    if (ifMatch != etagOf(current->version))
        throw ApiError::preconditionFailed();
    if (auto d = optString(body, "department")) {
        if (!tx.queryOne("SELECT code FROM departments WHERE code = ?", {*d}))
            errors.add("department", "No such department.", "unknown");
    }
    errors.throwIfAny();
    definition.initials = optString(body, "initials").value_or("");
    const MatterDefinition saved = s.catalog.saveNewVersion(tx, definition, req.user().username);
    tx.commit();
    s.catalog.changed();
    Response r = Response::json(200, saved.toJson());
    r.headers["ETag"] = etagOf(saved.version);
    return r;
}

void registerMatterRoutes(Router &router, Services &s, const std::string &api)
{
    router.add("GET", api + "/matters", [&s](Request &req) {
        const int limit = limitParam(req);
        Transaction tx(s.db, Transaction::Mode::Read);
        return Response::json(200, s.catalog.listMatters(tx, req.queryParam("q"), req.queryParam("department"), limit,
                                                         req.queryParam("cursor")));
    });

    router.add("GET", api + "/matters/{code}", [&s](Request &req) {
        Transaction tx(s.db, Transaction::Mode::Read);
        const auto matter = s.catalog.matter(tx, req.pathParams.at("code"));
        if (!matter)
            throw ApiError::notFound();
        Response r = Response::json(200, matter->toJson());
        r.headers["ETag"] = etagOf(matter->version);
        return r;
    });

    router.add("PUT", api + "/matters/{code}", [&s](Request &req) { return saveMatter(s, req); });
}

void registerCalendarRoutes(Router &router, Services &s, const std::string &api)
{
    router.add("GET", api + "/calendar", [&s](Request &req) {
        FieldErrors errors;
        const Date from = dateParam("from", req.queryParam("from"), errors);
        const Date to = dateParam("to", req.queryParam("to"), errors);
        errors.throwIfAny();
        const int span = daysBetween(from, to);
        if (span < 0 || span > 400) {
            errors.add("to", "From 0 to 400 days after from.", "invalid");
            errors.throwIfAny();
        }
        Transaction tx(s.db, Transaction::Mode::Read);
        return Response::json(200, s.catalog.calendarDays(tx, from, to));
    });

    router.add("PUT", api + "/calendar/{date}", [&s](Request &req) {
        AuthorizationPolicy::require(req.user(), Cap::EditCalendar);
        FieldErrors errors;
        const Date day = dateParam("date", req.pathParams.at("date"), errors);
        const auto body = parseObject(req.body);
        const auto working = optBool(body, "working");
        if (!working)
            errors.add("working", "true or false.", "required");
        errors.throwIfAny();
        Transaction tx(s.db, Transaction::Mode::Write);
        auto result = s.catalog.setCalendarDay(tx, day, *working, optString(body, "holiday"), req.user().username);
        tx.commit();
        s.catalog.changed();
        return Response::json(200, result);
    });
}

} // namespace

void registerCatalogRoutes(Router &router, Services &s)
{
    const std::string api = "/api/v1";

    router.add("GET", api + "/departments", [&s](Request &) {
        Transaction tx(s.db, Transaction::Mode::Read);
        return Response::json(200, s.catalog.departments(tx));
    });

    router.add("GET", api + "/centers", [&s](Request &) {
        Transaction tx(s.db, Transaction::Mode::Read);
        return Response::json(200, s.catalog.centers(tx));
    });

    registerMatterRoutes(router, s, api);

    router.add("GET", api + "/bundles", [&s](Request &) {
        Transaction tx(s.db, Transaction::Mode::Read);
        return Response::json(200, s.catalog.listBundles(tx));
    });

    router.add("GET", api + "/bundles/{code}", [&s](Request &req) {
        Transaction tx(s.db, Transaction::Mode::Read);
        const auto bundle = s.catalog.bundle(tx, req.pathParams.at("code"));
        if (!bundle)
            throw ApiError::notFound();
        return Response::json(200, s.catalog.bundleJson(tx, *bundle));
    });

    registerCalendarRoutes(router, s, api);
}

} // namespace onewindow::server
