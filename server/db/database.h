#pragma once

#include "db/fifomutex.h"

#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <semaphore>
#include <optional>
#include <functional>
#include <set>
#include <string>
#include <variant>
#include <vector>

struct sqlite3;

namespace onewindow::server {

class SqliteStatements;
class SqliteCheckpointer;
class Transaction;

/// Bytes bound as a BLOB (SQLite) or BYTEA (PostgreSQL). Read back, such a column is a string.
struct DbBlob
{
    std::string bytes;
};

/// A value bound to a statement or read from a row. Dates and times are text (ISO 8601).
using DbValue = std::variant<std::monostate, std::int64_t, double, std::string, DbBlob>;

/// One row of a result, by column name.
class DbRow
{
public:
    DbRow(std::shared_ptr<const std::vector<std::string>> columns, std::vector<DbValue> values);

    bool isNull(const std::string &column) const;
    std::string text(const std::string &column) const;        ///< empty for NULL
    std::optional<std::string> optText(const std::string &column) const;
    std::int64_t integer(const std::string &column) const;    ///< 0 for NULL
    double real(const std::string &column) const;
    bool boolean(const std::string &column) const { return integer(column) != 0; }

private:
    const DbValue &at(const std::string &column) const;
    std::shared_ptr<const std::vector<std::string>> m_columns;
    std::vector<DbValue> m_values;
};

using DbRows = std::vector<DbRow>;

/// The database behind the server: SQLite (embedded, one process) or PostgreSQL (several
/// instances). SQL is written once with `?` placeholders; PostgreSQL gets `$n`.
class Database
{
public:
    enum class Dialect { SQLite, PostgreSQL };

    /// `sqlite:PATH` or `postgresql://user:password@host:port/db`. Throws on a bad URL.
    /// At most `poolSize` connections are open; more requests than that wait their turn.
    explicit Database(const std::string &url, std::size_t poolSize = 16);
    ~Database();

    Dialect dialect() const { return m_dialect; }
    const char *dialectName() const { return m_dialect == Dialect::SQLite ? "sqlite" : "postgresql"; }
    std::size_t poolSize() const { return m_poolSize; }

    /// A pooled connection; waits up to `wait` for one to be free, else throws DatabaseBusy.
    /// Only Transaction calls it, holding a slot.
    Poco::Data::Session session();
    /// SQLite allows one writer: write transactions of this process take this lock.
    FifoMutex &writeLock() { return m_writeLock; }

    /// Admission: one slot per connection in use.
    bool acquireSlot(std::chrono::milliseconds wait) { return m_slots.try_acquire_for(wait); }
    void releaseSlot() { m_slots.release(); }

    /// `?` placeholders rewritten for the dialect (outside quoted literals).
    std::string translate(const std::string &sql) const;

    /// The PostgreSQL connection string (key=value) for a postgresql:// URL; exposed for tests.
    static std::string postgresConnectionString(const std::string &url);

    /// SQLite: the statements compiled on each connection, kept for the next time.
    SqliteStatements &sqliteStatements() { return *m_sqliteStatements; }

    /// SQLite: how many checkpoints the background checkpointer has run (for tests).
    std::uint64_t sqliteCheckpointsRun() const;

