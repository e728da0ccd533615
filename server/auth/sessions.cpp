#include "auth/sessions.h"

#include "audit/audittrail.h"
#include "auth/passwords.h"
#include "clock.h"
#include "db/database.h"
#include "http/problem.h"

#include <spdlog/spdlog.h>

namespace onewindow::server {

namespace {

const char *const kUserColumns = "u.username, u.display_name, u.role, u.center, u.department, u.disabled, "
                                 "u.must_change_password";

Principal principalFrom(const DbRow &row)
{
    Principal p;
    p.username = row.text("username");
    p.displayName = row.text("display_name");
    p.role = row.text("role");
    p.center = row.text("center");
    p.department = row.text("department");
    p.mustChangePassword = row.boolean("must_change_password");
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

std::optional<DbRow> SessionService::checkCredentials(const std::string &username, const std::string &password,
                                                      const std::string &remote, const std::string &attempt)
{
    std::optional<DbRow> user;
    std::int64_t failures = 0;
    {
        Transaction tx(m_db, Transaction::Mode::Read);
        user = tx.queryOne(std::string("SELECT ") + kUserColumns
                               + ", u.password_hash, u.password_changed_at FROM users u WHERE u.username = ?",
                           {username});
        failures = tx.queryOne("SELECT COUNT(*) AS n FROM login_failures WHERE username = ? AND at > ?",
                               {username, m_clock.secondsAgo(m_settings.lockoutWindowSeconds)})
                       ->integer("n");
    }
    if (failures >= m_settings.lockoutFailures) {
        spdlog::warn("{} refused for locked account '{}' from {}", attempt, username, remote);
        throw ApiError(429, "account_locked", "Account locked",
                       "Too many failed sign-ins. The account is locked for "
                           + std::to_string(m_settings.lockoutWindowSeconds / 60) + " minutes.");
    }
    // Slow on purpose, and outside any transaction so that other requests go on meanwhile.
    const bool ok = PasswordHasher::verify(password, user ? user->text("password_hash") : dummyHash())
                    && user && !user->boolean("disabled");
    if (ok)
        return user;

    Transaction tx(m_db, Transaction::Mode::Write);
    tx.execute("INSERT INTO login_failures (username, at) VALUES (?, ?)", {username, m_clock.now()});
    // An unknown name is not written into the trail: it may be a password typed in the wrong field.
    const std::string why = !user ? "unknown username" : user->boolean("disabled") ? "account disabled" : "wrong password";
    m_audit.append(tx, {}, user ? username : "-", "sign_in_failed", attempt + ": " + why + ", from " + remote);
    if (user && failures + 1 == m_settings.lockoutFailures)
        m_audit.append(tx, {}, username, "account_locked",
                       std::to_string(failures + 1) + " failed attempts: locked for "
                           + std::to_string(m_settings.lockoutWindowSeconds / 60) + " minutes");
    tx.commit();
    spdlog::warn("failed {} for '{}' from {}", attempt, username, remote);
    return std::nullopt;
}

bool SessionService::expired(const std::string &changedAt) const
{
    if (m_settings.passwordMaxAgeDays <= 0)
        return false;
    const auto day = parseIsoDate(std::string_view(changedAt).substr(0, 10));
    return !day || daysBetween(*day, m_clock.today()) >= m_settings.passwordMaxAgeDays;
}

SessionService::SignIn SessionService::signIn(const std::string &username, const std::string &password,
                                              const std::string &remote)
{
    const std::optional<DbRow> user = checkCredentials(username, password, remote, "sign-in");
    if (!user)
        throw ApiError::unauthorized("Wrong username or password.");

    Transaction tx(m_db, Transaction::Mode::Write);
    tx.execute("DELETE FROM login_failures WHERE username = ?", {username});
    SignIn result;
    result.token = randomToken();
    result.user = principalFrom(*user);
    const std::string now = m_clock.now();
    std::string detail = "from " + remote;
    if (user->isNull("password_changed_at")) {
        // A password from before passwords had an age (or written in by hand) ages from now on.
        tx.execute("UPDATE users SET password_changed_at = ? WHERE username = ?", {now, username});
    } else if (!result.user.mustChangePassword && expired(user->text("password_changed_at"))) {
        tx.execute("UPDATE users SET must_change_password = 1 WHERE username = ?", {username});
        result.user.mustChangePassword = true;
        detail += "; the password is " + std::to_string(m_settings.passwordMaxAgeDays)
                  + " days old or older: to be changed now";
    }
    tx.execute("INSERT INTO sessions (token_hash, username, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
               {sha256Hex(result.token), username, now, now});
    m_audit.append(tx, {}, username, "signed_in", detail);
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
        row = tx.queryOne(std::string("SELECT s.last_seen_at, s.revoked, ") + kUserColumns
                              + " FROM sessions s JOIN users u ON u.username = s.username WHERE s.token_hash = ?",
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

std::optional<std::string> SessionService::checkOwnPassword(const Principal &user, const std::string &password,
                                                            const std::string &remote)
{
    const auto row = checkCredentials(user.username, password, remote, "password change");
    return row ? std::optional(row->text("password_hash")) : std::nullopt;
}

std::size_t SessionService::endSessions(Transaction &tx, const std::string &username,
                                        const std::string &keepTokenHash)
{
    return tx.execute("UPDATE sessions SET revoked = 1 WHERE username = ? AND revoked = 0 AND token_hash <> ?",
                      {username, keepTokenHash});
}

void SessionService::forget(const std::string &username)
{
    std::lock_guard lock(m_cacheMutex);
    std::erase_if(m_cache, [&](const auto &entry) { return entry.second.principal.username == username; });
}

} // namespace onewindow::server
