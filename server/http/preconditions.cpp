#include "http/preconditions.h"

namespace onewindow::server {

std::string etagOf(std::int64_t version)
{
    return "\"" + std::to_string(version) + "\"";
}

bool ifMatchNames(const std::string &ifMatch, std::int64_t version)
{
    const std::string etag = etagOf(version);
    return ifMatch == etag || ifMatch == "W/" + etag;
}

} // namespace onewindow::server
