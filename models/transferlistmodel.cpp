#include "transferlistmodel.h"

#include "modelenums.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>

namespace onewindow::models {

TransferListModel::TransferListModel(ApiClient *api, QObject *parent) : ApiListModel(api, parent) {}

TransferListModel::~TransferListModel() = default;

void TransferListModel::loadState(const QString &state)
{
    load(QStringLiteral("/transfers?limit=100&state=") + state);
}

int TransferListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : TransferColumn::LastColumn + 1;
}

QString TransferListModel::stateText(const QJsonObject &transfer)
{
    if (transfer.value(QLatin1String("state")).toString() != QLatin1String("arrived"))
        return tr("On its way to the hall");
    const QJsonArray items = transfer.value(QLatin1String("items")).toArray();
    const int missing = static_cast<int>(std::count_if(items.begin(), items.end(), [](const QJsonValue &i) {
        return i.toObject().value(QLatin1String("state")).toString() == QLatin1String("missing");
    }));
    return missing == 0 ? tr("Arrived, complete") : tr("Arrived, %n item(s) missing", nullptr, missing);
}

QVariant TransferListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject t = item(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case TransferColumn::Code: return t.value(QLatin1String("code")).toString();
        case TransferColumn::Route:
            return tr("%1 → %2").arg(t.value(QLatin1String("center")).toString(), t.value(QLatin1String("hall")).toString());
        case TransferColumn::SentBy: return t.value(QLatin1String("createdBy")).toString();
        case TransferColumn::SentAt:
            return QLocale().toString(QDateTime::fromString(t.value(QLatin1String("createdAt")).toString(), Qt::ISODateWithMs),
                                      QLocale::ShortFormat);
        case TransferColumn::Cases:
            return tr("%n case(s), %1 item(s)", nullptr, static_cast<int>(t.value(QLatin1String("cases")).toArray().size()))
                .arg(t.value(QLatin1String("items")).toArray().size());
        case TransferColumn::State: return stateText(t);
        }
        return {};
    }
    switch (role) {
    case int(TransferRole::Id): return t.value(QLatin1String("id")).toString();
    case int(TransferRole::State): return t.value(QLatin1String("state")).toString();
    case int(TransferRole::Item): return t;
    }
    return {};
}

QVariant TransferListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TransferColumn::Code: return tr("Manifest");
    case TransferColumn::Route: return tr("From → to");
    case TransferColumn::SentBy: return tr("Sent by");
    case TransferColumn::SentAt: return tr("Sent at");
    case TransferColumn::Cases: return tr("Contents");
    case TransferColumn::State: return tr("State");
    }
    return {};
}

QHash<int, QByteArray> TransferListModel::roleNames() const
{
    QHash<int, QByteArray> names = ApiListModel::roleNames();
    names.insert(int(TransferRole::Id), "transferId");
    names.insert(int(TransferRole::State), "state");
    names.insert(int(TransferRole::Item), "transfer");
    return names;
}

} // namespace onewindow::models
