#include "mattercatalogmodel.h"

#include "formatting.h"
#include "modelenums.h"

#include <QJsonObject>

namespace onewindow::models {

MatterCatalogModel::MatterCatalogModel(QObject *parent) : QAbstractTableModel(parent) {}

MatterCatalogModel::~MatterCatalogModel() = default;

void MatterCatalogModel::setMatters(const QJsonArray &summaries)
{
    if (summaries == m_matters)
        return;
    beginResetModel();
    m_matters = summaries;
    m_rows.clear();
    m_keys.clear();
    m_rows.reserve(static_cast<std::size_t>(summaries.size()));
    m_keys.reserve(static_cast<std::size_t>(summaries.size()));
    for (const auto &m : summaries) {
        const QJsonObject o = m.toObject();
        m_rows.push_back(o);
        SearchKey key{o.value(QLatin1String("code")).toString().toLower(), o.value(QLatin1String("name")).toString().toLower(),
                      o.value(QLatin1String("initials")).toString().toLower(), {}};
        key.all = key.code + QLatin1Char('\n') + key.initials + QLatin1Char('\n') + key.name;
        m_keys.push_back(std::move(key));
    }
    endResetModel();
}

int MatterCatalogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_matters.size());
}

int MatterCatalogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : MatterColumn::LastColumn + 1;
}

QVariant MatterCatalogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &m = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case MatterColumn::Code: return m.value(QLatin1String("code")).toString();
        case MatterColumn::Name: return m.value(QLatin1String("name")).toString();
        case MatterColumn::Department: return m.value(QLatin1String("department")).toString();
        case MatterColumn::PromisedDays: return formatWorkingDays(m.value(QLatin1String("promisedDays")).toDouble());
        }
        return {};
    case Qt::ToolTipRole:
        return tr("%1 (initials: %2)").arg(m.value(QLatin1String("name")).toString(),
                                           m.value(QLatin1String("initials")).toString());
    }
    switch (static_cast<MatterRole>(role)) {
    case MatterRole::Code: return m.value(QLatin1String("code")).toString();
    case MatterRole::Name: return m.value(QLatin1String("name")).toString();
    case MatterRole::Department: return m.value(QLatin1String("department")).toString();
    case MatterRole::Initials: return m.value(QLatin1String("initials")).toString();
    case MatterRole::PromisedDays: return m.value(QLatin1String("promisedDays")).toDouble();
    case MatterRole::LegalDays: return m.value(QLatin1String("legalDays")).toDouble();
    case MatterRole::Summary: return m;
    }
    return {};
}

QVariant MatterCatalogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MatterColumn::Code: return tr("Code");
    case MatterColumn::Name: return tr("Matter");
    case MatterColumn::Department: return tr("Department");
    case MatterColumn::PromisedDays: return tr("Promised time");
    }
    return {};
}

QHash<int, QByteArray> MatterCatalogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(int(MatterRole::Code), "code");
    names.insert(int(MatterRole::Name), "name");
    names.insert(int(MatterRole::Department), "department");
    names.insert(int(MatterRole::Initials), "initials");
    names.insert(int(MatterRole::PromisedDays), "promisedDays");
    names.insert(int(MatterRole::LegalDays), "legalDays");
    names.insert(int(MatterRole::Summary), "summary");
    return names;
}

MatterFilterModel::MatterFilterModel(QObject *parent) : QSortFilterProxyModel(parent) {}

MatterFilterModel::~MatterFilterModel() = default;

void MatterFilterModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    m_words = query.simplified().toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // A full invalidation: the proxy rebuilds its mapping in one pass and the view lays out once.
    // (invalidateFilter() removes the rows that no longer match range by range, and a first letter
    // scatters thousands of ranges over a large catalog: one signal and one view update each.)
    invalidate();
}

bool MatterFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    // The catalog model's prepared keys: no QVariant or JSON work per row and keystroke.
    if (const auto *catalog = qobject_cast<const MatterCatalogModel *>(sourceModel())) {
        const auto &key = catalog->searchKey(sourceRow);
        for (const QString &word : m_words) {
            if (!key.all.contains(word))
                return false;
        }
        return true;
    }
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString code = index.data(int(MatterRole::Code)).toString().toLower();
    const QString name = index.data(int(MatterRole::Name)).toString();
    const QString initials = index.data(int(MatterRole::Initials)).toString();
    for (const QString &word : m_words) {
        if (!code.contains(word) && !name.contains(word, Qt::CaseInsensitive) && !initials.contains(word))
            return false;
    }
    return true;
}

} // namespace onewindow::models
