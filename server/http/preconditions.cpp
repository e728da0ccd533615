#include "http/preconditions.h"

#include "auth/passwords.h"

namespace onewindow::server {

std::string etagOf(std::int64_t version)
{
    return "\"" + std::to_string(version) + "\"";
}

bool ifMatchNames(const std::string &ifMatch, std::int64_t version)
{
    return ifMatchIs(ifMatch, etagOf(version));
}

std::string contentEtag(const std::string &content)
{
    return "\"" + sha256Hex(content).substr(0, 20) + "\"";
}

bool ifMatchIs(const std::string &ifMatch, const std::string &etag)
{
    return ifMatch == etag || ifMatch == "W/" + etag;
}

} // namespace onewindow::server
