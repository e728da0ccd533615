#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>

namespace onewindow::models {

class ApiClient;

/// A table over a keyset-paged list of the API (`{items, nextCursor}`): load() fetches the first
/// page, loadMore() appends the next; views ask for it themselves through canFetchMore() and
/// fetchMore() when they scroll to the end. Subclasses say what the columns show.
class ApiListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit ApiListModel(ApiClient *api, QObject *parent = nullptr);
    ~ApiListModel() override;

    /// `path` relative to /api/v1, with its query (e.g. "/cases?status=accepted").
    void load(const QString &path);
    void reload() { load(m_path); }
    void loadMore();
    bool canLoadMore() const { return !m_nextCursor.isEmpty(); }
    bool isLoading() const { return m_loading; }
    QJsonObject item(int row) const { return m_items.at(row).toObject(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// Replaces row `row` by a newer answer of the server for the same item.
    void replaceItem(int row, const QJsonObject &item);

signals:
    void loaded();
    void failed(const QString &message);

private:
    void fetch(const QString &path, bool append);

    ApiClient *m_api;
    QString m_path;
    QString m_nextCursor;
    QJsonArray m_items;
    bool m_loading = false;
    int m_generation = 0;
};

} // namespace onewindow::models
