#include "plugintestbed.h"

#include "aboutpluginsdialog.h"
#include "documentrenderer.h"
#include "guitest.h"
#include "models/serverclock.h"
#include "pluginlistmodel.h"
#include "pluginmanager.h"
#include "pluginspec.h"
#include "registries.h"
#include "sampleintake.h"

#include <QJsonArray>
#include <QTableView>
#include <QTest>
#include <QUuid>

#include <optional>

using onewindow::models::ApiResponse;
using onewindow::pluginhost::AboutPluginsDialog;
using onewindow::pluginhost::PluginManager;
using onewindow::pluginhost::PluginRole;
using onewindow::pluginhost::PluginColumn::State;

namespace {

template<typename Start> ApiResponse waitFor(Start start)
{
    std::optional<ApiResponse> answer;
    start([&answer](const ApiResponse &r) { answer = r; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 60000))
        return {};
    return *answer;
}

} // namespace

QString squeezed(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (!c.isSpace())
            out += c;
    }
    return out;
}

PluginTestBed::PluginTestBed() = default;

PluginTestBed::~PluginTestBed()
{
    shutdown();
}

bool PluginTestBed::start(const QString &pluginDirectory, QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary folder");
        return false;
    }
    // ONEWINDOW_KEEP_PRINTS=1 keeps the papers to look at.
    if (qEnvironmentVariableIntValue("ONEWINDOW_KEEP_PRINTS")) {
        m_dir.setAutoRemove(false);
        qInfo("papers kept in %s", qPrintable(m_dir.path()));
    }
    if (!m_server.startDemo(m_dir.path(), error))
        return false;
    m_api.setBaseUrl(QUrl(m_server.baseUrl()));
    std::optional<onewindow::models::ApiResult<onewindow::models::UserInfo>> signedIn;
    m_api.signIn(QStringLiteral("clerk1"), QStringLiteral("OneWindow-demo-1"),
        [&signedIn](const auto &result) { signedIn = result; });
    if (!QTest::qWaitFor([&signedIn] { return signedIn.has_value(); }, 60000) || !signedIn->ok()) {
        *error = QStringLiteral("clerk1 could not sign in");
        return false;
    }
    m_user = *signedIn->value;
    // The server's date, as the client learns it after signing in.
    std::optional<bool> clockKnown;
    m_api.clock()->refresh([&clockKnown](bool ok) { clockKnown = ok; });
    if (!QTest::qWaitFor([&clockKnown] { return clockKnown.has_value(); }, 30000) || !*clockKnown) {
        *error = QStringLiteral("the server did not say which day it is");
        return false;
    }

    m_plugins = std::make_unique<PluginManager>();
    m_plugins->setSearchPaths({pluginDirectory});
    m_plugins->loadPlugins(PluginManager::contextFactory(&m_api, &m_user));
    return true;
}

void PluginTestBed::shutdown()
{
    if (m_plugins)
        m_plugins->shutdown();
}

const onewindow::sdk::Registries &PluginTestBed::registries() const
{
    return m_plugins->registries();
}

QStringList PluginTestBed::problems(const QString &fieldKey, const QString &department, const QString &value) const
{
    QStringList out;
    for (const auto &validator : registries().validatorsFor(fieldKey, department)) {
        if (const QString message = validator.validate(value); !message.isEmpty())
            out << message;
    }
    return out;
}

QStringList PluginTestBed::validatorIds(const QString &fieldKey, const QString &department) const
{
    QStringList out;
    for (const auto &validator : registries().validatorsFor(fieldKey, department))
        out << validator.id;
    return out;
}

ApiResponse PluginTestBed::get(const QString &path)
{
    return waitFor([&](auto done) { m_api.get(path, done); });
}

QJsonObject PluginTestBed::intake(const QString &matter, const QJsonObject &form)
{
    const ApiResponse m = get(QStringLiteral("/matters/") + matter);
    if (m.status != 200)
        qFatal("no matter %s: %d", qPrintable(matter), m.status);
    QJsonObject values;
    for (const auto &f : m.object().value(QLatin1String("fields")).toArray())
        values.insert(f.toObject().value(QLatin1String("key")).toString(),
            sampleValue(f.toObject().value(QLatin1String("type")).toString()));
    for (auto it = form.begin(); it != form.end(); ++it)
        values.insert(it.key(), it.value());
    QJsonArray materials;
    for (const auto &x : m.object().value(QLatin1String("materials")).toArray())
        materials.append(QJsonObject {{"code", x.toObject().value(QLatin1String("code"))}, {"provided", "paper"}});
    return {{"matters", QJsonArray {matter}},
        {"applicant", samplePerson(QStringLiteral("张三"), QStringLiteral("11010519491231002X"))}, {"center", "SZ"},
        {"form", values}, {"materials", materials}};
}

