#include "api/services.h"

#include "auth/sessions.h"
#include "http/problem.h"
#include "http/router.h"
#include "json.h"
#include "users/useraccounts.h"

namespace onewindow::server {

namespace {

constexpr std::size_t kMaxUsernameChars = 64;

// A name that may be someone's: at most 64 characters, none of them a control character.
// Checked before the name is logged or stored anywhere.
bool plausibleUsername(const std::string &name)
{
    std::size_t chars = 0;
    for (const char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f)
            return false;
        if ((byte & 0xc0) != 0x80)
            ++chars;
    }
    return chars <= kMaxUsernameChars;
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
        if (!plausibleUsername(*username))
            throw ApiError(400, "username_invalid", "No such username",
                           "A username has at most " + std::to_string(kMaxUsernameChars)
                               + " characters and no control characters.");
        const auto signIn = s.sessions.signIn(*username, *password, req.remoteAddress);
        auto o = newObject();
        o->set("token", signIn.token);
        o->set("expiresAt", signIn.expiresAt);
        o->set("user", s.users.me(signIn.user));
        return Response::json(201, o);
    }, Router::Access::Public);

    // Open also to a user who must change their password first.
    router.add("DELETE", api + "/sessions/current", [&s](Request &req) {
        s.sessions.signOut(req.user());
        return Response::noContent();
    }, Router::Access::PasswordChange);

    router.add("GET", api + "/me", [&s](Request &req) { return Response::json(200, s.users.me(req.user())); },
               Router::Access::PasswordChange);

    router.add("POST", api + "/me/password", [&s](Request &req) {
        s.users.changeOwnPassword(req.user(), req.body, req.remoteAddress);
        return Response::noContent();
    }, Router::Access::PasswordChange);
}

} // namespace onewindow::server
