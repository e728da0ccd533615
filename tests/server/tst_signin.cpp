// Sign-in under attack, against a real onewindow-server on SQLite or PostgreSQL
// (ONEWINDOW_TEST_DATABASE): throttling per account and source address, parallel guesses, the
// per-account ceiling, the bound on password hashing, usernames checked before they are logged,
// log lines that stay one line, and the sessions' absolute lifetime.
#include "serverprocess.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <latch>
#include <thread>
#include <vector>

namespace {

const QString kApi = QStringLiteral("/api/v1");

QString api(const QString &path) { return kApi + path; }

QByteArray signInBody(const QString &username, const QString &password)
{
    return toJson({{"username", username}, {"password", password}});
}

// One HTTP exchange from `source`, another loopback address than the server's 127.0.0.1, as
// another computer of the hall would be.
ApiReply exchangeFrom(const QString &baseUrl, const QString &source, const QByteArray &method, const QString &path,
                      const QByteArray &body)
{
    ApiReply reply;
    const QUrl url(baseUrl);
    QTcpSocket socket;
    if (!socket.bind(QHostAddress(source))) {
        reply.networkError = socket.errorString();
        return reply;
    }
    socket.connectToHost(QHostAddress(url.host()), static_cast<quint16>(url.port()));
    if (!socket.waitForConnected(30000)) {
        reply.networkError = socket.errorString();
        return reply;
    }
    QByteArray request = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: " + url.authority().toUtf8()
                         + "\r\nConnection: close\r\n";
    if (!body.isEmpty())
        request += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    socket.write(request + "\r\n" + body);
    QByteArray raw;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(60000))
        raw += socket.readAll();
    raw += socket.readAll();
    const qsizetype headEnd = raw.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        reply.networkError = QStringLiteral("no complete answer");
        return reply;
    }
    const QList<QByteArray> lines = raw.left(headEnd).split('\n');
    reply.status = lines.value(0).split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            reply.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    reply.body = raw.mid(headEnd + 4);
    reply.json = QJsonDocument::fromJson(reply.body);
    return reply;
}

ApiReply signInFrom(const ServerProcess &server, const QString &source, const QString &username,
                    const QString &password)
{
    return exchangeFrom(server.baseUrl(), source, "POST", api("/sessions"), signInBody(username, password));
}

QString codeOf(const ApiReply &reply) { return reply.object().value("code").toString(); }

} // namespace

