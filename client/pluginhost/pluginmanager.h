#pragma once

#include "pluginspec.h"

#include <QObject>
#include <QSet>
#include <QStringList>

#include <functional>
#include <memory>
#include <string>
#include <vector>

class QSettings;

namespace onewindow::models {
class ApiClient;
struct UserInfo;
} // namespace onewindow::models

namespace onewindow::sdk {
class PluginContext;
class Registries;
} // namespace onewindow::sdk

namespace onewindow::pluginhost {

/// Finds, loads and runs the department plugins (after Qt Creator's PluginManager).
///
/// loadPlugins() reads every plugin's metadata, resolves the dependencies, loads and initializes
/// the plugins in dependency order (dependencies first) and calls extensionsInitialized() in the
/// reverse order. Right after a plugin's initialize() succeeds, what it offers through the
/// capability interfaces (found with qobject_cast) goes into registries(), so that a plugin's
/// dependents already see it in their own initialize(). A plugin that fails at any step is
/// Invalid with the reason in its spec, every plugin depending on it fails with an error naming
/// it, and the client goes on without them: a broken plugin file never takes the client down.
class PluginManager final : public QObject
{
    Q_OBJECT

public:
    /// Makes the context a plugin is initialized with. The manager passes the plugin's Id and the
    /// registries it owns, and keeps the context for as long as the plugin lives.
    using ContextFactory = std::function<std::unique_ptr<sdk::PluginContext>(const QString &pluginId,
                                                                             const sdk::Registries *registries)>;

    explicit PluginManager(QObject *parent = nullptr);
    /// Shuts the plugins down if shutdown() was not called.
    ~PluginManager() override;

    /// The settings key of the administrator's extra plugin folder.
    static QString settingsKey() { return QStringLiteral("plugins/path"); }

    /// Where the client looks, in this order: `<applicationDir>/plugins`,
    /// `<applicationDir>/../lib/onewindow/plugins` (an installed client), the folders in
    /// ONEWINDOW_PLUGIN_PATH (separated like PATH), then the folder in `settings` under
    /// settingsKey(). Earlier folders win when two plugins have the same Id.
    static QStringList defaultSearchPaths(const QString &applicationDir, const QSettings &settings);
    /// The same for the running application and its default QSettings.
    static QStringList defaultSearchPaths();

    /// The usual factory: every plugin gets a HostPluginContext with the client's server
    /// connection, the signed-in user and the language shown (the system's when not given).
    static ContextFactory contextFactory(models::ApiClient *api, const models::UserInfo *user,
                                         std::function<QString()> language = {});

    void setSearchPaths(const QStringList &paths) { m_searchPaths = paths; }
    QStringList searchPaths() const { return m_searchPaths; }

    /// Finds and starts the plugins; once per manager (a second call is logged and ignored).
    void loadPlugins(const ContextFactory &contextFactory);
    /// aboutToShutdown() in reverse dependency order, then the plugin objects are deleted.
    /// The registries are emptied first, since what they hold came from the plugins.
    void shutdown();

    /// Every plugin file found, in discovery order (search path order, then file name).
    QList<PluginSpec *> plugins() const;
    /// The valid plugin with this Id, or nullptr.
    PluginSpec *plugin(const QString &id) const;
    /// The plugins that were resolved, in the order they were loaded (dependencies first).
    QList<PluginSpec *> loadOrder() const { return m_loadOrder; }
    const sdk::Registries &registries() const { return *m_registries; }

signals:
    /// Emitted before and after the list of plugins changes (for item models).
    void pluginsAboutToChange();
    void pluginsChanged();
    void stateChanged(onewindow::pluginhost::PluginSpec *spec);

private:
    void discover();
    void resolveDependencies();
    void computeLoadOrder();
    bool visit(PluginSpec *spec, QList<PluginSpec *> &path, QSet<PluginSpec *> &done);
    void loadLibrary(PluginSpec *spec);
    void initializePlugin(PluginSpec *spec, const ContextFactory &contextFactory);
    bool initializeExtensions(PluginSpec *spec);
    /// Fails `spec` with `error` and every plugin that (indirectly) depends on it.
    void fail(PluginSpec *spec, const QString &error);
    void failDependents(PluginSpec *spec);
    /// True when a dependency has failed; then `spec` fails naming it.
    bool dependencyFailed(PluginSpec *spec);
    void addCapabilities(const PluginSpec *spec);
    void rebuildRegistries();
    void setState(PluginSpec *spec, PluginSpec::State state);

    QStringList m_searchPaths;
    std::vector<std::unique_ptr<PluginSpec>> m_specs;
    QList<PluginSpec *> m_loadOrder;
    std::unique_ptr<sdk::Registries> m_registries;
    bool m_loaded = false;
    bool m_shutDown = false;
};

} // namespace onewindow::pluginhost
