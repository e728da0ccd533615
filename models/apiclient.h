#pragma once

#include "apierror.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace onewindow::models {

class ServerClock;

/// The answer to one call: the JSON body and headers, or an error.
struct ApiResponse
{
    int status = 0;
    QJsonDocument json;
    QByteArray etag;
    QByteArray location;
    /// The body as it came, for getBytes() (a scan, a PDF); empty for JSON calls.
    QByteArray bytes;
    QByteArray contentType;
    ApiError error;

    bool ok() const { return !error.isError(); }
    QJsonObject object() const { return json.object(); }
};

/// The signed-in user, as the server describes them.
struct UserInfo
{
    QString username;
    QString displayName;
    QString role;       ///< clerk, agent, approver, supervisor, admin, auditor
    QString center;     ///< empty when none
    QString department; ///< empty when none
    bool mustChangePassword = false; ///< a one-time or expired password: nothing else until changed
    int passwordMinLength = 10;      ///< the characters a new password has at least, as the server asks
    int passwordHistory = 5;         ///< a new password is none of the last this many

    static UserInfo fromJson(const QJsonObject &o);
    QJsonObject toJson() const;
};

/// A typed result: a value, or the error that prevented it.
template<typename T>
struct ApiResult
{
    std::optional<T> value;
    ApiError error;
    bool ok() const { return value.has_value(); }
};

/// The OneWindow REST API over QNetworkAccessManager. Every call is asynchronous and answers
/// through a callback on the caller's thread; the GUI never waits. Calls time out, idempotent
/// calls are retried with back-off on network errors and 502/503/504, every POST that creates
/// carries an Idempotency-Key, and changes send If-Match with the last ETag seen for the
/// resource. TLS certificates are verified (extra trusted CAs may be added).
class ApiClient : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const ApiResponse &)>;

    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    /// The application user signed in on this PC (online or offline), whose files and drafts
    /// are theirs alone; empty before a sign-in.
    void setSignedInUser(const QString &username) { m_signedInUser = username; }
    QString signedInUser() const { return m_signedInUser; }
    /// Milliseconds before a call is abandoned (default 15000).
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    /// Retries of idempotent calls after the first try (default 3: after 0.5, 1 and 2 s).
    void setMaxRetries(int retries) { m_maxRetries = retries; }
    void setRetryBaseDelay(int milliseconds) { m_retryBaseMs = milliseconds; }
    /// Plain http:// to anything but this PC (localhost, 127.0.0.1, ::1) is refused unless
    /// allowed (the setting network/allowPlainHttp): every call then fails at once with a
    /// Tls error of code insecure_transport, and nothing is sent.
    void setAllowPlainHttp(bool allow) { m_allowPlainHttp = allow; }
    static bool isPlainRemote(const QUrl &url);
    /// Certificates trusted in addition to the system's (a hall's own CA).
    void addTrustedCertificates(const QList<QSslCertificate> &certificates);

    /// `path` is relative to /api/v1, e.g. "/cases?status=accepted".
    void get(const QString &path, Callback done, QObject *context = nullptr);
    /// A POST that creates something: carries `idempotencyKey` (a new one when empty), and is
    /// retried with the same key, so a retry never creates twice.
    void create(const QString &path, const QJsonObject &body, Callback done, QObject *context = nullptr,
                const QString &idempotencyKey = {});
    /// A POST or PUT that changes `resourcePath`: sends If-Match with the ETag last seen for it.
    /// With an `idempotencyKey` (a decision, a resubmission) it is sent too, and a retry after a
    /// network failure is answered with the first answer instead of 412.
    void change(const QByteArray &method, const QString &path, const QString &resourcePath, const QJsonObject &body,
                Callback done, QObject *context = nullptr, const QString &idempotencyKey = {});
    /// A GET whose answer is not JSON (an attachment's content): ApiResponse::bytes.
    void getBytes(const QString &path, Callback done, QObject *context = nullptr);
    /// A POST whose body is a file (`bytes` of `mediaType`) and that creates something, e.g.
    /// "/cases/{id}/attachments?filename=scan.pdf". Carries the bytes' SHA-256 as Content-Digest
    /// (RFC 9530), which the server checks. Like create(): carries `idempotencyKey` (a new
    /// one when empty) and is retried with the same key after a network error, so a retry never
    /// stores twice. `progress` is told the bytes sent of each attempt (it starts again on a retry).
    using Progress = std::function<void(qint64 sent, qint64 total)>;
    void upload(const QString &path, const QByteArray &bytes, const QString &mediaType, Callback done,
                QObject *context = nullptr, const QString &idempotencyKey = {}, Progress progress = {});
    void remove(const QString &path, Callback done, QObject *context = nullptr);
    /// A POST that neither creates nor changes a resource (signing in).
    void post(const QString &path, const QJsonObject &body, Callback done, QObject *context = nullptr);

    /// The ETag last seen for a resource path (from GET or a change).
    QByteArray etagFor(const QString &resourcePath) const { return m_etags.value(resourcePath); }

    // Typed calls used by the shell.
    /// POST /sessions; on success the server's date is asked (health()) before `done` is told.
    void signIn(const QString &username, const QString &password,
                std::function<void(const ApiResult<UserInfo> &)> done, QObject *context = nullptr);
    void signOut(std::function<void(const ApiError &)> done, QObject *context = nullptr);
    /// GET /health; what it answers sets clock().
    void health(std::function<void(const ApiError &)> done, QObject *context = nullptr);

    /// Calls in flight.
    int pending() const { return m_pending; }
    /// The server's date and time, learned from every answer of health(): the client's only
    /// "today".
    ServerClock *clock() const { return m_clock; }

signals:
    /// A signed-in call was answered 401: the session is over. What is on screen stays.
    void sessionExpired(const QString &detail);
    /// Whether the last call reached the server.
    void reachabilityChanged(bool reachable);

private:
    struct Call;
    void start(std::shared_ptr<Call> call);
    void finish(std::shared_ptr<Call> call, QNetworkReply *reply);
    QNetworkAccessManager *m_network;
    ServerClock *m_clock;
    QUrl m_baseUrl;
    QString m_token;
    QString m_signedInUser;
    int m_timeoutMs = 15000;
    int m_maxRetries = 3;
    int m_retryBaseMs = 500;
    int m_pending = 0;
    bool m_reachable = true;
    bool m_allowPlainHttp = false;
    QList<QSslCertificate> m_extraCertificates;
    QHash<QString, QByteArray> m_etags;
};

} // namespace onewindow::models
