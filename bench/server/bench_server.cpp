// bench_server: how many cases onewindow-server accepts and serves per second, compared with
// what the same database driver (onewindow::server::Database) does with the same rows in the
// same tables, measured in the same run, API and raw taking turns. The machines are shared and
// noisy, so the ratio is what matters; see bench/README.md, "Server throughput".
#include "db/database.h"
#include "db/migrations.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Path.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <Poco/UUIDGenerator.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <latch>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <sys/types.h>
#include <unistd.h>

#ifndef ONEWINDOW_SERVER_PATH
#define ONEWINDOW_SERVER_PATH "onewindow-server"
#endif

namespace {

using onewindow::server::Database;
using onewindow::server::DbValue;
using onewindow::server::Transaction;
using SteadyClock = std::chrono::steady_clock;

// The goals the figures are held against, at kGoalClients concurrent clients (bench/README.md
// says why they read as they do):
// - throughput: at least kGoalRatio of what is underneath a request: the raw database, or the
//   server's cheapest HTTP exchange (GET /health) where that is slower (SQLite answers reads
//   from memory in our own process, faster than any HTTP exchange);
// - latency: p99 at most kGoalP99Ms, or kGoalP99Factor times the raw database's own p99 at the
//   same concurrency, whichever is more.
constexpr double kGoalRatio = 0.5;
constexpr double kGoalP99Ms = 50.0;
constexpr double kGoalP99Factor = 2.0;

constexpr std::size_t kGoalClients = 64;
constexpr int kSliceSeconds = 1; ///< API and raw take turns this long

// An HF-001 housing fund deposit with every material present: accepted complete, so each
// request writes a case, its audit entry and its idempotency record, and no deficiencies.
const std::string kDepositCase =
    R"({"matters":["HF-001"],"applicant":{"kind":"person","name":"张三","idNumber":"11010519491231002X",)"
    R"("phone":"13800138000"},"center":"SZ","channel":"counter","form":{"applicant_name":"张三",)"
    R"("applicant_id_number":"11010519491231002X","phone":"13800138000","company_name":"盛泽纺织有限公司",)"
    R"("deposit_base":"5000"},"materials":[{"code":"ID_CARD","provided":"e_license"},)"
    R"({"code":"LABOR_CONTRACT","provided":"paper"}]})";

// ---------------------------------------------------------------------------------------------
// Options

struct Options
{
    std::string server = ONEWINDOW_SERVER_PATH;
    std::vector<std::string> databases{"sqlite"};
    int seconds = 5;
    std::vector<std::size_t> clients{1, 16, 64};
};

constexpr const char *kUsage =
    "usage: bench_server [--server PATH] [--database sqlite|postgresql|both] [--seconds N] [--clients 1,16,64]\n"
    "PostgreSQL needs ONEWINDOW_TEST_PG_ADMIN, e.g. 'host=127.0.0.1 port=5432 user=postgres dbname=postgres'.\n";

[[noreturn]] void usage(const std::string &problem)
{
    std::cerr << "bench_server: " << problem << "\n" << kUsage;
    std::exit(2);
}

std::size_t positiveNumber(const std::string &text, const std::string &option)
{
    std::size_t used = 0;
    unsigned long value = 0;
    try {
        value = std::stoul(text, &used);
    } catch (const std::exception &) {
        used = 0;
    }
    if (used == 0 || used != text.size() || value == 0 || value > 100000)
        usage(option + " needs a whole number from 1 to 100000, not '" + text + "'");
    return value;
}

std::vector<std::size_t> clientLevels(const std::string &text)
{
    std::vector<std::size_t> levels;
    std::istringstream in(text);
    for (std::string part; std::getline(in, part, ',');)
        levels.push_back(positiveNumber(part, "--clients"));
    if (levels.empty())
        usage("--clients needs at least one level");
    return levels;
}

Options parseOptions(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string name = argv[i];
        if (name == "--help" || name == "-h") {
            std::cout << kUsage;
            std::exit(0);
        }
        if (i + 1 >= argc)
            usage(name + " needs a value");
        const std::string value = argv[++i];
        if (name == "--server") {
            options.server = value;
        } else if (name == "--database") {
            if (value == "both")
                options.databases = {"sqlite", "postgresql"};
            else if (value == "sqlite" || value == "postgresql")
                options.databases = {value};
            else
                usage("--database is sqlite, postgresql or both");
        } else if (name == "--seconds") {
            options.seconds = static_cast<int>(positiveNumber(value, name));
        } else if (name == "--clients") {
            options.clients = clientLevels(value);
        } else {
            usage("unknown option " + name);
        }
    }
    return options;
}

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

