// The server killed with SIGKILL while 64 counters take cases in at once. Each counter sends its
// intakes one after another, each with its own Idempotency-Key, and sends an intake again (same
// key, same body) until it gets an answer. The server is killed at random moments, several times,
// and started again on the same database. At the end every intake was acknowledged, the server
// holds exactly one case per intake under the number it acknowledged, every case reads back
// whole, no number is used twice and the audit chain verifies.
//
// On PostgreSQL two instances share the database, as behind a load balancer: counters are spread
// over both, the one killed is chosen at random, and a session begun on one is used on the other.
//
// ONEWINDOW_KILL_CASES (default 320) intakes, ONEWINDOW_KILL_KILLS (default 4) kills; every random
// choice comes from one seed, printed first, ONEWINDOW_KILL_SEED to choose it. The last line
// printed sums the run up; scripts/reliability.sh runs the long form.
#include "serverprocess.h"
#include "sampleintake.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <vector>

namespace {

constexpr int kCounters = 64;

int setting(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

/// The figures of one run.
struct Tally
{
    int requests = 0;       ///< POST /cases sent
    int unanswered = 0;     ///< of which no HTTP answer came (connection refused, reset, cut)
    int unavailable = 0;    ///< of which 503 came (the database not reachable yet)
    int acknowledged = 0;   ///< intakes answered 201
    int replayed = 0;       ///< of which replayed: a try before had been committed, its answer lost
};

/// The servers under test: one, or two on one PostgreSQL database.
class Servers
{
public:
    Servers(QString databaseUrl, int count) : m_url(std::move(databaseUrl)), m_servers(static_cast<std::size_t>(count)) {}

    bool startAll(QString *error)
    {
        for (std::size_t i = 0; i < m_servers.size(); ++i) {
            if (!start(i, error))
                return false;
        }
        return true;
    }
    /// With --demo on every start: the demo users keep their published password.
    bool start(std::size_t index, QString *error)
    {
        m_servers[index] = std::make_unique<ServerProcess>();
        return m_servers[index]->start({QStringLiteral("--database"), m_url, QStringLiteral("--demo"),
                                        QStringLiteral("--today"), QStringLiteral("2026-11-27")}, error);
    }
    void kill(std::size_t index) { m_servers[index]->kill(); }
    std::size_t size() const { return m_servers.size(); }
    QString baseUrl(std::size_t index) const { return m_servers[index]->baseUrl(); }
    ServerProcess &server(std::size_t index) { return *m_servers[index]; }

private:
    QString m_url;
    std::vector<std::unique_ptr<ServerProcess>> m_servers;
};

/// One counter: sends its intakes one after another and each until it is answered.
class Counter
{
public:
    Counter(int index, QList<int> intakes) : m_index(index), m_intakes(std::move(intakes)) {}

    int index() const { return m_index; }
    bool done() const { return m_next >= m_intakes.size(); }
    bool busy() const { return m_busy; }
    int current() const { return m_intakes.value(m_next, -1); }
    int attempts() const { return m_attempts; }
    void setBusy(bool busy) { m_busy = busy; }
    void answered()
    {
        ++m_next;
        m_attempts = 0;
    }
    void tried() { ++m_attempts; }
    QNetworkAccessManager &network() { return m_network; }

private:
    int m_index;
    QList<int> m_intakes;
    qsizetype m_next = 0;
    int m_attempts = 0;
    bool m_busy = false;
    QNetworkAccessManager m_network;
};

} // namespace

class tst_ServerKill : public QObject
{
    Q_OBJECT

private slots:
    void killedWhileTakingCasesIn()
    {
        const TestDatabase::Kind kind = TestDatabase::kindFromEnvironment();
        const int cases = setting("ONEWINDOW_KILL_CASES", 320);
        const int kills = setting("ONEWINDOW_KILL_KILLS", 4);
        const quint32 seed = static_cast<quint32>(setting("ONEWINDOW_KILL_SEED", static_cast<int>(QRandomGenerator::global()->bounded(1, 1 << 30))));
        QRandomGenerator random(seed);
        qInfo("seed %u: %d intakes from %d counters, %d kills, on %s", seed, cases, kCounters, kills,
              kind == TestDatabase::Kind::SQLite ? "SQLite" : "PostgreSQL with two instances");

        QTemporaryDir dir;
        QString error;
        const TestDatabase db = TestDatabase::create(kind, dir.path(), &error);
        QVERIFY2(!db.url().isEmpty(), qPrintable(error));
        Servers servers(db.url(), kind == TestDatabase::Kind::SQLite ? 1 : 2);
        QVERIFY2(servers.startAll(&error), qPrintable(error));

        // clerk1 and clerk2 at SZ; a session begun on the first instance serves on every one.
        QStringList tokens;
        for (const QString &user : {QStringLiteral("clerk1"), QStringLiteral("clerk2")}) {
            HttpClient client(servers.baseUrl(0));
            QCOMPARE(client.signIn(user).status, 201);
            tokens << client.token();
        }
        HttpClient sampler(servers.baseUrl(0));
        sampler.setToken(tokens[0]);
        const QJsonObject applicant = samplePerson(QStringLiteral("张三"), QStringLiteral("11010519491231002X"));
        const QByteArray body = toJson(sampleIntake(sampler, QStringLiteral("HF-001"), QStringLiteral("SZ"), applicant));
        if (servers.size() > 1) {
            HttpClient other(servers.baseUrl(1));
            other.setToken(tokens[1]);
            QCOMPARE(other.get(QStringLiteral("/api/v1/me")).status, 200);
        }

        // Intake i belongs to counter i % 64, signed in as clerk1 or clerk2 by the counter's parity.
        std::vector<std::unique_ptr<Counter>> counters;
        for (int c = 0; c < kCounters; ++c) {
            QList<int> mine;
            for (int i = c; i < cases; i += kCounters)
                mine << i;
            counters.push_back(std::make_unique<Counter>(c, mine));
        }
        const QString runKey = QStringLiteral("kill-%1-").arg(seed);
        QHash<int, QString> numberOf; // intake → number acknowledged
        QHash<int, QString> idOf;
        Tally tally;
        bool failed = false;
        QString failure;

        std::function<void(Counter &)> send;
        send = [&](Counter &counter) {
            if (counter.done() || failed)
                return;
            // Counters are spread over the instances (a restart happens while no reply is handled).
            const std::size_t instance = static_cast<std::size_t>(counter.index()) % servers.size();
            const int intake = counter.current();
            QNetworkRequest request(QUrl(servers.baseUrl(instance) + QStringLiteral("/api/v1/cases")));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            request.setRawHeader("Authorization", "Bearer " + tokens[counter.index() % 2].toUtf8());
            request.setRawHeader("Idempotency-Key", (runKey + QString::number(intake)).toUtf8());
            request.setTransferTimeout(60000);
            counter.setBusy(true);
            counter.tried();
            ++tally.requests;
            QNetworkReply *reply = counter.network().post(request, body);
            QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, intake] {
                reply->deleteLater();
                counter.setBusy(false);
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                const QByteArray answer = reply->readAll();
                if (status == 201) {
                    const QJsonObject object = QJsonDocument::fromJson(answer).object();
                    ++tally.acknowledged;
                    if (reply->rawHeader("Idempotent-Replayed") == "true")
                        ++tally.replayed;
                    numberOf.insert(intake, object.value(QStringLiteral("number")).toString());
                    idOf.insert(intake, object.value(QStringLiteral("id")).toString());
                    counter.answered();
                    send(counter);
                    return;
                }
                if (status == 0 || status == 503) {
                    ++(status == 0 ? tally.unanswered : tally.unavailable);
                    if (counter.attempts() > 200) {
                        failed = true;
                        failure = QStringLiteral("intake %1 still unanswered after 200 tries").arg(intake);
                        return;
                    }
                    QTimer::singleShot(50 + static_cast<int>(QRandomGenerator::global()->bounded(100)),
                                       &counter.network(), [&send, &counter] { send(counter); });
                    return;
                }
                failed = true;
                failure = QStringLiteral("intake %1 answered %2: %3").arg(intake).arg(status).arg(QString::fromUtf8(answer));
            });
        };
        for (auto &counter : counters)
            send(*counter);

