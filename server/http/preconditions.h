#pragma once

#include <cstdint>
#include <string>

namespace onewindow::server {

/// The ETag of a versioned resource (a case, a matter): its version, quoted.
std::string etagOf(std::int64_t version);

/// Whether an If-Match names `version`, as a strong or a weak ETag.
bool ifMatchNames(const std::string &ifMatch, std::int64_t version);

/// The ETag of a resource without a version number (a bundle, a draft being edited): a digest
/// of `content`, so that it changes whenever the content does.
std::string contentEtag(const std::string &content);

/// Whether an If-Match names `etag`, strong or weak.
bool ifMatchIs(const std::string &ifMatch, const std::string &etag);

} // namespace onewindow::server
