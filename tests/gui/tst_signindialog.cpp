// The sign-in dialog against a real server, offscreen, driven by accessible names.
#include "guitest.h"
#include "languages.h"
#include "serverprocess.h"
#include "signindialog.h"

#include "models/session.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;

class tst_SignInDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;

    struct Fixture
    {
        models::ApiClient api;
        models::Session session{&api};
        client::Languages languages;
    };

    void fill(client::SignInDialog &dialog, const QString &server, const QString &user, const QString &password)
    {
        // By object name: the accessible names depend on the language.
        auto *serverEdit = dialog.findChild<QLineEdit *>("serverEdit");
        auto *userEdit = dialog.findChild<QLineEdit *>("usernameEdit");
        auto *passwordEdit = dialog.findChild<QLineEdit *>("passwordEdit");
        QVERIFY(serverEdit && userEdit && passwordEdit);
        serverEdit->setText(server);
        userEdit->clear();
        QTest::keyClicks(userEdit, user);
        passwordEdit->clear();
        QTest::keyClicks(passwordEdit, password);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QString error;
        QVERIFY2(m_server.startDemo(m_dir.path(), &error), qPrintable(error));
    }

    void everyControlIsNamed()
    {
        Fixture f;
        f.languages.apply("en");
        client::SignInDialog dialog(&f.session, &f.languages, client::SignInDialog::Mode::SignIn);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(unnamedInteractiveWidgets(&dialog), QStringList());
        for (const char *name : {"Server", "Username", "Password", "Language", "Sign in"})
            QVERIFY2(byAccessibleName(&dialog, name), name);
    }

    void wrongPasswordShownInTheDialog()
    {
        Fixture f;
        f.languages.apply("en");
        client::SignInDialog dialog(&f.session, &f.languages, client::SignInDialog::Mode::SignIn);
        dialog.show();
        fill(dialog, m_server.baseUrl(), "clerk1", "not-the-password");
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::mouseClick(byAccessibleName<QPushButton>(&dialog, "Sign in"), Qt::LeftButton);
        auto *error = byAccessibleName<QLabel>(&dialog, "Sign-in error");
        QVERIFY(error);
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 30000);
        QCOMPARE(error->text(), QStringLiteral("Wrong username or password, or the session has ended."));
        QCOMPARE(accepted.count(), 0);
        QVERIFY(byAccessibleName<QLineEdit>(&dialog, "Password")->hasFocus() || !dialog.isActiveWindow());
    }

    void badAddressAndUnreachableServer()
    {
        Fixture f;
        f.languages.apply("en");
        client::SignInDialog dialog(&f.session, &f.languages, client::SignInDialog::Mode::SignIn);
        dialog.show();
        fill(dialog, "ftp://example", "clerk1", "x");
        QTest::mouseClick(byAccessibleName<QPushButton>(&dialog, "Sign in"), Qt::LeftButton);
        auto *error = byAccessibleName<QLabel>(&dialog, "Sign-in error");
        QVERIFY(error->text().startsWith("Enter the server's address"));
        f.api.setMaxRetries(0);
        fill(dialog, "http://127.0.0.1:1", "clerk1", "x");
        QTest::mouseClick(byAccessibleName<QPushButton>(&dialog, "Sign in"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(error->text(),
                                  QStringLiteral("The server cannot be reached. Check the network and the server address."),
                                  30000);
    }

    void signsInAndRemembersTheServer()
    {
        Fixture f;
        f.languages.apply("en");
        {
            client::SignInDialog dialog(&f.session, &f.languages, client::SignInDialog::Mode::SignIn);
            dialog.show();
            fill(dialog, m_server.baseUrl(), "clerk1", "OneWindow-demo-1");
            QSignalSpy accepted(&dialog, &QDialog::accepted);
            // Enter signs in: the button is the default.
            QTest::keyClick(byAccessibleName<QLineEdit>(&dialog, "Password"), Qt::Key_Return);
            QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 30000);
            QVERIFY(f.session.isSignedIn());
            QCOMPARE(f.session.user().role, QStringLiteral("clerk"));
        }
        client::SignInDialog again(&f.session, &f.languages, client::SignInDialog::Mode::SignIn);
        QCOMPARE(byAccessibleName<QLineEdit>(&again, "Server")->text(), QUrl(m_server.baseUrl()).toString());
        QCOMPARE(byAccessibleName<QLineEdit>(&again, "Username")->text(), QStringLiteral("clerk1"));
    }

    void chineseFromTheLanguageList()
    {
        Fixture f;
        f.languages.apply("en");
        client::SignInDialog dialog(&f.session, &f.languages, client::SignInDialog::Mode::SignIn);
        dialog.show();
        auto *language = byAccessibleName<QComboBox>(&dialog, "Language");
        QVERIFY(language);
        language->setCurrentIndex(language->findData("zh_CN"));
        QCOMPARE(f.languages.current(), QStringLiteral("zh_CN"));
        // Qt delivers the language change as an event: the dialog retranslates right after.
        QTRY_VERIFY2(byAccessibleName<QPushButton>(&dialog, QStringLiteral("登录")), "the Sign in button is 登录 in Chinese");
        QVERIFY(byAccessibleName<QLineEdit>(&dialog, QStringLiteral("服务器")));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("登录一窗通"));
        fill(dialog, m_server.baseUrl(), "clerk1", "wrong");
        QTest::mouseClick(byAccessibleName<QPushButton>(&dialog, QStringLiteral("登录")), Qt::LeftButton);
        auto *error = byAccessibleName<QLabel>(&dialog, QStringLiteral("登录错误"));
        QTRY_COMPARE_WITH_TIMEOUT(error->text(), QStringLiteral("用户名或密码错误，或登录已失效。"), 30000);
        language->setCurrentIndex(language->findData("en"));
        QTRY_VERIFY(byAccessibleName<QPushButton>(&dialog, "Sign in"));
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_SignInDialog)
#include "tst_signindialog.moc"
