#pragma once

#include "pages.h"

#include <QDialog>
#include <QJsonObject>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace onewindow::models {
class ApiClient;
class UserAdmin;
class UserListModel;
} // namespace onewindow::models

namespace onewindow::client {

/// A user's account as the security administrator fills it in: a new one (username, name, role,
/// centre or department, phone) or an existing one (everything but the username, and whether it
/// is disabled). The centres and departments come from the server.
class UserDialog : public QDialog
{
    Q_OBJECT

public:
    /// `user` empty: a new user.
    UserDialog(models::ApiClient *api, const QJsonObject &user, QWidget *parent = nullptr);
    ~UserDialog() override;
    /// What the form says: the body of POST /users, or the changes for PATCH.
    QJsonObject fields() const;
    /// Shows the server's problem at the form.
    void showError(const QString &message);
    /// OK sends the fields through `submit`, which answers an error (the dialog stays, the
    /// error at the form) or nothing (the dialog closes).
    using Submit = std::function<void(const QJsonObject &fields, std::function<void(const QString &error)> result)>;
    void setSubmit(Submit submit) { m_submit = std::move(submit); }
    /// Presses OK (as the keyboard does).
    void submit();

private:
    void updatePlace();

    Submit m_submit;
    QPushButton *m_ok = nullptr;
    int m_listsLoaded = 0; ///< of the centres and the departments

    QJsonObject m_user;
    QLineEdit *m_username;
    QLineEdit *m_name;
    QComboBox *m_role;
    QComboBox *m_center;
    QComboBox *m_department;
    QLineEdit *m_phone;
    QCheckBox *m_disabled;
    QLabel *m_error;
};

/// The installation's users, for the security administrator (用户管理, F3): search, create one
/// (the one-time password is shown once, to hand over), change a role or place, disable, reset a
/// password. Nobody changes their own account here.
class UsersPage final : public WorkbenchPageWidget
{
    Q_OBJECT

public:
    explicit UsersPage(models::ApiClient *api, QWidget *parent = nullptr);
    ~UsersPage() override;

    void refresh() override;
    void focusFirst() override;
    models::UserListModel *model() const { return m_model; }
    /// The one-time password last given (shown in a dialog to hand over), for tests.
    QString lastOneTimePassword() const { return m_lastOneTimePassword; }
    /// The account form for a new user (`username` empty) or an existing one, wired to the server.
    std::unique_ptr<UserDialog> userDialog(const QString &username);
    void resetPassword(const QString &username);

private:
    void retranslate() override;
    void newUser();
    void editUser();
    void showOneTimePassword(const QString &username, const QString &password);
    QString currentUsername() const;

    models::ApiClient *m_api;
    models::UserListModel *m_model;
    models::UserAdmin *m_admin;
    QLabel *m_searchLabel;
    QLineEdit *m_search;
    QPushButton *m_new;
    QPushButton *m_edit;
    QPushButton *m_reset;
    QTableView *m_table;
    QLabel *m_message;
    QString m_lastOneTimePassword;
};

} // namespace onewindow::client
