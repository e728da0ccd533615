#include "users/useraccounts.h"

#include "audit/audittrail.h"
#include "auth/passwords.h"
#include "auth/policy.h"
#include "auth/sessions.h"
#include "clock.h"
#include "db/database.h"
#include "domain/role.h"
#include "http/cursor.h"
#include "http/problem.h"
#include "intake/intakerequest.h"
#include "json.h"

#include <algorithm>
#include <stdexcept>

namespace onewindow::server {

namespace {

using Cap = AuthorizationPolicy::Capability;

const char *const kSelect = "SELECT username, display_name, role, center, department, phone, disabled, "
                            "must_change_password, password_changed_at FROM users";
const char *const kUsernameRule = "3 to 32 small letters, digits, '.', '_' or '-', beginning with a letter.";
const char *const kRoles = "One of clerk, agent, approver, supervisor, admin, auditor, security_admin.";

/// `^[a-z][a-z0-9._-]{2,31}$`
bool validUsername(const std::string &name)
{
    if (name.size() < 3 || name.size() > 32 || name[0] < 'a' || name[0] > 'z')
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    });
}

/// A role a user may have (the server's own `system` is none).
bool validRole(const std::string &role)
{
    const auto known = roleFromCode(role);
    return known && *known != Role::System;
}

bool worksAtCenter(const std::string &role)
{
    return role == "clerk" || role == "agent" || role == "supervisor";
}

bool worksForDepartment(const std::string &role)
{
    return role == "approver";
}

/// Where a user works, in a few words for the audit trail: "clerk at SZ", "approver of HF", "admin".
std::string placeOf(const std::string &role, const std::string &center, const std::string &department)
{
    return role + (center.empty() ? "" : " at " + center) + (department.empty() ? "" : " of " + department);
}

std::string sessionsEnded(std::size_t n)
{
    return n == 0 ? "no session ended" : n == 1 ? "1 session ended" : std::to_string(n) + " sessions ended";
}

DbValue textOrNull(const std::string &text)
{
    return text.empty() ? DbValue{} : DbValue{text};
}

[[noreturn]] void ownAccount()
{
    throw ApiError(403, "own_account", "Your own account",
                   "Nobody changes their own account or password this way: another security administrator does.");
}

[[noreturn]] void userExists(const std::string &username)
{
    throw ApiError(409, "user_exists", "User exists",
                   "There is a user '" + username + "' already. To give them a new password, reset it.");
}

Response noStore(Response response)
{
    // A one-time password stays in no cache on its way.
    response.headers["Cache-Control"] = "no-store";
    return response;
}

std::string ruleMessage(PasswordRules::Problem problem, std::size_t minLength)
{
    switch (problem) {
    case PasswordRules::Problem::TooShort: return "At least " + std::to_string(minLength) + " characters.";
    case PasswordRules::Problem::TooSimple:
        return "At least three of: small letters, capital letters, digits, other signs.";
    case PasswordRules::Problem::ContainsUsername: return "Without the username in it.";
    }
    return "Not allowed.";
}

/// The text of `key` when the body gives it: trimmed, and empty for null; a value of another
/// type is `invalid`.
std::optional<std::string> givenText(const Poco::JSON::Object::Ptr &body, const std::string &key, FieldErrors &errors)
{
    if (!body->has(key))
        return std::nullopt;
    if (body->isNull(key))
        return std::string();
    if (const auto text = optString(body, key))
        return trimmed(*text);
    errors.add(key, "Text, or null.", "invalid");
    return std::nullopt;
}

/// A centre or a department of a user: required, and one that exists, when the role works at
/// one; none otherwise.
void checkPlace(Transaction &tx, const std::string &field, const std::string &noun, const std::string &table,
                const std::string &code, const std::string &role, bool needed, FieldErrors &errors)
{
    if (!needed) {
        if (!code.empty())
            errors.add(field, "A user of the role " + role + " has no " + noun + ": leave it out.", "invalid");
    } else if (code.empty()) {
        errors.add(field, "A user of the role " + role + " works for a " + noun + ": its code.", "required");
    } else if (!tx.queryOne("SELECT code FROM " + table + " WHERE code = ?", {code})) {
        errors.add(field, "There is no " + noun + " " + code + ".", "unknown");
    }
}

