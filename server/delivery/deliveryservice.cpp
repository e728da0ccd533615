#include "delivery/deliveryservice.h"

#include "auth/policy.h"
#include "cases/casereader.h"
#include "cases/casescope.h"
#include "clock.h"
#include "db/database.h"
#include "delivery/deliveryrequest.h"
#include "domain/idnumber.h"
#include "http/idempotency.h"
#include "http/preconditions.h"
#include "http/problem.h"
#include "json.h"

namespace onewindow::server {

namespace {

using Cap = AuthorizationPolicy::Capability;

} // namespace

DeliveryService::DeliveryService(Database &db, const Clock &clock, AuditTrail &audit, CaseReader &cases)
    : m_db(db), m_clock(clock), m_cases(cases), m_transitions(clock, audit)
{
}

Response DeliveryService::deliver(const Principal &user, const std::string &caseId, const std::string &ifMatch,
                                  const std::string &idempotencyKey, const std::string &body)
{
    AuthorizationPolicy::require(user, Cap::DeliverResult);
    const IdempotencyStore idempotency(user.username, idempotencyKey, "delivery\n" + caseId + "\n" + body);
    FieldErrors errors;
    const DeliveryRequest request = DeliveryRequest::parse(parseObject(body), m_clock.today(), errors);

    Transaction tx(m_db, Transaction::Mode::Write);
    // Out of scope is 404 whatever the body says.
    requireCaseInScope(tx, user, caseId, static_cast<int>(Cap::DeliverResult));
    if (auto answered = idempotency.replay(tx))
        return *answered;
    const std::int64_t version = requireCaseVersion(tx, caseId, ifMatch);
    const auto applicant = tx.queryOne("SELECT applicant_kind, applicant_id FROM cases WHERE id = ?", {caseId});
    if (request.kind == "applicant" && applicant->text("applicant_kind") != "person")
        errors.add("recipient.kind", "The applicant is an organisation: its result goes to an agent with its "
                                     "authorisation.",
                   "organization_needs_agent");
    else if (request.kind == "applicant" && applicant->text("applicant_id") != request.idNumber)
        errors.add("recipient.idNumber", "Not the applicant's ID number: someone else collects as an agent, with "
                                         "the applicant's authorisation.",
                   "not_the_applicant");
    for (const auto &[field, attachment] : {std::pair{"recipient.authorization", request.authorization},
                                            std::pair{"signature", request.signature}}) {
        if (!attachment.empty()
            && !tx.queryOne("SELECT id FROM attachments WHERE id = ? AND case_id = ?", {attachment, caseId}))
            errors.add(field, "Not an attachment of this case.", "not_in_case");
    }
    errors.throwIfAny();

    CaseTransitions::Change change;
    change.caseId = caseId;
    change.action = CaseAction::Deliver;
    change.actor = user.username;
    change.role = *roleFromCode(user.role);
    change.expectedVersion = version;
    change.facts.outstandingDeficiencies = CaseTransitions::outstandingDeficiencies(tx, caseId);
    change.detail = "to the " + request.kind + " " + IdNumber::mask(request.idNumber) + " by " + request.method
                    + (request.trackingNumber.empty() ? "" : " " + request.trackingNumber) + " at " + user.center;
    m_transitions.apply(tx, change);
    const std::string now = m_clock.now();
    const auto attachmentOrNull = [](const std::string &id) { return id.empty() ? DbValue{} : DbValue{id}; };
    tx.execute("INSERT INTO case_deliveries (case_id, recipient_kind, recipient_name, recipient_id_number, "
               "authorization_id, method, tracking_number, signature_id, center, delivered_by, delivered_at) VALUES "
               "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               {caseId, request.kind, request.name, request.idNumber, attachmentOrNull(request.authorization),
                request.method, request.trackingNumber.empty() ? DbValue{} : DbValue{request.trackingNumber},
                attachmentOrNull(request.signature), user.center, user.username, now});
    Response response = m_cases.current(tx, caseId);
    idempotency.record(tx, response, now);
    tx.commit();
    return response;
}

Poco::JSON::Object::Ptr DeliveryService::delivery(const Principal &user, const std::string &caseId)
{
    AuthorizationPolicy::require(user, Cap::ReadCases);
    Transaction tx(m_db, Transaction::Mode::Read);
    requireCaseInScope(tx, user, caseId, static_cast<int>(Cap::ReadCases));
    const auto row = tx.queryOne("SELECT * FROM case_deliveries WHERE case_id = ?", {caseId});
    if (!row)
        throw ApiError::notFound();
    auto recipient = newObject();
    recipient->set("kind", row->text("recipient_kind"));
    recipient->set("name", row->text("recipient_name"));
    recipient->set("idNumber", IdNumber::mask(row->text("recipient_id_number")));
    recipient->set("authorization", orNull(row->optText("authorization_id")));
    auto o = newObject();
    o->set("recipient", recipient);
    o->set("method", row->text("method"));
    o->set("trackingNumber", orNull(row->optText("tracking_number")));
    o->set("signature", orNull(row->optText("signature_id")));
    o->set("center", row->text("center"));
    o->set("deliveredBy", row->text("delivered_by"));
    o->set("deliveredAt", row->text("delivered_at"));
    return o;
}

} // namespace onewindow::server
