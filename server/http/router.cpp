#include "http/router.h"

namespace onewindow::server {

namespace {

std::vector<std::string> split(const std::string &path)
{
    std::vector<std::string> parts;
    std::string current;
    for (char c : path) {
        if (c == '/') {
            if (!current.empty())
                parts.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty())
        parts.push_back(current);
    return parts;
}

bool isParam(const std::string &segment)
{
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Literal segments score higher, so /sessions/current wins over /sessions/{id}.
int matchScore(const std::vector<std::string> &pattern, const std::vector<std::string> &path,
               std::map<std::string, std::string> *params)
{
    if (pattern.size() != path.size())
        return -1;
    int score = 0;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (isParam(pattern[i])) {
            if (params)
                (*params)[pattern[i].substr(1, pattern[i].size() - 2)] = path[i];
        } else if (pattern[i] == path[i]) {
            ++score;
        } else {
            return -1;
        }
    }
    return score;
}

} // namespace

void Router::add(const std::string &method, const std::string &pattern, Handler handler, Access access)
{
    m_routes.push_back({method, pattern, split(pattern), std::move(handler), access});
}

Router::Match Router::match(const std::string &method, const std::string &path) const
{
    const auto parts = split(path);
    Match result;
    int best = -1;
    std::string allow;
    for (const Route &route : m_routes) {
        const int score = matchScore(route.segments, parts, nullptr);
        if (score < 0)
            continue;
        if (route.method != method) {
            if (allow.find(route.method) == std::string::npos)
                allow += (allow.empty() ? "" : ", ") + route.method;
            continue;
        }
        if (score > best) {
            best = score;
            result.handler = &route.handler;
            result.access = route.access;
            result.params.clear();
            matchScore(route.segments, parts, &result.params);
        }
    }
    if (!result.handler)
        result.allow = allow;
    return result;
}

std::vector<std::string> Router::routes() const
{
    std::vector<std::string> out;
    for (const Route &route : m_routes)
        out.push_back(route.method + ' ' + route.pattern);
    return out;
}

} // namespace onewindow::server
