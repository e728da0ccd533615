#include "db/database.h"

#include "db/sqlite.h"

#include <Poco/Data/LOB.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Statement.h>

#include <sqlite3.h>

#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace onewindow::server {

namespace {

constexpr auto kConnectionWait = std::chrono::seconds(20);

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

std::unique_lock<FifoMutex> writerLock(Database &db, Transaction::Mode mode)
{
    if (db.dialect() == Database::Dialect::SQLite && mode == Transaction::Mode::Write)
        return std::unique_lock(db.writeLock());
    return {};
}

} // namespace

Transaction::Slot::Slot(Database &database) : db(database)
{
    if (!db.acquireSlot(kConnectionWait))
        throw DatabaseBusy("every database connection stayed busy for 20 seconds");
}

Transaction::Slot::~Slot()
{
    db.releaseSlot();
}

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
    try {
        m_session.emplace(m_db.session());
    } catch (const Poco::Exception &e) {
        throw DatabaseUnavailable("no connection to the database: " + e.displayText());
    }
    if (m_db.dialect() == Database::Dialect::SQLite)
        m_sqlite = Poco::Data::SQLite::Utility::dbHandle(*m_session);
    if (m_mode == Mode::Lookups)
        return *m_session;
    if (m_sqlite) {
        // SQLite: a writer takes the write lock when it begins (IMMEDIATE), so that two writers,
        // in this process or another, wait for each other instead of failing to upgrade a read lock.
        // The safety level cannot change inside a transaction: set before it begins, back after.
        if (m_durable && m_mode == Mode::Write)
            runSqlite("PRAGMA synchronous = FULL", {}, nullptr);
        m_open = true; // so that a failure below rolls back what may have begun
        runSqlite(m_mode == Mode::Write ? "BEGIN IMMEDIATE" : "BEGIN", {}, nullptr);
    } else {
        try {
            m_session->begin();
        } catch (const Poco::Exception &e) {
            throwUnavailableIfLost(e);
            throw;
        }
        m_open = true;
        // One snapshot for every statement of a read (the default, READ COMMITTED, takes one per
        // statement), and no write by mistake.
        if (m_mode == Mode::Read) {
            Poco::Data::Statement statement(*m_session);
            statement << "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY";
            statement.execute();
        }
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
            restoreSafetyLevel();
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

std::string likePattern(const std::string &text)
{
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "%";
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
        // The file cannot be written: the disk is full, the file too large, the device failing.
        if ((code & 0xff) == SQLITE_FULL || (code & 0xff) == SQLITE_IOERR || (code & 0xff) == SQLITE_CANTOPEN)
            throw DatabaseUnavailable(message + " (" + sqlite3_errstr(rc) + ")");
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
        throwUnavailableIfLost(e);
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
        throwUnavailableIfLost(e);
        throw;
    }
}

// A PostgreSQL statement failed because its connection is gone (the server stopped or
// restarted, the network cut): DatabaseUnavailable. The broken connection is dropped by the pool.
void Transaction::throwUnavailableIfLost(const Poco::Exception &e)
{
    if (m_session && !m_session->isGood())
        throw DatabaseUnavailable("the connection to the database was lost: " + e.displayText());
}

void Transaction::restoreSafetyLevel()
{
    // The pooled connection goes back as every other is: NORMAL.
    if (m_sqlite && m_durable && m_mode == Mode::Write)
        runSqlite("PRAGMA synchronous = NORMAL", {}, nullptr);
}

void Transaction::commit()
{
    if (!m_changedCases.empty() && m_db.caseObserver()) {
        const std::vector<std::string> changed(m_changedCases.begin(), m_changedCases.end());
        m_changedCases.clear();
        m_db.caseObserver()(*this, changed);
    }
    if (m_open) {
        if (m_sqlite) {
            runSqlite("COMMIT", {}, nullptr);
        } else {
            try {
                m_session->commit();
            } catch (const Poco::Exception &e) {
                throwUnavailableIfLost(e);
                throw;
            }
        }
        m_open = false;
        restoreSafetyLevel();
    }
    m_done = true;
    if (m_lock.owns_lock())
        m_lock.unlock();
}

} // namespace onewindow::server
