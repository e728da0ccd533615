#pragma once

#include "http/message.h"

#include <Poco/JSON/Object.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace onewindow::server {

class AuditTrail;
class Clock;
class Database;

/// What one case may hold: `maxCaseFiles` files of `maxCaseBytes` in all (0: no bound).
struct AttachmentCaseQuota
{
    std::int64_t maxCaseFiles = 0;
    std::int64_t maxCaseBytes = 0;
};

/// Files brought in for a case (the scan of a supplied material, say), kept in the database so
/// that every server instance serves them. The type is decided by the content, never by the
/// name or the request's Content-Type: PDF, JPEG and PNG only.
class AttachmentService
{
public:
    using CaseQuota = AttachmentCaseQuota;
    AttachmentService(Database &db, const Clock &clock, AuditTrail &audit, std::size_t maxBytes,
                      CaseQuota quota = {});

    /// POST /cases/{id}/attachments. `idempotencyKey` is required: a retried upload (after a
    /// network cut) answers like the first one and stores nothing twice. `digest` is the request's
    /// Content-Digest (or Repr-Digest) header, RFC 9530: when it names a SHA-256, the bytes
    /// received must have it (400 `digest_mismatch` otherwise, nothing stored). A case in a final
    /// state (rejected, withdrawn, terminated, delivered, closed) takes no file: 409 `case_final`;
    /// nor does a case whose files would go over its quota: 409 `case_attachments_full`.
    Response upload(const Principal &user, const std::string &caseId, const std::string &idempotencyKey,
                    const std::string &filename, const std::string &content, const std::string &digest = {});
    Poco::JSON::Object::Ptr list(const Principal &user, const std::string &caseId);
    /// The bytes, with their media type and the SHA-256 as ETag; 304 when `ifNoneMatch` matches.
    Response content(const Principal &user, const std::string &caseId, const std::string &attachmentId,
                     const std::string &ifNoneMatch);

    std::size_t maxBytes() const { return m_maxBytes; }

    /// "application/pdf", "image/jpeg" or "image/png" by the leading bytes; nullopt otherwise.
    static std::optional<std::string> mediaTypeOf(const std::string &content);
    /// The SHA-256 an RFC 9530 digest field names (`sha-256=:<base64>:`, among other
    /// algorithms), as lower-case hex; nullopt when it names none. Throws 400 `invalid_digest`
    /// when the field or its sha-256 value is malformed.
    static std::optional<std::string> sha256OfDigestField(const std::string &field);

private:
    Database &m_db;
    const Clock &m_clock;
    AuditTrail &m_audit;
    std::size_t m_maxBytes;
    CaseQuota m_quota;
};

} // namespace onewindow::server
