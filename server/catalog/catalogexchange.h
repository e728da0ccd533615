#pragma once

#include "http/message.h"

#include <Poco/JSON/Object.h>

#include <string>

namespace onewindow::server {

class AuditTrail;
class Catalog;
class Clock;
class Database;
class MatterVersions;

/// The catalog carried from one installation to another (a test system to production), as one
/// JSON document; the administrator's alone (admin; 404 for anyone else).
/// - GET /catalog/export: `{exportedAt, departments, centers, matters, bundles, calendar}`:
///   each matter as the version published last (in effect, or to be) with its `validFrom`
///   (drafts stay behind), each bundle, and the calendar's entries as one official-format
///   schedule per year.
/// - POST /catalog/import (Idempotency-Key) with that document (every part may be left out): all
///   or nothing, in one transaction. Departments and centres are added, or renamed (a centre's
///   parent and kind are never changed: 422); a new matter is added in effect from its
///   `validFrom`, today at the earliest; a matter whose definition differs from its version
///   published last gets a draft, for the
///   administrator to compare and publish (422 `draft_exists` on the matter while it has a draft
///   already); bundles are created or replaced; each calendar year differing from the one stored
///   replaces it, checked as PUT /calendar/{year} checks it. Every problem is answered at once
///   (422, the fields under the part's item, such as `matters[3].materials[0].code`). The
///   answer reports each item `created`, `updated`, `drafted` (with its version), `replaced` or
///   `unchanged`. Audited item by item, and as a whole.
class CatalogExchange
{
public:
    CatalogExchange(Database &db, const Clock &clock, Catalog &catalog, MatterVersions &versions, AuditTrail &audit);

    Poco::JSON::Object::Ptr exportCatalog(const Principal &user);
    Response importCatalog(const Principal &user, const std::string &idempotencyKey, const std::string &body);

private:
    Database &m_db;
    const Clock &m_clock;
    Catalog &m_catalog;
    MatterVersions &m_versions;
    AuditTrail &m_audit;
};

} // namespace onewindow::server
