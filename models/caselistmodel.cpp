#include "caselistmodel.h"

#include "apiclient.h"
#include "formatting.h"
#include "modelenums.h"
#include "serverclock.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>

namespace onewindow::models {

CaseListModel::CaseListModel(ApiClient *api, QObject *parent) : ApiListModel(api, parent) {}

CaseListModel::~CaseListModel() = default;

int CaseListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : CaseColumn::LastColumn + 1;
}

QVariant CaseListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject c = item(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case CaseColumn::Number: return c.value(QLatin1String("number")).toString();
        case CaseColumn::Status: return caseStatusText(c.value(QLatin1String("status")).toString());
        case CaseColumn::Matters: {
            QStringList codes;
            for (const auto &m : c.value(QLatin1String("matters")).toArray())
                codes << m.toString();
            return codes.join(QStringLiteral(", "));
        }
        case CaseColumn::Applicant: {
            const QJsonObject a = c.value(QLatin1String("applicant")).toObject();
            const QString id = a.value(QLatin1String("idNumber")).toString(a.value(QLatin1String("creditCode")).toString());
            return tr("%1 (%2)").arg(a.value(QLatin1String("name")).toString(), id);
        }
        case CaseColumn::Center: return c.value(QLatin1String("center")).toString();
        case CaseColumn::AcceptedAt:
            return QLocale().toString(QDateTime::fromString(c.value(QLatin1String("acceptedAt")).toString(), Qt::ISODate),
                                      QLocale::ShortFormat);
        case CaseColumn::PromisedDueDate:
            return QLocale().toString(QDate::fromString(c.value(QLatin1String("promisedDueDate")).toString(), Qt::ISODate),
                                      QLocale::ShortFormat);
        case CaseColumn::Outstanding: {
            const int n = c.value(QLatin1String("outstandingDeficiencies")).toInt();
            return n == 0 ? tr("none") : tr("%n missing", nullptr, n);
        }
        }
        return {};
    }
    switch (static_cast<CaseRole>(role)) {
    case CaseRole::Id: return c.value(QLatin1String("id")).toString();
    case CaseRole::Number: return c.value(QLatin1String("number")).toString();
    case CaseRole::Status: return c.value(QLatin1String("status")).toString();
    case CaseRole::Summary: return c;
    }
    return {};
}

QVariant CaseListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CaseColumn::Number: return tr("Case number");
    case CaseColumn::Status: return tr("Status");
    case CaseColumn::Matters: return tr("Matters");
    case CaseColumn::Applicant: return tr("Applicant");
    case CaseColumn::Center: return tr("Centre");
    case CaseColumn::AcceptedAt: return tr("Accepted at");
    case CaseColumn::PromisedDueDate: return tr("Promised by");
    case CaseColumn::Outstanding: return tr("Deficient materials");
    }
    return {};
}

QHash<int, QByteArray> CaseListModel::roleNames() const
{
    QHash<int, QByteArray> names = ApiListModel::roleNames();
    names.insert(int(CaseRole::Id), "id");
    names.insert(int(CaseRole::Number), "number");
    names.insert(int(CaseRole::Status), "status");
    names.insert(int(CaseRole::Summary), "summary");
    return names;
}

DeficiencyListModel::DeficiencyListModel(ApiClient *api, QObject *parent)
    : ApiListModel(api, parent), m_today(api->clock()->today())
{
    // "Overdue" and "due today" count from the server's date, and turn at its midnight.
    connect(api->clock(), &ServerClock::todayChanged, this, [this](const QDate &today) {
        if (today == m_today)
            return;
        m_today = today;
        if (rowCount() > 0)
            emit dataChanged(index(0, DeficiencyColumn::Status), index(rowCount() - 1, DeficiencyColumn::Status));
    });
}

DeficiencyListModel::~DeficiencyListModel() = default;

int DeficiencyListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : DeficiencyColumn::LastColumn + 1;
}

QVariant DeficiencyListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject d = item(index.row());
    const QDate due = QDate::fromString(d.value(QLatin1String("dueDate")).toString(), Qt::ISODate);
    const QString status = d.value(QLatin1String("status")).toString();
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case DeficiencyColumn::CaseNumber: return d.value(QLatin1String("caseNumber")).toString();
        case DeficiencyColumn::Material: return d.value(QLatin1String("materialName")).toString();
        case DeficiencyColumn::DueDate: return QLocale().toString(due, QLocale::ShortFormat);
        case DeficiencyColumn::Status: return deficiencyStatusText(status, due, m_today);
        case DeficiencyColumn::Applicant: return d.value(QLatin1String("applicantName")).toString();
        case DeficiencyColumn::Phone: return d.value(QLatin1String("applicantPhone")).toString();
        case DeficiencyColumn::Center: return d.value(QLatin1String("center")).toString();
        case DeficiencyColumn::Matters: {
            QStringList codes;
            for (const auto &m : d.value(QLatin1String("matters")).toArray())
                codes << m.toString();
            return codes.join(QStringLiteral(", "));
        }
        }
        return {};
    }
    switch (static_cast<DeficiencyRole>(role)) {
    case DeficiencyRole::Id: return d.value(QLatin1String("id")).toString();
    case DeficiencyRole::CaseId: return d.value(QLatin1String("caseId")).toString();
    case DeficiencyRole::Status: return status;
    case DeficiencyRole::DueDate: return due;
    case DeficiencyRole::OverdueDays:
        return (status == QLatin1String("outstanding") || status == QLatin1String("overdue"))
                   ? qMax<qint64>(0, due.daysTo(m_today))
                   : 0;
    case DeficiencyRole::Item: return d;
    }
    return {};
}

QVariant DeficiencyListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DeficiencyColumn::CaseNumber: return tr("Case number");
    case DeficiencyColumn::Material: return tr("Material");
    case DeficiencyColumn::DueDate: return tr("Due");
    case DeficiencyColumn::Status: return tr("State");
    case DeficiencyColumn::Applicant: return tr("Applicant");
    case DeficiencyColumn::Phone: return tr("Phone");
    case DeficiencyColumn::Center: return tr("Centre");
    case DeficiencyColumn::Matters: return tr("Matters");
    }
    return {};
}

QHash<int, QByteArray> DeficiencyListModel::roleNames() const
{
    QHash<int, QByteArray> names = ApiListModel::roleNames();
    names.insert(int(DeficiencyRole::Id), "id");
    names.insert(int(DeficiencyRole::CaseId), "caseId");
    names.insert(int(DeficiencyRole::Status), "status");
    names.insert(int(DeficiencyRole::DueDate), "dueDate");
    names.insert(int(DeficiencyRole::OverdueDays), "overdueDays");
    names.insert(int(DeficiencyRole::Item), "item");
    return names;
}

} // namespace onewindow::models
