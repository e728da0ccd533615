#include "catalog/matterversions.h"

#include "audit/audittrail.h"
#include "auth/policy.h"
#include "catalog/matterdiff.h"
#include "catalog/pinyin.h"
#include "clock.h"
#include "db/database.h"
#include "http/cursor.h"
#include "http/idempotency.h"
#include "http/preconditions.h"
#include "http/problem.h"
#include "json.h"

namespace onewindow::server {

namespace {

using Cap = AuthorizationPolicy::Capability;

constexpr const char *kVersionColumns = "code, version AS id, body, state, valid_from, valid_to, created_at, "
                                        "created_by, published_at, published_by";

ApiError versionPublished()
{
    return ApiError(409, "version_published", "Published already",
                    "A published version never changes: draft a new version instead.");
}

ApiError draftExists(const std::string &code)
{
    return ApiError(409, "draft_exists", "A draft exists",
                    code + " has a draft already: edit it, publish it or delete it first.");
}

/// A version number from a path: a positive whole number, or there is no such version.
int versionNumber(const std::string &text)
{
    if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos)
        throw ApiError::notFound();
    const int n = std::stoi(text);
    if (n < 1)
        throw ApiError::notFound();
    return n;
}

/// The ETag of a version: of its definition as stored, so that it changes with every edit of a
/// draft (and a draft dropped and drafted again under its number has another one).
std::string versionEtag(const std::string &body)
{
    return contentEtag(body);
}

MatterDefinition storedDefinition(const DbRow &row)
{
    FieldErrors ignored;
    MatterDefinition d = MatterDefinition::fromJson(parseStoredObject(row.text("body")), ignored);
    d.code = row.text("code");
    d.version = static_cast<int>(row.integer("id"));
    return d;
}

/// draft, published (in effect, or to be), or superseded (no longer or never in effect).
std::string stateOf(const DbRow &row, const std::string &today)
{
    const std::string state = row.text("state");
    if (state == "published" && !row.isNull("valid_to") && row.text("valid_to") < today)
        return "superseded";
    return state;
}

bool inEffect(const DbRow &row, const std::string &today)
{
    return row.text("state") == "published" && (row.isNull("valid_from") || row.text("valid_from") <= today)
           && (row.isNull("valid_to") || row.text("valid_to") >= today);
}

Poco::JSON::Object::Ptr versionJson(const DbRow &row, const Date &today, bool withDefinition)
{
    const std::string day = toIsoString(today);
    auto o = newObject();
    o->set("code", row.text("code"));
    o->set("version", row.integer("id"));
    o->set("state", stateOf(row, day));
    o->set("current", inEffect(row, day));
    o->set("validFrom", orNull(row.optText("valid_from")));
    o->set("validTo", orNull(row.optText("valid_to")));
    o->set("createdBy", row.text("created_by"));
    o->set("createdAt", row.text("created_at"));
    o->set("publishedBy", orNull(row.optText("published_by")));
    o->set("publishedAt", orNull(row.optText("published_at")));
    if (withDefinition)
        o->set("definition", storedDefinition(row).toJson());
    return o;
}

std::optional<DbRow> versionRow(Transaction &tx, const std::string &code, int version)
{
    return tx.queryOne(std::string("SELECT ") + kVersionColumns
                           + " FROM matter_versions WHERE code = ? AND version = ?",
                       {code, std::int64_t{version}});
}

bool matterExists(Transaction &tx, const std::string &code)
{
    return tx.queryOne("SELECT code FROM matters WHERE code = ?", {code}).has_value();
}

/// The definition as a draft stores it: its initials those given, or the name's.
std::string draftBody(MatterDefinition &definition, int version)
{
    definition.version = version;
    if (definition.initials.empty())
        definition.initials = pinyinInitials(definition.name);
    return toJson(definition.toJson());
}

} // namespace

MatterVersions::MatterVersions(Database &db, const Clock &clock, Catalog &catalog, AuditTrail &audit)
    : m_db(db), m_clock(clock), m_catalog(catalog), m_audit(audit)
{
}

MatterDefinition MatterVersions::definitionFrom(Transaction &tx, const Poco::JSON::Object::Ptr &o,
                                                const std::string &code, FieldErrors &errors, const std::string &prefix)
{
    FieldErrors own;
    MatterDefinition d = MatterDefinition::fromJson(o, own);
    d.code = code;
    if (!d.department.empty() && !tx.queryOne("SELECT code FROM departments WHERE code = ?", {d.department}))
        own.add("department", "No such department.", "unknown");
    for (const auto &e : own.list())
        errors.add(prefix + e.field, e.message, e.code);
    return d;
}

