#include "apiclient.h"

#include "serverclock.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTimer>
#include <QUuid>

namespace onewindow::models {

struct ApiClient::Call
{
    QByteArray method;
    QString path;
    QByteArray body;
    QByteArray contentType; ///< of the body; JSON when empty
    QByteArray idempotencyKey;
    QByteArray contentDigest; ///< RFC 9530, of an uploaded file
    QByteArray ifMatch;
    QString etagResource;  ///< where to remember the answer's ETag
    bool idempotent = false;
    bool bytes = false;    ///< the answer is kept as it came, not read as JSON
    bool signedIn = true;
    int attempt = 0;
    Callback done;
    Progress progress;
    QPointer<QObject> context;
    bool hasContext = false;
};

QJsonObject UserInfo::toJson() const
{
    return {{QStringLiteral("username"), username}, {QStringLiteral("displayName"), displayName},
            {QStringLiteral("role"), role}, {QStringLiteral("center"), center},
            {QStringLiteral("department"), department}, {QStringLiteral("mustChangePassword"), mustChangePassword},
            {QStringLiteral("passwordRules"), QJsonObject{{QStringLiteral("minLength"), passwordMinLength},
                                                          {QStringLiteral("history"), passwordHistory}}}};
}

UserInfo UserInfo::fromJson(const QJsonObject &o)
{
    UserInfo u;
    u.username = o.value(QLatin1String("username")).toString();
    u.displayName = o.value(QLatin1String("displayName")).toString();
    u.role = o.value(QLatin1String("role")).toString();
    u.center = o.value(QLatin1String("center")).toString();
    u.department = o.value(QLatin1String("department")).toString();
    u.mustChangePassword = o.value(QLatin1String("mustChangePassword")).toBool();
    const QJsonObject rules = o.value(QLatin1String("passwordRules")).toObject();
    u.passwordMinLength = rules.value(QLatin1String("minLength")).toInt(u.passwordMinLength);
    u.passwordHistory = rules.value(QLatin1String("history")).toInt(u.passwordHistory);
    return u;
}

ApiClient::ApiClient(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this)), m_clock(new ServerClock(this, this))
{
    m_network->setAutoDeleteReplies(true);
}

ApiClient::~ApiClient() = default;

void ApiClient::setBaseUrl(const QUrl &url)
{
    QUrl base = url;
    QString path = base.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    base.setPath(path);
    m_baseUrl = base;
}

void ApiClient::addTrustedCertificates(const QList<QSslCertificate> &certificates)
{
    m_extraCertificates += certificates;
}

void ApiClient::get(const QString &path, Callback done, QObject *context)
{
    auto call = std::make_shared<Call>();
    call->method = "GET";
    call->path = path;
    call->idempotent = true;
    call->etagResource = path.section(QLatin1Char('?'), 0, 0);
    call->done = std::move(done);
    call->context = context;
    call->hasContext = context != nullptr;
    start(call);
}

void ApiClient::create(const QString &path, const QJsonObject &body, Callback done, QObject *context,
                       const QString &idempotencyKey)
{
    auto call = std::make_shared<Call>();
    call->method = "POST";
    call->path = path;
    call->body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    call->idempotencyKey = (idempotencyKey.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                                                     : idempotencyKey)
                               .toUtf8();
    // The key makes a retry safe: the server answers it with the first response.
    call->idempotent = true;
    call->done = std::move(done);
    call->context = context;
    call->hasContext = context != nullptr;
    start(call);
}

void ApiClient::upload(const QString &path, const QByteArray &bytes, const QString &mediaType, Callback done,
                       QObject *context, const QString &idempotencyKey, Progress progress)
{
    auto call = std::make_shared<Call>();
    call->method = "POST";
    call->path = path;
    call->body = bytes;
    // The server checks the bytes it got against it: a file changed or cut on the way is refused.
    call->contentDigest = "sha-256=:" + QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toBase64() + ":";
    call->contentType = mediaType.isEmpty() ? QByteArrayLiteral("application/octet-stream") : mediaType.toUtf8();
    call->idempotencyKey = (idempotencyKey.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                                                     : idempotencyKey)
                               .toUtf8();
    // As with create(): the key makes a retry safe.
    call->idempotent = true;
    call->done = std::move(done);
    call->progress = std::move(progress);
    call->context = context;
    call->hasContext = context != nullptr;
    start(call);
}

