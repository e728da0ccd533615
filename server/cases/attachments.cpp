#include "cases/attachments.h"

#include "audit/audittrail.h"
#include "auth/passwords.h"
#include "auth/policy.h"
#include "cases/casescope.h"
#include "clock.h"
#include "db/database.h"
#include "http/idempotency.h"
#include "http/problem.h"
#include "json.h"

#include <Poco/URI.h>
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

const char *extensionOf(const std::string &mediaType)
{
    if (mediaType == "application/pdf")
        return ".pdf";
    if (mediaType == "image/jpeg")
        return ".jpg";
    return ".png";
}

// The last path component, without control characters, at most 200 bytes (whole UTF-8
// sequences); empty when nothing usable is left.
std::string cleanFilename(const std::string &given)
{
    std::string name = given;
    if (const auto slash = name.find_last_of("/\\"); slash != std::string::npos)
        name = name.substr(slash + 1);
    std::string out;
    for (char c : name) {
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f && c != '"')
            out += c;
    }
    if (out.size() > 200) {
        std::size_t cut = 200;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80)
            --cut;
        out.resize(cut);
    }
    if (out == "." || out == "..")
        return {};
    return out;
}

// RFC 6266: an ASCII name for old clients, the real (UTF-8) one percent-encoded.
std::string contentDisposition(const std::string &filename, const std::string &mediaType)
{
    bool ascii = true;
    for (char c : filename)
        ascii = ascii && static_cast<unsigned char>(c) < 0x80 && c != '\\';
    std::string encoded;
    Poco::URI::encode(filename, "!#$&+,/:;=?@[]'()*% ", encoded);
    return std::string("inline; filename=\"") + (ascii ? filename : std::string("attachment") + extensionOf(mediaType))
           + "\"; filename*=UTF-8''" + encoded;
}

constexpr const char *kColumns = "id, case_id, filename, media_type, size, sha256, created_at, created_by";

} // namespace

AttachmentService::AttachmentService(Database &db, const Clock &clock, AuditTrail &audit, std::size_t maxBytes)
    : m_db(db), m_clock(clock), m_audit(audit), m_maxBytes(maxBytes)
{
}

std::optional<std::string> AttachmentService::mediaTypeOf(const std::string &content)
{
    const auto startsWith = [&](std::string_view magic) {
        return content.size() >= magic.size() && std::string_view(content).substr(0, magic.size()) == magic;
    };
    if (startsWith("%PDF-"))
        return "application/pdf";
    if (startsWith(std::string_view("\xFF\xD8\xFF", 3)))
        return "image/jpeg";
    if (startsWith(std::string_view("\x89PNG\r\n\x1A\n", 8)))
        return "image/png";
    return std::nullopt;
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
    r.headers["Content-Disposition"] = contentDisposition(meta->text("filename"), meta->text("media_type"));
    return r;
}

} // namespace onewindow::server
