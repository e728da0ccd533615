#include "session.h"

#include "offlinecredentials.h"
#include "serverclock.h"

namespace onewindow::models {

Session::Session(ApiClient *api, QObject *parent) : QObject(parent), m_api(api)
{
    connect(m_api, &ApiClient::sessionExpired, this, [this](const QString &detail) {
        if (!m_signedIn)
            return;
        m_signedIn = false;
        m_api->setToken({});
        emit reauthenticationRequired(detail);
    });
}

Session::~Session() = default;

void Session::setOfflineCredentials(OfflineCredentials *credentials, int maxAgeDays)
{
    m_offlineCredentials = credentials;
    m_offlineMaxAgeDays = maxAgeDays;
}

void Session::signIn(const QString &username, const QString &password, std::function<void(const ApiError &)> done)
{
    m_api->signIn(username, password, [this, username, password, done](const ApiResult<UserInfo> &result) {
        if (result.ok()) {
            m_user = *result.value;
            m_signedIn = true;
            m_offline = false;
            // A one-time or expired password is not good for signing in offline, nor is the one
            // before it: only the one the user chooses (changePassword) is remembered.
            if (m_offlineCredentials && m_user.mustChangePassword)
                m_offlineCredentials->forget(m_user.username);
            else if (m_offlineCredentials)
                m_offlineCredentials->remember(m_user, password, ServerClock::pcNow());
            emit signedIn();
        } else if (m_offlineCredentials
                   && (result.error.kind == ApiError::Kind::Network || result.error.kind == ApiError::Kind::Timeout)) {
            // The server is out of reach: this PC may know the user.
            m_offlineCredentials->verify(username, password, ServerClock::pcNow(), m_offlineMaxAgeDays,
                                         [this, done](OfflineCredentials::Refusal refusal, const UserInfo &user) {
                                             ApiError error;
                                             if (refusal == OfflineCredentials::Refusal::None) {
                                                 m_user = user;
                                                 m_signedIn = true;
                                                 m_offline = true;
                                                 emit signedIn();
                                             } else {
                                                 error.kind = ApiError::Kind::OfflineRefused;
                                                 error.code = refusal == OfflineCredentials::Refusal::Expired
                                                                  ? QStringLiteral("offline_expired")
                                                              : refusal == OfflineCredentials::Refusal::WrongPassword
                                                                  ? QStringLiteral("offline_wrong_password")
                                                                  : QStringLiteral("offline_unknown");
                                                 error.detail = QString::number(m_offlineMaxAgeDays);
                                             }
                                             if (done)
                                                 done(error);
                                         });
            return;
        }
        if (done)
            done(result.error);
    }, this);
}

void Session::changePassword(const QString &oldPassword, const QString &newPassword,
                             std::function<void(const ApiError &)> done)
{
    m_api->post(QStringLiteral("/me/password"),
                {{QStringLiteral("oldPassword"), oldPassword}, {QStringLiteral("newPassword"), newPassword}},
                [this, newPassword, done](const ApiResponse &r) {
                    if (r.ok()) {
                        m_user.mustChangePassword = false;
                        if (m_offlineCredentials)
                            m_offlineCredentials->remember(m_user, newPassword, ServerClock::pcNow());
                    }
                    if (done)
                        done(r.error);
                },
                this);
}

void Session::signOut()
{
    if (!m_signedIn)
        return;
    m_signedIn = false;
    if (!m_offline)
        m_api->signOut(nullptr, this);
    m_offline = false;
    emit signedOut();
}

} // namespace onewindow::models
