#include "printcommand.h"

#include "documentrenderer.h"
#include "printdocument.h"

#include "models/apiclient.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QGuiApplication>
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

int fail(const QString &message, int code = 1)
{
    std::fprintf(stderr, "onewindow print: %s\n", qPrintable(message));
    return code;
}

} // namespace

int runPrintCommand(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication::setOrganizationName(QStringLiteral("OneWindow"));
    QGuiApplication::setApplicationName(QStringLiteral("onewindow"));
    QGuiApplication app(argc, argv);

    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Reprints a paper of a case as a PDF."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("print"), Tr::tr("The command."));
    const QCommandLineOption caseOption(QStringLiteral("case"), Tr::tr("The case number."), QStringLiteral("NUMBER"));
    const QCommandLineOption documentOption(QStringLiteral("document"),
                                            Tr::tr("acceptance, commitment, one-time-notice, non-acceptance or "
                                                   "material-receipt."),
                                            QStringLiteral("DOCUMENT"));
    const QCommandLineOption outputOption(QStringLiteral("output"), Tr::tr("The PDF file to write."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption serverOption(QStringLiteral("server"), Tr::tr("Server address (else the last one used)."),
                                          QStringLiteral("URL"));
    const QCommandLineOption userOption(QStringLiteral("user"),
                                        Tr::tr("Sign in as this user; the password comes from ONEWINDOW_PASSWORD."),
                                        QStringLiteral("USER"));
    parser.addOptions({caseOption, documentOption, outputOption, serverOption, userOption});
    parser.process(app);

    const auto document = printing::printDocumentFromCode(parser.value(documentOption));
    if (!parser.isSet(caseOption) || !parser.isSet(outputOption) || !document || !parser.isSet(userOption))
        return fail(Tr::tr("needs --case, --document (%1), --output and --user.")
                        .arg(QStringLiteral("acceptance|commitment|one-time-notice|non-acceptance|material-receipt")),
                    2);
    const QString server = parser.isSet(serverOption) ? parser.value(serverOption)
                                                      : QSettings().value(QStringLiteral("server/url")).toString();
    if (server.isEmpty())
        return fail(Tr::tr("no server: give --server."), 2);

    models::ApiClient api;
    api.setBaseUrl(QUrl::fromUserInput(server));
    models::ApiError signInError;
    {
        QEventLoop loop;
        api.signIn(parser.value(userOption), qEnvironmentVariable("ONEWINDOW_PASSWORD"),
                   [&](const models::ApiResult<models::UserInfo> &r) {
                       signInError = r.error;
                       loop.quit();
                   });
        loop.exec();
    }
    if (signInError.isError())
        return fail(signInError.userMessage());

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
    const auto centers = fetch(api, QStringLiteral("/centers"));
    for (const auto &c : centers.object().value(QLatin1String("items")).toArray()) {
        if (c.toObject().value(QLatin1String("code")) == input.caseObject.value(QLatin1String("center")))
            input.office.name = c.toObject().value(QLatin1String("name")).toString();
    }
    printing::DocumentRenderer renderer;
    if (!renderer.renderPdf(*document, input, parser.value(outputOption)))
        return fail(renderer.errorString());
    std::printf("%s\n", qPrintable(parser.value(outputOption)));
    return 0;
}

} // namespace onewindow::client
