#include "statsmodels.h"

#include "caseapi.h"

#include <QJsonArray>
#include <QLocale>
#include <QUrlQuery>

namespace onewindow::models {

namespace {

constexpr int kFigureColumns = StatsFigureColumn::LastColumn + 1;
constexpr int kCenterColumns = CenterVolumeColumn::LastColumn + 1;
constexpr int kWeekColumns = WeekColumn::LastColumn + 1;

/// The cases a figure of the summary stands for: its own for a count, the cases measured for a
/// rate or a time (GET /cases?figure=); none for the target.
QString casesFigureOf(const QString &key)
{
    if (key == QLatin1String("timeLimits.promisedRateTarget"))
        return {}; // a setting, no cases
    if (key.startsWith(QLatin1String("timeLimits.")) && !key.endsWith(QLatin1String("decided")))
        return QStringLiteral("timeLimits.decided");
    if (key == QLatin1String("ratings.satisfactionRate"))
        return QStringLiteral("ratings.total");
    return key;
}

/// "cases.accepted" in a summary.
QJsonValue valueAt(const QJsonObject &summary, const QString &key)
{
    const QStringList parts = key.split(QLatin1Char('.'));
    QJsonValue value = summary;
    for (const QString &part : parts)
        value = value.toObject().value(part);
    return value;
}

QString percent(double fraction)
{
    return QLocale().toString(fraction * 100.0, 'f', 1) + QLatin1Char('%');
}

} // namespace

QString StatsQuery::path(const QString &format) const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("from"), from.toString(Qt::ISODate));
    query.addQueryItem(QStringLiteral("to"), to.toString(Qt::ISODate));
    if (!center.isEmpty())
        query.addQueryItem(QStringLiteral("center"), center);
    if (format != QLatin1String("json"))
        query.addQueryItem(QStringLiteral("format"), format);
    return QStringLiteral("/stats/summary?") + query.toString(QUrl::FullyEncoded);
}

QString StatsQuery::casesPath(const QString &figure, const QString &inCenter) const
{
    CaseQuery cases;
    cases.acceptedFrom = from;
    cases.acceptedTo = to;
    cases.center = inCenter.isEmpty() ? center : inCenter;
    cases.figure = figure;
    cases.limit = 100;
    return cases.path();
}

StatsFigureModel::StatsFigureModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void StatsFigureModel::setSummary(const QJsonObject &summary)
{
    using Kind = Figure::Kind;
    const QList<std::tuple<const char *, QString, Kind>> figures{
        {"cases.accepted", tr("Cases accepted"), Kind::Count},
        {"cases.acceptedWithDeficiency", tr("Accepted with deficiency"), Kind::Count},
        {"cases.refused", tr("Refused with a one-time notice"), Kind::Count},
        {"cases.returned", tr("Returned for correction"), Kind::Count},
        {"cases.approved", tr("Approved"), Kind::Count},
        {"cases.rejected", tr("Rejected"), Kind::Count},
        {"cases.terminated", tr("Terminated"), Kind::Count},
        {"cases.delivered", tr("Results handed out"), Kind::Count},
        {"timeLimits.decided", tr("Decided"), Kind::Count},
        {"timeLimits.promisedRate", tr("On time (promised limit)"), Kind::Rate},
        {"timeLimits.promisedRateTarget", tr("On time, the hall's target"), Kind::Rate},
        {"timeLimits.legalRate", tr("On time (legal limit)"), Kind::Rate},
        {"timeLimits.meanWorkingDays", tr("Handling time, mean (working days)"), Kind::Days},
        {"timeLimits.p90WorkingDays", tr("Handling time, 90% within (working days)"), Kind::Days},
        {"deficiencies.total", tr("Deficient materials"), Kind::Count},
        {"deficiencies.suppliedInTime", tr("Supplied in time"), Kind::Count},
        {"deficiencies.suppliedLate", tr("Supplied late"), Kind::Count},
        {"deficiencies.waived", tr("Waived"), Kind::Count},
        {"deficiencies.terminated", tr("Ended by termination"), Kind::Count},
        {"deficiencies.outstanding", tr("Still owed"), Kind::Count},
        {"ratings.total", tr("Ratings"), Kind::Count},
        {"ratings.satisfactionRate", tr("Satisfied (basically satisfied and better)"), Kind::Rate},
        {"followUps.open", tr("Follow-ups open"), Kind::Count},
        {"followUps.overdue", tr("Follow-ups overdue"), Kind::Count},
    };
    beginResetModel();
    m_summary = summary;
    m_figures.clear();
    for (const auto &[key, label, kind] : figures)
        m_figures.append({QString::fromLatin1(key), label, valueAt(summary, QString::fromLatin1(key)), kind});
    endResetModel();
}