bool MatterVersions::hasDraft(Transaction &tx, const std::string &code)
{
    return tx.queryOne("SELECT version FROM matter_versions WHERE code = ? AND state = 'draft'", {code}).has_value();
}

std::optional<MatterVersions::Published> MatterVersions::latestPublished(Transaction &tx, const std::string &code)
{
    const auto row = tx.queryOne(std::string("SELECT ") + kVersionColumns
                                     + " FROM matter_versions WHERE code = ? AND state = 'published' ORDER BY version "
                                       "DESC LIMIT 1",
                                 {code});
    if (!row)
        return std::nullopt;
    return Published{storedDefinition(*row), parseIsoDate(row->text("valid_from"))};
}

void MatterVersions::insertNewMatter(Transaction &tx, MatterDefinition d, const std::string &actor)
{
    const std::string body = draftBody(d, 1);
    // Not in effect anywhere until its first version is published (current_version 0).
    tx.execute("INSERT INTO matters (code, name, department, current_version, initials, promised_days, legal_days) "
               "VALUES (?, ?, ?, 0, ?, ?, ?)",
               {d.code, d.name, d.department, d.initials, d.promisedDays, d.legalDays});
    tx.execute("INSERT INTO matter_versions (code, version, body, created_at, created_by, state) VALUES (?, 1, ?, ?, "
               "?, 'draft')",
               {d.code, body, m_clock.now(), actor});
    m_audit.append(tx, {}, actor, "matter_created", d.code + " " + d.name + ": draft version 1");
}

int MatterVersions::insertDraft(Transaction &tx, MatterDefinition d, const std::string &actor)
{
    if (hasDraft(tx, d.code))
        throw draftExists(d.code);
    const int version =
        static_cast<int>(tx.queryOne("SELECT MAX(version) AS n FROM matter_versions WHERE code = ?", {d.code})
                             ->integer("n"))
        + 1;
    // The administration's lock keeps a second draft out; the unique index on drafts would too.
    tx.execute("INSERT INTO matter_versions (code, version, body, created_at, created_by, state) VALUES (?, ?, ?, ?, "
               "?, 'draft')",
               {d.code, std::int64_t{version}, draftBody(d, version), m_clock.now(), actor});
    m_audit.append(tx, {}, actor, "matter_drafted", d.code + " version " + std::to_string(version));
    return version;
}

void MatterVersions::publishDraft(Transaction &tx, const std::string &code, int version, const Date &validFrom,
                                  const std::string &actor)
{
    const std::string from = toIsoString(validFrom);
    const std::string dayBefore = toIsoString(addCalendarDays(validFrom, -1));
    // Versions published to start on or after that day never take effect; the one in effect
    // the day before ends then.
    tx.execute("UPDATE matter_versions SET state = 'superseded', valid_to = ? WHERE code = ? AND state = 'published' "
               "AND valid_from >= ?",
               {dayBefore, code, from});
    tx.execute("UPDATE matter_versions SET valid_to = ? WHERE code = ? AND state = 'published' AND (valid_to IS NULL "
               "OR valid_to >= ?)",
               {dayBefore, code, from});
    tx.execute("UPDATE matter_versions SET state = 'published', valid_from = ?, valid_to = NULL, published_at = ?, "
               "published_by = ? WHERE code = ? AND version = ?",
               {from, m_clock.now(), actor, code, std::int64_t{version}});
    // The matters row follows the version published last: lists find a matter by its name.
    const MatterDefinition d = storedDefinition(*versionRow(tx, code, version));
    tx.execute("UPDATE matters SET name = ?, department = ?, current_version = ?, initials = ?, promised_days = ?, "
               "legal_days = ? WHERE code = ?",
               {d.name, d.department, std::int64_t{version}, d.initials, d.promisedDays, d.legalDays, code});
    m_audit.append(tx, {}, actor, "matter_published", code + " version " + std::to_string(version) + " from " + from);
}

void MatterVersions::requireDraft(Transaction &tx, const std::string &code, int version, const std::string &ifMatch)
{
    const auto row = versionRow(tx, code, version);
    if (!row)
        throw ApiError::notFound();
    if (row->text("state") != "draft")
        throw versionPublished();
    if (ifMatch.empty())
        throw ApiError::preconditionRequired("If-Match");
    if (!ifMatchIs(ifMatch, versionEtag(row->text("body"))))
        throw ApiError::preconditionFailed();
}

