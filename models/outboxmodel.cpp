#include "outboxmodel.h"

#include "apierror.h"
#include "localstore.h"

#include <QJsonObject>

#include <algorithm>

namespace onewindow::models {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// The server's reasons for refusing, one line: every field's and every material's.
QString reasons(const QJsonObject &problem)
{
    QStringList lines;
    for (const auto &e : problem.value(QLatin1String("errors")).toArray()) {
        const QJsonObject o = e.toObject();
        lines << QStringLiteral("%1: %2").arg(text(o, "field"),
                                              ApiError::fieldMessage({text(o, "field"), text(o, "message"), text(o, "code")}));
    }
    for (const auto &m : problem.value(QLatin1String("missing")).toArray()) {
        const QJsonObject o = m.toObject();
        lines << QStringLiteral("%1: %2").arg(text(o, "name"), ApiError::missingReason(text(o, "reason")));
    }
    if (lines.isEmpty())
        lines << text(problem, "detail");
    return lines.join(QStringLiteral("; "));
}

} // namespace

OutboxModel::OutboxModel(LocalStore *store, QObject *parent) : QAbstractTableModel(parent), m_store(store) {}

OutboxModel::~OutboxModel() = default;

void OutboxModel::reload()
{
    if (!m_store)
        return;
    m_store->outbox(this, [this](const QJsonArray &entries) {
        beginResetModel();
        m_entries = entries;
        endResetModel();
        emit loaded();
    });
}

int OutboxModel::waiting() const
{
    return static_cast<int>(std::count_if(m_entries.begin(), m_entries.end(), [](const QJsonValue &e) {
        return e.toObject().value(QLatin1String("state")).toString() == QLatin1String("queued");
    }));
}

int OutboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int OutboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : LastColumn + 1;
}

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject e = m_entries.at(index.row()).toObject();
    const QJsonObject body = e.value(QLatin1String("body")).toObject();
    const QString state = text(e, "state");
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case Number: return text(e, "number");
        case Applicant: return text(body.value(QLatin1String("applicant")).toObject(), "name");
        case Matters: {
            QStringList codes;
            for (const auto &m : body.value(QLatin1String("matters")).toArray())
                codes << m.toString();
            return codes.join(QStringLiteral(", "));
        }
        case State:
            if (state == QLatin1String("sent"))
                return tr("Sent");
            if (state == QLatin1String("refused"))
                return tr("Refused by the server: %1").arg(reasons(e.value(QLatin1String("answer")).toObject()));
            return text(e, "lastError").isEmpty()
                       ? tr("Waiting to be sent")
                       : tr("Waiting to be sent (%n attempt(s): %1)", nullptr, e.value(QLatin1String("attempts")).toInt())
                             .arg(text(e, "lastError"));
        }
        return {};
    }
    switch (role) {
    case KeyRole: return text(e, "key");
    case StateRole: return state;
    case EntryRole: return e;
    }
    return {};
}

QVariant OutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number: return tr("Case number");
    case Applicant: return tr("Applicant");
    case Matters: return tr("Matters");
    case State: return tr("State");
    }
    return {};
}

QHash<int, QByteArray> OutboxModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(KeyRole, "key");
    names.insert(StateRole, "state");
    names.insert(EntryRole, "entry");
    return names;
}

} // namespace onewindow::models
