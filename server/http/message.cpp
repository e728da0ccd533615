#include "http/message.h"

#include "json.h"

namespace onewindow::server {

std::string Request::header(const std::string &lowerName) const
{
    const auto it = headers.find(lowerName);
    return it == headers.end() ? std::string() : it->second;
}

std::string Request::queryParam(const std::string &name) const
{
    const auto it = query.find(name);
    return it == query.end() ? std::string() : it->second;
}

Response Response::json(int status, const Poco::JSON::Object::Ptr &object)
{
    Response r;
    r.status = status;
    r.body = toJson(object);
    return r;
}

Response Response::jsonText(int status, std::string body)
{
    Response r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

Response Response::noContent()
{
    Response r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

} // namespace onewindow::server
