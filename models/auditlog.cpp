#include "auditlog.h"

#include "apiclient.h"

#include <QDateTime>
#include <QLocale>
#include <QUrl>

namespace onewindow::models {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString encoded(const QString &value)
{
    return QString::fromUtf8(QUrl::toPercentEncoding(value));
}

/// "2026-11-27 09:15:02" in the server's own time: the stamp as it was written, to the second.
QString stamp(const QString &at)
{
    QString out = at.left(19);
    out.replace(QLatin1Char('T'), QLatin1Char(' '));
    return out;
}

QByteArray csvCell(QString value)
{
    if (!value.isEmpty() && QStringLiteral("=+-@\t\r").contains(value.front()))
        value.prepend(QLatin1Char('\''));
    if (value.contains(QLatin1Char('"')) || value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('\n'))
        || value.contains(QLatin1Char('\r'))) {
        value.replace(QLatin1String("\""), QLatin1String("\"\""));
        value = QLatin1Char('"') + value + QLatin1Char('"');
    }
    return value.toUtf8();
}

} // namespace

QString AuditQuery::path(int limit) const
{
    QString out = QStringLiteral("/audit?limit=%1").arg(limit);
    const auto add = [&out](const char *key, const QString &value) {
        if (!value.trimmed().isEmpty())
            out += QLatin1Char('&') + QLatin1String(key) + QLatin1Char('=') + encoded(value.trimmed());
    };
    add("actor", actor);
    add("case", caseRef);
    add("action", action);
    if (from.isValid())
        add("from", from.toString(Qt::ISODate));
    if (to.isValid())
        add("to", to.toString(Qt::ISODate));
    return out;
}

AuditLogModel::AuditLogModel(ApiClient *api, QObject *parent) : ApiListModel(api, parent) {}

AuditLogModel::~AuditLogModel() = default;

void AuditLogModel::search(const AuditQuery &query)
{
    load(query.path(100));
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : LastColumn + 1;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject e = item(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case At: return stamp(text(e, "at"));
        case Actor: return text(e, "actor");
        case Action: return text(e, "action");
        case Case: return text(e, "caseNumber").isEmpty() ? text(e, "caseId") : text(e, "caseNumber");
        case Detail: return text(e, "detail");
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == Detail)
        return text(e, "detail");
    if (role == ItemRole)
        return e;
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case At: return tr("When");
    case Actor: return tr("Who");
    case Action: return tr("Action");
    case Case: return tr("Case");
    case Detail: return tr("Detail");
    }
    return {};
}

QHash<int, QByteArray> AuditLogModel::roleNames() const
{
    QHash<int, QByteArray> names = ApiListModel::roleNames();
    names.insert(ItemRole, "entry");
    return names;
}

AuditLog::AuditLog(ApiClient *api, QObject *parent) : QObject(parent), m_api(api) {}

AuditLog::~AuditLog() = default;

void AuditLog::verify(std::function<void(const QJsonObject &, const ApiError &)> done)
{
    m_api->get(QStringLiteral("/audit/verify"), [done](const ApiResponse &r) { done(r.object(), r.error); }, this);
}

void AuditLog::fetchAll(const AuditQuery &query, std::function<void(int)> progress,
                        std::function<void(const QJsonArray &, const ApiError &)> done)
{
    fetchPage(query.path(200), {}, {}, std::move(progress), std::move(done));
}

void AuditLog::fetchPage(const QString &path, const QString &cursor, QJsonArray entries,
                         std::function<void(int)> progress, std::function<void(const QJsonArray &, const ApiError &)> done)
{
    const QString page = cursor.isEmpty() ? path : path + QStringLiteral("&cursor=") + encoded(cursor);
    m_api->get(page, [this, path, entries, progress, done](const ApiResponse &r) mutable {
        if (!r.ok())
            return done(entries, r.error);
        for (const auto &item : r.object().value(QLatin1String("items")).toArray())
            entries.append(item);
        progress(static_cast<int>(entries.size()));
        const QString next = r.object().value(QLatin1String("nextCursor")).toString();
        if (next.isEmpty())
            return done(entries, {});
        fetchPage(path, next, entries, progress, done);
    }, this);
}

QByteArray AuditLog::toCsv(const QJsonArray &entries)
{
    QByteArray out("\xEF\xBB\xBF");
    out += "seq,at,actor,action,case_id,case_number,detail\r\n";
    for (const auto &v : entries) {
        const QJsonObject e = v.toObject();
        out += QByteArray::number(e.value(QLatin1String("seq")).toInteger()) + ',' + csvCell(text(e, "at")) + ','
               + csvCell(text(e, "actor")) + ',' + csvCell(text(e, "action")) + ',' + csvCell(text(e, "caseId"))
               + ',' + csvCell(text(e, "caseNumber")) + ',' + csvCell(text(e, "detail")) + "\r\n";
    }
    return out;
}

} // namespace onewindow::models
