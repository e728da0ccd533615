#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>

/// A real onewindow-server started for a test, on a free loopback port, with its own database.
class ServerProcess
{
public:
    ServerProcess();
    ~ServerProcess();

    /// Starts with `--listen 127.0.0.1:0` plus `arguments`; waits for the "listening" line.
    bool start(const QStringList &arguments, QString *error);
    /// Starts on a fresh SQLite database in `directory` with the demo data, on the tests' day
    /// (Friday 27 November 2026).
    bool startDemo(const QString &directory, QString *error);
    /// SIGTERM, then waits; returns the exit code (-1 on a crash or a hang).
    int stop();
    /// SIGKILL, as a power cut or the OOM killer would end it; waits until it is gone.
    void kill();
    bool isRunning() const;

    QString baseUrl() const { return m_baseUrl; }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }
    QString output() const { return m_output; }

    /// The server's binary, for tests that run it for a command of its own (--create-admin).
    static QString binary();
    /// The environment the server runs in for these arguments: the files it keeps beside a
    /// PostgreSQL database (the audit key, its checkpoints) go to a data folder of that
    /// database's own among the tests' temporary files, so that tests never share them or leave
    /// them in the home folder, and every run on the database finds them.
    static QProcessEnvironment environment(const QStringList &arguments);

private:
    std::unique_ptr<QProcess> m_process;
    QString m_baseUrl;
    QString m_output;
};

/// A database for one test run: a SQLite file in a temporary folder, or a fresh database on
/// the throwaway PostgreSQL that test.sh starts (ONEWINDOW_TEST_PG_ADMIN / _PORT).
class TestDatabase
{
public:
    enum class Kind { SQLite, PostgreSQL };
    /// From ONEWINDOW_TEST_DATABASE (sqlite, the default, or postgresql).
    static Kind kindFromEnvironment();
    /// Empty url and an error when PostgreSQL was asked for but is not there.
    static TestDatabase create(Kind kind, const QString &directory, QString *error);
    /// The start of a server suite: its recorded traffic for the contract check
    /// (ONEWINDOW_CONTRACT_TRAFFIC) emptied, and a fresh database of the kind the environment
    /// names.
    static TestDatabase forSuite(const QString &directory, QString *error);
    /// Another fresh database of the same kind.
    QString url() const { return m_url; }
    Kind kind() const { return m_kind; }
    QString name() const { return m_kind == Kind::SQLite ? QStringLiteral("sqlite") : QStringLiteral("postgresql"); }
    /// Runs SQL statements on the database directly, as an operator or a job would write it (on
    /// PostgreSQL through psql and ONEWINDOW_TEST_PG_ADMIN); false and why on the first failure.
    bool execute(const QStringList &statements, QString *error) const;

private:
    Kind m_kind = Kind::SQLite;
    QString m_url;
};

/// The answer to one request, body parsed when it is JSON.
struct ApiReply
{
    int status = 0;
    QByteArray body;
    QJsonDocument json;
    QMap<QByteArray, QByteArray> headers; ///< names lower-cased
    QString networkError;

    QJsonObject object() const { return json.object(); }
    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
};

/// A blocking HTTP client for tests: every exchange is also appended to a JSON Lines file
/// (ONEWINDOW_CONTRACT_TRAFFIC) that the contract test checks against api/openapi.yaml.
class HttpClient
{
public:
    explicit HttpClient(QString baseUrl);

    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }

    ApiReply get(const QString &path, const QMap<QByteArray, QByteArray> &headers = {});
    /// GET's JSON object; a warning with the answer when it is not 200 (the object is then the
    /// problem's, whose missing fields fail the test's comparisons).
    QJsonObject getObject(const QString &path);
    ApiReply post(const QString &path, const QByteArray &body, const QMap<QByteArray, QByteArray> &headers = {});
    ApiReply put(const QString &path, const QByteArray &body, const QMap<QByteArray, QByteArray> &headers = {});
    ApiReply del(const QString &path);
    ApiReply send(const QByteArray &method, const QString &path, const QByteArray &body,
                  const QMap<QByteArray, QByteArray> &headers);

    /// Signs in and keeps the token; returns the reply.
    ApiReply signIn(const QString &username, const QString &password = QStringLiteral("OneWindow-demo-1"));

private:
    void record(const QByteArray &method, const QString &path, const ApiReply &reply);
    QString m_baseUrl;
    QString m_token;
    QNetworkAccessManager m_network;
};

/// The demo users of one server, each with an HttpClient of their own, signed in on first use
/// (a failed sign-in ends the test run: nothing after it could mean anything).
class SignedInUsers
{
public:
    explicit SignedInUsers(const ServerProcess &server) : m_server(server) {}
    HttpClient &as(const QString &username);
    /// Forgets every session, e.g. after the server was started again on another port.
    void clear() { m_clients.clear(); }

private:
    const ServerProcess &m_server;
    std::map<QString, std::unique_ptr<HttpClient>> m_clients;
};

QByteArray toJson(const QJsonObject &object);

/// A 422 answer's field errors as "field:code", in the server's order.
QStringList fieldCodes(const ApiReply &reply);

/// Installs the client's translations for `language` (en carries the plural forms) from the build.
bool installTranslations(const QString &language);
