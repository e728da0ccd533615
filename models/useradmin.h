#pragma once

#include "apierror.h"
#include "apilistmodel.h"

#include <QJsonObject>

#include <functional>

namespace onewindow::models {

/// The users of the installation (GET /users), by username, for the security administrator: who,
/// in which role and where, and whether the account is active, disabled, or waiting for its first
/// password change (said in words).
class UserListModel : public ApiListModel
{
    Q_OBJECT

public:
    enum Column { Username, Name, Role, Place, State, LastColumn = State };
    enum Role { UsernameRole = Qt::UserRole + 1, ItemRole };

    explicit UserListModel(ApiClient *api, QObject *parent = nullptr);
    ~UserListModel() override;

    /// Every user, or those whose username or name contains `text`.
    void search(const QString &text = {});
    /// Replaces a user by the server's newer answer.
    void update(const QJsonObject &user);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
};

/// The security administrator's changes to accounts (POST /users, PATCH /users/{username},
/// POST /users/{username}/password-reset). Each answers the server's object, or its error.
class UserAdmin : public QObject
{
    Q_OBJECT

public:
    explicit UserAdmin(ApiClient *api, QObject *parent = nullptr);
    ~UserAdmin() override;

    using Done = std::function<void(const QJsonObject &answer, const ApiError &error)>;
    /// {username, displayName, role, center?, department?, phone?}: answers {user, oneTimePassword}.
    void create(const QJsonObject &user, Done done);
    /// Any of displayName, role, center, department, phone, disabled: answers the user.
    void change(const QString &username, const QJsonObject &changes, Done done);
    /// Answers {oneTimePassword}: the user changes it at the next sign-in.
    void resetPassword(const QString &username, Done done);

private:
    ApiClient *m_api;
};

} // namespace onewindow::models
