#include "session.h"

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

void Session::signIn(const QString &username, const QString &password, std::function<void(const ApiError &)> done)
{
    m_api->signIn(username, password, [this, done](const ApiResult<UserInfo> &result) {
        if (result.ok()) {
            m_user = *result.value;
            m_signedIn = true;
            emit signedIn();
        }
        if (done)
            done(result.error);
    }, this);
}

void Session::signOut()
{
    if (!m_signedIn)
        return;
    m_signedIn = false;
    m_api->signOut(nullptr, this);
    emit signedOut();
}

} // namespace onewindow::models