/// An account as the security administrator sets it; an empty text for what it has none of.
struct Account
{
    std::string displayName;
    std::string role;
    std::string center;
    std::string department;
    std::string phone;
    bool disabled = false;

    static Account of(const DbRow &row)
    {
        return {row.text("display_name"), row.text("role"),  row.text("center"),
                row.text("department"),   row.text("phone"), row.boolean("disabled")};
    }

    /// Takes what `body` gives (for PATCH, over the stored account); null clears a field.
    void apply(const Poco::JSON::Object::Ptr &body, FieldErrors &errors)
    {
        for (const auto &[key, field] : {std::pair{"displayName", &displayName}, std::pair{"role", &role},
                                         std::pair{"center", &center}, std::pair{"department", &department},
                                         std::pair{"phone", &phone}}) {
            if (auto text = givenText(body, key, errors))
                *field = std::move(*text);
        }
    }

    /// Every rule of an account at once: a name, a role, the centre or department the role works
    /// for (existing ones) and no other, a phone number the hall can call.
    void check(Transaction &tx, FieldErrors &errors) const
    {
        if (displayName.empty())
            errors.add("displayName", "The user's name, as their colleagues know it.", "required");
        else if (displayName.size() > 300)
            errors.add("displayName", "At most 100 characters.", "too_long");
        if (role.empty()) {
            errors.add("role", kRoles, "required");
        } else if (!validRole(role)) {
            errors.add("role", kRoles, "invalid");
        } else {
            checkPlace(tx, "center", "centre", "centers", center, role, worksAtCenter(role), errors);
            checkPlace(tx, "department", "department", "departments", department, role, worksForDepartment(role),
                       errors);
        }
        if (!phone.empty() && !isPhone(phone))
            errors.add("phone", "A mobile's 11 digits, or a landline with its area code.", "invalid");
    }
};

/// What changed from `before` to `after`, for the audit trail ("role clerk → supervisor;
/// disabled"); empty when nothing did. Phone numbers stay out of the trail.
std::string changesOf(const Account &before, const Account &after)
{
    std::string out;
    const auto add = [&out](const std::string &change) { out += (out.empty() ? "" : "; ") + change; };
    const auto shown = [](const std::string &value) { return value.empty() ? std::string("none") : value; };
    if (before.displayName != after.displayName)
        add("name " + before.displayName + " → " + after.displayName);
    if (before.role != after.role)
        add("role " + before.role + " → " + after.role);
    if (before.center != after.center)
        add("centre " + shown(before.center) + " → " + shown(after.center));
    if (before.department != after.department)
        add("department " + shown(before.department) + " → " + shown(after.department));
    if (before.phone != after.phone)
        add("phone changed");
    if (before.disabled != after.disabled)
        add(after.disabled ? "disabled" : "enabled again");
    return out;
}

Poco::JSON::Object::Ptr userJson(const DbRow &row)
{
    auto o = newObject();
    o->set("username", row.text("username"));
    o->set("displayName", row.text("display_name"));
    o->set("role", row.text("role"));
    o->set("center", orNull(row.optText("center")));
    o->set("department", orNull(row.optText("department")));
    o->set("phone", orNull(row.optText("phone")));
    o->set("disabled", row.boolean("disabled"));
    o->set("mustChangePassword", row.boolean("must_change_password"));
    o->set("passwordChangedAt", orNull(row.optText("password_changed_at")));
    return o;
}

std::optional<DbRow> userRow(Transaction &tx, const std::string &username)
{
    return tx.queryOne(std::string(kSelect) + " WHERE username = ?", {username});
}

} // namespace

struct UserAccounts::NewUser
{
    std::string username;
    std::string displayName;
    std::string role;
    std::string center;
    std::string department;
    std::string phone;
    std::string passwordHash;
    bool mustChangePassword = true;
};

