// Paging cursors (server/http/cursor): any text given as `cursor` decodes to a key or is a 422,
// never anything else; a decoded key encodes to a cursor that decodes to the same key; a key
// of the server's own (an id, a code) comes back from its cursor unchanged.
//
// Input: the first byte is the number of key parts (1 to 4) the list expects; the rest is the
// cursor as a client sends it, and also, split at '|', a key to encode.

#include "fuzz.h"

#include "http/cursor.h"
#include "http/problem.h"

#include <string>
#include <vector>

using namespace onewindow::server;
using onewindow::fuzz::require;

namespace {

bool refused(const ApiError &e)
{
    return e.status() == 422;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const std::size_t parts = std::size_t{1} + data[0] % 4;
    const std::string text = onewindow::fuzz::bytes(data + 1, size - 1);

    try {
        const std::vector<std::string> key = decodeCursor(text, parts);
        require(key.size() == parts && !key.front().empty(), "a decoded key has its parts, the first not empty");
        require(decodeCursor(encodeCursor(key), parts) == key, "decode(encode(key)) == key");
    } catch (const ApiError &e) {
        require(refused(e), "a cursor not given out is a 422");
    }

    try {
        const std::int64_t id = decodeIdCursor(text);
        require(id >= 0, "an id cursor holds a non-negative id");
        require(decodeIdCursor(encodeCursor({std::to_string(id)})) == id, "decode(encode(id)) == id");
    } catch (const ApiError &e) {
        require(refused(e), "a cursor not given out is a 422");
    }

    // The input as a key of the server's own: parts without the separator.
    std::vector<std::string> key(1);
    for (char c : text) {
        if (c == '|')
            key.emplace_back();
        else
            key.back() += c;
    }
    if (!key.front().empty()) {
        const std::string cursor = encodeCursor(key);
        require(cursor.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
                    == std::string::npos,
                "a cursor is base64url without padding: safe in a query string as it is");
        require(decodeCursor(cursor, key.size()) == key, "the server's own key comes back from its cursor");
    }
    return 0;
}
