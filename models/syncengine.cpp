#include "syncengine.h"

#include "apiclient.h"
#include "localstore.h"

#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace onewindow::models {

SyncEngine::SyncEngine(ApiClient *api, LocalStore *store, QObject *parent)
    : QObject(parent), m_api(api), m_store(store), m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &SyncEngine::syncNow);
}

SyncEngine::~SyncEngine() = default;

int SyncEngine::retryDelayMs(int failures) const
{
    const double exponential = m_backoff.baseMs * std::pow(2.0, std::min(failures - 1, 16));
    const double capped = std::min<double>(exponential, m_backoff.maxMs);
    // Jitter: clients that lost the network together do not all come back in the same second.
    return static_cast<int>(capped * (0.5 + QRandomGenerator::global()->generateDouble()));
}

void SyncEngine::syncNow()
{
    if (m_sending || !m_store || !m_api)
        return;
    m_retry->stop();
    m_sending = true;
    m_sentThisRound = 0;
    sendNext();
}

void SyncEngine::sendNext()
{
    m_store->nextQueuedIntake(this, [this](const QJsonObject &entry, int queued) {
        emit progress(queued, m_sentThisRound);
        if (entry.isEmpty()) {
            m_sending = false;
            m_failures = 0;
            emit idle();
            return;
        }
        const QString key = entry.value(QLatin1String("key")).toString();
        m_api->create(QStringLiteral("/cases"), entry.value(QLatin1String("body")).toObject(),
                      [this, key](const ApiResponse &r) { answered(key, r); }, this, key);
    });
}

void SyncEngine::answered(const QString &key, const ApiResponse &r)
{
    // The server's answer is final, unless it is about the moment rather than the case
    // (ApiError::isRetryable).
    if (r.ok() || !r.error.isRetryable()) {
        m_failures = 0;
        const bool ok = r.ok();
        const QJsonObject answer = r.object();
        m_store->recordOutboxAttempt(key, ok ? QStringLiteral("sent") : QStringLiteral("refused"), answer,
                                     ok ? QString() : r.error.userMessage(), this, [this, key, answer, ok] {
                                         if (ok) {
                                             ++m_sentThisRound;
                                             emit sent(key, answer);
                                         } else {
                                             emit refused(key, answer);
                                         }
                                         sendNext();
                                     });
        return;
    }
    // Not reached: the entry stays queued, to be sent again with its key.
    ++m_failures;
    const QString message = r.error.userMessage();
    m_store->recordOutboxAttempt(key, QStringLiteral("queued"), {}, message, this, [this, message] {
        m_sending = false;
        const int delay = retryDelayMs(m_failures);
        m_retry->start(delay);
        emit waiting(message, delay);
    });
}

} // namespace onewindow::models