ApiResponse PluginTestBed::createCase(const QJsonObject &body)
{
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return waitFor([&](auto done) { m_api.create(QStringLiteral("/cases"), body, done, nullptr, key); });
}

QString PluginTestBed::serverProblem(const QString &matter, const QString &field, const QString &value)
{
    const ApiResponse r = createCase(intake(matter, {{field, value}}));
    if (r.status == 201)
        return {};
    const QJsonArray errors = r.object().value(QLatin1String("errors")).toArray();
    const QJsonObject first = errors.first().toObject();
    if (r.status != 422 || errors.size() != 1
        || first.value(QLatin1String("field")).toString() != QStringLiteral("form.") + field)
        return QStringLiteral("answered %1: %2")
            .arg(r.status)
            .arg(QString::fromUtf8(r.json.toJson(QJsonDocument::Compact)));
    return first.value(QLatin1String("code")).toString();
}

QString PluginTestBed::acceptanceNoticeText(const QJsonObject &caseObject, QString *templatePath, QStringList *problems)
{
    using namespace onewindow::printing;
    PrintInput input;
    input.caseObject = caseObject;
    input.office = {QStringLiteral("盛泽镇行政审批局"), QStringLiteral("综合受理窗口3号"),
        QStringLiteral("0512-6350 0000"), QStringLiteral("吴江区盛泽镇政务服务中心一楼"), {}, {}};
    input.clerkName = m_user.displayName;
    for (const auto &m : caseObject.value(QLatin1String("matters")).toArray()) {
        const ApiResponse matter
            = get(QStringLiteral("/matters/") + m.toObject().value(QLatin1String("code")).toString());
        input.matterDetails.append(matter.object());
    }
    DocumentRenderer renderer(&registries());
    if (templatePath)
        *templatePath = renderer.templatePath(PrintDocument::Acceptance, caseObject);
    const QString pdf = m_dir.filePath(QStringLiteral("acceptance-%1.pdf").arg(++m_papers));
    if (!renderer.renderPdf(PrintDocument::Acceptance, input, pdf)) {
        qWarning("the notice was not rendered: %s", qPrintable(renderer.errorString()));
        return {};
    }
    if (problems)
        *problems = renderer.templateProblems();
    const QString text = pdfText(pdf);
    if (text.isEmpty())
        qWarning("pdftotext could not read %s", qPrintable(pdf));
    return squeezed(text);
}

QString PluginTestBed::aboutPluginsState(const QString &pluginId)
{
    AboutPluginsDialog dialog(m_plugins.get());
    auto *table = byAccessibleName<QTableView>(&dialog, QStringLiteral("Plugins"));
    if (!table)
        return {};
    const QAbstractItemModel *model = table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(static_cast<int>(PluginRole::Id)).toString() == pluginId)
            return model->index(row, State).data().toString();
    }
    return {};
}

QString PluginTestBed::runningProblem(const QString &pluginId, const QString &department, const char *className)
{
    const onewindow::pluginhost::PluginSpec *spec = m_plugins->plugin(pluginId);
    if (!spec)
        return QStringLiteral("%1 is not found").arg(pluginId);
    if (spec->state() != onewindow::pluginhost::PluginSpec::State::Running)
        return QStringLiteral("%1 does not run: %2").arg(pluginId, spec->errorString());
    if (spec->department() != department)
        return QStringLiteral("%1 is of department %2").arg(pluginId, spec->department());
    if (qstrcmp(spec->instance()->metaObject()->className(), className) != 0)
        return QStringLiteral("%1's object is a %2").arg(pluginId, QString::fromLatin1(spec->instance()->metaObject()->className()));
    if (const QString state = aboutPluginsState(pluginId); state != QLatin1String("Running"))
        return QStringLiteral("About Plugins says %1 is \"%2\"").arg(pluginId, state);
    return {};
}

QString PluginTestBed::shutdownProblem(const QString &pluginId)
{
    const onewindow::pluginhost::PluginSpec *spec = m_plugins->plugin(pluginId);
    shutdown();
    if (!spec)
        return QStringLiteral("%1 is not found").arg(pluginId);
    return spec->state() == onewindow::pluginhost::PluginSpec::State::Stopped
               ? QString()
               : QStringLiteral("%1 did not stop").arg(pluginId);
}
