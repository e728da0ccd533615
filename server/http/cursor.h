#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace onewindow::server {

/// Keyset paging: the sort key of the last item given out, as an opaque base64url cursor.
std::string encodeCursor(const std::vector<std::string> &key);
/// The key back; a cursor this server did not give out is a 422 on the `cursor` parameter.
std::vector<std::string> decodeCursor(const std::string &cursor, std::size_t parts);
/// A list newest first by a numeric id: the id of the last item given out, back from its cursor
/// (422 on the `cursor` parameter when it is not one).
std::int64_t decodeIdCursor(const std::string &cursor);

} // namespace onewindow::server
