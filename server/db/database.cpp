#include "db/database.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/PostgreSQL/PostgreSQLException.h>
#include <Poco/Data/LOB.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Statement.h>
#include <Poco/URI.h>

#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <algorithm>
#include <thread>
#include <condition_variable>
#include <atomic>
#include <stdexcept>
#include <unordered_map>

using namespace Poco::Data::Keywords;

namespace onewindow::server {

namespace {

void registerConnectors()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // SQLite's allocation statistics take one process-wide mutex around every allocation:
        // with many request threads reading at once, that mutex was most of the server's lock
        // waits. Nothing here reads the statistics. Only possible before SQLite's first use.
        if (sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) != SQLITE_OK)
            spdlog::debug("SQLite was in use already; its allocation statistics stay on");
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::PostgreSQL::Connector::registerConnector();
    });
}

std::string quoteConnValue(const std::string &value)
{
    std::string out = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "'";
}

bool isUniqueViolation(const std::string &message)
{
    return message.find("UNIQUE constraint failed") != std::string::npos
           || message.find("duplicate key value") != std::string::npos
           || message.find("23505") != std::string::npos;
}

void bindAll(Poco::Data::Statement &statement, const std::vector<DbValue> &params)
{
    for (const DbValue &p : params) {
        std::visit(
            [&](const auto &v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::monostate>)
                    statement.addBind(bind(Poco::Data::NullData(Poco::NULL_GENERIC)));
                else if constexpr (std::is_same_v<T, std::int64_t>)
                    statement.addBind(bind(static_cast<Poco::Int64>(v)));
                else if constexpr (std::is_same_v<T, DbBlob>)
                    statement.addBind(bind(Poco::Data::BLOB(
                        reinterpret_cast<const unsigned char *>(v.bytes.data()), v.bytes.size())));
                else
                    statement.addBind(bind(v));
            },
            p);
    }
}

} // namespace

// SQLite copies the write-ahead log back into the database file now and then (a checkpoint,
// which syncs the file). Left to itself, it does so in the request that commits the 1000th page,
// under the write lock: every intake waits for the disk, about every 200 intakes. Here the
// commits only wake a thread of its own that checkpoints beside them (PASSIVE: it never waits
// for or blocks readers and writers); the log then starts again from its beginning.
class SqliteCheckpointer
{
public:
    explicit SqliteCheckpointer(std::string path) : m_path(std::move(path)), m_thread([this] { run(); }) {}
    SqliteCheckpointer(const SqliteCheckpointer &) = delete;
    SqliteCheckpointer &operator=(const SqliteCheckpointer &) = delete;
    ~SqliteCheckpointer()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_one();
        m_thread.join();
        if (m_connection)
            sqlite3_close_v2(m_connection);
    }

    /// Installed on every connection instead of SQLite's own automatic checkpoint.
    static int afterCommit(void *self, sqlite3 *, const char *, int pagesInLog)
    {
        if (pagesInLog >= kPagesBeforeCheckpoint)
            static_cast<SqliteCheckpointer *>(self)->request();
        return SQLITE_OK;
    }

    std::uint64_t checkpointsRun() const { return m_runs.load(); }

private:
    static constexpr int kPagesBeforeCheckpoint = 1000; // SQLite's own default

    void request()
    {
        {
            std::lock_guard lock(m_mutex);
            m_requested = true;
        }
        m_wake.notify_one();
    }

    void run()
    {
        std::unique_lock lock(m_mutex);
        while (true) {
            m_wake.wait(lock, [this] { return m_stop || m_requested; });
            if (m_stop)
                return;
            m_requested = false;
            lock.unlock();
            checkpoint();
            lock.lock();
        }
    }

    void checkpoint()
    {
        if (!m_connection && !open())
            return;
        int pagesInLog = 0, pagesCopied = 0;
        const int rc = sqlite3_wal_checkpoint_v2(m_connection, nullptr, SQLITE_CHECKPOINT_PASSIVE, &pagesInLog,
                                                 &pagesCopied);
        if (rc != SQLITE_OK && rc != SQLITE_BUSY)
            spdlog::warn("database checkpoint failed: {}", sqlite3_errmsg(m_connection));
        else
            spdlog::debug("database checkpoint: {} of {} pages copied", pagesCopied, pagesInLog);
        ++m_runs;
    }

    bool open()
    {
        if (sqlite3_open_v2(m_path.c_str(), &m_connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr)
            != SQLITE_OK) {
            spdlog::warn("database checkpoint: cannot open {}: {}", m_path,
                         m_connection ? sqlite3_errmsg(m_connection) : "out of memory");
            sqlite3_close_v2(m_connection);
            m_connection = nullptr;
            return false;
        }
        // A connection learns that the database is in WAL mode from its first read.
        sqlite3_exec(m_connection, "SELECT COUNT(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
        return true;
    }

    const std::string m_path;
    sqlite3 *m_connection = nullptr; // used by the thread only
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_requested = false;
    bool m_stop = false;
    std::atomic<std::uint64_t> m_runs{0};
    std::thread m_thread; // last: starts when everything above is ready
};