class tst_SignIn : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestDatabase m_db;
    ServerProcess m_server;
    SignedInUsers m_users{m_server};

    // The trail's entries (newest first) as the auditor finds them.
    QJsonArray auditEntries(const QString &query)
    {
        const ApiReply r = m_users.as("auditor").get(api("/audit?limit=200&") + query);
        if (r.status != 200)
            qFatal("GET /audit?%s: %d %s", qPrintable(query), r.status, r.body.constData());
        return r.object().value("items").toArray();
    }

    static bool writeConfig(const QString &path, const QByteArray &settings)
    {
        QFile config(path);
        return config.open(QIODevice::WriteOnly) && config.write(settings) == settings.size();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_db = TestDatabase::forSuite(m_dir.path(), &error);
        QVERIFY2(!m_db.url().isEmpty(), qPrintable(error));
        // Delays of ten minutes: what a test sees never depends on how fast it runs.
        const QString config = m_dir.filePath("server.properties");
        QVERIFY(writeConfig(config, "signIn.freeAttempts = 3\nsignIn.delaySeconds = 600\n"
                                    "signIn.sourceFreeAttempts = 5\nsignIn.accountCeiling = 6\n"));
        QVERIFY2(m_server.start({"--database", m_db.url(), "--demo", "--today", "2026-11-27", "--config", config,
                                 "--log-file", m_dir.filePath("server.log")},
                                &error),
                 qPrintable(error));
        qInfo("server %s on %s", qPrintable(m_server.baseUrl()), qPrintable(m_db.name()));
    }

    // Forty wrong passwords for one account from one address at once: three are checked, the
    // others refused before their password is looked at. The clerk at their own counter (another
    // address) signs in all the same; the right password from the guessing address is refused.
    void parallelGuessesAreCountedBeforeTheyAreChecked()
    {
        constexpr int guesses = 40;
        std::vector<ApiReply> replies(guesses);
        std::latch start(guesses);
        std::vector<std::thread> threads;
        for (int i = 0; i < guesses; ++i) {
            threads.emplace_back([&, i] {
                start.arrive_and_wait();
                replies[static_cast<std::size_t>(i)] =
                    signInFrom(m_server, "127.0.0.2", "clerk2", QStringLiteral("guess-%1").arg(i));
            });
        }
        for (auto &t : threads)
            t.join();
        int checked = 0, refused = 0;
        for (const ApiReply &r : replies) {
            QVERIFY2(r.networkError.isEmpty(), qPrintable(r.networkError));
            if (r.status == 401) {
                ++checked;
            } else {
                QCOMPARE(r.status, 429);
                QCOMPARE(codeOf(r), QStringLiteral("too_many_attempts"));
                const int retryAfter = r.header("retry-after").toInt();
                QVERIFY2(retryAfter > 0 && retryAfter <= 600, r.header("retry-after").constData());
                QVERIFY(r.object().value("detail").toString().startsWith("Too many failed sign-ins from this computer. Wait "));
                ++refused;
            }
        }
        QCOMPARE(checked, 3);
        QCOMPARE(refused, guesses - 3);

        // Each password checked and found wrong is in the trail; the throttle once.
        QCOMPARE(auditEntries("actor=clerk2&action=sign_in_failed").size(), 3);
        const QJsonArray throttled = auditEntries("actor=clerk2&action=sign_in_throttled");
        QCOMPARE(throttled.size(), 1);
        QVERIFY2(throttled[0].toObject().value("detail").toString().startsWith(
                     "sign-in from 127.0.0.2 refused: 3 failed attempts to this account from there; the next one in "),
                 qPrintable(throttled[0].toObject().value("detail").toString()));

        // The right password from there waits too: guessing on gains nothing.
        QCOMPARE(signInFrom(m_server, "127.0.0.2", "clerk2", "OneWindow-demo-1").status, 429);
        // The clerk at their own counter is not locked out.
        HttpClient clerk(m_server.baseUrl());
        QCOMPARE(clerk.signIn("clerk2").status, 201);
    }

    // Password spraying: a few guesses for each of many accounts from one address; past
    // signIn.sourceFreeAttempts, that address waits whichever account it tries.
    void sprayingFromOneAddressIsSlowed()
    {
        for (const QString user : {"clerk1", "agent1", "approver-hf", "supervisor1", "approver-tx"})
            QCOMPARE(signInFrom(m_server, "127.0.0.3", user, "Spring2026!").status, 401);
        const ApiReply r = signInFrom(m_server, "127.0.0.3", "approver-ps", "Spring2026!");
        QCOMPARE(r.status, 429);
        QCOMPARE(codeOf(r), QStringLiteral("too_many_attempts"));
        QVERIFY(r.header("retry-after").toInt() > 0);
        // Unknown names count towards it as well, and are kept out of the trail.
        QCOMPARE(signInFrom(m_server, "127.0.0.3", "nobody-at-all", "Spring2026!").status, 429);
        for (const auto &e : auditEntries("action=sign_in_failed"))
            QVERIFY(!e.toObject().value("detail").toString().contains("nobody-at-all"));
        // Elsewhere, the same accounts sign in.
        HttpClient clerk(m_server.baseUrl());
        QCOMPARE(clerk.signIn("clerk1").status, 201);
    }

    // Failures to one account from several addresses add up to a ceiling that locks it, audited;
    // a password reset lifts the lock.
    void accountCeilingLocksFromEverywhere()
    {
        for (const QString source : {"127.0.0.4", "127.0.0.5"}) {
            for (int i = 0; i < 3; ++i)
                QCOMPARE(signInFrom(m_server, source, "approver-mr", QStringLiteral("guess-%1").arg(i)).status, 401);
        }
        HttpClient approver(m_server.baseUrl());
        ApiReply r = approver.signIn("approver-mr");
        QCOMPARE(r.status, 429);
        QCOMPARE(codeOf(r), QStringLiteral("account_locked"));
        QVERIFY(r.header("retry-after").toInt() > 0);
        QVERIFY(r.object().value("detail").toString().contains("security administrator"));
        const QJsonArray locked = auditEntries("actor=approver-mr&action=account_locked");
        QCOMPARE(locked.size(), 1);
        QVERIFY(locked[0].toObject().value("detail").toString().startsWith("6 failed sign-ins within 60 minutes"));

        r = m_users.as("secadmin").post(api("/users/approver-mr/password-reset"), "{}");
        QCOMPARE(r.status, 200);
        r = approver.signIn("approver-mr", r.object().value("oneTimePassword").toString());
        QCOMPARE(r.status, 201);
        QVERIFY(r.object().value("user").toObject().value("mustChangePassword").toBool());
    }

    // A username is at most 64 characters without control characters, checked before anything
    // is logged or stored.
    void usernamesAreCheckedFirst()
    {
        HttpClient client(m_server.baseUrl());
        ApiReply r = client.post(api("/sessions"), signInBody(QString(65, 'a'), "whatever"));
        QCOMPARE(r.status, 400);
        QCOMPARE(codeOf(r), QStringLiteral("username_invalid"));
        QVERIFY(r.object().value("detail").toString().contains("64"));
        r = client.post(api("/sessions"), signInBody(QString(64, QChar(0x5F20)), "whatever"));
        QCOMPARE(r.status, 401);
        r = client.post(api("/sessions"), signInBody("clerk1\n2026-11-27T09:00:00 INFO forged", "whatever"));
        QCOMPARE(r.status, 400);
        QCOMPARE(codeOf(r), QStringLiteral("username_invalid"));
        r = client.post(api("/sessions"), signInBody(QString(1000000, 'x'), "whatever"));
        QCOMPARE(r.status, 400);
    }

    // What a client sends never breaks a log line in two, nor reaches it at length; an unknown
    // username (perhaps a password in the wrong field) is not logged at all.
    void logLinesStayOneLine()
    {
        // Raw requests: the paths go to the server exactly as written here.
        ApiReply r = exchangeFrom(m_server.baseUrl(), "127.0.0.1", "GET",
                                  api("/nothing%0A2026-11-27T09:00:00%20INFO%20forged-path"), {});
        QCOMPARE(r.status, 404);
        r = exchangeFrom(m_server.baseUrl(), "127.0.0.1", "GET", api("/") + QString(5000, 'p'), {});
        QCOMPARE(r.status, 404);
        HttpClient client(m_server.baseUrl());
        QCOMPARE(client.post(api("/sessions"), signInBody("clerk1\rforged-name", "x")).status, 400);
        QCOMPARE(client.signIn("Not-A-Name-But-A-Password-7", "x").status, 401);
        // The server writes every queued line before it exits.
        QCOMPARE(m_server.stop(), 0);

        QFile log(m_dir.filePath("server.log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray text = log.readAll();
        QVERIFY(!text.contains("forged-name"));
        QVERIFY(!text.contains("Not-A-Name-But-A-Password-7"));
        const QRegularExpression lineStart(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"));
        bool pathLine = false, longPathLine = false;
        for (const QByteArray &line : text.split('\n')) {
            QVERIFY2(line.isEmpty() || lineStart.match(QString::fromUtf8(line)).hasMatch(), line.constData());
            if (line.contains(" GET /api/v1/nothing\\n2026-11-27T09:00:00 INFO forged-path 404 "))
                pathLine = true;
            if (line.contains(" GET /api/v1/" + QByteArray(192, 'p') + "… 404 ")) {
                longPathLine = true;
                QVERIFY(line.size() < 400);
            }
        }
        QVERIFY(pathLine);
        QVERIFY(longPathLine);
        QVERIFY(text.contains("failed sign-in for an unknown username from 127.0.0.1"));
    }

    // Too many passwords being checked at once: the sign-in waits its turn briefly, then gets
    // 503 with Retry-After; an unknown name waits for the same turn as a known one.
    void passwordHashingIsBounded()
    {
        QTemporaryDir dir;
        QString error;
        const TestDatabase db = TestDatabase::create(m_db.kind(), dir.path(), &error);
        QVERIFY2(!db.url().isEmpty(), qPrintable(error));
        const QString config = dir.filePath("server.properties");
        QVERIFY(writeConfig(config, "signIn.concurrentHashing = 0\nsignIn.hashingWaitMillis = 50\n"));
        ServerProcess server;
        QVERIFY2(server.start({"--database", db.url(), "--demo", "--today", "2026-11-27", "--config", config}, &error),
                 qPrintable(error));
        HttpClient client(server.baseUrl());
        for (const QString user : {"clerk1", "nobody-at-all"}) {
            const ApiReply r = client.signIn(user);
            QCOMPARE(r.status, 503);
            QCOMPARE(codeOf(r), QStringLiteral("sign_in_busy"));
            QCOMPARE(r.header("retry-after"), QByteArray("2"));
            QVERIFY(r.object().value("detail").toString().contains("Try again"));
        }
        // Not counted as failures: more of them than the free attempts are still not throttled.
        for (int i = 0; i < 4; ++i)
            QCOMPARE(client.signIn("clerk1").status, 503);
        QCOMPARE(server.stop(), 0);
    }

    // A session ends 12 hours after its sign-in however much it is used (idle sessions end
    // sooner); the jobs then purge it. Tomorrow is pretended with --today on the same database.
    void sessionsHaveAnAbsoluteLifetime()
    {
        QTemporaryDir dir;
        QString error;
        const TestDatabase db = TestDatabase::create(m_db.kind(), dir.path(), &error);
        QVERIFY2(!db.url().isEmpty(), qPrintable(error));
        const QString config = dir.filePath("server.properties");
        // Idle for two days would be fine: only the lifetime ends the session.
        QVERIFY(writeConfig(config, "session.idleSeconds = 172800\njobs.intervalSeconds = 0\n"));
        ServerProcess today;
        QVERIFY2(today.start({"--database", db.url(), "--demo", "--today", "2026-11-27", "--config", config}, &error),
                 qPrintable(error));
        HttpClient clerk(today.baseUrl());
        QCOMPARE(clerk.signIn("clerk1").status, 201);
        QCOMPARE(clerk.get(api("/me")).status, 200);
        const QString token = clerk.token();
        QCOMPARE(today.stop(), 0);

        ServerProcess tomorrow;
        QVERIFY2(tomorrow.start({"--database", db.url(), "--demo", "--today", "2026-11-28", "--config", config}, &error),
                 qPrintable(error));
        HttpClient yesterdays(tomorrow.baseUrl());
        yesterdays.setToken(token);
        ApiReply r = yesterdays.get(api("/me"));
        QCOMPARE(r.status, 401);
        QVERIFY2(r.object().value("detail").toString().contains("12 hours, the longest allowed"), r.body.constData());
        HttpClient fresh(tomorrow.baseUrl());
        QCOMPARE(fresh.signIn("clerk1").status, 201);
        QCOMPARE(fresh.get(api("/me")).status, 200);

        HttpClient admin(tomorrow.baseUrl());
        QCOMPARE(admin.signIn("admin").status, 201);
        QCOMPARE(admin.post(api("/jobs/run"), "{}").status, 200);
        // Its row is gone: the token is now unknown, while today's session goes on.
        r = yesterdays.get(api("/me"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.object().value("detail").toString(), QStringLiteral("The session is not valid; sign in again."));
        QCOMPARE(fresh.get(api("/me")).status, 200);
        QCOMPARE(tomorrow.stop(), 0);
    }

    void cleanupTestCase()
    {
        if (m_server.isRunning())
            QCOMPARE(m_server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_SignIn)
#include "tst_signin.moc"
