#include "localstore.h"

#include "serverclock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMetaObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace onewindow::models {

/// Lives on the store's thread and owns the connection; everything here runs there.
class LocalStore::Worker : public QObject
{
public:
    explicit Worker(LocalStore *store) : m_store(store), m_connection(QUuid::createUuid().toString()) {}
    ~Worker() override
    {
        if (QSqlDatabase::contains(m_connection)) {
            QSqlDatabase::database(m_connection, false).close();
            QSqlDatabase::removeDatabase(m_connection);
        }
    }

    QString open(const QString &path)
    {
        // For the user alone: the folder 0700, the file and its WAL 0600 (created so before SQLite
        // opens it; an older file narrowed).
        const QString folder = QFileInfo(path).absolutePath();
        QDir().mkpath(folder);
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
        if (!QFileInfo::exists(path)) {
            QFile file(path);
            if (file.open(QIODevice::WriteOnly))
                file.close();
        }
        for (const QString &file : {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm"),
                                    path + QStringLiteral("-journal")}) {
            if (QFileInfo::exists(file) && !QFile::setPermissions(file, ownerOnly))
                return QStringLiteral("cannot make %1 readable by its owner alone").arg(file);
        }
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(path);
        if (!db.open())
            return db.lastError().text();
        const char *schema[] = {
            "PRAGMA journal_mode = WAL",
            "PRAGMA synchronous = NORMAL",
            // Deleted drafts are overwritten, not left in free pages.
            "PRAGMA secure_delete = ON",
            "CREATE TABLE IF NOT EXISTS matters (code TEXT PRIMARY KEY, position INTEGER NOT NULL, summary TEXT NOT "
            "NULL, detail TEXT)",
            "CREATE TABLE IF NOT EXISTS bundles (code TEXT PRIMARY KEY, position INTEGER NOT NULL, body TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS calendar (day TEXT PRIMARY KEY, body TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS drafts (key TEXT PRIMARY KEY, body TEXT NOT NULL, saved_at TEXT NOT NULL, "
            "username TEXT, center TEXT)",
            "CREATE TABLE IF NOT EXISTS reserved_numbers (number TEXT PRIMARY KEY, center TEXT NOT NULL, "
            "taken_by TEXT UNIQUE)",
            "CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, "
            "body TEXT NOT NULL, number TEXT, state TEXT NOT NULL, attempts INTEGER NOT NULL, answer TEXT, "
            "last_error TEXT, created_at TEXT NOT NULL)",
        };
        for (const char *statement : schema) {
            QSqlQuery q(db);
            if (!q.exec(QString::fromLatin1(statement)))
                return q.lastError().text();
        }
        // Drafts of a store made before they had an owner: no one's (never offered, purged by age).
        QStringList columns;
        QSqlQuery info(db);
        if (info.exec(QStringLiteral("PRAGMA table_info(drafts)"))) {
            while (info.next())
                columns << info.value(1).toString();
        }
        for (const char *column : {"username", "center"}) {
            if (columns.contains(QLatin1String(column)))
                continue;
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("ALTER TABLE drafts ADD COLUMN %1 TEXT").arg(QLatin1String(column))))
                return q.lastError().text();
        }
        return {};
    }

    QSqlDatabase db() const { return QSqlDatabase::database(m_connection, false); }

    bool exec(const QString &sql, const QVariantList &params = {}, QSqlQuery *out = nullptr)
    {
        QSqlQuery q(db());
        q.prepare(sql);
        for (const QVariant &p : params)
            q.addBindValue(p);
        if (!q.exec()) {
            emit m_store->storageError(q.lastError().text());
            return false;
        }
        if (out)
            *out = std::move(q);
        return true;
    }

    void replaceList(const QString &table, const QString &column, const QJsonArray &items, const QString &keyName)
    {
        QSqlDatabase d = db();
        d.transaction();
        exec(QStringLiteral("DELETE FROM %1").arg(table));
        int position = 0;
        for (const auto &item : items) {
            const QJsonObject o = item.toObject();
            exec(QStringLiteral("INSERT INTO %1 (code, position, %2) VALUES (?, ?, ?)").arg(table, column),
                 {o.value(keyName).toString(), position++,
                  QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact))});
        }
        d.commit();
    }

    QJsonArray readList(const QString &sql)
    {
        QJsonArray out;
        QSqlQuery q;
        if (!exec(sql, {}, &q))
            return out;
        while (q.next())
            out.append(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
        return out;
    }

    LocalStore *m_store;
    QString m_connection;
};