namespace {

// Sets up each new connection once, not at every checkout.
class ConfiguredPool : public Poco::Data::SessionPool
{
public:
    // SQLite connections stay open as long as the pool (at least as many kept as may be open):
    // the statements compiled on them are kept too (SqliteStatements).
    ConfiguredPool(const std::string &connector, const std::string &connection, int maxSessions,
                   SqliteCheckpointer *checkpointer)
        : Poco::Data::SessionPool(connector, connection, checkpointer ? maxSessions : 1, maxSessions, 120),
          m_checkpointer(checkpointer)
    {
    }

protected:
    void customizeSession(Poco::Data::Session &session) override
    {
        if (m_checkpointer) {
            session << "PRAGMA busy_timeout = 10000", now;
            session << "PRAGMA foreign_keys = ON", now;
            session << "PRAGMA synchronous = NORMAL", now;
            sqlite3_wal_hook(Poco::Data::SQLite::Utility::dbHandle(session), &SqliteCheckpointer::afterCommit,
                             m_checkpointer);
        }
    }

private:
    SqliteCheckpointer *m_checkpointer; // SQLite only
};

constexpr auto kConnectionWait = std::chrono::seconds(20);

} // namespace

// Poco Data compiles every statement again each time it runs; on SQLite that was half of a
// case read's time. Here each connection keeps what it compiled, by SQL text. A connection is
// used by one transaction at a time, so only the lookup of its own table takes the lock.
class SqliteStatements
{
public:
    SqliteStatements() = default;
    SqliteStatements(const SqliteStatements &) = delete;
    SqliteStatements &operator=(const SqliteStatements &) = delete;
    ~SqliteStatements()
    {
        for (auto &[connection, statements] : m_byConnection) {
            for (auto &[sql, statement] : statements)
                sqlite3_finalize(statement.handle);
        }
    }

    struct Statement
    {
        sqlite3_stmt *handle = nullptr;
        std::shared_ptr<const std::vector<std::string>> columns;
    };

    Statement &get(sqlite3 *connection, const std::string &sql)
    {
        std::unordered_map<std::string, Statement> *statements = nullptr;
        {
            std::lock_guard lock(m_mutex);
            statements = &m_byConnection[connection];
        }
        auto it = statements->find(sql);
        if (it != statements->end())
            return it->second;
        // The server's statements are few; a bound all the same, should SQL ever vary with data.
        if (statements->size() >= kMaxPerConnection) {
            for (auto &[text, statement] : *statements)
                sqlite3_finalize(statement.handle);
            statements->clear();
        }
        Statement compiled;
        const int rc = sqlite3_prepare_v3(connection, sql.c_str(), static_cast<int>(sql.size()) + 1,
                                          SQLITE_PREPARE_PERSISTENT, &compiled.handle, nullptr);
        if (rc != SQLITE_OK) {
            sqlite3_finalize(compiled.handle);
            throw std::runtime_error(std::string(sqlite3_errmsg(connection)) + " in: " + sql);
        }
        auto names = std::make_shared<std::vector<std::string>>();
        for (int c = 0; c < sqlite3_column_count(compiled.handle); ++c)
            names->emplace_back(sqlite3_column_name(compiled.handle, c));
        compiled.columns = std::move(names);
        return statements->emplace(sql, compiled).first->second;
    }

private:
    static constexpr std::size_t kMaxPerConnection = 256;
    std::mutex m_mutex;
    // Node-based: a connection's table stays where it is while others are added.
    std::unordered_map<sqlite3 *, std::unordered_map<std::string, Statement>> m_byConnection;
};

DbRow::DbRow(std::shared_ptr<const std::vector<std::string>> columns, std::vector<DbValue> values)
    : m_columns(std::move(columns)), m_values(std::move(values))
{
}

const DbValue &DbRow::at(const std::string &column) const
{
    for (std::size_t i = 0; i < m_columns->size(); ++i) {
        if ((*m_columns)[i] == column)
            return m_values[i];
    }
    throw std::logic_error("no column " + column);
}

