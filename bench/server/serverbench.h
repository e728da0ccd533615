// What the server benchmarks share (bench_server, bench_queue): scratch files and throwaway
// PostgreSQL databases, onewindow-server as a child process, keep-alive HTTP clients, and
// closed-loop load with its latencies. See bench/README.md.
#pragma once

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Pipe.h>
#include <Poco/Process.h>
#include <Poco/TemporaryFile.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace onewindow::bench {

using SteadyClock = std::chrono::steady_clock;

/// The demo users' password (server/catalog/demodata.cpp).
inline constexpr const char *kDemoPassword = "OneWindow-demo-1";

std::string fixed(double value, int decimals);

// ---------------------------------------------------------------------------------------------
// Scratch files and throwaway PostgreSQL databases

// A temporary directory for the server's database, its configuration and its log; removed at
// the end unless something failed, so the log can be read.
class ScratchDirectory
{
public:
    ScratchDirectory() : m_path(Poco::TemporaryFile::tempName() + "-owbench")
    {
        Poco::File(m_path).createDirectories();
    }
    ~ScratchDirectory()
    {
        if (m_keep) {
            std::cerr << "kept " << m_path << " for inspection\n";
            return;
        }
        try {
            Poco::File(m_path).remove(true);
        } catch (const Poco::Exception &) {
            // Leftovers in the temp directory are harmless.
        }
    }
    ScratchDirectory(const ScratchDirectory &) = delete;
    ScratchDirectory &operator=(const ScratchDirectory &) = delete;

    std::string file(const std::string &name) const { return m_path + "/" + name; }
    void keep() { m_keep = true; }

private:
    std::string m_path;
    bool m_keep = false;
};

/// Runs a program to completion and returns its output; throws with it when the program fails.
std::string runProgram(const std::string &program, const std::vector<std::string> &arguments);

// The PostgreSQL cluster named by ONEWINDOW_TEST_PG_ADMIN (libpq key=value form), reached with
// psql for CREATE/DROP DATABASE and with postgresql:// URLs by the server and the driver.
class PostgresAdmin
{
public:
    static PostgresAdmin fromEnvironment();

    /// Runs `sql` in the admin database (or in `database`).
    void run(const std::string &sql, const std::string &database = {}) const;
    /// The first column of the first row `sql` gives, as text (empty when no row).
    std::string value(const std::string &sql, const std::string &database = {}) const;
    bool databaseExists(const std::string &name) const;
    std::string urlFor(const std::string &database) const;

private:
    explicit PostgresAdmin(std::string conninfo);
    std::string key(const std::string &name, const std::string &fallback) const;
    std::string conninfoFor(const std::string &database) const;

    std::string m_conninfo;
    std::map<std::string, std::string> m_keys;
};

// A database created for this run and dropped at its end.
class ThrowawayDatabase
{
public:
    ThrowawayDatabase(const PostgresAdmin &admin, std::string name) : m_admin(admin), m_name(std::move(name))
    {
        m_admin.run("DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
        m_admin.run("CREATE DATABASE " + m_name);
    }
    ~ThrowawayDatabase()
    {
        try {
            m_admin.run("DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
        } catch (const std::exception &e) {
            std::cerr << "could not drop " << m_name << ": " << e.what() << '\n';
        }
    }
    ThrowawayDatabase(const ThrowawayDatabase &) = delete;
    ThrowawayDatabase &operator=(const ThrowawayDatabase &) = delete;

    const std::string &name() const { return m_name; }
    std::string url() const { return m_admin.urlFor(m_name); }

private:
    const PostgresAdmin &m_admin;
    std::string m_name;
};

// ---------------------------------------------------------------------------------------------
// The server as a child process

/// The last `count` lines of a file, indented.
std::string lastLines(const std::string &path, std::size_t count);
/// Poco reports a process killed by a signal as 256 + the signal number.
std::string describeExit(int code);

// onewindow-server on a free port of 127.0.0.1 (`--demo --today 2026-11-27`). Its log (stderr,
// one line per request) goes to a file: a pipe nobody reads would fill up and stall the server
// mid-measurement.
class ServerProcess
{
public:
    ServerProcess(const std::string &binary, const std::string &databaseUrl, const std::string &configFile,
                  std::string logFile);
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    std::uint16_t port() const { return m_port; }
    const std::string &logFile() const { return m_logFile; }

    /// SIGTERM, as a service manager would stop it; returns the exit code (256 + signal if killed).
    int stop();

private:
    std::uint16_t waitForListening();
    void drain(Poco::Pipe &pipe);
    void writeLog(const std::string &line);
    void join();

    std::string m_logFile;
    std::mutex m_logMutex;
    std::ofstream m_log;
    Poco::Pipe m_out;
    Poco::Pipe m_err;
    std::unique_ptr<Poco::ProcessHandle> m_handle;
    std::thread m_drainErr;
    std::thread m_drainOut;
    std::uint16_t m_port = 0;
};

// ---------------------------------------------------------------------------------------------
// HTTP clients: one keep-alive connection per client thread, as a counter PC would hold.

struct Reply
{
    int status = 0; ///< 0: no answer (connection failed)
    std::string body;
    std::string location;
};

class ApiClient
{
public:
    ApiClient(std::uint16_t port, std::string token);

    Reply send(const std::string &method, const std::string &path, const std::string &body = {},
               const std::string &idempotencyKey = {});

private:
    Poco::Net::HTTPClientSession m_session;
    std::string m_token;
};

std::string describe(const Reply &reply);

/// Signs in as a demo user; returns the session token.
std::string signIn(std::uint16_t port, const std::string &username = "clerk1");

// ---------------------------------------------------------------------------------------------
// Closed-loop load: N clients, each sending its next request as soon as the last one answered.

/// One request or transaction; returns what went wrong, or nothing.
using Operation = std::function<std::optional<std::string>()>;
/// Makes client number `client`'s operation, inside that client's thread.
using OperationFactory = std::function<Operation(std::size_t client)>;

double percentile(const std::vector<double> &sorted, double q);

struct Measurement
{
    double perSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    std::size_t completed = 0;
    std::size_t errors = 0;
    std::string firstError;
    std::vector<double> latenciesMs; ///< sorted
    double seconds = 0;

    /// Nothing measured, for this reason.
    static Measurement failure(std::string why)
    {
        Measurement m;
        m.errors = 1;
        m.firstError = std::move(why);
        return m;
    }

    /// Adds a slice of the same measurement, taken at another moment.
    void add(const Measurement &slice)
    {
        const auto middle = latenciesMs.insert(latenciesMs.end(), slice.latenciesMs.begin(), slice.latenciesMs.end());
        std::inplace_merge(latenciesMs.begin(), middle, latenciesMs.end());
        seconds += slice.seconds;
        completed = latenciesMs.size();
        if (errors == 0)
            firstError = slice.firstError;
        errors += slice.errors;
        perSecond = seconds > 0 ? static_cast<double>(completed) / seconds : 0;
        p50Ms = percentile(latenciesMs, 0.50);
        p99Ms = percentile(latenciesMs, 0.99);
    }
};

/// `clients` threads, each running its operation over and over for `seconds`; connections are
/// made (the factory runs) before the clock starts.
Measurement measure(std::size_t clients, int seconds, const OperationFactory &factory);

} // namespace onewindow::bench