UserAccounts::UserAccounts(Database &db, const Clock &clock, AuditTrail &audit, SessionService &sessions,
                           Settings settings)
    : m_db(db), m_clock(clock), m_audit(audit), m_sessions(sessions), m_settings(settings), m_rules(settings.minLength)
{
}

Response UserAccounts::create(const Principal &admin, const std::string &body)
{
    AuthorizationPolicy::require(admin, Cap::ManageUsers);
    const auto json = parseObject(body);
    FieldErrors errors;
    const std::string username = givenText(json, "username", errors).value_or("");
    if (username.empty() && !errors.has("username"))
        errors.add("username", kUsernameRule, "required");
    else if (!username.empty() && !validUsername(username))
        errors.add("username", kUsernameRule, "invalid");
    Account account;
    account.apply(json, errors);
    {
        Transaction tx(m_db, Transaction::Mode::Lookups);
        account.check(tx, errors);
        errors.throwIfAny();
        if (userRow(tx, username))
            userExists(username);
    }
    // Hashed before the transaction: the KDF is slow on purpose.
    const std::string password = newOneTimePassword(username);
    const NewUser user{username,        account.displayName, account.role,
                       account.center,  account.department,  account.phone,
                       PasswordHasher::hash(password), true};
    Transaction tx(m_db, Transaction::Mode::Write);
    try {
        insert(tx, user, admin.username, "");
    } catch (const UniqueViolation &) {
        userExists(username);
    }
    auto result = newObject();
    result->set("user", userJson(*userRow(tx, username)));
    result->set("oneTimePassword", password);
    tx.commit();
    return noStore(Response::json(201, result));
}

Poco::JSON::Object::Ptr UserAccounts::list(const Principal &admin, const std::string &role, const std::string &center,
                                           const std::string &q, int limit, const std::string &cursor)
{
    AuthorizationPolicy::require(admin, Cap::ManageUsers);
    if (!role.empty() && !validRole(role)) {
        FieldErrors errors;
        errors.add("role", kRoles, "invalid");
        errors.throwIfAny();
    }
    std::string sql = std::string(kSelect) + " WHERE 1 = 1";
    std::vector<DbValue> params;
    andIfGiven(sql, params, "role", role);
    andIfGiven(sql, params, "center", center);
    if (!q.empty()) {
        std::string lower = q;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
        sql += " AND (username LIKE ? ESCAPE '\\' OR LOWER(display_name) LIKE ? ESCAPE '\\')";
        params.insert(params.end(), {likePattern(lower), likePattern(lower)});
    }
    appendKeyPage(sql, params, "username", cursor, limit);
    Transaction tx(m_db, Transaction::Mode::Read);
    return keyPageAnswer(tx.query(sql, params), limit, "username", userJson);
}

Poco::JSON::Object::Ptr UserAccounts::get(const Principal &admin, const std::string &username)
{
    AuthorizationPolicy::require(admin, Cap::ManageUsers);
    Transaction tx(m_db, Transaction::Mode::Read);
    const auto row = userRow(tx, username);
    if (!row)
        throw ApiError::notFound();
    return userJson(*row);
}

Poco::JSON::Object::Ptr UserAccounts::change(const Principal &admin, const std::string &username,
                                             const std::string &body)
{
    AuthorizationPolicy::require(admin, Cap::ManageUsers);
    if (username == admin.username)
        ownAccount();
    const auto json = parseObject(body);
    Transaction tx(m_db, Transaction::Mode::Write);
    const auto row = userRow(tx, username);
    if (!row)
        throw ApiError::notFound();
    const Account before = Account::of(*row);
    Account after = before;
    FieldErrors errors;
    after.apply(json, errors);
    if (json->has("disabled")) {
        if (const auto disabled = optBool(json, "disabled"))
            after.disabled = *disabled;
        else
            errors.add("disabled", "true or false.", "invalid");
    }
    after.check(tx, errors);
    errors.throwIfAny();
    std::string changes = changesOf(before, after);
    if (changes.empty())
        return userJson(*row);
    tx.execute("UPDATE users SET display_name = ?, role = ?, center = ?, department = ?, phone = ?, disabled = ? "
               "WHERE username = ?",
               {after.displayName, after.role, textOrNull(after.center), textOrNull(after.department),
                textOrNull(after.phone), std::int64_t{after.disabled ? 1 : 0}, username});
    if (after.disabled && !before.disabled)
        changes += "; " + sessionsEnded(m_sessions.endSessions(tx, username));
    m_audit.append(tx, {}, admin.username, "user_changed", username + ": " + changes);
    auto result = userJson(*userRow(tx, username));
    tx.commit();
    m_sessions.forget(username);
    return result;
}

