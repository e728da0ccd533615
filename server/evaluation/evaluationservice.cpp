#include "evaluation/evaluationservice.h"

#include "audit/audittrail.h"
#include "auth/passwords.h"
#include "auth/policy.h"
#include "cases/casescope.h"
#include "clock.h"
#include "db/database.h"
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

} // namespace onewindow::server
