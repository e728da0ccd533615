// The supervisor's follow-ups of bad ratings offscreen against a real server: the open one listed
// with the case, the rating and the comment and whom to call back; closing refused until the call
// back is on record; a note, then closing with the resolution and the second rating; the closed
// list has it.
#include "guitest.h"
#include "apisignin.h"
#include "delivery/followupspage.h"
#include "sampleintake.h"
#include "serverprocess.h"

#include "models/apiclient.h"
#include "models/modelenums.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialog>
#include <QTimer>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QUuid>

using namespace onewindow;

class tst_FollowUpsPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    std::unique_ptr<SignedInUsers> m_users;
    QString m_case;

    // Handed out by clerk1, signed, and rated `level` on the customer screen with `comment`.
    QString deliveredAndRated(int level, const QString &comment)
    {
        HttpClient &clerk = m_users->as("clerk1");
        const QString id = resultReadySampleCase(clerk, m_users->as("approver-hf"));
        const QString path = "/api/v1/cases/" + id;
        const QByteArray png = QByteArray::fromBase64(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==");
        const QString signature = clerk.post(path + "/attachments?filename=s.png", png,
                                             {{"Idempotency-Key", QUuid::createUuid().toByteArray()},
                                              {"Content-Type", "image/png"}})
                                      .object().value("id").toString();
        const QJsonObject delivery{{"recipient", QJsonObject{{"kind", "applicant"}, {"name", QStringLiteral("张三")},
                                                             {"idNumber", "11010519491231002X"}}},
                                   {"signature", signature}};
        if (clerk.post(path + "/delivery", toJson(delivery),
                       {{"If-Match", clerk.get(path).header("etag")}, {"Idempotency-Key", QUuid::createUuid().toByteArray()}})
                .status != 200)
            qFatal("delivery refused");
        const QString token = clerk.post(path + "/rating-tokens", toJson({{"event", "delivery"}})).object().value("token").toString();
        if (clerk.post(path + "/evaluations", toJson({{"event", "delivery"}, {"level", level}, {"channel", "counter"},
                                                      {"ratingToken", token}, {"comment", comment}}))
                .status != 201)
            qFatal("rating refused");
        return id;
    }

    static QString shown(QWidget *page)
    {
        QStringList texts;
        for (QLabel *label : page->findChildren<QLabel *>())
            if (label->isVisible())
                texts << label->text();
        return texts.join('\n');
    }

private slots:
    void initTestCase()
    {
        QVERIFY(installTranslations("en"));
        QString error;
        QVERIFY2(m_server.startDemo(m_dir.path(), &error), qPrintable(error));
        m_users = std::make_unique<SignedInUsers>(m_server);
        m_case = deliveredAndRated(1, QStringLiteral("窗口态度差"));
        deliveredAndRated(4, QString()); // satisfied: nothing to follow up
    }

    void callBackAndClose()
    {
        models::ApiClient api;
        api.setBaseUrl(QUrl(m_server.baseUrl()));
        QVERIFY(signInAndWait(api, "supervisor1"));
        client::FollowUpsPage page(&api);
        page.resize(1100, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy counted(&page, &client::WorkbenchPageWidget::countChanged);
        page.refresh();
        QVERIFY(counted.wait(30000));
        QCOMPARE(counted.last().at(0).toInt(), 1);
        QCOMPARE(counted.last().at(1).toInt(), 0); // none overdue on the day it was rated
        QCOMPARE(unnamedInteractiveWidgets(&page), QStringList());
        auto *table = byAccessibleName<QTableView>(&page, "Follow-ups");
        QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data(int(models::FollowUpRole::CaseId)).toString(), m_case);
        QCOMPARE(table->model()->index(0, models::FollowUpColumn::Rating).data().toString(),
                 QStringLiteral("Very dissatisfied (delivery)"));
        QCOMPARE(table->model()->index(0, models::FollowUpColumn::State).data().toString(), QStringLiteral("Open"));
        auto *details = byAccessibleName<QTextBrowser>(&page, "Follow-up details");
        QVERIFY2(details->toPlainText().contains(QStringLiteral("Comment: 窗口态度差")), qPrintable(details->toPlainText()));
        QVERIFY2(details->toPlainText().contains(QStringLiteral("Call back 张三 at 13800138000")),
                 qPrintable(details->toPlainText()));

        // Closing before the call back is on record: the server says why.
        auto *resolution = byAccessibleName<QLineEdit>(&page, "Resolution");
        auto *close = byAccessibleName<QPushButton>(&page, "Close follow-up");
        resolution->setText(QStringLiteral("已致歉"));
        QTest::mouseClick(close, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(shown(&page).contains("Write down the call back to the citizen before closing"), 30000);

        // The note, then closing with the second rating.
        auto *note = byAccessibleName<QPlainTextEdit>(&page, "Call-back note");
        note->setPlainText(QStringLiteral("电话回访：已向群众致歉"));
        QTest::mouseClick(byAccessibleName<QPushButton>(&page, "Add note"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(details->toPlainText().contains(QStringLiteral("Note by supervisor1")), 30000);
        QVERIFY(details->toPlainText().contains(QStringLiteral("电话回访：已向群众致歉")));
        QVERIFY(note->toPlainText().isEmpty());
        auto *second = byAccessibleName<QComboBox>(&page, "Second rating");
        second->setCurrentIndex(second->findData(4));
        QTest::mouseClick(close, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->index(0, models::FollowUpColumn::State).data().toString(),
                                  QStringLiteral("Closed, rated again: Satisfied"), 30000);
        QVERIFY(!close->isEnabled());
        const QJsonArray closed = m_users->as("supervisor1").get("/api/v1/follow-ups?state=closed").object()
                                      .value("items").toArray();
        QCOMPARE(closed.size(), 1);
        QCOMPARE(closed[0].toObject().value("secondLevel").toInt(), 4);
        QCOMPARE(closed[0].toObject().value("resolution").toString(), QStringLiteral("已致歉"));

        // The closed list has it; the open one is empty.
        auto *state = byAccessibleName<QComboBox>(&page, "Which follow-ups");
        state->setCurrentIndex(state->findData("closed"));
        page.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, 30000);
        state->setCurrentIndex(state->findData("open"));
        page.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 0, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(shown(&page).contains("No follow-ups here."), 30000);
    }

    // A paper form of 非常不满意 about an intake, entered by the supervisor: recorded, and its
    // follow-up listed; a number that is no case is said so.
    void paperRating()
    {
        const QString id = resultReadySampleCase(m_users->as("clerk1"), m_users->as("approver-hf"));
        const QString number = m_users->as("clerk1").get("/api/v1/cases/" + id).object().value("number").toString();
        models::ApiClient api;
        api.setBaseUrl(QUrl(m_server.baseUrl()));
        QVERIFY(signInAndWait(api, "supervisor1"));
        client::FollowUpsPage page(&api);
        page.show();
        page.refresh();
        auto *table = byAccessibleName<QTableView>(&page, "Follow-ups");
        const auto enter = [&](const QString &caseNumber) {
            QTimer::singleShot(0, this, [caseNumber] {
                auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
                QVERIFY(dialog);
                QCOMPARE(unnamedInteractiveWidgets(dialog), QStringList());
                byAccessibleName<QLineEdit>(dialog, "Case number")->setText(caseNumber);
                auto *event = byAccessibleName<QComboBox>(dialog, "Service rated");
                event->setCurrentIndex(event->findData("intake"));
                auto *level = byAccessibleName<QComboBox>(dialog, "Rating");
                level->setCurrentIndex(level->findData(1));
                byAccessibleName<QLineEdit>(dialog, "Comment")->setText(QStringLiteral("等了一个小时"));
                QTest::mouseClick(byAccessibleName<QPushButton>(dialog, "Record rating"), Qt::LeftButton);
                QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible() || shown(dialog).contains("No case "), 30000);
                if (dialog->isVisible())
                    dialog->reject();
            });
            QTest::mouseClick(byAccessibleName<QPushButton>(&page, "Enter a paper or SMS rating"), Qt::LeftButton);
        };
        enter("SZ-19990101-00001");
        QTRY_VERIFY_WITH_TIMEOUT(!QApplication::activeModalWidget(), 30000);
        QCOMPARE(m_users->as("clerk1").get("/api/v1/cases/" + id + "/evaluations").object().value("items").toArray().size(), 0);
        enter(number);
        QTRY_VERIFY_WITH_TIMEOUT(shown(&page).contains("Rating recorded."), 30000);
        const QJsonArray ratings = m_users->as("clerk1").get("/api/v1/cases/" + id + "/evaluations").object()
                                       .value("items").toArray();
        QCOMPARE(ratings.size(), 1);
        QCOMPARE(ratings[0].toObject().value("channel").toString(), QStringLiteral("paper"));
        QCOMPARE(ratings[0].toObject().value("level").toInt(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() == 1
                                     && table->model()->index(0, 0).data(int(models::FollowUpRole::CaseId)).toString() == id,
                                 30000);
        QCOMPARE(table->model()->index(0, models::FollowUpColumn::Rating).data().toString(),
                 QStringLiteral("Very dissatisfied (intake)"));
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_FollowUpsPage)
#include "tst_followupspage.moc"
