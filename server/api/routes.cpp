#include "api/services.h"

#include "audit/audittrail.h"
#include "auth/policy.h"
#include "auth/sessions.h"
#include "cases/attachments.h"
#include "cases/caseservice.h"
#include "cases/deficiencytracker.h"
#include "catalog/catalog.h"
#include "clock.h"
#include "db/database.h"
#include "domain/creditcode.h"
#include "domain/idnumber.h"
#include "http/problem.h"
#include "http/router.h"
#include "json.h"

namespace onewindow::server {

namespace {

using Cap = AuthorizationPolicy::Capability;
using Access = Router::Access;

int limitParam(const Request &req, int defaultLimit = 50)
{
    const std::string text = req.queryParam("limit");
    if (text.empty())
        return defaultLimit;
    int value = 0;
    try {
        std::size_t used = 0;
        value = std::stoi(text, &used);
        if (used != text.size())
            value = 0;
    } catch (...) {
        value = 0;
    }
    if (value < 1 || value > 200) {
        FieldErrors errors;
        errors.add("limit", "A whole number from 1 to 200.", "invalid");
        errors.throwIfAny();
    }
    return value;
}

Poco::JSON::Object::Ptr userJson(const Principal &p)
{
    auto o = newObject();
    o->set("username", p.username);
    o->set("displayName", p.displayName);
    o->set("role", p.role);
    o->set("center", p.center.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(p.center));
    o->set("department", p.department.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(p.department));
    return o;
}

Date dateParam(const std::string &name, const std::string &text, FieldErrors &errors)
{
    if (auto d = parseIsoDate(text))
        return *d;
    errors.add(name, "A date, YYYY-MM-DD.", text.empty() ? "required" : "invalid");
    return Date{};
}

// The file name of an upload: `?filename=`, else the `filename` of a Content-Disposition header.
std::string uploadFilename(const Request &req)
{
    if (std::string name = req.queryParam("filename"); !name.empty())
        return name;
    const std::string disposition = req.header("content-disposition");
    const auto at = disposition.find("filename=");
    if (at == std::string::npos)
        return {};
    std::string value = disposition.substr(at + 9);
    if (!value.empty() && value.front() == '"') {
        const auto end = value.find('"', 1);
        return value.substr(1, end == std::string::npos ? std::string::npos : end - 1);
    }
    return value.substr(0, value.find(';'));
}

} // namespace

void registerRoutes(Router &router, Services &s)
{
    const std::string api = "/api/v1";

    router.add("GET", api + "/health", [&s](Request &) {
        auto o = newObject();
        o->set("status", "ok");
        o->set("database", s.db.dialectName());
        o->set("version", s.version);
        o->set("today", toIsoString(s.clock.today()));
        o->set("now", s.clock.realNow());
        return Response::json(200, o);
    }, Access::Public);

    router.add("POST", api + "/sessions", [&s](Request &req) {
        const auto body = parseObject(req.body);
        FieldErrors errors;
        const auto username = optString(body, "username");
        const auto password = optString(body, "password");
        if (!username || username->empty())
            errors.add("username", "Required.", "required");
        if (!password || password->empty())
            errors.add("password", "Required.", "required");
        errors.throwIfAny();
        const auto signIn = s.sessions.signIn(*username, *password, req.remoteAddress);
        auto o = newObject();
        o->set("token", signIn.token);
        o->set("expiresAt", signIn.expiresAt);
        o->set("user", userJson(signIn.user));
        return Response::json(201, o);
    }, Access::Public);

    router.add("DELETE", api + "/sessions/current", [&s](Request &req) {
        s.sessions.signOut(req.user());
        return Response::noContent();
    });

    router.add("GET", api + "/me", [](Request &req) { return Response::json(200, userJson(req.user())); });

    router.add("GET", api + "/departments", [&s](Request &) {
        Transaction tx(s.db, Transaction::Mode::Read);
        return Response::json(200, s.catalog.departments(tx));
    });

    router.add("GET", api + "/centers", [&s](Request &) {
        Transaction tx(s.db, Transaction::Mode::Read);
        return Response::json(200, s.catalog.centers(tx));
    });

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
        r.headers["ETag"] = CaseService::etagOf(matter->version);
        return r;
    });

    router.add("PUT", api + "/matters/{code}", [&s](Request &req) {
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
        if (ifMatch != CaseService::etagOf(current->version))
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
        r.headers["ETag"] = CaseService::etagOf(saved.version);
        return r;
    });

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

    router.add("GET", api + "/applicants/{identifier}/licenses", [&s](Request &req) {
        AuthorizationPolicy::require(req.user(), Cap::ReadLicenses);
        const std::string identifier = req.pathParams.at("identifier");
        std::string holder;
        if (const auto id = IdNumber::parse(identifier, s.clock.today()))
            holder = id->text();
        else if (const auto code = CreditCode::parse(identifier))
            holder = code->text();
        if (holder.empty()) {
            FieldErrors errors;
            errors.add("identifier", "Neither a valid citizen ID number nor a valid unified social credit code.",
                       "invalid");
            errors.throwIfAny();
        }
        Transaction tx(s.db, Transaction::Mode::Read);
        return Response::json(200, s.catalog.licenses(tx, holder));
    });

    router.add("POST", api + "/cases", [&s](Request &req) {
        return s.cases.create(req.user(), req.header("idempotency-key"), req.body);
    });

    router.add("GET", api + "/cases", [&s](Request &req) {
        const int limit = limitParam(req);
        return Response::json(200, s.cases.list(req.user(), req.queryParam("status"), req.queryParam("center"), limit,
                                                req.queryParam("cursor"), req.queryParam("number")));
    });

    router.add("GET", api + "/cases/{id}", [&s](Request &req) { return s.cases.get(req.user(), req.pathParams.at("id")); });

    router.add("GET", api + "/deficiencies", [&s](Request &req) {
        const int limit = limitParam(req);
        return Response::json(200, s.cases.deficiencies(req.user(), req.queryParam("status"), req.queryParam("dueBefore"),
                                                        req.queryParam("center"), limit, req.queryParam("cursor"),
                                                        req.queryParam("matter")));
    });
    router.add("GET", api + "/deficiencies/counts", [&s](Request &req) {
        return Response::json(200, s.cases.deficiencyCounts(req.user(), req.queryParam("center"), req.queryParam("matter")));
    });

    router.add("POST", api + "/cases/{id}/deficiencies/{did}/supply", [&s](Request &req) {
        return s.cases.supply(req.user(), req.pathParams.at("id"), req.pathParams.at("did"), req.header("if-match"),
                              req.body);
    });

    router.add("POST", api + "/cases/{id}/deficiencies/{did}/waive", [&s](Request &req) {
        return s.cases.waive(req.user(), req.pathParams.at("id"), req.pathParams.at("did"), req.header("if-match"),
                             req.body);
    });

    registerReviewRoutes(router, s);

    router.add("POST", api + "/cases/{id}/attachments", [&s](Request &req) {
        return s.attachments.upload(req.user(), req.pathParams.at("id"), req.header("idempotency-key"),
                                    uploadFilename(req), req.body);
    });

    router.add("GET", api + "/cases/{id}/attachments", [&s](Request &req) {
        return Response::json(200, s.attachments.list(req.user(), req.pathParams.at("id")));
    });

    router.add("GET", api + "/cases/{id}/attachments/{aid}/content", [&s](Request &req) {
        return s.attachments.content(req.user(), req.pathParams.at("id"), req.pathParams.at("aid"),
                                     req.header("if-none-match"));
    });

    router.add("GET", api + "/notifications", [&s](Request &req) {
        const int limit = limitParam(req);
        return Response::json(200, s.tracker.list(req.user(), req.queryParam("caseId"), req.queryParam("status"),
                                                  limit, req.queryParam("cursor")));
    });

    router.add("GET", api + "/applicants/{identifier}/broken-commitment", [&s](Request &req) {
        return Response::json(200, s.cases.commitment(req.user(), req.pathParams.at("identifier")));
    });

    router.add("POST", api + "/applicants/{identifier}/broken-commitment/clear", [&s](Request &req) {
        return Response::json(200, s.cases.clearCommitment(req.user(), req.pathParams.at("identifier"), req.body));
    });

    router.add("POST", api + "/jobs/run", [&s](Request &req) {
        AuthorizationPolicy::require(req.user(), Cap::RunJobs);
        const auto report = s.tracker.runAll();
        auto o = newObject();
        o->set("overdue", report.overdue);
        o->set("terminated", report.terminated);
        o->set("reminders", report.reminders);
        o->set("sent", report.sent);
        o->set("failed", report.failed);
        return Response::json(200, o);
    });

    router.add("GET", api + "/cases/{id}/audit", [&s](Request &req) {
        return Response::json(200, s.cases.audit(req.user(), req.pathParams.at("id")));
    });

    router.add("GET", api + "/audit/verify", [&s](Request &req) {
        AuthorizationPolicy::require(req.user(), Cap::VerifyAudit);
        const auto v = s.audit.verify(s.db);
        auto o = newObject();
        o->set("valid", v.valid);
        o->set("entries", v.entries);
        o->set("firstBrokenEntry", v.firstBrokenEntry ? Poco::Dynamic::Var(*v.firstBrokenEntry) : Poco::Dynamic::Var());
        return Response::json(200, o);
    });
}

} // namespace onewindow::server
