// The main window of each role against a real server, offscreen.
#include "guitest.h"
#include "languages.h"
#include "mainwindow.h"
#include "serverprocess.h"

#include "models/catalogsync.h"
#include "models/formatting.h"
#include "models/localstore.h"
#include "models/serverclock.h"
#include "models/session.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;

class tst_MainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;

    struct Fixture
    {
        models::ApiClient api;
        models::Session session{&api};
        models::LocalStore store;
        models::CatalogSync sync{&api, &store};
        client::Languages languages;
    };

    void prepare(Fixture &f, const QString &user)
    {
        f.languages.apply("en");
        bool opened = false;
        f.store.open(m_dir.filePath(user + ".sqlite"), nullptr, [&](const QString &) { opened = true; });
        QVERIFY(QTest::qWaitFor([&] { return opened; }, 10000));
        f.api.setBaseUrl(QUrl(m_server.baseUrl()));
        bool done = false;
        f.session.signIn(user, "OneWindow-demo-1", [&](const models::ApiError &e) {
            QVERIFY(!e.isError());
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 30000));
    }

    client::MainWindow::Services services(Fixture &f)
    {
        return {&f.session, &f.store, &f.sync, &f.languages, nullptr, nullptr};
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QString error;
        QVERIFY2(m_server.startDemo(m_dir.path(), &error), qPrintable(error));
    }

    void workbenchPerRole_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QStringList>("entries");
        QTest::newRow("clerk") << "clerk1" << QStringList{"New intake    F2", "Cases    F3", "Returned cases    F7", "Deficiency tracker    F8", "Results to hand out    F9", "Papers from village centres    F11", "Intakes to send    F10", "Matter catalog    F6"};
        QTest::newRow("agent") << "agent1" << QStringList{"New intake    F2", "Cases of my centre    F3", "Returned cases    F7", "Deficiency tracker    F8", "Results to hand out    F9", "Papers to the hall    F11", "Intakes to send    F10", "Matter catalog    F6"};
        QTest::newRow("approver") << "approver-hf" << QStringList{"To review    F4", "Cases of my department    F3", "Figures    F7", "Matter catalog    F6"};
        QTest::newRow("supervisor") << "supervisor1" << QStringList{"Cases    F3", "Deficiency tracker    F8", "Rating follow-ups    F9", "Figures    F7", "Matter catalog    F6"};
        QTest::newRow("admin") << "admin" << QStringList{"Matters and versions    F3", "Working-day calendar    F4", "Centres and bundles    F7", "Matter catalog    F6"};
        QTest::newRow("auditor") << "auditor" << QStringList{"Audit trail    F3", "Matter catalog    F6"};
        QTest::newRow("security administrator") << "secadmin" << QStringList{"Users    F3", "Matter catalog    F6"};
    }
    void workbenchPerRole()
    {
        QFETCH(QString, user);
        QFETCH(QStringList, entries);
        Fixture f;
        prepare(f, user);
        client::MainWindow window(services(f));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QStringList shown = window.navigationEntries();
        for (QString &entry : shown)
            entry.remove(QRegularExpression(" \\(\\d+\\)")); // live counts come and go
        QCOMPARE(shown, entries);
        QCOMPARE(unnamedInteractiveWidgets(&window), QStringList());
        const QString status = window.findChild<QLabel *>("userStatus")->text();
        QVERIFY2(status.contains(user), qPrintable(status));
        window.close();
    }

    void clerkSeesCasesAndSearchesTheCatalog()
    {
        Fixture f;
        prepare(f, "clerk1");
        client::MainWindow window(services(f));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.findChild<QLabel *>("placeStatus")->text(), QStringLiteral("Centre SZ"));
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QLabel *>("catalogStatus")->text().startsWith("Catalog updated"), 30000);
        // F6 goes to the catalog and puts the cursor in the search field.
        QTest::keyClick(&window, Qt::Key_F6);
        auto *search = byAccessibleName<QLineEdit>(&window, "Find a matter");
        QVERIFY(search);
        auto *matters = byAccessibleName<QTableView>(&window, "Matters");
        QTRY_VERIFY_WITH_TIMEOUT(matters->model()->rowCount() >= 30, 30000);
        QTest::keyClicks(search, "gjj");
        QVERIFY(matters->model()->rowCount() >= 3);
        for (int row = 0; row < matters->model()->rowCount(); ++row)
            QVERIFY(matters->model()->index(row, 1).data().toString().contains(QStringLiteral("公积金")));
        // The connection is stated in words.
        QVERIFY(window.findChild<QLabel *>("connectionStatus")->text().startsWith(QStringLiteral("● Connected")));
    }

    // Dates follow the server: the status bar says when this PC's clock is far from the server's.
    void statusBarSaysWhenThePcClockIsOff()
    {
        Fixture f;
        prepare(f, "clerk1");
        client::MainWindow window(services(f));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *clock = window.findChild<QLabel *>("clockStatus");
        QVERIFY(clock);
        const QDateTime pc = models::ServerClock::pcNow();
        const auto serverSays = [&](const QDateTime &serverNow) {
            QVERIFY(f.api.clock()->learn({{"today", "2026-11-27"}, {"now", serverNow.toString(Qt::ISODateWithMs)}}));
        };
        serverSays(pc.addSecs(-3 * 3600));
        QVERIFY(clock->isVisibleTo(&window));
        QVERIFY2(clock->text().startsWith(QStringLiteral("⚠ This PC's clock is 3 hours ahead of the server's")),
                 qPrintable(clock->text()));
        QVERIFY(clock->text().endsWith(QLocale().toString(QDate(2026, 11, 27), QLocale::ShortFormat)));
        QCOMPARE(clock->accessibleName(), clock->text());
        serverSays(pc.addSecs(10 * 60 + 30));
        QVERIFY2(clock->text().startsWith(QStringLiteral("⚠ This PC's clock is 10 minutes behind the server's")),
                 qPrintable(clock->text()));
        // Within a minute of each other: nothing to say, unless the server keeps another date.
        QVERIFY(f.api.clock()->learn({{"today", pc.date().toString(Qt::ISODate)}, {"now", pc.toString(Qt::ISODateWithMs)}}));
        QVERIFY(!clock->isVisibleTo(&window));
        QVERIFY(f.api.clock()->learn({{"today", pc.date().addDays(-400).toString(Qt::ISODate)},
                                      {"now", pc.toString(Qt::ISODateWithMs)}}));
        QCOMPARE(clock->text(), "Server's date: " + QLocale().toString(pc.date().addDays(-400), QLocale::ShortFormat));
    }

    void chineseWorkbench()
    {
        Fixture f;
        prepare(f, "clerk1");
        f.languages.apply("zh_CN");
        client::MainWindow window(services(f));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.navigationEntries().at(1).startsWith(QStringLiteral("办件")));
        QVERIFY(byAccessibleName(&window, QStringLiteral("导航")));
        f.languages.apply("en");
        QTRY_VERIFY(window.navigationEntries().at(1).startsWith(QStringLiteral("Cases")));
    }

    // The client's Chinese names of states are the domain's one table, which the papers print.
    void chineseStateNamesAreTheDomainTable()
    {
        Fixture f;
        f.languages.apply("zh_CN");
        for (const CaseState state : CaseLifecycle::states()) {
            const StateName name = StateNames::of(state);
            QCOMPARE(models::caseStatusText(QString::fromLatin1(name.code)),
                     QString::fromUtf8(name.chinese.data(), static_cast<qsizetype>(name.chinese.size())));
        }
        for (const DeficiencyStatus status : StateNames::deficiencyStatuses()) {
            const StateName name = StateNames::of(status);
            QCOMPARE(models::deficiencyStatusText(status),
                     QString::fromUtf8(name.chinese.data(), static_cast<qsizetype>(name.chinese.size())));
        }
        f.languages.apply("en");
        QCOMPARE(models::caseStatusText(QStringLiteral("returned_for_correction")), QStringLiteral("Returned for correction"));
        QCOMPARE(models::caseStatusText(QStringLiteral("no_such_state")), QStringLiteral("no_such_state"));
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
