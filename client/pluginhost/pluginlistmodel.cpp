#include "pluginlistmodel.h"

#include "pluginmanager.h"
#include "pluginspec.h"

#include <QDir>

namespace onewindow::pluginhost {

namespace {

constexpr int kColumnCount = PluginColumn::LastColumn + 1;

} // namespace

PluginListModel::PluginListModel(PluginManager *manager, QObject *parent)
    : QAbstractTableModel(parent)
    , m_manager(manager)
{
    if (!manager)
        return;
    m_specs = manager->plugins();
    connect(manager, &PluginManager::pluginsAboutToChange, this, [this] { beginResetModel(); });
    connect(manager, &PluginManager::pluginsChanged, this, [this] {
        m_specs = m_manager ? m_manager->plugins() : QList<PluginSpec *> {};
        endResetModel();
    });
    connect(manager, &PluginManager::stateChanged, this, &PluginListModel::onStateChanged);
}

PluginListModel::~PluginListModel() = default;

int PluginListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_specs.size());
}

int PluginListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

PluginSpec *PluginListModel::spec(int row) const
{
    return row >= 0 && row < m_specs.size() ? m_specs.at(row) : nullptr;
}

QVariant PluginListModel::columnText(const PluginSpec &spec, int column) const
{
    switch (column) {
    case PluginColumn::Name:
        return spec.name();
    case PluginColumn::Version:
        return spec.version();
    case PluginColumn::Department:
        return spec.department();
    case PluginColumn::State:
        return PluginSpec::stateName(spec.state());
    case PluginColumn::Error:
        return spec.errorString();
    case PluginColumn::Path:
        return QDir::toNativeSeparators(spec.filePath());
    }
    return {};
}

QVariant PluginListModel::data(const QModelIndex &index, int role) const
{
    // An invalid index is a normal question ("no item"); checkIndex() only complains about bad ones.
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PluginSpec *s = spec(index.row());
    if (!s)
        return {};
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        return columnText(*s, column);
    case Qt::ToolTipRole:
        if (column == PluginColumn::Name)
            return s->description().isEmpty() ? QVariant() : QVariant(s->description());
        if (column == PluginColumn::Error || column == PluginColumn::Path)
            return columnText(*s, column);
        return {};
    case Qt::AccessibleTextRole:
        // A screen reader reading a row's first cell hears the whole story; an empty error cell
        // is read as "No error" rather than as nothing.
        if (column == PluginColumn::Name) {
            return tr("%1, version %2, %3").arg(s->name(), s->version(), PluginSpec::stateName(s->state()));
        }
        if (column == PluginColumn::Error && s->errorString().isEmpty())
            return tr("No error");
        return columnText(*s, column);
    case Qt::AccessibleDescriptionRole:
        return column == PluginColumn::Name ? QVariant(s->description()) : QVariant();
    case static_cast<int>(PluginRole::Id):
        return s->id();
    case static_cast<int>(PluginRole::Name):
        return s->name();
    case static_cast<int>(PluginRole::Version):
        return s->version();
    case static_cast<int>(PluginRole::CompatVersion):
        return s->compatVersion();
    case static_cast<int>(PluginRole::Department):
        return s->department();
    case static_cast<int>(PluginRole::Vendor):
        return s->vendor();
    case static_cast<int>(PluginRole::Description):
        return s->description();
    case static_cast<int>(PluginRole::State):
        return static_cast<int>(s->state());
    case static_cast<int>(PluginRole::StateName):
        return PluginSpec::stateName(s->state());
    case static_cast<int>(PluginRole::Error):
        return s->errorString();
    case static_cast<int>(PluginRole::Path):
        return s->filePath();
    case static_cast<int>(PluginRole::HasError):
        return s->hasError();
    case static_cast<int>(PluginRole::Dependencies): {
        QStringList out;
        for (const PluginSpec::Dependency &d : s->dependencies())
            out << d.id + QLatin1Char(' ') + d.version;
        return out;
    }
    default:
        return {};
    }
}

QVariant PluginListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kColumnCount
        || (role != Qt::DisplayRole && role != Qt::AccessibleTextRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PluginColumn::Name:
        return tr("Name");
    case PluginColumn::Version:
        return tr("Version");
    case PluginColumn::Department:
        return tr("Department");
    case PluginColumn::State:
        return tr("State");
    case PluginColumn::Error:
        return tr("Error");
    case PluginColumn::Path:
        return tr("File");
    }
    return {};
}

QHash<int, QByteArray> PluginListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(static_cast<int>(PluginRole::Id), "pluginId");
    names.insert(static_cast<int>(PluginRole::Name), "name");
    names.insert(static_cast<int>(PluginRole::Version), "version");
    names.insert(static_cast<int>(PluginRole::CompatVersion), "compatVersion");
    names.insert(static_cast<int>(PluginRole::Department), "department");
    names.insert(static_cast<int>(PluginRole::Vendor), "vendor");
    names.insert(static_cast<int>(PluginRole::Description), "description");
    names.insert(static_cast<int>(PluginRole::State), "state");
    names.insert(static_cast<int>(PluginRole::StateName), "stateName");
    names.insert(static_cast<int>(PluginRole::Error), "errorString");
    names.insert(static_cast<int>(PluginRole::Path), "filePath");
    names.insert(static_cast<int>(PluginRole::HasError), "hasError");
    names.insert(static_cast<int>(PluginRole::Dependencies), "dependencies");
    return names;
}

void PluginListModel::onStateChanged(PluginSpec *spec)
{
    const qsizetype row = m_specs.indexOf(spec);
    if (row < 0)
        return;
    const int r = static_cast<int>(row);
    emit dataChanged(index(r, 0), index(r, kColumnCount - 1));
}

} // namespace onewindow::pluginhost
