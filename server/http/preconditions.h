#pragma once

#include <cstdint>
#include <string>

namespace onewindow::server {

/// The ETag of a versioned resource (a case, a matter): its version, quoted.
std::string etagOf(std::int64_t version);

/// Whether an If-Match names `version`, as a strong or a weak ETag.
bool ifMatchNames(const std::string &ifMatch, std::int64_t version);

} // namespace onewindow::server
