#include "evaluation/evaluationservice.h"

#include "audit/audittrail.h"
#include "auth/passwords.h"
#include "auth/policy.h"
#include "cases/casejson.h"
#include "cases/casescope.h"
#include "catalog/catalog.h"
#include "clock.h"
#include "db/database.h"
#include "evaluation/followups.h"
#include "http/problem.h"
#include "json.h"

namespace onewindow::server {

namespace {

using Cap = AuthorizationPolicy::Capability;

constexpr long kTokenSeconds = 600;

void checkEvent(const std::string &event, FieldErrors &errors)
{
    if (event != "intake" && event != "delivery")
        errors.add("event", "Either intake or delivery.", "invalid");
}

} // namespace

Response EvaluationService::issueToken(const Principal &user, const std::string &caseId, const std::string &body)
{
    AuthorizationPolicy::require(user, Cap::CreateCase);
    const auto json = parseObject(body);
    const std::string event = optString(json, "event").value_or("");
    FieldErrors errors;
    Transaction tx(m_db, Transaction::Mode::Write);
    requireCaseInScope(tx, user, caseId, static_cast<int>(Cap::CreateCase));
    checkEvent(event, errors);
    errors.throwIfAny();
    const std::string token = randomToken();
    const std::string expires = m_clock.secondsAgo(-kTokenSeconds);
    tx.execute("INSERT INTO rating_tokens (token_hash, case_id, event, issued_by, expires_at) VALUES (?, ?, ?, ?, ?)",
               {sha256Hex(token), caseId, event, user.username, expires});
    tx.commit();
    auto o = newObject();
    o->set("token", token);
    o->set("event", event);
    o->set("expiresAt", expires);
    return Response::json(201, o);
}

Response EvaluationService::evaluate(const Principal &user, const std::string &caseId, const std::string &body)
{
    const auto json = parseObject(body);
    FieldErrors errors;
    const std::string event = optString(json, "event").value_or("");
    checkEvent(event, errors);
    const auto level = optNumber(json, "level");
    if (!level || *level < 1 || *level > 5 || static_cast<int>(*level) != *level)
        errors.add("level", "From 1 (非常不满意) to 5 (非常满意).", "invalid");
    const std::string channel = optString(json, "channel").value_or("");
    if (channel != "counter" && channel != "sms" && channel != "paper")
        errors.add("channel", "One of counter, sms, paper.", "invalid");
    const std::string comment = trimmed(optString(json, "comment").value_or(""));
    if (comment.size() > 1500)
        errors.add("comment", "At most 500 characters.", "too_long");
    const std::string token = optString(json, "ratingToken").value_or("");

    // Who may post it: the counter's own session with the customer screen's token; a supervisor
    // entering a paper form or an SMS reply.
    const bool counter = channel == "counter";
    AuthorizationPolicy::require(user, counter ? Cap::CreateCase : Cap::WaiveDeficiency);
    Transaction tx(m_db, Transaction::Mode::Write);
    requireCaseInScope(tx, user, caseId, static_cast<int>(counter ? Cap::CreateCase : Cap::ReadCases));
    if (counter && token.empty())
        errors.add("ratingToken", "A counter rating comes from the customer screen, with its own token.",
                   "rating_token_required");
    errors.throwIfAny();
    if (counter) {
        const DbRows used = tx.query("UPDATE rating_tokens SET used_at = ? WHERE token_hash = ? AND case_id = ? AND "
                                     "event = ? AND used_at IS NULL AND expires_at > ? RETURNING token_hash",
                                     {m_clock.now(), sha256Hex(token), caseId, event, m_clock.now()});
        if (used.empty()) {
            errors.add("ratingToken", "The customer screen's token is unknown, used or expired: rate again.",
                       "rating_token_invalid");
            errors.throwIfAny();
        }
    }
    if (tx.queryOne("SELECT case_id FROM evaluations WHERE case_id = ? AND event = ?", {caseId, event}))
        throw ApiError(409, "already_rated", "Already rated", "This service was rated already.");
    const std::string now = m_clock.now();
    tx.execute("INSERT INTO evaluations (case_id, event, level, channel, comment, entered_by, at) VALUES (?, ?, ?, "
               "?, ?, ?, ?)",
               {caseId, event, std::int64_t{static_cast<int>(*level)}, channel, comment, user.username, now});
    m_audit.append(tx, caseId, user.username, "evaluated",
                   event + ": level " + std::to_string(static_cast<int>(*level)) + " by " + channel);
    if (FollowUps::needsFollowUp(static_cast<int>(*level)))
        m_followUps.open(tx, caseId, event, static_cast<int>(*level), comment);
    tx.commit();
    auto o = newObject();
    o->set("event", event);
    o->set("level", static_cast<int>(*level));
    o->set("channel", channel);
    o->set("comment", comment);
    o->set("at", now);
    return Response::json(201, o);
}

Poco::JSON::Object::Ptr EvaluationService::list(const Principal &user, const std::string &caseId)
{
    AuthorizationPolicy::require(user, Cap::ReadCases);
    Transaction tx(m_db, Transaction::Mode::Read);
    requireCaseInScope(tx, user, caseId, static_cast<int>(Cap::ReadCases));
    auto items = newArray();
    for (const DbRow &row : tx.query("SELECT event, level, channel, comment, at FROM evaluations WHERE case_id = ? "
                                     "ORDER BY at",
                                     {caseId})) {
        auto o = newObject();
        o->set("event", row.text("event"));
        o->set("level", row.integer("level"));
        o->set("channel", row.text("channel"));
        o->set("comment", row.text("comment"));
        o->set("at", row.text("at"));
        items->add(o);
    }
    auto result = newObject();
    result->set("items", items);
    return result;
}

std::string EvaluationService::invitationText(const std::string &caseNumber, const std::string &matters)
{
    return "【一窗受理】您的办件 " + caseNumber + "（" + matters
           + "）已办结。请回复数字评价本次服务：5 非常满意，4 满意，3 基本满意，2 不满意，1 非常不满意。";
}

int EvaluationService::inviteUnrated()
{
    if (m_settings.invitationAfterDays <= 0)
        return 0;
    Transaction tx(m_db, Transaction::Mode::Write);
    const Date cutoff = m_catalog.calendar(tx, Catalog::Freshness::Recent)
                            .addWorkingDays(m_clock.today(), -m_settings.invitationAfterDays);
    // Delivered on the cutoff day or before (a day's end is the next day's start), within the
    // month before it: an installation that turns the job on does not message last year's cases.
    const std::string until = toIsoString(addCalendarDays(cutoff, 1));
    const std::string since = toIsoString(addCalendarDays(cutoff, -30));
    const DbRows due = tx.query("SELECT c.id, c.number, c.matters, c.applicant_phone FROM case_deliveries d JOIN cases c "
                                "ON c.id = d.case_id WHERE d.delivered_at >= ? AND d.delivered_at < ? AND NOT EXISTS "
                                "(SELECT 1 FROM evaluations e WHERE e.case_id = d.case_id AND e.event = 'delivery') "
                                "AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.case_id = d.case_id AND n.kind = "
                                "'rating_invitation' AND n.deficiency_id IS NULL)",
                                {since, until});
    const std::string now = m_clock.now();
    int queued = 0;
    for (const DbRow &row : due) {
        // Once per case, whichever instance gets here first (the partial unique index of migration 10).
        const DbRows inserted = tx.query("INSERT INTO notifications (case_id, deficiency_id, kind, recipient, text, "
                                         "created_at, status, attempts) VALUES (?, NULL, 'rating_invitation', ?, ?, ?, "
                                         "'pending', 0) ON CONFLICT DO NOTHING RETURNING id",
                                         {row.text("id"), row.text("applicant_phone"),
                                          invitationText(row.text("number"), matterNames(row.text("matters"))), now});
        if (inserted.empty())
            continue;
        m_audit.append(tx, row.text("id"), "system", "message_queued", "rating_invitation: an SMS to the applicant");
        ++queued;
    }
    tx.commit();
    return queued;
}

} // namespace onewindow::server
