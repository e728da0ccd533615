// The approver's workbench offscreen against a real server: the queue opens on what is to decide
// (green channel first), a case opens for review with its attached PDF in the viewer, it is
// returned with two reasons, the queue and its count follow, and "Next case" goes on.
#include "guitest.h"
#include "apisignin.h"
#include "review/reviewdialog.h"
#include "review/returnedcasespage.h"
#include "review/reviewqueuepage.h"
#include "sampleintake.h"
#include "serverprocess.h"

#include "models/apiclient.h"
#include "models/caseapi.h"
#include "models/modelenums.h"
#include "models/pagestopdf.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QImage>
#include <QLineEdit>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPdfDocument>
#include <QPdfView>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QUuid>

using namespace onewindow;

class tst_ReviewQueue : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    std::unique_ptr<SignedInUsers> m_users;
    QString m_green, m_withScan, m_plain;

    QString accept(const QString &matter, bool green = false) { return acceptSampleCase(m_users->as("clerk1"), matter, green); }

    // Answers the modal dialog that `action` opens: ticks the first suggestion and types `typed`.
    static void answerReasons(const QString &typed)
    {
        QTimer::singleShot(0, [typed] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(unnamedInteractiveWidgets(dialog), QStringList());
            auto *suggestions = byAccessibleName<QListWidget>(dialog, "Suggested items");
            QVERIFY(suggestions && suggestions->count() > 0);
            suggestions->item(0)->setCheckState(Qt::Checked);
            byAccessibleName<QPlainTextEdit>(dialog, "Other items, one per line")->setPlainText(typed);
            dialog->accept();
        });
    }

