#include "api/services.h"

#include "auth/sessions.h"
#include "http/problem.h"
#include "http/router.h"
#include "json.h"

namespace onewindow::server {

namespace {

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

} // namespace

void registerSessionRoutes(Router &router, Services &s)
{
    const std::string api = "/api/v1";

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
    }, Router::Access::Public);

    router.add("DELETE", api + "/sessions/current", [&s](Request &req) {
        s.sessions.signOut(req.user());
        return Response::noContent();
    });

    router.add("GET", api + "/me", [](Request &req) { return Response::json(200, userJson(req.user())); });
}

} // namespace onewindow::server
