#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace onewindow::models {

class ApiClient;
class LocalStore;

/// The case numbers a village centre keeps in stock for intake without the network (POST
/// /centers/{code}/number-blocks): topped up whenever the server is reachable, kept in the local
/// store, each taken by one intake. A block is asked for with an idempotency key written to the
/// store before the request goes out, so a client killed after the server answered asks again
/// with the same key and gets the same numbers: none is lost, none is given twice.
class NumberStock : public QObject
{
    Q_OBJECT

public:
    NumberStock(ApiClient *api, LocalStore *store, QString center, QObject *parent = nullptr);
    ~NumberStock() override;

    QString center() const { return m_center; }
    /// When fewer than `minimum` numbers are free, asks the server for a block of `blockSize`.
    /// `done(ok, message)`: ok when the stock is at least `minimum` (or was topped up).
    void topUp(int minimum, int blockSize, std::function<void(bool ok, const QString &message)> done);
    /// The number of the intake `takenBy` (its key): the same one on every call.
    void take(const QString &takenBy, std::function<void(const QString &number)> done);

    /// The store key of the block being asked for.
    static QString pendingKeyName(const QString &center);

private:
    void request(const QString &key, int blockSize, std::function<void(bool, const QString &)> done);

    QPointer<ApiClient> m_api;
    QPointer<LocalStore> m_store;
    QString m_center;
    bool m_running = false;
};

} // namespace onewindow::models