Response UserAccounts::resetPassword(const Principal &admin, const std::string &username)
{
    AuthorizationPolicy::require(admin, Cap::ManageUsers);
    if (username == admin.username)
        ownAccount();
    {
        Transaction tx(m_db, Transaction::Mode::Lookups);
        if (!userRow(tx, username))
            throw ApiError::notFound();
    }
    const std::string password = newOneTimePassword(username);
    const std::string hash = PasswordHasher::hash(password);
    Transaction tx(m_db, Transaction::Mode::Write);
    const std::string now = m_clock.now();
    if (tx.execute("UPDATE users SET password_hash = ?, must_change_password = 1, password_changed_at = ? WHERE "
                   "username = ?",
                   {hash, now, username})
        == 0)
        throw ApiError::notFound();
    keepInHistory(tx, username, hash, now);
    // The lockout is lifted: the user signs in with the new password at once.
    m_sessions.clearFailures(tx, username);
    const std::size_t ended = m_sessions.endSessions(tx, username);
    m_audit.append(tx, {}, admin.username, "password_reset",
                   username + ": a one-time password, to be changed at the next sign-in; " + sessionsEnded(ended));
    tx.commit();
    m_sessions.forget(username);
    auto result = newObject();
    result->set("oneTimePassword", password);
    return noStore(Response::json(200, result));
}

Poco::JSON::Object::Ptr UserAccounts::me(const Principal &user)
{
    Transaction tx(m_db, Transaction::Mode::Read);
    const auto row = userRow(tx, user.username);
    if (!row)
        throw ApiError::unauthorized("The session is not valid; sign in again.");
    auto result = userJson(*row);
    // What the user's next password must be, for the form that asks for it.
    auto rules = newObject();
    rules->set("minLength", static_cast<int>(m_rules.minLength()));
    rules->set("history", m_settings.history);
    rules->set("maxAgeDays", m_sessions.settings().passwordMaxAgeDays);
    result->set("passwordRules", rules);
    return result;
}

void UserAccounts::changeOwnPassword(const Principal &user, const std::string &body, const std::string &remote)
{
    const auto json = parseObject(body);
    const auto oldPassword = optString(json, "oldPassword");
    const auto newPassword = optString(json, "newPassword");
    FieldErrors errors;
    if (!oldPassword || oldPassword->empty())
        errors.add("oldPassword", "Your password now.", "required");
    if (!newPassword || newPassword->empty())
        errors.add("newPassword", "The new password.", "required");
    errors.throwIfAny();

    const std::optional<std::string> current = m_sessions.checkOwnPassword(user, *oldPassword, remote);
    if (!current)
        errors.add("oldPassword", "This is not your password now.", "wrong_password");
    for (const PasswordRules::Problem problem : m_rules.check(*newPassword, user.username))
        errors.add("newPassword", ruleMessage(problem, m_rules.minLength()), PasswordRules::problemCode(problem));
    if (errors.empty() && m_settings.history > 0) {
        std::vector<std::string> recent{*current};
        {
            Transaction tx(m_db, Transaction::Mode::Read);
            for (const DbRow &row : tx.query("SELECT password_hash FROM password_history WHERE username = ? ORDER "
                                             "BY id DESC LIMIT ?",
                                             {user.username, std::int64_t{m_settings.history}})) {
                if (row.text("password_hash") != *current)
                    recent.push_back(row.text("password_hash"));
            }
        }
        if (std::any_of(recent.begin(), recent.end(),
                        [&](const std::string &hash) { return PasswordHasher::verify(*newPassword, hash); }))
            errors.add("newPassword",
                       "One of your last " + std::to_string(m_settings.history) + " passwords: choose another.",
                       "reused");
    }
    errors.throwIfAny();

    const std::string hash = PasswordHasher::hash(*newPassword);
    Transaction tx(m_db, Transaction::Mode::Write);
    const std::string now = m_clock.now();
    // Only over the password just checked: one reset meanwhile stays.
    if (tx.execute("UPDATE users SET password_hash = ?, must_change_password = 0, password_changed_at = ? WHERE "
                   "username = ? AND password_hash = ?",
                   {hash, now, user.username, *current})
        == 0) {
        errors.add("oldPassword", "Your password was reset meanwhile.", "wrong_password");
        errors.throwIfAny();
    }
    keepInHistory(tx, user.username, hash, now);
    m_sessions.clearFailures(tx, user.username);
    const std::size_t ended = m_sessions.endSessions(tx, user.username, user.tokenHash);
    m_audit.append(tx, {}, user.username, "password_changed",
                   std::string(user.mustChangePassword ? "the one-time or expired password replaced; " : "")
                       + "of the other sessions " + sessionsEnded(ended));
    tx.commit();
    m_sessions.forget(user.username);
}