// Runs a program to completion; throws with its output when it fails.
std::string runProgram(const std::string &program, const std::vector<std::string> &arguments)
{
    Poco::Pipe output;
    Poco::ProcessHandle handle = Poco::Process::launch(program, arguments, nullptr, &output, &output);
    Poco::PipeInputStream in(output);
    std::string text;
    Poco::StreamCopier::copyToString(in, text);
    const int code = handle.wait();
    if (code != 0)
        throw std::runtime_error(program + " failed (exit " + std::to_string(code) + "): " + text);
    return text;
}

// The PostgreSQL cluster named by ONEWINDOW_TEST_PG_ADMIN (libpq key=value form), reached with
// psql for CREATE/DROP DATABASE and with postgresql:// URLs by the server and the driver.
class PostgresAdmin
{
public:
    static PostgresAdmin fromEnvironment()
    {
        const char *conninfo = std::getenv("ONEWINDOW_TEST_PG_ADMIN");
        if (!conninfo || !*conninfo)
            throw std::runtime_error("--database postgresql needs ONEWINDOW_TEST_PG_ADMIN "
                                     "(e.g. source scripts/test-services.sh and call start_test_services)");
        return PostgresAdmin(conninfo);
    }

    void run(const std::string &sql) const
    {
        runProgram("psql", {"-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", m_conninfo, "-c", sql});
    }

    std::string urlFor(const std::string &database) const
    {
        const std::string password = value("password", "");
        return "postgresql://" + value("user", "postgres") + (password.empty() ? "" : ":" + password) + "@"
               + value("host", "127.0.0.1") + ":" + value("port", "5432") + "/" + database;
    }

private:
    explicit PostgresAdmin(std::string conninfo) : m_conninfo(std::move(conninfo))
    {
        // Plain key=value pairs; quoted values are not needed for a throwaway test cluster.
        std::istringstream in(m_conninfo);
        for (std::string pair; in >> pair;) {
            const auto equals = pair.find('=');
            if (equals != std::string::npos)
                m_keys[pair.substr(0, equals)] = pair.substr(equals + 1);
        }
        if (value("host", "127.0.0.1").starts_with("/"))
            throw std::runtime_error("ONEWINDOW_TEST_PG_ADMIN: the server needs a TCP host, not a socket directory");
    }

    std::string value(const std::string &key, const std::string &fallback) const
    {
        const auto it = m_keys.find(key);
        return it == m_keys.end() ? fallback : it->second;
    }

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

    std::string url() const { return m_admin.urlFor(m_name); }

private:
    const PostgresAdmin &m_admin;
    std::string m_name;
};

// ---------------------------------------------------------------------------------------------
// The server as a child process

std::string lastLines(const std::string &path, std::size_t count)
{
    std::ifstream in(path);
    std::deque<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
        if (lines.size() > count)
            lines.pop_front();
    }
    std::string text;
    for (const auto &line : lines)
        text += "  " + line + "\n";
    return text;
}

/// Poco reports a process killed by a signal as 256 + the signal number.
std::string describeExit(int code)
{
    if (code > 256)
        return "was killed by signal " + std::to_string(code - 256);
    return "exited with " + std::to_string(code);
}

// onewindow-server on a free port of 127.0.0.1. Its log (stderr, one line per request) goes to a
// file: a pipe nobody reads would fill up and stall the server mid-measurement.
class ServerProcess
{
public:
    ServerProcess(const std::string &binary, const std::string &databaseUrl, const std::string &configFile,
                  std::string logFile)
        : m_logFile(std::move(logFile)), m_log(m_logFile)
    {
        const std::vector<std::string> arguments{"--listen", "127.0.0.1:0",      "--database", databaseUrl,
                                                 "--demo",   "--today",          "2026-11-27", "--config",
                                                 configFile};
        m_handle = std::make_unique<Poco::ProcessHandle>(
            Poco::Process::launch(binary, arguments, nullptr, &m_out, &m_err));
        m_drainErr = std::thread([this] { drain(m_err); });
        m_port = waitForListening();
        m_drainOut = std::thread([this] { drain(m_out); });
    }

    ~ServerProcess()
    {
        if (m_handle) {
            try {
                stop();
            } catch (...) {
                // Already reported or nothing more to do while unwinding.
            }
        }
    }
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    std::uint16_t port() const { return m_port; }
    const std::string &logFile() const { return m_logFile; }

