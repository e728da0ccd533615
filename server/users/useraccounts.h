#pragma once

#include "domain/passwordrules.h"
#include "http/message.h"

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>

namespace onewindow::server {

class AuditTrail;
class Clock;
class Database;
class SessionService;
class Transaction;

/// The users of the installation and their passwords. The security administrator
/// (security_admin; 404 for anyone else) keeps the accounts:
/// - POST /users {"username", "displayName", "role", "center"?, "department"?, "phone"?}: the
///   user and a one-time password, which the user changes at the first sign-in. No
///   Idempotency-Key on purpose: the one-time password is kept nowhere, so a retry is 409
///   `user_exists` and the administrator resets the password.
/// - GET /users?role=&center=&q= (by username), GET /users/{username}
/// - PATCH /users/{username}: any of displayName, role, center, department, phone, disabled;
///   disabling a user ends their sessions.
/// - POST /users/{username}/password-reset: a new one-time password; the user's sessions end.
/// Nobody changes their own account so (403 `own_account`): nobody gives themselves a role.
/// Every user changes their own password with POST /me/password {"oldPassword", "newPassword"}:
/// by PasswordRules, and none of their last `history` passwords. Every change is in the audit
/// trail's chain outside cases.
class UserAccounts
{
public:
    struct Settings
    {
        std::size_t minLength = PasswordRules::kDefaultMinLength; ///< of a new password, in characters
        int history = 5; ///< a new password is none of the user's last this many
    };

    UserAccounts(Database &db, const Clock &clock, AuditTrail &audit, SessionService &sessions, Settings settings);

    Response create(const Principal &admin, const std::string &body);
    Poco::JSON::Object::Ptr list(const Principal &admin, const std::string &role, const std::string &center,
                                 const std::string &q, int limit, const std::string &cursor);
    Poco::JSON::Object::Ptr get(const Principal &admin, const std::string &username);
    Poco::JSON::Object::Ptr change(const Principal &admin, const std::string &username, const std::string &body);
    Response resetPassword(const Principal &admin, const std::string &username);

    /// The signed-in user, as GET /me and the sign-in's answer show them, with the rules of
    /// their next password (`passwordRules`).
    Poco::JSON::Object::Ptr me(const Principal &user);
    /// POST /me/password: a wrong old password counts towards the lockout as a failed sign-in
    /// does. The user's other sessions end; this one goes on, free of the change it was held to.
    void changeOwnPassword(const Principal &user, const std::string &body, const std::string &remote);

    /// `onewindow-server --create-admin`: a security administrator `username` with `password`
    /// (by the rules; no change asked), or without one a one-time password, which is returned.
    /// Throws std::runtime_error, saying why, when the username is taken or refused or the
    /// password is refused.
    std::string createSecurityAdmin(const std::string &username, const std::optional<std::string> &password);

private:
    struct NewUser;
    /// Writes a new user with the hash of their first password, in its history, and audits it.
    void insert(Transaction &tx, const NewUser &user, const std::string &actor, const std::string &how);
    /// Puts `username`'s new password (`hash`) in their history, which keeps the last `history`.
    void keepInHistory(Transaction &tx, const std::string &username, const std::string &hash, const std::string &now);
    /// A one-time password for `username`, by the rules.
    std::string newOneTimePassword(const std::string &username) const;

    Database &m_db;
    const Clock &m_clock;
    AuditTrail &m_audit;
    SessionService &m_sessions;
    Settings m_settings;
    PasswordRules m_rules;
};

} // namespace onewindow::server
