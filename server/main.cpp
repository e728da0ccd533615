// onewindow-server: the REST backend of OneWindow (see api/openapi.yaml).
#include "api/services.h"
#include "audit/auditcheckpoints.h"
#include "audit/auditkey.h"
#include "audit/audittrail.h"
#include "auth/sessions.h"
#include "applicants/applicantrecords.h"
#include "cases/attachments.h"
#include "cases/casereader.h"
#include "catalog/catalog.h"
#include "catalog/catalogexchange.h"
#include "catalog/matterversions.h"
#include "catalog/demodata.h"
#include "clock.h"
#include "delivery/deliveryservice.h"
#include "evaluation/evaluationservice.h"
#include "evaluation/followups.h"
#include "db/database.h"
#include "db/migrations.h"
#include "deficiencies/deficiencyqueries.h"
#include "deficiencies/deficiencyresolution.h"
#include "deficiencies/deficiencytracker.h"
#include "http/deadlines.h"
#include "http/pipeline.h"
#include "http/router.h"
#include "intake/intakeservice.h"
#include "logging/logging.h"
#include "notify/notifier.h"
#include "review/resultservice.h"
#include "review/reviewservice.h"
#include "review/simulatedapprovals.h"
#include "demo/demohistory.h"
#include "stats/casefigures.h"
#include "stats/statsservice.h"
#include "transfers/transferservice.h"
#include "users/useraccounts.h"

#include <Poco/File.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Path.h>
#include <Poco/Thread.h>
#include <Poco/NumberParser.h>
#include <Poco/URI.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/IntValidator.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/ServerApplication.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <condition_variable>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

#ifndef ONEWINDOW_VERSION
#define ONEWINDOW_VERSION "0.0.0"
#endif

using Poco::Util::Option;
using Poco::Util::OptionSet;

namespace onewindow::server {

namespace {

// The data directory: $XDG_DATA_HOME/onewindow or ~/.local/share/onewindow.
std::string dataDirectory()
{
    std::string base;
    if (const char *xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char *home = std::getenv("HOME"); home && *home)
        base = std::string(home) + "/.local/share";
    else
        base = ".";
    const std::string dir = base + "/onewindow";
    Poco::File(dir).createDirectories();
    return dir;
}

// A SQLite database file that does not exist yet is created readable by this user alone
// (SQLite gives its journal files the same mode).
void createPrivately(const std::string &url)
{
    if (url.rfind("sqlite:", 0) != 0)
        return;
    const std::string path = url.substr(7);
    if (path.empty() || Poco::File(path).exists())
        return;
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd >= 0)
        ::close(fd);
}

std::string defaultDatabaseUrl()
{
    return "sqlite:" + dataDirectory() + "/onewindow.db";
}

// The database a checkpoint is of, without credentials: sqlite:/absolute/path or
// postgresql://host:port/name.
std::string databaseIdentity(const std::string &url)
{
    if (url.starts_with("sqlite:"))
        return "sqlite:" + Poco::Path(url.substr(7)).absolute().toString();
    std::string out = url.substr(0, url.find('?'));
    if (const auto scheme = out.find("://"); scheme != std::string::npos) {
        const auto slash = out.find('/', scheme + 3);
        const auto at = out.rfind('@', slash);
        if (at != std::string::npos && at > scheme)
            out.erase(scheme + 3, at - scheme - 2);
    }
    return out;
}

// Where the audit trail's files go when no setting names them: next to a SQLite database (its
// name and a suffix), in the data directory for PostgreSQL.
std::string auditFileBeside(const std::string &url, const std::string &suffix, const std::string &name)
{
    if (url.starts_with("sqlite:"))
        return Poco::Path(url.substr(7)).absolute().toString() + suffix;
    return dataDirectory() + "/" + name;
}

// Writes a checkpoint of the audit trail every `interval` seconds (none for 0 or less), and one
// more when stopped.
class CheckpointRunner
{
public:
    CheckpointRunner(AuditTrail &audit, Database &db, long intervalSeconds)
        : m_audit(audit), m_db(db), m_interval(intervalSeconds)
    {
        if (m_interval > 0)
            m_thread = std::thread([this] { run(); });
    }
    ~CheckpointRunner()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        if (m_thread.joinable())
            m_thread.join();
        checkpoint();
    }

