#include "application.h"

#include "languages.h"
#include "mainwindow.h"
#include "printcommand.h"
#include "signindialog.h"
#include "admin/changepassworddialog.h"
#include "aboutpluginsdialog.h"
#include "pluginmanager.h"

#include "logging/logging.h"
#include "models/catalogsync.h"
#include "models/localstore.h"
#include "models/offlinecredentials.h"
#include "models/serverclock.h"
#include "models/session.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QMessageBox>
#include <QProcessEnvironment>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <spdlog/spdlog.h>

#include <cstdio>
#include <fstream>

#ifndef ONEWINDOW_VERSION
#define ONEWINDOW_VERSION "0.0.0"
#endif

namespace onewindow::client {

namespace {

void routeQtMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const std::string text = message.toStdString();
    const char *category = context.category ? context.category : "qt";
    switch (type) {
    case QtDebugMsg: spdlog::debug("[{}] {}", category, text); break;
    case QtInfoMsg: spdlog::info("[{}] {}", category, text); break;
    case QtWarningMsg: spdlog::warn("[{}] {}", category, text); break;
    case QtCriticalMsg: spdlog::error("[{}] {}", category, text); break;
    case QtFatalMsg: spdlog::critical("[{}] {}", category, text); spdlog::default_logger()->flush(); break;
    }
}

/// Resident memory in kB, from /proc (0 elsewhere): for the start-up benchmark.
long residentKilobytes()
{
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmRSS:") {
            long kb = 0;
            status >> kb;
            return kb;
        }
        status.ignore(4096, '\n');
    }
    return 0;
}

} // namespace

