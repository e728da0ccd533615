// The About Plugins dialog, offscreen: it shows the manager's plugins, every control has an
// accessible name, and selecting a plugin shows why it failed.
#include "aboutpluginsdialog.h"
#include "pluginlistmodel.h"
#include "guitest.h"
#include "pluginmanager.h"

#include <QAbstractButton>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using onewindow::pluginhost::AboutPluginsDialog;
using onewindow::pluginhost::PluginListModel;
using onewindow::pluginhost::PluginRole;
using onewindow::pluginhost::PluginManager;

class tst_AboutPluginsDialog : public QObject
{
    Q_OBJECT

    PluginManager m_manager;

private slots:
    void initTestCase()
    {
        m_manager.setSearchPaths({QStringLiteral(ONEWINDOW_FIXTURE_DIR)});
        m_manager.loadPlugins(PluginManager::contextFactory(nullptr, nullptr, nullptr));
        QVERIFY(m_manager.plugin(QStringLiteral("good")));
    }

    void showsThePlugins()
    {
        AboutPluginsDialog dialog(&m_manager);
        QCOMPARE(dialog.windowTitle(), QStringLiteral("About Plugins"));
        auto *table = byAccessibleName<QTableView>(&dialog, QStringLiteral("Plugins"));
        QVERIFY(table);
        QCOMPARE(table->model(), dialog.model());
        QCOMPARE(table->model()->rowCount(), static_cast<int>(m_manager.plugins().size()));
        QCOMPARE(table->model()->columnCount(), 6);
        QVERIFY(byAccessibleName<QPushButton>(&dialog, QStringLiteral("Close")));
        QVERIFY(byAccessibleName<QLabel>(&dialog, QStringLiteral("Details")));
    }

    void everyControlHasAnAccessibleName()
    {
        AboutPluginsDialog dialog(&m_manager);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        int checked = 0;
        for (QWidget *w : dialog.findChildren<QWidget *>()) {
            // Buttons and item views (the table and its column header); hidden ones are not on screen.
            const bool interactive = qobject_cast<QAbstractButton *>(w) || qobject_cast<QAbstractItemView *>(w);
            if (interactive && w->isVisible()) {
                QVERIFY2(!w->accessibleName().isEmpty(), w->metaObject()->className());
                ++checked;
            }
        }
        QVERIFY(checked >= 3);
    }

    void selectingAPluginShowsItsDetails()
    {
        AboutPluginsDialog dialog(&m_manager);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *table = byAccessibleName<QTableView>(&dialog, QStringLiteral("Plugins"));
        auto *details = byAccessibleName<QLabel>(&dialog, QStringLiteral("Details"));
        int row = -1;
        for (int r = 0; r < table->model()->rowCount(); ++r) {
            if (table->model()->index(r, 0).data(static_cast<int>(PluginRole::Id)).toString() == QLatin1String("needsfailing"))
                row = r;
        }
        QVERIFY(row >= 0);
        table->selectRow(row);
        QVERIFY(details->text().startsWith(QLatin1String("Needs the failing one 1.0.0 (Invalid)")));
        QVERIFY(details->text().contains(QLatin1String("Depends on: failsinit 1.0")));
        QVERIFY(details->text().contains(QLatin1String("Error: Depends on failsinit, which failed.")));
        QVERIFY(details->text().contains(QLatin1String("Vendor: OneWindow tests")));
        // Plugin text is never taken for markup.
        QCOMPARE(details->textFormat(), Qt::PlainText);
    }

    void closeButtonCloses()
    {
        AboutPluginsDialog dialog(&m_manager);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *close = byAccessibleName<QPushButton>(&dialog, QStringLiteral("Close"));
        QTest::mouseClick(close, Qt::LeftButton);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), static_cast<int>(QDialog::Rejected));
    }

    void cleanupTestCase() { m_manager.shutdown(); }
};

QTEST_MAIN(tst_AboutPluginsDialog)
#include "tst_aboutpluginsdialog.moc"
