#pragma once

#include <QJsonArray>
#include <QObject>

namespace onewindow::models {

class ApiClient;
class LocalStore;

/// Refreshes the local catalog cache from the server in the background: every matter summary
/// (all pages), the bundles, the server's date (which sets the ApiClient's ServerClock), and the
/// calendar of the server's year and of next January, then every matter's definition (what an
/// intake without the server needs).
class CatalogSync : public QObject
{
    Q_OBJECT

public:
    CatalogSync(ApiClient *api, LocalStore *store, QObject *parent = nullptr);
    ~CatalogSync() override;

    void refresh();
    bool isRunning() const { return m_running; }

signals:
    /// `ok` false when the server could not be reached; the cache keeps what it had.
    void finished(bool ok, const QString &message);

private:
    void fetchMatters(const QString &cursor);
    void fetchRest();
    void fetchCalendar();
    void fetchDetail(int index);
    void fail(const QString &message);

    ApiClient *m_api;
    LocalStore *m_store;
    bool m_running = false;
    QJsonArray m_collected;
};

} // namespace onewindow::models