int StatsFigureModel::rowOf(const QString &key) const
{
    for (qsizetype i = 0; i < m_figures.size(); ++i) {
        if (m_figures.at(i).key == key)
            return static_cast<int>(i);
    }
    return -1;
}

int StatsFigureModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_figures.size());
}

int StatsFigureModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kFigureColumns;
}

QVariant StatsFigureModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Figure &f = m_figures.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        if (index.column() == StatsFigureColumn::Figure)
            return f.label;
        if (f.value.isNull() || f.value.isUndefined())
            return tr("none");
        if (f.kind == Figure::Kind::Rate)
            return percent(f.value.toDouble());
        if (f.kind == Figure::Kind::Days)
            return QLocale().toString(f.value.toDouble(), 'f', 1);
        return QLocale().toString(f.value.toInteger());
    case Qt::TextAlignmentRole:
        return index.column() == StatsFigureColumn::Value ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case static_cast<int>(StatsFigureRole::Key):
        return f.key;
    case static_cast<int>(StatsFigureRole::Number):
        return f.value.isDouble() ? QVariant(f.value.toDouble()) : QVariant();
    case static_cast<int>(StatsFigureRole::CasesFigure):
        return casesFigureOf(f.key);
    default:
        return {};
    }
}

QVariant StatsFigureModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kFigureColumns
        || (role != Qt::DisplayRole && role != Qt::AccessibleTextRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == StatsFigureColumn::Figure ? tr("Figure") : tr("Value");
}

QHash<int, QByteArray> StatsFigureModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(static_cast<int>(StatsFigureRole::Key), "key");
    names.insert(static_cast<int>(StatsFigureRole::Number), "number");
    names.insert(static_cast<int>(StatsFigureRole::CasesFigure), "casesFigure");
    return names;
}

SummaryRowsModel::SummaryRowsModel(int columns, QObject *parent)
    : QAbstractTableModel(parent)
    , m_columns(columns)
{ }

void SummaryRowsModel::setRows(const QJsonArray &rows)
{
    beginResetModel();
    m_rows.clear();
    for (const QJsonValue &row : rows)
        m_rows.append(row.toObject());
    endResetModel();
}

int SummaryRowsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SummaryRowsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columns;
}

bool SummaryRowsModel::isRowIndex(const QModelIndex &index) const
{
    return index.isValid() && checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid);
}

CenterVolumeModel::CenterVolumeModel(QObject *parent)
    : SummaryRowsModel(kCenterColumns, parent)
{ }

QVariant CenterVolumeModel::data(const QModelIndex &index, int role) const
{
    if (!isRowIndex(index))
        return {};
    const QJsonObject &c = rowAt(index.row());
    const QJsonValue change = c.value(QLatin1String("change"));
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case CenterVolumeColumn::Center:
            return QStringLiteral("%1 %2").arg(c.value(QLatin1String("code")).toString(),
                                               c.value(QLatin1String("name")).toString());
        case CenterVolumeColumn::Accepted:
            return QLocale().toString(c.value(QLatin1String("accepted")).toInteger());
        case CenterVolumeColumn::LastYear:
            return QLocale().toString(c.value(QLatin1String("lastYear")).toInteger());
        case CenterVolumeColumn::Change:
            if (!change.isDouble())
                return tr("none a year before");
            return (change.toDouble() > 0 ? QStringLiteral("+") : QString()) + percent(change.toDouble());
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == CenterVolumeColumn::Center ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case static_cast<int>(CenterVolumeRole::Code):
        return c.value(QLatin1String("code")).toString();
    case static_cast<int>(CenterVolumeRole::Accepted):
        return c.value(QLatin1String("accepted")).toInteger();
    case static_cast<int>(CenterVolumeRole::LastYear):
        return c.value(QLatin1String("lastYear")).toInteger();
    case static_cast<int>(CenterVolumeRole::Change):
        return change.isDouble() ? QVariant(change.toDouble()) : QVariant();
    default:
        return {};
    }
}

QVariant CenterVolumeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kCenterColumns
        || (role != Qt::DisplayRole && role != Qt::AccessibleTextRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CenterVolumeColumn::Center:
        return tr("Centre");
    case CenterVolumeColumn::Accepted:
        return tr("Accepted");
    case CenterVolumeColumn::LastYear:
        return tr("A year before");
    case CenterVolumeColumn::Change:
        return tr("Change");
    }
    return {};
}

