#include "serverprocess.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QTranslator>

#include <csignal>

ServerProcess::ServerProcess() = default;

ServerProcess::~ServerProcess()
{
    if (isRunning())
        stop();
}

QString ServerProcess::binary()
{
    return QStringLiteral(ONEWINDOW_SERVER_BINARY);
}

bool ServerProcess::startDemo(const QString &directory, QString *error)
{
    const TestDatabase db = TestDatabase::create(TestDatabase::Kind::SQLite, directory, error);
    return !db.url().isEmpty() && start({"--database", db.url(), "--demo", "--today", "2026-11-27"}, error);
}

QProcessEnvironment ServerProcess::environment(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const qsizetype at = arguments.indexOf(QStringLiteral("--database"));
    const QString url = at >= 0 ? arguments.value(at + 1) : QString();
    if (url.startsWith(QLatin1String("postgres"))) {
        const QString base = qEnvironmentVariable("ONEWINDOW_TEST_TMP", QDir::tempPath());
        const QString home =
            QDir(base).filePath(QStringLiteral("server-data/") + url.section('/', -1).section('?', 0, 0));
        QDir().mkpath(home);
        environment.insert(QStringLiteral("XDG_DATA_HOME"), home);
    }
    return environment;
}

bool ServerProcess::start(const QStringList &arguments, QString *error)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setProcessEnvironment(environment(arguments));
    m_output.clear();
    m_process->start(binary(),
                     QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} + arguments);
    if (!m_process->waitForStarted(10000)) {
        *error = QStringLiteral("cannot start the server: ") + m_process->errorString();
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on (https?://[0-9.:]+)"));
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 60000) {
        m_process->waitForReadyRead(200);
        m_output += QString::fromUtf8(m_process->readAll());
        const auto match = listening.match(m_output);
        if (match.hasMatch()) {
            m_baseUrl = match.captured(1);
            return true;
        }
        if (m_process->state() == QProcess::NotRunning) {
            *error = QStringLiteral("the server exited: ") + m_output;
            return false;
        }
    }
    *error = QStringLiteral("the server did not start listening: ") + m_output;
    return false;
}

