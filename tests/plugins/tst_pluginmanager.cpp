// The plugin host against fixture plugins built next to this test: each fixture is one way a
// plugin can work or fail, and the test checks the state and error every one of them ends in,
// the order of the lifecycle calls and what reached the registries.
#include "journal.h"
#include "plugincontext.h"
#include "pluginmanager.h"
#include "pluginspec.h"
#include "registries.h"

#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QPluginLoader>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QWizardPage>
#include <QLoggingCategory>

#include "models/apiclient.h"

#include <memory>

using onewindow::pluginhost::PluginManager;
using onewindow::pluginhost::PluginSpec;
using State = PluginSpec::State;

Q_DECLARE_METATYPE(onewindow::pluginhost::PluginSpec::State)

namespace {

const QString kFixtureDir = QStringLiteral(ONEWINDOW_FIXTURE_DIR);

// libfixture_good.so on Linux, fixture_good.dll on Windows: compared without prefix and suffix.
QString fixtureOf(const QString &filePath)
{
    QString base = QFileInfo(filePath).baseName();
    if (base.startsWith(QLatin1String("lib")))
        base.remove(0, 3);
    return base.startsWith(QLatin1String("fixture_")) ? base.mid(8) : QString();
}

// What went through the message handler while a test listened: "category: text".
QStringList s_messages;

void keepMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    s_messages << QString::fromUtf8(context.category ? context.category : "default") + QStringLiteral(": ") + message;
}

QString fixturePath(const QString &fixture)
{
    const QDir dir(kFixtureDir);
    for (const QString &file : dir.entryList(QDir::Files)) {
        if (fixtureOf(file) == fixture)
            return dir.filePath(file);
    }
    return {};
}

} // namespace

class tst_PluginManager : public QObject
{
    Q_OBJECT

    std::unique_ptr<PluginManager> m_manager;

    PluginSpec *spec(const QString &fixture) const
    {
        for (PluginSpec *s : m_manager->plugins()) {
            if (fixtureOf(s->filePath()) == fixture)
                return s;
        }
        return nullptr;
    }

