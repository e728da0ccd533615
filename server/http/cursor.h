#pragma once

#include <string>
#include <vector>

namespace onewindow::server {

/// Keyset paging: the sort key of the last item given out, as an opaque base64url cursor.
std::string encodeCursor(const std::vector<std::string> &key);
/// The key back; a cursor this server did not give out is a 422 on the `cursor` parameter.
std::vector<std::string> decodeCursor(const std::string &cursor, std::size_t parts);

} // namespace onewindow::server