    void checkpoint()
    {
        try {
            m_audit.checkpoint(m_db);
        } catch (const std::exception &e) {
            spdlog::error("audit checkpoint not written: {}", e.what());
        }
    }

private:
    void run()
    {
        std::unique_lock lock(m_mutex);
        while (!m_wake.wait_for(lock, std::chrono::seconds(m_interval), [this] { return m_stop; })) {
            lock.unlock();
            checkpoint();
            lock.lock();
        }
    }

    AuditTrail &m_audit;
    Database &m_db;
    long m_interval;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

// Runs background jobs every `interval` until stopped; an interval of 0 or less runs none
// (jobs then run only through POST /jobs/run).
class JobRunner
{
public:
    JobRunner(Services &services, long intervalSeconds) : m_services(services), m_interval(intervalSeconds)
    {
        if (m_interval > 0)
            m_thread = std::thread([this] { run(); });
        else
            spdlog::info("background jobs off (jobs.intervalSeconds = {})", m_interval);
    }
    ~JobRunner()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    void run()
    {
        std::unique_lock lock(m_mutex);
        while (!m_stop) {
            lock.unlock();
            runBackgroundJobs(m_services);
            lock.lock();
            m_wake.wait_for(lock, std::chrono::seconds(m_interval), [this] { return m_stop; });
        }
    }

    Services &m_services;
    long m_interval;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace

class ServerApp : public Poco::Util::ServerApplication
{
protected:
    void defineOptions(OptionSet &options) override
    {
        ServerApplication::defineOptions(options);
        const auto add = [&](const char *name, const char *help, const char *arg = nullptr) {
            Option option(name, "", help);
            option.required(false).repeatable(false);
            if (arg)
                option.argument(arg);
            option.callback(Poco::Util::OptionCallback<ServerApp>(this, &ServerApp::handleOption));
            options.addOption(option);
        };
        add("help", "show this help and exit");
        add("version", "print the version and exit");
        add("listen", "address to listen on (default 127.0.0.1:8080; port 0 picks a free one)", "HOST:PORT");
        add("database", "sqlite:PATH or postgresql://user:password@host:port/db", "URL");
        add("demo", "on an empty database, load the demo data; needed on every start while a user still has "
                    "the demo password");
        add("demo-history", "with --demo, on an empty database: about N cases over the year before today, taken "
                            "in, decided and rated through the server's own services (for the figures)",
            "N");
        add("create-admin", "create a security administrator with a one-time password (printed), then exit",
            "USERNAME");
        add("password-stdin", "with --create-admin: read the administrator's password from the standard input");
        add("list-routes", "print every route of the API (METHOD /path), one a line, then exit");
        add("today", "pretend today is this date (demos and tests)", "YYYY-MM-DD");
        add("config", "read settings from this file (key = value)", "FILE");
        add("tls-cert", "serve HTTPS with this certificate (PEM)", "FILE");
        add("tls-key", "the certificate's private key (PEM)", "FILE");
        add("audit-key-file", "the audit trail's key (mode 0600; created next to a SQLite database or in the "
                              "data directory when not given)",
            "FILE");
        add("audit-checkpoint-file", "append the audit trail's signed checkpoints to this file", "FILE");
        add("log-level", "trace, debug, info, warn, error", "LEVEL");
        add("log-file", "also log to this rotating file", "FILE");
    }

    void handleOption(const std::string &name, const std::string &value)
    {
        if (name == "help") {
            Poco::Util::HelpFormatter help(options());
            help.setCommand(commandName());
            help.setUsage("[options]");
            help.setHeader("The OneWindow REST server.");
            help.format(std::cout);
            stopOptionsProcessing();
            m_exitEarly = true;
        } else if (name == "version") {
            std::cout << "onewindow-server " << ONEWINDOW_VERSION << '\n';
            stopOptionsProcessing();
            m_exitEarly = true;
        } else if (name == "config") {
            loadConfiguration(value);
        } else {
            config().setString("option." + name, value.empty() ? "true" : value);
        }
    }

