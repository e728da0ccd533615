#pragma once

#include <QAbstractTableModel>
#include <QPointer>

namespace onewindow::pluginhost {

class PluginManager;
class PluginSpec;

/// The plugins a PluginManager found, one row each, for the About Plugins dialog and for
/// administrators' diagnostics. Follows the manager: rows are reset when it discovers plugins
/// and change when a plugin's state does.
class PluginListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column { Name, Version, Department, State, Error, Path, Count };
    Q_ENUM(Column)

    /// The same facts as plain values, whatever the column.
    enum Role {
        IdRole = Qt::UserRole,
        NameRole,
        VersionRole,
        CompatVersionRole,
        DepartmentRole,
        VendorRole,
        DescriptionRole,
        StateRole, ///< PluginSpec::State as an int
        StateNameRole, ///< translated
        ErrorRole,
        PathRole,
        HasErrorRole,
        DependenciesRole, ///< "Id Version" per dependency, a QStringList
    };
    Q_ENUM(Role)

    explicit PluginListModel(PluginManager *manager, QObject *parent = nullptr);
    ~PluginListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The plugin on `row`, or nullptr.
    PluginSpec *spec(int row) const;

private:
    void onStateChanged(PluginSpec *spec);
    QVariant columnText(const PluginSpec &spec, Column column) const;

    QPointer<PluginManager> m_manager;
    QList<PluginSpec *> m_specs;
};

} // namespace onewindow::pluginhost
