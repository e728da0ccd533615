#pragma once

#include "http/message.h"

#include <chrono>
#include <mutex>
#include <optional>
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
    long idleSeconds = 30 * 60;      ///< a token unused this long is dead
    int lockoutFailures = 5;         ///< consecutive failures within the window lock the account
    long lockoutWindowSeconds = 15 * 60;
    /// A password set this many days ago or more must be changed at the next sign-in; 0: never.
    int passwordMaxAgeDays = 90;
};

/// Sign-in with lockout, bearer tokens that die when idle or signed out, stored hashed in the
/// database so that any server instance accepts them. Every sign-in, failed or not, is in the
/// audit trail.
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
    /// Throws ApiError: 401 wrong credentials, 429 locked. A password older than
    /// `passwordMaxAgeDays` marks the user as one who must change it.
    SignIn signIn(const std::string &username, const std::string &password, const std::string &remote);
    /// Throws ApiError 401 for a missing, unknown, expired or revoked token.
    Principal authenticate(const std::string &authorizationHeader);
    void signOut(const Principal &user);

    /// The stored hash of `user`'s password when `password` is it (they change it); nullopt when
    /// not, counted towards the lockout and audited as a sign-in would be. Throws ApiError 429
    /// while the account is locked.
    std::optional<std::string> checkOwnPassword(const Principal &user, const std::string &password,
                                                const std::string &remote);
    /// Revokes, in the caller's transaction, every session of `username` but the one of
    /// `keepTokenHash`; returns how many. Call forget() once the transaction is committed.
    std::size_t endSessions(Transaction &tx, const std::string &username, const std::string &keepTokenHash = {});
    /// Drops what this instance remembers of `username`'s sessions, so that a change to the user
    /// (disabled, a role, a password changed) holds at once; other instances see it within two
    /// seconds.
    void forget(const std::string &username);

    const SessionSettings &settings() const { return m_settings; }

private:
    /// The user's row when `password` is theirs and the account is not disabled; nullopt after
    /// counting the failure and auditing it. Throws ApiError 429 while the account is locked.
    std::optional<DbRow> checkCredentials(const std::string &username, const std::string &password,
                                          const std::string &remote, const std::string &attempt);
    /// Whether a password set at `changedAt` is too old to keep.
    bool expired(const std::string &changedAt) const;

    // A token checked in the last two seconds is not looked up again: one query less per
    // request. Signing out on this instance drops it at once; on another instance, within two
    // seconds.
    struct Cached
    {
        Principal principal;
        std::string lastSeen;
        std::chrono::steady_clock::time_point checkedAt;
    };
    Database &m_db;
    const Clock &m_clock;
    AuditTrail &m_audit;
    SessionSettings m_settings;
    std::mutex m_cacheMutex;
    std::unordered_map<std::string, Cached> m_cache;
};

} // namespace onewindow::server