        // The kills: each after a random part of the run, the killed instance started again.
        const int perKill = std::max(1, cases / (kills + 1));
        int killsDone = 0;
        while (killsDone < kills && !failed) {
            const int target = (killsDone + 1) * perKill - perKill / 2 + static_cast<int>(random.bounded(perKill));
            QVERIFY2(QTest::qWaitFor([&] { return failed || tally.acknowledged >= std::min(target, cases); }, 600000),
                     "the intakes stopped moving");
            if (failed || tally.acknowledged >= cases)
                break;
            // A random moment within the next few intakes' time, so the kill lands anywhere.
            QTest::qWait(static_cast<int>(random.bounded(40)));
            const std::size_t victim = random.bounded(static_cast<quint32>(servers.size()));
            servers.kill(victim);
            ++killsDone;
            qInfo("kill %d of instance %zu after %d acknowledged intakes", killsDone, victim, tally.acknowledged);
            QVERIFY2(servers.start(victim, &error), qPrintable(error));
        }
        QVERIFY2(QTest::qWaitFor([&] { return failed || tally.acknowledged >= cases; }, 600000),
                 "not every intake was acknowledged");
        QVERIFY2(!failed, qPrintable(failure));
        QVERIFY(QTest::qWaitFor([&] {
            return std::none_of(counters.begin(), counters.end(), [](const auto &c) { return c->busy(); });
        }, 60000));

