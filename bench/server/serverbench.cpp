#include "serverbench.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/PipeStream.h>
#include <Poco/StreamCopier.h>

#include <csignal>
#include <cstdlib>
#include <deque>
#include <iomanip>
#include <latch>
#include <regex>
#include <sstream>
#include <stdexcept>

#include <sys/types.h>
#include <unistd.h>

namespace onewindow::bench {

std::string fixed(double value, int decimals)
{
    std::ostringstream out;
    out << std::fixed << std::setprecision(decimals) << value;
    return out.str();
}

// ---------------------------------------------------------------------------------------------
// Scratch files and throwaway PostgreSQL databases

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

PostgresAdmin PostgresAdmin::fromEnvironment()
{
    const char *conninfo = std::getenv("ONEWINDOW_TEST_PG_ADMIN");
    if (!conninfo || !*conninfo)
        throw std::runtime_error("--database postgresql needs ONEWINDOW_TEST_PG_ADMIN "
                                 "(e.g. source scripts/test-services.sh and call start_test_services)");
    return PostgresAdmin(conninfo);
}

PostgresAdmin::PostgresAdmin(std::string conninfo) : m_conninfo(std::move(conninfo))
{
    // Plain key=value pairs; quoted values are not needed for a throwaway test cluster.
    std::istringstream in(m_conninfo);
    for (std::string pair; in >> pair;) {
        const auto equals = pair.find('=');
        if (equals != std::string::npos)
            m_keys[pair.substr(0, equals)] = pair.substr(equals + 1);
    }
    if (key("host", "127.0.0.1").starts_with("/"))
        throw std::runtime_error("ONEWINDOW_TEST_PG_ADMIN: the server needs a TCP host, not a socket directory");
}

std::string PostgresAdmin::key(const std::string &name, const std::string &fallback) const
{
    const auto it = m_keys.find(name);
    return it == m_keys.end() ? fallback : it->second;
}

std::string PostgresAdmin::conninfoFor(const std::string &database) const
{
    // libpq takes the last of a repeated keyword.
    return database.empty() ? m_conninfo : m_conninfo + " dbname=" + database;
}

void PostgresAdmin::run(const std::string &sql, const std::string &database) const
{
    runProgram("psql", {"-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", conninfoFor(database), "-c", sql});
}

std::string PostgresAdmin::value(const std::string &sql, const std::string &database) const
{
    std::string out =
        runProgram("psql", {"-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-d", conninfoFor(database), "-c", sql});
    while (!out.empty() && (out.back() == '\n' || out.back() == ' '))
        out.pop_back();
    return out.substr(0, out.find('\n'));
}

bool PostgresAdmin::databaseExists(const std::string &name) const
{
    return value("SELECT 1 FROM pg_database WHERE datname = '" + name + "'") == "1";
}

std::string PostgresAdmin::urlFor(const std::string &database) const
{
    const std::string password = key("password", "");
    return "postgresql://" + key("user", "postgres") + (password.empty() ? "" : ":" + password) + "@"
           + key("host", "127.0.0.1") + ":" + key("port", "5432") + "/" + database;
}

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

std::string describeExit(int code)
{
    if (code > 256)
        return "was killed by signal " + std::to_string(code - 256);
    return "exited with " + std::to_string(code);
}

ServerProcess::ServerProcess(const std::string &binary, const std::string &databaseUrl, const std::string &configFile,
                             std::string logFile)
    : m_logFile(std::move(logFile)), m_log(m_logFile)
{
    const std::vector<std::string> arguments{"--listen", "127.0.0.1:0",      "--database", databaseUrl,
                                             "--demo",   "--today",          "2026-11-27", "--config",
                                             configFile};
    m_handle = std::make_unique<Poco::ProcessHandle>(Poco::Process::launch(binary, arguments, nullptr, &m_out, &m_err));
    m_drainErr = std::thread([this] { drain(m_err); });
    m_port = waitForListening();
    m_drainOut = std::thread([this] { drain(m_out); });
}

ServerProcess::~ServerProcess()
{
    if (m_handle) {
        try {
            stop();
        } catch (...) {
            // Already reported or nothing more to do while unwinding.
        }
    }
}

int ServerProcess::stop()
{
    const auto handle = std::move(m_handle);
    ::kill(static_cast<pid_t>(handle->id()), SIGTERM);
    const int code = handle->wait();
    join();
    return code;
}

std::uint16_t ServerProcess::waitForListening()
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

void ServerProcess::drain(Poco::Pipe &pipe)
{
    Poco::PipeInputStream in(pipe);
    for (std::string line; std::getline(in, line);)
        writeLog(line);
}

void ServerProcess::writeLog(const std::string &line)
{
    const std::lock_guard lock(m_logMutex);
    m_log << line << '\n';
}

void ServerProcess::join()
{
    if (m_drainErr.joinable())
        m_drainErr.join();
    if (m_drainOut.joinable())
        m_drainOut.join();
    const std::lock_guard lock(m_logMutex);
    m_log.flush();
}

// ---------------------------------------------------------------------------------------------
// HTTP clients

ApiClient::ApiClient(std::uint16_t port, std::string token) : m_session("127.0.0.1", port), m_token(std::move(token))
{
    m_session.setKeepAlive(true);
    m_session.setTimeout(Poco::Timespan(60, 0));
}

Reply ApiClient::send(const std::string &method, const std::string &path, const std::string &body,
                      const std::string &idempotencyKey)
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

std::string describe(const Reply &reply)
{
    return (reply.status ? "HTTP " + std::to_string(reply.status) + " " : std::string()) + reply.body;
}

std::string signIn(std::uint16_t port, const std::string &username)
{
    ApiClient client(port, {});
    const Reply reply = client.send("POST", "/api/v1/sessions",
                                    R"({"username":")" + username + R"(","password":")" + kDemoPassword + R"("})");
    if (reply.status != 201)
        throw std::runtime_error("sign-in as " + username + " failed: " + describe(reply));
    Poco::JSON::Parser parser;
    return parser.parse(reply.body).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("token");
}

// ---------------------------------------------------------------------------------------------
// Closed-loop load

double percentile(const std::vector<double> &sorted, double q)
{
    if (sorted.empty())
        return 0;
    const auto at = static_cast<std::size_t>(q * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted[std::min(at, sorted.size() - 1)];
}

namespace {

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

} // namespace

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

} // namespace onewindow::bench
