#pragma once

#include "apiclient.h"

#include <QObject>

namespace onewindow::models {

/// Who is signed in. The token lives only in memory (in the ApiClient). When the server says
/// the session is over (401), the session asks to sign in again and keeps the user, so that the
/// window and what is on it stay as they are.
class Session : public QObject
{
    Q_OBJECT

public:
    explicit Session(ApiClient *api, QObject *parent = nullptr);
    ~Session() override;

    void signIn(const QString &username, const QString &password,
                std::function<void(const ApiError &)> done = nullptr);
    void signOut();

    bool isSignedIn() const { return m_signedIn; }
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
};

} // namespace onewindow::models
