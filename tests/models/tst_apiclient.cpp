// ApiClient against a real server on loopback, plus a deliberately broken peer for the network
// failures a counter PC meets (a refused connection, a server that never answers).
#include "models/apiclient.h"
#include "serverprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <optional>
#include <QNetworkInterface>

using namespace onewindow::models;

namespace {

// Waits for a callback-style call to answer.
template<typename Start>
ApiResponse wait(Start start)
{
    ApiResponse result;
    bool done = false;
    start([&](const ApiResponse &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 60000))
        qFatal("no answer");
    return result;
}

// Accepts connections and records each request's head; answers 503 or nothing at all.
class FlakyPeer : public QTcpServer
{
public:
    enum class Behaviour { Unavailable, Silent };
    explicit FlakyPeer(Behaviour behaviour) : m_behaviour(behaviour)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    const QByteArray head = socket->readAll();
                    requests << head;
                    if (m_behaviour == Behaviour::Unavailable) {
                        socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/problem+json\r\n"
                                      "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
                        socket->disconnectFromHost();
                    }
                });
            }
        });
        listen(QHostAddress::LocalHost);
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }
    QList<QByteArray> requests;

private:
    Behaviour m_behaviour;
};

QByteArray headerOf(const QByteArray &request, const QByteArray &name)
{
    for (const QByteArray &line : request.split('\n')) {
        if (line.toLower().startsWith(name.toLower() + ':'))
            return line.mid(name.size() + 1).trimmed();
    }
    return {};
}

} // namespace

