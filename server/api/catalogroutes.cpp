#include "api/services.h"

#include "api/params.h"
#include "auth/policy.h"
#include "catalog/catalog.h"
#include "catalog/holidayschedule.h"
#include "catalog/matterversions.h"
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

    // As before versions had dates: a new version in effect at once.
    router.add("PUT", api + "/matters/{code}", [&s](Request &req) {
        return s.matterVersions.replaceToday(req.user(), req.pathParams.at("code"), req.header("if-match"), req.body);
    });
}

// PUT /calendar/{year}: the year's official schedule in place of its entries.
Response replaceCalendarYear(Services &s, Request &req, int year)
{
    FieldErrors errors;
    if (year < 1900)
        errors.add("date", "A year such as 2027, or a date.", "invalid");
    const HolidaySchedule schedule = HolidaySchedule::fromJson(parseObject(req.body), year, errors);
    errors.throwIfAny();
    const Catalog::Changing changing(s.catalog);
    Transaction tx(s.db, Transaction::Mode::Write);
    Catalog::lockForAdministration(tx);
    auto result = s.catalog.replaceCalendarYear(tx, schedule, req.user().username);
    tx.commit();
    return Response::json(200, result);
}

// PUT /bundles/{code}: creates the bundle, or (If-Match) replaces it.
Response saveBundle(Services &s, Request &req)
{
    AuthorizationPolicy::require(req.user(), Cap::EditCatalog);
    FieldErrors errors;
    BundleDefinition bundle = BundleDefinition::fromJson(parseObject(req.body), errors);
    bundle.code = req.pathParams.at("code");
    Catalog::checkCode(bundle.code, errors, "code");
    errors.throwIfAny();
    Transaction tx(s.db, Transaction::Mode::Write);
    Catalog::lockForAdministration(tx);
    if (const auto stored = s.catalog.bundle(tx, bundle.code)) {
        const std::string ifMatch = req.header("if-match");
        if (ifMatch.empty())
            throw ApiError::preconditionRequired("If-Match");
        if (!ifMatchIs(ifMatch, Catalog::bundleEtag(*stored)))
            throw ApiError::preconditionFailed();
    }
    s.catalog.checkBundleMatters(tx, bundle, errors);
    errors.throwIfAny();
    const bool created = s.catalog.saveBundle(tx, bundle, req.user().username);
    Response r = Response::json(created ? 201 : 200, s.catalog.bundleJson(tx, bundle));
    tx.commit();
    r.headers["ETag"] = Catalog::bundleEtag(bundle);
    return r;
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

    // A day, or (YYYY) the whole year's official schedule: one path, as the two would be one
    // template.
    router.add("PUT", api + "/calendar/{date}", [&s](Request &req) {
        AuthorizationPolicy::require(req.user(), Cap::EditCalendar);
        const std::string &date = req.pathParams.at("date");
        if (date.size() == 4 && date.find_first_not_of("0123456789") == std::string::npos)
            return replaceCalendarYear(s, req, std::stoi(date));
        FieldErrors errors;
        const Date day = dateParam("date", date, errors);
        const auto body = parseObject(req.body);
        const auto working = optBool(body, "working");
        if (!working)
            errors.add("working", "true or false.", "required");
        errors.throwIfAny();
        Transaction tx(s.db, Transaction::Mode::Write);
        Catalog::lockForAdministration(tx);
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
        Response r = Response::json(200, s.catalog.bundleJson(tx, *bundle));
        r.headers["ETag"] = Catalog::bundleEtag(*bundle);
        return r;
    });

    router.add("PUT", api + "/bundles/{code}", [&s](Request &req) { return saveBundle(s, req); });

    registerCalendarRoutes(router, s, api);
}

} // namespace onewindow::server
