// The deficiency tracker offscreen against a real server whose date has moved past a due date:
// views and counts agree with the server, overdue is said in words, the matter filter narrows,
// the case view puts what is owed first, a clerk records a paper supply, and only a supervisor
// waives, with a reason that lands in the audit trail.
#include "deficiencies/casedialog.h"
#include "deficiencies/trackerpage.h"
#include "guitest.h"
#include "catalogcache.h"
#include "sampleintake.h"
#include "serverprocess.h"

#include "models/apiclient.h"
#include "models/attachmentupload.h"
#include "models/pagestopdf.h"
#include "models/apilistmodel.h"
#include "models/catalogsync.h"
#include "models/localstore.h"
#include "models/modelenums.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QUuid>
#include <QStandardPaths>
#include <QTcpServer>

#include <map>
#include <memory>

using namespace onewindow;

class tst_DeficiencyTracker : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    models::LocalStore m_store;
    QString m_overdueCase;   ///< MR-001, its address proof due 2 December: overdue on the 3rd
    QString m_dueSoonCase;   ///< HF-001, its labour contract due 4 December: due this week

    bool signIn(models::ApiClient &api, const QString &user)
    {
        api.setBaseUrl(QUrl(m_server.baseUrl()));
        bool ok = false, done = false;
        api.signIn(user, "OneWindow-demo-1", [&](const models::ApiResult<models::UserInfo> &r) {
            ok = r.ok();
            done = true;
        });
        return QTest::qWaitFor([&] { return done; }, 30000) && ok;
    }

    SignedInUsers m_clients{m_server};

    HttpClient &as(const QString &user) { return m_clients.as(user); }

    /// Runs `check` on the modal dialog the next action opens, then lets the action go on.
    template<typename F>
    void onNextDialog(F check)
    {
        QTimer::singleShot(0, this, [this, check] {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal) {
                onNextDialog(check);
                return;
            }
            check(modal);
        });
    }

    QComboBox *view(client::DeficiencyTrackerPage &page) { return byAccessibleName<QComboBox>(&page, "Deficiency view"); }

    /// Chooses a filter and waits for the list it asks for.
    void choose(client::DeficiencyTrackerPage &page, QComboBox *combo, int index)
    {
        auto *model = qobject_cast<models::ApiListModel *>(
            byAccessibleName<QTableView>(&page, "Deficient materials")->model());
        QSignalSpy loaded(model, &models::ApiListModel::loaded);
        combo->setCurrentIndex(index);
        emit combo->activated(index);
        QVERIFY(loaded.wait(30000));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(installTranslations("en"));
        QString error;
        const TestDatabase db = TestDatabase::create(TestDatabase::Kind::SQLite, m_dir.path(), &error);
        QFile config(m_dir.filePath("server.properties"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("jobs.intervalSeconds = 0\n");
        config.close();
        const QStringList common{"--database", db.url(), "--demo", "--config", config.fileName()};
        QVERIFY2(m_server.start(common + QStringList{"--today", "2026-11-27"}, &error), qPrintable(error));
        HttpClient &clerk = as("clerk1");
        const auto create = [&](const QJsonObject &body) {
            return clerk.post("/api/v1/cases", toJson(body), {{"Idempotency-Key", QUuid::createUuid().toByteArray()}})
                .object().value("id").toString();
        };
        m_overdueCase = create(sampleIntake(clerk, "MR-001", "SZ", samplePerson(QStringLiteral("王五"), "440524188001010014",
                                                                                "13900139000"),
                                            {"ADDRESS_PROOF"}));
        m_dueSoonCase = create(sampleIntake(clerk, "HF-001", "SZ", samplePerson(QStringLiteral("张三"), "11010519491231002X"),
                                            {"LABOR_CONTRACT"}));
        QVERIFY(!m_overdueCase.isEmpty() && !m_dueSoonCase.isEmpty());
        // Thursday 3 December: the job finds the address proof overdue.
        QCOMPARE(m_server.stop(), 0);
        m_clients.clear(); // another port
        QVERIFY2(m_server.start(common + QStringList{"--today", "2026-12-03"}, &error), qPrintable(error));
        QCOMPARE(as("admin").post("/api/v1/jobs/run", "{}").status, 200);

        models::ApiClient api;
        QVERIFY(signIn(api, "clerk1"));
        QVERIFY(openCatalogCache(api, m_store, m_dir.filePath("client.sqlite")));
    }

    void viewsAndCountsAgreeWithTheServer()
    {
        models::ApiClient api;
        QVERIFY(signIn(api, "clerk1"));
        client::DeficiencyTrackerPage page(&api, &m_store, "clerk");
        page.resize(1200, 600);
        page.show();
        QSignalSpy counted(&page, &client::WorkbenchPageWidget::countChanged);
        page.refresh();
        QVERIFY(counted.wait(30000));
        QCOMPARE(unnamedInteractiveWidgets(&page), QStringList());
        const QJsonObject counts = as("clerk1").get("/api/v1/deficiencies/counts").object();
        QCOMPARE(counts.value("today").toString(), QStringLiteral("2026-12-03"));
        QVERIFY(counts.value("overdue").toInt() >= 1);
        // The navigation entry: still to chase, and how many of them overdue.
        QCOMPARE(counted.last().at(0).toInt(), counts.value("outstanding").toInt() + counts.value("overdue").toInt());
        QCOMPARE(counted.last().at(1).toInt(), counts.value("overdue").toInt());
        QComboBox *views = view(page);
        QTRY_COMPARE(views->itemText(3), QStringLiteral("Overdue (%1)").arg(counts.value("overdue").toInt()));
        QCOMPARE(views->itemText(2), QStringLiteral("Due this week (%1)").arg(counts.value("dueThisWeek").toInt()));
        // Only a supervisor waives.
        QVERIFY(!byAccessibleName<QPushButton>(&page, "Waive")->isVisibleTo(&page));

        // The tracker opens on everything still owed, the overdue first: an overdue material is
        // still owed.
        auto *table = byAccessibleName<QTableView>(&page, "Deficient materials");
        const int owed = counts.value("outstanding").toInt() + counts.value("overdue").toInt();
        QCOMPARE(views->currentIndex(), 0);
        QCOMPARE(views->itemText(0), QStringLiteral("Outstanding (%1)").arg(owed));
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), owed, 30000);
        QVERIFY2(table->model()->index(0, 3).data().toString().startsWith("Overdue by"),
                 qPrintable(table->model()->index(0, 3).data().toString()));

        // Overdue: said in words, with the applicant's phone to call.
        choose(page, views, 3);
        QCOMPARE(table->model()->rowCount(), counts.value("overdue").toInt());
        bool found = false;
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, 0).data().toString().isEmpty())
                continue;
            const QString state = table->model()->index(row, 3).data().toString();
            QVERIFY2(state.startsWith("Overdue by"), qPrintable(state));
            found = found || table->model()->index(row, 5).data().toString() == QLatin1String("13900139000");
        }
        QVERIFY(found);

        // By matter: HF-001 has nothing overdue, MR-001 has ours.
        auto *matter = byAccessibleName<QComboBox>(&page, "Matter filter");
        QTRY_VERIFY(matter->findData("HF-001") > 0);
        choose(page, matter, matter->findData("HF-001"));
        QCOMPARE(table->model()->rowCount(), 0);
        choose(page, matter, matter->findData("MR-001"));
        QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() >= 1, 30000);
        for (int row = 0; row < table->model()->rowCount(); ++row)
            QVERIFY(table->model()->index(row, 7).data().toString().contains("MR-001"));
    }

    void caseViewPutsWhatIsOwedFirst()
    {
        models::ApiClient api;
        QVERIFY(signIn(api, "clerk1"));
        client::CaseDialog dialog(&api, m_overdueCase);
        dialog.show();
        auto *owed = dialog.findChildren<QLabel *>().first();
        QTRY_VERIFY_WITH_TIMEOUT(owed->isVisible(), 30000);
        QCOMPARE(owed->text(), QStringLiteral("1 material still to be supplied, 1 of them overdue."));
        auto *tree = byAccessibleName<QTreeWidget>(&dialog, "Deficiencies and their history");
        QCOMPARE(tree->topLevelItemCount(), 1);
        QTreeWidgetItem *item = tree->topLevelItem(0);
        QVERIFY2(item->text(2).startsWith("Overdue by 1 day"), qPrintable(item->text(2)));
        QStringList history;
        for (int i = 0; i < item->childCount(); ++i)
            history << item->child(i)->text(0);
        QVERIFY2(history.size() >= 2 && history[0].contains("accepted as deficient") && history[1].contains("overdue"),
                 qPrintable(history.join(" | ")));
        // The overdue reminder the job wrote is listed with it.
        QVERIFY2(history.join(' ').contains("Notice of being overdue"), qPrintable(history.join(" | ")));
    }

    void clerkRecordsAPaperSupply()
    {
        models::ApiClient api;
        QVERIFY(signIn(api, "clerk1"));
        client::DeficiencyTrackerPage page(&api, &m_store, "clerk");
        page.show();
        QComboBox *views = view(page);
        choose(page, views, 3); // overdue
        auto *table = byAccessibleName<QTableView>(&page, "Deficient materials");
        QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() >= 1, 30000);
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, 0).data(int(models::DeficiencyRole::CaseId)).toString() == m_overdueCase)
                table->setCurrentIndex(table->model()->index(row, 0));
        }
        QCOMPARE(page.currentDeficiency().value("caseId").toString(), m_overdueCase);
        QSignalSpy resolved(&page, &client::DeficiencyTrackerPage::resolved);
        QString asked;
        onNextDialog([&](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            asked = box ? box->text() : QString();
            if (box)
                box->button(QMessageBox::Yes)->click();
        });
        QTest::mouseClick(byAccessibleName<QPushButton>(&page, "Record supply on paper"), Qt::LeftButton);
        QVERIFY2(asked.contains(QStringLiteral("王五")) && asked.contains("on paper"), qPrintable(asked));
        QVERIFY(resolved.wait(30000));
        const QJsonObject c = as("clerk1").get("/api/v1/cases/" + m_overdueCase).object();
        QCOMPARE(c.value("status").toString(), QStringLiteral("accepted"));
        QCOMPARE(c.value("deficiencies").toArray()[0].toObject().value("status").toString(), QStringLiteral("supplied"));
        QCOMPARE(c.value("deficiencies").toArray()[0].toObject().value("provided").toString(), QStringLiteral("paper"));
    }

    void onlyASupervisorWaivesWithAReason()
    {
        models::ApiClient api;
        QVERIFY(signIn(api, "supervisor1"));
        client::DeficiencyTrackerPage page(&api, &m_store, "supervisor");
        page.show();
        auto *table = byAccessibleName<QTableView>(&page, "Deficient materials");
        page.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() >= 1, 30000);
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, 0).data(int(models::DeficiencyRole::CaseId)).toString() == m_dueSoonCase)
                table->setCurrentIndex(table->model()->index(row, 0));
        }
        QCOMPARE(page.currentDeficiency().value("caseId").toString(), m_dueSoonCase);
        auto *waive = byAccessibleName<QPushButton>(&page, "Waive");
        QVERIFY(waive->isVisible() && waive->isEnabled());
        QSignalSpy resolved(&page, &client::DeficiencyTrackerPage::resolved);
        const QString reason = QStringLiteral("劳动关系已由社保记录证明，无需再交合同");
        bool okWasDisabled = false;
        onNextDialog([&](QWidget *modal) {
            auto *dialog = qobject_cast<QDialog *>(modal);
            auto *text = byAccessibleName<QPlainTextEdit>(dialog, "Reason for waiving");
            auto *ok = byAccessibleName<QPushButton>(dialog, "Waive");
            okWasDisabled = !ok->isEnabled();
            text->insertPlainText("   ");
            okWasDisabled = okWasDisabled && !ok->isEnabled(); // blanks are no reason
            text->insertPlainText(reason);
            ok->click();
        });
        QTest::mouseClick(waive, Qt::LeftButton);
        QVERIFY(okWasDisabled);
        QVERIFY(resolved.wait(30000));
        const QJsonObject c = as("supervisor1").get("/api/v1/cases/" + m_dueSoonCase).object();
        const QJsonObject d = c.value("deficiencies").toArray()[0].toObject();
        QCOMPARE(d.value("status").toString(), QStringLiteral("waived"));
        QCOMPARE(d.value("waiveReason").toString(), reason);
        QCOMPARE(c.value("status").toString(), QStringLiteral("accepted"));
        const QByteArray audit = as("supervisor1").get("/api/v1/cases/" + m_dueSoonCase + "/audit").body;
        QVERIFY2(QString::fromUtf8(audit).contains(reason), audit.constData());
    }

    // A scan an earlier run could not send (the server was unreachable, then the client closed)
    // goes out, once, when the tracker opens.
    void aScanKeptFromBeforeIsSent()
    {
        // A fresh case: its labour contract is what the kept scan supplies.
        const QJsonObject fresh = as("clerk1").post("/api/v1/cases", toJson(sampleIntake(as("clerk1"), "HF-001", "SZ",
                                      samplePerson(QStringLiteral("赵六"), "440524188001010014"), {"LABOR_CONTRACT"})),
                                      {{"Idempotency-Key", QUuid::createUuid().toByteArray()}}).object();
        const QString caseId = fresh.value("id").toString();
        const QString deficiencyId = fresh.value("deficiencies").toArray()[0].toObject().value("id").toString();
        QVERIFY(!deficiencyId.isEmpty());
        QStandardPaths::setTestModeEnabled(true);
        for (const auto &p : models::AttachmentUpload::pendingUploads())
            models::AttachmentUpload::discard(p.idempotencyKey);
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        models::ApiClient unreachable;
        unreachable.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        unreachable.setMaxRetries(0);
        {
            models::AttachmentUpload upload(&unreachable);
            QSignalSpy failed(&upload, &models::AttachmentUpload::failed);
            QImage page(200, 280, QImage::Format_Grayscale8);
            page.fill(Qt::white);
            upload.start(fresh.value("id").toString(), models::pagesToPdf({page}), QStringLiteral("kept.pdf"),
                         deficiencyId);
            QVERIFY(failed.wait(30000));
        }
        QTRY_COMPARE(models::AttachmentUpload::pendingUploads().size(), 1);

        models::ApiClient api;
        QVERIFY(signIn(api, "clerk1"));
        client::DeficiencyTrackerPage page(&api, &m_store, "clerk");
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(models::AttachmentUpload::pendingUploads().isEmpty(), 30000);
        const QJsonArray stored = as("clerk1").get("/api/v1/cases/" + caseId + "/attachments").object().value("items").toArray();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored[0].toObject().value("filename").toString(), QStringLiteral("kept.pdf"));
        // And the supply it was scanned for is recorded with it.
        QTRY_COMPARE_WITH_TIMEOUT(as("clerk1").get("/api/v1/cases/" + caseId).object().value("deficiencies").toArray()[0]
                                      .toObject().value("status").toString(),
                                  QStringLiteral("supplied"), 30000);
        const QJsonObject d = as("clerk1").get("/api/v1/cases/" + caseId).object().value("deficiencies").toArray()[0].toObject();
        QCOMPARE(d.value("provided").toString(), QStringLiteral("scan"));
        QCOMPARE(d.value("attachmentId").toString(), stored[0].toObject().value("id").toString());
        // And the clerk is told, by name.
        const auto told = [&] {
            for (QLabel *l : page.findChildren<QLabel *>()) {
                if (l->isVisible() && l->accessibleName().contains("kept.pdf"))
                    return true;
            }
            return false;
        };
        QTRY_VERIFY(told());
        QStandardPaths::setTestModeEnabled(false);
    }

    // A file the server refused is not sent again by itself: it stays on this PC, listed under
    // Kept uploads with its problem, until the clerk discards it.
    void aRefusedUploadWaitsForTheClerk()
    {
        const QJsonObject fresh = as("clerk1").post("/api/v1/cases", toJson(sampleIntake(as("clerk1"), "HF-001", "SZ",
                                      samplePerson(QStringLiteral("钱七"), "440524188001010014"), {"LABOR_CONTRACT"})),
                                      {{"Idempotency-Key", QUuid::createUuid().toByteArray()}}).object();
        const QString caseId = fresh.value("id").toString();
        QVERIFY(!caseId.isEmpty());
        QStandardPaths::setTestModeEnabled(true);
        for (const auto &p : models::AttachmentUpload::pendingUploads())
            models::AttachmentUpload::discard(p.idempotencyKey);
        models::ApiClient api;
        QVERIFY(signIn(api, "clerk1"));
        {
            models::AttachmentUpload upload(&api);
            QSignalSpy failed(&upload, &models::AttachmentUpload::failed);
            upload.start(caseId, QByteArray("just some text, not a scan"), QStringLiteral("notes.pdf"));
            QVERIFY(failed.wait(30000));
            QVERIFY(!failed.first().at(1).toBool());
        }
        QCOMPARE(models::AttachmentUpload::pendingUploads().size(), 1);

        client::DeficiencyTrackerPage page(&api, &m_store, "clerk");
        page.show();
        auto *kept = byAccessibleName<QPushButton>(&page, "Kept uploads");
        QVERIFY(kept);
        QTRY_VERIFY_WITH_TIMEOUT(kept->isVisible(), 30000);
        QVERIFY2(kept->text().contains("(1)"), qPrintable(kept->text()));
        QCOMPARE(models::AttachmentUpload::pendingUploads().size(), 1);

        QStringList shown;
        QString asked;
        int rowsLeft = -1;
        onNextDialog([&](QWidget *modal) {
            auto *table = byAccessibleName<QTableWidget>(modal, "Kept uploads");
            for (int column = 0; column < table->columnCount(); ++column)
                shown << table->item(0, column)->text();
            onNextDialog([&](QWidget *box) {
                auto *question = qobject_cast<QMessageBox *>(box);
                asked = question ? question->text() : QString();
                if (question)
                    question->button(QMessageBox::Yes)->click();
            });
            QTest::mouseClick(byAccessibleName<QPushButton>(modal, "Discard kept upload"), Qt::LeftButton);
            rowsLeft = table->rowCount();
            qobject_cast<QDialog *>(modal)->reject();
        });
        QTest::mouseClick(kept, Qt::LeftButton);
        QCOMPARE(shown.first(), QStringLiteral("notes.pdf"));
        QCOMPARE(shown.at(1), caseId);
        QVERIFY2(shown.last().contains("PDF, JPEG and PNG") && shown.last().contains("discard"), qPrintable(shown.last()));
        QVERIFY2(asked.contains("notes.pdf"), qPrintable(asked));
        QCOMPARE(rowsLeft, 0);
        QVERIFY(models::AttachmentUpload::pendingUploads().isEmpty());
        QVERIFY(!kept->isVisible());
        QCOMPARE(as("clerk1").get("/api/v1/cases/" + caseId + "/attachments").object().value("items").toArray().size(), 0);
        QStandardPaths::setTestModeEnabled(false);
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_DeficiencyTracker)
#include "tst_deficiencytracker.moc"
