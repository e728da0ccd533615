// The models of paper transfers (代办流转): the batches of a centre or hall, over a real server
// (GET /transfers), in words; and one batch's items as the hall's clerk checks them in: each
// received unless unticked, a missing one with its note, nothing editable once arrived. Both under
// QAbstractItemModelTester.
#include "apisignin.h"
#include "sampleintake.h"
#include "serverprocess.h"

#include "models/apiclient.h"
#include "models/modelenums.h"
#include "models/transferitemmodel.h"
#include "models/transferlistmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace onewindow::models;

namespace {

QJsonObject batch(const QString &state)
{
    const QJsonObject item1{{"id", "1"}, {"caseId", "c1"}, {"caseNumber", "SZ-V01-20261127-00001"}, {"kind", "material"},
                            {"material", "LABOR_CONTRACT"}, {"name", QStringLiteral("劳动合同")}, {"state", "sent"}};
    const QJsonObject item2{{"id", "2"}, {"caseId", "c2"}, {"caseNumber", "SZ-V01-20261127-00002"}, {"kind", "case_file"},
                            {"material", QJsonValue()}, {"name", QStringLiteral("受理文书")}, {"state", "sent"}};
    return {{"id", "7"}, {"code", "SZ-V01-20261127-ABCDEFGHJK"}, {"center", "SZ-V01"}, {"hall", "SZ"}, {"state", state},
            {"createdBy", "agent1"}, {"createdAt", "2026-11-27T10:00:00+08:00"},
            {"cases", QJsonArray{QJsonObject{{"caseId", "c1"}, {"caseNumber", "SZ-V01-20261127-00001"},
                                             {"applicantName", QStringLiteral("张三")}},
                                 QJsonObject{{"caseId", "c2"}, {"caseNumber", "SZ-V01-20261127-00002"},
                                             {"applicantName", QStringLiteral("李四")}}}},
            {"items", QJsonArray{item1, item2}}};
}

} // namespace

class tst_TransferModels : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.startDemo(m_dir.path(), &error), qPrintable(error));
    }

    void itemsAreCheckedIn()
    {
        TransferItemModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTransfer(batch("in_transit"));
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.isEditable());
        QCOMPARE(model.index(0, TransferItemColumn::Applicant).data().toString(), QStringLiteral("张三"));
        QCOMPARE(model.index(1, TransferItemColumn::Material).data().toString(),
                 QStringLiteral("Case file (signed acceptance papers)"));
        QCOMPARE(model.index(0, TransferItemColumn::Received).data().toString(), QStringLiteral("Received"));
        QCOMPARE(model.missing(), QJsonArray());
        // The note is written only for an item that is missing.
        QVERIFY(!(model.flags(model.index(0, TransferItemColumn::Note)) & Qt::ItemIsEditable));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.setData(model.index(0, TransferItemColumn::Received), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0, TransferItemColumn::Received).data().toString(), QStringLiteral("Missing"));
        QVERIFY(model.flags(model.index(0, TransferItemColumn::Note)) & Qt::ItemIsEditable);
        QVERIFY(model.setData(model.index(0, TransferItemColumn::Note), QStringLiteral(" not in the envelope ")));
        QCOMPARE(model.missing(), (QJsonArray{QJsonObject{{"item", "1"}, {"note", "not in the envelope"}}}));

        // Arrived: as recorded, and nothing changes any more.
        QJsonObject arrived = batch("arrived");
        QJsonArray items = arrived.value("items").toArray();
        QJsonObject first = items.at(0).toObject();
        first.insert("state", "missing");
        first.insert("note", QStringLiteral("不在信封里"));
        items.replace(0, first);
        arrived.insert("items", items);
        model.setTransfer(arrived);
        QVERIFY(!model.isEditable());
        QCOMPARE(model.index(0, TransferItemColumn::Received).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QCOMPARE(model.index(0, TransferItemColumn::Note).data().toString(), QStringLiteral("不在信封里"));
        QVERIFY(!model.setData(model.index(1, TransferItemColumn::Received), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(TransferListModel::stateText(arrived), QStringLiteral("Arrived, 1 item(s) missing"));
        QCOMPARE(TransferListModel::stateText(batch("in_transit")), QStringLiteral("On its way to the hall"));
    }

    // The agent's batch is listed for the agent and for the hall's clerk, in words.
    void batchesListed()
    {
        SignedInUsers users(m_server);
        HttpClient &agent = users.as("agent1");
        const QJsonObject intake = sampleIntake(agent, "HF-001", "SZ-V01", samplePerson(QStringLiteral("张三"), "11010519491231002X"));
        const QString caseId = agent.post("/api/v1/cases", toJson(intake), {{"Idempotency-Key", QUuid::createUuid().toByteArray()}})
                                   .object().value("id").toString();
        QVERIFY(!caseId.isEmpty());
        const ApiReply sent = agent.post("/api/v1/transfers", toJson(QJsonObject{{"cases", QJsonArray{caseId}}}),
                                         {{"Idempotency-Key", QUuid::createUuid().toByteArray()}});
        QCOMPARE(sent.status, 201);
        for (const char *user : {"agent1", "clerk1"}) {
            ApiClient api;
            api.setBaseUrl(QUrl(m_server.baseUrl()));
            QVERIFY(signInAndWait(api, user));
            TransferListModel model(&api);
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            QSignalSpy loaded(&model, &ApiListModel::loaded);
            model.loadState("in_transit");
            QVERIFY(loaded.wait(10000));
            QCOMPARE(model.rowCount(), 1);
            QCOMPARE(model.index(0, TransferColumn::Code).data().toString(), sent.object().value("code").toString());
            QCOMPARE(model.index(0, TransferColumn::Route).data().toString(), QStringLiteral("SZ-V01 → SZ"));
            QCOMPARE(model.index(0, TransferColumn::Cases).data().toString(), QStringLiteral("1 case(s), 2 item(s)"));
            QCOMPARE(model.index(0, TransferColumn::State).data().toString(), QStringLiteral("On its way to the hall"));
            QCOMPARE(model.index(0, 0).data(int(TransferRole::Id)).toString(), sent.object().value("id").toString());
        }
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_TransferModels)
#include "tst_transfermodels.moc"