class tst_ApiClient : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;

    QJsonObject intake(const QString &contractProvision)
    {
        return {{"matters", QJsonArray{"HF-001"}},
                {"applicant", QJsonObject{{"kind", "person"}, {"name", QStringLiteral("李四")},
                                          {"idNumber", "11010519491231002X"}, {"phone", "13800138000"}}},
                {"center", "SZ"},
                {"form", QJsonObject{{"applicant_name", QStringLiteral("李四")}, {"applicant_id_number", "11010519491231002X"},
                                     {"phone", "13800138000"}, {"company_name", QStringLiteral("盛泽纺织")}, {"deposit_base", "5000"}}},
                {"materials", QJsonArray{QJsonObject{{"code", "ID_CARD"}, {"provided", "paper"}},
                                         QJsonObject{{"code", "LABOR_CONTRACT"}, {"provided", contractProvision}}}}};
    }

    void signIn(ApiClient &api, const QString &user = QStringLiteral("clerk1"))
    {
        api.setBaseUrl(QUrl(m_server.baseUrl()));
        bool done = false;
        api.signIn(user, QStringLiteral("OneWindow-demo-1"), [&](const ApiResult<UserInfo> &r) {
            QVERIFY(r.ok());
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 30000));
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.startDemo(m_dir.path(), &error), qPrintable(error));
    }

    void signInTyped()
    {
        ApiClient api;
        api.setBaseUrl(QUrl(m_server.baseUrl()));
        ApiResult<UserInfo> result;
        bool done = false;
        api.signIn("agent1", "OneWindow-demo-1", [&](const ApiResult<UserInfo> &r) { result = r; done = true; });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 30000));
        QVERIFY(result.ok());
        QCOMPARE(result.value->role, QStringLiteral("agent"));
        QCOMPARE(result.value->center, QStringLiteral("SZ-V01"));
        QVERIFY(!api.token().isEmpty());
    }

    void wrongPasswordIsAClearError()
    {
        ApiClient api;
        api.setBaseUrl(QUrl(m_server.baseUrl()));
        ApiResult<UserInfo> result;
        bool done = false;
        api.signIn("clerk1", "nope", [&](const ApiResult<UserInfo> &r) { result = r; done = true; });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 30000));
        QVERIFY(!result.ok());
        QCOMPARE(result.error.kind, ApiError::Kind::Http);
        QCOMPARE(result.error.status, 401);
        QCOMPARE(result.error.code, QStringLiteral("unauthorized"));
        QVERIFY(result.error.userMessage().contains("password"));
    }

    // A throttled sign-in says how long to wait (from Retry-After); a username too long to be
    // anyone's and a server busy checking passwords each have their own message.
    void throttledSignInSaysHowLongToWait()
    {
        QTemporaryDir dir;
        QString error;
        const TestDatabase db = TestDatabase::create(TestDatabase::Kind::SQLite, dir.path(), &error);
        QVERIFY2(!db.url().isEmpty(), qPrintable(error));
        QFile config(dir.filePath("server.properties"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("signIn.freeAttempts = 1\nsignIn.delaySeconds = 600\n");
        config.close();
        ServerProcess server;
        QVERIFY2(server.start({"--database", db.url(), "--demo", "--today", "2026-11-27", "--config", config.fileName()},
                              &error),
                 qPrintable(error));
        ApiClient api;
        api.setBaseUrl(QUrl(server.baseUrl()));
        const auto signIn = [&](const QString &user, const QString &password) {
            ApiResult<UserInfo> result;
            bool done = false;
            api.signIn(user, password, [&](const ApiResult<UserInfo> &r) { result = r; done = true; });
            if (!QTest::qWaitFor([&] { return done; }, 30000))
                result.error.kind = ApiError::Kind::Timeout;
            return result;
        };
        QCOMPARE(signIn("clerk2", "nope").error.status, 401);
        ApiResult<UserInfo> result = signIn("clerk2", "OneWindow-demo-1");
        QCOMPARE(result.error.status, 429);
        QCOMPARE(result.error.code, QStringLiteral("too_many_attempts"));
        QVERIFY2(result.error.retryAfterSeconds > 540 && result.error.retryAfterSeconds <= 600,
                 qPrintable(QString::number(result.error.retryAfterSeconds)));
        QVERIFY2(result.error.userMessage().startsWith("Too many failed sign-ins from this computer. Wait 10 minute"),
                 qPrintable(result.error.userMessage()));
        QVERIFY(result.error.isRetryable());

        result = signIn(QString(65, 'a'), "nope");
        QCOMPARE(result.error.status, 400);
        QCOMPARE(result.error.userMessage(), QStringLiteral("No such username: a username has at most 64 characters."));
        QCOMPARE(server.stop(), 0);

        ApiError busy;
        busy.kind = ApiError::Kind::Http;
        busy.status = 503;
        busy.code = QStringLiteral("sign_in_busy");
        busy.retryAfterSeconds = 2;
        QCOMPARE(busy.userMessage(),
                 QStringLiteral("The server is checking too many sign-ins right now. Try again in a few seconds."));
        ApiError soon = busy;
        soon.status = 429;
        soon.code = QStringLiteral("too_many_attempts");
        soon.retryAfterSeconds = 4;
        QVERIFY2(soon.userMessage().contains("Wait 4 second"), qPrintable(soon.userMessage()));
    }

    // Every field message and every missing material of a problem is kept.
    void problemDetailsKept()
    {
        ApiClient api;
        signIn(api);
        QJsonObject body = intake("paper");
        body.insert("applicant", QJsonObject{{"kind", "person"}, {"name", ""}, {"idNumber", "11010519491231003X"},
                                             {"phone", "1"}});
        ApiResponse r = wait([&](auto cb) { api.create("/cases", body, cb); });
        QCOMPARE(r.error.code, QStringLiteral("validation_failed"));
        QStringList fields;
        for (const auto &e : r.error.fieldErrors)
            fields << e.field;
        QVERIFY(fields.contains("applicant.name") && fields.contains("applicant.idNumber") && fields.contains("applicant.phone"));
        QCOMPARE(ApiError::fieldMessage(r.error.fieldErrors[1]).isEmpty(), false);

        QJsonObject missing = intake("paper");
        missing.insert("materials", QJsonArray{});
        r = wait([&](auto cb) { api.create("/cases", missing, cb); });
        QCOMPARE(r.error.code, QStringLiteral("materials_incomplete"));
        QCOMPARE(r.error.missing.size(), 2);
        QCOMPARE(r.error.missing[0].reason, QStringLiteral("core_missing"));
        QVERIFY(!r.error.missing[0].name.isEmpty());
    }

    void createIsIdempotentAndChangeSendsIfMatch()
    {
        ApiClient api;
        signIn(api);
        const ApiResponse first = wait([&](auto cb) { api.create("/cases", intake("deficient"), cb, nullptr, "same-key"); });
        QCOMPARE(first.status, 201);
        const ApiResponse again = wait([&](auto cb) { api.create("/cases", intake("deficient"), cb, nullptr, "same-key"); });
        QCOMPARE(again.object().value("id"), first.object().value("id"));
        const QString id = first.object().value("id").toString();
        const QString deficiency = first.object().value("deficiencies").toArray()[0].toObject().value("id").toString();

        // Without a GET there is no ETag: the server insists on one.
        const QString supply = "/cases/" + id + "/deficiencies/" + deficiency + "/supply";
        ApiResponse r = wait([&](auto cb) { api.change("POST", supply, "/cases/" + id, {{"provided", "paper"}}, cb); });
        QCOMPARE(r.status, 428);
        r = wait([&](auto cb) { api.get("/cases/" + id, cb); });
        QCOMPARE(api.etagFor("/cases/" + id), QByteArray("\"1\""));
        r = wait([&](auto cb) { api.change("POST", supply, "/cases/" + id, {{"provided", "paper"}}, cb); });
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("accepted"));
        QCOMPARE(api.etagFor("/cases/" + id), QByteArray("\"2\""));
    }

    void expiredSessionIsSignalled()
    {
        ApiClient api;
        signIn(api);
        QSignalSpy expired(&api, &ApiClient::sessionExpired);
        ApiClient other;
        other.setBaseUrl(QUrl(m_server.baseUrl()));
        other.setToken(api.token());
        QCOMPARE(wait([&](auto cb) { other.remove("/sessions/current", cb); }).status, 204);
        const ApiResponse r = wait([&](auto cb) { api.get("/me", cb); });
        QCOMPARE(r.status, 401);
        QCOMPARE(expired.count(), 1);
    }

    void retriesIdempotentCallsWithTheSameKey()
    {
        FlakyPeer peer(FlakyPeer::Behaviour::Unavailable);
        ApiClient api;
        api.setBaseUrl(QUrl(peer.url()));
        api.setRetryBaseDelay(20);
        api.setMaxRetries(2);
        ApiResponse r = wait([&](auto cb) { api.get("/matters", cb); });
        QCOMPARE(r.status, 503);
        QCOMPARE(peer.requests.size(), 3);
        peer.requests.clear();
        r = wait([&](auto cb) { api.create("/cases", intake("paper"), cb); });
        QCOMPARE(peer.requests.size(), 3);
        const QByteArray key = headerOf(peer.requests[0], "Idempotency-Key");
        QVERIFY(!key.isEmpty());
        for (const QByteArray &request : peer.requests)
            QCOMPARE(headerOf(request, "Idempotency-Key"), key);
        // Signing in is not idempotent: never repeated.
        peer.requests.clear();
        r = wait([&](auto cb) { api.post("/sessions", {{"username", "x"}, {"password", "y"}}, cb); });
        QCOMPARE(peer.requests.size(), 1);
    }

    void unreachableAndTimeout()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        ApiClient api;
        api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        api.setMaxRetries(0);
        QSignalSpy reachability(&api, &ApiClient::reachabilityChanged);
        ApiResponse r = wait([&](auto cb) { api.get("/health", cb); });
        QCOMPARE(r.error.kind, ApiError::Kind::Network);
        QVERIFY(!r.error.userMessage().isEmpty());
        QCOMPARE(reachability.count(), 1);
        QCOMPARE(reachability.at(0).at(0).toBool(), false);

        FlakyPeer silent(FlakyPeer::Behaviour::Silent);
        api.setBaseUrl(QUrl(silent.url()));
        api.setTimeout(300);
        r = wait([&](auto cb) { api.get("/health", cb); });
        QCOMPARE(r.error.kind, ApiError::Kind::Timeout);
        QCOMPARE(api.pending(), 0);
    }

    // Certificates are verified: an unknown one is a clear error until the hall's CA is trusted.
    void tlsVerifiedByDefault()
    {
        QTemporaryDir dir;
        const QString cert = dir.filePath("cert.pem");
        const QString key = dir.filePath("key.pem");
        QProcess openssl;
        openssl.start("openssl", {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                                  "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out",
                                  cert});
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);
        QString error;
        const TestDatabase db = TestDatabase::create(TestDatabase::Kind::SQLite, dir.path(), &error);
        ServerProcess server;
        QVERIFY2(server.start({"--database", db.url(), "--demo", "--today", "2026-11-27", "--tls-cert", cert, "--tls-key", key}, &error),
                 qPrintable(error));

        ApiClient strict;
        strict.setBaseUrl(QUrl(server.baseUrl()));
        strict.setMaxRetries(0);
        ApiResponse r = wait([&](auto cb) { strict.get("/health", cb); });
        QCOMPARE(r.error.kind, ApiError::Kind::Tls);
        QVERIFY(r.error.userMessage().contains("certificate"));

        ApiClient trusting;
        trusting.setBaseUrl(QUrl(server.baseUrl()));
        trusting.addTrustedCertificates(QSslCertificate::fromPath(cert));
        r = wait([&](auto cb) { trusting.get("/health", cb); });
        QVERIFY(r.ok());
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("ok"));
        QCOMPARE(server.stop(), 0);
    }

    void contextGoneMeansNoCallback()
    {
        ApiClient api;
        api.setBaseUrl(QUrl(m_server.baseUrl()));
        auto *context = new QObject;
        bool called = false;
        api.get("/health", [&](const ApiResponse &) { called = true; }, context);
        delete context;
        QVERIFY(QTest::qWaitFor([&] { return api.pending() == 0; }, 30000));
        QVERIFY(!called);
    }

    // Plain http:// goes only to this PC: to any other address nothing is sent, unless allowed.
    void plainHttpOnlyToThisPc()
    {
        QVERIFY(!ApiClient::isPlainRemote(QUrl("http://127.0.0.1:8080")));
        QVERIFY(!ApiClient::isPlainRemote(QUrl("http://localhost:8080")));
        QVERIFY(!ApiClient::isPlainRemote(QUrl("http://[::1]:8080")));
        QVERIFY(!ApiClient::isPlainRemote(QUrl("https://hall.example:8443")));
        QVERIFY(ApiClient::isPlainRemote(QUrl("http://hall.example:8080")));
        QVERIFY(ApiClient::isPlainRemote(QUrl("http://192.0.2.10:8080")));

        // A listener on this PC's other address stands for a remote server: it must see nothing.
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::AnyIPv4));
        const QString lan = [] {
            for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
                if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback())
                    return a.toString();
            }
            return QString();
        }();
        if (lan.isEmpty())
            QSKIP("this machine has no address but loopback");
        ApiClient api;
        api.setMaxRetries(0);
        api.setBaseUrl(QUrl(QStringLiteral("http://%1:%2").arg(lan).arg(listener.serverPort())));
        std::optional<ApiResponse> answer;
        api.get("/health", [&](const ApiResponse &r) { answer = r; });
        QTRY_VERIFY(answer.has_value());
        QCOMPARE(answer->error.kind, ApiError::Kind::Tls);
        QCOMPARE(answer->error.code, QStringLiteral("insecure_transport"));
        QVERIFY(answer->error.userMessage().contains("https://"));
        QTest::qWait(300);
        QVERIFY(!listener.hasPendingConnections());

        // Allowed: the request goes out (and reaches the listener).
        api.setAllowPlainHttp(true);
        answer.reset();
        api.get("/health", [&](const ApiResponse &r) { answer = r; });
        QTRY_VERIFY_WITH_TIMEOUT(listener.hasPendingConnections(), 5000);
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_ApiClient)
#include "tst_apiclient.moc"
