// The request router (server/http/router) with every route of api/openapi.yaml: a request line
// goes through Poco::URI as in the pipeline, then through Router::match. Checked: a match is a
// route of that method whose literal segments are the path's, every path parameter is one
// whole non-empty segment, and a path that matches with another method lists it in `allow`.
//
// Input: the first byte chooses the mode. Even: the rest is "METHOD request-target". Odd: the
// second byte picks a route, and the rest, split at '\n', fills its parameters; the path so
// made must match.

#include "fuzz.h"

#include "http/router.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <array>
#include <set>
#include <string_view>
#include <utility>

using namespace onewindow::server;
using onewindow::fuzz::require;

namespace {

struct RouteSpec
{
    const char *method;
    const char *pattern;
};

constexpr RouteSpec kRoutes[] = {
#include "routes.inc"
};
constexpr std::size_t kRouteCount = sizeof kRoutes / sizeof kRoutes[0];

std::vector<std::string> segments(const std::string &path)
{
    std::vector<std::string> out;
    std::string current;
    for (char c : path) {
        if (c == '/') {
            if (!current.empty())
                out.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty())
        out.push_back(current);
    return out;
}

bool isParam(const std::string &segment)
{
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

const Router &router()
{
    static const Router table = [] {
        Router r;
        for (std::size_t i = 0; i < kRouteCount; ++i) {
            r.add(kRoutes[i].method, kRoutes[i].pattern, [i](Request &) {
                Response response;
                response.status = static_cast<int>(i);
                return response;
            });
        }
        return r;
    }();
    return table;
}

void checkMatch(const std::string &method, const std::string &path, const Router::Match &match)
{
    const auto parts = segments(path);
    if (match.handler) {
        Request request;
        const Response answered = (*match.handler)(request);
        require(answered.status >= 0 && static_cast<std::size_t>(answered.status) < kRouteCount, "a known route");
        const RouteSpec &route = kRoutes[answered.status];
        require(method == route.method, "the route has the request's method");
        require(match.allow.empty(), "no Allow with a match");
        const auto pattern = segments(route.pattern);
        require(pattern.size() == parts.size(), "as many segments as the pattern");
        std::size_t params = 0;
        for (std::size_t i = 0; i < pattern.size(); ++i) {
            if (isParam(pattern[i])) {
                const auto found = match.params.find(pattern[i].substr(1, pattern[i].size() - 2));
                require(found != match.params.end(), "every parameter is filled");
                require(found->second == parts[i], "a parameter is its whole segment");
                require(!found->second.empty() && found->second.find('/') == std::string::npos,
                        "a parameter is one non-empty segment");
                ++params;
            } else {
                require(pattern[i] == parts[i], "literal segments match exactly");
            }
        }
        require(match.params.size() == params, "no parameter the pattern does not have");
        return;
    }
    require(match.params.empty(), "no parameters without a match");
    std::set<std::string> allowed;
    std::string_view rest = match.allow;
    while (!rest.empty()) {
        const auto comma = rest.find(", ");
        allowed.insert(std::string(rest.substr(0, comma)));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 2);
    }
    for (const std::string &m : allowed)
        require(m != method, "Allow never lists the request's own method when nothing matched");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    const Router &table = router();
    if ((data[0] & 1) == 0) {
        const std::string line = onewindow::fuzz::bytes(data + 1, size - 1);
        const auto space = line.find(' ');
        if (space == std::string::npos)
            return 0;
        const std::string method = line.substr(0, space);
        std::string path;
        try {
            const Poco::URI uri(line.substr(space + 1));
            path = uri.getPath();
            (void)uri.getQueryParameters();
        } catch (const Poco::Exception &) {
            return 0; // the pipeline answers 400
        }
        checkMatch(method, path, table.match(method, path));
        return 0;
    }

    const RouteSpec &route = kRoutes[data[1] % kRouteCount];
    std::string values = onewindow::fuzz::bytes(data + 2, size - 2);
    std::string path;
    for (const std::string &segment : segments(route.pattern)) {
        path += '/';
        if (!isParam(segment)) {
            path += segment;
            continue;
        }
        const auto newline = values.find('\n');
        std::string value = values.substr(0, newline);
        values = newline == std::string::npos ? std::string() : values.substr(newline + 1);
        if (value.empty() || value.find('/') != std::string::npos)
            return 0;
        path += value;
    }
    const Router::Match match = table.match(route.method, path);
    require(match.handler != nullptr, "a path made from a route's pattern matches a route");
    checkMatch(route.method, path, match);
    return 0;
}
