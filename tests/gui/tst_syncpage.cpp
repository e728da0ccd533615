// The page of intakes taken in offline, offscreen over a real local store: each with its number,
// applicant and matters and where it stands in words; the refused one's one-time notice printed
// with the server's reasons (a licence the applicant does not hold, a material missing); Send
// now tries at once and says why it could not.
#include "guitest.h"
#include "sync/syncpage.h"

#include "models/apiclient.h"
#include "models/localstore.h"
#include "models/outboxmodel.h"
#include "models/syncengine.h"

#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;

class tst_SyncPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    models::ApiClient m_api;
    models::LocalStore m_store;

    static QJsonObject body(const QString &number, const QString &name)
    {
        return {{"applicant", QJsonObject{{"kind", "person"}, {"name", name}, {"idNumber", "11010519491231002X"},
                                          {"phone", "13800138000"}}},
                {"center", "SZ-V01"},
                {"matters", QJsonArray{"HF-001"}},
                {"materials", QJsonArray{QJsonObject{{"code", "ID_CARD"}, {"provided", "e_license"}},
                                         QJsonObject{{"code", "LABOR_CONTRACT"}, {"provided", "paper"}}}},
                {"number", number},
                {"takenAt", "2026-11-27T09:30:00+08:00"}};
    }

    template<typename T>
    T *named(QWidget *page, const QString &name)
    {
        return byAccessibleName<T>(page, name);
    }

private slots:
    void initTestCase()
    {
        bool opened = false;
        m_store.open(m_dir.filePath("client.sqlite"), this, [&](const QString &e) {
            QVERIFY(e.isEmpty());
            opened = true;
        });
        QTRY_VERIFY(opened);
        bool done = false;
        m_store.replaceMatters({QJsonObject{{"code", "HF-001"}, {"name", QStringLiteral("住房公积金缴存登记")},
                                            {"department", "HF"}, {"promisedDays", 1}, {"legalDays", 20},
                                            {"initials", "zfgjjjcdj"}}});
        m_store.enqueueIntake("sent-key", body("SZ-V01-20261127-00001", QStringLiteral("张三")));
        m_store.recordOutboxAttempt("sent-key", "sent", QJsonObject{{"number", "SZ-V01-20261127-00001"}}, {});
        m_store.enqueueIntake("refused-key", body("SZ-V01-20261127-00002", QStringLiteral("李四")));
        const QJsonObject problem{
            {"code", "validation_failed"}, {"status", 422}, {"title", "Invalid input"},
            {"errors", QJsonArray{QJsonObject{{"field", "materials[0].provided"}, {"code", "e_license_not_held"},
                                              {"message", "The applicant holds no electronic licence for this material."}}}}};
        m_store.recordOutboxAttempt("refused-key", "refused", problem, {});
        m_store.enqueueIntake("queued-key", body("SZ-V01-20261127-00003", QStringLiteral("王五")), this,
                              [&] { done = true; });
        QTRY_VERIFY(done);
    }

    void listsEachIntakeAndPrintsTheRefusedOnesNotice()
    {
        // A server that is not there: Send now tries and says why it could not.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        m_api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort())));
        closed.close();
        models::SyncEngine engine(&m_api, &m_store);
        engine.setBackoff({60000, 60000});
        client::SyncPage page(&m_api, &m_store, &engine);
        page.show();
        QSignalSpy counted(&page, &client::WorkbenchPageWidget::countChanged);
        page.refresh();
        QTRY_VERIFY(counted.count() >= 1);
        QCOMPARE(counted.last().at(0).toInt(), 1); // waiting
        QCOMPARE(counted.last().at(1).toInt(), 1); // refused
        auto *summary = page.findChild<QLabel *>("outboxSummary");
        QCOMPARE(summary->text(), QStringLiteral("1 intake(s) waiting to be sent; 1 refused by the server"));
        QCOMPARE(unnamedInteractiveWidgets(&page), QStringList());

        auto *table = named<QTableView>(&page, "Intakes taken in offline");
        QCOMPARE(table->model()->rowCount(), 3);
        QCOMPARE(table->model()->index(0, models::OutboxModel::State).data().toString(), QStringLiteral("Sent"));
        auto *print = named<QPushButton>(&page, "Print the one-time notice");
        table->setCurrentIndex(table->model()->index(0, 0));
        QVERIFY(!print->isEnabled());
        QVERIFY(!page.saveNotice(0, m_dir.filePath("none.pdf")));

        table->setCurrentIndex(table->model()->index(1, 0));
        QVERIFY(print->isEnabled());
        const QString details = page.findChild<QLabel *>("outboxDetails")->text();
        QVERIFY2(details.startsWith("Refused by the server: materials[0].provided: The applicant holds no electronic "
                                    "licence"),
                 qPrintable(details));
        const QString pdf = m_dir.filePath("notice.pdf");
        QVERIFY(page.saveNotice(1, pdf));
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(QStringLiteral("一次性告知书")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("李四")));
        QVERIFY(text.contains(QStringLiteral("住房公积金缴存登记")));
        QVERIFY(text.contains(QStringLiteral("未查到申请人的该电子证照")));
        QVERIFY(text.contains(QStringLiteral("ID_CARD")));

        // Send now: the queued one is tried at once, and says why it is still waiting.
        QSignalSpy waiting(&engine, &models::SyncEngine::waiting);
        named<QPushButton>(&page, "Send now")->click();
        QTRY_COMPARE_WITH_TIMEOUT(waiting.count(), 1, 15000);
        QTRY_VERIFY(table->model()->index(2, models::OutboxModel::State).data().toString().startsWith(
            "Waiting to be sent (1 attempt(s)"));
    }
};

QTEST_MAIN(tst_SyncPage)
#include "tst_syncpage.moc"
