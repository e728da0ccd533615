#pragma once

#include "plugincontext.h"

#include <QString>
#include <QtPlugin>

namespace onewindow::sdk {

/// A department plugin (after Qt Creator's IPlugin). The lifecycle is a contract:
/// initialize() runs in dependency order (dependencies first) and may fail with an error
/// string, which fails every plugin that requires this one; extensionsInitialized() runs in
/// reverse order once all are initialized; aboutToShutdown() runs before the client exits.
/// Metadata (Id, Name, Version, CompatVersion, Department, Dependencies) is the plugin's JSON
/// file, read before the library is loaded.
class IDepartmentPlugin
{
public:
    virtual ~IDepartmentPlugin() = default;
    virtual bool initialize(PluginContext &context, QString *errorString) = 0;
    virtual void extensionsInitialized() {}
    virtual void aboutToShutdown() {}
};

} // namespace onewindow::sdk

#define OneWindowDepartmentPlugin_iid "org.onewindow.IDepartmentPlugin/1.0"
Q_DECLARE_INTERFACE(onewindow::sdk::IDepartmentPlugin, OneWindowDepartmentPlugin_iid)
