#pragma once

#include "models/apiclient.h"
#include "serverprocess.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace onewindow::pluginhost {
class PluginManager;
}
namespace onewindow::sdk {
class Registries;
}

/// What the test of a department plugin runs against: a real onewindow-server with the demo
/// data on 27 November 2026, clerk1 signed in through the client's ApiClient, and the plugins of
/// a folder loaded by the client's plugin host, as the client loads them.
class PluginTestBed
{
public:
    PluginTestBed();
    ~PluginTestBed();

    /// Starts the server, signs clerk1 in and loads the plugins found in `pluginDirectory`.
    bool start(const QString &pluginDirectory, QString *error);
    /// Shuts the plugins down (aboutToShutdown(), then the plugin objects are deleted).
    void shutdown();

    onewindow::models::ApiClient &api() { return m_api; }
    const onewindow::models::UserInfo &user() const { return m_user; }
    onewindow::pluginhost::PluginManager &plugins() { return *m_plugins; }
    const onewindow::sdk::Registries &registries() const;
    QString serverUrl() const { return m_server.baseUrl(); }

    /// The messages of the plugin validators for a field of `department`'s matters, for `value`.
    QStringList problems(const QString &fieldKey, const QString &department, const QString &value) const;
    /// The Ids of the validators for a field of `department`'s matters.
    QStringList validatorIds(const QString &fieldKey, const QString &department) const;

    /// GET `path` (under /api/v1) and wait for the answer (status 0: none in time).
    onewindow::models::ApiResponse get(const QString &path);
    /// A complete intake of `matter` at SZ for 张三: every field a valid sample of its type, then
    /// `form` over them; every material on paper.
    QJsonObject intake(const QString &matter, const QJsonObject &form = {});
    /// POST /cases with a new Idempotency-Key, waited for.
    onewindow::models::ApiResponse createCase(const QJsonObject &body);
    /// Posts intake(matter) with `field` set to `value`: empty when the server accepts it (201),
    /// the code of its one error when it refuses it for `form.<field>` alone (422), else a
    /// description of what it answered.
    QString serverProblem(const QString &matter, const QString &field, const QString &value);

    /// The acceptance notice of `caseObject` (as the server returned it) as the client prints it,
    /// with the plugins' templates, read back from the PDF with pdftotext and without white space.
    /// `templatePath` is the template used; `problems` what the renderer did not know.
    QString acceptanceNoticeText(
        const QJsonObject &caseObject, QString *templatePath = nullptr, QStringList *problems = nullptr);

    /// The State column of the plugin's row in Help → About Plugins; empty when not listed.
    QString aboutPluginsState(const QString &pluginId);
    /// Empty when the plugin runs as a department plugin of `department` whose object is a
    /// `className`, and Help → About Plugins lists it as Running; else what is wrong.
    QString runningProblem(const QString &pluginId, const QString &department, const char *className);
    /// Shuts the plugins down (shutdown()); empty when the plugin is then Stopped, else what it is.
    QString shutdownProblem(const QString &pluginId);

private:
    QTemporaryDir m_dir;
    ServerProcess m_server;
    onewindow::models::ApiClient m_api;
    onewindow::models::UserInfo m_user;
    std::unique_ptr<onewindow::pluginhost::PluginManager> m_plugins;
    int m_papers = 0;
};

/// Text without any white space: what a paragraph says, however pdftotext broke its lines.
QString squeezed(const QString &text);
