#pragma once

#include "apiclient.h"

#include <QObject>

namespace onewindow::models {

/// Who is signed in. The token lives only in memory (in the ApiClient). When the server says
/// the session is over (401), the session asks to sign in again and keeps the user, so that the
/// window and what is on it stay as they are. With OfflineCredentials set, a clerk or agent who
/// signed in on this PC before signs in without the server when it cannot be reached: an offline
/// session (isOffline()), for intake and the local lists only.
class OfflineCredentials;

class Session : public QObject
{
    Q_OBJECT

public:
    explicit Session(ApiClient *api, QObject *parent = nullptr);
    ~Session() override;

    /// Keeps a verifier at every online sign-in and allows offline sign-in for `maxAgeDays` after
    /// the last one (both optional: without them, no offline sign-in).
    void setOfflineCredentials(OfflineCredentials *credentials, int maxAgeDays);

    void signIn(const QString &username, const QString &password,
                std::function<void(const ApiError &)> done = nullptr);
    void signOut();
    /// POST /me/password; on success the user no longer must change it, and this PC's offline
    /// verifier follows the new password.
    void changePassword(const QString &oldPassword, const QString &newPassword,
                        std::function<void(const ApiError &)> done);

    bool isSignedIn() const { return m_signedIn; }
    /// Signed in on this PC alone, the server unreachable.
    bool isOffline() const { return m_offline; }
    const UserInfo &user() const { return m_user; }
    ApiClient *api() const { return m_api; }

signals:
    void signedIn();
    void signedOut();
    /// The server ended the session (idle timeout, revoked); sign in again as `user().username`.
    void reauthenticationRequired(const QString &reason);

private:
    ApiClient *m_api;
    UserInfo m_user;
    bool m_signedIn = false;
    bool m_offline = false;
    OfflineCredentials *m_offlineCredentials = nullptr;
    int m_offlineMaxAgeDays = 7;
};

} // namespace onewindow::models
