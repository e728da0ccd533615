#include "http/idempotency.h"

#include "auth/passwords.h"
#include "db/database.h"
#include "http/problem.h"

namespace onewindow::server {

IdempotencyStore::IdempotencyStore(std::string username, std::string key, const std::string &requestText)
    : m_username(std::move(username)), m_key(std::move(key)), m_requestHash(sha256Hex(requestText))
{
    checkKey(m_key);
}

void IdempotencyStore::checkKey(const std::string &key)
{
    if (key.empty())
        throw ApiError::preconditionRequired("Idempotency-Key");
    if (key.size() > 200) {
        FieldErrors errors;
        errors.add("Idempotency-Key", "At most 200 characters.", "invalid");
        errors.throwIfAny();
    }
}

std::optional<Response> IdempotencyStore::replay(Transaction &tx) const
{
    const auto stored = tx.queryOne("SELECT request_hash, status_code, body, location, etag FROM idempotency_keys "
                                    "WHERE username = ? AND idem_key = ?",
                                    {m_username, m_key});
    if (!stored)
        return std::nullopt;
    if (stored->text("request_hash") != m_requestHash)
        throw ApiError(422, "idempotency_key_reused", "Idempotency key reused",
                       "This Idempotency-Key was used for a different request.");
    Response r;
    r.status = static_cast<int>(stored->integer("status_code"));
    r.body = stored->text("body");
    if (auto location = stored->optText("location"))
        r.headers["Location"] = *location;
    if (auto etag = stored->optText("etag"))
        r.headers["ETag"] = *etag;
    r.headers["Idempotent-Replayed"] = "true";
    return r;
}

void IdempotencyStore::record(Transaction &tx, const Response &response, const std::string &at) const
{
    const auto header = [&response](const char *name) -> DbValue {
        const auto it = response.headers.find(name);
        return it == response.headers.end() ? DbValue{} : DbValue{it->second};
    };
    tx.execute("INSERT INTO idempotency_keys (username, idem_key, request_hash, status_code, body, location, etag, "
               "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               {m_username, m_key, m_requestHash, std::int64_t{response.status}, response.body, header("Location"),
                header("ETag"), at});
}

} // namespace onewindow::server
