#include "auth/sessions.h"

#include "audit/audittrail.h"
#include "auth/passwords.h"
#include "clock.h"
#include "db/database.h"
#include "http/problem.h"
#include "logging/logging.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <vector>

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

// How a sign-in is named in a log line: an unknown name is left out, as it may be a password
// typed into the wrong field.
std::string logName(const std::string &username, bool known)
{
    return known ? "'" + logging::escaped(username) + "'" : "an unknown username";
}

std::string waitText(long seconds)
{
    if (seconds < 120)
        return std::to_string(seconds) + (seconds == 1 ? " second" : " seconds");
    if (seconds < 7200)
        return std::to_string((seconds + 59) / 60) + " minutes";
    return std::to_string((seconds + 3599) / 3600) + " hours";
}

// What the throttle counts: failures to one account from anywhere (its ceiling), to one account
// from one address, and from one address to any account. Sorted by key, the order in which
// their rows are locked.
struct Scope
{
    std::string key;
    bool account;  ///< the row names the account (cleared when its password is reset)
    bool ceiling;  ///< a hard limit, not a delay
    int freeAttempts;
};

std::vector<Scope> scopesOf(const std::string &username, const std::string &remote, const SessionSettings &settings)
{
    return {{"account " + username, true, true, settings.accountCeiling},
            {"pair " + remote + " " + username, true, false, settings.freeAttempts},
            {"source " + remote, false, false, settings.sourceFreeAttempts}};
}

} // namespace

struct SessionService::Attempt
{
    std::vector<Scope> scopes;
    std::int64_t pairFailures = 0;    ///< failures to this account from this address, this one counted
    std::int64_t accountFailures = 0; ///< failures to this account, this one counted
};

SessionService::SessionService(Database &db, const Clock &clock, AuditTrail &audit, SessionSettings settings)
    : m_db(db), m_clock(clock), m_audit(audit), m_settings(settings),
      m_hashing(std::max(0, settings.concurrentHashing))
{
}

