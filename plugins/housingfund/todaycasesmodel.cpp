#include "todaycasesmodel.h"

#include "models/apiclient.h"
#include "models/formatting.h"
#include "models/serverclock.h"
#include "tr.h"

#include <QJsonArray>
#include <QLocale>
#include <QUrl>

#include <algorithm>
#include <utility>

namespace onewindow::housingfund {

namespace {

constexpr int kColumnCount = TodayCaseColumn::LastColumn + 1;
// 200 is the API's largest page; 50 pages are far more cases than a hall accepts in a day, and
// stop a server that keeps handing out cursors from keeping us busy forever.
constexpr int kPageSize = 200;
constexpr int kMaxPages = 50;

QStringList matterCodes(const QJsonObject &caseObject)
{
    QStringList codes;
    for (const QJsonValue &m : caseObject.value(QLatin1String("matters")).toArray()) {
        // A case summary lists codes; a full case lists matter objects.
        codes << (m.isObject() ? m.toObject().value(QLatin1String("code")).toString() : m.toString());
    }
    return codes;
}

QDateTime acceptedAt(const QJsonObject &caseObject)
{
    return QDateTime::fromString(caseObject.value(QLatin1String("acceptedAt")).toString(), Qt::ISODate);
}

// The server writes acceptedAt in its own time zone, so the date part is the server's date, the
// same calendar as the server's "today".
QDate acceptedDate(const QJsonObject &caseObject)
{
    return QDate::fromString(caseObject.value(QLatin1String("acceptedAt")).toString().left(10), Qt::ISODate);
}

} // namespace

TodayCasesModel::TodayCasesModel(models::ApiClient *api, models::ServerClock *clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_api(api)
    , m_clock(clock)
{
    // Midnight on the server's clock: yesterday's cases leave the list.
    if (m_clock) {
        connect(m_clock, &models::ServerClock::todayChanged, this, [this](const QDate &today) {
            if (m_today.isValid() && today != m_today)
                refresh();
        });
    }
}

TodayCasesModel::~TodayCasesModel() = default;

bool TodayCasesModel::isHousingFundCase(const QJsonObject &caseObject)
{
    const QStringList codes = matterCodes(caseObject);
    return std::any_of(
        codes.cbegin(), codes.cend(), [](const QString &code) { return code.startsWith(QLatin1String("HF-")); });
}

void TodayCasesModel::refresh()
{
    const int generation = ++m_generation;
    if (!m_api || !m_clock) {
        fail(Tr::tr("There is no connection to the server."));
        return;
    }
    setLoading(true);
    if (m_clock->isKnown()) {
        fetchFirstPage(generation);
        return;
    }
    // The server has not told its date yet: ask it, never fall back on this PC's.
    m_clock->refresh([this, generation](bool ok) {
        if (generation != m_generation)
            return; // a newer refresh took over
        if (!ok || !m_clock || !m_clock->isKnown()) {
            fail(Tr::tr("The server did not say which day it is."));
            return;
        }
        fetchFirstPage(generation);
    });
}

void TodayCasesModel::fetchFirstPage(int generation)
{
    m_incomingToday = m_clock->today();
    m_incoming.clear();
    fetchPage(QString(), generation, 1);
}

void TodayCasesModel::fetchPage(const QString &cursor, int generation, int page)
{
    if (!m_api) {
        fail(Tr::tr("There is no connection to the server."));
        return;
    }
    // Only cases with a housing-fund matter, newest first: the server filters, the pages stop at
    // the first case of an earlier day.
    QString path = QStringLiteral("/cases?department=HF&limit=%1").arg(kPageSize);
    if (!cursor.isEmpty())
        path += QStringLiteral("&cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
    m_api->get(
        path,
        [this, generation, page](const models::ApiResponse &response) {
            if (generation != m_generation)
                return;
            if (!response.ok()) {
                fail(response.error.userMessage());
                return;
            }
            const QJsonObject body = response.object();
            bool reachedEarlierDays = false;
            for (const QJsonValue &item : body.value(QLatin1String("items")).toArray()) {
                const QJsonObject c = item.toObject();
                const QDate date = acceptedDate(c);
                if (date.isValid() && date < m_incomingToday)
                    reachedEarlierDays = true;
                else if (date == m_incomingToday && isHousingFundCase(c))
                    m_incoming << c;
            }
            const QString next = body.value(QLatin1String("nextCursor")).toString();
            if (!reachedEarlierDays && !next.isEmpty() && page < kMaxPages) {
                fetchPage(next, generation, page + 1);
                return;
            }
            beginResetModel();
            m_cases = std::exchange(m_incoming, {});
            m_today = m_incomingToday;
            m_error.clear();
            endResetModel();
            setLoading(false);
            emit refreshed();
        },
        this);
}

void TodayCasesModel::fail(const QString &message)
{
    // What is on screen stays: an old list is more use at the counter than an empty one.
    m_incoming.clear();
    m_error = message;
    setLoading(false);
    emit failed(message);
}

void TodayCasesModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

int TodayCasesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_cases.size());
}

int TodayCasesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant TodayCasesModel::data(const QModelIndex &index, int role) const
{
    // An invalid index is a normal question ("no item"); checkIndex() only complains about bad ones.
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &c = m_cases.at(index.row());
    const auto text = [&c](const char *key) { return c.value(QLatin1String(key)).toString(); };
    const QLocale locale;

    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case TodayCaseColumn::Number:
            return text("number");
        case TodayCaseColumn::Matters:
            return matterCodes(c).join(QStringLiteral(", "));
        case TodayCaseColumn::Applicant:
            return c.value(QLatin1String("applicant")).toObject().value(QLatin1String("name")).toString();
        case TodayCaseColumn::Status:
            return models::caseStatusText(text("status")); // the host's one table of state names
        case TodayCaseColumn::AcceptedAt:
            return locale.toString(acceptedAt(c).time(), QLocale::ShortFormat);
        case TodayCaseColumn::PromisedDueDate:
            return locale.toString(QDate::fromString(text("promisedDueDate"), Qt::ISODate), QLocale::ShortFormat);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TodayCaseColumn::AcceptedAt)
            return locale.toString(acceptedAt(c), QLocale::LongFormat);
        return {};
    case static_cast<int>(TodayCaseRole::CaseId):
        return text("id");
    case static_cast<int>(TodayCaseRole::Number):
        return text("number");
    case static_cast<int>(TodayCaseRole::Matters):
        return matterCodes(c);
    case static_cast<int>(TodayCaseRole::Applicant):
        return c.value(QLatin1String("applicant")).toObject().value(QLatin1String("name")).toString();
    case static_cast<int>(TodayCaseRole::Status):
        return text("status");
    case static_cast<int>(TodayCaseRole::AcceptedAt):
        return acceptedAt(c);
    case static_cast<int>(TodayCaseRole::PromisedDueDate):
        return QDate::fromString(text("promisedDueDate"), Qt::ISODate);
    default:
        return {};
    }
}

