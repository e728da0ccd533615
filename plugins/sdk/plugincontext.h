#pragma once

#include "registries.h"

#include <QString>

class QLoggingCategory;

namespace onewindow::models {
class ApiClient;
class ServerClock;
} // namespace onewindow::models

namespace onewindow::sdk {

/// The version of the SDK these headers are. A plugin built against 1.x loads in a host of SDK
/// 1.y for any y >= x: within a major version the interfaces only grow at their end.
inline constexpr int kSdkVersionMajor = 1;
inline constexpr int kSdkVersionMinor = 1;

/// What the host offers a plugin, as an interface the host implements. A plugin reaches host
/// services only through its context, never through globals. The context lives as long as the
/// plugin; a plugin keeps a pointer to it, never copies it and never derives from it.
///
/// Stability: functions are only ever added after the last one, with the SDK's minor version
/// raised, and never changed or removed within a major version; so a plugin built against an
/// older 1.x header calls exactly the functions it knows. No concrete host class and no
/// third-party type appears here: logging goes through a Qt logging category.
class PluginContext
{
public:
    virtual ~PluginContext() = default;

    // SDK 1.0

    /// The plugin's Id, from its metadata.
    virtual QString pluginId() const = 0;
    /// The plugin's logging category, "onewindow.plugin.<Id>": `qCInfo(context.log()) << ...`
    /// goes to the client's log with the category's name.
    virtual const QLoggingCategory &log() const = 0;
    /// What all plugins contributed (read-only).
    virtual const Registries &registries() const = 0;
    /// The signed-in user's username; empty when nobody is signed in (a test, a print run).
    virtual QString userName() const = 0;
    /// clerk, agent, approver, supervisor, admin, security_admin or auditor.
    virtual QString userRole() const = 0;
    /// The user's centre code; empty when none.
    virtual QString userCenter() const = 0;
    /// The user's department code; empty when none.
    virtual QString userDepartment() const = 0;
    /// The server connection, signed in as the user (models/apiclient.h); nullptr without one.
    virtual models::ApiClient *api() const = 0;
    /// The server's date and time (models/serverclock.h): the only "today" a plugin may use,
    /// never the PC's clock; nullptr without a server connection.
    virtual models::ServerClock *clock() const = 0;

    // SDK 1.1

    /// The language the client shows, e.g. "zh_CN" or "en".
    virtual QString language() const = 0;

protected:
    PluginContext() = default;
    PluginContext(const PluginContext &) = delete;
    PluginContext &operator=(const PluginContext &) = delete;
};

} // namespace onewindow::sdk
