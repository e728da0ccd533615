#include "pluginmanager.h"

#include "capabilities.h"
#include "hostplugincontext.h"
#include "idepartmentplugin.h"
#include "plugincontext.h"
#include "registries.h"

#include "models/apiclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>
#include <QPluginLoader>
#include <QSettings>
#include <spdlog/spdlog.h>

#include <exception>
#include <ranges>

#ifndef ONEWINDOW_INSTALL_LIBDIR
#define ONEWINDOW_INSTALL_LIBDIR "lib"
#endif

namespace onewindow::pluginhost {

namespace {

std::string str(const QString &text)
{
    return text.toStdString();
}

QString exceptionText(const std::exception_ptr &error)
{
    try {
        std::rethrow_exception(error);
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    } catch (...) {
        return PluginManager::tr("an exception that is not a std::exception");
    }
}

} // namespace

PluginManager::PluginManager(QObject *parent)
    : QObject(parent)
    , m_registries(std::make_unique<sdk::Registries>())
{ }

PluginManager::~PluginManager()
{
    shutdown();
    // Models showing the specs let go of them before they are deleted.
    emit pluginsAboutToChange();
    m_specs.clear();
    m_loadOrder.clear();
    emit pluginsChanged();
}

QStringList PluginManager::defaultSearchPaths(const QString &applicationDir, const QSettings &settings)
{
    const QDir appDir(applicationDir);
    QStringList paths {appDir.filePath(QStringLiteral("plugins"))};
    // An installed client: bin/onewindow and <libdir>/onewindow/plugins side by side.
    const QString libDir = QStringLiteral(ONEWINDOW_INSTALL_LIBDIR);
    paths << (QDir::isAbsolutePath(libDir) ? libDir : applicationDir + QStringLiteral("/../") + libDir)
            + QStringLiteral("/onewindow/plugins");
    const QString fromEnvironment = qEnvironmentVariable("ONEWINDOW_PLUGIN_PATH");
    paths << fromEnvironment.split(QDir::listSeparator(), Qt::SkipEmptyParts);
    paths << settings.value(settingsKey()).toStringList();

    QStringList out;
    for (const QString &path : std::as_const(paths)) {
        if (path.trimmed().isEmpty())
            continue;
        const QString clean = QDir::cleanPath(QDir(path).absolutePath());
        if (!out.contains(clean))
            out << clean;
    }
    return out;
}

QStringList PluginManager::defaultSearchPaths()
{
    const QSettings settings;
    return defaultSearchPaths(QCoreApplication::applicationDirPath(), settings);
}

PluginManager::ContextFactory PluginManager::contextFactory(models::ApiClient *api, const models::UserInfo *user,
                                                          std::function<QString()> language)
{
    return [api, user, language](const QString &pluginId, const sdk::Registries *registries) {
        return std::make_unique<HostPluginContext>(pluginId, registries,
                                                   HostPluginContext::Services{api, user, language});
    };
}

QList<PluginSpec *> PluginManager::plugins() const
{
    QList<PluginSpec *> out;
    out.reserve(static_cast<qsizetype>(m_specs.size()));
    for (const auto &spec : m_specs)
        out << spec.get();
    return out;
}

PluginSpec *PluginManager::plugin(const QString &id) const
{
    if (id.isEmpty())
        return nullptr;
    // The first file with an Id owns it; a later one with the same Id is a duplicate.
    for (const auto &spec : m_specs) {
        if (spec->id() == id)
            return spec.get();
    }
    return nullptr;
}

void PluginManager::loadPlugins(const ContextFactory &contextFactory)
{
    if (m_loaded) {
        spdlog::warn("plugins: loadPlugins() was already called; ignored");
        return;
    }
    m_loaded = true;

    emit pluginsAboutToChange();
    discover();
    emit pluginsChanged();

    resolveDependencies();
    computeLoadOrder();
    for (PluginSpec *spec : std::as_const(m_loadOrder))
        loadLibrary(spec);
    for (PluginSpec *spec : std::as_const(m_loadOrder))
        initializePlugin(spec, contextFactory);
    bool failedLate = false;
    for (PluginSpec *spec : m_loadOrder | std::views::reverse)
        failedLate = initializeExtensions(spec) || failedLate;
    // What a plugin that failed only now (or a plugin depending on it) contributed must go.
    if (failedLate)
        rebuildRegistries();

    const auto running
        = std::ranges::count_if(m_specs, [](const auto &spec) { return spec->state() == PluginSpec::State::Running; });
    spdlog::info("plugins: {} running, {} failed", running, static_cast<long>(m_specs.size()) - running);
}

void PluginManager::discover()
{
    QSet<QString> seenFiles;
    for (const QString &path : std::as_const(m_searchPaths)) {
        const QDir dir(path);
        if (path.isEmpty() || !dir.exists()) {
            spdlog::debug("plugins: no folder {}", str(path));
            continue;
        }
        spdlog::debug("plugins: looking in {}", str(dir.absolutePath()));
        const QFileInfoList files = dir.entryInfoList(QDir::Files, QDir::Name);
        for (const QFileInfo &file : files) {
            if (!QLibrary::isLibrary(file.fileName()))
                continue;
            // The same file reached through two search paths (or a symlink) is one plugin.
            const QString canonical = file.canonicalFilePath();
            if (canonical.isEmpty() || seenFiles.contains(canonical))
                continue;
            seenFiles.insert(canonical);

            std::unique_ptr<PluginSpec> spec = PluginSpec::read(file.absoluteFilePath());
            if (const PluginSpec *owner = plugin(spec->id())) {
                spec->setError(tr("Another plugin with the Id %1 was found first, in %2.")
                                   .arg(spec->id(), QDir::toNativeSeparators(owner->filePath())));
            }
            if (spec->hasError()) {
                spdlog::error("plugins: {}: {}", str(spec->filePath()), str(spec->errorString()));
            } else {
                spdlog::debug(
                    "plugins: found {} {} in {}", str(spec->id()), str(spec->version()), str(spec->filePath()));
            }
            m_specs.push_back(std::move(spec));
        }
    }
}

void PluginManager::resolveDependencies()
{
    for (const auto &owned : m_specs) {
        PluginSpec *spec = owned.get();
        if (spec->state() != PluginSpec::State::Read)
            continue;
        QList<PluginSpec *> resolved;
        QString error;
        for (const PluginSpec::Dependency &dependency : spec->dependencies()) {
            PluginSpec *found = plugin(dependency.id);
            if (!found) {
                error = tr("Missing dependency: %1 %2 is not installed.").arg(dependency.id, dependency.version);
            } else if (found->hasError()) {
                error = tr("Depends on %1, which failed.").arg(dependency.id);
            } else if (!found->provides(dependency.id, dependency.version)) {
                error = tr("Incompatible dependency: needs %1 %2, but the installed %1 %3 is compatible only back "
                           "to %4.")
                            .arg(dependency.id, dependency.version, found->version(), found->compatVersion());
            } else {
                resolved << found;
                continue;
            }
            break;
        }
        spec->m_dependencySpecs = resolved;
        if (!error.isEmpty()) {
            fail(spec, error);
        } else {
            setState(spec, PluginSpec::State::Resolved);
        }
    }
}

void PluginManager::computeLoadOrder()
{
    QSet<PluginSpec *> done;
    for (const auto &spec : m_specs) {
        if (spec->state() == PluginSpec::State::Resolved) {
            QList<PluginSpec *> path;
            visit(spec.get(), path, done);
        }
    }
}

// Depth first: a plugin goes into the load order after all of its dependencies. Meeting a
// plugin that is on the current path again closes a cycle, and every plugin in it fails.
bool PluginManager::visit(PluginSpec *spec, QList<PluginSpec *> &path, QSet<PluginSpec *> &done)
{
    if (spec->hasError())
        return false;
    if (done.contains(spec))
        return true;
    if (const qsizetype at = path.indexOf(spec); at >= 0) {
        const QList<PluginSpec *> cycle = path.mid(at);
        for (qsizetype i = 0; i < cycle.size(); ++i) {
            // Each plugin's message starts with itself: a -> b -> a, b -> a -> b.
            QStringList ids;
            for (qsizetype k = 0; k <= cycle.size(); ++k)
                ids << cycle[(i + k) % cycle.size()]->id();
            cycle[i]->setError(tr("Circular dependency: %1.").arg(ids.join(QStringLiteral(" -> "))));
            spdlog::error("plugins: {}: {}", str(cycle[i]->id()), str(cycle[i]->errorString()));
            emit stateChanged(cycle[i]);
        }
        for (PluginSpec *member : cycle)
            failDependents(member);
        return false;
    }

    path.append(spec);
    for (PluginSpec *dependency : spec->dependencySpecs()) {
        if (!visit(dependency, path, done)) {
            if (!spec->hasError())
                fail(spec, tr("Depends on %1, which failed.").arg(dependency->id()));
            break;
        }
    }
    path.removeLast();
    done.insert(spec);
    if (spec->hasError())
        return false;
    m_loadOrder.append(spec);
    return true;
}

void PluginManager::loadLibrary(PluginSpec *spec)
{
    if (spec->state() != PluginSpec::State::Resolved || dependencyFailed(spec))
        return;
    QPluginLoader *loader = spec->m_loader.get();
    if (!loader->load()) {
        fail(spec, tr("Cannot load the library: %1").arg(loader->errorString()));
        return;
    }
    QObject *instance = loader->instance();
    auto *plugin = qobject_cast<sdk::IDepartmentPlugin *>(instance);
    if (!plugin) {
        fail(spec, tr("The library loaded, but its plugin object does not implement IDepartmentPlugin."));
        loader->unload();
        return;
    }
    spec->m_instance = instance;
    spec->m_plugin = plugin;
    setState(spec, PluginSpec::State::Loaded);
}

void PluginManager::initializePlugin(PluginSpec *spec, const ContextFactory &contextFactory)
{
    if (spec->state() != PluginSpec::State::Loaded || dependencyFailed(spec))
        return;
    if (contextFactory)
        spec->m_context = contextFactory(spec->id(), m_registries.get());
    if (!spec->m_context) {
        fail(spec, tr("The client could not prepare the plugin's context."));
        return;
    }

    QString error;
    bool ok = false;
    try {
        ok = spec->m_plugin->initialize(*spec->m_context, &error);
    } catch (...) {
        fail(spec, tr("Initialization failed with an exception: %1").arg(exceptionText(std::current_exception())));
        return;
    }
    if (!ok) {
        fail(spec, error.isEmpty() ? tr("Initialization failed.") : tr("Initialization failed: %1").arg(error));
        return;
    }
    setState(spec, PluginSpec::State::Initialized);

    try {
        addCapabilities(spec);
    } catch (...) {
        fail(spec, tr("The plugin's contributions could not be read: %1").arg(exceptionText(std::current_exception())));
        rebuildRegistries(); // drops what it added before the exception
    }
}

bool PluginManager::initializeExtensions(PluginSpec *spec)
{
    if (spec->state() != PluginSpec::State::Initialized || dependencyFailed(spec))
        return false;
    try {
        spec->m_plugin->extensionsInitialized();
    } catch (...) {
        fail(spec,
            tr("extensionsInitialized() failed with an exception: %1").arg(exceptionText(std::current_exception())));
        return true;
    }
    setState(spec, PluginSpec::State::Running);
    return false;
}

void PluginManager::shutdown()
{
    if (!m_loaded || m_shutDown)
        return;
    m_shutDown = true;

    for (PluginSpec *spec : m_loadOrder | std::views::reverse) {
        if (spec->state() != PluginSpec::State::Running)
            continue;
        try {
            spec->m_plugin->aboutToShutdown();
        } catch (...) {
            // Shutting down goes on: the other plugins still get their turn. Only this plugin is
            // marked; its dependents have already shut down cleanly.
            spec->setError(
                tr("aboutToShutdown() failed with an exception: %1").arg(exceptionText(std::current_exception())));
            spdlog::error("plugins: {}: {}", str(spec->id()), str(spec->errorString()));
            emit stateChanged(spec);
        }
    }

    // The registries hold functions and data made by the plugins: they go before the plugins.
    *m_registries = sdk::Registries {};
    for (PluginSpec *spec : m_loadOrder | std::views::reverse) {
        const bool wasRunning = spec->state() == PluginSpec::State::Running;
        if (spec->m_loader->isLoaded())
            spec->m_loader->unload(); // deletes the plugin object; the code stays mapped
        spec->m_plugin = nullptr;
        spec->m_instance = nullptr;
        spec->m_context.reset();
        if (wasRunning)
            setState(spec, PluginSpec::State::Stopped);
    }
}

void PluginManager::fail(PluginSpec *spec, const QString &error)
{
    spec->setError(error);
    spdlog::error(
        "plugins: {}: {}", str(spec->id().isEmpty() ? spec->filePath() : spec->id()), str(spec->errorString()));
    emit stateChanged(spec);
    failDependents(spec);
}

void PluginManager::failDependents(PluginSpec *spec)
{
    for (const auto &other : m_specs) {
        if (!other->hasError() && other->m_dependencySpecs.contains(spec))
            fail(other.get(), tr("Depends on %1, which failed.").arg(spec->id()));
    }
}

bool PluginManager::dependencyFailed(PluginSpec *spec)
{
    for (PluginSpec *dependency : spec->dependencySpecs()) {
        if (dependency->hasError()) {
            fail(spec, tr("Depends on %1, which failed.").arg(dependency->id()));
            return true;
        }
    }
    return false;
}

void PluginManager::addCapabilities(const PluginSpec *spec)
{
    QObject *instance = spec->instance();
    const auto skipped = [spec](const char *what) {
        spdlog::warn("plugins: {} offered a {} without a function; skipped", str(spec->id()), what);
    };
    if (const auto *provider = qobject_cast<sdk::IFieldTypeProvider *>(instance)) {
        for (const sdk::FieldTypeFactory &factory : provider->fieldTypes()) {
            if (factory.create)
                m_registries->addFieldType(factory);
            else
                skipped("field type");
        }
    }
    if (const auto *provider = qobject_cast<sdk::IValidatorProvider *>(instance)) {
        for (const sdk::FieldValidator &validator : provider->validators()) {
            if (validator.validate)
                m_registries->addValidator(validator);
            else
                skipped("validator");
        }
    }
    if (const auto *provider = qobject_cast<sdk::IWizardPageProvider *>(instance)) {
        for (const sdk::WizardPageFactory &factory : provider->wizardPages()) {
            if (factory.create)
                m_registries->addWizardPage(factory);
            else
                skipped("wizard page");
        }
    }
    if (const auto *provider = qobject_cast<sdk::IPrintTemplateProvider *>(instance)) {
        for (const sdk::PrintTemplate &printTemplate : provider->printTemplates())
            m_registries->addPrintTemplate(printTemplate);
    }
    if (const auto *provider = qobject_cast<sdk::IELicenseMappingProvider *>(instance)) {
        for (const sdk::ELicenseMapping &mapping : provider->eLicenseMappings())
            m_registries->addELicenseMapping(mapping);
    }
    if (const auto *provider = qobject_cast<sdk::IWorkbenchPageProvider *>(instance)) {
        for (const sdk::WorkbenchPage &page : provider->workbenchPages()) {
            if (page.create)
                m_registries->addWorkbenchPage(page);
            else
                skipped("workbench page");
        }
    }
}

void PluginManager::rebuildRegistries()
{
    // Each round either succeeds or fails one more plugin, so this ends.
    bool again = true;
    while (again) {
        again = false;
        *m_registries = sdk::Registries {};
        for (PluginSpec *spec : std::as_const(m_loadOrder)) {
            if (spec->state() != PluginSpec::State::Initialized && spec->state() != PluginSpec::State::Running)
                continue;
            try {
                addCapabilities(spec);
            } catch (...) {
                fail(spec,
                    tr("The plugin's contributions could not be read: %1")
                        .arg(exceptionText(std::current_exception())));
                again = true;
                break;
            }
        }
    }
}

void PluginManager::setState(PluginSpec *spec, PluginSpec::State state)
{
    spec->setState(state);
    emit stateChanged(spec);
}

} // namespace onewindow::pluginhost
