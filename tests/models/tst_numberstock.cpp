// The village centre's stock of reserved case numbers against a real server and a real local
// store: topped up in a block, each intake takes one and keeps it on a retry, and a block whose
// answer was lost (the client killed after the server answered) is asked for again with its key:
// the same numbers, none lost, none given twice.
#include "apisignin.h"
#include "awaitanswer.h"
#include "serverprocess.h"

#include "models/apiclient.h"
#include "models/localstore.h"
#include "models/numberstock.h"

#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow::models;

class tst_NumberStock : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    std::unique_ptr<SignedInUsers> m_users;
    ApiClient m_api;

    // Runs `start(done)` and waits for its answer.
    bool topUp(NumberStock &stock, int minimum, int block)
    {
        return awaitAnswer<bool>([&](auto done) { stock.topUp(minimum, block, [done](bool ok, const QString &) { done(ok); }); });
    }

    QString take(NumberStock &stock, const QString &key)
    {
        return awaitAnswer<QString>([&](auto done) { stock.take(key, [done](const QString &n) { done(n); }); });
    }

    int freeCount(LocalStore &store, const QString &center)
    {
        return awaitAnswer<int>([&](auto done) { store.freeReservedNumberCount(center, this, [done](int n) { done(n); }); });
    }

    void open(LocalStore &store, const QString &name)
    {
        bool opened = false;
        store.open(m_dir.filePath(name), this, [&](const QString &e) {
            QVERIFY2(e.isEmpty(), qPrintable(e));
            opened = true;
        });
        QTRY_VERIFY(opened);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.startDemo(m_dir.path(), &error), qPrintable(error));
        m_users = std::make_unique<SignedInUsers>(m_server);
        m_api.setBaseUrl(QUrl(m_server.baseUrl()));
        QVERIFY(signInAndWait(m_api, "agent1"));
    }

    void topUpAndTake()
    {
        LocalStore store;
        open(store, "a.sqlite");
        NumberStock stock(&m_api, &store, "SZ-V01");
        QCOMPARE(take(stock, "intake-0"), QString()); // nothing in stock yet
        QVERIFY(topUp(stock, 5, 10));
        QCOMPARE(freeCount(store, "SZ-V01"), 10);
        QVERIFY(topUp(stock, 5, 10)); // enough: nothing asked
        QCOMPARE(freeCount(store, "SZ-V01"), 10);
        const QString first = take(stock, "intake-1");
        QVERIFY2(first.startsWith("SZ-V01-20261127-"), qPrintable(first));
        QCOMPARE(take(stock, "intake-1"), first); // a retry of the same intake
        const QString second = take(stock, "intake-2");
        QVERIFY(!second.isEmpty() && second != first);
        QCOMPARE(freeCount(store, "SZ-V01"), 8);
        // Another centre's stock is its own; the server refuses a centre that is not the agent's.
        NumberStock other(&m_api, &store, "SZ-V02");
        QVERIFY(!topUp(other, 1, 5));
        QCOMPARE(freeCount(store, "SZ-V02"), 0);
    }

    // The server answered a block, the client died before keeping it: the next top-up asks with
    // the same key and keeps exactly those numbers.
    void lostAnswerAskedAgain()
    {
        LocalStore store;
        open(store, "b.sqlite");
        const QString key = "block-lost-1";
        const ApiReply first = m_users->as("agent1").post("/api/v1/centers/SZ-V01/number-blocks", toJson({{"count", 4}}),
                                                          {{"Idempotency-Key", key.toUtf8()}});
        QCOMPARE(first.status, 201);
        QStringList served;
        for (const auto &n : first.object().value("numbers").toArray())
            served << n.toString();
        bool saved = false;
        store.setValue(NumberStock::pendingKeyName("SZ-V01"), key, this, [&] { saved = true; });
        QTRY_VERIFY(saved);
        NumberStock stock(&m_api, &store, "SZ-V01");
        QVERIFY(topUp(stock, 1, 4));
        QCOMPARE(freeCount(store, "SZ-V01"), 4);
        QSet<QString> taken;
        for (int i = 0; i < 4; ++i)
            taken << take(stock, QString("intake-%1").arg(i));
        QCOMPARE(taken, QSet<QString>(served.begin(), served.end()));
        // The key is spent: the next block is a new one.
        QVERIFY(topUp(stock, 1, 2));
        const QString next = take(stock, "intake-9");
        QVERIFY(!served.contains(next));
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_NumberStock)
#include "tst_numberstock.moc"
