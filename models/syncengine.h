#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>

class QTimer;

namespace onewindow::models {

class ApiClient;
class LocalStore;
struct ApiResponse;

/// Sends the intakes taken in without the network to the server, from the local store's outbox,
/// oldest first, one at a time, each with its own idempotency key (so a case reaches the server
/// exactly once however often the connection drops or the client is killed: a resent intake is
/// answered with its first answer). A network failure waits before the next try, longer each
/// time, with jitter; so does an answer that is not about the case (5xx, 401, 408, 429). Any other
/// answer of the server is final: the case is `sent`, or `refused` with the server's reasons (the
/// one-time notice to print), which come back to the agent. Nothing is dropped.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    struct Backoff
    {
        int baseMs = 1000;   ///< the first wait after a failure
        int maxMs = 60000;   ///< never longer
    };

    SyncEngine(ApiClient *api, LocalStore *store, QObject *parent = nullptr);
    ~SyncEngine() override;

    void setBackoff(Backoff backoff) { m_backoff = backoff; }
    /// Sends what is queued now (and goes on until the outbox is empty or the network fails).
    void syncNow();
    bool isSending() const { return m_sending; }
    /// The wait before the next try after consecutive failures `failures` (with ±50 % jitter).
    int retryDelayMs(int failures) const;

signals:
    /// Before each send: how many are waiting, and how many were sent in this round.
    void progress(int waiting, int sentThisRound);
    void sent(const QString &key, const QJsonObject &caseObject);
    void refused(const QString &key, const QJsonObject &problem);
    /// The server could not be reached; the next try is in `retryInMs`.
    void waiting(const QString &message, int retryInMs);
    /// The outbox has nothing queued any more.
    void idle();

private:
    void sendNext();
    void answered(const QString &key, const ApiResponse &r);

    QPointer<ApiClient> m_api;
    QPointer<LocalStore> m_store;
    QTimer *m_retry;
    Backoff m_backoff;
    bool m_sending = false;
    int m_failures = 0;
    int m_sentThisRound = 0;
};

} // namespace onewindow::models