    int main(const std::vector<std::string> &arguments) override
    {
        if (m_exitEarly)
            return EXIT_OK;
        // A write past the file size limit fails (the database answers 503) instead of ending
        // the process.
        std::signal(SIGXFSZ, SIG_IGN);
        if (!arguments.empty()) {
            std::cerr << "unexpected argument: " << arguments.front() << " (see --help)\n";
            return EXIT_USAGE;
        }
        if (config().has("option.password-stdin") && !config().has("option.create-admin")) {
            std::cerr << "--password-stdin goes with --create-admin (see --help)\n";
            return EXIT_USAGE;
        }
        setUpLogging();
        struct WriteQueuedLines
        {
            ~WriteQueuedLines() { logging::drain(); }
        } writeQueuedLines;

        std::optional<Date> today;
        if (config().has("option.today")) {
            today = parseIsoDate(config().getString("option.today"));
            if (!today) {
                std::cerr << "--today needs a date, YYYY-MM-DD\n";
                return EXIT_USAGE;
            }
            spdlog::warn("pretending today is {}: deadlines and dates follow it", toIsoString(*today));
        }
        const Clock clock(today);

        try {
            return runWith(clock);
        } catch (const Poco::Exception &e) {
            spdlog::critical("cannot run: {}", e.displayText());
            std::cerr << "onewindow-server: " << e.displayText() << '\n';
            return EXIT_SOFTWARE;
        } catch (const std::exception &e) {
            spdlog::critical("cannot run: {}", e.what());
            std::cerr << "onewindow-server: " << e.what() << '\n';
            return EXIT_SOFTWARE;
        }
    }

private:
    void setUpLogging()
    {
        logging::Options logOptions;
        logOptions.name = "server";
        logOptions.level = config().getString("option.log-level", config().getString("log.level", "info"));
        logOptions.file = config().getString("option.log-file", config().getString("log.file", ""));
        // A line per request: written by a thread of its own, not by the request threads.
        logOptions.background = true;
        logging::setup(logOptions);
    }

