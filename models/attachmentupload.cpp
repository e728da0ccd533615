#include "attachmentupload.h"

#include "runthen.h"

#include "apiclient.h"
#include "serverclock.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <type_traits>

namespace onewindow::models {

namespace {

constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString contentPath(const QString &directory, const QString &key)
{
    return QDir(directory).filePath(key + QStringLiteral(".bin"));
}

QString metaPath(const QString &directory, const QString &key)
{
    return QDir(directory).filePath(key + QStringLiteral(".json"));
}

bool writeOwnerOnly(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(ownerOnly);
    if (file.write(bytes) != bytes.size() || !file.commit())
        return false;
    return QFile::setPermissions(path, ownerOnly);
}

QJsonObject metaJson(const PendingUpload &pending)
{
    return {{QStringLiteral("idempotencyKey"), pending.idempotencyKey}, {QStringLiteral("caseId"), pending.caseId},
        {QStringLiteral("filename"), pending.filename}, {QStringLiteral("mediaType"), pending.mediaType},
        {QStringLiteral("size"), pending.size}, {QStringLiteral("savedAt"), pending.savedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("deficiencyId"), pending.deficiencyId}, {QStringLiteral("sha256"), pending.sha256},
        {QStringLiteral("owner"), pending.owner},
        {QStringLiteral("problem"),
            QJsonObject {{QStringLiteral("kind"), static_cast<int>(pending.problem.kind)},
                {QStringLiteral("status"), pending.problem.status}, {QStringLiteral("code"), pending.problem.code},
                {QStringLiteral("requestId"), pending.problem.requestId}}}};
}

bool writeMeta(const QString &directory, const PendingUpload &pending)
{
    return writeOwnerOnly(metaPath(directory, pending.idempotencyKey), QJsonDocument(metaJson(pending)).toJson());
}

/// The copy first, then its description: a description always has its whole file.
bool save(const QString &directory, const PendingUpload &pending, const QByteArray &bytes)
{
    if (!QDir().mkpath(directory))
        return false;
    QFile::setPermissions(directory, ownerOnly | QFileDevice::ExeOwner);
    return writeOwnerOnly(contentPath(directory, pending.idempotencyKey), bytes) && writeMeta(directory, pending);
}

bool removeCopy(const QString &directory, const QString &key)
{
    const bool had = QFile::exists(metaPath(directory, key));
    QFile::remove(metaPath(directory, key));
    QFile::remove(contentPath(directory, key));
    return had;
}

/// The kept copy under a new key: the new copy is whole before the old one goes, so a crash
/// in between leaves two descriptions of the file, never none.
bool rekey(const QString &directory, const QString &oldKey, const PendingUpload &renewed)
{
    QFile::remove(contentPath(directory, renewed.idempotencyKey));
    if (!QFile::copy(contentPath(directory, oldKey), contentPath(directory, renewed.idempotencyKey)))
        return false;
    QFile::setPermissions(contentPath(directory, renewed.idempotencyKey), ownerOnly);
    if (!writeMeta(directory, renewed))
        return false;
    removeCopy(directory, oldKey);
    return true;
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

bool conflicts(const ApiError &error)
{
    return error.code == QLatin1String("idempotency_key_reused") || error.code == QLatin1String("other_file_stored");
}

} // namespace

AttachmentUpload::AttachmentUpload(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_directory(defaultDirectory())
{ }

AttachmentUpload::~AttachmentUpload() = default;

QString AttachmentUpload::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/uploads");
}

QList<PendingUpload> AttachmentUpload::pendingUploads(const QString &directory)
{
    QList<PendingUpload> result;
    const QDir dir(directory);
    for (const QFileInfo &info : dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files)) {
        QFile file(info.filePath());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
        PendingUpload p;
        p.idempotencyKey = o.value(QLatin1String("idempotencyKey")).toString();
        p.caseId = o.value(QLatin1String("caseId")).toString();
        p.filename = o.value(QLatin1String("filename")).toString();
        p.mediaType = o.value(QLatin1String("mediaType")).toString();
        p.size = o.value(QLatin1String("size")).toInteger();
        p.savedAt = QDateTime::fromString(o.value(QLatin1String("savedAt")).toString(), Qt::ISODateWithMs);
        p.deficiencyId = o.value(QLatin1String("deficiencyId")).toString();
        p.sha256 = o.value(QLatin1String("sha256")).toString();
        p.owner = o.value(QLatin1String("owner")).toString();
        const QJsonObject problem = o.value(QLatin1String("problem")).toObject();
        p.problem.kind = static_cast<ApiError::Kind>(
            qBound(0, problem.value(QLatin1String("kind")).toInt(), static_cast<int>(ApiError::Kind::OfflineRefused)));
        p.problem.status = problem.value(QLatin1String("status")).toInt();
        p.problem.code = problem.value(QLatin1String("code")).toString();
        p.problem.requestId = problem.value(QLatin1String("requestId")).toString();
        // Only whole copies: the key names the file, the content is all there.
        if (p.idempotencyKey != info.completeBaseName() || p.caseId.isEmpty()
            || QFileInfo(contentPath(directory, p.idempotencyKey)).size() != p.size)
            continue;
        result << p;
    }
    std::sort(result.begin(), result.end(),
        [](const PendingUpload &a, const PendingUpload &b) { return a.savedAt < b.savedAt; });
    return result;
}

QList<PendingUpload> AttachmentUpload::pendingUploadsOf(const QString &owner, const QString &directory)
{
    QList<PendingUpload> result = pendingUploads(directory);
    result.removeIf([&owner](const PendingUpload &p) { return !p.owner.isEmpty() && p.owner != owner; });
    return result;
}

int AttachmentUpload::purgeKeptBefore(const QDateTime &cutoff, const QString &directory)
{
    int removed = 0;
    for (const PendingUpload &p : pendingUploads(directory)) {
        if (p.savedAt.isValid() && p.savedAt < cutoff && removeCopy(directory, p.idempotencyKey))
            ++removed;
    }
    return removed;
}

bool AttachmentUpload::discard(const QString &idempotencyKey, const QString &directory)
{
    return removeCopy(directory, idempotencyKey);
}

bool PendingUpload::needsClerk() const
{
    return problem.isError() && (!problem.isRetryable() || conflicts(problem));
}

QString AttachmentUpload::problemText(const ApiError &error)
{
    if (!error.isError())
        return {};
    if (conflicts(error))
        return tr("The server holds another file under this upload's key. The file is kept on this PC: retry sends "
                  "it under a new key, or discard it.");
    if (error.code == QLatin1String("digest_mismatch") || error.code == QLatin1String("body_incomplete"))
        return tr("The file was damaged or cut on the way, and the server stored nothing. The file is kept on this "
                  "PC: retry sends it again.");
    if (error.code == QLatin1String("case_final"))
        return tr("The case is finished and takes no more files. The file is kept on this PC until you discard it.");
    if (error.isRetryable())
        return tr("%1 The file is kept on this PC: retry sends it again, nothing is stored twice.")
            .arg(error.userMessage());
    return tr("%1 The file is kept on this PC until you discard it.").arg(error.userMessage());
}

QString AttachmentUpload::problem() const
{
    return m_state == State::Failed ? problemText(m_lastError) : QString();
}

QString AttachmentUpload::mediaTypeOf(const QByteArray &content)
{
    if (content.startsWith("%PDF-"))
        return QStringLiteral("application/pdf");
    if (content.startsWith("\xff\xd8\xff"))
        return QStringLiteral("image/jpeg");
    if (content.startsWith("\x89PNG\r\n\x1a\n"))
        return QStringLiteral("image/png");
    return {};
}

// The kept copy's record of the upload under way.
PendingUpload AttachmentUpload::pendingRecord() const
{
    PendingUpload pending;
    pending.idempotencyKey = m_key;
    pending.caseId = m_caseId;
    pending.filename = m_filename;
    pending.mediaType = m_mediaType;
    pending.size = m_bytes.size();
    pending.savedAt = m_savedAt;
    pending.deficiencyId = m_deficiencyId;
    pending.sha256 = m_sha256;
    pending.owner = m_owner;
    return pending;
}

void AttachmentUpload::start(const QString &caseId, const QByteArray &bytes, const QString &filename,
                             const QString &deficiencyId)
{
    if (m_running)
        return;
    m_running = true;
    m_state = State::Running;
    m_lastError = {};
    m_newKey = false;
    m_key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_caseId = caseId;
    m_filename = filename;
    m_mediaType = mediaTypeOf(bytes);
    m_bytes = bytes;
    m_sha256 = sha256Hex(bytes);
    m_deficiencyId = deficiencyId;
    m_owner = m_api ? m_api->signedInUser() : QString();
    m_savedAt = ServerClock::pcNow().toUTC(); // when kept on this PC: not a business date
    m_attachment = {};
    const PendingUpload pending = pendingRecord();
    const QString directory = m_directory;
    const auto keep = [directory, pending, bytes] { return save(directory, pending, bytes); };
    runThen(this, keep, [this](bool saved) {
        if (!saved)
            qWarning("AttachmentUpload: could not keep a copy of the upload in %s; sending it anyway",
                qPrintable(m_directory));
        send();
    });
}

void AttachmentUpload::resume(const PendingUpload &pending)
{
    if (m_running)
        return;
    m_running = true;
    m_state = State::Running;
    m_lastError = {};
    m_key = pending.idempotencyKey;
    m_caseId = pending.caseId;
    m_filename = pending.filename;
    m_mediaType = pending.mediaType;
    m_deficiencyId = pending.deficiencyId;
    m_owner = pending.owner;
    m_savedAt = pending.savedAt;
    // A key that conflicted before is not sent again.
    m_newKey = conflicts(pending.problem);
    m_attachment = {};
    const QString path = contentPath(m_directory, m_key);
    const auto read = [path] {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    runThen(this, read, [this, size = pending.size, sha256 = pending.sha256](const QByteArray &bytes) {
        // The copy as it was kept (its SHA-256 is known since the digest was sent with it).
        if (bytes.size() != size || bytes.isEmpty() || (!sha256.isEmpty() && sha256Hex(bytes) != sha256)) {
            m_running = false;
            m_state = State::Failed;
            ApiError error;
            error.kind = ApiError::Kind::Cancelled;
            error.detail = QStringLiteral("the kept copy of the upload could not be read");
            m_lastError = error;
            emit failed(error, false);
            return;
        }
        m_bytes = bytes;
        m_sha256 = sha256Hex(bytes);
        if (m_mediaType.isEmpty())
            m_mediaType = mediaTypeOf(bytes);
        if (m_newKey)
            renewKeyThenSend();
        else
            send();
    });
}

bool AttachmentUpload::retry()
{
    if (m_running || m_key.isEmpty() || m_bytes.isEmpty() || !m_attachment.isEmpty())
        return false;
    m_running = true;
    m_state = State::Running;
    if (m_newKey)
        renewKeyThenSend();
    else
        send();
    return true;
}

void AttachmentUpload::renewKeyThenSend()
{
    // The server holds something else under the old key: the file goes under a new one, and the
    // kept copy with it.
    const QString oldKey = m_key;
    m_key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_newKey = false;
    const PendingUpload renewed = pendingRecord();
    runThen(
        this, [directory = m_directory, oldKey, renewed] { return rekey(directory, oldKey, renewed); },
        [this](bool kept) {
            if (!kept)
                qWarning("AttachmentUpload: could not keep the upload's copy under its new key in %s; sending it anyway",
                    qPrintable(m_directory));
            send();
        });
}

void AttachmentUpload::send()
{
    if (!m_api) {
        ApiError error;
        error.kind = ApiError::Kind::Cancelled;
        fail(error);
        return;
    }
    m_lastPercent = -1;
    const QString path = QStringLiteral("/cases/%1/attachments?filename=%2")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_caseId)),
                                 QString::fromLatin1(QUrl::toPercentEncoding(m_filename)));
    m_api->upload(
        path, m_bytes, m_mediaType, [this](const ApiResponse &r) { answered(r); }, this, m_key,
        [this](qint64 sent, qint64 total) {
            const int percent = static_cast<int>(sent * 100 / total);
            if (percent != m_lastPercent) {
                m_lastPercent = percent;
                emit progress(percent);
            }
        });
}

