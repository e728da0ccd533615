#pragma once

#include "cases/caselistquery.h"
#include "db/database.h"
#include "http/message.h"

#include <Poco/JSON/Object.h>

#include <string>

namespace onewindow::server {

class AuditTrail;
class Catalog;

/// Reading cases within the user's scope: one case (GET /cases/{id}), the list, the audit trail
/// of one; and the case as a change leaves it, for the services that change cases.
class CaseReader
{
public:
    CaseReader(Database &db, Catalog &catalog, AuditTrail &audit) : m_db(db), m_catalog(catalog), m_audit(audit) {}

    Response get(const Principal &user, const std::string &id);
    /// GET /cases: a page of the query's cases (CaseSummary items) and the next page's cursor, as
    /// JSON text; `today` (the server's) says what is overdue.
    std::string list(const Principal &user, const CaseListQuery &query, const Date &today);
    Poco::JSON::Object::Ptr audit(const Principal &user, const std::string &caseId);

    /// The case as it stands in `tx` (after a change there), with its ETag: what a change answers.
    Response current(Transaction &tx, const std::string &id, int status = 200);
    /// The case's JSON as it stands in `tx`; 404 when there is no such case.
    std::string json(Transaction &tx, const std::string &id);

private:
    std::string json(Transaction &tx, const DbRow &row);

    Database &m_db;
    Catalog &m_catalog;
    AuditTrail &m_audit;
};

} // namespace onewindow::server
