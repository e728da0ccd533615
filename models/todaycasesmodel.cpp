#include "todaycasesmodel.h"

#include "apiclient.h"
#include "formatting.h"
#include "serverclock.h"

#include <QJsonArray>
#include <QLocale>
#include <QUrl>

#include <algorithm>
#include <utility>

namespace onewindow::models {

namespace {

constexpr int kColumnCount = TodayCaseColumn::LastColumn + 1;
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
    for (const QJsonValue &m : c.value(QLatin1String("matters")).toArray()) {
        // A case summary lists codes; a full case lists matter objects.
        codes << (m.isObject() ? m.toObject().value(QLatin1String("code")).toString() : m.toString());
    }
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

TodayCasesModel::TodayCasesModel(ApiClient *api, ServerClock *clock, const QString &department,
                                 const QStringList &matters, QObject *parent)
    : QAbstractTableModel(parent)
    , m_api(api)
    , m_clock(clock)
    , m_department(department)
    , m_matters(matters)
{
    // Midnight on the server's clock: yesterday's cases leave the list.
    if (m_clock) {
        connect(m_clock, &ServerClock::todayChanged, this, [this](const QDate &today) {
            if (m_today.isValid() && today != m_today)
                refresh();
        });
    }
}

TodayCasesModel::~TodayCasesModel() = default;

bool TodayCasesModel::keeps(const QJsonObject &caseObject) const
{
    const QStringList codes = matterCodes(caseObject);
    const QString prefix = m_department + QLatin1Char('-');
    return std::any_of(codes.cbegin(), codes.cend(), [&](const QString &code) {
        return code.startsWith(prefix) && (m_matters.isEmpty() || m_matters.contains(code));
    });
}

int TodayCasesModel::organizationCount() const
{
    return static_cast<int>(std::count_if(m_cases.cbegin(), m_cases.cend(),
        [](const QJsonObject &c) { return text(applicant(c), "kind") == QLatin1String("organization"); }));
}

void TodayCasesModel::refresh()
{
    const int generation = ++m_generation;
    if (!m_api || !m_clock) {
        fail(tr("There is no connection to the server."));
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
            fail(tr("The server did not say which day it is."));
            return;
        }
        start();
    });
}

void TodayCasesModel::fetchPage(const QString &cursor, int generation, int page)
{
    if (!m_api) {
        fail(tr("There is no connection to the server."));
        return;
    }
    // The server filters by department and answers newest first: the pages stop at the first
    // case of an earlier day.
    QString path = QStringLiteral("/cases?department=%1&limit=%2")
                       .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_department)))
                       .arg(kPageSize);
    if (!cursor.isEmpty())
        path += QStringLiteral("&cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
    m_api->get(
        path,
        [this, generation, page](const ApiResponse &response) {
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
                else if (date == m_incomingToday && keeps(c))
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
    const QLocale locale;

    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case TodayCaseColumn::Number:
            return text(c, "number");
        case TodayCaseColumn::Matters:
            return matterCodes(c).join(QStringLiteral(", "));
        case TodayCaseColumn::Applicant:
            return text(applicant(c), "name");
        case TodayCaseColumn::Identifier:
            return identifier(c);
        case TodayCaseColumn::Status:
            return caseStatusText(text(c, "status")); // the host's one table of state names
        case TodayCaseColumn::AcceptedAt:
            return locale.toString(acceptedAt(c).time(), QLocale::ShortFormat);
        case TodayCaseColumn::PromisedDueDate:
            return locale.toString(QDate::fromString(text(c, "promisedDueDate"), Qt::ISODate), QLocale::ShortFormat);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TodayCaseColumn::AcceptedAt)
            return locale.toString(acceptedAt(c), QLocale::LongFormat);
        return {};
    case static_cast<int>(TodayCaseRole::CaseId):
        return text(c, "id");
    case static_cast<int>(TodayCaseRole::Number):
        return text(c, "number");
    case static_cast<int>(TodayCaseRole::Matters):
        return matterCodes(c);
    case static_cast<int>(TodayCaseRole::Applicant):
        return text(applicant(c), "name");
    case static_cast<int>(TodayCaseRole::ApplicantKind):
        return text(applicant(c), "kind");
    case static_cast<int>(TodayCaseRole::Identifier):
        return identifier(c);
    case static_cast<int>(TodayCaseRole::Status):
        return text(c, "status");
    case static_cast<int>(TodayCaseRole::AcceptedAt):
        return acceptedAt(c);
    case static_cast<int>(TodayCaseRole::PromisedDueDate):
        return QDate::fromString(text(c, "promisedDueDate"), Qt::ISODate);
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
        return tr("Case number");
    case TodayCaseColumn::Matters:
        return tr("Matters");
    case TodayCaseColumn::Applicant:
        return tr("Applicant");
    case TodayCaseColumn::Identifier:
        return tr("Credit code or ID number");
    case TodayCaseColumn::Status:
        return tr("Status");
    case TodayCaseColumn::AcceptedAt:
        return tr("Accepted at");
    case TodayCaseColumn::PromisedDueDate:
        return tr("Promised by");
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
    names.insert(static_cast<int>(TodayCaseRole::ApplicantKind), "applicantKind");
    names.insert(static_cast<int>(TodayCaseRole::Identifier), "identifier");
    names.insert(static_cast<int>(TodayCaseRole::Status), "status");
    names.insert(static_cast<int>(TodayCaseRole::AcceptedAt), "acceptedAt");
    names.insert(static_cast<int>(TodayCaseRole::PromisedDueDate), "promisedDueDate");
    return names;
}

} // namespace onewindow::models