        // What the server holds: every case once, under the number it acknowledged.
        HttpClient reader(servers.baseUrl(0));
        reader.setToken(tokens[0]);
        QHash<QString, QString> numberById;
        QString cursor;
        do {
            const ApiReply page = reader.get(QStringLiteral("/api/v1/cases?limit=200")
                                             + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor));
            QCOMPARE(page.status, 200);
            for (const QJsonValue item : page.object().value(QStringLiteral("items")).toArray()) {
                const QJsonObject c = item.toObject();
                QVERIFY2(!numberById.contains(c.value(QStringLiteral("id")).toString()), "a case listed twice");
                numberById.insert(c.value(QStringLiteral("id")).toString(), c.value(QStringLiteral("number")).toString());
            }
            cursor = page.object().value(QStringLiteral("nextCursor")).toString();
        } while (!cursor.isEmpty());
        const QList<QString> numbers = numberById.values();
        const QSet<QString> distinctNumbers(numbers.begin(), numbers.end());
        const int duplicated = static_cast<int>(numbers.size() - distinctNumbers.size());
        int lost = 0;
        for (int i = 0; i < cases; ++i) {
            if (numberById.value(idOf.value(i)) != numberOf.value(i) || numberOf.value(i).isEmpty())
                ++lost;
        }
        const QList<QString> acknowledgedIds = idOf.values();
        const int extra = static_cast<int>(numberById.size()) - static_cast<int>(QSet<QString>(acknowledgedIds.begin(), acknowledgedIds.end()).size());
        qInfo("killnine: %s, %d kills, %d requests (%d unanswered, %d answered 503), %d intakes acknowledged "
              "(%d of them replayed: committed before, answer lost), %lld cases held, %d lost, %d duplicated, %d extra",
              kind == TestDatabase::Kind::SQLite ? "SQLite" : "PostgreSQL 2 instances", killsDone, tally.requests,
              tally.unanswered, tally.unavailable, tally.acknowledged, tally.replayed,
              static_cast<long long>(numberById.size()), lost, duplicated, extra);
        QCOMPARE(killsDone, kills);
        QCOMPARE(lost, 0);
        QCOMPARE(duplicated, 0);
        QCOMPARE(extra, 0);
        QCOMPARE(numberById.size(), qsizetype(cases));

        // None half-written: a sample of the cases reads back whole, and the audit chain verifies.
        const QList<QString> ids = numberById.keys();
        for (int i = 0; i < std::min<int>(cases, 40); ++i) {
            const QString id = ids[static_cast<qsizetype>(random.bounded(static_cast<quint32>(ids.size())))];
            const ApiReply c = reader.get(QStringLiteral("/api/v1/cases/") + id);
            QCOMPARE(c.status, 200);
            QCOMPARE(c.object().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
            QVERIFY(!c.object().value(QStringLiteral("materials")).toArray().isEmpty());
            const ApiReply trail = reader.get(QStringLiteral("/api/v1/cases/") + id + QStringLiteral("/audit"));
            QCOMPARE(trail.status, 200);
            QVERIFY(!trail.object().value(QStringLiteral("items")).toArray().isEmpty());
        }
        HttpClient auditor(servers.baseUrl(0));
        QCOMPARE(auditor.signIn(QStringLiteral("auditor")).status, 201);
        const ApiReply verify = auditor.get(QStringLiteral("/api/v1/audit/verify"));
        QCOMPARE(verify.status, 200);
        QVERIFY2(verify.object().value(QStringLiteral("valid")).toBool(), verify.body.constData());
        if (servers.size() > 1) {
            // Sessions are shared: one begun on an instance killed and restarted serves on the
            // other, and a sign-out on one ends it on the other (its cache holds it 2 s at most).
            HttpClient first(servers.baseUrl(0));
            QCOMPARE(first.signIn(QStringLiteral("clerk1")).status, 201);
            HttpClient second(servers.baseUrl(1));
            second.setToken(first.token());
            QCOMPARE(second.get(QStringLiteral("/api/v1/me")).status, 200);
            QCOMPARE(first.del(QStringLiteral("/api/v1/sessions/current")).status, 204);
            QVERIFY(QTest::qWaitFor([&second] { return second.get(QStringLiteral("/api/v1/me")).status == 401; }, 10000));
        }
        if (kind == TestDatabase::Kind::SQLite) {
            for (std::size_t i = 0; i < servers.size(); ++i)
                QCOMPARE(servers.server(i).stop(), 0);
            QSqlDatabase file = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            file.setDatabaseName(db.url().mid(7));
            QVERIFY(file.open());
            QSqlQuery query(file);
            QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
        }
    }
};

QTEST_GUILESS_MAIN(tst_ServerKill)
#include "tst_serverkill.moc"
