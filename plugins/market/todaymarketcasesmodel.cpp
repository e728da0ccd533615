#include "todaymarketcasesmodel.h"

#include "models/apiclient.h"
#include "models/formatting.h"
#include "models/serverclock.h"
#include "tr.h"

#include <QJsonArray>
#include <QLocale>
#include <QUrl>

#include <algorithm>
#include <utility>

namespace onewindow::market {

namespace {

constexpr int kColumnCount = TodayMarketCasesModel::LastColumn + 1;
// 200 is the API's largest page; 50 pages are far more cases than a hall accepts in a day, and
// stop a server that keeps handing out cursors from keeping the page busy forever.
constexpr int kPageSize = 200;
constexpr int kMaxPages = 50;

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QStringList matterCodes(const QJsonObject &c)
{
    QStringList codes;
    for (const QJsonValue &m : c.value(QLatin1String("matters")).toArray())
        codes << m.toString();
    return codes;
}

QJsonObject applicant(const QJsonObject &c)
{
    return c.value(QLatin1String("applicant")).toObject();
}

QString identifier(const QJsonObject &c)
{
    const QJsonObject a = applicant(c);
    return text(a, "kind") == QLatin1String("organization") ? text(a, "creditCode") : text(a, "idNumber");
}

QDateTime acceptedAt(const QJsonObject &c)
{
    return QDateTime::fromString(text(c, "acceptedAt"), Qt::ISODate);
}

// The server writes acceptedAt in its own time zone: the date part is on the server's calendar,
// the same as the server's "today".
QDate acceptedDate(const QJsonObject &c)
{
    return QDate::fromString(text(c, "acceptedAt").left(10), Qt::ISODate);
}

} // namespace

TodayMarketCasesModel::TodayMarketCasesModel(models::ApiClient *api, models::ServerClock *clock, QObject *parent)
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

TodayMarketCasesModel::~TodayMarketCasesModel() = default;

bool TodayMarketCasesModel::isMarketCase(const QJsonObject &caseSummary)
{
    const QStringList codes = matterCodes(caseSummary);
    return std::any_of(
        codes.cbegin(), codes.cend(), [](const QString &code) { return code.startsWith(QLatin1String("MR-")); });
}

int TodayMarketCasesModel::organizationCount() const
{
    return static_cast<int>(std::count_if(m_cases.cbegin(), m_cases.cend(),
        [](const QJsonObject &c) { return text(applicant(c), "kind") == QLatin1String("organization"); }));
}

void TodayMarketCasesModel::refresh()
{
    const int generation = ++m_generation;
    if (!m_api || !m_clock) {
        fail(Tr::tr("There is no connection to the server."));
        return;
    }
    setLoading(true);
    const auto start = [this, generation] {
        m_incomingToday = m_clock->today();
        m_incoming.clear();
        fetchPage(QString(), generation, 1);
    };
    if (m_clock->isKnown()) {
        start();
        return;
    }
    // The server has not told its date yet: ask it, never fall back on this PC's.
    m_clock->refresh([this, generation, start](bool ok) {
        if (generation != m_generation)
            return; // a newer refresh took over
        if (!ok || !m_clock || !m_clock->isKnown()) {
            fail(Tr::tr("The server did not say which day it is."));
            return;
        }
        start();
    });
}

void TodayMarketCasesModel::fetchPage(const QString &cursor, int generation, int page)
{
    if (!m_api) {
        fail(Tr::tr("There is no connection to the server."));
        return;
    }
    // The server filters by department and answers newest first: the pages stop at the first
    // case of an earlier day.
    QString path = QStringLiteral("/cases?department=MR&limit=%1").arg(kPageSize);
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
                else if (date == m_incomingToday && isMarketCase(c))
                    m_incoming << c;
            }
            const QString next = text(body, "nextCursor");
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

void TodayMarketCasesModel::fail(const QString &message)
{
    // What is on screen stays: an old list is more use at the counter than an empty one.
    m_incoming.clear();
    m_error = message;
    setLoading(false);
    emit failed(message);
}

void TodayMarketCasesModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

int TodayMarketCasesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_cases.size());
}

int TodayMarketCasesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant TodayMarketCasesModel::data(const QModelIndex &index, int role) const
{
    // An invalid index is a normal question ("no item"); checkIndex() only complains about bad ones.
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &c = m_cases.at(index.row());
    const QLocale locale;

    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case Number:
            return text(c, "number");
        case Matters:
            return matterCodes(c).join(QStringLiteral(", "));
        case Applicant:
            return text(applicant(c), "name");
        case Identifier:
            return identifier(c);
        case Status:
            return models::caseStatusText(text(c, "status")); // the host's one table of state names
        case AcceptedAt:
            return locale.toString(acceptedAt(c).time(), QLocale::ShortFormat);
        case PromisedDueDate:
            return locale.toString(QDate::fromString(text(c, "promisedDueDate"), Qt::ISODate), QLocale::ShortFormat);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == AcceptedAt)
            return locale.toString(acceptedAt(c), QLocale::LongFormat);
        return {};
    case static_cast<int>(Role::CaseId):
        return text(c, "id");
    case static_cast<int>(Role::Number):
        return text(c, "number");
    case static_cast<int>(Role::Matters):
        return matterCodes(c);
    case static_cast<int>(Role::Applicant):
        return text(applicant(c), "name");
    case static_cast<int>(Role::ApplicantKind):
        return text(applicant(c), "kind");
    case static_cast<int>(Role::Identifier):
        return identifier(c);
    case static_cast<int>(Role::Status):
        return text(c, "status");
    case static_cast<int>(Role::AcceptedAt):
        return acceptedAt(c);
    case static_cast<int>(Role::PromisedDueDate):
        return QDate::fromString(text(c, "promisedDueDate"), Qt::ISODate);
    default:
        return {};
    }
}

QVariant TodayMarketCasesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kColumnCount
        || (role != Qt::DisplayRole && role != Qt::AccessibleTextRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Number:
        return Tr::tr("Case number");
    case Matters:
        return Tr::tr("Matters");
    case Applicant:
        return Tr::tr("Enterprise or applicant");
    case Identifier:
        return Tr::tr("Credit code or ID number");
    case Status:
        return Tr::tr("Status");
    case AcceptedAt:
        return Tr::tr("Accepted at");
    case PromisedDueDate:
        return Tr::tr("Promised by");
    }
    return {};
}

QHash<int, QByteArray> TodayMarketCasesModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(static_cast<int>(Role::CaseId), "caseId");
    names.insert(static_cast<int>(Role::Number), "caseNumber");
    names.insert(static_cast<int>(Role::Matters), "matters");
    names.insert(static_cast<int>(Role::Applicant), "applicant");
    names.insert(static_cast<int>(Role::ApplicantKind), "applicantKind");
    names.insert(static_cast<int>(Role::Identifier), "identifier");
    names.insert(static_cast<int>(Role::Status), "status");
    names.insert(static_cast<int>(Role::AcceptedAt), "acceptedAt");
    names.insert(static_cast<int>(Role::PromisedDueDate), "promisedDueDate");
    return names;
}

} // namespace onewindow::market
