#pragma once

#include "http/message.h"

#include <chrono>
#include <mutex>
#include <optional>
#include <semaphore>
#include <string>
#include <unordered_map>

namespace onewindow::server {

class Clock;
class Database;
class AuditTrail;
class DbRow;
class Transaction;

struct SessionSettings
{
    long idleSeconds = 30 * 60;        ///< a token unused this long is dead
    long maxLifetimeSeconds = 12 * 3600; ///< a token this old is dead, however much it is used
    /// Failed sign-ins to one account from one address before each further attempt waits.
    int freeAttempts = 3;
    long firstDelaySeconds = 2;        ///< the first wait; each further failure doubles it
    long maxDelaySeconds = 15 * 60;    ///< the longest wait
    /// Failed sign-ins from one address, to any accounts, before each further attempt waits.
    int sourceFreeAttempts = 20;
    /// Failed sign-ins to one account, from anywhere, that lock it until `windowSeconds` after
    /// the last of them (or a password reset).
    int accountCeiling = 100;
    long windowSeconds = 60 * 60;      ///< failures older than this are forgotten
    int concurrentHashing = 4;         ///< passwords checked at once, at most
    long hashingWaitMillis = 2000;     ///< how long a sign-in waits for its turn, then 503
    /// A password set this many days ago or more must be changed at the next sign-in; 0: never.
    int passwordMaxAgeDays = 90;
};

class SessionService
{
public:
    SessionService(Database &db, const Clock &clock, AuditTrail &audit, SessionSettings settings);

    struct SignIn
    {
        std::string token;
        std::string expiresAt;
        Principal user;
    };
    /// Throws ApiError: 401 wrong credentials, 429 throttled or locked (with Retry-After), 503
    /// when too many passwords are being checked. A password older than `passwordMaxAgeDays`
    /// marks the user as one who must change it.
    SignIn signIn(const std::string &username, const std::string &password, const std::string &remote);
    /// Throws ApiError 401 for a missing, unknown, expired or revoked token.
    Principal authenticate(const std::string &authorizationHeader);
    void signOut(const Principal &user);

    /// The stored hash of `user`'s password when `password` is it (they change it); nullopt when
    /// not, counted and audited as a failed sign-in would be. Throws ApiError 429 or 503 as
    /// signIn() does.
    std::optional<std::string> checkOwnPassword(const Principal &user, const std::string &password,
                                                const std::string &remote);
    /// Revokes, in the caller's transaction, every session of `username` but the one of
    /// `keepTokenHash`; returns how many. Call forget() once the transaction is committed.
    std::size_t endSessions(Transaction &tx, const std::string &username, const std::string &keepTokenHash = {});
    /// Drops what this instance remembers of `username`'s sessions, so that a change to the user
    /// (disabled, a role, a password changed) holds at once; other instances see it within two
    /// seconds.
    void forget(const std::string &username);
    /// Forgets, in the caller's transaction, the failed sign-ins to `username` (its password was
    /// reset or changed): the account is no longer locked or throttled.
    void clearFailures(Transaction &tx, const std::string &username);
    /// Deletes sessions that ended (signed out, idle, too old) and failures older than the
    /// window; returns how many sessions.
    std::size_t purge();

    const SessionSettings &settings() const { return m_settings; }

private:
    /// The user's row when `password` is theirs and the account is not disabled; nullopt after
    /// counting the failure and auditing it. Throws ApiError 429 while throttled or locked, 503
    /// when no turn to check a password came.
    std::optional<DbRow> checkCredentials(const std::string &username, const std::string &password,
                                          const std::string &remote, const std::string &attempt);
    struct Attempt;
    /// Counts the attempt as failed before its password is checked, in one transaction with the
    /// check of every limit, so that parallel attempts cannot pass a limit together. Throws
    /// ApiError 429 when a limit holds.
    Attempt reserveAttempt(const std::string &username, bool knownUser, const std::string &remote,
                           const std::string &attempt);
    /// Whether a password set at `changedAt` is too old to keep.
    bool expired(const std::string &changedAt) const;

    // A token checked in the last two seconds is not looked up again: one query less per
    // request. Signing out on this instance drops it at once; on another instance, within two
    // seconds.
    struct Cached
    {
        Principal principal;
        std::string lastSeen;
        std::string createdAt;
        std::chrono::steady_clock::time_point checkedAt;
    };
    Database &m_db;
    const Clock &m_clock;
    AuditTrail &m_audit;
    SessionSettings m_settings;
    std::mutex m_cacheMutex;
    std::unordered_map<std::string, Cached> m_cache;
    std::counting_semaphore<> m_hashing;
};

} // namespace onewindow::server
