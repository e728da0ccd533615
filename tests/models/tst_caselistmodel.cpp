// CaseListModel and DeficiencyListModel over a real server's lists.
#include "models/apiclient.h"
#include "apisignin.h"
#include "models/caselistmodel.h"
#include "models/serverclock.h"
#include "models/catalogsync.h"
#include "models/localstore.h"
#include "models/modelenums.h"
#include "serverprocess.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow::models;

class tst_CaseListModel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    ApiClient m_api;

    void createCase(const QString &contract)
    {
        const QJsonObject body{
            {"matters", QJsonArray{"HF-001"}},
            {"applicant", QJsonObject{{"kind", "person"}, {"name", QStringLiteral("王五")},
                                      {"idNumber", "11010519491231002X"}, {"phone", "13800138000"}}},
            {"center", "SZ"},
            {"form", QJsonObject{{"applicant_name", QStringLiteral("王五")}, {"applicant_id_number", "11010519491231002X"},
                                 {"phone", "13800138000"}, {"company_name", QStringLiteral("盛泽丝绸")}, {"deposit_base", "6000"}}},
            {"materials", QJsonArray{QJsonObject{{"code", "ID_CARD"}, {"provided", "paper"}},
                                     QJsonObject{{"code", "LABOR_CONTRACT"}, {"provided", contract}}}}};
        bool done = false;
        m_api.create("/cases", body, [&](const ApiResponse &r) {
            QCOMPARE(r.status, 201);
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 30000));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(installTranslations("en"));
        QString error;
        QVERIFY2(m_server.startDemo(m_dir.path(), &error), qPrintable(error));
        m_api.setBaseUrl(QUrl(m_server.baseUrl()));
        QVERIFY(signInAndWait(m_api, "clerk1"));
        for (int i = 0; i < 3; ++i)
            createCase("paper");
        createCase("deficient");
        createCase("deficient");
    }

    void casesPagedIn()
    {
        CaseListModel model(&m_api);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &ApiListModel::loaded);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.load("/cases?limit=2");
        QVERIFY(loaded.wait(30000));
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.canLoadMore());
        model.loadMore();
        QVERIFY(loaded.wait(30000));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(inserted.count(), 1);
        model.loadMore();
        QVERIFY(loaded.wait(30000));
        QCOMPARE(model.rowCount(), 5);
        QVERIFY(!model.canLoadMore());
        // Newest first: the two deficient ones.
        QCOMPARE(model.index(0, CaseColumn::Status).data().toString(), QStringLiteral("Accepted with deficiency"));
        QCOMPARE(model.index(0, CaseColumn::Outstanding).data().toString(), QStringLiteral("1 missing"));
        QCOMPARE(model.index(4, CaseColumn::Outstanding).data().toString(), QStringLiteral("none"));
        QVERIFY(model.index(0, CaseColumn::Number).data().toString().startsWith("SZ-20261127-"));
        QVERIFY(model.index(0, CaseColumn::Applicant).data().toString().contains("110105********002X"));
        QVERIFY(!model.index(0, 0).data(int(CaseRole::Id)).toString().isEmpty());
        // A reload replaces the rows.
        model.load("/cases?limit=200&status=accepted");
        QVERIFY(loaded.wait(30000));
        QCOMPARE(model.rowCount(), 3);
    }

    void failuresAreReported()
    {
        CaseListModel model(&m_api);
        QSignalSpy failed(&model, &ApiListModel::failed);
        model.load("/cases?limit=999");
        QVERIFY(failed.wait(30000));
        QVERIFY(!failed.at(0).at(0).toString().isEmpty());
        QCOMPARE(model.rowCount(), 0);
    }

    // "Overdue" counts from the server's date; the rows change when its date does.
    void deficienciesSayOverdueInWords()
    {
        const auto serverDate = [this](const char *today) {
            QVERIFY(m_api.clock()->learn({{"today", today}, {"now", QString(today) + "T10:00:00.000+08:00"}}));
        };
        serverDate("2026-11-27");
        DeficiencyListModel model(&m_api);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &ApiListModel::loaded);
        model.load("/deficiencies?status=outstanding");
        QVERIFY(loaded.wait(30000));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, DeficiencyColumn::Status).data().toString(), QStringLiteral("Due in 7 days"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        serverDate("2026-12-06");
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0, DeficiencyColumn::Status).data().toString(), QStringLiteral("Overdue by 2 days"));
        QCOMPARE(model.index(0, 0).data(int(DeficiencyRole::OverdueDays)).toInt(), 2);
        QCOMPARE(model.index(0, DeficiencyColumn::Phone).data().toString(), QStringLiteral("13800138000"));
        serverDate("2026-12-04");
        QCOMPARE(model.index(0, DeficiencyColumn::Status).data().toString(), QStringLiteral("Due today"));
        serverDate("2026-11-27"); // as the server says, for the tests after this one
    }

    void catalogSyncFillsTheStore()
    {
        QTemporaryDir dir;
        LocalStore store;
        bool opened = false;
        store.open(dir.filePath("cache.sqlite"), this, [&](const QString &error) { QVERIFY(error.isEmpty()); opened = true; });
        QVERIFY(QTest::qWaitFor([&] { return opened; }, 10000));
        CatalogSync sync(&m_api, &store);
        QSignalSpy finished(&sync, &CatalogSync::finished);
        sync.refresh();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QJsonArray matters, bundles, calendar;
        int answers = 0;
        store.matters(this, [&](const QJsonArray &a) { matters = a; ++answers; });
        store.bundles(this, [&](const QJsonArray &a) { bundles = a; ++answers; });
        store.calendar(this, [&](const QJsonArray &a) { calendar = a; ++answers; });
        QVERIFY(QTest::qWaitFor([&] { return answers == 3; }, 10000));
        QVERIFY(matters.size() >= 30);
        QCOMPARE(bundles.size(), 2);
        QVERIFY(calendar.size() > 365);

        // Offline: the sync says so and the cache keeps what it had.
        ApiClient offline;
        offline.setBaseUrl(QUrl("http://127.0.0.1:1"));
        offline.setMaxRetries(0);
        CatalogSync failing(&offline, &store);
        QSignalSpy failed(&failing, &CatalogSync::finished);
        failing.refresh();
        QVERIFY(failed.wait(30000));
        QCOMPARE(failed.at(0).at(0).toBool(), false);
        answers = 0;
        store.matters(this, [&](const QJsonArray &a) { matters = a; ++answers; });
        QVERIFY(QTest::qWaitFor([&] { return answers == 1; }, 10000));
        QVERIFY(matters.size() >= 30);
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_CaseListModel)
#include "tst_caselistmodel.moc"