bool DbRow::isNull(const std::string &column) const
{
    return std::holds_alternative<std::monostate>(at(column));
}

std::string DbRow::text(const std::string &column) const
{
    const DbValue &v = at(column);
    if (const auto *s = std::get_if<std::string>(&v))
        return *s;
    if (const auto *i = std::get_if<std::int64_t>(&v))
        return std::to_string(*i);
    if (const auto *d = std::get_if<double>(&v))
        return std::to_string(*d);
    return {};
}

std::optional<std::string> DbRow::optText(const std::string &column) const
{
    if (isNull(column))
        return std::nullopt;
    return text(column);
}

std::int64_t DbRow::integer(const std::string &column) const
{
    const DbValue &v = at(column);
    if (const auto *i = std::get_if<std::int64_t>(&v))
        return *i;
    if (const auto *d = std::get_if<double>(&v))
        return static_cast<std::int64_t>(*d);
    if (const auto *s = std::get_if<std::string>(&v)) {
        if (*s == "t" || *s == "true")
            return 1;
        if (*s == "f" || *s == "false" || s->empty())
            return 0;
        return std::stoll(*s);
    }
    return 0;
}

double DbRow::real(const std::string &column) const
{
    const DbValue &v = at(column);
    if (const auto *d = std::get_if<double>(&v))
        return *d;
    if (const auto *i = std::get_if<std::int64_t>(&v))
        return static_cast<double>(*i);
    if (const auto *s = std::get_if<std::string>(&v))
        return s->empty() ? 0.0 : std::stod(*s);
    return 0.0;
}

std::string Database::postgresConnectionString(const std::string &url)
{
    const Poco::URI uri(url);
    std::string user;
    std::string password;
    const std::string info = uri.getUserInfo();
    const auto colon = info.find(':');
    if (colon == std::string::npos) {
        user = info;
    } else {
        user = info.substr(0, colon);
        password = info.substr(colon + 1);
    }
    std::string db = uri.getPath();
    if (!db.empty() && db.front() == '/')
        db.erase(0, 1);
    std::string conn = "host=" + quoteConnValue(uri.getHost().empty() ? "127.0.0.1" : uri.getHost());
    conn += " port=" + std::to_string(uri.getPort() ? uri.getPort() : 5432);
    if (!user.empty())
        conn += " user=" + quoteConnValue(user);
    if (!password.empty())
        conn += " password=" + quoteConnValue(password);
    if (!db.empty())
        conn += " dbname=" + quoteConnValue(db);
    conn += " connect_timeout=10";
    return conn;
}

Database::Database(const std::string &url, std::size_t poolSize)
    : m_poolSize(std::max<std::size_t>(1, poolSize)), m_slots(static_cast<std::ptrdiff_t>(std::max<std::size_t>(1, poolSize)))
{
    registerConnectors();
    const int size = static_cast<int>(m_poolSize) + 1;
    if (url.rfind("sqlite:", 0) == 0) {
        m_dialect = Dialect::SQLite;
        const std::string path = url.substr(7);
        if (path.empty())
            throw std::invalid_argument("sqlite: needs a file path");
        m_checkpointer = std::make_unique<SqliteCheckpointer>(path);
        m_pool = std::make_unique<ConfiguredPool>("SQLite", path, size, m_checkpointer.get());
        m_sqliteStatements = std::make_unique<SqliteStatements>();
        // Write-ahead logging: readers never block the writer, and a commit is one sync.
        Poco::Data::Session session = m_pool->get();
        session << "PRAGMA journal_mode = WAL", now;
    } else if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
        m_dialect = Dialect::PostgreSQL;
        m_pool = std::make_unique<ConfiguredPool>("PostgreSQL", postgresConnectionString(url), size, nullptr);
    } else {
        throw std::invalid_argument("database URL must start with sqlite: or postgresql://");
    }
}

Database::~Database() = default;

void FifoMutex::lock()
{
    std::unique_lock lock(m_mutex);
    if (!m_held && m_waiting.empty()) {
        m_held = true;
        return;
    }
    Waiter me;
    m_waiting.push_back(&me);
    me.turn.wait(lock, [&me] { return me.handedOver; }); // handed over by unlock(), still held
}