    /// Called by a write transaction's commit(), before it commits and inside it, with the cases
    /// it marked changed (Transaction::caseChanged), each once, in order: what is kept of every
    /// case beside its rows (the figures' counters) follows them in the same commit. Set once, at
    /// start, before any transaction runs.
    using CaseObserver = std::function<void(Transaction &, const std::vector<std::string> &caseIds)>;
    void setCaseObserver(CaseObserver observer) { m_caseObserver = std::move(observer); }
    const CaseObserver &caseObserver() const { return m_caseObserver; }

private:
    Dialect m_dialect;
    // Before the pool: its connections point at it until they close.
    std::unique_ptr<SqliteCheckpointer> m_checkpointer;
    std::size_t m_poolSize;
    std::unique_ptr<Poco::Data::SessionPool> m_pool;
    // After the pool: finalized before its connections close.
    std::unique_ptr<SqliteStatements> m_sqliteStatements;
    FifoMutex m_writeLock;
    std::counting_semaphore<4096> m_slots;
    CaseObserver m_caseObserver;
};

/// Every connection is in use and stayed so for too long: the server is overloaded (503).
class DatabaseBusy : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// The database cannot be reached or written just now: the connection is lost, the server is
/// down, the disk is full or failing (503). Nothing of the transaction was committed.
class DatabaseUnavailable : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// The optional filters of a list: appends " AND `column` = ?" and binds `value`, unless `value`
/// is empty (not filtered).
void andIfGiven(std::string &sql, std::vector<DbValue> &params, const char *column, const std::string &value);
/// A LIKE pattern (with `ESCAPE '\\'`) matching any text that contains `text`.
std::string likePattern(const std::string &text);

/// A unit of work on one pooled connection. Writes happen inside `Transaction`s; a transaction
/// not committed is rolled back when it goes out of scope, so no request leaves half a change.
class Transaction
{
public:
    /// Read: one snapshot for every statement. Write: one atomic change (on SQLite, one writer at
    /// a time). Lookups: independent reads, each seeing the latest committed data, with no
    /// transaction around them (no BEGIN and ROLLBACK to pay): for checks whose answers need not
    /// agree with each other, such as an intake's against the catalog and the licences.
    enum class Mode { Read, Write, Lookups };
    /// Nothing is taken yet: the connection, and for a SQLite writer the write lock, are taken
    /// by the first statement, so a request answered from caches never touches the database.
    Transaction(Database &db, Mode mode);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    /// The commit of this write transaction is on disk when commit() returns, whatever the
    /// power does next: on SQLite it runs with `synchronous = FULL` (the others with NORMAL,
    /// which in WAL mode may lose the last commits on a power cut, never corrupt); PostgreSQL
    /// commits so always. For what the server acknowledges that nobody could redo (an
    /// accepted intake). Call before the first statement.
    void makeDurable() { m_durable = true; }

    DbRows query(const std::string &sql, const std::vector<DbValue> &params = {});
    std::optional<DbRow> queryOne(const std::string &sql, const std::vector<DbValue> &params = {});
    /// Returns the number of affected rows.
    std::size_t execute(const std::string &sql, const std::vector<DbValue> &params = {});
    /// Commits what was done (nothing, when no statement ran); first the database's case
    /// observer sees the cases marked changed.
    void commit();
    /// Marks a case as changed by this transaction (its state, deficiencies, ratings,
    /// follow-ups, parts): see Database::setCaseObserver.
    void caseChanged(const std::string &caseId) { m_changedCases.insert(caseId); }

    Database &database() { return m_db; }
    Database::Dialect dialect() const { return m_db.dialect(); }

private:
    void restoreSafetyLevel();
    void throwUnavailableIfLost(const Poco::Exception &e);
    // Order matters: a slot first, then (SQLite writers) the write lock, then a connection, so
    // that writers queued for the lock do not hold connections readers need.
    struct Slot
    {
        explicit Slot(Database &db);
        ~Slot();
        Database &db;
    };
    /// Begins on first use.
    Poco::Data::Session &session();
    /// SQLite: runs `sql` on this transaction's connection with a kept compiled statement.
    DbRows runSqlite(const std::string &sql, const std::vector<DbValue> &params, std::size_t *changes);

    Database &m_db;
    Mode m_mode;
    std::optional<Slot> m_slot;
    std::unique_lock<FifoMutex> m_lock;
    std::optional<Poco::Data::Session> m_session;
    sqlite3 *m_sqlite = nullptr; ///< the connection's handle, on SQLite
    bool m_open = false; ///< a transaction was begun and is not ended
    bool m_durable = false; ///< see makeDurable()
    bool m_done = false;
    std::set<std::string> m_changedCases;
};

/// Thrown when a unique constraint is violated (both dialects), so callers can tell a
/// concurrent duplicate from a real failure.
class UniqueViolation : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

} // namespace onewindow::server