QVariant TodayCasesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kColumnCount
        || (role != Qt::DisplayRole && role != Qt::AccessibleTextRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TodayCaseColumn::Number:
        return Tr::tr("Case number");
    case TodayCaseColumn::Matters:
        return Tr::tr("Matters");
    case TodayCaseColumn::Applicant:
        return Tr::tr("Applicant");
    case TodayCaseColumn::Status:
        return Tr::tr("Status");
    case TodayCaseColumn::AcceptedAt:
        return Tr::tr("Accepted at");
    case TodayCaseColumn::PromisedDueDate:
        return Tr::tr("Promised by");
    }
    return {};
}

QHash<int, QByteArray> TodayCasesModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(static_cast<int>(TodayCaseRole::CaseId), "caseId");
    names.insert(static_cast<int>(TodayCaseRole::Number), "caseNumber");
    names.insert(static_cast<int>(TodayCaseRole::Matters), "matters");
    names.insert(static_cast<int>(TodayCaseRole::Applicant), "applicant");
    names.insert(static_cast<int>(TodayCaseRole::Status), "status");
    names.insert(static_cast<int>(TodayCaseRole::AcceptedAt), "acceptedAt");
    names.insert(static_cast<int>(TodayCaseRole::PromisedDueDate), "promisedDueDate");
    return names;
}

} // namespace onewindow::housingfund
