#pragma once

#include "http/message.h"

#include <Poco/JSON/Object.h>

#include <string>

namespace onewindow::server {

class AuditTrail;
class Clock;
class Database;

/// Paper materials taken in at a village centre travel to its hall in batches (代办流转清单),
/// each on record from the counter that sent it to the clerk who checked it in:
/// - POST /transfers {"cases", "note"} by an agent or clerk of a village centre (404 for anyone
///   else, and for any case not of the centre): one item per material of each case given on
///   paper, or one `case_file` item (the signed acceptance papers) for a case with none; a case
///   not accepted is 422, a case already on its way in another batch 409 `already_in_transfer`.
///   Idempotent. Its `code` is printed on the manifest, as the QR code `OW-TRANSFER:<code>`.
/// - GET /transfers?state=in_transit|arrived, GET /transfers/{id}, GET /transfers/by-code/{code}:
///   the centre's own batches, or those addressed to the hall.
/// - POST /transfers/{id}/arrival {"missing": [{"item", "note"}]} by a clerk of the receiving
///   hall: every item not listed received, the listed ones missing; once (409 `transfer_arrived`).
class TransferService
{
public:
    TransferService(Database &db, const Clock &clock, AuditTrail &audit);

    Response create(const Principal &user, const std::string &idempotencyKey, const std::string &body);
    Poco::JSON::Object::Ptr list(const Principal &user, const std::string &state, int limit,
                                 const std::string &cursor);
    Poco::JSON::Object::Ptr get(const Principal &user, const std::string &id);
    /// `code` as printed, or the whole text of the manifest's QR code.
    Poco::JSON::Object::Ptr byCode(const Principal &user, const std::string &code);
    Response arrive(const Principal &user, const std::string &id, const std::string &idempotencyKey,
                    const std::string &body);

private:
    Database &m_db;
    const Clock &m_clock;
    AuditTrail &m_audit;
};

} // namespace onewindow::server
