// The server's transactions on a real database (SQLite, or the PostgreSQL that test.sh starts):
// what each mode holds and what it sees.
#include "db/database.h"
#include "serverprocess.h"

#include <QTemporaryDir>
#include <QtTest>

using onewindow::server::Database;
using onewindow::server::DatabaseBusy;
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

    // A read transaction on SQLite keeps its snapshot; PostgreSQL reads committed data.
    void readTransactionsOnSQLiteKeepTheirSnapshot()
    {
        if (m_testDb.kind() != TestDatabase::Kind::SQLite)
            QSKIP("PostgreSQL transactions are READ COMMITTED: each statement sees the latest commit");
        Database db(m_testDb.url().toStdString(), 2);
        Transaction reader(db, Transaction::Mode::Read);
        QCOMPARE(count(reader), 0);
        insertCommitted(db, "c");
        QCOMPARE(count(reader), 0);
    }
};

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"