SessionService::Attempt SessionService::reserveAttempt(const std::string &username, bool knownUser,
                                                       const std::string &remote, const std::string &attempt)
{
    Attempt result;
    result.scopes = scopesOf(username, remote, m_settings);
    Transaction tx(m_db, Transaction::Mode::Write);
    for (const Scope &scope : result.scopes) {
        tx.execute("INSERT INTO sign_in_throttle (scope, username, failures, refused, last_at, next_at) VALUES (?, ?, "
                   "0, 0, ?, 0) ON CONFLICT (scope) DO NOTHING",
                   {scope.key, scope.account ? DbValue(username) : DbValue(), m_clock.epochSeconds()});
    }
    // SQLite: the transaction holds the database's write lock. PostgreSQL: the rows' locks, held
    // until the counts below are written, make a parallel attempt wait and then see them.
    const std::string lock = tx.dialect() == Database::Dialect::PostgreSQL ? " ORDER BY scope FOR UPDATE" : "";
    const DbRows rows = tx.query("SELECT scope, failures, refused, last_at, next_at FROM sign_in_throttle WHERE "
                                 "scope IN (?, ?, ?)" + lock,
                                 {result.scopes[0].key, result.scopes[1].key, result.scopes[2].key});
    // The time is read once the rows are ours: an attempt that waited for the lock must not count
    // from before the attempt that held it (its wait would come out a second too long).
    const std::int64_t now = m_clock.epochSeconds();
    struct Counted
    {
        const Scope *scope;
        std::int64_t failures, refused, lastAt, nextAt;
    };
    std::vector<Counted> counted;
    for (const DbRow &row : rows) {
        const auto scope = std::find_if(result.scopes.begin(), result.scopes.end(),
                                        [&](const Scope &s) { return s.key == row.text("scope"); });
        if (scope == result.scopes.end())
            continue;
        // Failures older than the window are forgotten (the background jobs delete their rows).
        if (row.integer("last_at") < now - m_settings.windowSeconds)
            counted.push_back({&*scope, 0, 0, row.integer("last_at"), 0});
        else
            counted.push_back({&*scope, row.integer("failures"), row.integer("refused"), row.integer("last_at"),
                               row.integer("next_at")});
    }

    // The longest wait any limit asks for.
    long wait = 0;
    const Counted *refusing = nullptr;
    for (const Counted &c : counted) {
        long until = 0;
        if (c.scope->ceiling && c.failures >= c.scope->freeAttempts)
            until = static_cast<long>(c.lastAt + m_settings.windowSeconds - now);
        else if (!c.scope->ceiling && c.failures >= c.scope->freeAttempts && c.nextAt > now)
            until = static_cast<long>(c.nextAt - now);
        if (until > wait) {
            wait = until;
            refusing = &c;
        }
    }
    if (refusing) {
        tx.execute("UPDATE sign_in_throttle SET refused = refused + 1 WHERE scope = ?", {refusing->scope->key});
        const bool locked = refusing->scope->ceiling;
        // Once per wait: the first attempt refused since the last one checked.
        if (knownUser && refusing->refused == 0 && !locked)
            m_audit.append(tx, {}, username, "sign_in_throttled",
                           attempt + " from " + remote + " refused: "
                               + (refusing->scope->account ? std::to_string(refusing->failures)
                                                                 + " failed attempts to this account from there"
                                                           : std::to_string(refusing->failures)
                                                                 + " failed attempts to any account from there")
                               + "; the next one in " + waitText(wait));
        tx.commit();
        spdlog::warn("{} for {} from {} refused: {}", attempt, logName(username, knownUser), logging::escaped(remote),
                     locked ? "the account is locked" : "too many failed attempts, wait " + waitText(wait));
        if (locked)
            throw ApiError(429, "account_locked", "Account locked",
                           "Too many failed sign-ins to this account. It is locked for " + waitText(wait)
                               + ", or until a security administrator resets its password.")
                .withRetryAfter(wait);
        throw ApiError(429, "too_many_attempts", "Too many attempts",
                       "Too many failed sign-ins from this computer. Wait " + waitText(wait) + " before trying again.")
            .withRetryAfter(wait);
    }

    for (const Counted &c : counted) {
        const std::int64_t failures = c.failures + 1;
        std::int64_t next = 0;
        if (!c.scope->ceiling && failures >= c.scope->freeAttempts) {
            const auto doublings = std::min<std::int64_t>(failures - c.scope->freeAttempts, 30);
            next = now + std::min<std::int64_t>(m_settings.maxDelaySeconds,
                                                std::int64_t{m_settings.firstDelaySeconds} << doublings);
        }
        tx.execute("UPDATE sign_in_throttle SET failures = ?, refused = 0, last_at = ?, next_at = ? WHERE scope = ?",
                   {failures, now, next, c.scope->key});
        if (c.scope->ceiling)
            result.accountFailures = failures;
        else if (c.scope->account)
            result.pairFailures = failures;
    }
    tx.commit();
    return result;
}

void SessionService::clearFailures(Transaction &tx, const std::string &username)
{
    tx.execute("DELETE FROM sign_in_throttle WHERE username = ?", {username});
}

std::size_t SessionService::purge()
{
    Transaction tx(m_db, Transaction::Mode::Write);
    const std::size_t sessions =
        tx.execute("DELETE FROM sessions WHERE revoked = 1 OR last_seen_at < ? OR created_at < ?",
                   {m_clock.secondsAgo(m_settings.idleSeconds), m_clock.secondsAgo(m_settings.maxLifetimeSeconds)});
    tx.execute("DELETE FROM sign_in_throttle WHERE last_at < ?", {m_clock.epochSeconds() - m_settings.windowSeconds});
    tx.commit();
    return sessions;
}