std::string UserAccounts::createSecurityAdmin(const std::string &username, const std::optional<std::string> &password)
{
    if (!validUsername(username))
        throw std::runtime_error("'" + username + "' is not a username: " + kUsernameRule);
    if (password) {
        std::string refused;
        for (const PasswordRules::Problem problem : m_rules.check(*password, username))
            refused += std::string(" ") + PasswordRules::problemCode(problem) + " (" + ruleMessage(problem, m_rules.minLength()) + ")";
        if (!refused.empty())
            throw std::runtime_error("the password is refused:" + refused);
    }
    const std::string chosen = password ? *password : newOneTimePassword(username);
    const NewUser user{username, username, "security_admin", {}, {}, {}, PasswordHasher::hash(chosen), !password};
    Transaction tx(m_db, Transaction::Mode::Write);
    if (userRow(tx, username))
        throw std::runtime_error("there is a user '" + username + "' already; nothing was changed");
    insert(tx, user, "system", ", from the server's command line (--create-admin)");
    tx.commit();
    return password ? std::string() : chosen;
}

void UserAccounts::insert(Transaction &tx, const NewUser &user, const std::string &actor, const std::string &how)
{
    const std::string now = m_clock.now();
    tx.execute("INSERT INTO users (username, display_name, role, center, department, phone, password_hash, disabled, "
               "must_change_password, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
               {user.username, user.displayName, user.role, textOrNull(user.center), textOrNull(user.department),
                textOrNull(user.phone), user.passwordHash, std::int64_t{user.mustChangePassword ? 1 : 0}, now});
    keepInHistory(tx, user.username, user.passwordHash, now);
    m_audit.append(tx, {}, actor, "user_created",
                   user.username + " (" + user.displayName + "): " + placeOf(user.role, user.center, user.department)
                       + how
                       + (user.mustChangePassword ? "; a one-time password, to be changed at the first sign-in" : ""));
}

void UserAccounts::keepInHistory(Transaction &tx, const std::string &username, const std::string &hash,
                                 const std::string &now)
{
    tx.execute("INSERT INTO password_history (username, password_hash, set_at) VALUES (?, ?, ?)",
               {username, hash, now});
    tx.execute("DELETE FROM password_history WHERE username = ? AND id NOT IN (SELECT id FROM password_history "
               "WHERE username = ? ORDER BY id DESC LIMIT ?)",
               {username, username, std::int64_t{m_settings.history}});
}

std::string UserAccounts::newOneTimePassword(const std::string &username) const
{
    // Random letters and digits are of three kinds nearly always; the rare draw that is not, or
    // that holds the username, is drawn again.
    while (true) {
        std::string password = oneTimePassword(std::max<std::size_t>(16, m_rules.minLength()));
        if (m_rules.check(password, username).empty())
            return password;
    }
}

} // namespace onewindow::server
