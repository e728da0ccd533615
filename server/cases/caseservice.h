#pragma once

#include "http/message.h"

#include <Poco/JSON/Object.h>

#include <string>

namespace onewindow::server {

class AuditTrail;
class DbRow;
class Catalog;
class Clock;
class Database;
class Transaction;

/// Cases: atomic registration of a case with its materials and deficiencies (idempotent),
/// reading and listing within the user's scope, and supplying deficient materials.
class CaseService
{
public:
    CaseService(Database &db, const Clock &clock, Catalog &catalog, AuditTrail &audit);

    /// POST /cases. `idempotencyKey` is required. Returns the response to send (the first one
    /// again when the key is replayed with the same body).
    Response create(const Principal &user, const std::string &idempotencyKey, const std::string &body);

    Response get(const Principal &user, const std::string &id);
    Poco::JSON::Object::Ptr list(const Principal &user, const std::string &status, const std::string &center,
                                 int limit, const std::string &cursor, const std::string &number = {});
    Poco::JSON::Object::Ptr deficiencies(const Principal &user, const std::string &status,
                                         const std::string &dueBefore, const std::string &center, int limit,
                                         const std::string &cursor);
    Response supply(const Principal &user, const std::string &caseId, const std::string &deficiencyId,
                    const std::string &ifMatch, const std::string &body);
    Poco::JSON::Object::Ptr audit(const Principal &user, const std::string &caseId);

    /// Marks deficiencies past their due date overdue; safe with several instances. Returns how
    /// many were marked.
    int markOverdue();

    static std::string etagOf(std::int64_t version);

private:
    Poco::JSON::Object::Ptr caseJson(Transaction &tx, const std::string &id);
    Poco::JSON::Object::Ptr caseJson(Transaction &tx, const DbRow &row);
    /// Throws 404 unless the case exists and is in scope for `capability`.
    void requireInScope(Transaction &tx, const Principal &user, const std::string &id, int capability);

    Database &m_db;
    const Clock &m_clock;
    Catalog &m_catalog;
    AuditTrail &m_audit;
};

} // namespace onewindow::server
