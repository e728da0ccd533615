#include "numberstock.h"

#include "apiclient.h"
#include "localstore.h"

#include <QJsonArray>
#include <QUrl>
#include <QUuid>

namespace onewindow::models {

NumberStock::NumberStock(ApiClient *api, LocalStore *store, QString center, QObject *parent)
    : QObject(parent), m_api(api), m_store(store), m_center(std::move(center))
{
}

NumberStock::~NumberStock() = default;

QString NumberStock::pendingKeyName(const QString &center)
{
    return QStringLiteral("numberBlock/%1/pendingKey").arg(center);
}

void NumberStock::topUp(int minimum, int blockSize, std::function<void(bool, const QString &)> done)
{
    if (m_running) {
        done(false, tr("Numbers are being reserved already."));
        return;
    }
    m_running = true;
    m_store->freeReservedNumberCount(m_center, this, [this, minimum, blockSize, done](int free) {
        if (free >= minimum) {
            m_running = false;
            done(true, QString());
            return;
        }
        // A block asked for before (the answer lost, or the client killed) is asked for again
        // with its key: the server answers the same numbers.
        m_store->value(pendingKeyName(m_center), this, [this, blockSize, done](const QJsonValue &pending) {
            const QString key = pending.isString() ? pending.toString()
                                                   : QUuid::createUuid().toString(QUuid::WithoutBraces);
            m_store->setValue(pendingKeyName(m_center), key, this,
                              [this, key, blockSize, done] { request(key, blockSize, done); });
        });
    });
}

void NumberStock::request(const QString &key, int blockSize, std::function<void(bool, const QString &)> done)
{
    const QString path = QStringLiteral("/centers/%1/number-blocks").arg(QString::fromUtf8(QUrl::toPercentEncoding(m_center)));
    m_api->create(path, {{QStringLiteral("count"), blockSize}}, [this, done](const ApiResponse &r) {
        if (!r.ok()) {
            m_running = false; // the key stays: the next top-up asks with it
            done(false, r.error.userMessage());
            return;
        }
        QStringList numbers;
        for (const auto &n : r.object().value(QLatin1String("numbers")).toArray())
            numbers << n.toString();
        m_store->addReservedNumbers(m_center, numbers, this, [this, done] {
            m_store->setValue(pendingKeyName(m_center), QJsonValue(), this, [this, done] {
                m_running = false;
                done(true, QString());
            });
        });
    }, this, key);
}

void NumberStock::take(const QString &takenBy, std::function<void(const QString &)> done)
{
    m_store->takeReservedNumber(m_center, takenBy, this, std::move(done));
}

} // namespace onewindow::models