    // The database and the services, then the HTTP server until a termination request (or, with
    // --create-admin, the administrator).
    int runWith(const Clock &clock)
    {
        int demoHistory = 0;
        if (config().has("option.demo-history")) {
            if (!Poco::NumberParser::tryParse(config().getString("option.demo-history"), demoHistory)
                || !config().getBool("option.demo", false) || demoHistory <= 0 || demoHistory > 1000000) {
                std::cerr << "--demo-history needs --demo and a number of cases from 1 to 1000000\n";
                return EXIT_USAGE;
            }
        }
        const std::string given = config().getString("option.database", config().getString("database.url", ""));
        const std::string url = given.empty() ? defaultDatabaseUrl() : given;
        if (config().has("option.database") && url.rfind("postgres", 0) == 0) {
            const Poco::URI uri(url);
            if (uri.getUserInfo().find(':') != std::string::npos)
                spdlog::warn("the database password is on the command line, where other users of this machine can "
                             "read it; put the URL in the configuration file (database.url) or the password in a "
                             "passfile");
        }
        createPrivately(url);
        // A connection for every request thread, and a few for background jobs.
        const int threads = config().getInt("http.threads", 64);
        Database db(url, static_cast<std::size_t>(config().getInt("db.poolSize", threads + 4)));
        migrate(db);

        const AuditKey key = loadAuditKey(url);
        const AuditCheckpointFile checkpoints(
            config().getString("option.audit-checkpoint-file",
                               config().getString("audit.checkpointFile",
                                                  auditFileBeside(url, ".audit-checkpoints", "audit-checkpoints"))),
            databaseIdentity(url), key, config().getBool("audit.syslog", false));
        AuditTrail audit(clock, &key, &checkpoints);
        audit.adoptKey(db);
        loadHolidaySchedules(db, audit);
        Catalog catalog(audit, clock);
        FigureCounters figures(catalog);
        figures.observe(db);
        if (config().getBool("option.demo", false)) {
            if (loadDemoData(db, catalog, clock))
                spdlog::info("demo users: clerk1 clerk2 agent1 agent2 approver-hf approver-mr approver-re "
                             "approver-mi approver-tx approver-ps supervisor1 admin auditor secadmin; "
                             "the second hall, TL: clerk-tl agent-tl supervisor-tl");
        }
        figures.catchUp(db);
        if (demoHistory > 0)
            fillDemoHistory(db, key, clock.today(), demoHistory);
        SessionSettings sessionSettings;
        sessionSettings.idleSeconds = config().getInt("session.idleSeconds", 30 * 60);
        sessionSettings.maxLifetimeSeconds = config().getInt("session.maxLifetimeSeconds", 12 * 3600);
        sessionSettings.freeAttempts = std::max(1, config().getInt("signIn.freeAttempts", 3));
        sessionSettings.firstDelaySeconds = std::max(1, config().getInt("signIn.delaySeconds", 2));
        sessionSettings.maxDelaySeconds = std::max(1, config().getInt("signIn.maxDelaySeconds", 15 * 60));
        sessionSettings.sourceFreeAttempts = std::max(1, config().getInt("signIn.sourceFreeAttempts", 20));
        sessionSettings.accountCeiling = std::max(1, config().getInt("signIn.accountCeiling", 100));
        sessionSettings.windowSeconds = std::max(1, config().getInt("signIn.windowSeconds", 60 * 60));
        sessionSettings.concurrentHashing = std::max(
            0, config().getInt("signIn.concurrentHashing",
                               std::max(2, static_cast<int>(std::thread::hardware_concurrency()))));
        sessionSettings.hashingWaitMillis = std::max(0, config().getInt("signIn.hashingWaitMillis", 2000));
        sessionSettings.passwordMaxAgeDays = config().getInt("passwords.maxAgeDays", 90);
        SessionService sessions(db, clock, audit, sessionSettings);
        UserAccounts::Settings userSettings;
        userSettings.minLength = static_cast<std::size_t>(std::max(1, config().getInt("passwords.minLength", 10)));
        userSettings.history = std::max(0, config().getInt("passwords.history", 5));
        UserAccounts users(db, clock, audit, sessions, userSettings);
        if (config().has("option.create-admin"))
            return createAdmin(users, config().getString("option.create-admin"));
        // A database that had the demo data loaded serves only as a demo while any user still has
        // the published demo password.
        if (!config().getBool("option.demo", false)) {
            if (const std::vector<std::string> demo = usersWithDemoPassword(db); !demo.empty()) {
                std::string names;
                for (const std::string &name : demo)
                    names += (names.empty() ? "" : ", ") + name;
                std::cerr << "onewindow-server: these users still have the published demo password: " << names
                          << ". Start with --demo to run a demonstration, or have the security administrator reset "
                             "their passwords (or disable them) first.\n";
                spdlog::error("refusing to start: users with the demo password: {}", names);
                return EXIT_CONFIG;
            }
        }
        IntakeService intake(db, clock, catalog, audit);
        CaseReader cases(db, catalog, audit);
        DeficiencyQueries deficiencies(db, clock);
        DeficiencyResolution resolution(db, clock, catalog, audit, cases);
        ApplicantRecords applicants(db, clock, audit);
        const auto maxAttachmentBytes =
            static_cast<std::size_t>(config().getInt64("attachments.maxBytes", 20 * 1024 * 1024));
        AttachmentService::CaseQuota caseQuota;
        caseQuota.maxCaseFiles = std::max<std::int64_t>(0, config().getInt64("attachments.maxPerCase", 100));
        caseQuota.maxCaseBytes =
            std::max<std::int64_t>(0, config().getInt64("attachments.maxCaseBytes", 200LL * 1024 * 1024));
        AttachmentService attachments(db, clock, audit, maxAttachmentBytes, caseQuota);
        const std::unique_ptr<Notifier> notifier = makeNotifier();
        DeficiencyTracker::Settings trackerSettings;
        trackerSettings.daysBefore = config().getInt("reminders.daysBefore", 2);
        trackerSettings.maxAttempts = config().getInt("notifier.maxAttempts", 3);
        DeficiencyTracker tracker(db, clock, catalog, audit, *notifier, trackerSettings);
        spdlog::info("reminders {} working day(s) before the due date and on it, sent by {}",
                     trackerSettings.daysBefore, notifier->name());
        SimulatedApprovals simulated(db, clock, catalog, audit, cases);
        ReviewService review(db, clock, audit, cases, simulated);
        ResultService results(db, clock, audit, cases);
        DeliveryService delivery(db, clock, audit, cases);
        FollowUps::Settings followUpSettings;
        followUpSettings.dueWorkingDays = config().getInt("followUps.dueWorkingDays", 5);
        FollowUps followUps(db, clock, catalog, audit, followUpSettings);
        EvaluationService::Settings evaluationSettings;
        evaluationSettings.invitationAfterDays = config().getInt("evaluations.invitationAfterDays", 3);
        EvaluationService evaluations(db, clock, catalog, audit, followUps, evaluationSettings);
        TransferService transfers(db, clock, audit);
        MatterVersions matterVersions(db, clock, catalog, audit);
        CatalogExchange catalogExchange(db, clock, catalog, matterVersions, audit);
        StatsService stats(db, clock, config().getDouble("stats.onTimeTarget", 0.9));
        Services services{db,          clock,     audit,     catalog,      matterVersions, catalogExchange,
                          sessions,    intake,    cases,     deficiencies, resolution,     applicants,
                          attachments, tracker,   review,    results,      simulated,      delivery,
                          evaluations, followUps, transfers, users,        stats,          ONEWINDOW_VERSION};
        Router router;
        registerRoutes(router, services);
        if (config().getBool("option.list-routes", false)) {
            for (const std::string &route : router.routes())
                std::cout << route << '\n';
            return EXIT_OK;
        }
        const Pipeline pipeline(router, sessions);
        spdlog::info("audit checkpoints appended to {}", checkpoints.path());
        CheckpointRunner checkpointer(audit, db, config().getInt("audit.checkpointSeconds", 300));
        checkpointer.checkpoint();
        serve(pipeline, services, threads, maxAttachmentBytes, db.dialectName());
        return EXIT_OK;
    }

