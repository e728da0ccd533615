#pragma once

#include "http/message.h"
#include "intake/intakeplanner.h"

#include <string>

namespace onewindow::server {

class AuditTrail;
class Catalog;
class Clock;
class Database;

/// POST /cases: the atomic registration of a case with its materials, deficiencies, parts and
/// audit entries; idempotent (IdempotencyStore). Read and decide first (IntakePlanner), then
/// number (CaseNumbers), then write it all in one short transaction (NewCase). A case taken in
/// offline comes with a number its centre reserved before (reserveNumbers), claimed once.
class IntakeService
{
public:
    IntakeService(Database &db, const Clock &clock, Catalog &catalog, AuditTrail &audit);

    /// `idempotencyKey` is required. Returns the response to send (the first one again when the
    /// key is replayed with the same body).
    Response create(const Principal &user, const std::string &idempotencyKey, const std::string &body);

    /// POST /centers/{code}/number-blocks {"count"}: `count` (1..500) case numbers of the centre's
    /// usual sequence that no other intake will use, for an agent or clerk of that centre (404
    /// for anyone else); idempotent. Answers {center, numbers, reservedAt}.
    Response reserveNumbers(const Principal &user, const std::string &center, const std::string &idempotencyKey,
                            const std::string &body);

private:
    Database &m_db;
    const Clock &m_clock;
    AuditTrail &m_audit;
    IntakePlanner m_planner;
};

} // namespace onewindow::server
