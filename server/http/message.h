#pragma once

#include <Poco/JSON/Object.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace onewindow::server {

/// The signed-in user a request acts for.
struct Principal
{
    std::string username;
    std::string displayName;
    std::string role;
    std::string center;     ///< empty when none
    std::string department; ///< empty when none
    std::string tokenHash;
    /// A one-time or expired password: until it is changed, the session opens only the routes
    /// of Router::Access::PasswordChange.
    bool mustChangePassword = false;
};

/// An HTTP request as the handlers see it: no sockets, so handlers can be tested in memory.
struct Request
{
    std::string method;
    std::string path;                                 ///< without the query string
    std::map<std::string, std::string> query;         ///< decoded; last value wins
    std::map<std::string, std::string> headers;       ///< names lower-cased
    std::string body;
    std::string requestId;
    std::string remoteAddress;
    std::map<std::string, std::string> pathParams;    ///< filled by the router
    std::optional<Principal> principal;               ///< filled by authentication

    std::string header(const std::string &lowerName) const;
    std::string queryParam(const std::string &name) const;
    const Principal &user() const { return *principal; }
};

struct Response
{
    int status = 200;
    std::map<std::string, std::string> headers;
    std::string body;
    std::string contentType = "application/json";

    static Response json(int status, const Poco::JSON::Object::Ptr &object);
    /// `body` is JSON text already.
    static Response jsonText(int status, std::string body);
    static Response noContent();
};

} // namespace onewindow::server
