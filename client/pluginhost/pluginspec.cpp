#include "pluginspec.h"

#include "idepartmentplugin.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QPluginLoader>
#include <QRegularExpression>

namespace onewindow::pluginhost {

namespace {

// Up to nine digits per part, so that every part fits an int.
const QRegularExpression &versionPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{1,9})(?:\\.([0-9]{1,9}))?(?:\\.([0-9]{1,9}))?$"));
    return pattern;
}

} // namespace

PluginSpec::PluginSpec() = default;

PluginSpec::~PluginSpec() = default;

std::unique_ptr<PluginSpec> PluginSpec::read(const QString &filePath)
{
    std::unique_ptr<PluginSpec> spec(new PluginSpec);
    spec->m_filePath = QFileInfo(filePath).absoluteFilePath();
    spec->m_loader = std::make_unique<QPluginLoader>(spec->m_filePath);
    // A plugin with an unresolvable symbol must fail here, while loading, not later with a
    // crash when the symbol is first called. Plugin code is never unmapped: widgets, resources and
    // functions a plugin handed out may outlive its plugin object.
    spec->m_loader->setLoadHints(QLibrary::ResolveAllSymbolsHint | QLibrary::PreventUnloadHint);

    // QPluginLoader reads the embedded metadata from the file without loading the library.
    const QJsonObject pluginMetaData = spec->m_loader->metaData();
    if (pluginMetaData.isEmpty()) {
        spec->setError(tr("Not a Qt plugin: the file has no plugin metadata."));
        return spec;
    }
    const QString iid = pluginMetaData.value(QLatin1String("IID")).toString();
    if (iid != QLatin1String(OneWindowDepartmentPlugin_iid)) {
        spec->setError(tr("Not a OneWindow department plugin: its interface is \"%1\", not \"%2\".")
                           .arg(iid, QLatin1String(OneWindowDepartmentPlugin_iid)));
        return spec;
    }
    spec->readMetaData(pluginMetaData.value(QLatin1String("MetaData")).toObject());
    return spec;
}

void PluginSpec::readMetaData(const QJsonObject &metaData)
{
    m_metaData = metaData;
    QStringList problems;
    if (metaData.isEmpty()) {
        setError(tr("The plugin has no metadata: its Q_PLUGIN_METADATA names no JSON file."));
        return;
    }

    const auto text = [&metaData](const char *key) { return metaData.value(QLatin1String(key)).toString().trimmed(); };
    m_id = text("Id");
    m_name = text("Name");
    m_version = text("Version");
    m_compatVersion = text("CompatVersion");
    m_department = text("Department");
    m_vendor = text("Vendor");
    m_description = text("Description");

    if (m_id.isEmpty())
        problems << tr("The metadata has no Id.");
    if (m_version.isEmpty())
        problems << tr("The metadata has no Version.");
    else if (!isValidVersion(m_version))
        problems << tr("Version \"%1\" is not a version such as 1.2.0.").arg(m_version);
    if (m_compatVersion.isEmpty()) {
        m_compatVersion = m_version; // compatible with itself only
    } else if (!isValidVersion(m_compatVersion)) {
        problems << tr("CompatVersion \"%1\" is not a version such as 1.2.0.").arg(m_compatVersion);
    } else if (isValidVersion(m_version) && versionCompare(m_compatVersion, m_version) > 0) {
        problems << tr("CompatVersion %1 is newer than Version %2.").arg(m_compatVersion, m_version);
    }

    const QJsonValue dependencies = metaData.value(QLatin1String("Dependencies"));
    if (!dependencies.isUndefined() && !dependencies.isArray()) {
        problems << tr("Dependencies must be a list.");
    } else {
        for (const QJsonValue &value : dependencies.toArray()) {
            const QJsonObject o = value.toObject();
            const Dependency dependency {o.value(QLatin1String("Id")).toString().trimmed(),
                o.value(QLatin1String("Version")).toString().trimmed()};
            if (dependency.id.isEmpty())
                problems << tr("A dependency has no Id.");
            else if (!isValidVersion(dependency.version))
                problems << tr("The dependency on %1 has no valid Version.").arg(dependency.id);
            else
                m_dependencies.append(dependency);
        }
    }

    if (!problems.isEmpty())
        setError(tr("Invalid metadata: %1").arg(problems.join(QLatin1Char(' '))));
}

QString PluginSpec::name() const
{
    if (!m_name.isEmpty())
        return m_name;
    if (!m_id.isEmpty())
        return m_id;
    return QFileInfo(m_filePath).fileName();
}

bool PluginSpec::provides(const QString &pluginId, const QString &requiredVersion) const
{
    if (pluginId != m_id || !isValidVersion(requiredVersion) || !isValidVersion(m_version))
        return false;
    return versionCompare(m_version, requiredVersion) >= 0 && versionCompare(m_compatVersion, requiredVersion) <= 0;
}

bool PluginSpec::isValidVersion(const QString &version)
{
    return versionPattern().match(version).hasMatch();
}

int PluginSpec::versionCompare(const QString &a, const QString &b)
{
    const auto ma = versionPattern().match(a);
    const auto mb = versionPattern().match(b);
    if (!ma.hasMatch() || !mb.hasMatch())
        return QString::compare(a, b);
    for (int part = 1; part <= 3; ++part) {
        const int x = ma.captured(part).toInt(); // an absent part is "" and counts as 0
        const int y = mb.captured(part).toInt();
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

QString PluginSpec::stateName(State state)
{
    switch (state) {
    case State::Read:
        return tr("Read");
    case State::Resolved:
        return tr("Resolved");
    case State::Loaded:
        return tr("Loaded");
    case State::Initialized:
        return tr("Initialized");
    case State::Running:
        return tr("Running");
    case State::Stopped:
        return tr("Stopped");
    case State::Invalid:
        return tr("Invalid");
    }
    return {};
}

void PluginSpec::setError(const QString &error)
{
    if (m_errorString.isEmpty())
        m_errorString = error;
    m_state = State::Invalid;
}

} // namespace onewindow::pluginhost