namespace {

// Runs `work` on the worker's thread, then `done(result)` on the context's thread.
template<typename Result, typename Work, typename Done>
void runOn(QObject *worker, QObject *context, Work work, Done done)
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    QMetaObject::invokeMethod(worker, [work, done, guard, hasContext]() mutable {
        Result result = work();
        if (!done || (hasContext && !guard))
            return;
        if (!hasContext) {
            done(result);
            return;
        }
        QMetaObject::invokeMethod(guard.data(), [done, result]() { done(result); }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

template<typename Work>
void runOnVoid(QObject *worker, QObject *context, Work work, std::function<void()> done)
{
    runOn<bool>(worker, context, [work]() mutable { work(); return true; },
                done ? std::function<void(bool)>([done](bool) { done(); }) : std::function<void(bool)>());
}

QString text(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }

} // namespace

LocalStore::LocalStore(QObject *parent) : QObject(parent), m_worker(new Worker(this))
{
    m_thread.setObjectName(QStringLiteral("LocalStore"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

LocalStore::~LocalStore()
{
    flush();
    m_thread.quit();
    m_thread.wait();
}

void LocalStore::open(const QString &path, QObject *context, std::function<void(const QString &)> done)
{
    m_path = path;
    Worker *w = m_worker;
    runOn<QString>(w, context, [w, path] { return w->open(path); }, std::move(done));
}

void LocalStore::replaceMatters(const QJsonArray &summaries, QObject *context, std::function<void()> done)
{
    Worker *w = m_worker;
    runOnVoid(w, context, [w, summaries] {
        // Keep cached details of matters that are still there.
        QSqlDatabase d = w->db();
        d.transaction();
        QStringList codes;
        int position = 0;
        for (const auto &item : summaries) {
            const QJsonObject o = item.toObject();
            const QString code = o.value(QLatin1String("code")).toString();
            codes << code;
            w->exec(QStringLiteral("INSERT INTO matters (code, position, summary) VALUES (?, ?, ?) ON CONFLICT(code) "
                                   "DO UPDATE SET position = excluded.position, summary = excluded.summary"),
                    {code, position++, text(o)});
        }
        QSqlQuery q;
        if (w->exec(QStringLiteral("SELECT code FROM matters"), {}, &q)) {
            QStringList gone;
            while (q.next()) {
                if (!codes.contains(q.value(0).toString()))
                    gone << q.value(0).toString();
            }
            for (const QString &code : gone)
                w->exec(QStringLiteral("DELETE FROM matters WHERE code = ?"), {code});
        }
        d.commit();
    }, std::move(done));
}

void LocalStore::matters(QObject *context, std::function<void(const QJsonArray &)> done) const
{
    Worker *w = m_worker;
    runOn<QJsonArray>(w, context, [w] { return w->readList(QStringLiteral("SELECT summary FROM matters ORDER BY position")); },
                      std::move(done));
}

void LocalStore::saveMatterDetail(const QJsonObject &matter, QObject *context, std::function<void()> done)
{
    Worker *w = m_worker;
    runOnVoid(w, context, [w, matter] {
        const QString code = matter.value(QLatin1String("code")).toString();
        QJsonObject summary;
        for (const char *key : {"code", "name", "department", "promisedDays", "legalDays", "initials"})
            summary.insert(QLatin1String(key), matter.value(QLatin1String(key)));
        w->exec(QStringLiteral("INSERT INTO matters (code, position, summary, detail) VALUES (?, (SELECT "
                               "COALESCE(MAX(position), 0) + 1 FROM matters), ?, ?) ON CONFLICT(code) DO UPDATE SET "
                               "detail = excluded.detail"),
                {code, text(summary), text(matter)});
    }, std::move(done));
}

void LocalStore::matterDetail(const QString &code, QObject *context, std::function<void(const QJsonObject &)> done) const
{
    Worker *w = m_worker;
    runOn<QJsonObject>(w, context, [w, code] {
        QSqlQuery q;
        if (w->exec(QStringLiteral("SELECT detail FROM matters WHERE code = ? AND detail IS NOT NULL"), {code}, &q)
            && q.next())
            return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
        return QJsonObject();
    }, std::move(done));
}

void LocalStore::replaceBundles(const QJsonArray &bundles, QObject *context, std::function<void()> done)
{
    Worker *w = m_worker;
    runOnVoid(w, context, [w, bundles] { w->replaceList(QStringLiteral("bundles"), QStringLiteral("body"), bundles,
                                                        QStringLiteral("code")); },
              std::move(done));
}

void LocalStore::bundles(QObject *context, std::function<void(const QJsonArray &)> done) const
{
    Worker *w = m_worker;
    runOn<QJsonArray>(w, context, [w] { return w->readList(QStringLiteral("SELECT body FROM bundles ORDER BY position")); },
                      std::move(done));
}

void LocalStore::replaceCalendar(const QJsonArray &days, QObject *context, std::function<void()> done)
{
    Worker *w = m_worker;
    runOnVoid(w, context, [w, days] {
        QSqlDatabase d = w->db();
        d.transaction();
        for (const auto &day : days) {
            const QJsonObject o = day.toObject();
            w->exec(QStringLiteral("INSERT OR REPLACE INTO calendar (day, body) VALUES (?, ?)"),
                    {o.value(QLatin1String("date")).toString(), text(o)});
        }
        d.commit();
    }, std::move(done));
}

void LocalStore::calendar(QObject *context, std::function<void(const QJsonArray &)> done) const
{
    Worker *w = m_worker;
    runOn<QJsonArray>(w, context, [w] { return w->readList(QStringLiteral("SELECT body FROM calendar ORDER BY day")); },
                      std::move(done));
}

void LocalStore::setValue(const QString &key, const QJsonValue &value, QObject *context, std::function<void()> done)
{
    Worker *w = m_worker;
    runOnVoid(w, context, [w, key, value] {
        w->exec(QStringLiteral("INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)"),
                {key, QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))});
    }, std::move(done));
}

void LocalStore::value(const QString &key, QObject *context, std::function<void(const QJsonValue &)> done) const
{
    Worker *w = m_worker;
    runOn<QJsonValue>(w, context, [w, key] {
        QSqlQuery q;
        if (w->exec(QStringLiteral("SELECT value FROM kv WHERE key = ?"), {key}, &q) && q.next())
            return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).array().at(0);
        return QJsonValue();
    }, std::move(done));
}

void LocalStore::addReservedNumbers(const QString &center, const QStringList &numbers, QObject *context,
                                    std::function<void()> done)
{
    Worker *w = m_worker;
    runOnVoid(w, context, [w, center, numbers] {
        QSqlDatabase d = w->db();
        d.transaction();
        for (const QString &number : numbers)
            w->exec(QStringLiteral("INSERT OR IGNORE INTO reserved_numbers (number, center) VALUES (?, ?)"),
                    {number, center});
        d.commit();
    }, std::move(done));
}

void LocalStore::freeReservedNumberCount(const QString &center, QObject *context, std::function<void(int)> done) const
{
    Worker *w = m_worker;
    runOn<int>(w, context, [w, center] {
        QSqlQuery q;
        if (w->exec(QStringLiteral("SELECT COUNT(*) FROM reserved_numbers WHERE center = ? AND taken_by IS NULL"),
                    {center}, &q)
            && q.next())
            return q.value(0).toInt();
        return 0;
    }, std::move(done));
}

void LocalStore::takeReservedNumber(const QString &center, const QString &takenBy, QObject *context,
                                    std::function<void(const QString &)> done)
{
    Worker *w = m_worker;
    runOn<QString>(w, context, [w, center, takenBy] {
        QSqlQuery q;
        if (w->exec(QStringLiteral("SELECT number FROM reserved_numbers WHERE taken_by = ?"), {takenBy}, &q) && q.next())
            return q.value(0).toString();
        // One statement: the lowest free number becomes this intake's.
        if (w->exec(QStringLiteral("UPDATE reserved_numbers SET taken_by = ? WHERE number = (SELECT number FROM "
                                   "reserved_numbers WHERE center = ? AND taken_by IS NULL ORDER BY number LIMIT 1) "
                                   "RETURNING number"),
                    {takenBy, center}, &q)
            && q.next())
            return q.value(0).toString();
        return QString();
    }, std::move(done));
}

namespace {

QJsonObject outboxEntry(const QSqlQuery &q)
{
    return {{QStringLiteral("id"), q.value(0).toLongLong()},
            {QStringLiteral("key"), q.value(1).toString()},
            {QStringLiteral("body"), QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object()},
            {QStringLiteral("number"), q.value(3).toString()},
            {QStringLiteral("state"), q.value(4).toString()},
            {QStringLiteral("attempts"), q.value(5).toInt()},
            {QStringLiteral("answer"), QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object()},
            {QStringLiteral("lastError"), q.value(7).toString()},
            {QStringLiteral("createdAt"), q.value(8).toString()}};
}

const char *const kOutboxColumns = "id, key, body, number, state, attempts, answer, last_error, created_at";

} // namespace

void LocalStore::enqueueIntake(const QString &key, const QJsonObject &body, QObject *context,
                               std::function<void()> done)
{
    Worker *w = m_worker;
    runOnVoid(w, context, [w, key, body] {
        w->exec(QStringLiteral("INSERT OR IGNORE INTO outbox (key, body, number, state, attempts, created_at) VALUES "
                               "(?, ?, ?, 'queued', 0, ?)"),
                {key, text(body), body.value(QLatin1String("number")).toString(),
                 ServerClock::pcNow().toString(Qt::ISODate)});
    }, std::move(done));
}

void LocalStore::nextQueuedIntake(QObject *context, std::function<void(const QJsonObject &, int)> done) const
{
    Worker *w = m_worker;
    using Next = std::pair<QJsonObject, int>;
    runOn<Next>(w, context, [w] {
        Next next{QJsonObject(), 0};
        QSqlQuery q;
        if (w->exec(QStringLiteral("SELECT %1 FROM outbox WHERE state = 'queued' ORDER BY id LIMIT 1")
                        .arg(QLatin1String(kOutboxColumns)),
                    {}, &q)
            && q.next())
            next.first = outboxEntry(q);
        if (!next.first.isEmpty() && w->exec(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'queued'"), {}, &q)
            && q.next())
            next.second = q.value(0).toInt();
        return next;
    }, std::function<void(const Next &)>([done = std::move(done)](const Next &next) { done(next.first, next.second); }));
}

void LocalStore::recordOutboxAttempt(const QString &key, const QString &state, const QJsonObject &answer,
                                     const QString &error, QObject *context, std::function<void()> done)
{
    Worker *w = m_worker;
    runOnVoid(w, context, [w, key, state, answer, error] {
        w->exec(QStringLiteral("UPDATE outbox SET state = ?, attempts = attempts + 1, answer = ?, last_error = ? "
                               "WHERE key = ?"),
                {state, answer.isEmpty() ? QVariant() : QVariant(text(answer)), error.isEmpty() ? QVariant() : error, key});
    }, std::move(done));
}

void LocalStore::outbox(QObject *context, std::function<void(const QJsonArray &)> done) const
{
    Worker *w = m_worker;
    runOn<QJsonArray>(w, context, [w] {
        QJsonArray out;
        QSqlQuery q;
        if (w->exec(QStringLiteral("SELECT %1 FROM outbox ORDER BY id").arg(QLatin1String(kOutboxColumns)), {}, &q))
            while (q.next())
                out.append(outboxEntry(q));
        return out;
    }, std::move(done));
}

void LocalStore::setDraftOwner(const QString &username, const QString &center)
{
    m_draftUsername = username.isEmpty() ? QStringLiteral("") : username;
    m_draftCenter = center.isEmpty() ? QStringLiteral("") : center;
}

QString LocalStore::now() const
{
    // UTC with milliseconds: saved_at values compare as text.
    return (m_clock ? m_clock->now() : ServerClock::pcNow()).toUTC().toString(Qt::ISODateWithMs);
}

void LocalStore::saveDraft(const QString &key, const QJsonObject &draft, QObject *context, std::function<void()> done)
{
    Worker *w = m_worker;
    runOnVoid(w, context, [w, key, draft, username = m_draftUsername, center = m_draftCenter, savedAt = now()] {
        // A key is one user's: another user's draft under the same key is left alone.
        w->exec(QStringLiteral("INSERT INTO drafts (key, body, saved_at, username, center) VALUES (?, ?, ?, ?, ?) "
                               "ON CONFLICT(key) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at "
                               "WHERE drafts.username IS excluded.username AND drafts.center IS excluded.center"),
                {key, text(draft), savedAt, username, center});
    }, std::move(done));
}

void LocalStore::draft(const QString &key, QObject *context, std::function<void(const QJsonObject &)> done) const
{
    Worker *w = m_worker;
    runOn<QJsonObject>(w, context, [w, key, username = m_draftUsername, center = m_draftCenter] {
        QSqlQuery q;
        if (w->exec(QStringLiteral("SELECT body FROM drafts WHERE key = ? AND username IS ? AND center IS ?"),
                    {key, username, center}, &q)
            && q.next())
            return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
        return QJsonObject();
    }, std::move(done));
}

void LocalStore::draftKeys(QObject *context, std::function<void(const QStringList &)> done) const
{
    Worker *w = m_worker;
    runOn<QStringList>(w, context, [w, username = m_draftUsername, center = m_draftCenter] {
        QStringList keys;
        QSqlQuery q;
        if (w->exec(QStringLiteral("SELECT key FROM drafts WHERE username IS ? AND center IS ? ORDER BY saved_at, key"),
                    {username, center}, &q)) {
            while (q.next())
                keys << q.value(0).toString();
        }
        return keys;
    }, std::move(done));
}

void LocalStore::removeDraft(const QString &key, QObject *context, std::function<void()> done)
{
    Worker *w = m_worker;
    runOnVoid(w, context, [w, key, username = m_draftUsername, center = m_draftCenter] {
        w->exec(QStringLiteral("DELETE FROM drafts WHERE key = ? AND username IS ? AND center IS ?"),
                {key, username, center});
    }, std::move(done));
}

void LocalStore::purgeDrafts(int keepHours, QObject *context, std::function<void(int)> done)
{
    Worker *w = m_worker;
    const QString cutoff = (m_clock ? m_clock->now() : ServerClock::pcNow())
                               .addSecs(-3600 * static_cast<qint64>(qMax(0, keepHours)))
                               .toUTC()
                               .toString(Qt::ISODateWithMs);
    runOn<int>(w, context, [w, cutoff] {
        QSqlQuery q;
        if (!w->exec(QStringLiteral("DELETE FROM drafts WHERE saved_at < ?"), {cutoff}, &q))
            return 0;
        return q.numRowsAffected();
    }, std::move(done));
}

void LocalStore::flush()
{
    if (!m_thread.isRunning() || QThread::currentThread() == &m_thread)
        return;
    QMetaObject::invokeMethod(m_worker, [] {}, Qt::BlockingQueuedConnection);
}

} // namespace onewindow::models
