#include "db/sqlite.h"

#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <stdexcept>

namespace onewindow::server {

SqliteCheckpointer::~SqliteCheckpointer()
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

int SqliteCheckpointer::afterCommit(void *self, sqlite3 *, const char *, int pagesInLog)
{
    if (pagesInLog >= kPagesBeforeCheckpoint)
        static_cast<SqliteCheckpointer *>(self)->request();
    return SQLITE_OK;
}

void SqliteCheckpointer::request()
{
    {
        std::lock_guard lock(m_mutex);
        m_requested = true;
    }
    m_wake.notify_one();
}

void SqliteCheckpointer::run()
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

void SqliteCheckpointer::checkpoint()
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

bool SqliteCheckpointer::open()
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

SqliteStatements::~SqliteStatements()
{
    for (auto &[connection, statements] : m_byConnection) {
        for (auto &[sql, statement] : statements)
            sqlite3_finalize(statement.handle);
    }
}

SqliteStatements::Statement &SqliteStatements::get(sqlite3 *connection, const std::string &sql)
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

} // namespace onewindow::server
