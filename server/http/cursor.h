#pragma once

#include "db/database.h"

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <functional>
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

/// Ends the query of a list newest first by the numeric `idColumn`: after the cursor's item,
/// in that order, one row more than the page (which tells whether another page follows).
void appendIdPage(std::string &sql, std::vector<DbValue> &params, const std::string &idColumn,
                  const std::string &cursor, int limit);
/// The answer to such a query: `items` (at most `limit`, each made by `item`) and `nextCursor`
/// (the last item's `id`, or null on the last page).
Poco::JSON::Object::Ptr idPageAnswer(const DbRows &rows, int limit,
                                     const std::function<Poco::JSON::Object::Ptr(const DbRow &)> &item);

/// Ends the query of a list in the order of the unique text `keyColumn` (a code, a username):
/// after the cursor's item, one row more than the page.
void appendKeyPage(std::string &sql, std::vector<DbValue> &params, const std::string &keyColumn,
                   const std::string &cursor, int limit);
/// The answer to such a query, as idPageAnswer's; `nextCursor` is the last item's `keyColumn`.
Poco::JSON::Object::Ptr keyPageAnswer(const DbRows &rows, int limit, const std::string &keyColumn,
                                      const std::function<Poco::JSON::Object::Ptr(const DbRow &)> &item);

} // namespace onewindow::server