    /// SIGTERM, as a service manager would stop it; returns the exit code (256 + signal if killed).
    int stop()
    {
        const auto handle = std::move(m_handle);
        ::kill(static_cast<pid_t>(handle->id()), SIGTERM);
        const int code = handle->wait();
        join();
        return code;
    }

private:
    std::uint16_t waitForListening()
    {
        static const std::regex listening(R"(^onewindow-server listening on http://[^ ]*:([0-9]+) \()");
        Poco::PipeInputStream in(m_out);
        for (std::string line; std::getline(in, line);) {
            writeLog(line);
            std::smatch match;
            if (std::regex_search(line, match, listening))
                return static_cast<std::uint16_t>(std::stoul(match[1].str()));
        }
        const int code = m_handle->wait();
        m_handle.reset();
        join();
        throw std::runtime_error("onewindow-server " + describeExit(code) + " before listening; its log ends with:\n"
                                 + lastLines(m_logFile, 20));
    }

    void drain(Poco::Pipe &pipe)
    {
        Poco::PipeInputStream in(pipe);
        for (std::string line; std::getline(in, line);)
            writeLog(line);
    }

    void writeLog(const std::string &line)
    {
        const std::lock_guard lock(m_logMutex);
        m_log << line << '\n';
    }

    void join()
    {
        if (m_drainErr.joinable())
            m_drainErr.join();
        if (m_drainOut.joinable())
            m_drainOut.join();
        const std::lock_guard lock(m_logMutex);
        m_log.flush();
    }

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
    ApiClient(std::uint16_t port, std::string token) : m_session("127.0.0.1", port), m_token(std::move(token))
    {
        m_session.setKeepAlive(true);
        m_session.setTimeout(Poco::Timespan(60, 0));
    }

    Reply send(const std::string &method, const std::string &path, const std::string &body = {},
               const std::string &idempotencyKey = {})
    {
        Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
        request.setKeepAlive(true);
        if (!m_token.empty())
            request.set("Authorization", "Bearer " + m_token);
        if (!idempotencyKey.empty())
            request.set("Idempotency-Key", idempotencyKey);
        if (!body.empty()) {
            request.setContentType("application/json");
            request.setContentLength(static_cast<std::streamsize>(body.size()));
        }
        try {
            m_session.sendRequest(request) << body;
            Poco::Net::HTTPResponse response;
            std::istream &in = m_session.receiveResponse(response);
            Reply reply;
            reply.status = static_cast<int>(response.getStatus());
            Poco::StreamCopier::copyToString(in, reply.body);
            reply.location = response.get("Location", "");
            return reply;
        } catch (const Poco::Exception &e) {
            m_session.reset();
            return Reply{0, "no answer: " + e.displayText(), {}};
        }
    }

private:
    Poco::Net::HTTPClientSession m_session;
    std::string m_token;
};

std::string describe(const Reply &reply)
{
    return (reply.status ? "HTTP " + std::to_string(reply.status) + " " : std::string()) + reply.body;
}

std::string signIn(std::uint16_t port)
{
    ApiClient client(port, {});
    const Reply reply = client.send("POST", "/api/v1/sessions",
                                    R"({"username":"clerk1","password":"OneWindow-demo-1"})");
    if (reply.status != 201)
        throw std::runtime_error("sign-in as clerk1 failed: " + describe(reply));
    Poco::JSON::Parser parser;
    return parser.parse(reply.body).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("token");
}

// ---------------------------------------------------------------------------------------------
// Closed-loop load: N clients, each sending its next request as soon as the last one answered.

/// One request or transaction; returns what went wrong, or nothing.
using Operation = std::function<std::optional<std::string>()>;
/// Makes client number `client`'s operation, inside that client's thread.
using OperationFactory = std::function<Operation(std::size_t client)>;

