#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include <functional>

namespace onewindow::models {

class ServerClock;

/// The client's own SQLite database (WAL): the catalog cache (matters, bundles, calendar), the
/// intake drafts, the outbox of offline intakes and small settings. The file (and its WAL) is
/// readable by the user alone (0600, in a 0700 folder; an older file's mode is narrowed on open),
/// and deleted rows are overwritten (secure_delete). All disk work runs on the store's own
/// thread; results come back through callbacks on the caller's thread, so the GUI never waits on
/// the disk.
class LocalStore : public QObject
{
    Q_OBJECT

public:
    explicit LocalStore(QObject *parent = nullptr);
    ~LocalStore() override;

    /// Opens (and creates) the database at `path`; `done(error)` with an empty error on success.
    void open(const QString &path, QObject *context, std::function<void(const QString &error)> done);
    QString path() const { return m_path; }

    // The catalog cache. Matter summaries are what GET /matters lists; details what
    // GET /matters/{code} answers.
    void replaceMatters(const QJsonArray &summaries, QObject *context = nullptr,
                        std::function<void()> done = nullptr);
    void matters(QObject *context, std::function<void(const QJsonArray &)> done) const;
    void saveMatterDetail(const QJsonObject &matter, QObject *context = nullptr, std::function<void()> done = nullptr);
    /// An empty object when the detail is not cached.
    void matterDetail(const QString &code, QObject *context, std::function<void(const QJsonObject &)> done) const;
    void replaceBundles(const QJsonArray &bundles, QObject *context = nullptr, std::function<void()> done = nullptr);
    void bundles(QObject *context, std::function<void(const QJsonArray &)> done) const;
    void replaceCalendar(const QJsonArray &days, QObject *context = nullptr, std::function<void()> done = nullptr);
    void calendar(QObject *context, std::function<void(const QJsonArray &)> done) const;

    // Small values: the last server, the catalog's refresh time, a plugin's settings.
    void setValue(const QString &key, const QJsonValue &value, QObject *context = nullptr,
                  std::function<void()> done = nullptr);
    void value(const QString &key, QObject *context, std::function<void(const QJsonValue &)> done) const;

    // Drafts: a document per key (an intake in progress), saved on every change, each tied to the
    // user and centre that made it.
    /// Whose drafts from now on (the signed-in user and centre): saveDraft() marks drafts with
    /// them, draft() and draftKeys() see only theirs. Empty until set.
    void setDraftOwner(const QString &username, const QString &center);
    QString draftUsername() const { return m_draftUsername; }
    QString draftCenter() const { return m_draftCenter; }
    /// The clock drafts are stamped with and purged by (the ApiClient's ServerClock, which must
    /// outlive the store's use); this PC's clock until set.
    void setClock(const ServerClock *clock) { m_clock = clock; }
    void saveDraft(const QString &key, const QJsonObject &draft, QObject *context = nullptr,
                   std::function<void()> done = nullptr);
    /// The owner's draft; an empty object when there is none (or it is someone else's).
    void draft(const QString &key, QObject *context, std::function<void(const QJsonObject &)> done) const;
    /// The owner's drafts, oldest first.
    void draftKeys(QObject *context, std::function<void(const QStringList &)> done) const;
    void removeDraft(const QString &key, QObject *context = nullptr, std::function<void()> done = nullptr);
    /// Removes every user's drafts not saved for `keepHours` by the clock; `done(removed)`. The
    /// outbox (intakes waiting to be sent) and everything else stay.
    void purgeDrafts(int keepHours, QObject *context = nullptr, std::function<void(int removed)> done = nullptr);

    /// Case numbers the server reserved for this centre's offline intake (NumberStock). Adding
    /// the same number twice keeps one.
    void addReservedNumbers(const QString &center, const QStringList &numbers, QObject *context = nullptr,
                            std::function<void()> done = nullptr);
    /// How many reserved numbers of `center` no intake has taken yet.
    void freeReservedNumberCount(const QString &center, QObject *context, std::function<void(int)> done) const;
    /// The reserved number taken by `takenBy` (an intake's key): the one it took before, else the
    /// lowest free one, now its own; empty when none is free.
    void takeReservedNumber(const QString &center, const QString &takenBy, QObject *context,
                            std::function<void(const QString &)> done);

    /// The outbox of intakes taken in without the network (SyncEngine), oldest first. Each entry
    /// is {id, key, body, number, state (queued, sent, refused), attempts, answer, lastError,
    /// createdAt}; `key` is its idempotency key, `answer` the server's case or problem.
    /// Enqueueing the same key twice keeps the first.
    void enqueueIntake(const QString &key, const QJsonObject &body, QObject *context = nullptr,
                       std::function<void()> done = nullptr);
    /// The oldest queued entry (an empty object when none) and how many are queued.
    void nextQueuedIntake(QObject *context, std::function<void(const QJsonObject &, int queued)> done) const;
    /// Records an attempt's outcome: `state` sent or refused with the server's answer, or still
    /// queued (a network failure) with the error.
    void recordOutboxAttempt(const QString &key, const QString &state, const QJsonObject &answer,
                             const QString &error, QObject *context = nullptr, std::function<void()> done = nullptr);
    void outbox(QObject *context, std::function<void(const QJsonArray &)> done) const;

    /// Blocks until every queued operation has run (for shutdown and tests).
    void flush();

signals:
    /// Something failed on the store's thread (disk full, file damaged). The message is for the log.
    void storageError(const QString &message);

private:
    class Worker;
    QString now() const;

    Worker *m_worker;
    QThread m_thread;
    QString m_path;
    // Never null: a draft of no one (NULL, from before drafts had owners) matches no owner.
    QString m_draftUsername = QStringLiteral("");
    QString m_draftCenter = QStringLiteral("");
    const ServerClock *m_clock = nullptr;
};

} // namespace onewindow::models