    // The audit key from --audit-key-file or audit.keyFile, which must exist; without either, the
    // one beside the database, created the first time.
    AuditKey loadAuditKey(const std::string &url)
    {
        const std::string given =
            config().getString("option.audit-key-file", config().getString("audit.keyFile", ""));
        if (!given.empty())
            return AuditKey::load(given);
        const std::string path = auditFileBeside(url, ".audit-key", "audit.key");
        bool created = false;
        AuditKey key = AuditKey::loadOrCreate(path, created);
        if (created)
            spdlog::warn("audit key created in {}: keep a copy apart from the database's backups, and set "
                         "audit.keyFile to a place the database's administrators cannot read (docs/deployment.md)",
                         path);
        else
            spdlog::info("audit key {} read from {}", key.id(), path);
        return key;
    }

    // --create-admin: the security administrator with a one-time password, printed on the
    // standard output (never logged), or with --password-stdin the password read from the
    // standard input. 1 when the user is not created.
    int createAdmin(UserAccounts &users, const std::string &username)
    {
        std::optional<std::string> password;
        if (config().getBool("option.password-stdin", false)) {
            std::string line;
            std::getline(std::cin, line);
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            password = line;
        }
        try {
            const std::string oneTime = users.createSecurityAdmin(username, password);
            if (password)
                std::cout << "security administrator " << username << " created" << std::endl;
            else
                std::cout << "security administrator " << username << " created; one-time password: " << oneTime
                          << " (to be changed at the first sign-in)" << std::endl;
            spdlog::info("security administrator {} created", username);
            return EXIT_OK;
        } catch (const std::runtime_error &e) {
            std::cerr << "onewindow-server: --create-admin: " << e.what() << '\n';
            return 1;
        }
    }

