#include "hostplugincontext.h"

#include "models/apiclient.h"
#include "models/serverclock.h"

#include <QLocale>

namespace onewindow::pluginhost {

HostPluginContext::HostPluginContext(const QString &pluginId, const sdk::Registries *registries, Services services)
    : m_pluginId(pluginId)
    , m_categoryName(categoryName(pluginId))
    , m_log(m_categoryName.constData())
    , m_registries(registries)
    , m_services(std::move(services))
{
}

QByteArray HostPluginContext::categoryName(const QString &pluginId)
{
    return "onewindow.plugin." + pluginId.toUtf8();
}

QString HostPluginContext::userName() const
{
    return m_services.user ? m_services.user->username : QString();
}

QString HostPluginContext::userRole() const
{
    return m_services.user ? m_services.user->role : QString();
}

QString HostPluginContext::userCenter() const
{
    return m_services.user ? m_services.user->center : QString();
}

QString HostPluginContext::userDepartment() const
{
    return m_services.user ? m_services.user->department : QString();
}

models::ServerClock *HostPluginContext::clock() const
{
    return m_services.api ? m_services.api->clock() : nullptr;
}

QString HostPluginContext::language() const
{
    return m_services.language ? m_services.language() : QLocale().name();
}

} // namespace onewindow::pluginhost