double percentile(const std::vector<double> &sorted, double q)
{
    if (sorted.empty())
        return 0;
    const auto at = static_cast<std::size_t>(q * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted[std::min(at, sorted.size() - 1)];
}

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

struct ClientTally
{
    std::vector<double> latenciesMs;
    std::size_t errors = 0;
    std::string firstError;

    void fail(const std::string &what)
    {
        if (errors++ == 0)
            firstError = what;
    }
};

void runClient(const OperationFactory &factory, std::size_t client, std::latch &ready, std::latch &go,
               const SteadyClock::time_point &deadline, ClientTally &tally)
{
    Operation operation;
    try {
        operation = factory(client);
    } catch (const Poco::Exception &e) {
        tally.fail(e.displayText());
    } catch (const std::exception &e) {
        tally.fail(e.what());
    }
    ready.count_down();
    go.wait();
    if (!operation)
        return;
    while (SteadyClock::now() < deadline) {
        const auto started = SteadyClock::now();
        std::optional<std::string> problem;
        try {
            problem = operation();
        } catch (const Poco::Exception &e) {
            problem = e.displayText(); // what() is only the exception's class name
        } catch (const std::exception &e) {
            problem = e.what();
        }
        if (problem) {
            tally.fail(*problem);
            continue;
        }
        tally.latenciesMs.push_back(std::chrono::duration<double, std::milli>(SteadyClock::now() - started).count());
    }
}

Measurement summarize(std::vector<ClientTally> &tallies, double elapsedSeconds)
{
    Measurement m;
    std::vector<double> all;
    for (ClientTally &t : tallies) {
        all.insert(all.end(), t.latenciesMs.begin(), t.latenciesMs.end());
        if (t.errors > 0 && m.errors == 0)
            m.firstError = t.firstError;
        m.errors += t.errors;
    }
    std::sort(all.begin(), all.end());
    m.completed = all.size();
    m.seconds = elapsedSeconds;
    m.perSecond = static_cast<double>(all.size()) / elapsedSeconds;
    m.p50Ms = percentile(all, 0.50);
    m.p99Ms = percentile(all, 0.99);
    m.latenciesMs = std::move(all);
    return m;
}

Measurement measure(std::size_t clients, int seconds, const OperationFactory &factory)
{
    std::vector<ClientTally> tallies(clients);
    std::latch ready(static_cast<std::ptrdiff_t>(clients));
    std::latch go(1);
    SteadyClock::time_point deadline;
    std::vector<std::thread> threads;
    threads.reserve(clients);
    for (std::size_t c = 0; c < clients; ++c)
        threads.emplace_back(runClient, std::cref(factory), c, std::ref(ready), std::ref(go), std::cref(deadline),
                             std::ref(tallies[c]));
    // Connections are made before the clock starts; the latch publishes the deadline.
    ready.wait();
    const auto started = SteadyClock::now();
    deadline = started + std::chrono::seconds(seconds);
    go.count_down();
    for (auto &t : threads)
        t.join();
    const double elapsed = std::chrono::duration<double>(SteadyClock::now() - started).count();
    return summarize(tallies, elapsed);
}

/// Ids gathered per client while measuring, so that no lock sits in the measured loop.
class IdCollector
{
public:
    explicit IdCollector(std::size_t clients) : m_perClient(clients) {}
    std::vector<std::string> &of(std::size_t client) { return m_perClient[client]; }
    void moveInto(std::vector<std::string> &all)
    {
        for (auto &ids : m_perClient)
            std::move(ids.begin(), ids.end(), std::back_inserter(all));
    }

private:
    std::vector<std::vector<std::string>> m_perClient;
};

/// Client `client`'s n-th read: clients start spread over the ids, so they read different rows.
const std::string &idToRead(const std::vector<std::string> &ids, std::size_t clients, std::size_t client,
                            std::size_t n)
{
    const std::size_t stride = std::max<std::size_t>(1, ids.size() / clients);
    return ids[(client * stride + n) % ids.size()];
}

// ---------------------------------------------------------------------------------------------
// The API side

class ApiLoad
{
public:
    ApiLoad(std::uint16_t port, std::string token) : m_port(port), m_token(std::move(token)) {}

    Measurement createCases(std::size_t clients, int seconds)
    {
        IdCollector created(clients);
        // Keys never repeat within a server's life, or the server would replay instead of creating.
        const std::string keyPrefix = "owbench-" + std::to_string(::getpid()) + "-" + std::to_string(++m_batches) + "-";
        const Measurement m = measure(clients, seconds, [&](std::size_t client) -> Operation {
            auto api = std::make_shared<ApiClient>(m_port, m_token);
            auto sequence = std::make_shared<std::size_t>(0);
            std::vector<std::string> &ids = created.of(client);
            const std::string prefix = keyPrefix + std::to_string(client) + "-";
            return [api, sequence, &ids, prefix]() -> std::optional<std::string> {
                const Reply reply =
                    api->send("POST", "/api/v1/cases", kDepositCase, prefix + std::to_string((*sequence)++));
                const auto slash = reply.location.rfind('/');
                if (reply.status != 201 || slash == std::string::npos)
                    return describe(reply) + (reply.status == 201 ? " (no Location)" : "");
                ids.push_back(reply.location.substr(slash + 1));
                return std::nullopt;
            };
        });
        created.moveInto(m_caseIds);
        return m;
    }

    /// The server's cheapest exchange, `GET /api/v1/health` (no database, no sign-in): what HTTP
    /// and the pipeline cost by themselves, to hold the case reads against.
    Measurement health(std::size_t clients, int seconds)
    {
        return measure(clients, seconds, [&](std::size_t) -> Operation {
            auto api = std::make_shared<ApiClient>(m_port, std::string());
            return [api]() -> std::optional<std::string> {
                const Reply reply = api->send("GET", "/api/v1/health");
                if (reply.status != 200)
                    return describe(reply);
                return std::nullopt;
            };
        });
    }

    Measurement readCases(std::size_t clients, int seconds)
    {
        if (m_caseIds.empty())
            return Measurement::failure("no case was created, so none can be read");
        return measure(clients, seconds, [&](std::size_t client) -> Operation {
            auto api = std::make_shared<ApiClient>(m_port, m_token);
            auto n = std::make_shared<std::size_t>(0);
            const std::vector<std::string> &ids = m_caseIds;
            return [api, n, &ids, clients, client]() -> std::optional<std::string> {
                const Reply reply = api->send("GET", "/api/v1/cases/" + idToRead(ids, clients, client, (*n)++));
                if (reply.status != 200)
                    return describe(reply);
                return std::nullopt;
            };
        });
    }

private:
    std::uint16_t m_port;
    std::string m_token;
    std::vector<std::string> m_caseIds;
    std::size_t m_batches = 0;
};

// ---------------------------------------------------------------------------------------------
// The raw reference: the same rows an intake writes (the centre's case counter, its idempotency
// record, the case row, its audit entry) in one transaction, and the same rows a case view reads
// (the case, its clock pauses, reminders and deficiencies), in the server's own tables (its
// migrations, so the same indexes and constraints) through the server's own Database/Transaction
// (its pool, SQLite write lock and binding; a Database of its own, on a database of its own).

// A materials list as the server stores it, grown to about 1 KB of JSON.
const std::string &materialsJson()
{
    static const std::string json = [] {
        std::string out = "[";
        for (int i = 0; i < 8; ++i) {
            out += std::string(i ? "," : "") + R"({"code":"MATERIAL_)" + std::to_string(i)
                   + R"(","name":"居民身份证复印件","core":true,"required":true,"provided":"paper"})";
        }
        return out + "]";
    }();
    return json;
}

