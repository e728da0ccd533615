#pragma once

#include "apiclient.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <functional>

namespace onewindow::models {

class LocalStore;

/// Signing in on this PC without the server, for a clerk or agent who signed in here before: the
/// local store keeps, per user, a verifier derived from the password (PBKDF2-SHA256 with a random
/// salt and many iterations; never the password) with the user as the server described them and
/// when they last signed in online. An offline sign-in is accepted while that is at most
/// `maxAgeDays` ago by this PC's clock. The derivation runs off the GUI thread.
class OfflineCredentials : public QObject
{
    Q_OBJECT

public:
    static constexpr int kIterations = 100000;

    explicit OfflineCredentials(LocalStore *store, QObject *parent = nullptr);
    ~OfflineCredentials() override;

    /// After an online sign-in: keeps a fresh verifier of `password` for `user` (clerks and
    /// agents only: the offline work is intake). `done` once written.
    void remember(const UserInfo &user, const QString &password, const QDateTime &now,
                  std::function<void()> done = nullptr);

    /// Drops the verifier of `username`: the server asked for a new password (a reset, an expired
    /// one), so the old one must not open this PC offline either.
    void forget(const QString &username);

    enum class Refusal { None, Unknown, WrongPassword, Expired };
    /// Checks `password` against the kept verifier of `username` at `now`.
    void verify(const QString &username, const QString &password, const QDateTime &now, int maxAgeDays,
                std::function<void(Refusal refusal, const UserInfo &user)> done);

    /// The store key of a user's verifier.
    static QString keyFor(const QString &username);

private:
    QPointer<LocalStore> m_store;
};

} // namespace onewindow::models