void ApiClient::change(const QByteArray &method, const QString &path, const QString &resourcePath,
                       const QJsonObject &body, Callback done, QObject *context, const QString &idempotencyKey)
{
    auto call = std::make_shared<Call>();
    call->method = method;
    call->path = path;
    call->body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    call->idempotencyKey = idempotencyKey.toUtf8();
    call->ifMatch = m_etags.value(resourcePath);
    call->etagResource = resourcePath;
    // A retried change with the same If-Match is refused (412) once the first one applied.
    call->idempotent = true;
    call->done = std::move(done);
    call->context = context;
    call->hasContext = context != nullptr;
    start(call);
}

void ApiClient::getBytes(const QString &path, Callback done, QObject *context)
{
    auto call = std::make_shared<Call>();
    call->method = "GET";
    call->path = path;
    call->idempotent = true;
    call->bytes = true;
    call->done = std::move(done);
    call->context = context;
    call->hasContext = context != nullptr;
    start(call);
}

void ApiClient::remove(const QString &path, Callback done, QObject *context)
{
    auto call = std::make_shared<Call>();
    call->method = "DELETE";
    call->path = path;
    call->idempotent = true;
    call->done = std::move(done);
    call->context = context;
    call->hasContext = context != nullptr;
    start(call);
}

void ApiClient::post(const QString &path, const QJsonObject &body, Callback done, QObject *context)
{
    auto call = std::make_shared<Call>();
    call->method = "POST";
    call->path = path;
    call->body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    call->done = std::move(done);
    call->context = context;
    call->hasContext = context != nullptr;
    start(call);
}

bool ApiClient::isPlainRemote(const QUrl &url)
{
    if (url.scheme() != QLatin1String("http"))
        return false;
    const QHostAddress address(url.host());
    return !(url.host() == QLatin1String("localhost") || (!address.isNull() && address.isLoopback()));
}

