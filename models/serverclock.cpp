#include "serverclock.h"

#include "apiclient.h"

#include <QTimer>

#include <algorithm>

namespace onewindow::models {

namespace {

// However far midnight is, the date is looked at again after this long: a PC that slept does
// not count the time asleep on its monotonic clock.
constexpr qint64 kLongestWaitMs = 10 * 60 * 1000;

} // namespace

ServerClock::ServerClock(ApiClient *api, QObject *parent) : QObject(parent), m_api(api), m_midnight(new QTimer(this))
{
    m_midnight->setSingleShot(true);
    connect(m_midnight, &QTimer::timeout, this, [this] {
        const QDate before = m_lastToday;
        checkDate();
        scheduleMidnight();
        // A new day on the server's clock: ask the server itself, which may pretend another date.
        if (m_lastToday != before)
            refresh();
    });
}

ServerClock::~ServerClock() = default;

QDateTime ServerClock::pcNow()
{
    // The PC's clock, read here only: see the header.
    return QDateTime::currentDateTime();
}

QDateTime ServerClock::serverRealNow() const
{
    if (!m_known)
        return pcNow();
    return m_learnedServerNow.addMSecs(m_sinceLearned.elapsed());
}

QDate ServerClock::today() const
{
    if (!m_known)
        return pcNow().date(); // nothing better until the server answers; isKnown() says so
    return m_learnedToday.addDays(m_learnedServerNow.date().daysTo(serverRealNow().date()));
}

QDateTime ServerClock::now() const
{
    return serverRealNow();
}

bool ServerClock::isSkewed() const
{
    return m_known && std::abs(m_skewSeconds) > kToleratedSkewSeconds;
}

void ServerClock::refresh(std::function<void(bool ok)> done)
{
    m_api->health([done](const ApiError &error) {
        if (done)
            done(!error.isError());
    }, this);
}

bool ServerClock::learn(const QJsonObject &health)
{
    const QDate today = QDate::fromString(health.value(QLatin1String("today")).toString(), Qt::ISODate);
    if (!today.isValid())
        return false;
    QDateTime serverNow = QDateTime::fromString(health.value(QLatin1String("now")).toString(), Qt::ISODateWithMs);
    const QDateTime pc = pcNow();
    if (!serverNow.isValid()) {
        // A server that does not tell its time: its date counts, from midnight of that date on
        // this PC's clock; no skew can be told.
        serverNow = QDateTime(today, pc.time(), Qt::OffsetFromUTC, pc.offsetFromUtc());
        m_skewSeconds = 0;
    } else {
        m_skewSeconds = serverNow.secsTo(pc);
    }
    m_learnedToday = today;
    m_learnedServerNow = serverNow.toOffsetFromUtc(serverNow.offsetFromUtc());
    m_sinceLearned.start();
    m_known = true;
    checkDate();
    scheduleMidnight();
    emit learned();
    return true;
}

QJsonObject ServerClock::snapshot() const
{
    if (!m_known)
        return {};
    return QJsonObject{{QStringLiteral("today"), today().toString(Qt::ISODate)},
                       {QStringLiteral("now"), serverRealNow().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("pc"), pcNow().toString(Qt::ISODateWithMs)}};
}

bool ServerClock::restore(const QJsonObject &snapshot)
{
    if (m_known)
        return false;
    const QDate today = QDate::fromString(snapshot.value(QLatin1String("today")).toString(), Qt::ISODate);
    const QDateTime serverNow = QDateTime::fromString(snapshot.value(QLatin1String("now")).toString(), Qt::ISODateWithMs);
    const QDateTime pcThen = QDateTime::fromString(snapshot.value(QLatin1String("pc")).toString(), Qt::ISODateWithMs);
    const QDateTime pc = pcNow();
    const qint64 elapsedMs = pcThen.isValid() ? pcThen.msecsTo(pc) : -1;
    if (!today.isValid() || !serverNow.isValid() || elapsedMs < 0 || elapsedMs > 30LL * 24 * 3600 * 1000)
        return false;
    const QDateTime serverNowNow = serverNow.addMSecs(elapsedMs);
    m_learnedToday = today.addDays(serverNow.date().daysTo(serverNowNow.date()));
    m_learnedServerNow = serverNowNow;
    m_skewSeconds = serverNowNow.secsTo(pc);
    m_sinceLearned.start();
    m_known = true;
    checkDate();
    scheduleMidnight();
    emit learned();
    return true;
}

void ServerClock::checkDate()
{
    const QDate current = today();
    if (current == m_lastToday)
        return;
    m_lastToday = current;
    emit todayChanged(current);
}

void ServerClock::scheduleMidnight()
{
    const QDateTime now = serverRealNow();
    const QDateTime midnight(now.date().addDays(1), QTime(0, 0), Qt::OffsetFromUTC, now.offsetFromUtc());
    // A little after midnight, so that the date has surely turned.
    const qint64 wait = std::clamp<qint64>(now.msecsTo(midnight) + 50, 50, kLongestWaitMs);
    m_midnight->start(static_cast<int>(wait));
}

} // namespace onewindow::models
