#include "catalogsync.h"

#include "apiclient.h"
#include "localstore.h"
#include "serverclock.h"

#include <QDate>
#include <QJsonArray>
#include <QUrlQuery>

namespace onewindow::models {

CatalogSync::CatalogSync(ApiClient *api, LocalStore *store, QObject *parent)
    : QObject(parent), m_api(api), m_store(store)
{
}

CatalogSync::~CatalogSync() = default;

void CatalogSync::refresh()
{
    if (m_running)
        return;
    m_running = true;
    m_collected = QJsonArray();
    fetchMatters({});
}

void CatalogSync::fetchMatters(const QString &cursor)
{
    QString path = QStringLiteral("/matters?limit=200");
    if (!cursor.isEmpty())
        path += QStringLiteral("&cursor=") + QString::fromUtf8(QUrl::toPercentEncoding(cursor));
    m_api->get(path, [this](const ApiResponse &r) {
        if (!r.ok())
            return fail(r.error.userMessage());
        for (const auto &item : r.object().value(QLatin1String("items")).toArray())
            m_collected.append(item);
        const QString next = r.object().value(QLatin1String("nextCursor")).toString();
        if (!next.isEmpty())
            return fetchMatters(next);
        m_store->replaceMatters(m_collected, this, [this] { fetchRest(); });
    }, this);
}

void CatalogSync::fetchRest()
{
    m_api->get(QStringLiteral("/bundles"), [this](const ApiResponse &bundles) {
        if (!bundles.ok())
            return fail(bundles.error.userMessage());
        m_store->replaceBundles(bundles.object().value(QLatin1String("items")).toArray());
        // Each refresh learns the server's date again; the calendar covers its year and January next.
        m_api->health([this](const ApiError &error) {
            if (error.isError())
                return fail(error.userMessage());
            fetchCalendar();
        }, this);
    }, this);
}

void CatalogSync::fetchCalendar()
{
    const QDate today = m_api->clock()->today();
    const QString from = QDate(today.year(), 1, 1).toString(Qt::ISODate);
    const QString to = QDate(today.year() + 1, 1, 31).toString(Qt::ISODate);
    m_api->get(QStringLiteral("/calendar?from=%1&to=%2").arg(from, to), [this](const ApiResponse &calendar) {
        if (!calendar.ok())
            return fail(calendar.error.userMessage());
        m_store->replaceCalendar(calendar.object().value(QLatin1String("days")).toArray(), this,
                                 [this] { fetchDetail(0); });
    }, this);
}

void CatalogSync::fetchDetail(int index)
{
    // Every matter's definition, one after the other, so an intake can be taken in offline.
    if (index >= m_collected.size()) {
        m_store->setValue(QStringLiteral("catalog.refreshedAt"), m_api->clock()->now().toString(Qt::ISODate));
        m_running = false;
        emit finished(true, {});
        return;
    }
    const QString code = m_collected.at(index).toObject().value(QLatin1String("code")).toString();
    m_api->get(QStringLiteral("/matters/") + QString::fromUtf8(QUrl::toPercentEncoding(code)),
               [this, index](const ApiResponse &r) {
                   if (!r.ok())
                       return fail(r.error.userMessage());
                   m_store->saveMatterDetail(r.object(), this, [this, index] { fetchDetail(index + 1); });
               },
               this);
}

void CatalogSync::fail(const QString &message)
{
    m_running = false;
    emit finished(false, message);
}

} // namespace onewindow::models