void ApiClient::start(std::shared_ptr<Call> call)
{
    if (!m_allowPlainHttp && isPlainRemote(m_baseUrl)) {
        // Passwords and citizens' data do not cross a network in clear: nothing is sent.
        QTimer::singleShot(0, this, [call] {
            if (call->hasContext && !call->context)
                return;
            ApiResponse response;
            response.error.kind = ApiError::Kind::Tls;
            response.error.code = QStringLiteral("insecure_transport");
            if (call->done)
                call->done(response);
        });
        return;
    }
    QUrl url = m_baseUrl;
    const QString relative = call->path.section(QLatin1Char('?'), 0, 0);
    const QString query = call->path.section(QLatin1Char('?'), 1);
    url.setPath(m_baseUrl.path() + QStringLiteral("/api/v1") + relative);
    if (!query.isEmpty())
        url.setQuery(query, QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setRawHeader("Accept", "application/json, application/problem+json");
    if (!call->body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          call->contentType.isEmpty() ? QByteArrayLiteral("application/json") : call->contentType);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (!call->idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", call->idempotencyKey);
    if (!call->ifMatch.isEmpty())
        request.setRawHeader("If-Match", call->ifMatch);
    if (!call->contentDigest.isEmpty())
        request.setRawHeader("Content-Digest", call->contentDigest);
    if (!m_extraCertificates.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(ssl.caCertificates() + m_extraCertificates);
        request.setSslConfiguration(ssl);
    }
    if (call->attempt == 0)
        ++m_pending;
    QNetworkReply *reply = m_network->sendCustomRequest(request, call->method, call->body);
    connect(reply, &QNetworkReply::finished, this, [this, call, reply] { finish(call, reply); });
    if (call->progress) {
        connect(reply, &QNetworkReply::uploadProgress, this, [call](qint64 sent, qint64 total) {
            if (total > 0 && !(call->hasContext && !call->context))
                call->progress(sent, total);
        });
    }
}

void ApiClient::finish(std::shared_ptr<Call> call, QNetworkReply *reply)
{
    ApiResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    response.etag = reply->rawHeader("ETag");
    response.location = reply->rawHeader("Location");
    const auto networkError = reply->error();

    if (response.status == 0) {
        response.error.kind = ApiError::Kind::Network;
        if (networkError == QNetworkReply::OperationCanceledError || networkError == QNetworkReply::TimeoutError)
            response.error.kind = ApiError::Kind::Timeout;
        else if (networkError == QNetworkReply::SslHandshakeFailedError)
            response.error.kind = ApiError::Kind::Tls;
        response.error.detail = reply->errorString();
    } else {
        QJsonParseError parseError;
        if (!call->bytes || response.status >= 400)
            response.json = QJsonDocument::fromJson(body, &parseError);
        if (response.status >= 400) {
            response.error = ApiError::fromProblem(response.status, response.json.object());
            response.error.requestId = QString::fromUtf8(reply->rawHeader("X-Request-Id"));
            response.error.retryAfterSeconds = reply->rawHeader("Retry-After").toInt();
        } else if (call->bytes) {
            response.bytes = body;
            response.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        } else if (!body.isEmpty() && parseError.error != QJsonParseError::NoError) {
            response.error.kind = ApiError::Kind::InvalidReply;
            response.error.detail = parseError.errorString();
        }
    }

    const bool reachable = response.error.kind != ApiError::Kind::Network
                           && response.error.kind != ApiError::Kind::Timeout;
    if (reachable != m_reachable) {
        m_reachable = reachable;
        emit reachabilityChanged(reachable);
    }

    const bool transient = response.error.kind == ApiError::Kind::Network
                           || response.error.kind == ApiError::Kind::Timeout || response.status == 502
                           || response.status == 503 || response.status == 504;
    if (transient && call->idempotent && call->attempt < m_maxRetries) {
        const int delay = m_retryBaseMs * (1 << call->attempt);
        ++call->attempt;
        QTimer::singleShot(delay, this, [this, call] { start(call); });
        return;
    }
    --m_pending;
    if (!call->etagResource.isEmpty() && !response.etag.isEmpty())
        m_etags.insert(call->etagResource, response.etag);
    if (response.status == 401 && !m_token.isEmpty())
        emit sessionExpired(response.error.detail);
    if (call->hasContext && !call->context)
        return; // whoever asked is gone
    if (call->done)
        call->done(response);
}

void ApiClient::signIn(const QString &username, const QString &password,
                       std::function<void(const ApiResult<UserInfo> &)> done, QObject *context)
{
    post(QStringLiteral("/sessions"),
         {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}},
         [this, done, context](const ApiResponse &r) {
             ApiResult<UserInfo> result;
             if (!r.ok()) {
                 result.error = r.error;
             } else if (!r.object().value(QLatin1String("token")).isString()) {
                 result.error.kind = ApiError::Kind::InvalidReply;
             } else {
                 m_token = r.object().value(QLatin1String("token")).toString();
                 result.value = UserInfo::fromJson(r.object().value(QLatin1String("user")).toObject());
                 // Signed in: the server's date is learned before anything is shown, so that the
                 // first page already counts from it. Whether or not it answers, the sign-in stands.
                 health([done, result](const ApiError &) { done(result); }, context);
                 return;
             }
             done(result);
         },
         context);
}

void ApiClient::signOut(std::function<void(const ApiError &)> done, QObject *context)
{
    remove(QStringLiteral("/sessions/current"),
           [this, done](const ApiResponse &r) {
               m_token.clear();
               if (done)
                   done(r.error);
           },
           context);
}

void ApiClient::health(std::function<void(const ApiError &)> done, QObject *context)
{
    auto call = std::make_shared<Call>();
    call->method = "GET";
    call->path = QStringLiteral("/health");
    call->done = [this, done](const ApiResponse &r) {
        if (r.ok())
            m_clock->learn(r.object());
        if (done)
            done(r.error);
    };
    call->context = context;
    call->hasContext = context != nullptr;
    start(call);
}

} // namespace onewindow::models
