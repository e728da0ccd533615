#pragma once

#include "http/message.h"

#include "cases/casetransitions.h"
#include "db/database.h"
#include "domain/date.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <vector>

namespace onewindow::server {

class AuditTrail;
class Catalog;
class Clock;

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
    /// The case as it stands in `tx` (after a change there), with its ETag: what a change answers.
    Response current(Transaction &tx, const std::string &id, int status = 200);
    Poco::JSON::Object::Ptr list(const Principal &user, const std::string &status, const std::string &center,
                                 int limit, const std::string &cursor, const std::string &number = {});
    Poco::JSON::Object::Ptr deficiencies(const Principal &user, const std::string &status,
                                         const std::string &dueBefore, const std::string &center, int limit,
                                         const std::string &cursor, const std::string &matter = {});
    /// GET /deficiencies/counts: how many are outstanding, due today, due this week (by the
    /// server's date), overdue, supplied and waived, within the caller's scope.
    Poco::JSON::Object::Ptr deficiencyCounts(const Principal &user, const std::string &center,
                                             const std::string &matter);
    /// Records a supplied material; `attachmentId` (optional) names the case's attachment holding it.
    Response supply(const Principal &user, const std::string &caseId, const std::string &deficiencyId,
                    const std::string &ifMatch, const std::string &body);
    /// A supervisor forgoes a deficient material, with a reason.
    Response waive(const Principal &user, const std::string &caseId, const std::string &deficiencyId,
                   const std::string &ifMatch, const std::string &body);
    Poco::JSON::Object::Ptr audit(const Principal &user, const std::string &caseId);

    /// Marks deficiencies past their due date overdue; safe with several instances. Returns how
    /// many were marked.
    int markOverdue();

    /// An applicant's broken-commitment record (GET) and a supervisor clearing it (POST .../clear).
    Poco::JSON::Object::Ptr commitment(const Principal &user, const std::string &identifier);
    Poco::JSON::Object::Ptr clearCommitment(const Principal &user, const std::string &identifier,
                                            const std::string &body);

    static std::string etagOf(std::int64_t version);

    /// Ends the case's open clock pause today (if the clock is paused) and moves its promised
    /// due date by the working days it lasted; `moveDueDate` false when the case ends instead.
    void resumeClock(Transaction &tx, const std::string &caseId, const std::string &actor, bool moveDueDate);

private:
    /// The case as JSON text (a case is read far more often than anything else: written
    /// directly, without a tree of Poco objects).
    std::string caseJson(Transaction &tx, const std::string &id);
    std::string caseJson(Transaction &tx, const DbRow &row);
    /// The case's JSON from its row, clock pauses (ordered by id), notifications (by id) and
    /// deficiencies (by due date, material): what caseJson reads, given instead.
    static std::string caseJson(const DbRow &row, const DbRows &pauses, const DbRows &notifications,
                                const DbRows &deficiencies);
    /// Throws 404 unless the case exists and is in scope for `capability`.
    void requireInScope(Transaction &tx, const Principal &user, const std::string &id, int capability);
    /// The common part of supply and waive: the case and the deficiency as they stand, after
    /// the scope, If-Match and state checks.
    struct Resolving
    {
        std::int64_t version = 0;
        std::string status;
        std::string materials;
        std::string material;
        std::string materialName;
    };
    Resolving beginResolve(Transaction &tx, const Principal &user, const std::string &caseId,
                           const std::string &deficiencyId, const std::string &ifMatch, int capability);
    /// Completes the case when nothing is outstanding any more, bumps its version, answers it.
    Response finishResolve(Transaction &tx, const Principal &user, const std::string &caseId, const Resolving &r,
                           const std::string &materialsJson);

    Database &m_db;
    const Clock &m_clock;
    Catalog &m_catalog;
    AuditTrail &m_audit;
    CaseTransitions m_transitions;
};

/// Throws 404 unless the case exists and is in scope for `capability` (an
/// AuthorizationPolicy::Capability).
void requireCaseInScope(Transaction &tx, const Principal &user, const std::string &caseId, int capability);

/// The applicant's ID number or credit code in the stored form; nullopt when it is neither.
std::optional<std::string> normalizedApplicantId(const std::string &identifier, const Date &today);

} // namespace onewindow::server
