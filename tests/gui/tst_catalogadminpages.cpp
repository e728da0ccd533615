// The administrator's pages, offscreen against a real server: a draft of HF-001 made from the
// version in effect, a material added in the draft's editor, the draft compared and published;
// the preview shows what the counter will ask for. The calendar shows a month's holidays and
// takes next year's official schedule from a file, refusing a bad one with the server's reasons.
// The catalog exported to a file. A village centre added under its hall; a bundle refused with
// one matter, made with two, given a third. Models under QAbstractItemModelTester.
#include "guitest.h"
#include "admin/calendarpage.h"
#include "admin/matterspage.h"
#include "admin/placespage.h"
#include "apisignin.h"
#include "serverprocess.h"

#include "models/apiclient.h"
#include "models/matteradmin.h"
#include "registries.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QCompleter>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace onewindow;

class tst_CatalogAdminPages : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    models::ApiClient m_api;

    static int rowOf(QAbstractItemModel *model, const QString &text)
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data().toString() == text)
                return row;
        }
        return -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(installTranslations("en"));
        QString error;
        QVERIFY2(m_server.startDemo(m_dir.path(), &error), qPrintable(error));
        m_api.setBaseUrl(QUrl(m_server.baseUrl()));
        QVERIFY(signInAndWait(m_api, "admin"));
    }

    void draftEditComparePublish()
    {
        client::MattersAdminPage page(&m_api, nullptr);
        page.resize(1200, 800);
        page.show();
        QAbstractItemModelTester matters(page.matters(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester versions(page.versions(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(page.matters(), &models::ApiListModel::loaded);
        QSignalSpy previewed(&page, &client::MattersAdminPage::previewed);
        page.refresh();
        QVERIFY(loaded.wait(10000));
        QVERIFY(rowOf(page.matters(), "HF-001") >= 0);
        QCOMPARE(unnamedInteractiveWidgets(&page), QStringList());
        auto *message = page.findChild<QLabel *>("mattersMessage");

        // The matter's versions: the one in effect, previewed.
        auto *table = byAccessibleName<QTableView>(&page, "Matters");
        table->setCurrentIndex(page.matters()->index(rowOf(page.matters(), "HF-001"), 0));
        QVERIFY(previewed.wait(10000));
        QCOMPARE(previewed.last().at(0).toInt(), 1);
        QCOMPARE(page.versions()->index(0, models::MatterVersionListModel::State).data().toString(), QStringLiteral("In effect"));
        auto *materials = page.findChild<QLabel *>("previewMaterials");
        QVERIFY(materials->text().contains(QStringLiteral("身份证")));
        QVERIFY(!materials->text().contains(QStringLiteral("婚姻状况证明")));
        QVERIFY(!byAccessibleName<QPushButton>(&page, "Publish the draft")->isEnabled());

        // A draft from it, with one material more.
        byAccessibleName<QPushButton>(&page, "New draft")->click();
        QTRY_COMPARE_WITH_TIMEOUT(page.versions()->draftRow(), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(previewed.last().at(0).toInt(), 2, 10000);
        QVERIFY(byAccessibleName<QPushButton>(&page, "Publish the draft")->isEnabled());
        QVERIFY(!byAccessibleName<QPushButton>(&page, "New draft")->isEnabled());

        // The editor: a material added through its own form, and the form refusing half of one.
        auto editor = page.draftDialog(page.shownVersion());
        editor->show();
        QCOMPARE(unnamedInteractiveWidgets(editor.get()), QStringList());
        auto *rows = byAccessibleName<QTableWidget>(editor.get(), "Materials");
        QCOMPARE(rows->rowCount(), 2);
        client::MaterialDialog *material = editor->addMaterialDialog();
        material->show();
        QCOMPARE(unnamedInteractiveWidgets(material), QStringList());
        byAccessibleName<QLineEdit>(material, "Material code")->setText("MARRIAGE_PROOF");
        material->submit();
        QVERIFY(material->isVisible());
        byAccessibleName<QLineEdit>(material, "Material name")->setText(QStringLiteral("婚姻状况证明"));
        byAccessibleName<QCheckBox>(material, "May be brought later")->setChecked(true);
        byAccessibleName<QSpinBox>(material, "Working days to bring it")->setValue(5);
        material->submit();
        QCOMPARE(rows->rowCount(), 3);
        QCOMPARE(rows->item(2, 1)->text(), QStringLiteral("婚姻状况证明"));
        QCOMPARE(rows->item(2, 2)->text(), QStringLiteral("may be brought later, within 5 working days"));
        editor->submit();
        QTRY_COMPARE_WITH_TIMEOUT(editor->result(), int(QDialog::Accepted), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(page.findChild<QLabel *>("previewMaterials")->text().contains(QStringLiteral("婚姻状况证明")), 10000);
        QCOMPARE(page.shownVersion().value("version").toInt(), 2);

        // Compared with the version in effect, then published from today.
        byAccessibleName<QPushButton>(&page, "Compare with the version in effect")->click();
        QTRY_VERIFY_WITH_TIMEOUT(message->text().startsWith("Version 2 against version 1 in effect:"), 10000);
        QVERIFY2(message->text().contains(QStringLiteral("Materials added: 婚姻状况证明")), qPrintable(message->text()));
        page.publishDraft(QDate(2026, 11, 27));
        QTRY_VERIFY_WITH_TIMEOUT(message->text().startsWith("Version 2 of HF-001 published: in effect from"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(page.versions()->currentRow(), 0, 10000);
        QCOMPARE(page.versions()->index(1, models::MatterVersionListModel::State).data().toString(), QStringLiteral("Superseded"));
        QCOMPARE(page.versions()->draftRow(), -1);

        // What intake sees now.
        HttpClient clerk(m_server.baseUrl());
        QCOMPARE(clerk.signIn("clerk1").status, 201);
        const QJsonArray asked = clerk.get("/api/v1/matters/HF-001").object().value("materials").toArray();
        QCOMPARE(asked.size(), 3);
        QCOMPARE(asked.at(2).toObject().value("code").toString(), QStringLiteral("MARRIAGE_PROOF"));

        // The catalog to a file.
        const QString path = m_dir.filePath("catalog.json");
        QString exportError = QStringLiteral("not done");
        page.exportTo(path, [&](const QString &error) { exportError = error; });
        QTRY_VERIFY_WITH_TIMEOUT(exportError != QLatin1String("not done"), 10000);
        QCOMPARE(exportError, QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject exported = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(exported.value("matters").toArray().size() >= 6);
    }

    // What a matter's result provides is shown and compared like the rest of its definition:
    // company establishment gives the business licence; a draft of deregistration that gives
    // its notice says so against the version in effect.
    void producedMaterialsShownAndCompared()
    {
        HttpClient admin(m_server.baseUrl());
        QCOMPARE(admin.signIn("admin").status, 201);
        QJsonObject definition = admin.get("/api/v1/matters/MR-006").object();
        definition.insert("produces", QJsonArray{"DEREGISTRATION_NOTICE"});
        QCOMPARE(admin.post("/api/v1/matters/MR-006/versions", toJson(definition),
                            {{"Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)}})
                     .status,
                 201);

        client::MattersAdminPage page(&m_api, nullptr);
        page.resize(1200, 800);
        page.show();
        QSignalSpy loaded(page.matters(), &models::ApiListModel::loaded);
        QSignalSpy previewed(&page, &client::MattersAdminPage::previewed);
        page.refresh();
        QVERIFY(loaded.wait(10000));
        auto *table = byAccessibleName<QTableView>(&page, "Matters");
        auto *message = page.findChild<QLabel *>("mattersMessage");

        table->setCurrentIndex(page.matters()->index(rowOf(page.matters(), "MR-001"), 0));
        QVERIFY(previewed.wait(10000));
        auto *provided = byAccessibleName<QLabel>(&page, "Materials its result provides");
        QVERIFY(provided);
        QCOMPARE(provided->text(), QStringLiteral("BUSINESS_LICENSE"));

        table->setCurrentIndex(page.matters()->index(rowOf(page.matters(), "MR-006"), 0));
        QTRY_COMPARE_WITH_TIMEOUT(previewed.last().at(0).toInt(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(page.findChild<QLabel *>("previewProduces")->text(),
                                  QStringLiteral("DEREGISTRATION_NOTICE"), 10000);
        byAccessibleName<QPushButton>(&page, "Compare with the version in effect")->click();
        QTRY_VERIFY_WITH_TIMEOUT(message->text().startsWith("Version 2 against version 1 in effect:"), 10000);
        QVERIFY2(message->text().contains(QStringLiteral("Its result provides as well: DEREGISTRATION_NOTICE")),
                 qPrintable(message->text()));
    }

    // The electronic licences department plugins map to a material are offered for it as the
    // administrator types its code; what is chosen goes into the material.
    void materialsOfferThePluginsLicenceTypes()
    {
        sdk::Registries registries;
        registries.addELicenseMapping({QStringLiteral("电子营业执照"), QStringLiteral("BUSINESS_LICENSE")});
        registries.addELicenseMapping({QStringLiteral("营业执照副本"), QStringLiteral("BUSINESS_LICENSE")});
        registries.addELicenseMapping({QStringLiteral("电子身份证"), QStringLiteral("ID_CARD")});
        client::MaterialDialog material({}, &registries);
        material.show();
        QCOMPARE(unnamedInteractiveWidgets(&material), QStringList());
        auto *license = byAccessibleName<QLineEdit>(&material, "Electronic licence type");
        QVERIFY(license->completer());
        QCOMPARE(license->completer()->model()->rowCount(), 0);
        QTest::keyClicks(byAccessibleName<QLineEdit>(&material, "Material code"), "BUSINESS_LICENSE");
        QCOMPARE(license->completer()->model()->rowCount(), 2);
        QCOMPARE(license->completer()->model()->index(0, 0).data().toString(), QStringLiteral("电子营业执照"));
        const QString hint = QStringLiteral("Department plugins name these electronic licences for this material: "
                                            "电子营业执照、营业执照副本");
        QVERIFY(byAccessibleName<QLabel>(&material, hint));
        QCOMPARE(license->placeholderText(), QStringLiteral("电子营业执照"));
        license->setText(QStringLiteral("电子营业执照"));
        byAccessibleName<QLineEdit>(&material, "Material name")->setText(QStringLiteral("营业执照"));
        QCOMPARE(material.material().value("eLicenseType").toString(), QStringLiteral("电子营业执照"));
        // Another code: its own suggestions; none without a mapping.
        auto *code = byAccessibleName<QLineEdit>(&material, "Material code");
        code->setText(QStringLiteral("ID_CARD"));
        QCOMPARE(license->completer()->model()->rowCount(), 1);
        code->setText(QStringLiteral("LEASE"));
        QCOMPARE(license->completer()->model()->rowCount(), 0);
        QVERIFY(!byAccessibleName<QLabel>(&material, hint));
    }

    void calendarMonthAndImport()
    {
        client::CalendarPage page(&m_api);
        page.show();
        QCOMPARE(unnamedInteractiveWidgets(&page), QStringList());
        QSignalSpy loaded(&page, &client::CalendarPage::monthLoaded);
        page.showMonth(QDate(2026, 10, 1));
        QVERIFY(loaded.wait(10000));
        const QStringList october = page.specialDays();
        QVERIFY2(october.size() >= 8, qPrintable(october.join('\n')));
        QVERIFY(october.first().contains(QStringLiteral("国庆节")));
        QVERIFY(std::any_of(october.cbegin(), october.cend(), [](const QString &d) { return d.contains("a working day"); }));

        auto *message = page.findChild<QLabel *>("calendarMessage");
        // A bad schedule: a weekday "moved", a day that does not exist.
        const QString bad = m_dir.filePath("bad-2027.json");
        QFile badFile(bad);
        QVERIFY(badFile.open(QIODevice::WriteOnly));
        badFile.write(R"({"year": 2027, "holidays": [{"name": "元旦", "dates": ["2027-01-01", "2027-02-30"]}],
                         "adjustedWorkingDays": ["2027-01-06"]})");
        badFile.close();
        QString error = QStringLiteral("not done");
        page.importFrom(bad, [&](const QString &e) { error = e; });
        QTRY_VERIFY_WITH_TIMEOUT(error != QLatin1String("not done"), 10000);
        QVERIFY2(error.startsWith("The schedule of 2027 was not taken:"), qPrintable(error));
        QVERIFY2(error.contains("not_weekend") || error.contains("Saturday") || error.contains("weekend"), qPrintable(error));
        QCOMPARE(message->text(), error);

        const QString good = m_dir.filePath("2027.json");
        QFile goodFile(good);
        QVERIFY(goodFile.open(QIODevice::WriteOnly));
        goodFile.write(R"({"year": 2027, "holidays": [{"name": "元旦", "dates": ["2027-01-01", "2027-01-02", "2027-01-03"]}],
                          "adjustedWorkingDays": ["2027-01-09"]})");
        goodFile.close();
        error = QStringLiteral("not done");
        page.importFrom(good, [&](const QString &e) { error = e; });
        QTRY_VERIFY_WITH_TIMEOUT(error != QLatin1String("not done"), 10000);
        QCOMPARE(error, QString());
        QVERIFY2(message->text().startsWith("The calendar of 2027 is now the official schedule: 3 holiday days, 1 weekend days worked."),
                 qPrintable(message->text()));
        QTRY_COMPARE_WITH_TIMEOUT(page.specialDays().size(), 4, 10000);
        QVERIFY(page.specialDays().at(3).contains("a working day"));
    }

    void centresAndBundles()
    {
        client::PlacesPage page(&m_api);
        page.show();
        QSignalSpy loaded(&page, &client::PlacesPage::loaded);
        page.refresh();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(unnamedInteractiveWidgets(&page), QStringList());
        QCOMPARE(page.centersTable()->item(0, 0)->text(), QStringLiteral("SZ"));
        auto *message = page.findChild<QLabel *>("placesMessage");

        // A village centre under the hall.
        auto centre = page.centerDialog({});
        centre->show();
        QCOMPARE(unnamedInteractiveWidgets(centre.get()), QStringList());
        byAccessibleName<QLineEdit>(centre.get(), "Centre code")->setText("SZ-V03");
        byAccessibleName<QLineEdit>(centre.get(), "Centre name")->setText(QStringLiteral("坛丘村便民服务中心"));
        auto *kind = byAccessibleName<QComboBox>(centre.get(), "Kind");
        kind->setCurrentIndex(kind->findData("village"));
        QCOMPARE(byAccessibleName<QComboBox>(centre.get(), "Its hall")->currentData().toString(), QStringLiteral("SZ"));
        loaded.clear();
        centre->submit();
        QTRY_COMPARE_WITH_TIMEOUT(centre->result(), int(QDialog::Accepted), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 10000);
        QCOMPARE(message->text(), QStringLiteral("Centre SZ-V03 saved."));
        HttpClient clerk(m_server.baseUrl());
        QCOMPARE(clerk.signIn("clerk1").status, 201);
        QJsonObject created;
        for (const auto &c : clerk.get("/api/v1/centers").object().value("items").toArray()) {
            if (c.toObject().value("code").toString() == "SZ-V03")
                created = c.toObject();
        }
        QCOMPARE(created.value("parent").toString(), QStringLiteral("SZ"));
        QCOMPARE(created.value("kind").toString(), QStringLiteral("village"));

        // A bundle: one matter is not a bundle; two are; then a third ticked in.
        auto bundle = page.bundleDialog({});
        bundle->show();
        QCOMPARE(unnamedInteractiveWidgets(bundle.get()), QStringList());
        byAccessibleName<QLineEdit>(bundle.get(), "Bundle code")->setText("HF-BUNDLE");
        byAccessibleName<QLineEdit>(bundle.get(), "Bundle name")->setText(QStringLiteral("公积金一件事"));
        bundle->setTicked("HF-001", true);
        bundle->submit();
        QVERIFY(bundle->isVisible());
        bundle->setTicked("HF-002", true);
        loaded.clear();
        bundle->submit();
        QTRY_COMPARE_WITH_TIMEOUT(bundle->result(), int(QDialog::Accepted), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 10000);
        auto again = page.bundleDialog("HF-BUNDLE");
        QCOMPARE(again->matters(), QStringList({"HF-001", "HF-002"}));
        again->setTicked("HF-003", true);
        loaded.clear();
        again->submit();
        QTRY_COMPARE_WITH_TIMEOUT(again->result(), int(QDialog::Accepted), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 10000);
        QStringList matters;
        for (const auto &m : clerk.get("/api/v1/bundles/HF-BUNDLE").object().value("matters").toArray())
            matters << (m.isObject() ? m.toObject().value("code").toString() : m.toString());
        QCOMPARE(matters, QStringList({"HF-001", "HF-002", "HF-003"}));
        bool listed = false;
        for (int row = 0; row < page.bundlesTable()->rowCount(); ++row) {
            if (page.bundlesTable()->item(row, 0)->text() == "HF-BUNDLE")
                listed = page.bundlesTable()->item(row, 2)->text() == QStringLiteral("HF-001、HF-002、HF-003");
        }
        QVERIFY(listed);
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_CatalogAdminPages)
#include "tst_catalogadminpages.moc"