int ServerProcess::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return m_process ? m_process->exitCode() : -1;
    ::kill(static_cast<pid_t>(m_process->processId()), SIGTERM);
    if (!m_process->waitForFinished(30000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
        return -1;
    }
    m_output += QString::fromUtf8(m_process->readAll());
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

void ServerProcess::kill()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->kill();
    m_process->waitForFinished(30000);
    m_output += QString::fromUtf8(m_process->readAll());
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

TestDatabase::Kind TestDatabase::kindFromEnvironment()
{
    return qEnvironmentVariable("ONEWINDOW_TEST_DATABASE") == QLatin1String("postgresql") ? Kind::PostgreSQL
                                                                                         : Kind::SQLite;
}

bool TestDatabase::execute(const QStringList &statements, QString *error) const
{
    if (m_kind == Kind::SQLite) {
        const QString connection = QStringLiteral("test-database-execute");
        bool ok = true;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(m_url.mid(7));
            ok = db.open();
            QSqlQuery query(db);
            for (const QString &sql : statements) {
                if (!ok)
                    break;
                ok = query.exec(sql);
                if (!ok && error)
                    *error = query.lastError().text() + QStringLiteral(": ") + sql;
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
        return ok;
    }
    QString admin = qEnvironmentVariable("ONEWINDOW_TEST_PG_ADMIN");
    admin.replace(QStringLiteral("dbname=postgres"), QStringLiteral("dbname=") + m_url.section('/', -1));
    QProcess psql;
    psql.start(QStringLiteral("psql"), {admin, QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"),
                                        statements.join(QStringLiteral("; "))});
    if (!psql.waitForFinished(30000) || psql.exitCode() != 0) {
        if (error)
            *error = QString::fromLocal8Bit(psql.readAllStandardError());
        return false;
    }
    return true;
}

TestDatabase TestDatabase::forSuite(const QString &directory, QString *error)
{
    if (const QString traffic = qEnvironmentVariable("ONEWINDOW_CONTRACT_TRAFFIC"); !traffic.isEmpty())
        QFile::remove(traffic);
    return create(kindFromEnvironment(), directory, error);
}

TestDatabase TestDatabase::create(Kind kind, const QString &directory, QString *error)
{
    TestDatabase db;
    db.m_kind = kind;
    if (kind == Kind::SQLite) {
        db.m_url = QStringLiteral("sqlite:") + QDir(directory).filePath(
                       QStringLiteral("ow-%1.db").arg(QRandomGenerator::global()->generate()));
        return db;
    }
    const QString admin = qEnvironmentVariable("ONEWINDOW_TEST_PG_ADMIN");
    const QString port = qEnvironmentVariable("ONEWINDOW_TEST_PG_PORT");
    if (admin.isEmpty() || port.isEmpty()) {
        *error = QStringLiteral("ONEWINDOW_TEST_PG_ADMIN is not set: run the tests with ./test.sh, which starts "
                                "PostgreSQL");
        return db;
    }
    const QString name = QStringLiteral("ow_test_%1").arg(QRandomGenerator::global()->generate());
    QProcess psql;
    psql.start(QStringLiteral("psql"), {admin, QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                                        QStringLiteral("-c"), QStringLiteral("CREATE DATABASE %1").arg(name)});
    if (!psql.waitForFinished(30000) || psql.exitCode() != 0) {
        *error = QStringLiteral("psql could not create a database: ") + QString::fromUtf8(psql.readAllStandardError());
        return db;
    }
    db.m_url = QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(port, name);
    return db;
}

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

HttpClient::HttpClient(QString baseUrl) : m_baseUrl(std::move(baseUrl)) {}

ApiReply HttpClient::get(const QString &path, const QMap<QByteArray, QByteArray> &headers)
{
    return send("GET", path, {}, headers);
}

QJsonObject HttpClient::getObject(const QString &path)
{
    const ApiReply r = get(path);
    if (r.status != 200)
        qWarning("%s: %d %s", qPrintable(path), r.status, r.body.constData());
    return r.object();
}

ApiReply HttpClient::post(const QString &path, const QByteArray &body, const QMap<QByteArray, QByteArray> &headers)
{
    return send("POST", path, body, headers);
}

ApiReply HttpClient::put(const QString &path, const QByteArray &body, const QMap<QByteArray, QByteArray> &headers)
{
    return send("PUT", path, body, headers);
}

ApiReply HttpClient::del(const QString &path)
{
    return send("DELETE", path, {}, {});
}

ApiReply HttpClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                         const QMap<QByteArray, QByteArray> &headers)
{
    QNetworkRequest request(QUrl(m_baseUrl + path));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    for (auto it = headers.begin(); it != headers.end(); ++it)
        request.setRawHeader(it.key(), it.value());
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();

    ApiReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.networkError = reply->errorString();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers.insert(pair.first.toLower(), pair.second);
    result.json = QJsonDocument::fromJson(result.body);
    reply->deleteLater();
    record(method, path, result);
    return result;
}

ApiReply HttpClient::signIn(const QString &username, const QString &password)
{
    const ApiReply reply = post(QStringLiteral("/api/v1/sessions"),
                                toJson({{QStringLiteral("username"), username}, {QStringLiteral("password"), password}}));
    if (reply.status == 201)
        m_token = reply.object().value(QStringLiteral("token")).toString();
    return reply;
}

HttpClient &SignedInUsers::as(const QString &username)
{
    auto &client = m_clients[username];
    if (!client) {
        client = std::make_unique<HttpClient>(m_server.baseUrl());
        const ApiReply reply = client->signIn(username);
        if (reply.status != 201)
            qFatal("cannot sign in as %s: %d %s", qPrintable(username), reply.status, reply.body.constData());
    }
    return *client;
}

void HttpClient::record(const QByteArray &method, const QString &path, const ApiReply &reply)
{
    const QString file = qEnvironmentVariable("ONEWINDOW_CONTRACT_TRAFFIC");
    if (file.isEmpty() || reply.status == 0)
        return;
    QJsonObject headers;
    for (const QByteArray &name : {QByteArrayLiteral("etag"), QByteArrayLiteral("location"), QByteArrayLiteral("allow"),
                                   QByteArrayLiteral("retry-after")}) {
        if (reply.headers.contains(name)) {
            const QString display = name == "etag"       ? QStringLiteral("ETag")
                                    : name == "location" ? QStringLiteral("Location")
                                    : name == "allow"    ? QStringLiteral("Allow")
                                                         : QStringLiteral("Retry-After");
            headers.insert(display, QString::fromUtf8(reply.headers.value(name)));
        }
    }
    QString contentType = QString::fromUtf8(reply.headers.value("content-type"));
    contentType = contentType.section(QLatin1Char(';'), 0, 0).trimmed();
    QJsonObject line{{QStringLiteral("method"), QString::fromLatin1(method)},
                     {QStringLiteral("path"), path},
                     {QStringLiteral("status"), reply.status},
                     {QStringLiteral("contentType"), contentType},
                     {QStringLiteral("headers"), headers},
                     {QStringLiteral("body"), reply.json.isNull() ? QJsonValue() : (reply.json.isObject()
                                                                        ? QJsonValue(reply.json.object())
                                                                        : QJsonValue(reply.json.array()))}};
    QFile out(file);
    if (out.open(QIODevice::Append))
        out.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
}

bool installTranslations(const QString &language)
{
    static QTranslator *current = nullptr;
    if (current) {
        QCoreApplication::removeTranslator(current);
        delete current;
        current = nullptr;
    }
    auto *translator = new QTranslator;
    if (!translator->load(QStringLiteral(ONEWINDOW_QM_DIR "/onewindow_%1.qm").arg(language))) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    current = translator;
    return true;
}

QStringList fieldCodes(const ApiReply &reply)
{
    QStringList out;
    for (const auto &e : reply.object().value(QStringLiteral("errors")).toArray())
        out << e.toObject().value(QStringLiteral("field")).toString() + ":" + e.toObject().value(QStringLiteral("code")).toString();
    return out;
}
