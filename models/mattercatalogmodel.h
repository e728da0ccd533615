#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QSortFilterProxyModel>

#include <memory>
#include <vector>

namespace onewindow::models {

/// The catalog's matters, from the local cache, one row each.
class MatterCatalogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit MatterCatalogModel(QObject *parent = nullptr);
    ~MatterCatalogModel() override;

    /// Replaces the rows with these summaries (a reset: the whole catalog changes at once).
    void setMatters(const QJsonArray &summaries);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// What a search looks at, prepared once per catalog load, not per keystroke.
    struct SearchKey
    {
        QString code;     ///< lower-case
        QString name;     ///< lower-case
        QString initials;
        /// The three, lower-case, one per line: a query word (never a line break) matches one of
        /// them exactly when it is in this, so a keystroke costs one search per word and row.
        QString all;
    };
    const SearchKey &searchKey(int row) const { return m_keys[static_cast<std::size_t>(row)]; }

private:
    QJsonArray m_matters;
    std::vector<QJsonObject> m_rows;
    std::vector<SearchKey> m_keys;
};

/// Filters matters as the clerk types: by code, by a part of the name, or by pinyin initials
/// (`gjj` finds 住房公积金...). Several words must all match.
class MatterFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit MatterFilterModel(QObject *parent = nullptr);
    ~MatterFilterModel() override;

    void setQuery(const QString &query);
    QString query() const { return m_query; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_query;
    QStringList m_words;
};

} // namespace onewindow::models