    static qsizetype indexIn(const QStringList &list, const char *entry)
    {
        return list.indexOf(QString::fromLatin1(entry));
    }

private slots:
    void versionCompare_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("expected");
        QTest::newRow("equal") << "1.2.3"
                               << "1.2.3" << 0;
        QTest::newRow("missing parts are 0") << "1.0"
                                             << "1.0.0" << 0;
        QTest::newRow("major only") << "2"
                                    << "1.9.9" << 1;
        QTest::newRow("minor") << "1.2"
                               << "1.10" << -1; // numbers, not text
        QTest::newRow("patch") << "1.2.4"
                               << "1.2.3" << 1;
    }
    void versionCompare()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, expected);
        const int result = PluginSpec::versionCompare(a, b);
        QCOMPARE(result < 0 ? -1 : result > 0 ? 1 : 0, expected);
        QCOMPARE(PluginSpec::versionCompare(b, a) < 0 ? -1 : PluginSpec::versionCompare(b, a) > 0 ? 1 : 0, -expected);
    }

    void isValidVersion_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("valid");
        QTest::newRow("1") << "1" << true;
        QTest::newRow("1.2") << "1.2" << true;
        QTest::newRow("1.2.3") << "1.2.3" << true;
        QTest::newRow("four parts") << "1.2.3.4" << false;
        QTest::newRow("letters") << "1.x" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("leading dot") << ".1" << false;
        QTest::newRow("trailing dot") << "1." << false;
        QTest::newRow("suffix") << "1.0-beta" << false;
        QTest::newRow("too long a number") << "1234567890" << false;
    }
    void isValidVersion()
    {
        QFETCH(QString, version);
        QFETCH(bool, valid);
        QCOMPARE(PluginSpec::isValidVersion(version), valid);
    }

    // Metadata comes from the file; the library is not loaded to read it.
    void readsMetadataWithoutLoading()
    {
        const auto good = PluginSpec::read(fixturePath(QStringLiteral("good")));
        QCOMPARE(good->state(), State::Read);
        QVERIFY2(!good->hasError(), qPrintable(good->errorString()));
        QCOMPARE(good->id(), QStringLiteral("good"));
        QCOMPARE(good->name(), QStringLiteral("Good fixture"));
        QCOMPARE(good->version(), QStringLiteral("1.0.0"));
        QCOMPARE(good->compatVersion(), QStringLiteral("1.0.0"));
        QCOMPARE(good->department(), QStringLiteral("FX"));
        QCOMPARE(good->vendor(), QStringLiteral("OneWindow tests"));
        QCOMPARE(good->description(), QStringLiteral("Registers a field type and a wizard page."));
        QVERIFY(good->dependencies().isEmpty());
        QVERIFY(!good->loader()->isLoaded());
        QVERIFY(!good->plugin());

        const auto needsGood = PluginSpec::read(fixturePath(QStringLiteral("needsgood")));
        QCOMPARE(needsGood->dependencies(),
            (QList<PluginSpec::Dependency> {{QStringLiteral("good"), QStringLiteral("1.0")}}));
        QCOMPARE(needsGood->metaData().value(QLatin1String("Id")).toString(), QStringLiteral("needsgood"));
    }

    // As in Qt Creator: Version at least the one asked for, CompatVersion at most it.
    void provides()
    {
        const auto good = PluginSpec::read(fixturePath(QStringLiteral("good"))); // 1.0.0, compat 1.0.0
        QVERIFY(good->provides(QStringLiteral("good"), QStringLiteral("1.0")));
        QVERIFY(good->provides(QStringLiteral("good"), QStringLiteral("1.0.0")));
        QVERIFY(!good->provides(QStringLiteral("good"), QStringLiteral("0.9")));
        QVERIFY(!good->provides(QStringLiteral("good"), QStringLiteral("2.0")));
        QVERIFY(!good->provides(QStringLiteral("other"), QStringLiteral("1.0")));
        const auto newer = PluginSpec::read(fixturePath(QStringLiteral("good_duplicate"))); // 1.5.0, compat 1.0.0
        QVERIFY(newer->provides(QStringLiteral("good"), QStringLiteral("1.0")));
        QVERIFY(newer->provides(QStringLiteral("good"), QStringLiteral("1.2")));
        QVERIFY(newer->provides(QStringLiteral("good"), QStringLiteral("1.5.0")));
        QVERIFY(!newer->provides(QStringLiteral("good"), QStringLiteral("1.6")));
        QVERIFY(!newer->provides(QStringLiteral("good"), QStringLiteral("0.9")));
    }

    void stateNamesAreTranslatable()
    {
        QCOMPARE(PluginSpec::stateName(State::Running), QStringLiteral("Running"));
        QCOMPARE(PluginSpec::stateName(State::Invalid), QStringLiteral("Invalid"));
        QCOMPARE(PluginSpec::stateName(State::Stopped), QStringLiteral("Stopped"));
    }

    void defaultSearchPaths()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString app = dir.filePath(QStringLiteral("bin"));
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        settings.setValue(PluginManager::settingsKey(), dir.filePath(QStringLiteral("hall-plugins")));
        const QString fromEnvironment
            = dir.filePath(QStringLiteral("env1")) + QDir::listSeparator() + dir.filePath(QStringLiteral("env2"));
        qputenv("ONEWINDOW_PLUGIN_PATH", fromEnvironment.toLocal8Bit());
        const QStringList paths = PluginManager::defaultSearchPaths(app, settings);
        qunsetenv("ONEWINDOW_PLUGIN_PATH");

        QCOMPARE(paths.size(), 5);
        QCOMPARE(paths[0], QDir::cleanPath(dir.filePath(QStringLiteral("bin/plugins"))));
        // <prefix>/bin/../<libdir>/onewindow/plugins
        QVERIFY2(paths[1].startsWith(QDir::cleanPath(dir.path()) + QLatin1Char('/'))
                && paths[1].endsWith(QLatin1String("/onewindow/plugins")) && !paths[1].contains(QLatin1String("..")),
            qPrintable(paths[1]));
        QCOMPARE(paths[2], QDir::cleanPath(dir.filePath(QStringLiteral("env1"))));
        QCOMPARE(paths[3], QDir::cleanPath(dir.filePath(QStringLiteral("env2"))));
        QCOMPARE(paths[4], QDir::cleanPath(dir.filePath(QStringLiteral("hall-plugins"))));

        // Without the environment variable and the setting only the two built-in folders remain.
        QSettings empty(dir.filePath(QStringLiteral("empty.ini")), QSettings::IniFormat);
        QCOMPARE(PluginManager::defaultSearchPaths(app, empty).size(), 2);
    }

    void noPluginFolders()
    {
        PluginManager manager;
        manager.setSearchPaths({QDir(kFixtureDir).filePath(QStringLiteral("does-not-exist")), QString()});
        manager.loadPlugins(PluginManager::contextFactory(nullptr, nullptr, nullptr));
        QVERIFY(manager.plugins().isEmpty());
        QVERIFY(manager.loadOrder().isEmpty());
        QVERIFY(manager.registries().validators().isEmpty());
        manager.shutdown();
    }

    // A host that cannot make a context fails the plugin, and its dependents with it.
    void contextFactoryFailure()
    {
        onewindow::fixtures::clearJournal();
        PluginManager manager;
        manager.setSearchPaths({kFixtureDir});
        manager.loadPlugins([](const QString &, const onewindow::sdk::Registries *) {
            return std::unique_ptr<onewindow::sdk::PluginContext>();
        });
        PluginSpec *good = manager.plugin(QStringLiteral("good"));
        QVERIFY(good);
        QCOMPARE(good->state(), State::Invalid);
        QCOMPARE(good->errorString(), QStringLiteral("The client could not prepare the plugin's context."));
        QCOMPARE(manager.plugin(QStringLiteral("needsgood"))->errorString(),
            QStringLiteral("Depends on good, which failed."));
        QVERIFY(onewindow::fixtures::journal().isEmpty());
        manager.shutdown();
        QVERIFY(!good->loader()->isLoaded());
    }

    // From here on, one manager over all fixtures.
    void loadAll()
    {
        onewindow::fixtures::clearJournal();
        m_manager = std::make_unique<PluginManager>();
        // The same folder twice: every file is still one plugin.
        m_manager->setSearchPaths({kFixtureDir, kFixtureDir + QStringLiteral("/."),
            QDir(kFixtureDir).filePath(QStringLiteral("does-not-exist"))});
        m_manager->loadPlugins(PluginManager::contextFactory(nullptr, nullptr, nullptr));

        QStringList found;
        for (const PluginSpec *s : m_manager->plugins())
            found << fixtureOf(s->filePath());
        // Every library-named file once, in file name order; README.txt is not a library.
        QCOMPARE(found,
            (QStringList {"badmetadata", "cycle_a", "cycle_b", "failsinit", "garbage", "good", "good_duplicate",
                "incompatible", "missingdep", "missingsymbol", "needscycle", "needsfailing", "needsgood", "notaplugin",
                "throwsatexit", "throwsext", "throwsinit", "wrongiid"}));
    }

    void states_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<State>("state");
        QTest::addColumn<QString>("error"); // the whole error, or its start when it ends with "…"

        QTest::newRow("good") << "good" << State::Running << "";
        QTest::newRow("needsgood") << "needsgood" << State::Running << "";
        QTest::newRow("throwsatexit") << "throwsatexit" << State::Running << "";
        QTest::newRow("missing dependency")
            << "missingdep" << State::Invalid << "Missing dependency: doesnotexist 1.0 is not installed.";
        QTest::newRow("incompatible dependency")
            << "incompatible" << State::Invalid
            << "Incompatible dependency: needs good 2.0, but the installed good 1.0.0 is compatible only back to "
               "1.0.0.";
        QTest::newRow("cycle a") << "cycle_a" << State::Invalid
                                 << "Circular dependency: cycle_a -> cycle_b -> cycle_a.";
        QTest::newRow("cycle b") << "cycle_b" << State::Invalid
                                 << "Circular dependency: cycle_b -> cycle_a -> cycle_b.";
        QTest::newRow("depends on a cycle") << "needscycle" << State::Invalid << "Depends on cycle_a, which failed.";
        QTest::newRow("initialize returns false")
            << "failsinit" << State::Invalid << "Initialization failed: The fixture refuses to start.";
        QTest::newRow("depends on a failed plugin")
            << "needsfailing" << State::Invalid << "Depends on failsinit, which failed.";
        QTest::newRow("initialize throws")
            << "throwsinit" << State::Invalid
            << "Initialization failed with an exception: fixture exception in initialize";
        QTest::newRow("extensionsInitialized throws")
            << "throwsext" << State::Invalid
            << "extensionsInitialized() failed with an exception: fixture exception in extensionsInitialized";
        QTest::newRow("duplicate Id") << "good_duplicate" << State::Invalid
                                      << "Another plugin with the Id good was found first, in …";
        QTest::newRow("other interface")
            << "wrongiid" << State::Invalid
            << "Not a OneWindow department plugin: its interface is \"org.example.SomethingElse/1.0\", not "
               "\"org.onewindow.IDepartmentPlugin/1.0\".";
        QTest::newRow("missing symbol") << "missingsymbol" << State::Invalid << "Cannot load the library: …";
        QTest::newRow("bad metadata")
            << "badmetadata" << State::Invalid
            << "Invalid metadata: The metadata has no Id. Version \"1.x\" is not a version such as 1.2.0.";
        QTest::newRow("shared library without metadata")
            << "notaplugin" << State::Invalid << "Not a Qt plugin: the file has no plugin metadata.";
        QTest::newRow("text file") << "garbage" << State::Invalid
                                   << "Not a Qt plugin: the file has no plugin metadata.";
    }
    void states()
    {
        QFETCH(QString, fixture);
        QFETCH(State, state);
        QFETCH(QString, error);
        const PluginSpec *s = spec(fixture);
        QVERIFY(s);
        QCOMPARE(s->state(), state);
        QCOMPARE(s->hasError(), state == State::Invalid);
        if (error.endsWith(QChar(0x2026)))
            QVERIFY2(s->errorString().startsWith(error.chopped(1)), qPrintable(s->errorString()));
        else
            QCOMPARE(s->errorString(), error);
    }

    void errorsNameTheCause()
    {
        QVERIFY(
            spec(QStringLiteral("good_duplicate"))->errorString().contains(spec(QStringLiteral("good"))->filePath()));
        // The loader's own message names the symbol.
        QVERIFY(spec(QStringLiteral("missingsymbol"))
                    ->errorString()
                    .contains(QLatin1String("onewindow_fixture_function_nobody_defines")));
        // An invalid file keeps a name for the list: its file name.
        QCOMPARE(spec(QStringLiteral("badmetadata"))->name(), QStringLiteral("Bad metadata"));
        QCOMPARE(spec(QStringLiteral("garbage"))->name(), QFileInfo(fixturePath(QStringLiteral("garbage"))).fileName());
        // The first file with an Id owns it.
        QCOMPARE(m_manager->plugin(QStringLiteral("good")), spec(QStringLiteral("good")));
        QCOMPARE(m_manager->plugin(QStringLiteral("doesnotexist")), nullptr);
    }

    // Plugins that never resolved are never loaded at all.
    void unresolvedAreNotLoaded()
    {
        for (const char *fixture : {"missingdep", "incompatible", "cycle_a", "cycle_b", "needscycle", "good_duplicate",
                 "wrongiid", "badmetadata", "notaplugin", "garbage"}) {
            const PluginSpec *s = spec(QString::fromLatin1(fixture));
            QVERIFY2(!s->loader()->isLoaded(), fixture);
            QVERIFY2(!s->plugin(), fixture);
            QVERIFY2(!m_manager->loadOrder().contains(s), fixture);
        }
    }

    void loadOrderPutsDependenciesFirst()
    {
        QStringList ids;
        for (const PluginSpec *s : m_manager->loadOrder())
            ids << s->id();
        QVERIFY(ids.contains(QLatin1String("good")));
        QVERIFY(ids.indexOf(QLatin1String("good")) < ids.indexOf(QLatin1String("needsgood")));
        QVERIFY(ids.indexOf(QLatin1String("failsinit")) < ids.indexOf(QLatin1String("needsfailing")));
        QCOMPARE(
            spec(QStringLiteral("needsgood"))->dependencySpecs(), QList<PluginSpec *> {spec(QStringLiteral("good"))});
    }

    void lifecycleOrder()
    {
        const QStringList journal = onewindow::fixtures::journal();
        // initialize: dependencies first; a dependent already sees its dependency's contributions.
        QVERIFY(indexIn(journal, "good:initialize") >= 0);
        QVERIFY(indexIn(journal, "good:initialize") < indexIn(journal, "needsgood:initialize"));
        QVERIFY(journal.contains(QLatin1String("needsgood:sees fixture-color")));
        // extensionsInitialized: the reverse order, after every initialize.
        QVERIFY(indexIn(journal, "needsgood:extensionsInitialized") >= 0);
        QVERIFY(indexIn(journal, "needsgood:extensionsInitialized") < indexIn(journal, "good:extensionsInitialized"));
        qsizetype lastInitialize = -1;
        qsizetype firstExtensions = journal.size();
        for (qsizetype i = 0; i < journal.size(); ++i) {
            if (journal[i].endsWith(QLatin1String(":initialize")))
                lastInitialize = i;
            else if (journal[i].endsWith(QLatin1String(":extensionsInitialized")))
                firstExtensions = std::min(firstExtensions, i);
        }
        QVERIFY2(lastInitialize < firstExtensions, qPrintable(journal.join(QLatin1Char(' '))));
        // Failed plugins get no further calls; unresolved ones none at all.
        QVERIFY(journal.contains(QLatin1String("failsinit:initialize")));
        QVERIFY(!journal.contains(QLatin1String("failsinit:extensionsInitialized")));
        for (const char *never : {"needsfailing:initialize", "cycle_a:initialize", "missingdep:initialize",
                 "incompatible:initialize", "missingsymbol:initialize", "needscycle:initialize"})
            QVERIFY2(!journal.contains(QLatin1String(never)), never);
    }

    void capabilitiesCollected()
    {
        const onewindow::sdk::Registries &registries = m_manager->registries();

        const onewindow::sdk::FieldTypeFactory *color = registries.fieldType(QStringLiteral("fixture-color"));
        QVERIFY(color);
        std::unique_ptr<QWidget> editor(color->create(
            {QStringLiteral("favourite"), QStringLiteral("Favourite colour"), QStringLiteral("fixture-color"), true},
            nullptr));
        QVERIFY(qobject_cast<QLineEdit *>(editor.get()));
        QCOMPARE(editor->accessibleName(), QStringLiteral("Favourite colour"));

        const auto pages = registries.wizardPagesFor(QStringLiteral("FX-001"));
        QCOMPARE(pages.size(), 1);
        std::unique_ptr<QWizardPage> page(pages[0].create(nullptr));
        QCOMPARE(page->title(), QStringLiteral("Fixture page"));

        const auto validators = registries.validatorsFor(QStringLiteral("fixture_code"), QStringLiteral("FX"));
        QCOMPARE(validators.size(), 1);
        QCOMPARE(validators[0].validate(QStringLiteral("ab")), QString());
        QCOMPARE(validators[0].validate(QStringLiteral("abc")), QStringLiteral("odd length"));
        QVERIFY(registries.validatorsFor(QStringLiteral("fixture_code"), QStringLiteral("HF")).isEmpty());

        const auto *printTemplate
            = registries.printTemplateFor(QStringLiteral("acceptance"), QStringLiteral("FX"), QStringLiteral("FX-001"));
        QVERIFY(printTemplate);
        QCOMPARE(printTemplate->resource, QStringLiteral(":/fixture/acceptance.html"));

        QCOMPARE(registries.materialsCoveredBy(QStringLiteral("FIXTURE_LICENSE")),
            QStringList {QStringLiteral("FIXTURE_MATERIAL")});

        const auto workbench = registries.workbenchPagesFor(QStringLiteral("clerk"));
        QCOMPARE(workbench.size(), 1);
        QCOMPARE(workbench[0].id, QStringLiteral("fixture.page"));
        QVERIFY(registries.workbenchPagesFor(QStringLiteral("auditor")).isEmpty());

        // What a plugin that failed later had offered is gone again.
        QVERIFY(!registries.fieldType(QStringLiteral("fixture-throwsext")));
    }

    void contextsAndLogging()
    {
        const PluginSpec *good = spec(QStringLiteral("good"));
        QVERIFY(good->context());
        QCOMPARE(good->context()->pluginId(), QStringLiteral("good"));
        QCOMPARE(&good->context()->registries(), &m_manager->registries());
        // Without a server or a user: nothing to hand out, and nothing crashes.
        QVERIFY(!good->context()->api());
        QVERIFY(!good->context()->clock());
        QVERIFY(good->context()->userName().isEmpty());
        QVERIFY(!good->context()->language().isEmpty());
        // The plugin's category, which the client's message handler writes to its log.
        const QLoggingCategory &log = good->context()->log();
        QCOMPARE(QByteArray(log.categoryName()), QByteArray("onewindow.plugin.good"));
        s_messages.clear();
        const QtMessageHandler previous = qInstallMessageHandler(keepMessage);
        qCInfo(log) << "hello";
        qInstallMessageHandler(previous);
        QCOMPARE(s_messages, QStringList{QStringLiteral("onewindow.plugin.good: hello")});
        QVERIFY(qobject_cast<QObject *>(good->instance()));
        QVERIFY(good->loader()->isLoaded());
    }

    // A plugin built against SDK 1.0's headers in a host of a later 1.x: every service it asks
    // for answers what the host gives (the functions it knows come first, in their order).
    void builtAgainstAnOlderSdk()
    {
        QVERIFY(onewindow::sdk::kSdkVersionMajor == 1 && onewindow::sdk::kSdkVersionMinor > 0);
        onewindow::fixtures::clearJournal();
        onewindow::models::UserInfo user;
        user.username = QStringLiteral("clerk1");
        user.role = QStringLiteral("clerk");
        user.center = QStringLiteral("SZ");
        user.department = QStringLiteral("HF");
        PluginManager manager;
        manager.setSearchPaths({QDir(kFixtureDir).filePath(QStringLiteral("sdk-1.0"))});
        s_messages.clear();
        const QtMessageHandler previous = qInstallMessageHandler(keepMessage);
        manager.loadPlugins(PluginManager::contextFactory(nullptr, &user, [] { return QStringLiteral("en"); }));
        qInstallMessageHandler(previous);
        const PluginSpec *old = manager.plugin(QStringLiteral("sdk10"));
        QVERIFY(old);
        QVERIFY2(old->state() == State::Running, qPrintable(old->errorString()));
        QCOMPARE(old->context()->language(), QStringLiteral("en"));
        QCOMPARE(onewindow::fixtures::journal(),
            (QStringList {QStringLiteral("sdk10:initialize"), QStringLiteral("sdk10:user=clerk1,clerk,SZ,HF"),
                QStringLiteral("sdk10:log=onewindow.plugin.sdk10"), QStringLiteral("sdk10:api=no,clock=no"),
                QStringLiteral("sdk10:registries=0"), QStringLiteral("sdk10:extensionsInitialized")}));
        QVERIFY(s_messages.contains(QStringLiteral("onewindow.plugin.sdk10: built against SDK 1.0")));
        manager.shutdown();
    }

    void secondLoadIsIgnored()
    {
        const auto before = m_manager->plugins();
        m_manager->loadPlugins(PluginManager::contextFactory(nullptr, nullptr, nullptr));
        QCOMPARE(m_manager->plugins(), before);
        QCOMPARE(spec(QStringLiteral("good"))->state(), State::Running);
    }

    void shutdown()
    {
        onewindow::fixtures::clearJournal();
        PluginSpec *good = spec(QStringLiteral("good"));
        m_manager->shutdown();
        const QStringList journal = onewindow::fixtures::journal();

        // Reverse dependency order; only running plugins are asked; one that throws stops no one.
        QVERIFY(indexIn(journal, "needsgood:aboutToShutdown") >= 0);
        QVERIFY(indexIn(journal, "needsgood:aboutToShutdown") < indexIn(journal, "good:aboutToShutdown"));
        QVERIFY(journal.contains(QLatin1String("throwsatexit:aboutToShutdown")));
        for (const QString &entry : journal)
            QVERIFY2(entry.endsWith(QLatin1String(":aboutToShutdown")), qPrintable(entry));
        QVERIFY(!journal.contains(QLatin1String("failsinit:aboutToShutdown")));
        QVERIFY(!journal.contains(QLatin1String("throwsext:aboutToShutdown")));

        QCOMPARE(good->state(), State::Stopped);
        QCOMPARE(spec(QStringLiteral("needsgood"))->state(), State::Stopped);
        const PluginSpec *throwsAtExit = spec(QStringLiteral("throwsatexit"));
        QCOMPARE(throwsAtExit->state(), State::Invalid);
        QCOMPARE(throwsAtExit->errorString(),
            QStringLiteral("aboutToShutdown() failed with an exception: fixture exception in aboutToShutdown"));
        // Failed plugins keep their first error.
        QCOMPARE(spec(QStringLiteral("failsinit"))->errorString(),
            QStringLiteral("Initialization failed: The fixture refuses to start."));

        QVERIFY(!good->loader()->isLoaded());
        QVERIFY(!good->plugin());
        QVERIFY(!good->context());
        QVERIFY(!m_manager->registries().fieldType(QStringLiteral("fixture-color")));

        // A second shutdown does nothing.
        onewindow::fixtures::clearJournal();
        m_manager->shutdown();
        QVERIFY(onewindow::fixtures::journal().isEmpty());
        m_manager.reset();
    }
};

QTEST_MAIN(tst_PluginManager)
#include "tst_pluginmanager.moc"
