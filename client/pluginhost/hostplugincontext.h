#pragma once

#include "plugincontext.h"

#include <QByteArray>
#include <QLoggingCategory>
#include <QString>

#include <functional>

namespace onewindow::models {
struct UserInfo;
}

namespace onewindow::pluginhost {

/// The host's side of sdk::PluginContext: one per plugin, owned by the plugin manager for as
/// long as the plugin lives.
class HostPluginContext final : public sdk::PluginContext
{
public:
    /// What the host hands every plugin; any of them may be missing (tests, a print run).
    struct Services
    {
        models::ApiClient *api = nullptr;
        const models::UserInfo *user = nullptr;
        /// The language the client shows now; the system locale's name when not given.
        std::function<QString()> language;
    };

    HostPluginContext(const QString &pluginId, const sdk::Registries *registries, Services services);

    QString pluginId() const override { return m_pluginId; }
    const QLoggingCategory &log() const override { return m_log; }
    const sdk::Registries &registries() const override { return *m_registries; }
    QString userName() const override;
    QString userRole() const override;
    QString userCenter() const override;
    QString userDepartment() const override;
    models::ApiClient *api() const override { return m_services.api; }
    models::ServerClock *clock() const override;
    QString language() const override;

    /// The name of a plugin's logging category.
    static QByteArray categoryName(const QString &pluginId);

private:
    QString m_pluginId;
    QByteArray m_categoryName; // before m_log, which keeps a pointer to it
    QLoggingCategory m_log;
    const sdk::Registries *m_registries;
    Services m_services;
};

} // namespace onewindow::pluginhost
