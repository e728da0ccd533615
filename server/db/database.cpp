#include "db/database.h"

#include "db/sqlite.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/URI.h>

#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

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

} // namespace

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
    const std::string host = uri.getHost().empty() ? "127.0.0.1" : uri.getHost();
    std::string conn = "host=" + quoteConnValue(host);
    conn += " port=" + std::to_string(uri.getPort() ? uri.getPort() : 5432);
    if (!user.empty())
        conn += " user=" + quoteConnValue(user);
    if (!password.empty())
        conn += " password=" + quoteConnValue(password);
    if (!db.empty())
        conn += " dbname=" + quoteConnValue(db);
    // Transport and credentials from the URL's query: TLS (sslmode, sslrootcert, sslcert,
    // sslkey, sslcrl), a password file (passfile) instead of a password in the URL. A server
    // on another machine is reached with its certificate verified unless sslmode says otherwise.
    static const std::set<std::string> modes{"disable", "allow", "prefer", "require", "verify-ca", "verify-full"};
    static const std::set<std::string> accepted{"sslmode", "sslrootcert", "sslcert", "sslkey", "sslcrl", "passfile",
                                                "connect_timeout", "application_name"};
    std::map<std::string, std::string> options;
    for (const auto &[key, value] : uri.getQueryParameters()) {
        if (!accepted.count(key))
            throw std::invalid_argument("the database URL has an unknown parameter '" + key + "' (known: sslmode, "
                                        "sslrootcert, sslcert, sslkey, sslcrl, passfile, connect_timeout, "
                                        "application_name)");
        if (key == "sslmode" && !modes.count(value))
            throw std::invalid_argument("sslmode must be disable, allow, prefer, require, verify-ca or verify-full, "
                                        "not '" + value + "'");
        options[key] = value;
    }
    const bool local = host == "127.0.0.1" || host == "::1" || host == "localhost" || host.front() == '/';
    if (!options.count("sslmode") && !local)
        options["sslmode"] = "verify-full";
    if (!options.count("connect_timeout"))
        options["connect_timeout"] = "10";
    for (const auto &[key, value] : options)
        conn += " " + key + "=" + quoteConnValue(value);
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

} // namespace onewindow::server
