#include "reviewqueuemodel.h"

#include "apiclient.h"
#include "formatting.h"
#include "modelenums.h"
#include "serverclock.h"

#include <QJsonArray>
#include <QLocale>

namespace onewindow::models {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QDate promisedDate(const QJsonObject &c)
{
    return QDate::fromString(text(c, "promisedDueDate"), Qt::ISODate);
}

/// The date the time left counts to: a green-channel case's own deadline inside the hall, else
/// the promised one.
QDate workingDueDate(const QJsonObject &c)
{
    const QDate internal = QDate::fromString(text(c, "internalDueDate"), Qt::ISODate);
    return internal.isValid() ? internal : promisedDate(c);
}

} // namespace

ReviewQueueModel::ReviewQueueModel(ApiClient *api, QObject *parent)
    : ApiListModel(api, parent), m_today(api->clock()->today())
{
    // The time left counts from the server's date, and turns at its midnight.
    connect(api->clock(), &ServerClock::todayChanged, this, [this](const QDate &today) {
        if (today == m_today)
            return;
        m_today = today;
        if (rowCount() > 0)
            emit dataChanged(index(0, ReviewColumn::TimeLeft), index(rowCount() - 1, ReviewColumn::TimeLeft));
    });
}

ReviewQueueModel::~ReviewQueueModel() = default;

QString ReviewQueueModel::timeLeftText(const QDate &promised, const QDate &today)
{
    if (!promised.isValid() || !today.isValid())
        return {};
    const qint64 days = today.daysTo(promised);
    if (days < 0)
        return tr("%n day(s) late", nullptr, static_cast<int>(-days));
    if (days == 0)
        return tr("Due today");
    return tr("%n day(s) left", nullptr, static_cast<int>(days));
}

int ReviewQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ReviewColumn::LastColumn + 1;
}

QVariant ReviewQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject c = item(index.row());
    const bool green = c.value(QLatin1String("greenChannel")).toBool();
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case ReviewColumn::Number: return text(c, "number");
        case ReviewColumn::Priority: return green ? tr("Green channel") : QString();
        case ReviewColumn::Status: return caseStatusText(text(c, "status"));
        case ReviewColumn::Matters: {
            QStringList codes;
            for (const auto &m : c.value(QLatin1String("matters")).toArray())
                codes << m.toString();
            return codes.join(QStringLiteral(", "));
        }
        case ReviewColumn::Applicant: return c.value(QLatin1String("applicant")).toObject().value(QLatin1String("name")).toString();
        case ReviewColumn::Center: return text(c, "center");
        case ReviewColumn::PromisedDueDate: return QLocale().toString(promisedDate(c), QLocale::ShortFormat);
        case ReviewColumn::TimeLeft:
            if (c.contains(QLatin1String("internalDueDate")))
                return tr("%1, to the green channel's deadline %2")
                    .arg(timeLeftText(workingDueDate(c), m_today),
                         QLocale().toString(workingDueDate(c), QLocale::ShortFormat));
            return timeLeftText(promisedDate(c), m_today);
        }
        return {};
    }
    switch (static_cast<ReviewRole>(role)) {
    case ReviewRole::Id: return text(c, "id");
    case ReviewRole::Status: return text(c, "status");
    case ReviewRole::GreenChannel: return green;
    case ReviewRole::PromisedDueDate: return promisedDate(c);
    case ReviewRole::DaysLeft: return static_cast<int>(m_today.daysTo(workingDueDate(c)));
    case ReviewRole::Summary: return c;
    }
    return {};
}

QVariant ReviewQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ReviewColumn::Number: return tr("Case number");
    case ReviewColumn::Priority: return tr("Priority");
    case ReviewColumn::Status: return tr("Status");
    case ReviewColumn::Matters: return tr("Matters");
    case ReviewColumn::Applicant: return tr("Applicant");
    case ReviewColumn::Center: return tr("Centre");
    case ReviewColumn::PromisedDueDate: return tr("Promised by");
    case ReviewColumn::TimeLeft: return tr("Time left");
    }
    return {};
}

QHash<int, QByteArray> ReviewQueueModel::roleNames() const
{
    QHash<int, QByteArray> names = ApiListModel::roleNames();
    names.insert(int(ReviewRole::Id), "id");
    names.insert(int(ReviewRole::Status), "status");
    names.insert(int(ReviewRole::GreenChannel), "greenChannel");
    names.insert(int(ReviewRole::PromisedDueDate), "promisedDueDate");
    names.insert(int(ReviewRole::DaysLeft), "daysLeft");
    names.insert(int(ReviewRole::Summary), "summary");
    return names;
}

} // namespace onewindow::models
