#include "http/cursor.h"

#include "http/problem.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>

#include <sstream>

namespace onewindow::server {

namespace {
constexpr char kSeparator = '|';

[[noreturn]] void refuse()
{
    FieldErrors errors;
    errors.add("cursor", "The cursor is not one this server gave out.", "invalid");
    errors.throwIfAny();
    throw std::logic_error("unreachable");
}
} // namespace

std::string encodeCursor(const std::vector<std::string> &key)
{
    std::string joined;
    for (std::size_t i = 0; i < key.size(); ++i)
        joined += (i ? std::string(1, kSeparator) : std::string()) + key[i];
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    encoder << joined;
    encoder.close();
    return out.str();
}

std::vector<std::string> decodeCursor(const std::string &cursor, std::size_t parts)
{
    // Read in blocks: the decoder's error on a character that is not base64url sets badbit, and
    // no exception goes through the string being built.
    std::string text;
    {
        std::istringstream in(cursor);
        Poco::Base64Decoder decoder(in, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
        char block[256];
        do {
            decoder.read(block, sizeof block);
            text.append(block, static_cast<std::size_t>(decoder.gcount()));
        } while (decoder);
        if (decoder.bad())
            refuse();
    }
    std::vector<std::string> key;
    std::string current;
    for (char c : text) {
        if (c == kSeparator) {
            key.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    key.push_back(current);
    if (key.size() != parts || key.front().empty())
        refuse();
    return key;
}

std::int64_t decodeIdCursor(const std::string &cursor)
{
    const std::string id = decodeCursor(cursor, 1).front();
    if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos)
        refuse();
    return std::stoll(id);
}

void appendIdPage(std::string &sql, std::vector<DbValue> &params, const std::string &idColumn,
                  const std::string &cursor, int limit)
{
    if (!cursor.empty()) {
        sql += " AND " + idColumn + " < ?";
        params.emplace_back(decodeIdCursor(cursor));
    }
    sql += " ORDER BY " + idColumn + " DESC LIMIT ?";
    params.emplace_back(std::int64_t{limit + 1});
}

namespace {

/// `items` and `nextCursor` (`keyOf` the last item given out, or null on the last page).
Poco::JSON::Object::Ptr pageAnswer(const DbRows &rows, int limit,
                                   const std::function<Poco::JSON::Object::Ptr(const DbRow &)> &item,
                                   const std::function<std::string(const DbRow &)> &keyOf)
{
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (std::size_t i = 0; i < rows.size() && static_cast<int>(i) < limit; ++i)
        items->add(item(rows[i]));
    Poco::JSON::Object::Ptr result = new Poco::JSON::Object;
    result->set("items", items);
    if (static_cast<int>(rows.size()) > limit)
        result->set("nextCursor", encodeCursor({keyOf(rows[static_cast<std::size_t>(limit) - 1])}));
    else
        result->set("nextCursor", Poco::Dynamic::Var());
    return result;
}

} // namespace

Poco::JSON::Object::Ptr idPageAnswer(const DbRows &rows, int limit,
                                     const std::function<Poco::JSON::Object::Ptr(const DbRow &)> &item)
{
    return pageAnswer(rows, limit, item, [](const DbRow &row) { return std::to_string(row.integer("id")); });
}

void appendKeyPage(std::string &sql, std::vector<DbValue> &params, const std::string &keyColumn,
                   const std::string &cursor, int limit)
{
    if (!cursor.empty()) {
        sql += " AND " + keyColumn + " > ?";
        params.emplace_back(decodeCursor(cursor, 1).front());
    }
    sql += " ORDER BY " + keyColumn + " LIMIT ?";
    params.emplace_back(std::int64_t{limit + 1});
}

Poco::JSON::Object::Ptr keyPageAnswer(const DbRows &rows, int limit, const std::string &keyColumn,
                                      const std::function<Poco::JSON::Object::Ptr(const DbRow &)> &item)
{
    return pageAnswer(rows, limit, item, [&keyColumn](const DbRow &row) { return row.text(keyColumn); });
}

} // namespace onewindow::server