class RawCases
{
public:
    RawCases(const std::string &url, std::size_t poolSize) : m_db(url, poolSize) { createTables(); }

    Measurement insert(std::size_t clients, int seconds)
    {
        IdCollector inserted(clients);
        const Measurement m = measure(clients, seconds, [&](std::size_t client) -> Operation {
            std::vector<std::string> &ids = inserted.of(client);
            return [this, &ids]() -> std::optional<std::string> {
                ids.push_back(insertOne());
                return std::nullopt;
            };
        });
        inserted.moveInto(m_ids);
        return m;
    }

    Measurement select(std::size_t clients, int seconds)
    {
        if (m_ids.empty())
            return Measurement::failure("no row was inserted, so none can be selected");
        return measure(clients, seconds, [&](std::size_t client) -> Operation {
            auto n = std::make_shared<std::size_t>(0);
            return [this, n, clients, client]() -> std::optional<std::string> {
                Transaction tx(m_db, Transaction::Mode::Read);
                const std::string &id = idToRead(m_ids, clients, client, (*n)++);
                if (!tx.queryOne("SELECT * FROM cases WHERE id = ?", {id}))
                    return "row " + id + " not found";
                tx.query("SELECT * FROM case_clock_pauses WHERE case_id = ? ORDER BY id", {id});
                tx.query("SELECT * FROM notifications WHERE case_id = ? ORDER BY id", {id});
                tx.query("SELECT * FROM deficiencies WHERE case_id = ? ORDER BY due_date, material", {id});
                return std::nullopt;
            };
        });
    }

private:
    void createTables()
    {
        onewindow::server::migrate(m_db);
        Transaction tx(m_db, Transaction::Mode::Write);
        tx.execute("INSERT INTO centers (code, name, parent, kind) VALUES ('SZ', '盛泽镇行政服务中心', NULL, 'hall')");
        tx.commit();
    }

