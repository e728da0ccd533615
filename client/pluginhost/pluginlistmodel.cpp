#include "pluginlistmodel.h"

#include "pluginmanager.h"
#include "pluginspec.h"

#include <QDir>

namespace onewindow::pluginhost {

namespace {

constexpr int kColumnCount = static_cast<int>(PluginListModel::Column::Count);

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

QVariant PluginListModel::columnText(const PluginSpec &spec, Column column) const
{
    switch (column) {
    case Column::Name:
        return spec.name();
    case Column::Version:
        return spec.version();
    case Column::Department:
        return spec.department();
    case Column::State:
        return PluginSpec::stateName(spec.state());
    case Column::Error:
        return spec.errorString();
    case Column::Path:
        return QDir::toNativeSeparators(spec.filePath());
    case Column::Count:
        break;
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
    const auto column = static_cast<Column>(index.column());

    switch (role) {
    case Qt::DisplayRole:
        return columnText(*s, column);
    case Qt::ToolTipRole:
        if (column == Column::Name)
            return s->description().isEmpty() ? QVariant() : QVariant(s->description());
        if (column == Column::Error || column == Column::Path)
            return columnText(*s, column);
        return {};
    case Qt::AccessibleTextRole:
        // A screen reader reading a row's first cell hears the whole story; an empty error cell
        // is read as "No error" rather than as nothing.
        if (column == Column::Name) {
            return tr("%1, version %2, %3").arg(s->name(), s->version(), PluginSpec::stateName(s->state()));
        }
        if (column == Column::Error && s->errorString().isEmpty())
            return tr("No error");
        return columnText(*s, column);
    case Qt::AccessibleDescriptionRole:
        return column == Column::Name ? QVariant(s->description()) : QVariant();
    case IdRole:
        return s->id();
    case NameRole:
        return s->name();
    case VersionRole:
        return s->version();
    case CompatVersionRole:
        return s->compatVersion();
    case DepartmentRole:
        return s->department();
    case VendorRole:
        return s->vendor();
    case DescriptionRole:
        return s->description();
    case StateRole:
        return static_cast<int>(s->state());
    case StateNameRole:
        return PluginSpec::stateName(s->state());
    case ErrorRole:
        return s->errorString();
    case PathRole:
        return s->filePath();
    case HasErrorRole:
        return s->hasError();
    case DependenciesRole: {
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
    switch (static_cast<Column>(section)) {
    case Column::Name:
        return tr("Name");
    case Column::Version:
        return tr("Version");
    case Column::Department:
        return tr("Department");
    case Column::State:
        return tr("State");
    case Column::Error:
        return tr("Error");
    case Column::Path:
        return tr("File");
    case Column::Count:
        break;
    }
    return {};
}

QHash<int, QByteArray> PluginListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "pluginId");
    names.insert(NameRole, "name");
    names.insert(VersionRole, "version");
    names.insert(CompatVersionRole, "compatVersion");
    names.insert(DepartmentRole, "department");
    names.insert(VendorRole, "vendor");
    names.insert(DescriptionRole, "description");
    names.insert(StateRole, "state");
    names.insert(StateNameRole, "stateName");
    names.insert(ErrorRole, "errorString");
    names.insert(PathRole, "filePath");
    names.insert(HasErrorRole, "hasError");
    names.insert(DependenciesRole, "dependencies");
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