    std::unique_ptr<Notifier> makeNotifier()
    {
        if (const std::string command = config().getString("notifier.command", ""); !command.empty())
            return std::make_unique<CommandNotifier>(command, std::max(1, config().getInt("notifier.timeoutSeconds", 10)));
        return std::make_unique<LoggingNotifier>();
    }

    // Serves until a termination request, then lets the requests in flight finish.
    void serve(const Pipeline &pipeline, Services &services, int threads, std::size_t maxAttachmentBytes,
               const char *dialect)
    {
        const Poco::Net::SocketAddress address(setting("listen", "http.listen", "127.0.0.1:8080"));
        const bool tls = !setting("tls-cert", "tls.cert").empty();
        const std::unique_ptr<Poco::Net::ServerSocket> socket = listen(address, tls);
        const auto bound = socket->address();

        auto params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(threads);
        params->setMaxQueued(config().getInt("http.maxQueued", 512));
        params->setKeepAlive(true);
        // An idle kept-alive connection is closed after a few seconds, so that a stop
        // (which lets requests in flight finish) never waits long for idle clients.
        params->setKeepAliveTimeout(Poco::Timespan(config().getInt("http.keepAliveSeconds", 5), 0));
        params->setTimeout(Poco::Timespan(30, 0));
        ConnectionDeadlines::Settings deadlineSettings;
        deadlineSettings.headerSeconds = std::max(1, config().getInt("http.headerSeconds", 20));
        deadlineSettings.bodySeconds = std::max(1, config().getInt("http.bodySeconds", 60));
        deadlineSettings.minBodyBytesPerSecond = config().getInt64("http.minBodyBytesPerSecond", 16 * 1024);
        ConnectionDeadlines deadlines(deadlineSettings);
        DeadlineHttpServer server(
            new PipelineHandlerFactory(pipeline,
                                       static_cast<std::size_t>(config().getInt("http.maxBodyBytes", 1 << 20)),
                                       maxAttachmentBytes, std::max(0, config().getInt("uploads.perUser", 2))),
            *socket, params, deadlines);
        server.start();
        std::cout << "onewindow-server listening on " << (tls ? "https://" : "http://") << bound.toString() << " ("
                  << dialect << ")" << std::endl;
        spdlog::info("listening on {} ({}, version {})", bound.toString(), dialect, ONEWINDOW_VERSION);

        {
            JobRunner jobs(services, config().getInt("jobs.intervalSeconds", 60));
            waitForTerminationRequest();
            spdlog::info("stopping: finishing requests in flight");
            server.stopAll(false);
            for (int i = 0; i < 100 && server.currentConnections() > 0; ++i)
                Poco::Thread::sleep(100);
        }
        if (tls)
            Poco::Net::uninitializeSSL();
        spdlog::info("stopped ({} connection(s) ended for not sending their request in time)", deadlines.cut());
    }

    // HTTPS when a certificate is configured (TLS 1.2 and later only), else HTTP.
    std::unique_ptr<Poco::Net::ServerSocket> listen(const Poco::Net::SocketAddress &address, bool tls)
    {
        if (!tls)
            return std::make_unique<Poco::Net::ServerSocket>(address, 256);
        Poco::Net::initializeSSL();
        Poco::Net::Context::Ptr context = new Poco::Net::Context(
            Poco::Net::Context::TLS_SERVER_USE, setting("tls-key", "tls.key"), setting("tls-cert", "tls.cert"), "",
            Poco::Net::Context::VERIFY_NONE);
        context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3
                                  | Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
        return std::make_unique<Poco::Net::SecureServerSocket>(address, 256, context);
    }

    // An option on the command line, else the key of the --config file, else `fallback`.
    std::string setting(const std::string &option, const std::string &key, const std::string &fallback = {}) const
    {
        return config().getString("option." + option, config().getString(key, fallback));
    }

    bool m_exitEarly = false;
};

} // namespace onewindow::server

POCO_SERVER_MAIN(onewindow::server::ServerApp)