    std::string insertOne()
    {
        static const std::string matters = R"([{"code":"HF-001","name":"住房公积金缴存登记","department":"HF","version":1}])";
        static const std::string form =
            R"({"applicant_name":"张三","applicant_id_number":"11010519491231002X","phone":"13800138000",)"
            R"("company_name":"盛泽纺织有限公司","deposit_base":"5000"})";
        const std::string id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
        const std::string number = "SZ-20261127-" + std::to_string(++m_sequence);
        const std::string now = "2026-11-27T10:15:30+08:00";
        const std::string hash(64, 'a');
        Transaction tx(m_db, Transaction::Mode::Write);
        tx.queryOne("INSERT INTO case_counters (center, day, last) VALUES ('SZ', '2026-11-27', 1) ON CONFLICT "
                    "(center, day) DO UPDATE SET last = case_counters.last + 1 RETURNING last");
        tx.execute("INSERT INTO idempotency_keys (username, idem_key, request_hash, status_code, body, location, etag, "
                   "created_at) VALUES (?, ?, ?, 201, ?, ?, ?, ?)",
                   {std::string("clerk1"), id, hash, materialsJson() + form + matters, "/api/v1/cases/" + id,
                    std::string("\"1\""), now});
        tx.execute("INSERT INTO cases (id, number, status, center, clerk, channel, green_channel, bundle, "
                   "applicant_kind, applicant_name, applicant_id, applicant_phone, applicant_legal_rep, matters, "
                   "departments, form, materials, accepted_at, promised_due_date, legal_due_date, version, "
                   "updated_at, audit_head) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                   {id, number, std::string("accepted"), std::string("SZ"), std::string("clerk1"),
                    std::string("counter"), std::int64_t{0}, DbValue{}, std::string("person"), std::string("张三"),
                    std::string("11010519491231002X"), std::string("13800138000"), DbValue{}, matters,
                    std::string(",HF,"), form, materialsJson(), now, std::string("2026-11-30"),
                    std::string("2026-12-25"), now, hash});
        tx.execute("INSERT INTO audit_log (case_id, at, actor, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, "
                   "?, ?)",
                   {id, now, std::string("clerk1"), std::string("accept"), number + " at SZ", hash, hash});
        tx.commit();
        return id;
    }

    Database m_db;
    std::atomic<std::int64_t> m_sequence{0};
    std::vector<std::string> m_ids;
};

// ---------------------------------------------------------------------------------------------
// One database: start the server, measure API and raw at every level, stop the server.

struct Level
{
    std::size_t clients = 0;
    Measurement apiCreate, rawInsert, apiGet, rawSelect;
    Measurement apiHealth; ///< the HTTP floor, beside api-get
};

struct DatabaseRun
{
    std::string database;
    std::vector<Level> levels;
    bool serverFailed = false;
};

std::size_t errorsIn(const DatabaseRun &run)
{
    std::size_t errors = 0;
    for (const Level &l : run.levels)
        errors += l.apiCreate.errors + l.apiGet.errors + l.rawInsert.errors + l.rawSelect.errors + l.apiHealth.errors;
    return errors;
}

void writeConfig(const std::string &path)
{
    std::ofstream out(path);
    // More handler threads than the 64 clients, so requests wait in the server, not in its queue.
    out << "http.threads = 80\n";
}

void progress(const std::string &database, std::size_t clients, const char *what, const Measurement &m)
{
    std::cerr << database << " " << clients << " clients " << what << ": " << std::fixed << std::setprecision(0)
              << m.perSecond << "/s" << (m.errors ? ", " + std::to_string(m.errors) + " errors" : "") << '\n';
}

std::vector<Level> measureLevels(const std::string &database, const Options &options, ApiLoad &api, RawCases &raw)
{
    std::vector<Level> levels;
    // API and raw alternate in slices of a second at each level, so that a busy neighbour, which
    // comes and goes, hurts both sides of a ratio alike.
    for (const std::size_t clients : options.clients) {
        Level level;
        level.clients = clients;
        for (int slice = 0; slice < options.seconds; ++slice) {
            level.apiCreate.add(api.createCases(clients, kSliceSeconds));
            level.rawInsert.add(raw.insert(clients, kSliceSeconds));
        }
        progress(database, clients, "api-create", level.apiCreate);
        progress(database, clients, "raw-insert", level.rawInsert);
        for (int slice = 0; slice < options.seconds; ++slice) {
            level.apiGet.add(api.readCases(clients, kSliceSeconds));
            level.rawSelect.add(raw.select(clients, kSliceSeconds));
            level.apiHealth.add(api.health(clients, kSliceSeconds));
        }
        progress(database, clients, "api-get", level.apiGet);
        progress(database, clients, "raw-select", level.rawSelect);
        progress(database, clients, "api-health", level.apiHealth);
        levels.push_back(level);
    }
    return levels;
}