QHash<int, QByteArray> CenterVolumeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(static_cast<int>(CenterVolumeRole::Code), "code");
    names.insert(static_cast<int>(CenterVolumeRole::Accepted), "accepted");
    names.insert(static_cast<int>(CenterVolumeRole::LastYear), "lastYear");
    names.insert(static_cast<int>(CenterVolumeRole::Change), "change");
    return names;
}

WeeklyTrendModel::WeeklyTrendModel(QObject *parent)
    : SummaryRowsModel(kWeekColumns, parent)
{ }

QVariant WeeklyTrendModel::data(const QModelIndex &index, int role) const
{
    if (!isRowIndex(index))
        return {};
    const QJsonObject &w = rowAt(index.row());
    const QDate from = QDate::fromString(w.value(QLatin1String("from")).toString(), Qt::ISODate);
    const QDate to = QDate::fromString(w.value(QLatin1String("to")).toString(), Qt::ISODate);
    const QJsonValue onTime = w.value(QLatin1String("promisedRate"));
    const QJsonValue satisfied = w.value(QLatin1String("satisfactionRate"));
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case WeekColumn::Week:
            return tr("%1 to %2").arg(QLocale().toString(from, QLocale::ShortFormat),
                                      QLocale().toString(to, QLocale::ShortFormat));
        case WeekColumn::Accepted:
            return QLocale().toString(w.value(QLatin1String("accepted")).toInteger());
        case WeekColumn::Decided:
            return QLocale().toString(w.value(QLatin1String("decided")).toInteger());
        case WeekColumn::OnTime:
            return onTime.isDouble() ? percent(onTime.toDouble()) : tr("none");
        case WeekColumn::Satisfied:
            return satisfied.isDouble() ? percent(satisfied.toDouble()) : tr("none");
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == WeekColumn::Week ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case static_cast<int>(WeekRole::From):
        return from;
    case static_cast<int>(WeekRole::To):
        return to;
    case static_cast<int>(WeekRole::Accepted):
        return w.value(QLatin1String("accepted")).toInt();
    case static_cast<int>(WeekRole::OnTimeRate):
        return onTime.isDouble() ? QVariant(onTime.toDouble()) : QVariant();
    case static_cast<int>(WeekRole::SatisfactionRate):
        return satisfied.isDouble() ? QVariant(satisfied.toDouble()) : QVariant();
    default:
        return {};
    }
}

QVariant WeeklyTrendModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kWeekColumns
        || (role != Qt::DisplayRole && role != Qt::AccessibleTextRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case WeekColumn::Week:
        return tr("Week");
    case WeekColumn::Accepted:
        return tr("Accepted");
    case WeekColumn::Decided:
        return tr("Decided");
    case WeekColumn::OnTime:
        return tr("On time");
    case WeekColumn::Satisfied:
        return tr("Satisfied");
    }
    return {};
}

QHash<int, QByteArray> WeeklyTrendModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(static_cast<int>(WeekRole::From), "from");
    names.insert(static_cast<int>(WeekRole::To), "to");
    names.insert(static_cast<int>(WeekRole::Accepted), "accepted");
    names.insert(static_cast<int>(WeekRole::OnTimeRate), "onTimeRate");
    names.insert(static_cast<int>(WeekRole::SatisfactionRate), "satisfactionRate");
    return names;
}

StatsApi::StatsApi(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{ }

void StatsApi::fetchSummary(const StatsQuery &query,
                            std::function<void(const QJsonObject &summary, const QString &error)> done,
                            QObject *context)
{
    if (!m_api) {
        done({}, tr("There is no connection to the server."));
        return;
    }
    m_api->get(query.path(), [done](const ApiResponse &r) {
        done(r.ok() ? r.object() : QJsonObject(), r.ok() ? QString() : r.error.userMessage());
    }, context);
}

void StatsApi::fetchCsv(const StatsQuery &query, std::function<void(const QByteArray &csv, const QString &error)> done,
                        QObject *context)
{
    if (!m_api) {
        done({}, tr("There is no connection to the server."));
        return;
    }
    m_api->getBytes(query.path(QStringLiteral("csv")), [done](const ApiResponse &r) {
        done(r.ok() ? r.bytes : QByteArray(), r.ok() ? QString() : r.error.userMessage());
    }, context);
}

} // namespace onewindow::models
