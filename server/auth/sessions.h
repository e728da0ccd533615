#pragma once

#include "http/message.h"

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace onewindow::server {

class Clock;
class Database;
class AuditTrail;

struct SessionSettings
{
    long idleSeconds = 30 * 60;      ///< a token unused this long is dead
    int lockoutFailures = 5;         ///< consecutive failures within the window lock the account
    long lockoutWindowSeconds = 15 * 60;
};

/// Sign-in with lockout, bearer tokens that die when idle or signed out, stored hashed in the
/// database so that any server instance accepts them.
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
    /// Throws ApiError: 401 wrong credentials, 429 locked.
    SignIn signIn(const std::string &username, const std::string &password, const std::string &remote);
    /// Throws ApiError 401 for a missing, unknown, expired or revoked token.
    Principal authenticate(const std::string &authorizationHeader);
    void signOut(const Principal &user);

    const SessionSettings &settings() const { return m_settings; }

private:
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
