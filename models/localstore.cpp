#include "localstore.h"

#include "serverclock.h"

#include <QDir>
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
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(path);
        if (!db.open())
            return db.lastError().text();
        const char *schema[] = {
            "PRAGMA journal_mode = WAL",
            "PRAGMA synchronous = NORMAL",
            "CREATE TABLE IF NOT EXISTS matters (code TEXT PRIMARY KEY, position INTEGER NOT NULL, summary TEXT NOT "
            "NULL, detail TEXT)",
            "CREATE TABLE IF NOT EXISTS bundles (code TEXT PRIMARY KEY, position INTEGER NOT NULL, body TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS calendar (day TEXT PRIMARY KEY, body TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS drafts (key TEXT PRIMARY KEY, body TEXT NOT NULL, saved_at TEXT NOT NULL)",
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

void LocalStore::saveDraft(const QString &key, const QJsonObject &draft, QObject *context, std::function<void()> done)
{
    Worker *w = m_worker;
    runOnVoid(w, context, [w, key, draft] {
        w->exec(QStringLiteral("INSERT OR REPLACE INTO drafts (key, body, saved_at) VALUES (?, ?, ?)"),
                // When the draft was saved on this PC: a timestamp, not a business date.
                {key, text(draft), ServerClock::pcNow().toString(Qt::ISODate)});
    }, std::move(done));
}

void LocalStore::draft(const QString &key, QObject *context, std::function<void(const QJsonObject &)> done) const
{
    Worker *w = m_worker;
    runOn<QJsonObject>(w, context, [w, key] {
        QSqlQuery q;
        if (w->exec(QStringLiteral("SELECT body FROM drafts WHERE key = ?"), {key}, &q) && q.next())
            return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
        return QJsonObject();
    }, std::move(done));
}

void LocalStore::draftKeys(QObject *context, std::function<void(const QStringList &)> done) const
{
    Worker *w = m_worker;
    runOn<QStringList>(w, context, [w] {
        QStringList keys;
        QSqlQuery q;
        if (w->exec(QStringLiteral("SELECT key FROM drafts ORDER BY saved_at"), {}, &q)) {
            while (q.next())
                keys << q.value(0).toString();
        }
        return keys;
    }, std::move(done));
}

void LocalStore::removeDraft(const QString &key, QObject *context, std::function<void()> done)
{
    Worker *w = m_worker;
    runOnVoid(w, context, [w, key] { w->exec(QStringLiteral("DELETE FROM drafts WHERE key = ?"), {key}); },
              std::move(done));
}

void LocalStore::flush()
{
    if (!m_thread.isRunning() || QThread::currentThread() == &m_thread)
        return;
    QMetaObject::invokeMethod(m_worker, [] {}, Qt::BlockingQueuedConnection);
}

} // namespace onewindow::models
