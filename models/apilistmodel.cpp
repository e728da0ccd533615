#include "apilistmodel.h"

#include "apiclient.h"

#include <QUrl>

namespace onewindow::models {

ApiListModel::ApiListModel(ApiClient *api, QObject *parent) : QAbstractTableModel(parent), m_api(api) {}

ApiListModel::~ApiListModel() = default;

void ApiListModel::load(const QString &path)
{
    m_path = path;
    fetch(path, false);
}

void ApiListModel::loadMore()
{
    if (m_nextCursor.isEmpty() || m_loading)
        return;
    const QChar joiner = m_path.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?');
    fetch(m_path + joiner + QStringLiteral("cursor=") + QString::fromUtf8(QUrl::toPercentEncoding(m_nextCursor)), true);
}

void ApiListModel::fetch(const QString &path, bool append)
{
    m_loading = true;
    // A newer load makes answers to older ones irrelevant.
    const int generation = ++m_generation;
    m_api->get(path, [this, append, generation](const ApiResponse &r) {
        if (generation != m_generation)
            return;
        m_loading = false;
        if (!r.ok()) {
            emit failed(r.error.userMessage());
            return;
        }
        const QJsonArray items = r.object().value(QLatin1String("items")).toArray();
        m_nextCursor = r.object().value(QLatin1String("nextCursor")).toString();
        if (append) {
            if (!items.isEmpty()) {
                beginInsertRows({}, static_cast<int>(m_items.size()), static_cast<int>(m_items.size() + items.size()) - 1);
                for (const auto &item : items)
                    m_items.append(item);
                endInsertRows();
            }
        } else {
            beginResetModel();
            m_items = items;
            endResetModel();
        }
        emit loaded();
    }, this);
}

bool ApiListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && canLoadMore() && !m_loading;
}

void ApiListModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid())
        loadMore();
}

int ApiListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

void ApiListModel::replaceItem(int row, const QJsonObject &item)
{
    if (row < 0 || row >= rowCount())
        return;
    m_items[row] = item;
    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

} // namespace onewindow::models
