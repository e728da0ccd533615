#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class SignInDialog;
}

namespace onewindow::models {
class Session;
}

namespace onewindow::client {

class Languages;

/// Server address (remembered), username, password and language. Errors are shown in the dialog,
/// in words: wrong password, locked account, server unreachable, certificate problem.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode {
        SignIn,         ///< at start
        Reauthenticate, ///< the session ended: the same user signs in again; the window stays
    };

    SignInDialog(models::Session *session, Languages *languages, Mode mode, QWidget *parent = nullptr);
    ~SignInDialog() override;

    void setServer(const QString &url);
    void setUsername(const QString &username);
    void setMessage(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void signIn();
    void showError(const QString &message);
    void setBusy(bool busy);

    std::unique_ptr<Ui::SignInDialog> m_ui;
    models::Session *m_session;
    Languages *m_languages;
    Mode m_mode;
};

} // namespace onewindow::client
