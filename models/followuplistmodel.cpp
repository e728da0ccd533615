#include "followuplistmodel.h"

#include "formatting.h"
#include "modelenums.h"

#include <QDate>
#include <QLocale>

namespace onewindow::models {

FollowUpListModel::FollowUpListModel(ApiClient *api, QObject *parent) : ApiListModel(api, parent) {}

FollowUpListModel::~FollowUpListModel() = default;

void FollowUpListModel::loadState(const QString &state)
{
    load(QStringLiteral("/follow-ups?limit=100&state=") + state);
}

void FollowUpListModel::update(const QJsonObject &followUp)
{
    const QString id = followUp.value(QLatin1String("id")).toString();
    for (int row = 0; row < rowCount(); ++row) {
        if (item(row).value(QLatin1String("id")).toString() == id)
            replaceItem(row, followUp);
    }
}

int FollowUpListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FollowUpColumn::LastColumn + 1;
}

QVariant FollowUpListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject f = item(index.row());
    const QString state = f.value(QLatin1String("state")).toString();
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case FollowUpColumn::CaseNumber: return f.value(QLatin1String("caseNumber")).toString();
        case FollowUpColumn::Rating: {
            const QString level = ratingLevelText(f.value(QLatin1String("level")).toInt());
            return f.value(QLatin1String("event")).toString() == QLatin1String("intake")
                       ? tr("%1 (intake)").arg(level)
                       : tr("%1 (delivery)").arg(level);
        }
        case FollowUpColumn::Comment: return f.value(QLatin1String("comment")).toString();
        case FollowUpColumn::State:
            if (state == QLatin1String("closed"))
                return tr("Closed, rated again: %1").arg(ratingLevelText(f.value(QLatin1String("secondLevel")).toInt()));
            return state == QLatin1String("overdue") ? tr("Overdue") : tr("Open");
        case FollowUpColumn::DueDate:
            return QLocale().toString(QDate::fromString(f.value(QLatin1String("dueDate")).toString(), Qt::ISODate),
                                      QLocale::ShortFormat);
        case FollowUpColumn::Applicant:
            return tr("%1, %2").arg(f.value(QLatin1String("applicantName")).toString(),
                                    f.value(QLatin1String("applicantPhone")).toString());
        case FollowUpColumn::Matters: return f.value(QLatin1String("matterNames")).toString();
        }
        return {};
    }
    switch (role) {
    case int(FollowUpRole::Id): return f.value(QLatin1String("id")).toString();
    case int(FollowUpRole::CaseId): return f.value(QLatin1String("caseId")).toString();
    case int(FollowUpRole::State): return state;
    case int(FollowUpRole::Item): return f;
    }
    return {};
}

QVariant FollowUpListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FollowUpColumn::CaseNumber: return tr("Case number");
    case FollowUpColumn::Rating: return tr("Rating");
    case FollowUpColumn::Comment: return tr("Comment");
    case FollowUpColumn::State: return tr("State");
    case FollowUpColumn::DueDate: return tr("Due by");
    case FollowUpColumn::Applicant: return tr("Call back");
    case FollowUpColumn::Matters: return tr("Matters");
    }
    return {};
}

QHash<int, QByteArray> FollowUpListModel::roleNames() const
{
    QHash<int, QByteArray> names = ApiListModel::roleNames();
    names.insert(int(FollowUpRole::Id), "id");
    names.insert(int(FollowUpRole::CaseId), "caseId");
    names.insert(int(FollowUpRole::State), "state");
    names.insert(int(FollowUpRole::Item), "item");
    return names;
}

} // namespace onewindow::models
