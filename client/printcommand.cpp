#include "printcommand.h"

#include "documentrenderer.h"
#include "pluginmanager.h"
#include "printdocument.h"

#include "logging/logging.h"
#include "models/apiclient.h"
#include "models/caseapi.h"
#include "models/serverclock.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPrinter>
#include <QSaveFile>
#include <QStandardPaths>
#include <QApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QSettings>
#include <QUrlQuery>

#include <cstdio>

namespace onewindow::client {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(onewindow::client::PrintCommand)
};

// This tool has no window to keep responsive: each call simply waits for its answer.
models::ApiResponse fetch(models::ApiClient &api, const QString &path)
{
    models::ApiResponse result;
    QEventLoop loop;
    api.get(path, [&](const models::ApiResponse &r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    return result;
}

models::ApiResponse fetchBytes(models::ApiClient &api, const QString &path)
{
    models::ApiResponse result;
    QEventLoop loop;
    api.getBytes(path, [&](const models::ApiResponse &r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    return result;
}

int fail(const QString &message, int code = 1)
{
    std::fprintf(stderr, "onewindow print: %s\n", qPrintable(message));
    return code;
}

// A session kept for batch reprints (`--save-session`): the server, the user and the token, readable
// by the user alone. The server ends it like any other session, when idle or on sign-out.
QString sessionFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/print-session.json");
}

bool saveSession(const QString &server, const QString &user, const QString &token)
{
    QDir().mkpath(QFileInfo(sessionFile()).absolutePath());
    QSaveFile file(sessionFile());
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("server"), server}, {QStringLiteral("user"), user},
                                         {QStringLiteral("token"), token}})
                   .toJson(QJsonDocument::Compact));
    return file.commit();
}

