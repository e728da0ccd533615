// Paper between a village centre and its hall, offscreen against a real server: agent1 picks two
// of the centre's cases, sends them as one batch and saves its manifest (read back with pdftotext);
// clerk1 scans the manifest's QR text, unticks one item with a note and records the arrival; the
// server then holds the batch as arrived with that item missing, and a second look shows it so.
#include "guitest.h"
#include "apisignin.h"
#include "sampleintake.h"
#include "serverprocess.h"
#include "transfers/transferpages.h"

#include "models/apiclient.h"
#include "models/modelenums.h"
#include "models/transferitemmodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace onewindow;

class tst_TransferPages : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    std::unique_ptr<SignedInUsers> m_users;
    QStringList m_numbers; ///< the two cases agent1 took in

    QString villageCase(const QString &name, const QString &idNumber)
    {
        HttpClient &agent = m_users->as("agent1");
        const ApiReply r = agent.post("/api/v1/cases",
                                      toJson(sampleIntake(agent, "HF-001", "SZ-V01", samplePerson(name, idNumber))),
                                      {{"Idempotency-Key", QUuid::createUuid().toByteArray()}});
        return r.object().value("number").toString();
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.startDemo(m_dir.path(), &error), qPrintable(error));
        m_users = std::make_unique<SignedInUsers>(m_server);
        m_numbers << villageCase(QStringLiteral("张三"), "11010519491231002X")
                  << villageCase(QStringLiteral("王五"), "110101199003070935");
        QVERIFY(!m_numbers.contains(QString()));
    }

    void sentCheckedInWithAMissingItem()
    {
        // The agent sends the two cases' papers.
        models::ApiClient agentApi;
        agentApi.setBaseUrl(QUrl(m_server.baseUrl()));
        QVERIFY(signInAndWait(agentApi, "agent1"));
        client::SendPapersPage send(&agentApi, "SZ-V01");
        send.show();
        send.refresh();
        auto *cases = byAccessibleName<QTableView>(&send, "Cases of my centre to send");
        QTRY_COMPARE_WITH_TIMEOUT(cases->model()->rowCount(), 2, 10000);
        QCOMPARE(unnamedInteractiveWidgets(&send), QStringList());
        cases->selectAll();
        byAccessibleName<QLineEdit>(&send, "Note for the hall")->setText(QStringLiteral("第一批"));
        byAccessibleName<QPushButton>(&send, "Send to the hall")->click();
        QTRY_VERIFY_WITH_TIMEOUT(!send.currentTransfer().isEmpty(), 10000);
        const QJsonObject batch = send.currentTransfer();
        QCOMPARE(batch.value("cases").toArray().size(), 2);
        QVERIFY(byAccessibleName<QPushButton>(&send, "Print the manifest")->isEnabled());
        const QString pdf = m_dir.filePath("manifest.pdf");
        QVERIFY(send.saveManifest(pdf));
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(QStringLiteral("代办材料流转清单")), qPrintable(text));
        QVERIFY(text.contains(batch.value("code").toString()));
        for (const QString &number : std::as_const(m_numbers))
            QVERIFY2(text.contains(number), qPrintable(number));
        QVERIFY(text.contains(QStringLiteral("劳动合同")));
        // Headed by the centre that sends it.
        QString centre;
        for (const auto &c : m_users->as("agent1").get("/api/v1/centers").object().value("items").toArray()) {
            if (c.toObject().value("code").toString() == QLatin1String("SZ-V01"))
                centre = c.toObject().value("name").toString();
        }
        QVERIFY(!centre.isEmpty());
        QVERIFY2(text.contains(centre), qPrintable(centre));
        auto *batches = byAccessibleName<QTableView>(&send, "Batches sent");
        QTRY_COMPARE_WITH_TIMEOUT(batches->model()->rowCount(), 1, 10000);

        // The hall's clerk scans the manifest, finds one contract missing, records the arrival.
        models::ApiClient clerkApi;
        clerkApi.setBaseUrl(QUrl(m_server.baseUrl()));
        QVERIFY(signInAndWait(clerkApi, "clerk1"));
        client::ReceivePapersPage receive(&clerkApi);
        receive.show();
        receive.refresh();
        QAbstractItemModelTester tester(receive.items(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *onTheirWay = byAccessibleName<QTableView>(&receive, "Batches on their way");
        QTRY_COMPARE_WITH_TIMEOUT(onTheirWay->model()->rowCount(), 1, 10000);
        auto *code = byAccessibleName<QLineEdit>(&receive, "Manifest code");
        code->setText(batch.value("qr").toString());
        QTest::keyClick(code, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(receive.items()->rowCount(), batch.value("items").toArray().size(), 10000);
        QCOMPARE(unnamedInteractiveWidgets(&receive), QStringList());
        auto *items = byAccessibleName<QTableView>(&receive, "Items of the batch");
        QVERIFY(items->hasFocus());
        // Space unticks the item the keyboard is on; its note is then required.
        QTest::keyClick(items, Qt::Key_Space);
        QCOMPARE(receive.items()->index(0, models::TransferItemColumn::Received).data().toString(),
                 QStringLiteral("Missing"));
        auto *record = byAccessibleName<QPushButton>(&receive, "Record the arrival");
        record->click();
        QVERIFY(record->isEnabled()); // refused here: no note yet
        QVERIFY(receive.items()->setData(receive.items()->index(0, models::TransferItemColumn::Note),
                                         QStringLiteral("信封里没有")));
        record->click();
        QTRY_VERIFY_WITH_TIMEOUT(!record->isEnabled(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(onTheirWay->model()->rowCount(), 0, 10000);

        const QJsonObject arrived =
            m_users->as("clerk1").get("/api/v1/transfers/" + batch.value("id").toString()).object();
        QCOMPARE(arrived.value("state").toString(), QStringLiteral("arrived"));
        QCOMPARE(arrived.value("receivedBy").toString(), QStringLiteral("clerk1"));
        int missing = 0;
        for (const auto &i : arrived.value("items").toArray()) {
            if (i.toObject().value("state").toString() == QLatin1String("missing")) {
                ++missing;
                QCOMPARE(i.toObject().value("note").toString(), QStringLiteral("信封里没有"));
            }
        }
        QCOMPARE(missing, 1);
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_TransferPages)
#include "tst_transferpages.moc"