Response MatterVersions::versionResponse(Transaction &tx, int status, const std::string &code, int version)
{
    const DbRow row = *versionRow(tx, code, version);
    Response r = Response::json(status, versionJson(row, m_clock.today(), true));
    r.headers["ETag"] = versionEtag(row.text("body"));
    return r;
}

Response MatterVersions::createMatter(const Principal &user, const std::string &idempotencyKey,
                                      const std::string &body)
{
    AuthorizationPolicy::require(user, Cap::EditCatalog);
    const auto json = parseObject(body);
    const IdempotencyStore idempotency(user.username, idempotencyKey, "matter\n" + body);
    Transaction tx(m_db, Transaction::Mode::Write);
    Catalog::lockForAdministration(tx);
    if (auto answered = idempotency.replay(tx))
        return *answered;
    FieldErrors errors;
    const std::string code = optString(json, "code").value_or("");
    Catalog::checkCode(code, errors, "code");
    MatterDefinition d = definitionFrom(tx, json, code, errors);
    errors.throwIfAny();
    if (matterExists(tx, code))
        throw ApiError(409, "matter_exists", "The matter exists", code + " is a matter already: draft a new version "
                                                                         "of it instead.");
    insertNewMatter(tx, d, user.username);
    Response r = versionResponse(tx, 201, code, 1);
    r.headers["Location"] = "/api/v1/matters/" + code + "/versions/1";
    idempotency.record(tx, r, m_clock.now());
    tx.commit();
    return r;
}

Response MatterVersions::createDraft(const Principal &user, const std::string &code,
                                     const std::string &idempotencyKey, const std::string &body)
{
    AuthorizationPolicy::require(user, Cap::EditCatalog);
    const auto json = parseObject(body);
    const IdempotencyStore idempotency(user.username, idempotencyKey, "draft\n" + code + "\n" + body);
    Transaction tx(m_db, Transaction::Mode::Write);
    Catalog::lockForAdministration(tx);
    if (!matterExists(tx, code))
        throw ApiError::notFound();
    if (auto answered = idempotency.replay(tx))
        return *answered;
    FieldErrors errors;
    const MatterDefinition d = definitionFrom(tx, json, code, errors);
    errors.throwIfAny();
    const int version = insertDraft(tx, d, user.username);
    Response r = versionResponse(tx, 201, code, version);
    r.headers["Location"] = "/api/v1/matters/" + code + "/versions/" + std::to_string(version);
    idempotency.record(tx, r, m_clock.now());
    tx.commit();
    return r;
}

Response MatterVersions::editDraft(const Principal &user, const std::string &code, const std::string &version,
                                   const std::string &ifMatch, const std::string &body)
{
    AuthorizationPolicy::require(user, Cap::EditCatalog);
    const int n = versionNumber(version);
    const auto json = parseObject(body);
    Transaction tx(m_db, Transaction::Mode::Write);
    Catalog::lockForAdministration(tx);
    requireDraft(tx, code, n, ifMatch);
    FieldErrors errors;
    MatterDefinition d = definitionFrom(tx, json, code, errors);
    errors.throwIfAny();
    tx.execute("UPDATE matter_versions SET body = ? WHERE code = ? AND version = ?",
               {draftBody(d, n), code, std::int64_t{n}});
    m_audit.append(tx, {}, user.username, "matter_draft_edited", code + " version " + std::to_string(n));
    Response r = versionResponse(tx, 200, code, n);
    tx.commit();
    return r;
}

Response MatterVersions::deleteDraft(const Principal &user, const std::string &code, const std::string &version,
                                     const std::string &ifMatch)
{
    AuthorizationPolicy::require(user, Cap::EditCatalog);
    const int n = versionNumber(version);
    Transaction tx(m_db, Transaction::Mode::Write);
    Catalog::lockForAdministration(tx);
    requireDraft(tx, code, n, ifMatch);
    tx.execute("DELETE FROM matter_versions WHERE code = ? AND version = ?", {code, std::int64_t{n}});
    std::string detail = code + " version " + std::to_string(n);
    // A new matter that was never published goes with its only draft.
    if (!tx.queryOne("SELECT version FROM matter_versions WHERE code = ?", {code})) {
        tx.execute("DELETE FROM matters WHERE code = ?", {code});
        detail += ", and the matter, never published";
    }
    m_audit.append(tx, {}, user.username, "matter_draft_deleted", detail);
    tx.commit();
    return Response::noContent();
}

