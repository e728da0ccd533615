#include "attachmentupload.h"

#include "runthen.h"

#include "apiclient.h"
#include "serverclock.h"

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

/// The copy first, then its description: a description always has its whole file.
bool save(const QString &directory, const PendingUpload &pending, const QByteArray &bytes)
{
    if (!QDir().mkpath(directory))
        return false;
    QFile::setPermissions(directory, ownerOnly | QFileDevice::ExeOwner);
    const QJsonObject meta {{QStringLiteral("idempotencyKey"), pending.idempotencyKey},
        {QStringLiteral("caseId"), pending.caseId}, {QStringLiteral("filename"), pending.filename},
        {QStringLiteral("mediaType"), pending.mediaType}, {QStringLiteral("size"), pending.size},
        {QStringLiteral("savedAt"), pending.savedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("deficiencyId"), pending.deficiencyId}};
    return writeOwnerOnly(contentPath(directory, pending.idempotencyKey), bytes)
        && writeOwnerOnly(metaPath(directory, pending.idempotencyKey), QJsonDocument(meta).toJson());
}

bool removeCopy(const QString &directory, const QString &key)
{
    const bool had = QFile::exists(metaPath(directory, key));
    QFile::remove(metaPath(directory, key));
    QFile::remove(contentPath(directory, key));
    return had;
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

bool AttachmentUpload::discard(const QString &idempotencyKey, const QString &directory)
{
    return removeCopy(directory, idempotencyKey);
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

void AttachmentUpload::start(const QString &caseId, const QByteArray &bytes, const QString &filename,
                             const QString &deficiencyId)
{
    if (m_running)
        return;
    m_running = true;
    m_key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_caseId = caseId;
    m_filename = filename;
    m_mediaType = mediaTypeOf(bytes);
    m_bytes = bytes;
    m_attachment = {};
    PendingUpload pending;
    pending.idempotencyKey = m_key;
    pending.caseId = caseId;
    pending.filename = filename;
    pending.mediaType = m_mediaType;
    pending.size = bytes.size();
    pending.savedAt = ServerClock::pcNow().toUTC(); // when kept on this PC: not a business date
    pending.deficiencyId = deficiencyId;
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
    m_key = pending.idempotencyKey;
    m_caseId = pending.caseId;
    m_filename = pending.filename;
    m_mediaType = pending.mediaType;
    m_attachment = {};
    const QString path = contentPath(m_directory, m_key);
    const auto read = [path] {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    runThen(this, read, [this, size = pending.size](const QByteArray &bytes) {
        if (bytes.size() != size || bytes.isEmpty()) {
            m_running = false;
            ApiError error;
            error.kind = ApiError::Kind::Cancelled;
            error.detail = QStringLiteral("the kept copy of the upload could not be read");
            emit failed(error, false);
            return;
        }
        m_bytes = bytes;
        if (m_mediaType.isEmpty())
            m_mediaType = mediaTypeOf(bytes);
        send();
    });
}

bool AttachmentUpload::retry()
{
    if (m_running || m_key.isEmpty() || m_bytes.isEmpty() || !m_attachment.isEmpty())
        return false;
    m_running = true;
    send();
    return true;
}

void AttachmentUpload::send()
{
    if (!m_api) {
        m_running = false;
        ApiError error;
        error.kind = ApiError::Kind::Cancelled;
        emit failed(error, true);
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
    if (response.ok() && response.object().value(QLatin1String("id")).isString()) {
        m_attachment = response.object();
        done();
        return;
    }
    ApiError error = response.error;
    if (!error.isError())
        error.kind = ApiError::Kind::InvalidReply;
    const bool retryable = error.isRetryable();
    if (retryable) {
        m_running = false;
        emit failed(error, true);
        return;
    }
    // Refused for good (not a PDF, JPEG or PNG, too large, no such case): keeping it helps no one.
    runThen(
        this, [directory = m_directory, key = m_key] { removeCopy(directory, key); },
        [this, error] {
            m_running = false;
            emit failed(error, false);
        });
}

void AttachmentUpload::done()
{
    // The copy goes before anyone hears of success: a restart then never sends it again.
    runThen(
        this, [directory = m_directory, key = m_key] { removeCopy(directory, key); },
        [this] {
            m_running = false;
            m_bytes.clear();
            if (m_lastPercent != 100) {
                m_lastPercent = 100;
                emit progress(100);
            }
            emit finished(m_attachment);
        });
}

} // namespace onewindow::models
