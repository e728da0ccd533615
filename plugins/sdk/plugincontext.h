#pragma once

#include "registries.h"

#include <QString>

#include <memory>

namespace spdlog {
class logger;
}

namespace onewindow::models {
class ApiClient;
class LocalStore;
class ServerClock;
struct UserInfo;
} // namespace onewindow::models

namespace onewindow::sdk {

/// Everything the host offers a plugin. A plugin reaches host services only through its
/// context, never through globals.
class PluginContext
{
public:
    PluginContext(QString pluginId, models::ApiClient *api, models::ServerClock *clock, models::LocalStore *store,
                  std::shared_ptr<spdlog::logger> logger, Registries *registries, const models::UserInfo *user)
        : m_pluginId(std::move(pluginId))
        , m_api(api)
        , m_clock(clock)
        , m_store(store)
        , m_logger(std::move(logger))
        , m_registries(registries)
        , m_user(user)
    {
    }

    const QString &pluginId() const { return m_pluginId; }
    /// The server, signed in as the current user.
    models::ApiClient *api() const { return m_api; }
    /// The server's date and time: the only "today" a plugin may use (never the PC's clock).
    models::ServerClock *clock() const { return m_clock; }
    /// The local cache of the catalog and the drafts.
    models::LocalStore *store() const { return m_store; }
    /// A logger named after the plugin, writing to the client's log.
    spdlog::logger &logger() const { return *m_logger; }
    /// What all plugins contributed (read-only for plugins in practice).
    const Registries &registries() const { return *m_registries; }
    /// The signed-in user.
    const models::UserInfo &user() const { return *m_user; }

private:
    QString m_pluginId;
    models::ApiClient *m_api;
    models::ServerClock *m_clock;
    models::LocalStore *m_store;
    std::shared_ptr<spdlog::logger> m_logger;
    Registries *m_registries;
    const models::UserInfo *m_user;
};

} // namespace onewindow::sdk
