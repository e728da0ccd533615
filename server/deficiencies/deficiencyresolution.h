#pragma once

#include "cases/caseclock.h"
#include "cases/casetransitions.h"
#include "http/message.h"

#include <cstdint>
#include <string>

namespace onewindow::server {

class AuditTrail;
class CaseReader;
class Catalog;
class Clock;
class Database;

/// The end of a deficient material at the counter: supplied (POST .../supply), or forgone by a
/// supervisor (POST .../waive). The last one in completes the case and resumes its clock.
class DeficiencyResolution
{
public:
    DeficiencyResolution(Database &db, const Clock &clock, Catalog &catalog, AuditTrail &audit, CaseReader &cases);

    /// Records a supplied material; `attachmentId` (optional) names the case's attachment holding it.
    Response supply(const Principal &user, const std::string &caseId, const std::string &deficiencyId,
                    const std::string &ifMatch, const std::string &body);
    /// A supervisor forgoes a deficient material, with a reason.
    Response waive(const Principal &user, const std::string &caseId, const std::string &deficiencyId,
                   const std::string &ifMatch, const std::string &body);

private:
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
    Resolving begin(Transaction &tx, const Principal &user, const std::string &caseId,
                    const std::string &deficiencyId, const std::string &ifMatch, int capability);
    /// Completes the case when nothing is outstanding any more, bumps its version, answers it.
    Response finish(Transaction &tx, const Principal &user, const std::string &caseId, const Resolving &r,
                    const std::string &materialsJson);

    Database &m_db;
    const Clock &m_clock;
    AuditTrail &m_audit;
    CaseReader &m_cases;
    CaseClock m_caseClock;
    CaseTransitions m_transitions;
};

} // namespace onewindow::server