void AttachmentUpload::answered(const ApiResponse &response)
{
    // Confirmed only by a 2xx naming the stored attachment with this file's SHA-256.
    const QJsonObject stored = response.object();
    if (response.ok() && stored.value(QLatin1String("id")).isString()
        && stored.value(QLatin1String("sha256")).toString() == m_sha256) {
        m_attachment = stored;
        done();
        return;
    }
    ApiError error = response.error;
    if (!error.isError()) {
        // A 2xx about some other file: the server holds another one under this key.
        error.kind = ApiError::Kind::InvalidReply;
        error.status = response.status;
        if (response.ok() && stored.value(QLatin1String("id")).isString())
            error.code = QStringLiteral("other_file_stored");
    }
    fail(error);
}

void AttachmentUpload::fail(const ApiError &error)
{
    // The copy stays, with the problem written next to it, whatever the answer was.
    m_newKey = conflicts(error);
    const bool retryable = error.isRetryable() || m_newKey || error.code == QLatin1String("digest_mismatch")
                           || error.code == QLatin1String("body_incomplete");
    PendingUpload pending = pendingRecord();
    pending.problem = error;
    runThen(
        this,
        [directory = m_directory, pending] {
            // Only a copy that is there gets its problem written (a discarded one stays gone).
            if (QFile::exists(contentPath(directory, pending.idempotencyKey)))
                writeMeta(directory, pending);
        },
        [this, error, retryable] {
            m_running = false;
            m_state = State::Failed;
            m_lastError = error;
            emit failed(error, retryable);
        });
}

void AttachmentUpload::done()
{
    // The copy goes before anyone hears of success: a restart then never sends it again.
    runThen(
        this, [directory = m_directory, key = m_key] { removeCopy(directory, key); },
        [this] {
            m_running = false;
            m_state = State::Finished;
            m_lastError = {};
            m_bytes.clear();
            if (m_lastPercent != 100) {
                m_lastPercent = 100;
                emit progress(100);
            }
            emit finished(m_attachment);
        });
}

} // namespace onewindow::models
