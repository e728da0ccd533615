#include "auth/sessions.h"

#include "audit/audittrail.h"
#include "auth/passwords.h"
#include "clock.h"
#include "db/database.h"
#include "http/problem.h"

#include <spdlog/spdlog.h>

namespace onewindow::server {

namespace {

Principal principalFrom(const DbRow &row)
{
    Principal p;
    p.username = row.text("username");
    p.displayName = row.text("display_name");
    p.role = row.text("role");
    p.center = row.text("center");
    p.department = row.text("department");
    return p;
}

// A hash to compare against when the user does not exist, so that timing does not tell.
const std::string &dummyHash()
{
    static const std::string hash = PasswordHasher::hash("not a password", PasswordHasher::kDefaultIterations);
    return hash;
}

} // namespace

SessionService::SessionService(Database &db, const Clock &clock, AuditTrail &audit, SessionSettings settings)
    : m_db(db), m_clock(clock), m_audit(audit), m_settings(settings)
{
}

SessionService::SignIn SessionService::signIn(const std::string &username, const std::string &password,
                                              const std::string &remote)
{
    std::optional<DbRow> user;
    std::int64_t failures = 0;
    {
        Transaction tx(m_db, Transaction::Mode::Read);
        user = tx.queryOne("SELECT username, display_name, role, center, department, password_hash, disabled "
                           "FROM users WHERE username = ?",
                           {username});
        failures = tx.queryOne("SELECT COUNT(*) AS n FROM login_failures WHERE username = ? AND at > ?",
                               {username, m_clock.secondsAgo(m_settings.lockoutWindowSeconds)})
                       ->integer("n");
    }
    if (failures >= m_settings.lockoutFailures) {
        spdlog::warn("sign-in refused for locked account '{}' from {}", username, remote);
        throw ApiError(429, "account_locked", "Account locked",
                       "Too many failed sign-ins. The account is locked for "
                           + std::to_string(m_settings.lockoutWindowSeconds / 60) + " minutes.");
    }
    // Slow on purpose, and outside any transaction so that other requests go on meanwhile.
    const bool ok = PasswordHasher::verify(password, user ? user->text("password_hash") : dummyHash())
                    && user && !user->boolean("disabled");

    Transaction tx(m_db, Transaction::Mode::Write);
    if (!ok) {
        tx.execute("INSERT INTO login_failures (username, at) VALUES (?, ?)", {username, m_clock.now()});
        tx.commit();
        spdlog::warn("failed sign-in for '{}' from {}", username, remote);
        throw ApiError::unauthorized("Wrong username or password.");
    }
    tx.execute("DELETE FROM login_failures WHERE username = ?", {username});
    SignIn result;
    result.token = randomToken();
    result.user = principalFrom(*user);
    const std::string now = m_clock.now();
    tx.execute("INSERT INTO sessions (token_hash, username, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
               {sha256Hex(result.token), username, now, now});
    m_audit.append(tx, {}, username, "signed_in", "from " + remote);
    tx.commit();
    result.expiresAt = m_clock.secondsAgo(-m_settings.idleSeconds);
    result.user.tokenHash = sha256Hex(result.token);
    return result;
}

Principal SessionService::authenticate(const std::string &authorizationHeader)
{
    const std::string prefix = "Bearer ";
    if (authorizationHeader.size() <= prefix.size()
        || authorizationHeader.compare(0, prefix.size(), prefix) != 0)
        throw ApiError::unauthorized("Sign in first: this request has no bearer token.");
    const std::string tokenHash = sha256Hex(authorizationHeader.substr(prefix.size()));
    const auto nowSteady = std::chrono::steady_clock::now();
    {
        std::lock_guard lock(m_cacheMutex);
        const auto it = m_cache.find(tokenHash);
        if (it != m_cache.end() && nowSteady - it->second.checkedAt < std::chrono::seconds(2)
            && it->second.lastSeen >= m_clock.secondsAgo(m_settings.idleSeconds))
            return it->second.principal;
        if (m_cache.size() > 10000)
            m_cache.clear();
    }
    std::optional<DbRow> row;
    {
        Transaction tx(m_db, Transaction::Mode::Lookups);
        row = tx.queryOne("SELECT s.last_seen_at, s.revoked, u.username, u.display_name, u.role, u.center, "
                          "u.department, u.disabled FROM sessions s JOIN users u ON u.username = s.username "
                          "WHERE s.token_hash = ?",
                          {tokenHash});
    }
    if (!row || row->boolean("revoked") || row->boolean("disabled"))
        throw ApiError::unauthorized("The session is not valid; sign in again.");
    if (row->text("last_seen_at") < m_clock.secondsAgo(m_settings.idleSeconds))
        throw ApiError::unauthorized("The session expired after inactivity; sign in again.");
    // Record activity at most once a minute: one write per request would serialize SQLite.
    if (row->text("last_seen_at") < m_clock.secondsAgo(60)) {
        Transaction tx(m_db, Transaction::Mode::Write);
        tx.execute("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", {m_clock.now(), tokenHash});
        tx.commit();
    }
    Principal p = principalFrom(*row);
    p.tokenHash = tokenHash;
    std::lock_guard lock(m_cacheMutex);
    m_cache[tokenHash] = {p, row->text("last_seen_at"), nowSteady};
    return p;
}

void SessionService::signOut(const Principal &user)
{
    {
        std::lock_guard lock(m_cacheMutex);
        m_cache.erase(user.tokenHash);
    }
    Transaction tx(m_db, Transaction::Mode::Write);
    tx.execute("UPDATE sessions SET revoked = 1 WHERE token_hash = ?", {user.tokenHash});
    m_audit.append(tx, {}, user.username, "signed_out", "");
    tx.commit();
}

} // namespace onewindow::server
