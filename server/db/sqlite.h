#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace onewindow::server {

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
    ~SqliteCheckpointer();

    /// Installed on every connection instead of SQLite's own automatic checkpoint.
    static int afterCommit(void *self, sqlite3 *, const char *, int pagesInLog);

    std::uint64_t checkpointsRun() const { return m_runs.load(); }

private:
    static constexpr int kPagesBeforeCheckpoint = 1000; // SQLite's own default

    void request();
    void run();
    void checkpoint();
    bool open();

    const std::string m_path;
    sqlite3 *m_connection = nullptr; // used by the thread only
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_requested = false;
    bool m_stop = false;
    std::atomic<std::uint64_t> m_runs{0};
    std::thread m_thread; // last: starts when everything above is ready
};

// Poco Data compiles every statement again each time it runs; on SQLite that was half of a
// case read's time. Here each connection keeps what it compiled, by SQL text. A connection is
// used by one transaction at a time, so only the lookup of its own table takes the lock.
class SqliteStatements
{
public:
    SqliteStatements() = default;
    SqliteStatements(const SqliteStatements &) = delete;
    SqliteStatements &operator=(const SqliteStatements &) = delete;
    ~SqliteStatements();

    struct Statement
    {
        sqlite3_stmt *handle = nullptr;
        std::shared_ptr<const std::vector<std::string>> columns;
    };

    Statement &get(sqlite3 *connection, const std::string &sql);

private:
    static constexpr std::size_t kMaxPerConnection = 256;
    std::mutex m_mutex;
    // Node-based: a connection's table stays where it is while others are added.
    std::unordered_map<sqlite3 *, std::unordered_map<std::string, Statement>> m_byConnection;
};

} // namespace onewindow::server
