// Real users, over real HTTP on SQLite or PostgreSQL (ONEWINDOW_TEST_DATABASE): the security
// administrator alone keeps the accounts (every other role is answered 404), nobody changes their
// own; a new user or a reset password is a one-time password that must be changed before
// anything else (403 password_change_required); the password rules, the history and the expiry;
// a disabled user is out at once; every sign-in, failed sign-in and account change is in the
// trail, which the auditor searches. Last, an installation begun without demo data:
// `--create-admin` on an empty database. Every exchange is recorded for the OpenAPI check.
#include "serverprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

namespace {

QString api(const QString &path) { return QStringLiteral("/api/v1") + path; }

QString code(const ApiReply &r) { return r.object().value("code").toString(); }

QStringList valuesOf(const QJsonArray &array, const QString &key)
{
    QStringList out;
    for (const auto &v : array)
        out << v.toObject().value(key).toString();
    return out;
}

const QString kDemoPassword = QStringLiteral("OneWindow-demo-1");

} // namespace

class tst_Users : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestDatabase m_db;
    ServerProcess m_server;
    SignedInUsers m_users{m_server};
    QString m_oneTime; ///< clerk9's one-time password

    HttpClient &as(const QString &username) { return m_users.as(username); }

    ApiReply createUser(const QJsonObject &body) { return as("secadmin").post(api("/users"), toJson(body)); }

    ApiReply changePassword(HttpClient &client, const QString &oldPassword, const QString &newPassword)
    {
        return client.post(api("/me/password"), toJson({{"oldPassword", oldPassword}, {"newPassword", newPassword}}));
    }

    /// The trail as the auditor searches it (`query` without the leading '?'), every page.
    QJsonArray auditEntries(const QString &query)
    {
        QJsonArray out;
        QString cursor;
        do {
            QString path = api("/audit?limit=50&") + query;
            if (!cursor.isEmpty())
                path += "&cursor=" + QString::fromUtf8(QUrl::toPercentEncoding(cursor));
            const ApiReply r = as("auditor").get(path);
            if (r.status != 200)
                qFatal("GET %s: %d %s", qPrintable(path), r.status, r.body.constData());
            for (const auto &item : r.object().value("items").toArray())
                out.append(item);
            cursor = r.object().value("nextCursor").toString();
        } while (!cursor.isEmpty());
        return out;
    }

    /// A fresh client signed in as `username`.
    std::unique_ptr<HttpClient> signedIn(const QString &username, const QString &password, int expected = 201)
    {
        auto client = std::make_unique<HttpClient>(m_server.baseUrl());
        const ApiReply r = client->signIn(username, password);
        if (r.status != expected)
            qFatal("sign-in of %s: %d %s", qPrintable(username), r.status, r.body.constData());
        return client;
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_db = TestDatabase::forSuite(m_dir.path(), &error);
        QVERIFY2(!m_db.url().isEmpty(), qPrintable(error));
        QVERIFY2(m_server.start({"--database", m_db.url(), "--demo", "--today", "2026-11-27"}, &error),
                 qPrintable(error));
    }

    // Users are the security administrator's, and only theirs; the security administrator sees
    // no case, no catalog edit, no audit trail.
    void separationOfDuties()
    {
        for (const QString user : {"clerk1", "agent1", "approver-hf", "supervisor1", "admin", "auditor"}) {
            QCOMPARE(as(user).get(api("/users")).status, 404);
            QCOMPARE(as(user).get(api("/users/clerk2")).status, 404);
            QCOMPARE(as(user).post(api("/users"), toJson({{"username", "intruder"}, {"displayName", "x"},
                                                          {"role", "admin"}})).status,
                     404);
            QCOMPARE(as(user).send("PATCH", api("/users/") + user, toJson({{"role", "security_admin"}}), {}).status, 404);
            QCOMPARE(as(user).post(api("/users/clerk2/password-reset"), "{}").status, 404);
        }
        for (const QString user : {"clerk1", "admin", "secadmin"}) {
            QCOMPARE(as(user).get(api("/audit")).status, 404);
            QCOMPARE(as(user).get(api("/audit/verify")).status, 404);
        }
        QCOMPARE(as("secadmin").get(api("/cases")).status, 404);
        QCOMPARE(as("secadmin").get(api("/users")).status, 200);
        QCOMPARE(as("auditor").get(api("/audit")).status, 200);
        // Nobody gives themselves a role; not even the security administrator.
        const ApiReply own = as("secadmin").send("PATCH", api("/users/secadmin"), toJson({{"role", "admin"}}), {});
        QCOMPARE(own.status, 403);
        QCOMPARE(code(own), QStringLiteral("own_account"));
        QCOMPARE(code(as("secadmin").post(api("/users/secadmin/password-reset"), "{}")), QStringLiteral("own_account"));
        QCOMPARE(as("secadmin").get(api("/me")).object().value("role").toString(), QStringLiteral("security_admin"));
    }

    void createAUser()
    {
        // What an account must be, every rule at once.
        ApiReply r = createUser({{"username", "9clerk"}, {"role", "system"}, {"phone", "12345"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(fieldCodes(r), QStringList({"username:invalid", "displayName:required", "role:invalid", "phone:invalid"}));
        r = createUser({{"username", "clerk9"}, {"displayName", "周敏"}, {"role", "clerk"}});
        QCOMPARE(fieldCodes(r), QStringList({"center:required"}));
        r = createUser({{"username", "clerk9"}, {"displayName", "周敏"}, {"role", "approver"}, {"center", "SZ"}});
        QCOMPARE(fieldCodes(r), QStringList({"center:invalid", "department:required"}));
        r = createUser({{"username", "clerk9"}, {"displayName", "周敏"}, {"role", "clerk"}, {"center", "XX"}});
        QCOMPARE(fieldCodes(r), QStringList({"center:unknown"}));

        r = createUser({{"username", "clerk9"}, {"displayName", "周敏"}, {"role", "clerk"}, {"center", "SZ"},
                        {"phone", "13912345678"}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.header("cache-control"), QByteArray("no-store"));
        m_oneTime = r.object().value("oneTimePassword").toString();
        QVERIFY(m_oneTime.size() >= 16);
        const QJsonObject user = r.object().value("user").toObject();
        QCOMPARE(user.value("username").toString(), QStringLiteral("clerk9"));
        QCOMPARE(user.value("center").toString(), QStringLiteral("SZ"));
        QVERIFY(user.value("department").isNull());
        QVERIFY(user.value("mustChangePassword").toBool());
        QVERIFY(!user.value("disabled").toBool());

        // Once only: a second time is a clear conflict, the first one-time password stays.
        r = createUser({{"username", "clerk9"}, {"displayName", "周敏"}, {"role", "clerk"}, {"center", "SZ"}});
        QCOMPARE(r.status, 409);
        QCOMPARE(code(r), QStringLiteral("user_exists"));
    }

    void listTheUsers()
    {
        QStringList clerks = valuesOf(as("secadmin").get(api("/users?role=clerk")).object().value("items").toArray(), "username");
        QCOMPARE(clerks, QStringList({"clerk-tl", "clerk1", "clerk2", "clerk9"}));
        QCOMPARE(valuesOf(as("secadmin").get(api("/users?center=SZ-V01")).object().value("items").toArray(), "username"),
                 QStringList({"agent1"}));
        const QString byName = api("/users?q=") + QString::fromUtf8(QUrl::toPercentEncoding(QStringLiteral("周敏")));
        QCOMPARE(valuesOf(as("secadmin").get(byName).object().value("items").toArray(), "username"), QStringList({"clerk9"}));
        QCOMPARE(fieldCodes(as("secadmin").get(api("/users?role=system"))), QStringList({"role:invalid"}));

        // Page by page, in username order, each once.
        QStringList all;
        QString cursor;
        int pages = 0;
        do {
            QString path = api("/users?limit=4");
            if (!cursor.isEmpty())
                path += "&cursor=" + QString::fromUtf8(QUrl::toPercentEncoding(cursor));
            const ApiReply page = as("secadmin").get(path);
            QCOMPARE(page.status, 200);
            all << valuesOf(page.object().value("items").toArray(), "username");
            cursor = page.object().value("nextCursor").toString();
            ++pages;
        } while (!cursor.isEmpty());
        QCOMPARE(all.size(), 18);
        QStringList sorted = all;
        sorted.sort();
        QCOMPARE(all, sorted);
        QCOMPARE(QSet<QString>(all.begin(), all.end()).size(), all.size());
        QCOMPARE(pages, 5);
        QCOMPARE(as("secadmin").get(api("/users/clerk9")).object().value("displayName").toString(), QStringLiteral("周敏"));
        QCOMPARE(as("secadmin").get(api("/users/nobody")).status, 404);
    }

    // Signed in with the one-time password, the user can do nothing but change it, by the rules.
    void oneTimePasswordMustBeChanged()
    {
        auto clerk = signedIn("clerk9", m_oneTime);
        ApiReply r = clerk->get(api("/me"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.object().value("mustChangePassword").toBool());
        QCOMPARE(r.object().value("passwordRules").toObject(),
                 QJsonObject({{"minLength", 10}, {"history", 5}, {"maxAgeDays", 90}}));
        r = clerk->get(api("/cases"));
        QCOMPARE(r.status, 403);
        QCOMPARE(code(r), QStringLiteral("password_change_required"));
        QCOMPARE(code(clerk->get(api("/matters"))), QStringLiteral("password_change_required"));

        QCOMPARE(fieldCodes(changePassword(*clerk, m_oneTime, "Short-1")), QStringList({"newPassword:too_short"}));
        QCOMPARE(fieldCodes(changePassword(*clerk, m_oneTime, "onlysmallletters")), QStringList({"newPassword:too_simple"}));
        QCOMPARE(fieldCodes(changePassword(*clerk, m_oneTime, "my-Clerk9-password")),
                 QStringList({"newPassword:contains_username"}));
        QCOMPARE(fieldCodes(changePassword(*clerk, "not-my-password-1A", "Counter-Window-2026")),
                 QStringList({"oldPassword:wrong_password"}));
        QCOMPARE(fieldCodes(changePassword(*clerk, "", "")), QStringList({"oldPassword:required", "newPassword:required"}));
        // The one-time password itself is one of the last ones.
        QCOMPARE(fieldCodes(changePassword(*clerk, m_oneTime, m_oneTime)), QStringList({"newPassword:reused"}));

        QCOMPARE(changePassword(*clerk, m_oneTime, "Counter-Window-2026").status, 204);
        QCOMPARE(clerk->get(api("/cases")).status, 200);
        QVERIFY(!clerk->get(api("/me")).object().value("mustChangePassword").toBool());
        // The one-time password is spent.
        signedIn("clerk9", m_oneTime, 401);

        // None of the last five again.
        QCOMPARE(changePassword(*clerk, "Counter-Window-2026", "Second-Window-2026").status, 204);
        QCOMPARE(fieldCodes(changePassword(*clerk, "Second-Window-2026", "Counter-Window-2026")),
                 QStringList({"newPassword:reused"}));
        QCOMPARE(fieldCodes(changePassword(*clerk, "Second-Window-2026", "Second-Window-2026")),
                 QStringList({"newPassword:reused"}));
        // Another session of the user ends with the change; this one goes on.
        auto other = signedIn("clerk9", "Second-Window-2026");
        QCOMPARE(changePassword(*clerk, "Second-Window-2026", "Third-Window-2026").status, 204);
        QCOMPARE(other->get(api("/me")).status, 401);
        QCOMPARE(clerk->get(api("/me")).status, 200);
    }

    // A reset hands out a new one-time password and ends the user's sessions; a disabled user is
    // out at once; a role changed holds at the next request.
    void resetDisableAndChange()
    {
        auto clerk2 = signedIn("clerk2", kDemoPassword);
        ApiReply r = as("secadmin").post(api("/users/clerk2/password-reset"), "{}");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("cache-control"), QByteArray("no-store"));
        const QString reset = r.object().value("oneTimePassword").toString();
        QVERIFY(reset.size() >= 16);
        QCOMPARE(clerk2->get(api("/me")).status, 401);
        signedIn("clerk2", kDemoPassword, 401);
        clerk2 = signedIn("clerk2", reset);
        QCOMPARE(code(clerk2->get(api("/cases"))), QStringLiteral("password_change_required"));
        QCOMPARE(changePassword(*clerk2, reset, "Clerk-Two-Window-1").status, 204);
        QCOMPARE(clerk2->get(api("/cases")).status, 200);

        r = as("secadmin").send("PATCH", api("/users/clerk2"), toJson({{"role", "supervisor"}}), {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("role").toString(), QStringLiteral("supervisor"));
        QCOMPARE(clerk2->get(api("/me")).object().value("role").toString(), QStringLiteral("supervisor"));
        QCOMPARE(fieldCodes(as("secadmin").send("PATCH", api("/users/clerk2"),
                                                toJson({{"role", "approver"}, {"disabled", "yes"}}), {})),
                 QStringList({"disabled:invalid", "center:invalid", "department:required"}));

        r = as("secadmin").send("PATCH", api("/users/clerk2"), toJson({{"disabled", true}}), {});
        QCOMPARE(r.status, 200);
        QVERIFY(r.object().value("disabled").toBool());
        QCOMPARE(clerk2->get(api("/me")).status, 401);
        signedIn("clerk2", "Clerk-Two-Window-1", 401);
        QCOMPARE(as("secadmin").send("PATCH", api("/users/nobody"), toJson({{"disabled", true}}), {}).status, 404);
        QCOMPARE(as("secadmin").post(api("/users/nobody/password-reset"), "{}").status, 404);
    }

    // Sign-ins, failed ones and account changes, in the trail the auditor searches; every chain holds.
    void theAuditorSeesItAll()
    {
        signedIn("clerk1", "wrong-password-1A", 401);
        signedIn("ghost", "wrong-password-1A", 401);

        QJsonArray entries = auditEntries("actor=clerk1&action=sign_in_failed");
        QCOMPARE(entries.size(), 1);
        QVERIFY(entries[0].toObject().value("detail").toString().startsWith("sign-in: wrong password, from "));
        QVERIFY(entries[0].toObject().value("caseId").isNull());
        // An unknown name is kept out of the trail: it may be a password typed in the wrong field.
        for (const auto &e : auditEntries("action=sign_in_failed"))
            QVERIFY(!e.toObject().value("detail").toString().contains("ghost") && e.toObject().value("actor").toString() != "ghost");
        entries = auditEntries("actor=clerk2&action=sign_in_failed");
        QVERIFY2(entries.size() == 2, QJsonDocument(entries).toJson().constData());
        QVERIFY(entries[0].toObject().value("detail").toString().startsWith("sign-in: account disabled"));
        QVERIFY(entries[1].toObject().value("detail").toString().startsWith("sign-in: wrong password"));

        entries = auditEntries("actor=secadmin");
        QStringList actions = valuesOf(entries, "action");
        QCOMPARE(actions.count("user_created"), 1);
        QCOMPARE(actions.count("password_reset"), 1);
        QCOMPARE(actions.count("user_changed"), 2);
        entries = auditEntries("action=user_changed");
        QCOMPARE(valuesOf(entries, "detail"),
                 QStringList({"clerk2: disabled; 1 session ended", "clerk2: role clerk → supervisor"}));
        entries = auditEntries("action=user_created");
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0].toObject().value("detail").toString(),
                 QStringLiteral("clerk9 (周敏): clerk at SZ; a one-time password, to be changed at the first sign-in"));
        QCOMPARE(valuesOf(auditEntries("actor=clerk9&action=password_changed"), "detail"),
                 QStringList({"of the other sessions 1 session ended", "of the other sessions no session ended",
                              "the one-time or expired password replaced; of the other sessions no session ended"}));

        // Newest first, keyset-paged; days from and to, both included.
        const QJsonArray all = auditEntries({});
        QVERIFY(all.size() > 20);
        for (int i = 1; i < all.size(); ++i)
            QVERIFY(all[i - 1].toObject().value("seq").toInteger() > all[i].toObject().value("seq").toInteger());
        QCOMPARE(auditEntries("from=2026-11-27&to=2026-11-27").size(), all.size());
        QCOMPARE(auditEntries("from=2026-11-28").size(), 0);
        QCOMPARE(auditEntries("to=2026-11-26").size(), 0);
        QCOMPARE(fieldCodes(as("auditor").get(api("/audit?from=27.11.2026&to=2026-11-26"))), QStringList({"from:invalid"}));
        QCOMPARE(fieldCodes(as("auditor").get(api("/audit?from=2026-11-27&to=2026-11-26"))), QStringList({"to:invalid"}));
        QCOMPARE(fieldCodes(as("auditor").get(api("/audit?cursor=garbage"))), QStringList({"cursor:invalid"}));

        const ApiReply verify = as("auditor").get(api("/audit/verify"));
        QCOMPARE(verify.status, 200);
        QVERIFY(verify.object().value("valid").toBool());
    }

    // A password as old as passwords.maxAgeDays (90 by default) is to be changed at the next
    // sign-in: the same database, 91 days on.
    void anExpiredPasswordIsChangedFirst()
    {
        QCOMPARE(m_server.stop(), 0);
        m_users.clear();
        QString error;
        QVERIFY2(m_server.start({"--database", m_db.url(), "--demo", "--today", "2027-02-26"}, &error), qPrintable(error));
        auto clerk = signedIn("clerk1", kDemoPassword);
        QCOMPARE(code(clerk->get(api("/cases"))), QStringLiteral("password_change_required"));
        QCOMPARE(changePassword(as("auditor"), kDemoPassword, "Trail-Keeper-2027").status, 204);
        QCOMPARE(changePassword(*clerk, kDemoPassword, "Clerk-One-Window-27").status, 204);
        QCOMPARE(clerk->get(api("/cases")).status, 200);
        QCOMPARE(valuesOf(auditEntries("actor=clerk1&action=signed_in&from=2027-02-26"), "detail").size(), 1);
        QVERIFY(valuesOf(auditEntries("actor=clerk1&action=signed_in&from=2027-02-26"), "detail")
                    .first()
                    .endsWith("the password is 90 days old or older: to be changed now"));
    }

    // An installation begun without demo data: `--create-admin` on an empty database.
    void beginWithoutDemoData()
    {
        QString error;
        const TestDatabase empty = TestDatabase::create(m_db.kind(), m_dir.path(), &error);
        QVERIFY2(!empty.url().isEmpty(), qPrintable(error));
        const auto run = [&](const QStringList &arguments, const QByteArray &input = {}) {
            QProcess p;
            const QStringList all = QStringList{"--database", empty.url(), "--today", "2026-11-27"} + arguments;
            p.setProcessEnvironment(ServerProcess::environment(all));
            p.start(ServerProcess::binary(), all);
            p.write(input);
            p.closeWriteChannel();
            if (!p.waitForFinished(60000))
                qFatal("--create-admin hangs");
            return std::pair{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError())};
        };
        auto [status, output] = run({"--create-admin", "9root"});
        QCOMPARE(status, 1);
        QVERIFY2(output.contains("is not a username"), qPrintable(output));
        std::tie(status, output) = run({"--create-admin", "chief", "--password-stdin"}, "weak\n");
        QCOMPARE(status, 1);
        QVERIFY2(output.contains("too_short") && output.contains("too_simple"), qPrintable(output));
        std::tie(status, output) = run({"--create-admin", "chief"});
        QCOMPARE(status, 0);
        const QString marker = QStringLiteral("one-time password: ");
        QVERIFY2(output.contains(marker), qPrintable(output));
        const QString oneTime = output.mid(output.indexOf(marker) + marker.size()).section(' ', 0, 0);
        QVERIFY(oneTime.size() >= 16);
        std::tie(status, output) = run({"--create-admin", "chief"});
        QCOMPARE(status, 1);
        QVERIFY2(output.contains("there is a user 'chief' already"), qPrintable(output));
        std::tie(status, output) = run({"--create-admin", "deputy", "--password-stdin"}, "Hall-Keeper-2026\n");
        QCOMPARE(status, 0);
        QVERIFY2(output.contains("security administrator deputy created") && !output.contains("one-time"), qPrintable(output));

        QCOMPARE(m_server.stop(), 0);
        m_users.clear();
        QVERIFY2(m_server.start({"--database", empty.url(), "--today", "2026-11-27"}, &error), qPrintable(error));
        signedIn("clerk1", kDemoPassword, 401);
        auto chief = signedIn("chief", oneTime);
        QCOMPARE(code(chief->get(api("/users"))), QStringLiteral("password_change_required"));
        QCOMPARE(changePassword(*chief, oneTime, "Head-Of-Security-26").status, 204);
        const ApiReply users = chief->get(api("/users"));
        QCOMPARE(users.status, 200);
        QCOMPARE(valuesOf(users.object().value("items").toArray(), "username"), QStringList({"chief", "deputy"}));
        QCOMPARE(valuesOf(users.object().value("items").toArray(), "role"), QStringList({"security_admin", "security_admin"}));
        auto deputy = signedIn("deputy", "Hall-Keeper-2026");
        QCOMPARE(deputy->get(api("/users")).status, 200);
        QCOMPARE(chief->get(api("/matters")).object().value("items").toArray().size(), 0);
        // The first clerk of the installation, by the first administrator.
        const ApiReply clerk = chief->post(api("/users"), toJson({{"username", "first.clerk"}, {"displayName", "First"},
                                                                 {"role", "auditor"}}));
        QCOMPARE(clerk.status, 201);
    }

    // A database the demo data was loaded into serves without --demo only once no user has the
    // published demo password any more.
    void demoPasswordsOnlyInADemo()
    {
        QCOMPARE(m_server.stop(), 0);
        m_users.clear();
        const QStringList withoutDemo{"--listen", "127.0.0.1:0", "--database", m_db.url(), "--today", "2027-02-26"};
        QProcess refused;
        refused.setProcessEnvironment(ServerProcess::environment(withoutDemo));
        refused.start(ServerProcess::binary(), withoutDemo);
        QVERIFY(refused.waitForFinished(120000));
        QCOMPARE(refused.exitCode(), 78);
        const QString said = QString::fromUtf8(refused.readAllStandardError());
        QVERIFY2(said.contains("still have the published demo password") && said.contains("approver-hf"), qPrintable(said));

        // The security administrator changes their own password and resets everyone else's.
        QString error;
        QVERIFY2(m_server.start({"--database", m_db.url(), "--demo", "--today", "2027-02-26"}, &error), qPrintable(error));
        auto admin = signedIn("secadmin", kDemoPassword);
        QCOMPARE(changePassword(*admin, kDemoPassword, "Keeper-Of-Keys-27").status, 204);
        admin = signedIn("secadmin", "Keeper-Of-Keys-27");
        const ApiReply users = admin->get(api("/users?limit=200"));
        QCOMPARE(users.status, 200);
        for (const QString &username : valuesOf(users.object().value("items").toArray(), "username")) {
            if (username != QLatin1String("secadmin"))
                QCOMPARE(admin->post(api("/users/") + username + "/password-reset", "{}").status, 200);
        }
        QCOMPARE(m_server.stop(), 0);
        QVERIFY2(m_server.start(withoutDemo.mid(2), &error), qPrintable(error));
        signedIn("secadmin", "Keeper-Of-Keys-27");
        // Its log, all of it once it has stopped (the log thread may write after "listening").
        QCOMPARE(m_server.stop(), 0);
        QVERIFY2(m_server.output().contains("no longer a demo"), qPrintable(m_server.output()));
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_Users)
#include "tst_users.moc"
