// Case numbers reserved in blocks for a centre's offline intake, over real HTTP on SQLite or
// PostgreSQL (ONEWINDOW_TEST_DATABASE): only the centre's own agents and clerks reserve; a block
// is given once (a retry gets the same numbers) and never to another intake; a case posted with a
// reserved number is accepted under it once and only once; a number not reserved for the centre is
// refused with a clear code. Every exchange is recorded for the OpenAPI check.
#include "sampleintake.h"
#include "serverprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

QString api(const QString &path) { return QStringLiteral("/api/v1") + path; }

QByteArray newKey() { return QUuid::createUuid().toByteArray(QUuid::WithoutBraces); }

QStringList texts(const QJsonValue &array)
{
    QStringList out;
    for (const auto &v : array.toArray())
        out << v.toString();
    return out;
}

} // namespace

class tst_NumberBlocks : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestDatabase m_db;
    ServerProcess m_server;
    SignedInUsers m_users{m_server};

    HttpClient &as(const QString &username) { return m_users.as(username); }

    ApiReply reserve(const QString &user, const QString &center, const QJsonObject &body, const QByteArray &key = newKey())
    {
        return as(user).post(api("/centers/") + center + "/number-blocks", toJson(body), {{"Idempotency-Key", key}});
    }

    // agent1's sample intake at the village centre, with `number` and `takenAt` when given.
    ApiReply intake(const QString &number, const QByteArray &key = newKey(), const QString &takenAt = {})
    {
        QJsonObject body = sampleIntake(as("agent1"), "HF-001", "SZ-V01",
                                        samplePerson(QStringLiteral("王五"), "110101199003070935"));
        if (!number.isEmpty())
            body.insert("number", number);
        if (!takenAt.isEmpty())
            body.insert("takenAt", takenAt);
        return as("agent1").post(api("/cases"), toJson(body), {{"Idempotency-Key", key}});
    }

    QStringList m_block;

private slots:
    void initTestCase()
    {
        QString error;
        m_db = TestDatabase::forSuite(m_dir.path(), &error);
        QVERIFY2(!m_db.url().isEmpty(), qPrintable(error));
        QVERIFY2(m_server.start({"--database", m_db.url(), "--demo", "--today", "2026-11-27"}, &error),
                 qPrintable(error));
    }

    // The centre's agent reserves a block in the usual format; a retry is the same block.
    void reserveABlock()
    {
        const QByteArray key = newKey();
        const ApiReply r = reserve("agent1", "SZ-V01", {{"count", 5}}, key);
        QCOMPARE(r.status, 201);
        m_block = texts(r.object().value("numbers"));
        QCOMPARE(m_block.size(), 5);
        QCOMPARE(r.object().value("center").toString(), QStringLiteral("SZ-V01"));
        for (const QString &number : std::as_const(m_block))
            QVERIFY2(number.startsWith("SZ-V01-20261127-"), qPrintable(number));
        QCOMPARE(QSet<QString>(m_block.begin(), m_block.end()).size(), 5);
        const ApiReply again = reserve("agent1", "SZ-V01", {{"count", 5}}, key);
        QCOMPARE(again.status, 201);
        QCOMPARE(texts(again.object().value("numbers")), m_block);
        QCOMPARE(again.header("idempotent-replayed"), QByteArray("true"));
    }

    // Only the centre's own counter reserves; bad counts are named.
    void whoReserves()
    {
        QCOMPARE(reserve("clerk1", "SZ-V01", {{"count", 1}}).status, 404); // the hall's clerk, not the village's
        QCOMPARE(reserve("agent2", "SZ-V01", {{"count", 1}}).status, 404);
        QCOMPARE(reserve("approver-hf", "SZ-V01", {{"count", 1}}).status, 404);
        QCOMPARE(reserve("supervisor1", "SZ", {{"count", 1}}).status, 404);
        QCOMPARE(reserve("agent1", "XX", {{"count", 1}}).status, 404);
        QCOMPARE(fieldCodes(reserve("agent1", "SZ-V01", {{"count", 0}})), QStringList{"count:invalid"});
        QCOMPARE(fieldCodes(reserve("agent1", "SZ-V01", {{"count", 501}})), QStringList{"count:invalid"});
        QCOMPARE(fieldCodes(reserve("agent1", "SZ-V01", {{"count", 1.5}})), QStringList{"count:invalid"});
        QCOMPARE(as("agent1").post(api("/centers/SZ-V01/number-blocks"), toJson({{"count", 1}})).status, 428);
        QCOMPARE(reserve("clerk1", "SZ", {{"count", 1}}).status, 201); // the hall reserves its own
    }

    // An intake that is not offline is numbered past the block.
    void otherIntakesNeverGetThem()
    {
        const ApiReply r = intake(QString());
        QCOMPARE(r.status, 201);
        QVERIFY(!m_block.contains(r.object().value("number").toString()));
    }

    // A case with a reserved number is accepted under it once: a retry is the same case, another
    // intake with the number is refused, as is a number never reserved or of another centre.
    void acceptedUnderItsNumberOnce()
    {
        const QByteArray key = newKey();
        const ApiReply r = intake(m_block[0], key);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value("number").toString(), m_block[0]);
        const QString id = r.object().value("id").toString();
        const ApiReply retry = intake(m_block[0], key);
        QCOMPARE(retry.status, 201);
        QCOMPARE(retry.object().value("id").toString(), id);
        QCOMPARE(fieldCodes(intake(m_block[0])), QStringList{"number:number_used"});
        QCOMPARE(fieldCodes(intake("SZ-V01-20261127-09999")), QStringList{"number:number_not_reserved"});
        QCOMPARE(fieldCodes(intake("SZ-20261127-00001")), QStringList{"number:number_not_reserved"});
        QCOMPARE(fieldCodes(intake("not a number")), QStringList{"number:number_not_reserved"});
        // Exactly one case under the number.
        const QJsonArray found = as("agent1").get(api("/cases?number=") + m_block[0]).object().value("items").toArray();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].toObject().value("id").toString(), id);
        // The next number of the block is still free.
        QCOMPARE(intake(m_block[1]).object().value("number").toString(), m_block[1]);
    }

    // An intake taken in offline counts from when it was taken in: the dates on the papers
    // printed in the village are the case's. Only recently, never later than now, and only an
    // intake under a reserved number.
    void takenInEarlierCountsFromThen()
    {
        const QString takenAt = QStringLiteral("2026-11-25T10:15:00+08:00"); // Wednesday morning
        const ApiReply r = intake(m_block[2], newKey(), takenAt);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value("acceptedAt").toString(), takenAt);
        // HF-001 promises one working day: Thursday, not Monday as from today (Friday).
        QCOMPARE(r.object().value("promisedDueDate").toString(), QStringLiteral("2026-11-26"));
        QCOMPARE(fieldCodes(intake(QString(), newKey(), takenAt)), QStringList{"takenAt:invalid"});
        QCOMPARE(fieldCodes(intake(m_block[3], newKey(), "2026-11-25")), QStringList{"takenAt:invalid"});
        QCOMPARE(fieldCodes(intake(m_block[3], newKey(), "2026-11-28T09:00:00+08:00")),
                 QStringList{"takenAt:taken_at_out_of_range"});
        QCOMPARE(fieldCodes(intake(m_block[3], newKey(), "2026-10-20T09:00:00+08:00")),
                 QStringList{"takenAt:taken_at_out_of_range"});
        // Refused, the number is still free.
        QCOMPARE(intake(m_block[3]).object().value("number").toString(), m_block[3]);
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_NumberBlocks)
#include "tst_numberblocks.moc"
