// The real housing fund plugin, loaded by the plugin host from where the client finds it, with a
// real onewindow-server behind its workbench page.
#include "models/apiclient.h"
#include "plugincontext.h"
#include "guitest.h"
#include "pluginmanager.h"
#include "pluginspec.h"
#include "registries.h"
#include "sampleintake.h"
#include "serverprocess.h"
#include "models/serverclock.h"
#include "models/todaycasesmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <memory>
#include <optional>

using onewindow::models::TodayCaseRole;
namespace TodayCaseColumn = onewindow::models::TodayCaseColumn;
using onewindow::models::ApiResponse;
using onewindow::pluginhost::PluginManager;
using onewindow::pluginhost::PluginSpec;

namespace {

const QString kValidCode = QStringLiteral("91512081MA62K0260E");

} // namespace

class tst_HousingFundPlugin : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    onewindow::models::ApiClient m_api;
    onewindow::models::UserInfo m_user;
    std::unique_ptr<PluginManager> m_manager;

    // Runs one asynchronous call to the end; a status of 0 means it never answered.
    template<typename Start> ApiResponse wait(Start start)
    {
        std::optional<ApiResponse> answer;
        start([&answer](const ApiResponse &r) { answer = r; });
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 60000))
            return {};
        return *answer;
    }

    // A complete counter intake for `matter` by clerk1 at SZ, every material on paper.
    QJsonObject intake(const QString &matter)
    {
        const ApiResponse m = wait([&](auto done) { m_api.get(QStringLiteral("/matters/") + matter, done, this); });
        if (m.status != 200)
            qFatal("no matter %s: %d", qPrintable(matter), m.status);
        QJsonObject form;
        for (const auto &f : m.object().value(QLatin1String("fields")).toArray())
            form.insert(f.toObject().value(QLatin1String("key")).toString(),
                sampleValue(f.toObject().value(QLatin1String("type")).toString()));
        QJsonArray materials;
        for (const auto &x : m.object().value(QLatin1String("materials")).toArray())
            materials.append(QJsonObject {{"code", x.toObject().value(QLatin1String("code"))}, {"provided", "paper"}});
        const QJsonObject applicant {{"kind", "person"}, {"name", QStringLiteral("张三")},
            {"idNumber", "11010519491231002X"}, {"phone", "13800138000"}};
        return {{"matters", QJsonArray {matter}}, {"applicant", applicant}, {"center", "SZ"}, {"form", form},
            {"materials", materials}};
    }

    QJsonObject createCase(const QString &matter)
    {
        const QJsonObject body = intake(matter);
        const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const ApiResponse r = wait([&](auto done) { m_api.create(QStringLiteral("/cases"), body, done, this, key); });
        if (r.status != 201)
            qFatal("case for %s refused: %d %s", qPrintable(matter), r.status, r.json.toJson().constData());
        return r.object();
    }

    const onewindow::sdk::Registries &registries() const { return m_manager->registries(); }

    // The housing fund's page among every plugin's pages for `role` (the others' are theirs).
    QList<onewindow::sdk::WorkbenchPage> housingFundPages(const QString &role) const
    {
        QList<onewindow::sdk::WorkbenchPage> out;
        for (const auto &page : registries().workbenchPagesFor(role)) {
            if (page.department == QLatin1String("HF"))
                out << page;
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        const TestDatabase db = TestDatabase::create(TestDatabase::Kind::SQLite, m_dir.path(), &error);
        QVERIFY2(!db.url().isEmpty(), qPrintable(error));
        QVERIFY2(
            m_server.start({"--database", db.url(), "--demo", "--today", "2026-11-27"}, &error), qPrintable(error));
        m_api.setBaseUrl(QUrl(m_server.baseUrl()));

        std::optional<onewindow::models::ApiResult<onewindow::models::UserInfo>> signedIn;
        m_api.signIn(
            QStringLiteral("clerk1"), QStringLiteral("OneWindow-demo-1"),
            [&signedIn](const auto &result) { signedIn = result; }, this);
        QTRY_VERIFY_WITH_TIMEOUT(signedIn.has_value(), 60000);
        QVERIFY2(signedIn->ok(), qPrintable(signedIn->error.userMessage()));
        m_user = *signedIn->value;
        QCOMPARE(m_user.role, QStringLiteral("clerk"));

        m_manager = std::make_unique<PluginManager>();
        m_manager->setSearchPaths({QStringLiteral(ONEWINDOW_PLUGIN_DIR)});
        m_manager->loadPlugins(PluginManager::contextFactory(&m_api, &m_user));
    }

    void loads()
    {
        const PluginSpec *spec = m_manager->plugin(QStringLiteral("housingfund"));
        QVERIFY(spec);
        QVERIFY2(spec->state() == PluginSpec::State::Running, qPrintable(spec->errorString()));
        QCOMPARE(spec->department(), QStringLiteral("HF"));
        QCOMPARE(spec->version(), QStringLiteral("1.0.0"));
        QCOMPARE(spec->instance()->metaObject()->className(), "onewindow::housingfund::HousingFundPlugin");
    }

    void validator_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        const QString prefix = QStringLiteral("Not a valid unified social credit code: ");
        QTest::newRow("valid") << kValidCode << "";
        QTest::newRow("lowercase") << "91512081ma62k0260e"
                                   << "";
        QTest::newRow("empty: the form decides whether required") << ""
                                                                  << "";
        QTest::newRow("changed digit") << "91512081MA62K0261E" << prefix + "the check character does not match.";
        QTest::newRow("17 characters") << "91512081MA62K0260" << prefix + "it must have 18 characters.";
        QTest::newRow("letter O") << "91110000802100O33B"
                                  << prefix
                + "only digits and the capital letters A to Y without I, O, S, V and Z may be used.";
        QTest::newRow("region") << "9151A081MA62K0260E"
                                << prefix + "characters 3 to 8 must be the digits of a region code.";
    }
    void validator()
    {
        QFETCH(QString, value);
        QFETCH(QString, message);
        for (const QString &key : {QStringLiteral("credit_code"), QStringLiteral("employer_credit_code")}) {
            const auto validators = registries().validatorsFor(key, QStringLiteral("HF"));
            QCOMPARE(validators.size(), 1);
            QCOMPARE(validators[0].validate(value), message);
        }
    }

    void validatorsAreForHousingFundOnly()
    {
        QVERIFY(registries().validatorsFor(QStringLiteral("credit_code"), QStringLiteral("MR")).isEmpty());
        // Its own two among the other plugins' validators.
        const auto own = std::ranges::count_if(
            registries().validators(), [](const auto &v) { return v.id.startsWith(QLatin1String("housingfund.")); });
        QCOMPARE(static_cast<int>(own), 2);
    }

    void printTemplate()
    {
        const auto *acceptance = registries().printTemplateFor(
            QStringLiteral("acceptance"), QStringLiteral("HF"), QStringLiteral("HF-001"));
        QVERIFY(acceptance);
        QCOMPARE(acceptance->resource, QStringLiteral(":/housingfund/acceptance.html"));
        QFile file(acceptance->resource);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(file.readAll());
        for (const char *placeholder : {"{{caseNumber}}", "{{applicantName}}", "{{maskedIdNumber}}", "{{matterName}}",
                 "{{acceptedAt}}", "{{promisedDueDate}}", "{{materials}}", "{{office}}"})
            QVERIFY2(html.contains(QLatin1String(placeholder)), placeholder);
        QVERIFY(html.contains(QStringLiteral("住房公积金业务受理通知书")));
        // Other departments keep the built-in notice; so do the other HF documents.
        QVERIFY(!registries().printTemplateFor(
            QStringLiteral("acceptance"), QStringLiteral("MR"), QStringLiteral("MR-001")));
        QVERIFY(!registries().printTemplateFor(
            QStringLiteral("commitment"), QStringLiteral("HF"), QStringLiteral("HF-001")));
    }

    void workbenchPageIsForCounterRoles()
    {
        for (const char *role : {"clerk", "agent", "supervisor", "approver"}) {
            const auto pages = housingFundPages(QString::fromLatin1(role));
            QCOMPARE(pages.size(), 1);
            QCOMPARE(pages[0].id, QStringLiteral("housingfund.today"));
            QCOMPARE(pages[0].title, QStringLiteral("Today's housing fund cases"));
            QCOMPARE(pages[0].department, QStringLiteral("HF"));
        }
        QVERIFY(housingFundPages(QStringLiteral("admin")).isEmpty());
        QVERIFY(housingFundPages(QStringLiteral("auditor")).isEmpty());
    }

    // Against the server: an HF case and a market regulation case accepted today; the page shows
    // exactly the HF one.
    void workbenchPageShowsTodaysHousingFundCases()
    {
        const QJsonObject hfCase = createCase(QStringLiteral("HF-001"));
        const QJsonObject mrCase = createCase(QStringLiteral("MR-001"));
        QVERIFY(hfCase.value(QLatin1String("number")).toString().startsWith(QLatin1String("SZ-20261127-")));
        QVERIFY(mrCase.value(QLatin1String("number")).toString().startsWith(QLatin1String("SZ-20261127-")));

        const auto pages = housingFundPages(QStringLiteral("clerk"));
        QCOMPARE(pages.size(), 1);
        std::unique_ptr<QWidget> page(pages[0].create(nullptr));
        QVERIFY(page);
        auto *table = byAccessibleName<QTableView>(page.get(), QStringLiteral("Today's housing fund cases"));
        auto *refresh = byAccessibleName<QPushButton>(page.get(), QStringLiteral("Refresh"));
        auto *count = byAccessibleName<QLabel>(page.get(), QStringLiteral("Number of cases"));
        QVERIFY(table);
        QVERIFY(refresh);
        QVERIFY(count);
        QAbstractItemModel *model = table->model();
        QCOMPARE(model->metaObject()->className(), "onewindow::models::TodayCasesModel");
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 0);
        QCOMPARE(model->columnCount(), TodayCaseColumn::LastColumn + 1);

        QTest::mouseClick(refresh, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 30000);
        QTRY_VERIFY(count->text().startsWith(QLatin1String("1 housing fund case(s) accepted today")));
        const auto cell = [model](int column, int role = Qt::DisplayRole) {
            return model->index(0, column).data(role);
        };
        QCOMPARE(cell(TodayCaseColumn::Number).toString(), hfCase.value(QLatin1String("number")).toString());
        QCOMPARE(cell(TodayCaseColumn::Matters).toString(), QStringLiteral("HF-001"));
        QCOMPARE(cell(TodayCaseColumn::Applicant).toString(), QStringLiteral("张三"));
        QCOMPARE(cell(TodayCaseColumn::Status).toString(), QStringLiteral("Accepted"));
        QCOMPARE(cell(TodayCaseColumn::Number, static_cast<int>(TodayCaseRole::CaseId)).toString(),
            hfCase.value(QLatin1String("id")).toString());
        QCOMPARE(
            cell(TodayCaseColumn::Number, static_cast<int>(TodayCaseRole::PromisedDueDate)).toDate(), QDate(2026, 11, 30));
        QCOMPARE(cell(TodayCaseColumn::Number, static_cast<int>(TodayCaseRole::AcceptedAt)).toDateTime().date(),
            QDate(2026, 11, 27));
        QCOMPARE(model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Case number"));

        // Another HF case: a second refresh shows both; the MR case never.
        const QJsonObject second = createCase(QStringLiteral("HF-001"));
        refresh->click();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 30000);
        QStringList numbers;
        for (int row = 0; row < model->rowCount(); ++row)
            numbers << model->index(row, 0).data().toString();
        QVERIFY(numbers.contains(second.value(QLatin1String("number")).toString()));
        QVERIFY(!numbers.contains(mrCase.value(QLatin1String("number")).toString()));

        // Midnight on the server's clock (the host's ServerClock, through the plugin's context):
        // the page asks again, and yesterday's cases leave it.
        const auto serverDate = [this](const char *today) {
            QVERIFY(m_api.clock()->learn({{"today", today}, {"now", QString(today) + "T00:00:01.000+08:00"}}));
        };
        serverDate("2026-11-28");
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, 30000);
        QTRY_VERIFY(count->text().startsWith(QLatin1String("0 housing fund case(s) accepted today")));
        serverDate("2026-11-27");
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 30000);
    }

    // The server out of reach: the page says so and keeps what it showed.
    void serverUnreachable()
    {
        const auto pages = housingFundPages(QStringLiteral("clerk"));
        QCOMPARE(pages.size(), 1);
        std::unique_ptr<QWidget> page(pages[0].create(nullptr));
        auto *table = byAccessibleName<QTableView>(page.get(), QStringLiteral("Today's housing fund cases"));
        auto *refresh = byAccessibleName<QPushButton>(page.get(), QStringLiteral("Refresh"));
        auto *count = byAccessibleName<QLabel>(page.get(), QStringLiteral("Number of cases"));
        refresh->click();
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 2, 30000);

        // A loopback port that was free a moment ago: connections are refused at once.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QUrl unreachable(QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort()));
        probe.close();
        const QUrl server = m_api.baseUrl();
        m_api.setBaseUrl(unreachable);
        m_api.setMaxRetries(0);
        refresh->click();
        QTRY_VERIFY_WITH_TIMEOUT(count->text().startsWith(QLatin1String("Could not load today's cases: ")), 30000);
        QCOMPARE(table->model()->rowCount(), 2);
        m_api.setBaseUrl(server);
    }

    void cleanupTestCase()
    {
        if (!m_manager)
            return;
        PluginSpec *spec = m_manager->plugin(QStringLiteral("housingfund"));
        m_manager->shutdown();
        QVERIFY(spec);
        QCOMPARE(spec->state(), PluginSpec::State::Stopped);
        m_manager.reset();
    }
};

QTEST_MAIN(tst_HousingFundPlugin)
#include "tst_housingfundplugin.moc"