std::optional<DbRow> SessionService::checkCredentials(const std::string &username, const std::string &password,
                                                      const std::string &remote, const std::string &attempt)
{
    std::optional<DbRow> user;
    {
        Transaction tx(m_db, Transaction::Mode::Read);
        user = tx.queryOne(std::string("SELECT ") + kUserColumns
                               + ", u.password_hash, u.password_changed_at FROM users u WHERE u.username = ?",
                           {username});
    }
    const Attempt reserved = reserveAttempt(username, user.has_value(), remote, attempt);

    // Slow on purpose, and outside any transaction so that other requests go on meanwhile; an
    // unknown name waits for its turn and costs as much as a known one.
    if (!m_hashing.try_acquire_for(std::chrono::milliseconds(m_settings.hashingWaitMillis))) {
        Transaction tx(m_db, Transaction::Mode::Write);
        for (const Scope &scope : reserved.scopes)
            tx.execute("UPDATE sign_in_throttle SET failures = failures - 1 WHERE scope = ? AND failures > 0",
                       {scope.key});
        tx.commit();
        spdlog::warn("{} for {} from {} not checked: {} passwords are being checked already", attempt,
                     logName(username, user.has_value()), logging::escaped(remote), m_settings.concurrentHashing);
        throw ApiError(503, "sign_in_busy", "Server busy",
                       "The server is checking too many sign-ins right now. Try again in a few seconds.")
            .withRetryAfter(2);
    }
    bool ok = false;
    {
        struct Turn
        {
            std::counting_semaphore<> &hashing;
            ~Turn() { hashing.release(); }
        } turn{m_hashing};
        ok = PasswordHasher::verify(password, user ? user->text("password_hash") : dummyHash()) && user
             && !user->boolean("disabled");
    }

    Transaction tx(m_db, Transaction::Mode::Write);
    if (ok) {
        // What this address counted against the account goes: it was the user. The rows in the
        // order reserveAttempt() locks them.
        for (const Scope &scope : reserved.scopes) {
            if (scope.account && !scope.ceiling)
                tx.execute("DELETE FROM sign_in_throttle WHERE scope = ?", {scope.key});
            else
                tx.execute("UPDATE sign_in_throttle SET failures = CASE WHEN failures > ? THEN failures - ? ELSE 0 "
                           "END WHERE scope = ?",
                           {reserved.pairFailures, reserved.pairFailures, scope.key});
        }
        tx.commit();
        return user;
    }
    // An unknown name is not written into the trail: it may be a password typed in the wrong field.
    const std::string why = !user ? "unknown username" : user->boolean("disabled") ? "account disabled" : "wrong password";
    m_audit.append(tx, {}, user ? username : "-", "sign_in_failed", attempt + ": " + why + ", from " + remote);
    if (user && reserved.accountFailures == m_settings.accountCeiling)
        m_audit.append(tx, {}, username, "account_locked",
                       std::to_string(reserved.accountFailures) + " failed sign-ins within "
                           + waitText(m_settings.windowSeconds) + ", from any address: locked for "
                           + waitText(m_settings.windowSeconds));
    tx.commit();
    spdlog::warn("failed {} for {} from {}", attempt, logName(username, user.has_value()), logging::escaped(remote));
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
            && it->second.lastSeen >= m_clock.secondsAgo(m_settings.idleSeconds)
            && it->second.createdAt >= m_clock.secondsAgo(m_settings.maxLifetimeSeconds))
            return it->second.principal;
        if (m_cache.size() > 10000)
            m_cache.clear();
    }
    std::optional<DbRow> row;
    {
        Transaction tx(m_db, Transaction::Mode::Lookups);
        row = tx.queryOne(std::string("SELECT s.created_at, s.last_seen_at, s.revoked, ") + kUserColumns
                              + " FROM sessions s JOIN users u ON u.username = s.username WHERE s.token_hash = ?",
                          {tokenHash});
    }
    if (!row || row->boolean("revoked") || row->boolean("disabled"))
        throw ApiError::unauthorized("The session is not valid; sign in again.");
    if (row->text("last_seen_at") < m_clock.secondsAgo(m_settings.idleSeconds))
        throw ApiError::unauthorized("The session expired after inactivity; sign in again.");
    if (row->text("created_at") < m_clock.secondsAgo(m_settings.maxLifetimeSeconds))
        throw ApiError::unauthorized("The session has lasted " + waitText(m_settings.maxLifetimeSeconds)
                                     + ", the longest allowed; sign in again.");
    // Record activity at most once a minute: one write per request would serialize SQLite.
    if (row->text("last_seen_at") < m_clock.secondsAgo(60)) {
        Transaction tx(m_db, Transaction::Mode::Write);
        tx.execute("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", {m_clock.now(), tokenHash});
        tx.commit();
    }
    Principal p = principalFrom(*row);
    p.tokenHash = tokenHash;
    std::lock_guard lock(m_cacheMutex);
    m_cache[tokenHash] = {p, row->text("last_seen_at"), row->text("created_at"), nowSteady};
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
