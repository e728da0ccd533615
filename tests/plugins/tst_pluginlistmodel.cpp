// The About Plugins model over a manager that loaded the fixture plugins.
#include "pluginlistmodel.h"
#include "pluginmanager.h"
#include "pluginspec.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using onewindow::pluginhost::PluginListModel;
using onewindow::pluginhost::PluginManager;
using onewindow::pluginhost::PluginSpec;
using onewindow::pluginhost::PluginRole;
namespace PluginColumn = onewindow::pluginhost::PluginColumn;

class tst_PluginListModel : public QObject
{
    Q_OBJECT

    std::unique_ptr<PluginManager> m_manager;
    std::unique_ptr<PluginListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    int rowOf(const QString &id) const
    {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->index(row, 0).data(static_cast<int>(PluginRole::Id)).toString() == id
                && !m_model->index(row, 0).data(static_cast<int>(PluginRole::HasError)).toBool())
                return row;
        }
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->index(row, 0).data(static_cast<int>(PluginRole::Id)).toString() == id)
                return row;
        }
        return -1;
    }

    QString text(int row, int column, int role = Qt::DisplayRole) const
    {
        return m_model->index(row, column).data(role).toString();
    }

private slots:
    void initTestCase()
    {
        m_manager = std::make_unique<PluginManager>();
        m_manager->setSearchPaths({QStringLiteral(ONEWINDOW_FIXTURE_DIR)});
        m_model = std::make_unique<PluginListModel>(m_manager.get());
        // Watches every signal from here on: the reset when plugins are found, then the state changes.
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(m_model->rowCount(), 0);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_manager->loadPlugins(PluginManager::contextFactory(nullptr, nullptr, nullptr));
        QCOMPARE(reset.size(), 1);
        QVERIFY(changed.size() > 0);
    }

    void shape()
    {
        QCOMPARE(m_model->rowCount(), static_cast<int>(m_manager->plugins().size()));
        QVERIFY(m_model->rowCount() > 10);
        QCOMPARE(m_model->columnCount(), 6);
        QCOMPARE(m_model->rowCount(m_model->index(0, 0)), 0); // a table: no children
        const QStringList headers {"Name", "Version", "Department", "State", "Error", "File"};
        for (int c = 0; c < headers.size(); ++c)
            QCOMPARE(m_model->headerData(c, Qt::Horizontal).toString(), headers[c]);
        QCOMPARE(PluginColumn::LastColumn + 1, headers.size());
        for (int row = 0; row < m_model->rowCount(); ++row)
            QCOMPARE(m_model->spec(row), m_manager->plugins().at(row));
        QCOMPARE(m_model->spec(-1), nullptr);
        QCOMPARE(m_model->spec(m_model->rowCount()), nullptr);
    }

    void runningPlugin()
    {
        const int row = rowOf(QStringLiteral("good"));
        QVERIFY(row >= 0);
        QCOMPARE(text(row, PluginColumn::Name), QStringLiteral("Good fixture"));
        QCOMPARE(text(row, PluginColumn::Version), QStringLiteral("1.0.0"));
        QCOMPARE(text(row, PluginColumn::Department), QStringLiteral("FX"));
        QCOMPARE(text(row, PluginColumn::State), QStringLiteral("Running"));
        QCOMPARE(text(row, PluginColumn::Error), QString());
        QCOMPARE(text(row, PluginColumn::Path), QDir::toNativeSeparators(m_manager->plugin("good")->filePath()));
        QCOMPARE(text(row, PluginColumn::Name, Qt::ToolTipRole), QStringLiteral("Registers a field type and a wizard page."));
        // What a screen reader says.
        QCOMPARE(
            text(row, PluginColumn::Name, Qt::AccessibleTextRole), QStringLiteral("Good fixture, version 1.0.0, Running"));
        QCOMPARE(text(row, PluginColumn::Error, Qt::AccessibleTextRole), QStringLiteral("No error"));
        QCOMPARE(text(row, PluginColumn::State, Qt::AccessibleTextRole), QStringLiteral("Running"));

        const QModelIndex index = m_model->index(row, static_cast<int>(PluginColumn::State));
        QCOMPARE(index.data(static_cast<int>(PluginRole::State)).toInt(), static_cast<int>(PluginSpec::State::Running));
        QCOMPARE(index.data(static_cast<int>(PluginRole::StateName)).toString(), QStringLiteral("Running"));
        QCOMPARE(index.data(static_cast<int>(PluginRole::CompatVersion)).toString(), QStringLiteral("1.0.0"));
        QCOMPARE(index.data(static_cast<int>(PluginRole::Vendor)).toString(), QStringLiteral("OneWindow tests"));
        QCOMPARE(index.data(static_cast<int>(PluginRole::HasError)).toBool(), false);
        QCOMPARE(m_model->index(rowOf(QStringLiteral("needsgood")), 0)
                     .data(static_cast<int>(PluginRole::Dependencies))
                     .toStringList(),
            QStringList {QStringLiteral("good 1.0")});
    }

    void failedPlugin()
    {
        const int row = rowOf(QStringLiteral("missingdep"));
        QVERIFY(row >= 0);
        QCOMPARE(text(row, PluginColumn::State), QStringLiteral("Invalid"));
        QCOMPARE(text(row, PluginColumn::Error), QStringLiteral("Missing dependency: doesnotexist 1.0 is not installed."));
        QCOMPARE(text(row, PluginColumn::Error, Qt::ToolTipRole), text(row, PluginColumn::Error));
        QCOMPARE(text(row, PluginColumn::Error, Qt::AccessibleTextRole), text(row, PluginColumn::Error));
        QVERIFY(m_model->index(row, 0).data(static_cast<int>(PluginRole::HasError)).toBool());
        QCOMPARE(m_model->index(row, 0).data(static_cast<int>(PluginRole::Error)).toString(), text(row, PluginColumn::Error));
    }

    void roleNames()
    {
        const QHash<int, QByteArray> names = m_model->roleNames();
        QCOMPARE(names.value(static_cast<int>(PluginRole::Id)), QByteArray("pluginId"));
        QCOMPARE(static_cast<int>(PluginRole::Id), Qt::UserRole + 1);
        for (int role = static_cast<int>(PluginRole::Id); role <= static_cast<int>(PluginRole::Dependencies); ++role)
            QVERIFY2(!names.value(role).isEmpty(), qPrintable(QString::number(role)));
        QCOMPARE(names.value(Qt::DisplayRole), QByteArray("display"));
        // Outside the model: nothing.
        QVERIFY(!m_model->index(0, 99).isValid());
        QVERIFY(!m_model->data(QModelIndex()).isValid());
    }

    void followsStateChanges()
    {
        const int row = rowOf(QStringLiteral("good"));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_manager->shutdown();
        QVERIFY(changed.size() > 0);
        QCOMPARE(text(row, PluginColumn::State), QStringLiteral("Stopped"));
        const int throwing = rowOf(QStringLiteral("throwsatexit"));
        QCOMPARE(text(throwing, PluginColumn::State), QStringLiteral("Invalid"));
        QVERIFY(text(throwing, PluginColumn::Error).startsWith(QLatin1String("aboutToShutdown() failed")));
    }

    // The manager goes away: the model lets go of its specs first.
    void managerDestroyed()
    {
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        m_manager.reset();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(m_model->rowCount(), 0);
    }

    void noManager()
    {
        PluginListModel model(nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 6);
    }

    void cleanupTestCase()
    {
        m_tester.reset();
        m_model.reset();
    }
};

QTEST_MAIN(tst_PluginListModel)
#include "tst_pluginlistmodel.moc"
