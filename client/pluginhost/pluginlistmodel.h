#pragma once

#include <QAbstractTableModel>
#include <QPointer>

namespace onewindow::pluginhost {

class PluginManager;
class PluginSpec;

namespace PluginColumn {
enum Column { Name, Version, Department, State, Error, Path, LastColumn = Path };
}

/// The same facts as plain values, whatever the column.
enum class PluginRole {
    Id = Qt::UserRole + 1,
    Name,
    Version,
    CompatVersion,
    Department,
    Vendor,
    Description,
    State, ///< PluginSpec::State as an int
    StateName, ///< translated
    Error,
    Path,
    HasError,
    Dependencies, ///< "Id Version" per dependency, a QStringList
};

/// The plugins a PluginManager found, one row each, for the About Plugins dialog and for
/// administrators' diagnostics. Follows the manager: rows are reset when it discovers plugins
/// and change when a plugin's state does.
class PluginListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:

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
    QVariant columnText(const PluginSpec &spec, int column) const;

    QPointer<PluginManager> m_manager;
    QList<PluginSpec *> m_specs;
};

} // namespace onewindow::pluginhost
