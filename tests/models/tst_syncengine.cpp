// The outbox of offline intakes sent by the SyncEngine to a real server: in order, each with its
// reserved number and its own key; a case the server already had (its answer lost) is not made
// twice; a case the server refuses comes back with its reasons and does not stop the others; with
// the server gone nothing is lost, the engine waits longer each time and sends it all once the
// server is back.
#include "apisignin.h"
#include "awaitanswer.h"
#include "sampleintake.h"
#include "serverprocess.h"

#include "models/apiclient.h"
#include "models/localstore.h"
#include "models/numberstock.h"
#include "models/outboxmodel.h"
#include "models/syncengine.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace onewindow::models;

class tst_SyncEngine : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestDatabase m_db;
    ServerProcess m_server;
    std::unique_ptr<SignedInUsers> m_users;
    ApiClient m_api;
    LocalStore m_store;

    QJsonArray outbox()
    {
        return awaitAnswer<QJsonArray>([&](auto done) { m_store.outbox(this, [done](const QJsonArray &a) { done(a); }); });
    }

    // An intake of agent1 at the village centre under a reserved number, into the outbox.
    QString enqueue(NumberStock &stock, const QString &matter = "HF-001")
    {
        const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString number = awaitAnswer<QString>([&](auto done) { stock.take(key, [done](const QString &n) { done(n); }); });
        if (number.isEmpty())
            qFatal("no reserved number left");
        QJsonObject body = sampleIntake(m_users->as("agent1"), matter == "XX-999" ? "HF-001" : matter, "SZ-V01",
                                        samplePerson(QStringLiteral("王五"), "110101199003070935"));
        if (matter == "XX-999")
            body.insert("matters", QJsonArray{"XX-999"}); // withdrawn from the catalog meanwhile
        body.insert("number", number);
        bool queued = false;
        m_store.enqueueIntake(key, body, this, [&] { queued = true; });
        if (!QTest::qWaitFor([&] { return queued; }, 30000))
            qFatal("not queued");
        return key;
    }

    QString restart()
    {
        QString error;
        if (!m_server.start({"--database", m_db.url(), "--demo", "--today", "2026-11-27"}, &error))
            return error;
        m_api.setBaseUrl(QUrl(m_server.baseUrl()));
        m_users = std::make_unique<SignedInUsers>(m_server);
        return {};
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_db = TestDatabase::create(TestDatabase::Kind::SQLite, m_dir.path(), &error);
        QVERIFY2(m_server.start({"--database", m_db.url(), "--demo", "--today", "2026-11-27"}, &error), qPrintable(error));
        m_users = std::make_unique<SignedInUsers>(m_server);
        m_api.setBaseUrl(QUrl(m_server.baseUrl()));
        m_api.setRetryBaseDelay(50);
        QVERIFY(signInAndWait(m_api, "agent1"));
        bool opened = false;
        m_store.open(m_dir.filePath("client.sqlite"), this, [&](const QString &e) { opened = e.isEmpty(); });
        QTRY_VERIFY(opened);
    }

    void sendsInOrderOnce()
    {
        NumberStock stock(&m_api, &m_store, "SZ-V01");
        QVERIFY(awaitAnswer<bool>([&](auto done) { stock.topUp(10, 20, [done](bool ok, const QString &) { done(ok); }); }));
        QStringList keys;
        for (int i = 0; i < 3; ++i)
            keys << enqueue(stock);
        const QString refusedKey = enqueue(stock, "XX-999");
        keys << enqueue(stock);
        // The first one reached the server before, its answer lost: sent again, it is the same case.
        const QJsonObject first = outbox()[0].toObject();
        const ApiReply early = m_users->as("agent1").post("/api/v1/cases", toJson(first.value("body").toObject()),
                                                          {{"Idempotency-Key", keys[0].toUtf8()}});
        QCOMPARE(early.status, 201);

        SyncEngine engine(&m_api, &m_store);
        QSignalSpy sent(&engine, &SyncEngine::sent);
        QSignalSpy refused(&engine, &SyncEngine::refused);
        QSignalSpy idle(&engine, &SyncEngine::idle);
        QSignalSpy progress(&engine, &SyncEngine::progress);
        engine.syncNow();
        QVERIFY(idle.wait(60000));
        QCOMPARE(sent.count(), 4);
        QCOMPARE(refused.count(), 1);
        QCOMPARE(refused.at(0).at(0).toString(), refusedKey);
        QCOMPARE(progress.first().at(0).toInt(), 5);
        // In order, under their numbers, once; the early one is the same case.
        QStringList sentKeys;
        for (const auto &args : sent)
            sentKeys << args.at(0).toString();
        QCOMPARE(sentKeys, keys);
        QCOMPARE(sent.at(0).at(1).toJsonObject().value("id").toString(), early.object().value("id").toString());
        for (const auto &entry : outbox()) {
            const QJsonObject e = entry.toObject();
            const QString number = e.value("number").toString();
            const QJsonArray found = m_users->as("agent1").get("/api/v1/cases?number=" + number).object()
                                         .value("items").toArray();
            if (e.value("key").toString() == refusedKey) {
                QCOMPARE(e.value("state").toString(), QStringLiteral("refused"));
                QVERIFY(!e.value("answer").toObject().value("errors").toArray().isEmpty()
                        || !e.value("answer").toObject().value("code").toString().isEmpty());
                QCOMPARE(found.size(), 0);
            } else {
                QCOMPARE(e.value("state").toString(), QStringLiteral("sent"));
                QCOMPARE(found.size(), 1);
                QCOMPARE(found[0].toObject().value("number").toString(), number);
            }
        }
    }

    // The server gone: nothing is lost, the engine waits longer each time; back: all sent, once.
    void waitsForTheServer()
    {
        NumberStock stock(&m_api, &m_store, "SZ-V01");
        const QString key = enqueue(stock);
        QCOMPARE(m_server.stop(), 0);
        SyncEngine engine(&m_api, &m_store);
        engine.setBackoff({200, 1000});
        QSignalSpy waiting(&engine, &SyncEngine::waiting);
        QSignalSpy idle(&engine, &SyncEngine::idle);
        engine.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(waiting.count() > 0, 60000);
        QVERIFY(waiting.at(0).at(1).toInt() >= 100 && waiting.at(0).at(1).toInt() <= 300);
        QCOMPARE(outbox().last().toObject().value("state").toString(), QStringLiteral("queued"));
        QVERIFY(outbox().last().toObject().value("attempts").toInt() >= 1);
        // Back (a new port: the client is told, as the sign-in would) and sent, once.
        QCOMPARE(restart(), QString());
        QVERIFY(signInAndWait(m_api, "agent1"));
        // The engine's next try may come while signing in: count, rather than wait for a new signal.
        QTRY_VERIFY_WITH_TIMEOUT(idle.count() > 0, 60000);
        QCOMPARE(outbox().last().toObject().value("state").toString(), QStringLiteral("sent"));
        const QString number = outbox().last().toObject().value("number").toString();
        QCOMPARE(m_users->as("agent1").get("/api/v1/cases?number=" + number).object().value("items").toArray().size(), 1);
        Q_UNUSED(key);
    }

    void backoffGrowsWithJitter()
    {
        SyncEngine engine(&m_api, &m_store);
        engine.setBackoff({1000, 60000});
        for (int failures = 1; failures <= 8; ++failures) {
            const int expected = std::min(1000 << (failures - 1), 60000);
            const int delay = engine.retryDelayMs(failures);
            QVERIFY2(delay >= expected / 2 && delay <= expected * 3 / 2, qPrintable(QString::number(delay)));
        }
    }

    // The sync page's list: each queued case and where it stands, in words.
    void outboxModel()
    {
        NumberStock stock(&m_api, &m_store, "SZ-V01");
        const QString waitingKey = enqueue(stock);
        OutboxModel model(&m_store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &OutboxModel::loaded);
        model.reload();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model.rowCount(), outbox().size());
        QCOMPARE(model.waiting(), 1);
        QStringList states;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString state = model.index(row, OutboxModel::State).data().toString();
            states << state;
            const QString key = model.index(row, 0).data(OutboxModel::KeyRole).toString();
            if (key == waitingKey)
                QCOMPARE(state, QStringLiteral("Waiting to be sent"));
            QVERIFY(model.index(row, OutboxModel::Number).data().toString().startsWith("SZ-V01-"));
            QCOMPARE(model.index(row, OutboxModel::Applicant).data().toString(), QStringLiteral("王五"));
        }
        QVERIFY2(states.contains("Sent"), qPrintable(states.join(" | ")));
        bool refusedSaid = false;
        for (const QString &state : std::as_const(states))
            refusedSaid = refusedSaid || (state.startsWith("Refused by the server: ") && state.size() > 24);
        QVERIFY2(refusedSaid, qPrintable(states.join(" | ")));
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_SyncEngine)
#include "tst_syncengine.moc"
