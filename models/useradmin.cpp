#include "useradmin.h"

#include "apiclient.h"
#include "formatting.h"

#include <QUrl>

namespace onewindow::models {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString encoded(const QString &username)
{
    return QString::fromUtf8(QUrl::toPercentEncoding(username));
}

} // namespace

UserListModel::UserListModel(ApiClient *api, QObject *parent) : ApiListModel(api, parent) {}

UserListModel::~UserListModel() = default;

void UserListModel::search(const QString &text)
{
    QString path = QStringLiteral("/users?limit=100");
    if (!text.trimmed().isEmpty())
        path += QStringLiteral("&q=") + QString::fromUtf8(QUrl::toPercentEncoding(text.trimmed()));
    load(path);
}

void UserListModel::update(const QJsonObject &user)
{
    for (int row = 0; row < rowCount(); ++row) {
        if (text(item(row), "username") == text(user, "username"))
            replaceItem(row, user);
    }
}

int UserListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : LastColumn + 1;
}

QVariant UserListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject u = item(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case Username: return text(u, "username");
        case Name: return text(u, "displayName");
        case Role: return roleText(text(u, "role"));
        case Place: return !text(u, "center").isEmpty() ? text(u, "center") : text(u, "department");
        case State:
            if (u.value(QLatin1String("disabled")).toBool())
                return tr("Disabled");
            return u.value(QLatin1String("mustChangePassword")).toBool() ? tr("Active, must change the password")
                                                                         : tr("Active");
        }
        return {};
    }
    if (role == UsernameRole)
        return text(u, "username");
    if (role == ItemRole)
        return u;
    return {};
}

QVariant UserListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Username: return tr("Username");
    case Name: return tr("Name");
    case Role: return tr("Role");
    case Place: return tr("Centre or department");
    case State: return tr("State");
    }
    return {};
}

QHash<int, QByteArray> UserListModel::roleNames() const
{
    QHash<int, QByteArray> names = ApiListModel::roleNames();
    names.insert(UsernameRole, "username");
    names.insert(ItemRole, "user");
    return names;
}

UserAdmin::UserAdmin(ApiClient *api, QObject *parent) : QObject(parent), m_api(api) {}

UserAdmin::~UserAdmin() = default;

void UserAdmin::create(const QJsonObject &user, Done done)
{
    // No idempotency key: the one-time password must not be kept in the server's replay record.
    // A retry after a lost answer gets user_exists, and the password is reset instead.
    m_api->post(QStringLiteral("/users"), user, [done](const ApiResponse &r) { done(r.object(), r.error); }, this);
}

void UserAdmin::change(const QString &username, const QJsonObject &changes, Done done)
{
    m_api->change("PATCH", QStringLiteral("/users/") + encoded(username), {}, changes,
                  [done](const ApiResponse &r) { done(r.object(), r.error); }, this);
}

void UserAdmin::resetPassword(const QString &username, Done done)
{
    m_api->post(QStringLiteral("/users/%1/password-reset").arg(encoded(username)), {},
                [done](const ApiResponse &r) { done(r.object(), r.error); }, this);
}

} // namespace onewindow::models
