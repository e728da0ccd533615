#pragma once

#include <QDialog>

class QLabel;
class QTableView;

namespace onewindow::pluginhost {

class PluginListModel;
class PluginManager;

/// Help > About Plugins: every plugin file the client found, its state and, for a plugin that
/// did not start, why; the selected plugin's description and dependencies below the table.
class AboutPluginsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AboutPluginsDialog(PluginManager *manager, QWidget *parent = nullptr);
    ~AboutPluginsDialog() override;

    PluginListModel *model() const { return m_model; }

private:
    void showDetails();

    PluginListModel *m_model;
    QTableView *m_table;
    QLabel *m_details;
};

} // namespace onewindow::pluginhost
