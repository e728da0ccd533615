#include "cases/attachments.h"

#include "audit/audittrail.h"
#include "auth/passwords.h"
#include "auth/policy.h"
#include "cases/casescope.h"
#include "cases/uploadfile.h"
#include "clock.h"
#include "db/database.h"
#include "http/idempotency.h"
#include "http/problem.h"
#include "json.h"

#include <Poco/UUIDGenerator.h>

namespace onewindow::server {

namespace {

using Cap = AuthorizationPolicy::Capability;

Poco::JSON::Object::Ptr attachmentJson(const DbRow &row)
{
    auto o = newObject();
    o->set("id", row.text("id"));
    o->set("caseId", row.text("case_id"));
    o->set("filename", row.text("filename"));
    o->set("mediaType", row.text("media_type"));
    o->set("size", row.integer("size"));
    o->set("sha256", row.text("sha256"));
    o->set("createdAt", row.text("created_at"));
    o->set("createdBy", row.text("created_by"));
    return o;
}

constexpr const char *kColumns = "id, case_id, filename, media_type, size, sha256, created_at, created_by";

} // namespace

AttachmentService::AttachmentService(Database &db, const Clock &clock, AuditTrail &audit, std::size_t maxBytes)
    : m_db(db), m_clock(clock), m_audit(audit), m_maxBytes(maxBytes)
{
}

std::optional<std::string> AttachmentService::mediaTypeOf(const std::string &content)
{
    return mediaTypeOfContent(content);
}

Response AttachmentService::upload(const Principal &user, const std::string &caseId,
                                   const std::string &idempotencyKey, const std::string &filename,
                                   const std::string &content)
{
    AuthorizationPolicy::require(user, Cap::UploadAttachment);
    {
        Transaction tx(m_db, Transaction::Mode::Read);
        requireCaseInScope(tx, user, caseId, static_cast<int>(Cap::UploadAttachment));
    }
    IdempotencyStore::checkKey(idempotencyKey);
    if (content.size() > m_maxBytes)
        throw ApiError(413, "payload_too_large", "Request too large",
                       "An attachment may have at most " + std::to_string(m_maxBytes) + " bytes.");
    const auto mediaType = mediaTypeOf(content);
    if (!mediaType)
        throw ApiError(415, "unsupported_media_type", "Unsupported file type",
                       "Attach a PDF, JPEG or PNG file; the content of this one is none of them, whatever its "
                       "name says.");
    std::string name = cleanFilename(filename);
    if (name.empty())
        name = std::string("attachment") + extensionOf(*mediaType);

    const std::string sha256 = sha256Hex(content);
    // The request is the case, the name and the bytes: the same key with anything else is refused.
    const IdempotencyStore idempotency(user.username, idempotencyKey,
                                       "attachment\n" + caseId + "\n" + name + "\n" + sha256);

    try {
        Transaction tx(m_db, Transaction::Mode::Write);
        if (auto answered = idempotency.replay(tx))
            return *answered;
        const std::string id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
        const std::string now = m_clock.now();
        tx.execute("INSERT INTO attachments (id, case_id, filename, media_type, size, sha256, content, created_at, "
                   "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   {id, caseId, name, *mediaType, static_cast<std::int64_t>(content.size()), sha256, DbBlob{content},
                    now, user.username});
        m_audit.append(tx, caseId, user.username, "attachment_added",
                       name + " (" + *mediaType + ", " + std::to_string(content.size()) + " bytes, sha256 " + sha256
                           + ")");
        const auto row = tx.queryOne(std::string("SELECT ") + kColumns + " FROM attachments WHERE id = ?", {id});
        Response response = Response::json(201, attachmentJson(*row));
        response.headers["Location"] = "/api/v1/cases/" + caseId + "/attachments/" + id + "/content";
        response.headers["ETag"] = "\"" + sha256 + "\"";
        idempotency.record(tx, response, now);
        tx.commit();
        return response;
    } catch (const UniqueViolation &) {
        // A twin upload with the same key won the race: answer as it did.
        Transaction tx(m_db, Transaction::Mode::Read);
        if (auto answered = idempotency.replay(tx))
            return *answered;
        throw;
    }
}

Poco::JSON::Object::Ptr AttachmentService::list(const Principal &user, const std::string &caseId)
{
    AuthorizationPolicy::require(user, Cap::ReadAttachments);
    Transaction tx(m_db, Transaction::Mode::Read);
    requireCaseInScope(tx, user, caseId, static_cast<int>(Cap::ReadAttachments));
    auto items = newArray();
    for (const DbRow &row : tx.query(std::string("SELECT ") + kColumns
                                         + " FROM attachments WHERE case_id = ? ORDER BY created_at, id",
                                     {caseId}))
        items->add(attachmentJson(row));
    auto result = newObject();
    result->set("items", items);
    return result;
}

Response AttachmentService::content(const Principal &user, const std::string &caseId,
                                    const std::string &attachmentId, const std::string &ifNoneMatch)
{
    AuthorizationPolicy::require(user, Cap::ReadAttachments);
    Transaction tx(m_db, Transaction::Mode::Read);
    requireCaseInScope(tx, user, caseId, static_cast<int>(Cap::ReadAttachments));
    const auto meta = tx.queryOne("SELECT media_type, sha256, filename FROM attachments WHERE id = ? AND case_id = ?",
                                  {attachmentId, caseId});
    if (!meta)
        throw ApiError::notFound();
    const std::string etag = "\"" + meta->text("sha256") + "\"";
    Response r;
    r.headers["ETag"] = etag;
    r.headers["Cache-Control"] = "private, max-age=0";
    if (!ifNoneMatch.empty() && (ifNoneMatch == etag || ifNoneMatch == "W/" + etag || ifNoneMatch == "*")) {
        r.status = 304;
        return r;
    }
    const auto row = tx.queryOne("SELECT content FROM attachments WHERE id = ?", {attachmentId});
    r.status = 200;
    r.body = row->text("content");
    r.contentType = meta->text("media_type");
    r.headers["Content-Disposition"] = contentDispositionOf(meta->text("filename"), meta->text("media_type"));
    return r;
}

} // namespace onewindow::server
