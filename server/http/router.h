#pragma once

#include "http/message.h"

#include <functional>
#include <string>
#include <vector>

namespace onewindow::server {

using Handler = std::function<Response(Request &)>;

/// Maps method and path pattern (`/api/v1/cases/{id}`) to a handler. A path that matches with
/// another method is 405 with `Allow`; no match is 404.
class Router
{
public:
    /// Public: anyone. SignedIn: a session whose user has no password to change first.
    /// PasswordChange: any session, also one whose user must change their password before
    /// anything else (who am I, the change itself, signing out).
    enum class Access { Public, SignedIn, PasswordChange };

    void add(const std::string &method, const std::string &pattern, Handler handler,
             Access access = Access::SignedIn);

    struct Match
    {
        const Handler *handler = nullptr;
        Access access = Access::SignedIn;
        std::map<std::string, std::string> params;
        std::string allow; ///< when the path matched but not the method
    };
    Match match(const std::string &method, const std::string &path) const;

    /// Every route as "METHOD pattern", for documentation and tests.
    std::vector<std::string> routes() const;

private:
    struct Route
    {
        std::string method;
        std::string pattern;
        std::vector<std::string> segments;
        Handler handler;
        Access access;
    };
    std::vector<Route> m_routes;
};

} // namespace onewindow::server
