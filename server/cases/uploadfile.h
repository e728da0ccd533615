#pragma once

#include <optional>
#include <string>

namespace onewindow::server {

// What the upload of an attachment reads from the request besides its bytes, and what the
// download answers with: kept apart from AttachmentService (no database) so that they can be
// tested and fuzzed on their own.

/// "application/pdf", "image/jpeg" or "image/png" by the leading bytes; nullopt otherwise.
std::optional<std::string> mediaTypeOfContent(const std::string &content);

/// ".pdf", ".jpg" or ".png" for one of the media types above.
const char *extensionOf(const std::string &mediaType);

/// The last path component of a file name as given, without control characters, `"`, DEL and
/// bytes that are not well-formed UTF-8, at most 200 bytes (whole UTF-8 sequences); empty when
/// nothing usable is left.
std::string cleanFilename(const std::string &given);

/// The `filename` of a Content-Disposition header (quoted or not); empty when it has none.
std::string filenameOfContentDisposition(const std::string &header);

/// The Content-Disposition of a download (RFC 6266): an ASCII name for old clients, the real
/// (UTF-8) one percent-encoded.
std::string contentDispositionOf(const std::string &filename, const std::string &mediaType);

} // namespace onewindow::server
