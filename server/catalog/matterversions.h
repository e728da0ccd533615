#pragma once

#include "catalog/catalog.h"
#include "domain/date.h"
#include "http/message.h"

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>

namespace onewindow::server {

class AuditTrail;
class Clock;
class Database;
class FieldErrors;
class Transaction;

/// A matter's definition changes through versions: the administrator (admin; 404 for anyone
/// else, for reads too) drafts a version, edits it, sees what it changes, and publishes it from
/// a day on. Intake, GET /matters and the bundles see only the version in effect on the day.
/// - POST /matters {code, department, initials?, ...}: a new matter, as its draft 1 (409
///   `matter_exists` when the code is taken); nobody but the administrator sees it until it is
///   published.
/// - POST /matters/{code}/versions {definition}: draft n (one past the highest version); 409
///   `draft_exists` while the matter has a draft.
/// - GET /matters/{code}/versions (newest first), GET /matters/{code}/versions/{n} (its ETag).
/// - PUT /matters/{code}/versions/{n} (If-Match): the draft's new definition; DELETE (If-Match):
///   the draft is dropped (a new matter's draft 1 takes the matter with it). A published
///   version never changes: 409 `version_published`.
/// - POST /matters/{code}/versions/{n}/publish {validFrom?}: in effect from validFrom (today
///   when left out, never before): the version in effect the day before ends then, and any
///   version published to start on or after that day never takes effect (superseded).
/// - GET /matters/{code}/versions/{n}/diff/{m}: what version m changes against version n.
/// - PUT /matters/{code} (If-Match: the version in effect): as before versions had dates, a new
///   version in effect at once: a draft published today (409 `draft_exists` while there is one).
/// Every write is audited in the chain outside cases; the creating POSTs and the publication
/// take an Idempotency-Key.
class MatterVersions
{
public:
    MatterVersions(Database &db, const Clock &clock, Catalog &catalog, AuditTrail &audit);

    Response createMatter(const Principal &user, const std::string &idempotencyKey, const std::string &body);
    Response createDraft(const Principal &user, const std::string &code, const std::string &idempotencyKey,
                         const std::string &body);
    Response editDraft(const Principal &user, const std::string &code, const std::string &version,
                       const std::string &ifMatch, const std::string &body);
    Response deleteDraft(const Principal &user, const std::string &code, const std::string &version,
                         const std::string &ifMatch);
    Poco::JSON::Object::Ptr list(const Principal &user, const std::string &code, int limit,
                                 const std::string &cursor);
    Response get(const Principal &user, const std::string &code, const std::string &version);
    Response publish(const Principal &user, const std::string &code, const std::string &version,
                     const std::string &idempotencyKey, const std::string &body);
    Poco::JSON::Object::Ptr diff(const Principal &user, const std::string &code, const std::string &from,
                                 const std::string &to);
    Response replaceToday(const Principal &user, const std::string &code, const std::string &ifMatch,
                          const std::string &body);

    // The steps, in the caller's write transaction (which took Catalog::lockForAdministration
    // first), for imports.

    /// A definition from a request: MatterDefinition::fromJson, its department known. Problems
    /// are added to `errors`, their fields prefixed with `prefix`.
    static MatterDefinition definitionFrom(Transaction &tx, const Poco::JSON::Object::Ptr &o, const std::string &code,
                                           FieldErrors &errors, const std::string &prefix = {});
    /// A new matter (its code free) with `definition` as its draft 1.
    void insertNewMatter(Transaction &tx, MatterDefinition definition, const std::string &actor);
    /// Draft n of an existing matter that has no draft; returns n.
    int insertDraft(Transaction &tx, MatterDefinition definition, const std::string &actor);
    /// Publishes the draft `version` from `validFrom` (today or later).
    void publishDraft(Transaction &tx, const std::string &code, int version, const Date &validFrom,
                      const std::string &actor);
    /// A published version and the day it takes effect (none: since before versions had dates).
    struct Published
    {
        MatterDefinition definition;
        std::optional<Date> validFrom;
    };
    /// The version published last (in effect, or to be), if any.
    static std::optional<Published> latestPublished(Transaction &tx, const std::string &code);
    /// Whether the matter has a draft now.
    static bool hasDraft(Transaction &tx, const std::string &code);

private:
    /// The draft `version` of `code`, for a change: 404 when there is no such version, 409
    /// `version_published` when it is published, 412 unless `ifMatch` names it (428 when empty).
    void requireDraft(Transaction &tx, const std::string &code, int version, const std::string &ifMatch);
    /// The version resource as stored, with its ETag.
    Response versionResponse(Transaction &tx, int status, const std::string &code, int version);

    Database &m_db;
    const Clock &m_clock;
    Catalog &m_catalog;
    AuditTrail &m_audit;
};

} // namespace onewindow::server
