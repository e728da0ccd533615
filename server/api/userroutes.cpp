#include "api/services.h"

#include "api/params.h"
#include "http/router.h"
#include "users/useraccounts.h"

namespace onewindow::server {

void registerUserRoutes(Router &router, Services &s)
{
    const std::string api = "/api/v1";

    router.add("POST", api + "/users", [&s](Request &req) { return s.users.create(req.user(), req.body); });

    router.add("GET", api + "/users", [&s](Request &req) {
        return Response::json(200, s.users.list(req.user(), req.queryParam("role"), req.queryParam("center"),
                                                req.queryParam("q"), limitParam(req), req.queryParam("cursor")));
    });

    router.add("GET", api + "/users/{username}", [&s](Request &req) {
        return Response::json(200, s.users.get(req.user(), req.pathParams.at("username")));
    });

    router.add("PATCH", api + "/users/{username}", [&s](Request &req) {
        return Response::json(200, s.users.change(req.user(), req.pathParams.at("username"), req.body));
    });

    router.add("POST", api + "/users/{username}/password-reset", [&s](Request &req) {
        return s.users.resetPassword(req.user(), req.pathParams.at("username"));
    });
}

} // namespace onewindow::server
