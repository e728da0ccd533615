#include "models/session.h"
#include "serverprocess.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow::models;

class tst_Session : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.startDemo(m_dir.path(), &error), qPrintable(error));
    }

    void signInOutAndExpiry()
    {
        ApiClient api;
        api.setBaseUrl(QUrl(m_server.baseUrl()));
        Session session(&api);
        QSignalSpy signedIn(&session, &Session::signedIn);
        QSignalSpy reauth(&session, &Session::reauthenticationRequired);
        QSignalSpy signedOut(&session, &Session::signedOut);

        ApiError error;
        bool done = false;
        session.signIn("clerk1", "wrong", [&](const ApiError &e) { error = e; done = true; });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 30000));
        QVERIFY(error.isError());
        QVERIFY(!session.isSignedIn());
        QCOMPARE(signedIn.count(), 0);

        done = false;
        session.signIn("approver-hf", "OneWindow-demo-1", [&](const ApiError &e) { error = e; done = true; });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 30000));
        QVERIFY(!error.isError());
        QVERIFY(session.isSignedIn());
        QCOMPARE(signedIn.count(), 1);
        QCOMPARE(session.user().department, QStringLiteral("HF"));

        // The server ends the session behind the client's back: the next call asks to sign in again.
        ApiClient other;
        other.setBaseUrl(QUrl(m_server.baseUrl()));
        other.setToken(api.token());
        bool removed = false;
        other.remove("/sessions/current", [&](const ApiResponse &) { removed = true; });
        QVERIFY(QTest::qWaitFor([&] { return removed; }, 30000));
        api.get("/me", [](const ApiResponse &) {});
        QTRY_COMPARE_WITH_TIMEOUT(reauth.count(), 1, 30000);
        QVERIFY(!session.isSignedIn());
        QCOMPARE(session.user().username, QStringLiteral("approver-hf")); // kept for signing in again
        QVERIFY(api.token().isEmpty());

        done = false;
        session.signIn("approver-hf", "OneWindow-demo-1", [&](const ApiError &) { done = true; });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 30000));
        session.signOut();
        QCOMPARE(signedOut.count(), 1);
        QVERIFY(!session.isSignedIn());
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_Session)
#include "tst_session.moc"