DatabaseRun measureOn(const std::string &database, const Options &options, const ScratchDirectory &scratch)
{
    DatabaseRun run;
    run.database = database;
    const std::string config = scratch.file("server.properties");
    writeConfig(config);
    const std::size_t maxClients = *std::max_element(options.clients.begin(), options.clients.end());

    std::optional<PostgresAdmin> admin;
    std::unique_ptr<ThrowawayDatabase> serverDb, rawDb;
    std::string serverUrl = "sqlite:" + scratch.file("server.db");
    std::string rawUrl = "sqlite:" + scratch.file("raw.db");
    if (database == "postgresql") {
        admin = PostgresAdmin::fromEnvironment();
        const std::string pid = std::to_string(::getpid());
        serverDb = std::make_unique<ThrowawayDatabase>(*admin, "owbench_" + pid);
        rawDb = std::make_unique<ThrowawayDatabase>(*admin, "owbench_raw_" + pid);
        serverUrl = serverDb->url();
        rawUrl = rawDb->url();
    }

    ServerProcess server(options.server, serverUrl, config, scratch.file("server.log"));
    std::cerr << database << ": onewindow-server on port " << server.port() << ", log " << server.logFile() << '\n';
    {
        ApiLoad api(server.port(), signIn(server.port()));
        // A connection per client, as the server's pool would give each request one.
        RawCases raw(rawUrl, maxClients);
        run.levels = measureLevels(database, options, api, raw);
    }
    const int code = server.stop();
    if (code != 0) {
        std::cerr << database << ": onewindow-server " << describeExit(code)
                  << " (0 expected after SIGTERM); its log ends with:\n" << lastLines(server.logFile(), 20);
        run.serverFailed = true;
    }
    return run;
}

DatabaseRun runOn(const std::string &database, const Options &options)
{
    ScratchDirectory scratch;
    // The server's log says why requests or the server failed: keep it then.
    try {
        DatabaseRun run = measureOn(database, options, scratch);
        if (run.serverFailed || errorsIn(run) > 0)
            scratch.keep();
        return run;
    } catch (...) {
        scratch.keep();
        throw;
    }
}

// ---------------------------------------------------------------------------------------------
// Report

std::string fixed(double value, int decimals)
{
    std::ostringstream out;
    out << std::fixed << std::setprecision(decimals) << value;
    return out.str();
}

double ratio(const Measurement &api, const Measurement &raw)
{
    return raw.perSecond > 0 ? api.perSecond / raw.perSecond : 0;
}

void printThroughput(const DatabaseRun &run, const Options &options)
{
    std::cout << "\n" << run.database << ": " << options.seconds << " s per measurement (in slices of "
              << kSliceSeconds << " s, API and raw alternating), "
              << std::thread::hardware_concurrency() << " cores\n";
    std::cout << std::right << std::setw(5) << "level" << std::setw(14) << "api-create/s" << std::setw(14)
              << "raw-insert/s" << std::setw(7) << "ratio" << std::setw(11) << "api-get/s" << std::setw(14)
              << "raw-select/s" << std::setw(7) << "ratio" << std::setw(13) << "API p50" << std::setw(13)
              << "raw p50" << std::setw(13) << "API p99" << std::setw(13) << "raw p99" << '\n';
    const auto pair = [](double a, double b) { return fixed(a, 1) + "/" + fixed(b, 1); };
    for (const Level &l : run.levels) {
        std::cout << std::setw(5) << l.clients << std::setw(14) << fixed(l.apiCreate.perSecond, 0) << std::setw(14)
                  << fixed(l.rawInsert.perSecond, 0) << std::setw(7) << fixed(ratio(l.apiCreate, l.rawInsert), 2)
                  << std::setw(11) << fixed(l.apiGet.perSecond, 0) << std::setw(14) << fixed(l.rawSelect.perSecond, 0)
                  << std::setw(7) << fixed(ratio(l.apiGet, l.rawSelect), 2) << std::setw(13)
                  << pair(l.apiCreate.p50Ms, l.apiGet.p50Ms) << std::setw(13) << pair(l.rawInsert.p50Ms, l.rawSelect.p50Ms)
                  << std::setw(13) << pair(l.apiCreate.p99Ms, l.apiGet.p99Ms) << std::setw(13)
                  << pair(l.rawInsert.p99Ms, l.rawSelect.p99Ms) << '\n';
    }
    std::cout << "p50, p99: latency in ms, API create/get and raw insert/select\n";
}

void printDetail(const DatabaseRun &run)
{
    std::cout << std::setw(5) << "level" << "  " << std::left << std::setw(12) << "measurement" << std::right
              << std::setw(10) << "per s" << std::setw(10) << "p50 ms" << std::setw(10) << "p99 ms" << std::setw(8)
              << "errors" << '\n';
    const auto measurementsOf = [](const Level &l) {
        return std::vector<std::pair<const char *, const Measurement *>>{
            {"api-create", &l.apiCreate}, {"raw-insert", &l.rawInsert}, {"api-get", &l.apiGet},
            {"raw-select", &l.rawSelect}, {"api-health", &l.apiHealth}};
    };
    for (const Level &l : run.levels) {
        for (const auto &[name, m] : measurementsOf(l)) {
            std::cout << std::setw(5) << l.clients << "  " << std::left << std::setw(12) << name << std::right
                      << std::setw(10) << fixed(m->perSecond, 0) << std::setw(10) << fixed(m->p50Ms, 2)
                      << std::setw(10) << fixed(m->p99Ms, 2) << std::setw(8) << m->errors << '\n';
        }
    }
    for (const Level &l : run.levels) {
        for (const auto &[name, m] : measurementsOf(l)) {
            if (m->errors)
                std::cout << "first error, " << l.clients << " clients " << name << ": " << m->firstError << '\n';
        }
    }
}

