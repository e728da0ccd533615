// Signing in on this PC without the server: a clerk or agent who signed in online before gets an
// offline session while the verifier is fresh; a wrong password, an unknown user, an expired
// verifier and the server's other roles are refused; the store never holds the password, and
// forgets the verifier when the server asks for a new password.
#include "apisignin.h"
#include "awaitanswer.h"
#include "serverprocess.h"

#include "models/apiclient.h"
#include "models/localstore.h"
#include "models/offlinecredentials.h"
#include "models/serverclock.h"
#include "models/session.h"

#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow::models;

class tst_OfflineCredentials : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    LocalStore m_store;

    using Refusal = OfflineCredentials::Refusal;

    Refusal verify(OfflineCredentials &credentials, const QString &user, const QString &password, const QDateTime &at)
    {
        return awaitAnswer<Refusal>([&](auto done) {
            credentials.verify(user, password, at, 7, [done](Refusal r, const UserInfo &) { done(r); });
        });
    }

    // A URL where nothing listens: the server out of reach.
    static QUrl unreachable()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost);
        const quint16 port = probe.serverPort();
        probe.close();
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.startDemo(m_dir.path(), &error), qPrintable(error));
        bool opened = false;
        m_store.open(m_dir.filePath("client.sqlite"), this, [&](const QString &e) { opened = e.isEmpty(); });
        QTRY_VERIFY(opened);
    }

    void verifier()
    {
        OfflineCredentials credentials(&m_store);
        const QDateTime now(QDate(2026, 11, 27), QTime(9, 0));
        const UserInfo agent{"agent1", QStringLiteral("李晓梅"), "agent", "SZ-V01", {}};
        awaitAnswer<bool>([&](auto done) { credentials.remember(agent, "OneWindow-demo-1", now, [done] { done(true); }); });
        QCOMPARE(verify(credentials, "agent1", "OneWindow-demo-1", now.addDays(1)), Refusal::None);
        QCOMPARE(verify(credentials, "AGENT1", "OneWindow-demo-1", now.addDays(7)), Refusal::None);
        QCOMPARE(verify(credentials, "agent1", "OneWindow-demo-2", now.addDays(1)), Refusal::WrongPassword);
        QCOMPARE(verify(credentials, "agent1", "OneWindow-demo-1", now.addDays(8)), Refusal::Expired);
        QCOMPARE(verify(credentials, "agent2", "OneWindow-demo-1", now), Refusal::Unknown);
        // An approver's work needs the server: nothing is kept for them.
        awaitAnswer<bool>([&](auto done) {
            credentials.remember({"approver-hf", "", "approver", {}, "HF"}, "OneWindow-demo-1", now, [done] { done(true); });
        });
        QCOMPARE(verify(credentials, "approver-hf", "OneWindow-demo-1", now), Refusal::Unknown);
        // What is kept is no password.
        m_store.flush();
        QFile file(m_dir.filePath("client.sqlite"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("OneWindow-demo-1"));
        QFile wal(m_dir.filePath("client.sqlite-wal"));
        if (wal.open(QIODevice::ReadOnly))
            QVERIFY(!wal.readAll().contains("OneWindow-demo-1"));
    }

    // The session: online first (the verifier kept), then with the server out of reach.
    void offlineSession()
    {
        ApiClient api;
        api.setBaseUrl(QUrl(m_server.baseUrl()));
        api.setMaxRetries(0);
        OfflineCredentials credentials(&m_store);
        Session session(&api);
        session.setOfflineCredentials(&credentials, 7);
        ApiError error = awaitAnswer<ApiError>([&](auto done) {
            session.signIn("agent1", "OneWindow-demo-1", [done](const ApiError &e) { done(e); });
        });
        QVERIFY(!error.isError());
        QVERIFY(!session.isOffline());
        // The verifier is written off the GUI thread after the answer.
        QTRY_COMPARE(verify(credentials, "agent1", "OneWindow-demo-1", ServerClock::pcNow()), Refusal::None);
        session.signOut();

        api.setBaseUrl(unreachable());
        error = awaitAnswer<ApiError>([&](auto done) {
            session.signIn("agent1", "OneWindow-demo-1", [done](const ApiError &e) { done(e); });
        });
        QVERIFY2(!error.isError(), qPrintable(error.userMessage()));
        QVERIFY(session.isSignedIn());
        QVERIFY(session.isOffline());
        QCOMPARE(session.user().center, QStringLiteral("SZ-V01"));
        QCOMPARE(session.user().role, QStringLiteral("agent"));
        session.signOut();
        QVERIFY(!session.isOffline());

        error = awaitAnswer<ApiError>([&](auto done) {
            session.signIn("agent1", "wrong-password-1", [done](const ApiError &e) { done(e); });
        });
        QCOMPARE(error.kind, ApiError::Kind::OfflineRefused);
        QCOMPARE(error.code, QStringLiteral("offline_wrong_password"));
        QVERIFY(!session.isSignedIn());
        error = awaitAnswer<ApiError>([&](auto done) {
            session.signIn("clerk2", "OneWindow-demo-1", [done](const ApiError &e) { done(e); });
        });
        QCOMPARE(error.code, QStringLiteral("offline_unknown"));
        QVERIFY(error.userMessage().contains("not signed in on this PC before"));
    }

    // A reset password: the old one no longer opens this PC offline, the one-time one never
    // does, the one the user chooses does.
    void aResetPasswordIsForgotten()
    {
        ApiClient api;
        api.setBaseUrl(QUrl(m_server.baseUrl()));
        api.setMaxRetries(0);
        OfflineCredentials credentials(&m_store);
        Session session(&api);
        session.setOfflineCredentials(&credentials, 7);
        const auto signIn = [&](const QString &user, const QString &password) {
            return awaitAnswer<ApiError>([&](auto done) {
                session.signIn(user, password, [done](const ApiError &e) { done(e); });
            });
        };
        QVERIFY(!signIn("agent2", "OneWindow-demo-1").isError());
        QTRY_COMPARE(verify(credentials, "agent2", "OneWindow-demo-1", ServerClock::pcNow()), Refusal::None);
        session.signOut();

        HttpClient secadmin(m_server.baseUrl());
        QCOMPARE(secadmin.signIn("secadmin").status, 201);
        const ApiReply reset = secadmin.post("/api/v1/users/agent2/password-reset", "{}");
        QCOMPARE(reset.status, 200);
        const QString oneTime = reset.object().value("oneTimePassword").toString();

        QVERIFY(!signIn("agent2", oneTime).isError());
        QVERIFY(session.user().mustChangePassword);
        QTRY_COMPARE(verify(credentials, "agent2", "OneWindow-demo-1", ServerClock::pcNow()), Refusal::Unknown);
        QCOMPARE(verify(credentials, "agent2", oneTime, ServerClock::pcNow()), Refusal::Unknown);
        const ApiError changed = awaitAnswer<ApiError>([&](auto done) {
            session.changePassword(oneTime, "Village-Agent-2026", [done](const ApiError &e) { done(e); });
        });
        QVERIFY2(!changed.isError(), qPrintable(changed.userMessage()));
        QVERIFY(!session.user().mustChangePassword);
        QTRY_COMPARE(verify(credentials, "agent2", "Village-Agent-2026", ServerClock::pcNow()), Refusal::None);
        session.signOut();
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_OfflineCredentials)
#include "tst_offlinecredentials.moc"
