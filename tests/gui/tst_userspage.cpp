// Real users, offscreen against a real server: the security administrator creates a clerk in the
// account form and gets the one-time password to hand over; the clerk signs in with it and must
// choose their own first (the policy's refusals said in words at the form); the administrator
// disables the account and resets another's password. The list under QAbstractItemModelTester.
#include "guitest.h"
#include "admin/changepassworddialog.h"
#include "admin/userspage.h"
#include "apisignin.h"
#include "serverprocess.h"

#include "models/apiclient.h"
#include "models/session.h"
#include "models/useradmin.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;

class tst_UsersPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    models::ApiClient m_api;

    int rowOf(models::UserListModel *model, const QString &username)
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data().toString() == username)
                return row;
        }
        return -1;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.startDemo(m_dir.path(), &error), qPrintable(error));
        m_api.setBaseUrl(QUrl(m_server.baseUrl()));
        QVERIFY(signInAndWait(m_api, "secadmin"));
    }

    void createdClerkChangesTheOneTimePassword()
    {
        client::UsersPage page(&m_api);
        page.show();
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(page.model(), &models::ApiListModel::loaded);
        page.refresh();
        QVERIFY(loaded.wait(10000));
        QVERIFY(rowOf(page.model(), "clerk1") >= 0);
        QCOMPARE(unnamedInteractiveWidgets(&page), QStringList());

        // The account form: a clerk works at a centre, and the form says what the server refused.
        auto dialog = page.userDialog({});
        dialog->show();
        auto *centre = byAccessibleName<QComboBox>(dialog.get(), "Centre");
        QTRY_VERIFY_WITH_TIMEOUT(byAccessibleName<QPushButton>(dialog.get(), "Create the user")->isEnabled(), 10000);
        QVERIFY(centre->findData("SZ") >= 0);
        QCOMPARE(unnamedInteractiveWidgets(dialog.get()), QStringList());
        byAccessibleName<QLineEdit>(dialog.get(), "Username")->setText("clerk1");
        byAccessibleName<QLineEdit>(dialog.get(), "Name")->setText(QStringLiteral("周敏"));
        auto *role = byAccessibleName<QComboBox>(dialog.get(), "Role");
        role->setCurrentIndex(role->findData("clerk"));
        centre->setCurrentIndex(centre->findData("SZ"));
        QVERIFY(!byAccessibleName<QComboBox>(dialog.get(), "Department")->isEnabled());
        dialog->submit();
        const auto saysTaken = [&dialog] {
            const QList<QLabel *> labels = dialog->findChildren<QLabel *>();
            return std::any_of(labels.cbegin(), labels.cend(),
                               [](QLabel *l) { return l->text().startsWith("A user with this username"); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(saysTaken(), 10000);
        QVERIFY(dialog->isVisible());
        byAccessibleName<QLineEdit>(dialog.get(), "Username")->setText("clerk9");
        dialog->submit();
        QTRY_VERIFY_WITH_TIMEOUT(!page.lastOneTimePassword().isEmpty(), 10000);
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        const QString oneTime = page.lastOneTimePassword();
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(page.model(), "clerk9") >= 0, 10000);
        QCOMPARE(page.model()->index(rowOf(page.model(), "clerk9"), models::UserListModel::State).data().toString(),
                 QStringLiteral("Active, must change the password"));

        // The clerk signs in with it and chooses their own.
        models::ApiClient clerkApi;
        clerkApi.setBaseUrl(QUrl(m_server.baseUrl()));
        models::Session session(&clerkApi);
        bool signedIn = false;
        session.signIn("clerk9", oneTime, [&](const models::ApiError &e) { signedIn = !e.isError(); });
        QTRY_VERIFY_WITH_TIMEOUT(signedIn, 10000);
        QVERIFY(session.user().mustChangePassword);
        client::ChangePasswordDialog change(&session, true);
        change.show();
        QCOMPARE(unnamedInteractiveWidgets(&change), QStringList());
        auto *error = change.findChild<QLabel *>("changePasswordError");
        const auto attempt = [&](const QString &old, const QString &fresh) {
            byAccessibleName<QLineEdit>(&change, "Current password")->setText(old);
            byAccessibleName<QLineEdit>(&change, "New password")->setText(fresh);
            byAccessibleName<QLineEdit>(&change, "New password again")->setText(fresh);
            byAccessibleName<QPushButton>(&change, "Change password")->click();
        };
        attempt(oneTime, "Short-1");
        QTRY_COMPARE_WITH_TIMEOUT(error->text(), QStringLiteral("Too short: at least 10 characters."), 10000);
        attempt(oneTime, "clerk9-Window-2026");
        QTRY_COMPARE_WITH_TIMEOUT(error->text(), QStringLiteral("The password must not contain the username."), 10000);
        attempt("not-my-password-1A", "Counter-Window-2026");
        QTRY_COMPARE_WITH_TIMEOUT(error->text(), QStringLiteral("This is not your current password."), 10000);
        byAccessibleName<QLineEdit>(&change, "New password again")->setText("something else");
        byAccessibleName<QPushButton>(&change, "Change password")->click();
        QCOMPARE(error->text(), QStringLiteral("The new password and its repetition differ."));
        attempt(oneTime, "Counter-Window-2026");
        QTRY_COMPARE_WITH_TIMEOUT(change.result(), int(QDialog::Accepted), 10000);
        QVERIFY(!session.user().mustChangePassword);

        // Disabled: the account says so.
        page.refresh();
        QVERIFY(loaded.wait(10000));
        QTableView *table = byAccessibleName<QTableView>(&page, "Users");
        table->setCurrentIndex(page.model()->index(rowOf(page.model(), "clerk9"), 0));
        auto edit = page.userDialog("clerk9");
        QVERIFY(!byAccessibleName<QLineEdit>(edit.get(), "Username")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(byAccessibleName<QPushButton>(edit.get(), "Save the user")->isEnabled(), 10000);
        QCOMPARE(byAccessibleName<QComboBox>(edit.get(), "Centre")->currentData().toString(), QStringLiteral("SZ"));
        byAccessibleName<QCheckBox>(edit.get(), "Account disabled")->setChecked(true);
        edit->submit();
        QTRY_COMPARE_WITH_TIMEOUT(page.model()->index(rowOf(page.model(), "clerk9"), models::UserListModel::State).data().toString(),
                                  QStringLiteral("Disabled"), 10000);

        // Another's password reset: a new one-time password to hand over.
        page.resetPassword("clerk2");
        QTRY_VERIFY_WITH_TIMEOUT(page.lastOneTimePassword() != oneTime, 10000);
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_UsersPage)
#include "tst_userspage.moc"
