#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace onewindow::models {

class ApiClient;
struct ApiResponse;

/// An upload kept on disk until the server confirmed it: found again after a restart.
struct PendingUpload
{
    QString idempotencyKey; ///< sent with every attempt: the server stores the file once
    QString caseId;
    QString filename;
    QString mediaType;
    qint64 size = 0;
    QDateTime savedAt;
    QString deficiencyId;   ///< the deficiency the file supplies, if any: recorded once the file is stored
    QString sha256;         ///< of the kept file, lower-case hex
    /// The application user who started it (ApiClient::signedInUser()); empty in copies kept
    /// before owners were recorded, which any user of this PC sees.
    QString owner;
    /// The last attempt's failure (kind None when it was never tried or failed on the network
    /// only before a restart): what problem() says.
    ApiError problem;
    /// Whether the server refused it (a conflict, a final case, a damaged or unwanted file): the
    /// clerk decides (retry or discard); otherwise it may be resumed by itself.
    bool needsClerk() const;
};

/// Sends one file to a case (POST /cases/{id}/attachments, with its SHA-256 as Content-Digest), so
/// that nothing is lost and nothing is stored twice: the file, its case and its Idempotency-Key are
/// first written to a folder only the user can read, then sent. The copy is removed only when the
/// server answered 2xx naming the stored attachment with the file's SHA-256; on anything else (a
/// cut, 5xx, 409, 422, 400 digest_mismatch, a refused file) it is kept, with the problem, until
/// the clerk retries it or discards it. After a network cut retry() sends it again with the same
/// key; when the key conflicts (422 idempotency_key_reused, or a stored file that is not this one)
/// retry() sends it under a new key. After a restart pendingUploads() lists what is left and
/// resume() sends it. Disk work runs on a worker thread; nothing here waits.
class AttachmentUpload : public QObject
{
    Q_OBJECT

public:
    explicit AttachmentUpload(ApiClient *api, QObject *parent = nullptr);
    ~AttachmentUpload() override;

    /// The folder of pending uploads: the user's application data folder + "/uploads".
    static QString defaultDirectory();
    /// The pending uploads in `directory`, oldest first. Reads the folder: call it at start-up or off
    /// the GUI thread.
    static QList<PendingUpload> pendingUploads(const QString &directory = defaultDirectory());
    /// Those of pendingUploads() that `owner` started (and those kept without an owner): what
    /// one application user is shown and may resume.
    static QList<PendingUpload> pendingUploadsOf(const QString &owner, const QString &directory = defaultDirectory());
    /// Removes every copy kept since before `cutoff` (by this PC's clock), whoever made it: the
    /// setting uploads/keepDays. Returns how many went. Reads the folder: off the GUI thread.
    static int purgeKeptBefore(const QDateTime &cutoff, const QString &directory = defaultDirectory());
    /// Removes a pending upload's copy (the clerk gave it up). False when there was none.
    static bool discard(const QString &idempotencyKey, const QString &directory = defaultDirectory());
    /// One sentence for the clerk: what went wrong with the upload and what is left to do.
    static QString problemText(const ApiError &error);
    /// "application/pdf", "image/jpeg" or "image/png" by the content; empty for anything else.
    static QString mediaTypeOf(const QByteArray &content);

    /// Where this upload keeps its copy (defaultDirectory() unless set before start()).
    void setDirectory(const QString &directory) { m_directory = directory; }
    QString directory() const { return m_directory; }

    /// Keeps `bytes` on disk, then sends them as `filename` to case `caseId`. `deficiencyId`, when
    /// given, is kept with them, so that whoever resumes the upload can record the supply.
    void start(const QString &caseId, const QByteArray &bytes, const QString &filename,
               const QString &deficiencyId = {});
    /// Sends an upload left pending (by a failure, or before a restart) with its key.
    void resume(const PendingUpload &pending);
    /// After failed(): sends the same file again, with the same key, or with a new one when the
    /// key conflicted. False while running or with nothing to send.
    bool retry();

    enum class State { Idle, Running, Finished, Failed };
    State state() const { return m_state; }
    /// The last failure (kind None unless state() is Failed).
    ApiError lastError() const { return m_lastError; }
    /// problemText() of the last failure; empty unless state() is Failed.
    QString problem() const;
    /// Whether the next retry() uses a new key (the old one conflicted).
    bool needsNewKey() const { return m_newKey; }

    bool isRunning() const { return m_running; }
    QString idempotencyKey() const { return m_key; }
    QString caseId() const { return m_caseId; }
    QString filename() const { return m_filename; }
    /// The server's description of the stored file, once finished().
    QJsonObject attachment() const { return m_attachment; }

signals:
    /// Per cent of the file sent (starts again on a retry); 100 before finished().
    void progress(int percent);
    /// The server stored the file: {id, caseId, sha256, size, mediaType, filename, createdAt, createdBy}.
    void finished(const QJsonObject &attachment);
    /// The copy is kept in every case. `retryable`: retry() (or a later resume()) may succeed as
    /// things are (the network, the server's trouble, a damaged transfer, a key conflict);
    /// otherwise the server refused the file or the case takes none (wrong type, too large, no
    /// such case, a finished case), and only the clerk can decide (discard it).
    void failed(const onewindow::models::ApiError &error, bool retryable);

private:
    PendingUpload pendingRecord() const;
    void send();
    void renewKeyThenSend();
    void answered(const ApiResponse &response);
    void fail(const ApiError &error);
    void done();
    QPointer<ApiClient> m_api;
    QString m_directory;
    QString m_key;
    QString m_caseId;
    QString m_filename;
    QString m_mediaType;
    QByteArray m_bytes;
    QString m_sha256;
    QString m_deficiencyId;
    QString m_owner;
    QDateTime m_savedAt;
    QJsonObject m_attachment;
    ApiError m_lastError;
    State m_state = State::Idle;
    int m_lastPercent = -1;
    bool m_running = false;
    bool m_newKey = false;
};

} // namespace onewindow::models