void FifoMutex::unlock()
{
    std::lock_guard lock(m_mutex);
    if (m_waiting.empty()) {
        m_held = false;
        return;
    }
    Waiter *next = m_waiting.front();
    m_waiting.pop_front();
    next->handedOver = true;
    // Under the mutex: `next` lives on its thread's stack until that thread gets the mutex back.
    next->turn.notify_one();
}

std::size_t FifoMutex::waiting()
{
    std::lock_guard lock(m_mutex);
    return m_waiting.size();
}

std::uint64_t Database::sqliteCheckpointsRun() const
{
    return m_checkpointer ? m_checkpointer->checkpointsRun() : 0;
}

Poco::Data::Session Database::session()
{
    return m_pool->get();
}

std::string Database::translate(const std::string &sql) const
{
    if (m_dialect == Dialect::SQLite)
        return sql;
    std::string out;
    out.reserve(sql.size() + 16);
    int n = 0;
    char quote = '\0';
    for (char c : sql) {
        if (quote) {
            if (c == quote)
                quote = '\0';
            out += c;
        } else if (c == '\'' || c == '"') {
            quote = c;
            out += c;
        } else if (c == '?') {
            out += '$' + std::to_string(++n);
        } else {
            out += c;
        }
    }
    return out;
}

Transaction::Slot::Slot(Database &database) : db(database)
{
    if (!db.acquireSlot(kConnectionWait))
        throw DatabaseBusy("every database connection stayed busy for 20 seconds");
}

Transaction::Slot::~Slot()
{
    db.releaseSlot();
}

namespace {
std::unique_lock<FifoMutex> writerLock(Database &db, Transaction::Mode mode)
{
    if (db.dialect() == Database::Dialect::SQLite && mode == Transaction::Mode::Write)
        return std::unique_lock(db.writeLock());
    return {};
}
} // namespace

Transaction::Transaction(Database &db, Mode mode) : m_db(db), m_mode(mode)
{
}

Poco::Data::Session &Transaction::session()
{
    if (m_open || (m_session && m_mode == Mode::Lookups))
        return *m_session;
    if (m_done)
        throw std::logic_error("statement after the transaction ended");
    m_slot.emplace(m_db);
    m_lock = writerLock(m_db, m_mode);
    m_session.emplace(m_db.session());
    if (m_db.dialect() == Database::Dialect::SQLite)
        m_sqlite = Poco::Data::SQLite::Utility::dbHandle(*m_session);
    if (m_mode == Mode::Lookups)
        return *m_session;
    if (m_sqlite) {
        // SQLite: a writer takes the write lock when it begins (IMMEDIATE), so that two writers,
        // in this process or another, wait for each other instead of failing to upgrade a read lock.
        m_open = true; // so that a failure below rolls back what may have begun
        runSqlite(m_mode == Mode::Write ? "BEGIN IMMEDIATE" : "BEGIN", {}, nullptr);
    } else {
        m_session->begin();
    }
    m_open = true;
    return *m_session;
}

Transaction::~Transaction()
{
    if (m_open) {
        try {
            if (m_sqlite)
                runSqlite("ROLLBACK", {}, nullptr);
            else
                m_session->rollback();
        } catch (...) {
            // The connection is broken; the pool discards it.
        }
    }
}

void andIfGiven(std::string &sql, std::vector<DbValue> &params, const char *column, const std::string &value)
{
    if (value.empty())
        return;
    sql += " AND ";
    sql += column;
    sql += " = ?";
    params.emplace_back(value);
}