Poco::JSON::Object::Ptr MatterVersions::list(const Principal &user, const std::string &code, int limit,
                                             const std::string &cursor)
{
    AuthorizationPolicy::require(user, Cap::EditCatalog);
    Transaction tx(m_db, Transaction::Mode::Read);
    if (!matterExists(tx, code))
        throw ApiError::notFound();
    std::string sql = std::string("SELECT ") + kVersionColumns + " FROM matter_versions WHERE code = ?";
    std::vector<DbValue> params{code};
    appendIdPage(sql, params, "version", cursor, limit);
    const Date today = m_clock.today();
    return idPageAnswer(tx.query(sql, params), limit,
                        [&today](const DbRow &row) { return versionJson(row, today, false); });
}

Response MatterVersions::get(const Principal &user, const std::string &code, const std::string &version)
{
    AuthorizationPolicy::require(user, Cap::EditCatalog);
    const int n = versionNumber(version);
    Transaction tx(m_db, Transaction::Mode::Read);
    if (!versionRow(tx, code, n))
        throw ApiError::notFound();
    return versionResponse(tx, 200, code, n);
}

Response MatterVersions::publish(const Principal &user, const std::string &code, const std::string &version,
                                 const std::string &idempotencyKey, const std::string &body)
{
    AuthorizationPolicy::require(user, Cap::EditCatalog);
    const int n = versionNumber(version);
    const auto json = body.empty() ? newObject() : parseObject(body);
    const IdempotencyStore idempotency(user.username, idempotencyKey,
                                       "publish\n" + code + "\n" + version + "\n" + body);
    const Date today = m_clock.today();
    FieldErrors errors;
    Date validFrom = today;
    if (const auto text = optString(json, "validFrom")) {
        if (const auto date = parseIsoDate(*text); !date)
            errors.add("validFrom", "A date, YYYY-MM-DD.", "invalid");
        else if (daysBetween(today, *date) < 0)
            errors.add("validFrom", "Today or a later day: what was in effect stays so.", "before_today");
        else
            validFrom = *date;
    } else if (json->has("validFrom") && !json->isNull("validFrom")) {
        errors.add("validFrom", "A date, YYYY-MM-DD.", "invalid");
    }
    const Catalog::Changing changing(m_catalog);
    Transaction tx(m_db, Transaction::Mode::Write);
    Catalog::lockForAdministration(tx);
    const auto row = versionRow(tx, code, n);
    if (!row)
        throw ApiError::notFound();
    if (auto answered = idempotency.replay(tx))
        return *answered;
    if (row->text("state") != "draft")
        throw versionPublished();
    errors.throwIfAny();
    publishDraft(tx, code, n, validFrom, user.username);
    Response r = versionResponse(tx, 200, code, n);
    idempotency.record(tx, r, m_clock.now());
    tx.commit();
    return r;
}

Poco::JSON::Object::Ptr MatterVersions::diff(const Principal &user, const std::string &code, const std::string &from,
                                             const std::string &to)
{
    AuthorizationPolicy::require(user, Cap::EditCatalog);
    const int a = versionNumber(from);
    const int b = versionNumber(to);
    Transaction tx(m_db, Transaction::Mode::Read);
    const auto before = versionRow(tx, code, a);
    const auto after = versionRow(tx, code, b);
    if (!before || !after)
        throw ApiError::notFound();
    return matterDiff(storedDefinition(*before), storedDefinition(*after));
}

Response MatterVersions::replaceToday(const Principal &user, const std::string &code, const std::string &ifMatch,
                                      const std::string &body)
{
    AuthorizationPolicy::require(user, Cap::EditCatalog);
    if (ifMatch.empty())
        throw ApiError::preconditionRequired("If-Match");
    const auto json = parseObject(body);
    const Catalog::Changing changing(m_catalog);
    Transaction tx(m_db, Transaction::Mode::Write);
    Catalog::lockForAdministration(tx);
    // Read before anything is written: what the catalog's caches keep of it is committed.
    const auto current = m_catalog.matter(tx, code);
    if (!current)
        throw ApiError::notFound();
    if (!ifMatchNames(ifMatch, current->version))
        throw ApiError::preconditionFailed();
    FieldErrors errors;
    const MatterDefinition d = definitionFrom(tx, json, code, errors);
    errors.throwIfAny();
    const int version = insertDraft(tx, d, user.username);
    publishDraft(tx, code, version, m_clock.today(), user.username);
    const MatterDefinition saved = storedDefinition(*versionRow(tx, code, version));
    tx.commit();
    Response r = Response::json(200, saved.toJson());
    r.headers["ETag"] = etagOf(version);
    return r;
}

} // namespace onewindow::server
