// The server's transactions on a real database (SQLite, or the PostgreSQL that test.sh starts):
// what each mode holds and what it sees.
#include "db/database.h"
#include "serverprocess.h"

#include <QFileInfo>
#include <QProcess>
#include <thread>
#include <vector>
#include <QTemporaryDir>
#include <QtTest>

using onewindow::server::Database;
using onewindow::server::DatabaseBusy;
using onewindow::server::DbValue;
using onewindow::server::Transaction;

class tst_Database : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestDatabase m_testDb;
    std::unique_ptr<Database> m_db;

    std::int64_t count(Transaction &tx) { return tx.queryOne("SELECT COUNT(*) AS n FROM items")->integer("n"); }

    static void insertCommitted(Database &db, const std::string &name)
    {
        Transaction tx(db, Transaction::Mode::Write);
        tx.execute("INSERT INTO items (name) VALUES (?)", {name});
        tx.commit();
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_testDb = TestDatabase::create(TestDatabase::kindFromEnvironment(), m_dir.path(), &error);
        QVERIFY2(!m_testDb.url().isEmpty(), qPrintable(error));
        // One connection: a transaction that held one without need would block the next.
        m_db = std::make_unique<Database>(m_testDb.url().toStdString(), 1);
        Transaction tx(*m_db, Transaction::Mode::Write);
        tx.execute("CREATE TABLE items (name TEXT NOT NULL)");
        tx.commit();
    }

    void init()
    {
        Transaction tx(*m_db, Transaction::Mode::Write);
        tx.execute("DELETE FROM items");
        tx.commit();
    }

    // A transaction takes its connection (and a SQLite writer its lock) at its first statement:
    // one answered from caches holds nothing.
    void nothingTakenBeforeTheFirstStatement()
    {
        Transaction idleWriter(*m_db, Transaction::Mode::Write);
        Transaction idleReader(*m_db, Transaction::Mode::Read);
        // With the only connection taken, this would wait and throw DatabaseBusy.
        insertCommitted(*m_db, "a");
        Transaction reader(*m_db, Transaction::Mode::Read);
        QCOMPARE(count(reader), 1);
        idleWriter.commit(); // nothing to commit
        QVERIFY_THROWS_EXCEPTION(std::logic_error, idleWriter.execute("DELETE FROM items"));
    }

    void writesNotCommittedAreRolledBack()
    {
        {
            Transaction tx(*m_db, Transaction::Mode::Write);
            tx.execute("INSERT INTO items (name) VALUES (?)", {std::string("lost")});
            QCOMPARE(count(tx), 1);
        }
        Transaction reader(*m_db, Transaction::Mode::Read);
        QCOMPARE(count(reader), 0);
    }

    // Lookups see each commit as it happens: no transaction spans them.
    void lookupsSeeTheLatestCommit()
    {
        Database db(m_testDb.url().toStdString(), 2);
        Transaction lookups(db, Transaction::Mode::Lookups);
        QCOMPARE(count(lookups), 0);
        insertCommitted(db, "b");
        QCOMPARE(count(lookups), 1);
        lookups.commit(); // nothing to end
    }

    // The same statement again and again (SQLite keeps it compiled per connection): values of
    // any type, NULL where text was before, a failure in the middle, bytes as they were.
    void statementsRunAgainWithOtherValues()
    {
        {
            Transaction tx(*m_db, Transaction::Mode::Write);
            tx.execute("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT UNIQUE, size REAL, content BYTEA)");
            tx.commit();
        }
        const std::string insert = "INSERT INTO things (id, name, size, content) VALUES (?, ?, ?, ?)";
        const std::string bytes("\x00\x01\xff%PDF", 7);
        const auto insertAlone = [&](const std::vector<DbValue> &values) {
            Transaction tx(*m_db, Transaction::Mode::Write);
            const std::size_t n = tx.execute(insert, values);
            tx.commit();
            return n;
        };
        QCOMPARE(insertAlone({std::int64_t{1}, std::string("one"), 1.5, onewindow::server::DbBlob{bytes}}),
                 std::size_t{1});
        QCOMPARE(insertAlone({std::int64_t{2}, DbValue{}, DbValue{}, DbValue{}}), std::size_t{1});
        // A failure (the transaction is lost, on PostgreSQL as a whole), then the same statement again.
        QVERIFY_THROWS_EXCEPTION(onewindow::server::UniqueViolation,
                                 insertAlone({std::int64_t{3}, std::string("one"), 2.0, DbValue{}}));
        QVERIFY_THROWS_EXCEPTION(std::exception, insertAlone({std::int64_t{4}}));
        QCOMPARE(insertAlone({std::int64_t{3}, std::string("three"), 3.0, DbValue{}}), std::size_t{1});

        Transaction tx(*m_db, Transaction::Mode::Write);
        const std::string select = "SELECT * FROM things WHERE id = ?";
        const auto one = tx.queryOne(select, {std::int64_t{1}});
        QVERIFY(one);
        QCOMPARE(one->text("name"), std::string("one"));
        QCOMPARE(one->real("size"), 1.5);
        QCOMPARE(one->text("content"), bytes);
        const auto two = tx.queryOne(select, {std::int64_t{2}});
        QVERIFY(two && two->isNull("name") && two->isNull("size") && two->isNull("content"));
        QVERIFY(!tx.queryOne(select, {std::int64_t{9}}));
        QCOMPARE(tx.query("SELECT id FROM things ORDER BY id").size(), std::size_t{3});
        QCOMPARE(tx.execute("UPDATE things SET size = size + 1"), std::size_t{3});
        tx.execute("DROP TABLE things");
        tx.commit();
    }

    // A read transaction keeps its snapshot on both databases (PostgreSQL: REPEATABLE READ), and
    // on PostgreSQL writes nothing (READ ONLY).
    void readTransactionsKeepTheirSnapshot()
    {
        Database db(m_testDb.url().toStdString(), 2);
        Transaction reader(db, Transaction::Mode::Read);
        QCOMPARE(count(reader), 0);
        insertCommitted(db, "c");
        QCOMPARE(count(reader), 0);
        reader.commit();
        if (m_testDb.kind() != TestDatabase::Kind::PostgreSQL)
            return;
        Transaction readOnly(db, Transaction::Mode::Read);
        QVERIFY_THROWS_EXCEPTION(std::exception, readOnly.execute("INSERT INTO items (name) VALUES ('no')"));
    }

    // A durable write commits with synchronous = FULL on SQLite; the connection goes back to
    // the pool with NORMAL, as every other write runs (PostgreSQL commits durably always).
    void durableWritesSyncTheirCommit()
    {
        const auto level = [](Transaction &tx) { return tx.queryOne("PRAGMA synchronous")->integer("synchronous"); };
        if (m_testDb.kind() != TestDatabase::Kind::SQLite) {
            {
                Transaction tx(*m_db, Transaction::Mode::Write);
                tx.makeDurable();
                tx.execute("INSERT INTO items (name) VALUES ('durable')");
                tx.commit();
            }
            Transaction reader(*m_db, Transaction::Mode::Read);
            QCOMPARE(count(reader), 1);
            return;
        }
        {
            Transaction tx(*m_db, Transaction::Mode::Write);
            tx.makeDurable();
            tx.execute("INSERT INTO items (name) VALUES ('durable')");
            QCOMPARE(level(tx), std::int64_t{2}); // FULL
            tx.commit();
        }
        {
            Transaction tx(*m_db, Transaction::Mode::Write);
            QCOMPARE(level(tx), std::int64_t{1}); // NORMAL
        }
        {
            // Rolled back, the level is restored too.
            Transaction tx(*m_db, Transaction::Mode::Write);
            tx.makeDurable();
            QCOMPARE(level(tx), std::int64_t{2});
        }
        Transaction tx(*m_db, Transaction::Mode::Write);
        QCOMPARE(level(tx), std::int64_t{1});
        QCOMPARE(count(tx), 1);
    }

    // A postgresql:// URL takes the transport and credential settings in its query; a server on
    // another machine is verified unless told otherwise; anything else in the query is refused.
    void postgresUrlOptions()
    {
        const auto conn = [](const char *url) { return QString::fromStdString(Database::postgresConnectionString(url)); };
        QVERIFY(conn("postgresql://ow@db.hall.example:5432/ow").contains("sslmode='verify-full'"));
        QVERIFY(!conn("postgresql://ow@127.0.0.1:5432/ow").contains("sslmode"));
        QVERIFY(conn("postgresql://ow@db.hall.example/ow?sslmode=disable").contains("sslmode='disable'"));
        const QString full = conn("postgresql://ow@db.hall.example/ow?sslmode=verify-ca&sslrootcert=/etc/onewindow/ca.pem"
                                  "&passfile=/etc/onewindow/pgpass");
        QVERIFY(full.contains("sslrootcert='/etc/onewindow/ca.pem'"));
        QVERIFY(full.contains("passfile='/etc/onewindow/pgpass'"));
        QVERIFY(!full.contains("password="));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Database::postgresConnectionString("postgresql://ow@h/ow?sslmode=yes"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Database::postgresConnectionString("postgresql://ow@h/ow?options=-c"));
    }

    // Over TLS to the tests' PostgreSQL (its certificate made by test-services.sh): verified
    // against the right certificate, refused against another, plain when asked.
    void postgresOverTls()
    {
        if (m_testDb.kind() != TestDatabase::Kind::PostgreSQL)
            return;
        const QString ca = qEnvironmentVariable("ONEWINDOW_TEST_PG_CA");
        QVERIFY2(!ca.isEmpty(), "ONEWINDOW_TEST_PG_CA is not set: start PostgreSQL with scripts/test-services.sh");
        const auto sslInUse = [](const QString &url) {
            Database db(url.toStdString(), 1);
            Transaction tx(db, Transaction::Mode::Read);
            return tx.queryOne("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")->boolean("ssl");
        };
        const QString url = m_testDb.url();
        QVERIFY(sslInUse(url + "?sslmode=verify-full&sslrootcert=" + ca));
        QVERIFY(!sslInUse(url + "?sslmode=disable"));
        // Another certificate as the root: the server's is not trusted, no connection is made.
        QTemporaryDir dir;
        const QString other = dir.filePath("other.pem");
        QProcess openssl;
        openssl.start("openssl", {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=other",
                                  "-keyout", dir.filePath("other.key"), "-out", other});
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);
        bool refused = false;
        try {
            sslInUse(url + "?sslmode=verify-full&sslrootcert=" + other);
        } catch (const onewindow::server::DatabaseUnavailable &e) {
            refused = true;
            QVERIFY2(QString::fromUtf8(e.what()).contains("certificate"), e.what());
        }
        QVERIFY(refused);
    }

    // The SQLite write lock goes to writers in the order they came, one at a time.
    void fifoMutexServesWaitersInTurn()
    {
        onewindow::server::FifoMutex mutex;
        mutex.lock();
        std::vector<int> order;
        std::vector<std::thread> threads;
        for (int i = 0; i < 8; ++i) {
            threads.emplace_back([&mutex, &order, i] {
                mutex.lock();
                order.push_back(i);
                mutex.unlock();
            });
            QTRY_COMPARE(mutex.waiting(), std::size_t(i + 1));
        }
        mutex.unlock();
        for (auto &t : threads)
            t.join();
        QCOMPARE(order, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7}));
        QCOMPARE(mutex.waiting(), std::size_t(0));
    }

    void fifoMutexExcludes()
    {
        onewindow::server::FifoMutex mutex;
        long counter = 0;
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < 5000; ++i) {
                    std::lock_guard lock(mutex);
                    const long seen = counter;
                    counter = seen + 1;
                }
            });
        }
        for (auto &t : threads)
            t.join();
        QCOMPARE(counter, 8L * 5000);
    }

    // SQLite's write-ahead log is copied back into the database file by a thread of its own
    // once it holds 1000 pages, not by the request whose commit crossed that line.
    void sqliteCheckpointsRunBesideTheWriters()
    {
        if (m_testDb.kind() != TestDatabase::Kind::SQLite)
            QSKIP("PostgreSQL has no write-ahead log of ours to checkpoint");
        const QString path = m_testDb.url().mid(int(std::strlen("sqlite:")));
        Database db(m_testDb.url().toStdString(), 2);
        {
            Transaction tx(db, Transaction::Mode::Write);
            tx.execute("CREATE TABLE pages (data BLOB NOT NULL)");
            tx.commit();
        }
        const std::uint64_t before = db.sqliteCheckpointsRun();
        const qint64 fileBefore = QFileInfo(path).size();
        // About 1300 pages of 4 KiB in 260 commits.
        const std::string block(20 * 1024, 'x');
        for (int i = 0; i < 260; ++i) {
            Transaction tx(db, Transaction::Mode::Write);
            tx.execute("INSERT INTO pages (data) VALUES (?)", {onewindow::server::DbBlob{block}});
            tx.commit();
        }
        QTRY_VERIFY_WITH_TIMEOUT(db.sqliteCheckpointsRun() > before, 10000);
        // What the log held is in the database file now.
        QTRY_VERIFY2_WITH_TIMEOUT(QFileInfo(path).size() > fileBefore + 2 * 1024 * 1024,
                                  qPrintable(QStringLiteral("the database file grew from %1 to %2 bytes")
                                                 .arg(fileBefore)
                                                 .arg(QFileInfo(path).size())),
                                  10000);
        {
            Transaction reader(db, Transaction::Mode::Read);
            QCOMPARE(reader.queryOne("SELECT COUNT(*) AS n FROM pages")->integer("n"), 260);
        }
        Transaction tx(db, Transaction::Mode::Write);
        tx.execute("DROP TABLE pages");
        tx.commit();
    }
};

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"
