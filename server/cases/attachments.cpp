#include "cases/attachments.h"

#include "audit/audittrail.h"
#include "auth/passwords.h"
#include "auth/policy.h"
#include "cases/casescope.h"
#include "cases/uploadfile.h"
#include "clock.h"
#include "db/database.h"
#include "domain/caselifecycle.h"
#include "http/idempotency.h"
#include "http/problem.h"
#include "json.h"

#include <Poco/Base64Decoder.h>
#include <Poco/UUIDGenerator.h>

#include <Poco/Exception.h>

#include <cctype>
#include <iterator>
#include <sstream>

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

std::string digestTrimmed(const std::string &s)
{
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

ApiError invalidDigest()
{
    return ApiError(400, "invalid_digest", "Unreadable digest",
                    "The Content-Digest header must read sha-256=:<the SHA-256 of the file in base64>:.");
}

// Rejected, withdrawn, terminated, not accepted, closed (no action is left), and delivered:
// the file is handed out, nothing more belongs to it.
bool isFinal(const std::string &stateCode)
{
    const auto state = CaseLifecycle::stateFromCode(stateCode);
    return state && (CaseLifecycle::isTerminal(*state) || *state == CaseState::Delivered);
}

constexpr const char *kColumns = "id, case_id, filename, media_type, size, sha256, created_at, created_by";

} // namespace

AttachmentService::AttachmentService(Database &db, const Clock &clock, AuditTrail &audit, std::size_t maxBytes,
                                     CaseQuota quota)
    : m_db(db), m_clock(clock), m_audit(audit), m_maxBytes(maxBytes), m_quota(quota)
{
}

std::optional<std::string> AttachmentService::mediaTypeOf(const std::string &content)
{
    return mediaTypeOfContent(content);
}

std::optional<std::string> AttachmentService::sha256OfDigestField(const std::string &field)
{
    // A dictionary (RFC 8941): members `algorithm=:byte sequence:` separated by commas.
    std::size_t at = 0;
    while (at <= field.size()) {
        const auto comma = field.find(',', at);
        const std::string member = digestTrimmed(field.substr(at, comma == std::string::npos ? std::string::npos : comma - at));
        at = comma == std::string::npos ? field.size() + 1 : comma + 1;
        if (member.empty())
            continue;
        const auto equals = member.find('=');
        if (equals == std::string::npos)
            throw invalidDigest();
        std::string algorithm = digestTrimmed(member.substr(0, equals));
        for (char &c : algorithm)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (algorithm != "sha-256")
            continue; // another algorithm: not checked here
        const std::string value = digestTrimmed(member.substr(equals + 1));
        if (value.size() < 2 || value.front() != ':' || value.back() != ':')
            throw invalidDigest();
        const std::string encoded = value.substr(1, value.size() - 2);
        if (encoded.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") != std::string::npos)
            throw invalidDigest();
        std::istringstream in(encoded);
        Poco::Base64Decoder decoder(in);
        std::string bytes;
        try {
            bytes.assign(std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>());
        } catch (const Poco::Exception &) {
            throw invalidDigest();
        }
        if (bytes.size() != 32)
            throw invalidDigest();
        static const char *hex = "0123456789abcdef";
        std::string out;
        for (unsigned char byte : bytes) {
            out += hex[byte >> 4];
            out += hex[byte & 0x0f];
        }
        return out;
    }
    return std::nullopt;
}

Response AttachmentService::upload(const Principal &user, const std::string &caseId,
                                   const std::string &idempotencyKey, const std::string &filename,
                                   const std::string &content, const std::string &digest)
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
    const std::string sha256 = sha256Hex(content);
    // The sender's digest, checked against the bytes that came: a file changed or cut on the way
    // is refused before anything is stored.
    const auto claimed = sha256OfDigestField(digest);
    if (claimed && *claimed != sha256)
        throw ApiError(400, "digest_mismatch", "File damaged on the way",
                       "The file received (" + std::to_string(content.size())
                           + " bytes) does not have the SHA-256 its Content-Digest names: it was changed or cut "
                             "on the way. Nothing was stored; send it again.");
    const auto mediaType = mediaTypeOf(content);
    if (!mediaType)
        throw ApiError(415, "unsupported_media_type", "Unsupported file type",
                       "Attach a PDF, JPEG or PNG file; the content of this one is none of them, whatever its "
                       "name says.");
    std::string name = cleanFilename(filename);
    if (name.empty())
        name = std::string("attachment") + extensionOf(*mediaType);

    // The request is the case, the name, the bytes and the digest sent: the same key with anything
    // else is refused.
    const IdempotencyStore idempotency(user.username, idempotencyKey,
                                       "attachment\n" + caseId + "\n" + name + "\n" + sha256 + "\n"
                                           + (claimed ? "sha-256" : "no digest"));

    try {
        Transaction tx(m_db, Transaction::Mode::Write);
        if (auto answered = idempotency.replay(tx))
            return *answered;
        // The case row is locked first (PostgreSQL; SQLite writers are serialized): two uploads to
        // one case count its quota one after the other.
        const std::string state =
            tx.queryOne(tx.dialect() == Database::Dialect::PostgreSQL ? "SELECT status FROM cases WHERE id = ? FOR UPDATE"
                                                                      : "SELECT status FROM cases WHERE id = ?",
                        {caseId})
                ->text("status");
        if (isFinal(state))
            throw ApiError(409, "case_final", "Case finished",
                           "This case is " + state + ": no file can be attached to it any more.");
        // The case's quota, counted in the transaction that adds the file.
        if (m_quota.maxCaseFiles > 0 || m_quota.maxCaseBytes > 0) {
            const auto held =
                tx.queryOne("SELECT COUNT(*) AS files, COALESCE(SUM(size), 0) AS bytes FROM attachments WHERE case_id = ?",
                            {caseId});
            const std::int64_t files = held->integer("files");
            const std::int64_t bytes = held->integer("bytes");
            if ((m_quota.maxCaseFiles > 0 && files + 1 > m_quota.maxCaseFiles)
                || (m_quota.maxCaseBytes > 0 && bytes + static_cast<std::int64_t>(content.size()) > m_quota.maxCaseBytes))
                throw ApiError(409, "case_attachments_full", "Case full",
                               "This case holds " + std::to_string(files) + " files of " + std::to_string(bytes)
                                   + " bytes; one case may hold at most " + std::to_string(m_quota.maxCaseFiles)
                                   + " files of " + std::to_string(m_quota.maxCaseBytes)
                                   + " bytes in all. Nothing was stored.");
        }
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
    // A write: a file sent is recorded in the case's chain first.
    Transaction tx(m_db, Transaction::Mode::Write);
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
    m_audit.append(tx, caseId, user.username, "attachment_read", attachmentId + " (" + meta->text("media_type") + ")");
    tx.commit();
    return r;
}

} // namespace onewindow::server