private slots:
    void initTestCase()
    {
        QVERIFY(installTranslations("en"));
        QString error;
        QVERIFY2(m_server.startDemo(m_dir.path(), &error), qPrintable(error));
        m_users = std::make_unique<SignedInUsers>(m_server);
        m_plain = accept("HF-001");
        m_withScan = accept("HF-001");
        m_green = accept("HF-002", true);
        accept("MR-001"); // another department's: never in this queue
        QImage page(600, 840, QImage::Format_RGB32);
        page.fill(Qt::white);
        const ApiReply up = m_users->as("clerk1").post("/api/v1/cases/" + m_green + "/attachments?filename=contract.pdf",
                                                       models::pagesToPdf({page, page}),
                                                       {{"Idempotency-Key", "scan-1"}, {"Content-Type", "application/pdf"}});
        QCOMPARE(up.status, 201);
    }

    void reviewAndReturn()
    {
        models::ApiClient api;
        api.setBaseUrl(QUrl(m_server.baseUrl()));
        QVERIFY(signInAndWait(api, "approver-hf"));
        client::ReviewQueuePage page(&api, "HF");
        page.resize(1200, 600);
        page.show();
        QSignalSpy counted(&page, &client::WorkbenchPageWidget::countChanged);
        page.refresh();
        QVERIFY(counted.wait(30000));
        QCOMPARE(counted.last().at(0).toInt(), 3);
        QCOMPARE(counted.last().at(1).toInt(), 0);
        QCOMPARE(unnamedInteractiveWidgets(&page), QStringList());
        auto *table = byAccessibleName<QTableView>(&page, "Review queue");
        QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 3, 30000);
        QCOMPARE(table->model()->index(0, 0).data(int(models::ReviewRole::Id)).toString(), m_green);
        // The green case's time left counts to its own deadline: HF-002 promises 3 working days
        // from Friday 27 November, the green channel half of them, 1.5: Tuesday 1 December.
        QCOMPARE(table->model()->index(0, 0).data(int(models::ReviewRole::DaysLeft)).toInt(), 4);
        const QString timeLeft = table->model()->index(0, int(models::ReviewColumn::TimeLeft)).data().toString();
        QVERIFY2(timeLeft.startsWith("4 days left, to the green channel's deadline "), qPrintable(timeLeft));
        QCOMPARE(table->model()->index(1, 0).data(int(models::ReviewRole::DaysLeft)).toInt(), 3); // HF-001: Monday

        // Enter on the first row: the green case, its PDF in the viewer.
        table->setFocus();
        table->setCurrentIndex(table->model()->index(0, 0));
        QTest::keyClick(table, Qt::Key_Return);
        client::ReviewDialog *dialog = page.reviewDialog();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(byAccessibleName<QPushButton>(dialog, "Approve")->isEnabled(), 30000);
        QCOMPARE(unnamedInteractiveWidgets(dialog), QStringList());
        auto *header = dialog->findChildren<QLabel *>().first();
        QVERIFY2(header->text().startsWith("Green channel. Case "), qPrintable(header->text()));
        auto *viewer = byAccessibleName<QPdfView>(dialog, "Attachment viewer");
        QTRY_VERIFY_WITH_TIMEOUT(viewer->isVisible(), 30000);
        QCOMPARE(viewer->document()->pageCount(), 2);
        auto *details = byAccessibleName<QTreeWidget>(dialog, "Case details");
        QVERIFY(details->topLevelItemCount() >= 3);

        // Return for correction with a suggested item and a typed one.
        answerReasons(QStringLiteral("缴存基数与合同不符"));
        QSignalSpy decided(dialog, &client::ReviewDialog::decided);
        QTest::mouseClick(byAccessibleName<QPushButton>(dialog, "Return for correction"), Qt::LeftButton);
        QVERIFY(decided.wait(30000));
        QCOMPARE(decided.at(0).at(0).toJsonObject().value("status").toString(), QStringLiteral("returned_for_correction"));
        const ApiReply parts = m_users->as("clerk1").get("/api/v1/cases/" + m_green + "/parts");
        const QJsonArray reasons = parts.object().value("items").toArray()[0].toObject().value("reasons").toArray();
        QCOMPARE(reasons.size(), 2);
        QCOMPARE(reasons[1].toString(), QStringLiteral("缴存基数与合同不符"));
        // At the counter the notice to correct prints every item the department asked for.
        {
            models::ApiClient clerkApi;
            clerkApi.setBaseUrl(QUrl(m_server.baseUrl()));
            QVERIFY(signInAndWait(clerkApi, "clerk1"));
            models::CaseApi clerkCases(&clerkApi);
            client::ResubmitDialog resubmit(&clerkCases, m_green);
            resubmit.show();
            auto *print = byAccessibleName<QPushButton>(&resubmit, "Print the notice to correct");
            QTRY_VERIFY_WITH_TIMEOUT(print->isEnabled(), 30000);
            QCOMPARE(unnamedInteractiveWidgets(&resubmit), QStringList());
            const printing::PrintInput notice = resubmit.noticeInput();
            QCOMPARE(notice.missing.size(), 2);
            QCOMPARE(notice.date, QDate(2026, 11, 27));
            QTemporaryDir out;
            printing::DocumentRenderer renderer;
            QVERIFY2(renderer.renderPdf(printing::PrintDocument::ReturnNotice, notice, out.filePath("notice.pdf")),
                     qPrintable(renderer.errorString()));
            QProcess pdftotext;
            pdftotext.start("pdftotext", {out.filePath("notice.pdf"), "-"});
            QVERIFY(pdftotext.waitForFinished(30000));
            const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput()).remove(QRegularExpression("\\s"));
            QVERIFY2(text.contains(QStringLiteral("补正材料通知书")) && text.contains(QStringLiteral("缴存基数与合同不符")),
                     qPrintable(text));
        }

        // The queue and its count follow; nothing of this case is left to decide.
        QTRY_COMPARE_WITH_TIMEOUT(counted.last().at(0).toInt(), 2, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!byAccessibleName<QPushButton>(dialog, "Approve")->isEnabled(), 30000);

        // Next case, then approve it with Ctrl+Enter.
        QTRY_VERIFY_WITH_TIMEOUT(byAccessibleName<QPushButton>(dialog, "Next case")->isEnabled(), 30000);
        QTest::mouseClick(byAccessibleName<QPushButton>(dialog, "Next case"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->caseId() != m_green, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(byAccessibleName<QPushButton>(dialog, "Approve")->isEnabled(), 30000);
        const QString second = dialog->caseId();
        decided.clear();
        QTest::keyClick(dialog, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(decided.wait(30000));
        QCOMPARE(decided.at(0).at(0).toJsonObject().value("status").toString(), QStringLiteral("approved"));
        QCOMPARE(decided.at(0).at(0).toJsonObject().value("id").toString(), second);
        QTRY_COMPARE_WITH_TIMEOUT(counted.last().at(0).toInt(), 1, 30000);
        dialog->close();

        // The other views: decided by us shows both; "Nothing here." when a filter leaves none.
        auto *view = byAccessibleName<QComboBox>(&page, "Queue view");
        view->setCurrentIndex(1);
        emit view->activated(1);
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 2, 30000);
        view->setCurrentIndex(0);
        emit view->activated(0);
        byAccessibleName<QCheckBox>(&page, "Green channel only")->setChecked(true);
        QTRY_VERIFY_WITH_TIMEOUT(byAccessibleName<QLabel>(&page, "Nothing here.")
                                     && byAccessibleName<QLabel>(&page, "Nothing here.")->isVisible(),
                                 30000);
    }

    // 模拟审批: the last condition recorded met makes the approval formal.
    void conditionMet()
    {
        const QString id = accept("HF-001");
        HttpClient &approver = m_users->as("approver-hf");
        const ApiReply decided = approver.post(
            "/api/v1/cases/" + id + "/decisions",
            toJson({{"matter", "HF-001"}, {"decision", "approve_simulated"}, {"conditions", QJsonArray{QStringLiteral("单位补缴欠款")}}}),
            {{"If-Match", approver.get("/api/v1/cases/" + id).header("etag")}, {"Idempotency-Key", QUuid::createUuid().toByteArray()}});
        QCOMPARE(decided.object().value("status").toString(), QStringLiteral("approved_simulated"));

        models::ApiClient api;
        api.setBaseUrl(QUrl(m_server.baseUrl()));
        QVERIFY(signInAndWait(api, "approver-hf"));
        models::CaseApi cases(&api);
        client::ReviewDialog dialog(&cases, "HF");
        dialog.show();
        dialog.review(id);
        auto *met = byAccessibleName<QPushButton>(&dialog, "Condition met");
        QTRY_VERIFY_WITH_TIMEOUT(met->isEnabled(), 30000);
        QVERIFY(!byAccessibleName<QPushButton>(&dialog, "Record result")->isEnabled());
        // The dialog opens once the conditions are read: answered when it shows, from a timer
        // (the dialog's own event loop runs it).
        QTimer answer;
        bool answered = false;
        connect(&answer, &QTimer::timeout, this, [&answered] {
            auto *modal = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!modal || answered)
                return;
            answered = true;
            QCOMPARE(unnamedInteractiveWidgets(modal), QStringList());
            QVERIFY(byAccessibleName<QComboBox>(modal, "Condition")->currentText().contains(QStringLiteral("单位补缴欠款")));
            byAccessibleName<QLineEdit>(modal, "How it was met")->setText(QStringLiteral("欠款已补缴"));
            modal->accept();
        });
        answer.start(50);
        QSignalSpy recorded(&dialog, &client::ReviewDialog::decided);
        QTest::mouseClick(met, Qt::LeftButton);
        QVERIFY(recorded.wait(30000));
        QVERIFY(answered);
        QCOMPARE(recorded.at(0).at(0).toJsonObject().value("status").toString(), QStringLiteral("approved"));
        QTRY_VERIFY_WITH_TIMEOUT(byAccessibleName<QPushButton>(&dialog, "Record result")->isEnabled(), 30000);
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_ReviewQueue)
#include "tst_reviewqueue.moc"