DbRows Transaction::runSqlite(const std::string &sql, const std::vector<DbValue> &params, std::size_t *changes)
{
    SqliteStatements::Statement &compiled = m_db.sqliteStatements().get(m_sqlite, sql);
    sqlite3_stmt *statement = compiled.handle;
    // Whatever happens, the statement is reset: a statement left running would keep its read
    // transaction (and its snapshot) open on this connection.
    struct Reset
    {
        sqlite3_stmt *statement;
        ~Reset()
        {
            sqlite3_reset(statement);
            sqlite3_clear_bindings(statement);
        }
    } reset{statement};
    const auto fail = [&](int rc) {
        const std::string message = std::string(sqlite3_errmsg(m_sqlite)) + " in: " + sql;
        const int code = sqlite3_extended_errcode(m_sqlite);
        if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
            throw UniqueViolation(message);
        throw std::runtime_error(message + " (" + sqlite3_errstr(rc) + ")");
    };
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(statement))
        throw std::invalid_argument(std::to_string(params.size()) + " values for the parameters of: " + sql);
    for (std::size_t i = 0; i < params.size(); ++i) {
        const int at = static_cast<int>(i) + 1;
        const int rc = std::visit(
            [&](const auto &v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::monostate>)
                    return sqlite3_bind_null(statement, at);
                else if constexpr (std::is_same_v<T, std::int64_t>)
                    return sqlite3_bind_int64(statement, at, v);
                else if constexpr (std::is_same_v<T, double>)
                    return sqlite3_bind_double(statement, at, v);
                else if constexpr (std::is_same_v<T, DbBlob>)
                    return sqlite3_bind_blob64(statement, at, v.bytes.data(), v.bytes.size(), SQLITE_TRANSIENT);
                else
                    return sqlite3_bind_text64(statement, at, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
            },
            params[i]);
        if (rc != SQLITE_OK)
            fail(rc);
    }
    DbRows rows;
    const int columns = sqlite3_column_count(statement);
    for (;;) {
        const int rc = sqlite3_step(statement);
        if (rc == SQLITE_DONE)
            break;
        if (rc != SQLITE_ROW)
            fail(rc);
        std::vector<DbValue> values;
        values.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
            switch (sqlite3_column_type(statement, c)) {
            case SQLITE_NULL:
                values.emplace_back(std::monostate{});
                break;
            case SQLITE_INTEGER:
                values.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(statement, c)));
                break;
            case SQLITE_FLOAT:
                values.emplace_back(sqlite3_column_double(statement, c));
                break;
            default: { // text, and blobs, which are read back as strings of bytes
                const auto *data = static_cast<const char *>(sqlite3_column_blob(statement, c));
                values.emplace_back(std::string(data ? data : "", static_cast<std::size_t>(sqlite3_column_bytes(statement, c))));
            }
            }
        }
        rows.emplace_back(compiled.columns, std::move(values));
    }
    if (changes)
        *changes = static_cast<std::size_t>(sqlite3_changes64(m_sqlite));
    return rows;
}

DbRows Transaction::query(const std::string &sql, const std::vector<DbValue> &params)
{
    session();
    if (m_sqlite)
        return runSqlite(sql, params, nullptr);
    Poco::Data::Statement statement(session());
    statement << m_db.translate(sql);
    bindAll(statement, params);
    try {
        statement.execute();
    } catch (const Poco::Exception &e) {
        if (isUniqueViolation(e.displayText()))
            throw UniqueViolation(e.displayText());
        throw;
    }
    DbRows rows;
    Poco::Data::RecordSet rs(statement);
    const std::size_t columns = rs.columnCount();
    if (columns == 0)
        return rows;
    auto names = std::make_shared<std::vector<std::string>>();
    for (std::size_t c = 0; c < columns; ++c)
        names->push_back(rs.columnName(c));
    const std::size_t count = rs.rowCount();
    rows.reserve(count);
    for (std::size_t r = 0; r < count; ++r) {
        std::vector<DbValue> values;
        values.reserve(columns);
        for (std::size_t c = 0; c < columns; ++c) {
            if (rs.isNull(c, r)) {
                values.emplace_back(std::monostate{});
                continue;
            }
            const Poco::Dynamic::Var v = rs.value(c, r);
            if (v.isInteger())
                values.emplace_back(static_cast<std::int64_t>(v.convert<Poco::Int64>()));
            else if (v.isNumeric())
                values.emplace_back(v.convert<double>());
            else
                values.emplace_back(v.convert<std::string>());
        }
        rows.emplace_back(names, std::move(values));
    }
    return rows;
}

std::optional<DbRow> Transaction::queryOne(const std::string &sql, const std::vector<DbValue> &params)
{
    DbRows rows = query(sql, params);
    if (rows.empty())
        return std::nullopt;
    return std::move(rows.front());
}

std::size_t Transaction::execute(const std::string &sql, const std::vector<DbValue> &params)
{
    session();
    if (m_sqlite) {
        std::size_t changes = 0;
        runSqlite(sql, params, &changes);
        return changes;
    }
    Poco::Data::Statement statement(session());
    statement << m_db.translate(sql);
    bindAll(statement, params);
    try {
        return statement.execute();
    } catch (const Poco::Exception &e) {
        if (isUniqueViolation(e.displayText()))
            throw UniqueViolation(e.displayText());
        throw;
    }
}

void Transaction::commit()
{
    if (m_open) {
        if (m_sqlite)
            runSqlite("COMMIT", {}, nullptr);
        else
            m_session->commit();
        m_open = false;
    }
    m_done = true;
    if (m_lock.owns_lock())
        m_lock.unlock();
}

} // namespace onewindow::server
