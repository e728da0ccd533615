// A plugin's file removed from the client's plugins folder: the client finds the others, they
// run, and the client works without what the removed one offered, its main window included;
// the server still checks what the removed plugin checked on the client.
#include "guitest.h"
#include "languages.h"
#include "mainwindow.h"
#include "models/catalogsync.h"
#include "models/localstore.h"
#include "models/session.h"
#include "pluginmanager.h"
#include "pluginspec.h"
#include "plugintestbed.h"
#include "registries.h"
#include "serverprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibrary>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace onewindow;
using pluginhost::PluginSpec;

namespace {

const QStringList kPlugins {"housingfund", "medicalinsurance", "market", "realestate", "tax", "publicsecurity"};

} // namespace

class tst_WithoutAPlugin : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    /// A plugins folder with every plugin file of the client's except `left`'s (none: all of them).
    QString pluginsWithout(const QString &left)
    {
        const QString folder
            = m_dir.filePath(left.isEmpty() ? QStringLiteral("all") : QStringLiteral("without-") + left);
        if (!QDir().mkpath(folder))
            return {};
        const QDir client(QStringLiteral(ONEWINDOW_PLUGIN_DIR));
        for (const QFileInfo &file : client.entryInfoList(QDir::Files)) {
            if (!QLibrary::isLibrary(file.fileName()))
                continue;
            const QString base = file.completeBaseName();
            if (!left.isEmpty() && (base == left || base == QStringLiteral("lib") + left))
                continue;
            if (!QFile::copy(file.filePath(), QDir(folder).filePath(file.fileName())))
                return {};
        }
        return folder;
    }

    /// The clerk's main window over `registries`, as the client builds it after signing in: its
    /// navigation entries.
    QStringList clerkNavigation(PluginTestBed &bed, const QString &name)
    {
        models::ApiClient api;
        models::Session session(&api);
        models::LocalStore store;
        models::CatalogSync sync(&api, &store);
        client::Languages languages;
        languages.apply(QStringLiteral("en"));
        bool opened = false;
        store.open(m_dir.filePath(name + QStringLiteral(".sqlite")), nullptr, [&](const QString &) { opened = true; });
        if (!QTest::qWaitFor([&] { return opened; }, 10000))
            return {QStringLiteral("the local store did not open")};
        api.setBaseUrl(QUrl(bed.serverUrl()));
        bool signedIn = false;
        session.signIn(QStringLiteral("clerk1"), QStringLiteral("OneWindow-demo-1"),
            [&](const models::ApiError &e) { signedIn = !e.isError(); });
        if (!QTest::qWaitFor([&] { return signedIn; }, 30000))
            return {QStringLiteral("clerk1 did not sign in")};
        client::MainWindow window({&session, &store, &sync, &languages, &bed.registries(), nullptr});
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return {QStringLiteral("the window did not show")};
        const QStringList entries = window.navigationEntries();
        // Every page shows, the plugins' included.
        for (int row = 0; row < entries.size(); ++row) {
            window.showPage(row);
            QCoreApplication::processEvents();
        }
        const qsizetype housingFund = entries.indexOf(QStringLiteral("Today's housing fund cases"));
        if (housingFund >= 0) {
            window.showPage(static_cast<int>(housingFund));
            auto *page = window.findChild<QWidget *>(QStringLiteral("housingfund.today"));
            if (!page || !page->isVisible())
                return {QStringLiteral("the housing fund page does not show")};
        }
        window.close();
        return entries;
    }

    static bool hasEntry(const QStringList &entries, const QString &title)
    {
        return std::any_of(entries.cbegin(), entries.cend(), [&](const QString &e) { return e.startsWith(title); });
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    // With every plugin: the clerk's workbench has both departments' pages.
    void everyPluginRuns()
    {
        PluginTestBed bed;
        QString error;
        const QString folder = pluginsWithout({});
        QVERIFY(!folder.isEmpty());
        QVERIFY2(bed.start(folder, &error), qPrintable(error));
        for (const QString &id : kPlugins) {
            const PluginSpec *spec = bed.plugins().plugin(id);
            QVERIFY2(spec && spec->state() == PluginSpec::State::Running, qPrintable(id));
        }
        const QStringList entries = clerkNavigation(bed, QStringLiteral("all"));
        QVERIFY2(hasEntry(entries, QStringLiteral("Today's housing fund cases")), qPrintable(entries.join(", ")));
        QVERIFY2(hasEntry(entries, QStringLiteral("Today's establishments")), qPrintable(entries.join(", ")));
    }

    // Without the market regulation plugin: the five others run, the workbench has no market
    // page and the client's other pages all show; the server still refuses a bad registered capital.
    void withoutMarketRegulation()
    {
        PluginTestBed bed;
        QString error;
        const QString folder = pluginsWithout(QStringLiteral("market"));
        QVERIFY(!folder.isEmpty());
        QVERIFY2(bed.start(folder, &error), qPrintable(error));
        QVERIFY(!bed.plugins().plugin(QStringLiteral("market")));
        for (const QString &id : kPlugins) {
            if (id == QLatin1String("market"))
                continue;
            QCOMPARE(bed.aboutPluginsState(id), QStringLiteral("Running"));
        }
        QVERIFY(bed.aboutPluginsState(QStringLiteral("market")).isEmpty());
        QVERIFY(bed.validatorIds(QStringLiteral("registered_capital"), QStringLiteral("MR")).isEmpty());
        QCOMPARE(bed.validatorIds(QStringLiteral("property_cert_number"), QStringLiteral("RE")),
            QStringList {"realestate.property-certificate"});

        const QStringList entries = clerkNavigation(bed, QStringLiteral("without-market"));
        QVERIFY2(hasEntry(entries, QStringLiteral("New intake")), qPrintable(entries.join(", ")));
        QVERIFY2(hasEntry(entries, QStringLiteral("Today's housing fund cases")), qPrintable(entries.join(", ")));
        QVERIFY2(!hasEntry(entries, QStringLiteral("Today's establishments")), qPrintable(entries.join(", ")));

        QCOMPARE(bed.serverProblem(
                     QStringLiteral("MR-001"), QStringLiteral("registered_capital"), QStringLiteral("100万元")),
            QStringLiteral("format"));
        QCOMPARE(bed.createCase(bed.intake(QStringLiteral("MR-001"))).status, 201);
    }

    // Without the real estate plugin: an RE case prints the built-in acceptance notice, the
    // medical insurance plugin's still prints its own.
    void withoutRealEstate()
    {
        PluginTestBed bed;
        QString error;
        const QString folder = pluginsWithout(QStringLiteral("realestate"));
        QVERIFY(!folder.isEmpty());
        QVERIFY2(bed.start(folder, &error), qPrintable(error));
        QVERIFY(!bed.plugins().plugin(QStringLiteral("realestate")));
        QCOMPARE(bed.aboutPluginsState(QStringLiteral("medicalinsurance")), QStringLiteral("Running"));
        QVERIFY(bed.validatorIds(QStringLiteral("property_cert_number"), QStringLiteral("RE")).isEmpty());

        const auto re = bed.createCase(bed.intake(QStringLiteral("RE-001")));
        QCOMPARE(re.status, 201);
        QString templatePath;
        const QString text = bed.acceptanceNoticeText(re.object(), &templatePath);
        QCOMPARE(templatePath, QStringLiteral(":/printing/acceptance.html"));
        QVERIFY2(text.contains(re.object().value(QLatin1String("number")).toString()), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("不动产登记受理凭证")));

        const auto mi = bed.createCase(bed.intake(QStringLiteral("MI-001")));
        QCOMPARE(mi.status, 201);
        QVERIFY(
            bed.acceptanceNoticeText(mi.object(), &templatePath).contains(QStringLiteral("医疗保障业务受理通知书")));
        QCOMPARE(templatePath, QStringLiteral(":/medicalinsurance/acceptance.html"));
    }
};

QTEST_MAIN(tst_WithoutAPlugin)
#include "tst_withoutaplugin.moc"
