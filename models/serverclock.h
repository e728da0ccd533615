#pragma once

#include <QDate>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>

#include <functional>

class QTimer;

namespace onewindow::models {

class ApiClient;

/// The one source of "today" in the client: the server's date, which every due date, time limit
/// and printed paper counts from, never this PC's clock (a counter PC with a wrong clock would
/// print a wrong due date on a letter the applicant signs).
///
/// It learns the server's date and time from every answer of GET /health (ApiClient::health(),
/// which the main window asks every minute, the sign-in and each catalog refresh), then keeps
/// time with a monotonic timer, so that it notices midnight on the server's clock, not the PC's.
/// Every page, model, paper and plugin asks it (plugins through sdk::PluginContext::clock()).
class ServerClock : public QObject
{
    Q_OBJECT

public:
    /// The PC's clock may differ from the server's by this much before the status bar says so.
    static constexpr qint64 kToleratedSkewSeconds = 5 * 60;

    explicit ServerClock(ApiClient *api, QObject *parent = nullptr);
    ~ServerClock() override;

    /// The server's business date. Before the server has first answered: this PC's date, and
    /// isKnown() is false.
    QDate today() const;
    /// The server's real time now, in the server's offset from UTC (this PC's time before the
    /// server has answered).
    QDateTime now() const;
    /// Whether the server has told its date.
    bool isKnown() const { return m_known; }
    /// This PC's clock minus the server's, in seconds (0 until known).
    qint64 skewSeconds() const { return m_skewSeconds; }
    /// The PC's clock is further than kToleratedSkewSeconds from the server's.
    bool isSkewed() const;

    /// Asks the server (GET /health); `done` is told whether it answered.
    void refresh(std::function<void(bool ok)> done = nullptr);
    /// Takes the date and time of a GET /health answer ({"today", "now", ...}). Answers whose
    /// `today` is not a date are ignored (false).
    bool learn(const QJsonObject &health);

    /// What was learned, to be kept on this PC ({"today", "now", "pc"}; empty until known).
    QJsonObject snapshot() const;
    /// Before the server has answered (an offline session): the date and time last learned,
    /// carried forward by this PC's clock since then (a snapshot() of at most 30 days ago; an
    /// older one, or one from this PC's future, is ignored: false).
    bool restore(const QJsonObject &snapshot);

    /// This PC's own clock: only for timestamps that are not business dates (when a draft or a
    /// pending upload was saved, log lines, file names). Business dates come from today().
    static QDateTime pcNow();

signals:
    /// The server's date changed: it was learned for the first time, or midnight passed on the
    /// server's clock, or the server now says another date.
    void todayChanged(const QDate &today);
    /// Each time the server's date and time were learned (skew and date are up to date).
    void learned();

private:
    QDateTime serverRealNow() const;
    void checkDate();
    void scheduleMidnight();

    ApiClient *m_api;
    bool m_known = false;
    QDate m_learnedToday;         ///< the server's `today` when learned
    QDateTime m_learnedServerNow; ///< the server's real time when learned, in its offset
    QElapsedTimer m_sinceLearned; ///< monotonic: unaffected by changes of the PC's clock
    qint64 m_skewSeconds = 0;
    QDate m_lastToday;            ///< the date last announced by todayChanged
    QTimer *m_midnight;
};

} // namespace onewindow::models