void printGoal(const std::string &goal, bool met, const std::string &shortfall)
{
    std::cout << "  " << std::left << std::setw(52) << goal << std::right << (met ? "PASS" : "MISS")
              << (met ? "" : "  " + shortfall) << '\n';
}

void printGoals(const DatabaseRun &run)
{
    if (run.levels.empty())
        return;
    auto it = std::find_if(run.levels.begin(), run.levels.end(),
                           [](const Level &l) { return l.clients == kGoalClients; });
    if (it == run.levels.end())
        it = std::max_element(run.levels.begin(), run.levels.end(),
                              [](const Level &a, const Level &b) { return a.clients < b.clients; });
    const Level &l = *it;
    std::cout << "goals at " << l.clients << " clients"
              << (l.clients == kGoalClients ? "" : " (64 not measured; the highest level instead)") << ":\n";
    const auto rateGoal = [&](const char *name, const char *rawName, const Measurement &api, const Measurement &raw) {
        const bool httpSlower = l.apiHealth.perSecond > 0 && l.apiHealth.perSecond < raw.perSecond;
        const Measurement &floor = httpSlower ? l.apiHealth : raw;
        const double r = ratio(api, floor);
        printGoal(std::string(name) + "/" + (httpSlower ? "api-health" : rawName) + " ratio " + fixed(r, 2)
                      + " >= " + fixed(kGoalRatio, 1),
                  r >= kGoalRatio, "needs " + fixed(r > 0 ? kGoalRatio / r : 0, 1) + "x the rate");
    };
    const auto latencyGoal = [](const char *name, const Measurement &api, const Measurement &raw) {
        const double limit = std::max(kGoalP99Ms, kGoalP99Factor * raw.p99Ms);
        const std::string against = limit > kGoalP99Ms ? fixed(kGoalP99Factor, 0) + " x raw " + fixed(raw.p99Ms, 1)
                                                      : fixed(kGoalP99Ms, 0);
        printGoal(std::string(name) + " p99 " + fixed(api.p99Ms, 1) + " ms <= " + against + " ms",
                  raw.completed > 0 && api.p99Ms <= limit, "over by " + fixed(api.p99Ms - limit, 1) + " ms");
    };
    rateGoal("api-create", "raw-insert", l.apiCreate, l.rawInsert);
    rateGoal("api-get", "raw-select", l.apiGet, l.rawSelect);
    latencyGoal("api-create", l.apiCreate, l.rawInsert);
    latencyGoal("api-get", l.apiGet, l.rawSelect);
    std::cout << "  (api-create/raw-insert " << fixed(ratio(l.apiCreate, l.rawInsert), 2) << ", api-get/raw-select "
              << fixed(ratio(l.apiGet, l.rawSelect), 2) << ", api-get/api-health "
              << fixed(ratio(l.apiGet, l.apiHealth), 2) << ")\n";
    // Little's law: N clients in a closed loop at X requests/s wait N / X on average, whatever the
    // server does; a mean above the absolute goal cannot give a p99 under it.
    const auto little = [&](const char *name, const Measurement &m) {
        if (m.perSecond <= 0)
            return;
        std::cout << "  Little's law, " << name << ": " << l.clients << " clients / " << fixed(m.perSecond, 0)
                  << " per s = " << fixed(1000.0 * static_cast<double>(l.clients) / m.perSecond, 1)
                  << " ms mean latency\n";
    };
    little("api-create", l.apiCreate);
    little("api-get", l.apiGet);
}

} // namespace

int main(int argc, char **argv)
{
    // A server that dies mid-request must show up as an error, not kill the bench on write.
    std::signal(SIGPIPE, SIG_IGN);
    const Options options = parseOptions(argc, argv);
    bool failed = false;
    for (const std::string &database : options.databases) {
        try {
            const DatabaseRun run = runOn(database, options);
            printThroughput(run, options);
            printDetail(run);
            printGoals(run);
            failed = failed || run.serverFailed || errorsIn(run) > 0;
        } catch (const std::exception &e) {
            std::cerr << "bench_server: " << database << ": " << e.what() << '\n';
            failed = true;
        }
    }
    std::cout << "\ngoals are informational; exit status " << (failed ? "1: see the failures above" : "0") << '\n';
    return failed ? 1 : 0;
}
