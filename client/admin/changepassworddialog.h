#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace onewindow::models {
class Session;
}

namespace onewindow::client {

/// Changing one's password (POST /me/password): the current one, the new one twice. After a
/// one-time or expired password it is the first thing after signing in, and nothing else can be
/// done until it is done. What the server finds wrong is said in words at the field.
class ChangePasswordDialog : public QDialog
{
    Q_OBJECT

public:
    /// `required`: after a one-time or expired password (says so, and Cancel signs out).
    ChangePasswordDialog(models::Session *session, bool required, QWidget *parent = nullptr);
    ~ChangePasswordDialog() override;

    /// After an online sign-in whose password must be changed: asks for the new one. False when
    /// the user would rather sign out (nothing else can be done before).
    static bool changeIfRequired(models::Session *session, QWidget *parent);

private:
    void change();

    models::Session *m_session;
    QLabel *m_intro;
    QLineEdit *m_old;
    QLineEdit *m_new;
    QLineEdit *m_repeat;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace onewindow::client