int runClient(int argc, char *argv[])
{
    if (argc > 1 && qstrcmp(argv[1], "print") == 0)
        return runPrintCommand(argc, argv);
    QElapsedTimer started;
    started.start();
    QApplication::setOrganizationName(QStringLiteral("OneWindow"));
    QApplication::setApplicationName(QStringLiteral("onewindow"));
    QApplication::setApplicationVersion(QStringLiteral(ONEWINDOW_VERSION));
    QApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("OneWindow"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("OneWindow counter client"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(QStringLiteral("server"), QStringLiteral("Server address."),
                                          QStringLiteral("URL"));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("Language: zh_CN or en."),
                                        QStringLiteral("LANG"));
    const QCommandLineOption userOption(QStringLiteral("user"),
                                        QStringLiteral("Sign in as this user; the password comes from "
                                                       "ONEWINDOW_PASSWORD."),
                                        QStringLiteral("USER"));
    const QCommandLineOption measureOption(QStringLiteral("measure-startup"),
                                           QStringLiteral("Print start-up time and memory, then quit (benchmarks)."));
    parser.addOptions({serverOption, langOption, userOption, measureOption});
    parser.process(app);

    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dataDir + QStringLiteral("/logs"));
    logging::Options logOptions;
    logOptions.name = "client";
    logOptions.file = (dataDir + QStringLiteral("/logs/onewindow.log")).toStdString();
    logging::setup(logOptions);
    qInstallMessageHandler(routeQtMessages);
    spdlog::info("OneWindow {} starting", ONEWINDOW_VERSION);

    Languages languages;
    const QString language = parser.value(langOption);
    if (!language.isEmpty() && !Languages::available().contains(language))
        spdlog::warn("unknown language '{}'", language.toStdString());
    languages.apply(Languages::initial(language));

    models::ApiClient api;
    // Plain http:// only to this PC, unless the installation allows it (network/allowPlainHttp).
    api.setAllowPlainHttp(QSettings().value(QStringLiteral("network/allowPlainHttp"), false).toBool());
    models::Session session(&api);
    models::LocalStore store;
    QObject::connect(&store, &models::LocalStore::storageError, &app,
                     [](const QString &message) { spdlog::error("local store: {}", message.toStdString()); });
    models::CatalogSync sync(&api, &store);
    // A clerk or agent who signed in on this PC before may sign in without the server, for
    // `offline/maxAgeDays` (default 7) after the last online sign-in.
    models::OfflineCredentials offlineCredentials(&store);
    session.setOfflineCredentials(&offlineCredentials,
                                  QSettings().value(QStringLiteral("offline/maxAgeDays"), 7).toInt());

    SignInDialog signIn(&session, &languages, SignInDialog::Mode::SignIn);
    if (parser.isSet(serverOption))
        signIn.setServer(parser.value(serverOption));

    const bool measuring = parser.isSet(measureOption);
    if (measuring && !parser.isSet(userOption)) {
        // Cold start to a usable sign-in window.
        QTimer::singleShot(0, &app, [&] {
            std::printf("startup-ms %lld\nrss-kb %ld\n", static_cast<long long>(started.elapsed()), residentKilobytes());
            std::fflush(stdout);
            app.quit();
        });
    }

    // Plugins start after sign-in: their context carries the signed-in user. A broken plugin
    // is shown in Help > About Plugins and never takes the client down.
    pluginhost::PluginManager plugins;
    plugins.setSearchPaths(pluginhost::PluginManager::defaultSearchPaths());
    std::unique_ptr<MainWindow> window;
    const auto openMainWindow = [&] {
        // A one-time or expired password is changed before anything else.
        if (!ChangePasswordDialog::changeIfRequired(&session, nullptr)) {
            session.signOut();
            app.quit();
            return;
        }
        plugins.loadPlugins(pluginhost::PluginManager::contextFactory(&api, &session.user(),
                                                                           [&languages] { return languages.current(); }));
        MainWindow::Services services{&session, &store, &sync, &languages, &plugins.registries(),
                                      [&plugins](QWidget *parent) {
                                          pluginhost::AboutPluginsDialog dialog(&plugins, parent);
                                          dialog.exec();
                                      }};
        window = std::make_unique<MainWindow>(services);
        window->show();
        // The window takes the keyboard at once, with or without a window manager to give it.
        window->raise();
        window->activateWindow();
        if (measuring) {
            QTimer::singleShot(2000, &app, [&] {
                std::printf("signed-in-ms %lld\nrss-kb %ld\n", static_cast<long long>(started.elapsed()),
                            residentKilobytes());
                std::fflush(stdout);
                app.quit();
            });
        }
    };
    QObject::connect(&signIn, &QDialog::accepted, &app, openMainWindow);
    QObject::connect(&signIn, &QDialog::rejected, &app, &QApplication::quit);

    if (parser.isSet(userOption)) {
        const QString password = QProcessEnvironment::systemEnvironment().value(QStringLiteral("ONEWINDOW_PASSWORD"));
        const QUrl server = QUrl::fromUserInput(parser.value(serverOption));
        api.setBaseUrl(server);
        session.signIn(parser.value(userOption), password, [&](const models::ApiError &error) {
            if (error.isError()) {
                std::fprintf(stderr, "%s\n", qPrintable(error.userMessage()));
                app.exit(2);
                return;
            }
            openMainWindow();
        });
    } else {
        signIn.show();
    }
    // The local store opens once the first window is up: the clerk sees it sooner.
    QTimer::singleShot(0, &app, [&store, &api, dataDir, &app] {
        store.open(dataDir + QStringLiteral("/onewindow.sqlite"), &app, [](const QString &error) {
            if (!error.isEmpty())
                spdlog::error("local store: {}", error.toStdString());
        });
        // The server's date as last learned, for a session without the server; kept at each learning.
        const QString clockKey = QStringLiteral("serverClock");
        store.value(clockKey, &app, [&api, &store, clockKey, &app](const QJsonValue &kept) {
            if (!api.clock()->restore(kept.toObject()) && api.clock()->isKnown())
                store.setValue(clockKey, api.clock()->snapshot());
            QObject::connect(api.clock(), &models::ServerClock::learned, &app,
                             [&api, &store, clockKey] { store.setValue(clockKey, api.clock()->snapshot()); });
        });
    });
    const int result = app.exec();
    window.reset();
    plugins.shutdown();
    store.flush();
    spdlog::info("OneWindow stopped");
    return result;
}

} // namespace onewindow::client
