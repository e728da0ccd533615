#pragma once

#include "http/message.h"

#include <optional>
#include <string>

namespace onewindow::server {

class Transaction;

/// The answers of requests that carried an `Idempotency-Key`, kept per user: a retry with the
/// same key and the same request gets the first answer again (marked `Idempotent-Replayed`), the
/// same key with another request is refused (422 `idempotency_key_reused`). Every creating POST
/// and every decision goes through it.
class IdempotencyStore
{
public:
    /// Checks the key's form (428 when missing, 422 when longer than 200 characters) and keeps
    /// what identifies the request (`requestText`, hashed).
    IdempotencyStore(std::string username, std::string key, const std::string &requestText);
    /// The key's form alone, for requests that check it before they know the whole request.
    static void checkKey(const std::string &key);

    /// The first answer, when this key was answered before; throws 422 when it was answered for
    /// another request.
    std::optional<Response> replay(Transaction &tx) const;
    /// Keeps `response` as this key's answer, in the caller's transaction (so it exists exactly
    /// when the change does). A twin request that committed first makes this throw
    /// UniqueViolation: answer with replay() in a new transaction then.
    void record(Transaction &tx, const Response &response, const std::string &at) const;

private:
    std::string m_username;
    std::string m_key;
    std::string m_requestHash;
};

} // namespace onewindow::server
