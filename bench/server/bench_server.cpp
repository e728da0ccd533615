// bench_server: how many cases onewindow-server accepts and serves per second, compared with
// what the same database driver (onewindow::server::Database) does with the same rows in the
// same tables, measured in the same run, API and raw taking turns. The machines are shared and
// noisy, so the ratio is what matters; see bench/README.md, "Server throughput".
#include "db/database.h"
#include "db/migrations.h"
#include "serverbench.h"

#include <Poco/UUIDGenerator.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
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

using namespace onewindow::bench;
using onewindow::server::Database;
using onewindow::server::DbValue;
using onewindow::server::Transaction;

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
// Reads spread over the cases written

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
