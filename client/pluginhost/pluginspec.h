#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

class QPluginLoader;
class QObject;

namespace onewindow::sdk {
class IDepartmentPlugin;
class PluginContext;
} // namespace onewindow::sdk

namespace onewindow::pluginhost {

class PluginManager;

/// One plugin file as the host sees it (after Qt Creator's PluginSpec): its metadata, read from
/// the file before the library is loaded, where it is in its lifecycle, and what went wrong.
/// A plugin that fails at any step is Invalid and errorString() says why, in the user's language.
class PluginSpec final
{
    Q_DECLARE_TR_FUNCTIONS(PluginSpec)

public:
    enum class State {
        Read, ///< metadata read and valid
        Resolved, ///< every dependency found in a compatible version
        Loaded, ///< library loaded, plugin object created
        Initialized, ///< initialize() succeeded
        Running, ///< extensionsInitialized() ran
        Stopped, ///< aboutToShutdown() ran and the plugin object is gone
        Invalid, ///< failed; see errorString()
    };

    struct Dependency
    {
        QString id;
        QString version; ///< the lowest version that will do
        friend bool operator==(const Dependency &, const Dependency &) = default;
    };

    ~PluginSpec();
    PluginSpec(const PluginSpec &) = delete;
    PluginSpec &operator=(const PluginSpec &) = delete;

    /// Reads the metadata of the plugin file at `filePath` without loading it. Always returns a
    /// spec; a file that is not a valid OneWindow plugin gives one in state Invalid.
    static std::unique_ptr<PluginSpec> read(const QString &filePath);

    QString id() const { return m_id; }
    /// The metadata's Name, else the Id, else the file name (so that every row has a name).
    QString name() const;
    QString version() const { return m_version; }
    QString compatVersion() const { return m_compatVersion; }
    QString department() const { return m_department; }
    QString vendor() const { return m_vendor; }
    QString description() const { return m_description; }
    QList<Dependency> dependencies() const { return m_dependencies; }
    /// The whole metadata object of the JSON file.
    QJsonObject metaData() const { return m_metaData; }
    QString filePath() const { return m_filePath; }

    State state() const { return m_state; }
    bool hasError() const { return m_state == State::Invalid; }
    QString errorString() const { return m_errorString; }

    /// The specs this one's dependencies resolved to (set once resolved), in metadata order.
    QList<PluginSpec *> dependencySpecs() const { return m_dependencySpecs; }
    /// The plugin object once loaded, else nullptr.
    sdk::IDepartmentPlugin *plugin() const { return m_plugin; }
    QObject *instance() const { return m_instance; }
    /// The context the plugin was initialized with, else nullptr.
    sdk::PluginContext *context() const { return m_context.get(); }
    QPluginLoader *loader() const { return m_loader.get(); }

    /// Whether this plugin satisfies a dependency on `pluginId` at `requiredVersion`: the same Id,
    /// a Version at least `requiredVersion` and a CompatVersion at most it (as in Qt Creator).
    bool provides(const QString &pluginId, const QString &requiredVersion) const;

    /// Versions are one to three numbers separated by dots: 1, 1.2, 1.2.3.
    static bool isValidVersion(const QString &version);
    /// <0, 0 or >0 as `a` is older than, the same as, or newer than `b`; missing parts count as 0.
    static int versionCompare(const QString &a, const QString &b);
    /// The state's name in the user's language.
    static QString stateName(State state);

private:
    friend class PluginManager;
    PluginSpec();
    void setState(State state) { m_state = state; }
    /// Marks the spec Invalid with `error`; keeps the first error when there already is one, so
    /// the root cause is what the user sees.
    void setError(const QString &error);
    void readMetaData(const QJsonObject &pluginMetaData);

    QString m_id;
    QString m_name;
    QString m_version;
    QString m_compatVersion;
    QString m_department;
    QString m_vendor;
    QString m_description;
    QList<Dependency> m_dependencies;
    QJsonObject m_metaData;
    QString m_filePath;
    State m_state = State::Read;
    QString m_errorString;
    QList<PluginSpec *> m_dependencySpecs;
    std::unique_ptr<QPluginLoader> m_loader;
    sdk::IDepartmentPlugin *m_plugin = nullptr;
    QObject *m_instance = nullptr;
    std::unique_ptr<sdk::PluginContext> m_context;
};

} // namespace onewindow::pluginhost
