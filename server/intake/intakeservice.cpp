#include "intake/intakeservice.h"

#include "audit/audittrail.h"
#include "auth/policy.h"
#include "clock.h"
#include "db/database.h"
#include "http/idempotency.h"
#include "http/problem.h"
#include "intake/casenumbers.h"
#include "intake/newcase.h"
#include "json.h"

#include <spdlog/spdlog.h>

#include <regex>

namespace onewindow::server {

namespace {

/// How long an intake taken in without the network may wait for its sync.
constexpr int kOfflineDays = 30;

/// When an offline intake was taken in (`takenAt`, with its reserved number): the case counts
/// from then, so the dates on the papers printed in the village are the case's. Only within the
/// last kOfflineDays and not after now; absent, the case counts from now.
struct IntakeMoment
{
    Date today;
    std::string now;
    bool morning = true;
};

IntakeMoment intakeMoment(const Poco::JSON::Object::Ptr &json, const Clock &clock)
{
    IntakeMoment moment{clock.today(), clock.now(), clock.isMorning()};
    const auto takenAt = optString(json, "takenAt");
    if (!takenAt)
        return moment;
    static const std::regex kFormat(R"(\d{4}-\d{2}-\d{2}T(\d{2}):\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2}))");
    std::smatch match;
    const auto date = takenAt->size() >= 10 ? parseIsoDate(std::string_view(*takenAt).substr(0, 10)) : std::nullopt;
    FieldErrors errors;
    if (!optString(json, "number"))
        errors.add("takenAt", "Only an intake under a reserved number was taken in earlier.", "invalid");
    else if (!std::regex_match(*takenAt, match, kFormat) || !date)
        errors.add("takenAt", "A date and time such as 2026-11-27T09:30:00+08:00.", "invalid");
    else if (daysBetween(*date, moment.today) < 0 || daysBetween(*date, moment.today) > kOfflineDays)
        errors.add("takenAt", "Not in the last " + std::to_string(kOfflineDays) + " days.", "taken_at_out_of_range");
    errors.throwIfAny();
    moment.today = *date;
    moment.now = *takenAt;
    moment.morning = std::stoi(match[1].str()) < 12;
    return moment;
}

} // namespace

IntakeService::IntakeService(Database &db, const Clock &clock, Catalog &catalog, AuditTrail &audit)
    : m_db(db), m_clock(clock), m_audit(audit), m_planner(catalog)
{
}

Response IntakeService::create(const Principal &user, const std::string &idempotencyKey, const std::string &body)
{
    AuthorizationPolicy::require(user, AuthorizationPolicy::Capability::CreateCase);
    const IdempotencyStore idempotency(user.username, idempotencyKey, body);

    const Poco::JSON::Object::Ptr json = parseObject(body);
    const IntakeMoment moment = intakeMoment(json, m_clock);
    const Date today = moment.today;

    // A request already answered is found by its idempotency record: when its validation fails
    // now (the catalog may have changed since), on PostgreSQL when numbering it, and when writing
    // its record (the key is unique). A first request, the common case, reads nothing for it.

    // 1. Read and decide, without holding any write lock.
    IntakePlan plan;
    try {
        Transaction tx(m_db, Transaction::Mode::Lookups);
        plan = m_planner.plan(tx, user, json, today, moment.morning);
    } catch (const ApiError &) {
        Transaction tx(m_db, Transaction::Mode::Lookups);
        if (auto answered = idempotency.replay(tx))
            return *answered;
        throw;
    }

    // 2. Number it. On PostgreSQL in a transaction of its own, so the counter row of the centre
    // and day is locked for a moment, not for the whole intake (a number is lost only if the
    // intake then fails, which validation above makes rare).
    // A number reserved for an offline intake is the case's own; it is claimed with the case.
    std::string number = plan.request.number;
    if (number.empty() && m_db.dialect() == Database::Dialect::PostgreSQL) {
        Transaction tx(m_db, Transaction::Mode::Write);
        if (auto answered = idempotency.replay(tx))
            return *answered;
        number = nextCaseNumber(tx, plan.request.center, today);
        tx.commit();
    }

    // 3. Write the case, its deficiencies, its audit entries and the idempotency record in one
    // transaction, so a replay finds the record exactly when the case exists. Everything that
    // does not depend on the case number is prepared first, the answer included: on SQLite the
    // number is known only under the write lock, which then covers the inserts and little else.
    const std::string now = m_clock.now();
    NewCase newCase(plan, user.username, today, moment.now, number);
    try {
        Transaction tx(m_db, Transaction::Mode::Write);
        // The answer says the case exists: its commit is on disk before it goes out.
        tx.makeDurable();
        if (newCase.number().empty())
            newCase.setNumber(nextCaseNumber(tx, plan.request.center, today));
        // The idempotency record first: if a twin request committed it meanwhile, this fails at
        // once (UniqueViolation, answered below as the twin was) and nothing else is written.
        idempotency.record(tx, newCase.response(), now);
        if (!plan.request.number.empty())
            claimReservedNumber(tx, plan.request.number, plan.request.center, newCase.id());
        newCase.insert(tx, m_audit);
        tx.commit();
        return newCase.takeResponse();
    } catch (const UniqueViolation &) {
        // The key was answered before, or a twin request won the race: answer as it was.
        Transaction tx(m_db, Transaction::Mode::Lookups);
        if (auto answered = idempotency.replay(tx))
            return *answered;
        throw;
    }
}

Response IntakeService::reserveNumbers(const Principal &user, const std::string &center,
                                       const std::string &idempotencyKey, const std::string &body)
{
    if (!AuthorizationPolicy::mayAcceptAt(user, center))
        throw ApiError::notFound();
    const IdempotencyStore idempotency(user.username, idempotencyKey, center + "\n" + body);
    const auto json = parseObject(body);
    const auto count = optNumber(json, "count");
    if (!count || *count < 1 || *count > 500 || static_cast<int>(*count) != *count) {
        FieldErrors errors;
        errors.add("count", "A whole number from 1 to 500.", "invalid");
        errors.throwIfAny();
    }
    const Date today = m_clock.today();
    const std::string now = m_clock.now();
    Transaction tx(m_db, Transaction::Mode::Write);
    if (auto answered = idempotency.replay(tx))
        return *answered;
    auto numbers = newArray();
    for (int i = 0; i < static_cast<int>(*count); ++i) {
        const std::string number = nextCaseNumber(tx, center, today);
        tx.execute("INSERT INTO number_reservations (number, center, reserved_by, reserved_at) VALUES (?, ?, ?, ?)",
                   {number, center, user.username, now});
        numbers->add(number);
    }
    auto o = newObject();
    o->set("center", center);
    o->set("numbers", numbers);
    o->set("reservedAt", now);
    Response response = Response::json(201, o);
    idempotency.record(tx, response, now);
    tx.commit();
    spdlog::info("{} reserved {} case number(s) for {}", user.username, numbers->size(), center);
    return response;
}

} // namespace onewindow::server