QJsonObject savedSession()
{
    QFile file(sessionFile());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

int runPrintCommand(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication::setOrganizationName(QStringLiteral("OneWindow"));
    QApplication::setApplicationName(QStringLiteral("onewindow"));
    // A QApplication, not a QGuiApplication: the department plugins are widget libraries and may
    // make widgets as they start.
    QApplication app(argc, argv);

    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Reprints a paper of a case as a PDF, or on a printer."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("print"), Tr::tr("The command."));
    const QCommandLineOption caseOption(QStringLiteral("case"), Tr::tr("The case number."), QStringLiteral("NUMBER"));
    QStringList documentCodes;
    for (const auto document : printing::casePrintDocuments())
        documentCodes << printing::printDocumentCode(document);
    const QCommandLineOption documentOption(QStringLiteral("document"),
                                            Tr::tr("The paper: %1.").arg(documentCodes.join(QStringLiteral(", "))),
                                            QStringLiteral("DOCUMENT"));
    const QCommandLineOption outputOption(QStringLiteral("output"), Tr::tr("The PDF file to write."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption serverOption(QStringLiteral("server"), Tr::tr("Server address (else the last one used)."),
                                          QStringLiteral("URL"));
    const QCommandLineOption userOption(QStringLiteral("user"),
                                        Tr::tr("Sign in as this user; the password comes from ONEWINDOW_PASSWORD. "
                                               "Without it, the session saved with --save-session is used."),
                                        QStringLiteral("USER"));
    const QCommandLineOption printerOption(QStringLiteral("printer"),
                                           Tr::tr("Print on this printer (its CUPS name) instead of writing a PDF."),
                                           QStringLiteral("NAME"));
    const QCommandLineOption saveSessionOption(QStringLiteral("save-session"),
                                               Tr::tr("Keep the session of --user for the next reprints."));
    parser.addOptions({caseOption, documentOption, outputOption, printerOption, serverOption, userOption,
                       saveSessionOption});
    parser.process(app);

    const auto document = printing::printDocumentFromCode(parser.value(documentOption));
    if (!parser.isSet(caseOption) || parser.isSet(outputOption) == parser.isSet(printerOption) || !document)
        return fail(Tr::tr("needs --case, --document (%1), and --output or --printer.")
                        .arg(QStringLiteral("acceptance|commitment|one-time-notice|non-acceptance|material-receipt")),
                    2);
    const QJsonObject saved = parser.isSet(userOption) ? QJsonObject() : savedSession();
    if (!parser.isSet(userOption) && saved.isEmpty())
        return fail(Tr::tr("no saved session: give --user (and --save-session to keep it)."), 2);
    QString server = parser.isSet(serverOption) ? parser.value(serverOption)
                                                : saved.value(QLatin1String("server")).toString();
    if (server.isEmpty())
        server = QSettings().value(QStringLiteral("server/url")).toString();
    if (server.isEmpty())
        return fail(Tr::tr("no server: give --server."), 2);

    // Warnings and errors (a plugin that cannot start, a plugin's template that cannot be read) on
    // stderr; stdout names only what was written.
    logging::Options logOptions;
    logOptions.name = "print";
    logOptions.level = "warn";
    logging::setup(logOptions);

    models::ApiClient api;
    // Plain http:// only to this PC, unless the installation allows it (network/allowPlainHttp).
    api.setAllowPlainHttp(QSettings().value(QStringLiteral("network/allowPlainHttp"), false).toBool());
    api.setBaseUrl(QUrl::fromUserInput(server));
    models::UserInfo user;
    if (parser.isSet(userOption)) {
        models::ApiError signInError;
        QEventLoop loop;
        api.signIn(parser.value(userOption), qEnvironmentVariable("ONEWINDOW_PASSWORD"),
                   [&](const models::ApiResult<models::UserInfo> &r) {
                       signInError = r.error;
                       if (r.value)
                           user = *r.value;
                       loop.quit();
                   });
        loop.exec();
        if (signInError.isError())
            return fail(signInError.userMessage());
        if (parser.isSet(saveSessionOption) && !saveSession(server, parser.value(userOption), api.token()))
            return fail(Tr::tr("the session could not be saved in %1.").arg(sessionFile()));
    } else {
        api.setToken(saved.value(QLatin1String("token")).toString());
        const auto me = fetch(api, QStringLiteral("/me"));
        if (me.error.status == 401) {
            QFile::remove(sessionFile());
            return fail(Tr::tr("the saved session of %1 has ended: sign in again with --user.")
                            .arg(saved.value(QLatin1String("user")).toString()));
        }
        if (!me.ok())
            return fail(me.error.userMessage());
        user = models::UserInfo::fromJson(me.object());
    }

    // The department plugins, from the client's plugin folders, started as the client starts them
    // after sign-in: a paper a plugin offers a template for prints with it. A plugin that cannot
    // start is logged and left out; the papers are then the built-in ones.
    pluginhost::PluginManager plugins;
    plugins.setSearchPaths(pluginhost::PluginManager::defaultSearchPaths());
    plugins.loadPlugins(pluginhost::PluginManager::contextFactory(&api, &user));

    QUrlQuery query;
    query.addQueryItem(QStringLiteral("number"), parser.value(caseOption));
    const auto found = fetch(api, QStringLiteral("/cases?") + query.toString(QUrl::FullyEncoded));
    const QJsonArray items = found.object().value(QLatin1String("items")).toArray();
    if (!found.ok())
        return fail(found.error.userMessage());
    if (items.isEmpty())
        return fail(Tr::tr("no case %1, or not yours to see.").arg(parser.value(caseOption)));
    const auto caseReply = fetch(api, QStringLiteral("/cases/") + items[0].toObject().value(QLatin1String("id")).toString());
    if (!caseReply.ok())
        return fail(caseReply.error.userMessage());

    printing::PrintInput input;
    input.caseObject = caseReply.object();
    for (const auto &m : input.caseObject.value(QLatin1String("matters")).toArray()) {
        const auto matter = fetch(api, QStringLiteral("/matters/") + m.toObject().value(QLatin1String("code")).toString());
        if (matter.ok())
            input.matterDetails.append(matter.object());
    }
    if (*document == printing::PrintDocument::ReturnNotice || *document == printing::PrintDocument::Rejection
        || *document == printing::PrintDocument::SimulatedApproval) {
        // The back office's papers: every returned part's items, rejected part's reasons, or
        // simulated part's conditions.
        const auto parts = fetch(api, QStringLiteral("/cases/") + input.caseObject.value(QLatin1String("id")).toString()
                                          + QStringLiteral("/parts"));
        if (!parts.ok())
            return fail(parts.error.userMessage());
        input.missing = printing::MissingItem::fromDecidedParts(*document, input.caseObject,
                                                                models::CasePart::listFromJson(parts.object()));
        // Dated with the server's date (a saved session has not asked for it yet).
        QEventLoop loop;
        api.health([&loop](const models::ApiError &) { loop.quit(); });
        loop.exec();
        input.date = api.clock()->today();
    }
    if (*document == printing::PrintDocument::Result) {
        // The certificate recorded for the case (GET /cases/{id}/result), dated with its issue.
        const auto result = fetch(api, QStringLiteral("/cases/") + input.caseObject.value(QLatin1String("id")).toString()
                                           + QStringLiteral("/result"));
        if (!result.ok())
            return fail(result.error.status == 404 ? Tr::tr("case %1 has no result yet.").arg(parser.value(caseOption))
                                                   : result.error.userMessage());
        input.result = result.object();
        input.date = QDate::fromString(input.result.value(QLatin1String("issuedOn")).toString(), Qt::ISODate);
    }
    if (*document == printing::PrintDocument::DeliveryReceipt) {
        // Who collected the result, which result, and the signature they gave.
        const QString casePath = QStringLiteral("/cases/") + input.caseObject.value(QLatin1String("id")).toString();
        const auto delivery = fetch(api, casePath + QStringLiteral("/delivery"));
        if (!delivery.ok())
            return fail(delivery.error.status == 404 ? Tr::tr("case %1 has not been handed out.").arg(parser.value(caseOption))
                                                     : delivery.error.userMessage());
        input.delivery = delivery.object();
        input.result = fetch(api, casePath + QStringLiteral("/result")).object();
        if (const QString signature = input.delivery.value(QLatin1String("signature")).toString(); !signature.isEmpty()) {
            const auto bytes = fetchBytes(api, casePath + QStringLiteral("/attachments/") + signature + QStringLiteral("/content"));
            if (!bytes.ok())
                return fail(bytes.error.userMessage());
            input.signature = bytes.bytes;
        }
        input.date = QDateTime::fromString(input.delivery.value(QLatin1String("deliveredAt")).toString(), Qt::ISODateWithMs).date();
    }
    const auto centers = fetch(api, QStringLiteral("/centers"));
    for (const auto &c : centers.object().value(QLatin1String("items")).toArray()) {
        if (c.toObject().value(QLatin1String("code")) == input.caseObject.value(QLatin1String("center")))
            input.office.name = c.toObject().value(QLatin1String("name")).toString();
    }
    printing::DocumentRenderer renderer(&plugins.registries());
    if (parser.isSet(printerOption)) {
        QPrinter printer(QPrinter::HighResolution);
        printer.setPrinterName(parser.value(printerOption));
        if (!printer.isValid() || printer.printerName() != parser.value(printerOption))
            return fail(Tr::tr("no printer %1.").arg(parser.value(printerOption)));
        // The job's title names the case and the paper, as the print queue shows it.
        printer.setDocName(QStringLiteral("%1 %2").arg(parser.value(caseOption), parser.value(documentOption)));
        if (!renderer.print(*document, input, &printer))
            return fail(renderer.errorString());
        std::printf("%s\n", qPrintable(printer.printerName()));
        return 0;
    }
    if (!renderer.renderPdf(*document, input, parser.value(outputOption)))
        return fail(renderer.errorString());
    std::printf("%s\n", qPrintable(parser.value(outputOption)));
    return 0;
}

} // namespace onewindow::client
