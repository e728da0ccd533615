#include "demo/demohistory.h"

#include "audit/audittrail.h"
#include "catalog/catalog.h"
#include "catalog/demodata.h"
#include "catalog/holidayschedule.h"
#include "cases/casereader.h"
#include "clock.h"
#include "db/database.h"
#include "deficiencies/deficiencyresolution.h"
#include "deficiencies/deficiencytracker.h"
#include "delivery/deliveryservice.h"
#include "domain/idnumber.h"
#include "evaluation/evaluationservice.h"
#include "evaluation/followups.h"
#include "http/preconditions.h"
#include "intake/intakeservice.h"
#include "notify/notifier.h"
#include "review/resultservice.h"
#include "review/reviewservice.h"
#include "review/simulatedapprovals.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <cmath>
#include <map>
#include <random>
#include <sstream>
#include <vector>

namespace onewindow::server {

namespace {

using Rng = std::mt19937_64;

struct Matter
{
    std::string code;
    std::string department;
    Poco::JSON::Array::Ptr fields;
    Poco::JSON::Array::Ptr materials;
};

/// Where cases are taken in, by whom, and how often (of a hundred).
struct Desk
{
    const char *center;
    const char *user;
    const char *role;
    const char *supervisor;
    int share;
};
constexpr Desk kDesks[] = {{"SZ", "clerk1", "clerk", "supervisor1", 30},   {"SZ", "clerk2", "clerk", "supervisor1", 25},
                           {"SZ-V01", "agent1", "agent", "supervisor1", 15}, {"SZ-V02", "agent2", "agent", "supervisor1", 12},
                           {"TL", "clerk-tl", "clerk", "supervisor-tl", 12}, {"TL-V01", "agent-tl", "agent", "supervisor-tl", 6}};

const char *const kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "沈", "朱", "钱", "陆"};
const char *const kGivenNames[] = {"伟", "芳", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "艳", "杰", "娟", "涛", "明", "霞"};

Principal principal(const std::string &username, const std::string &role, const std::string &center,
                    const std::string &department = {})
{
    Principal p;
    p.username = username;
    p.role = role;
    p.center = center;
    p.department = department;
    return p;
}

std::string sampleValue(const std::string &type, const std::string &idNumber, Rng &rng)
{
    if (type == "id_number")
        return idNumber;
    if (type == "credit_code")
        return "91512081MA62K0260E";
    if (type == "phone")
        return "139" + std::to_string(10000000 + rng() % 89999999);
    if (type == "date")
        return "2026-01-15";
    if (type == "number" || type == "money")
        return std::to_string(1000 + rng() % 9000);
    if (type == "registered_capital")
        return std::to_string(10 + rng() % 490);
    if (type == "business_scope")
        return "C1742；F5132";
    if (type == "property_certificate")
        return "苏(2026)吴江区不动产权第" + std::to_string(1000000 + rng() % 8999999) + "号";
    if (type == "birth_certificate")
        return "X320101001";
    return "盛泽镇舜新中路" + std::to_string(1 + rng() % 300) + "号";
}

std::string idNumber(Rng &rng)
{
    char first17[18];
    std::snprintf(first17, sizeof first17, "320509%04u%02u%02u%03u", static_cast<unsigned>(1955 + rng() % 50),
                  static_cast<unsigned>(1 + rng() % 12), static_cast<unsigned>(1 + rng() % 28),
                  static_cast<unsigned>(rng() % 1000));
    return std::string(first17) + IdNumber::checkCharacter(first17);
}

std::string toText(const Poco::JSON::Object::Ptr &object)
{
    std::ostringstream out;
    object->stringify(out);
    return out.str();
}

bool chance(Rng &rng, double p)
{
    return std::uniform_real_distribution<double>(0.0, 1.0)(rng) < p;
}

/// One step to take on a later day.
struct Step
{
    enum class Kind { Supply, Decide, Rate, Result, Deliver } kind;
    std::string caseId;
    std::string matter;
    std::string department;
    std::string deficiencyId;
    std::string supervisor;
    std::string center;
    bool reject = false;
    int level = 5;
    const Desk *desk = nullptr; ///< where the case was taken in (and its result is collected)
    std::string applicant{};
    std::string idNumber{};
};

std::string approverOf(const std::string &department)
{
    std::string approver = "approver-" + department;
    std::transform(approver.begin(), approver.end(), approver.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return approver;
}

} // namespace

DemoHistoryReport fillDemoHistory(Database &db, const AuditKey &key, const Date &today, int cases)
{
    DemoHistoryReport report;
    {
        Transaction tx(db, Transaction::Mode::Read);
        if (tx.queryOne("SELECT COUNT(*) AS n FROM cases")->integer("n") > 0) {
            spdlog::info("demo history: the database holds cases already; none added");
            return report;
        }
    }
    Clock clock(today);
    AuditTrail audit(clock, &key);
    Catalog catalog(audit, clock);
    CaseReader reader(db, catalog, audit);
    IntakeService intake(db, clock, catalog, audit);
    DeficiencyResolution resolution(db, clock, catalog, audit, reader);
    LoggingNotifier notifier;
    DeficiencyTracker tracker(db, clock, catalog, audit, notifier, {});
    SimulatedApprovals simulated(db, clock, catalog, audit, reader);
    ReviewService review(db, clock, audit, reader, simulated);
    FollowUps followUps(db, clock, catalog, audit, {});
    EvaluationService evaluations(db, clock, catalog, audit, followUps, {});
    ResultService results(db, clock, audit, reader);
    DeliveryService delivery(db, clock, audit, reader);

    // The working days: a year back, or from the first year the calendar has a schedule for.
    WorkCalendar calendar;
    Date first = addCalendarDays(today, -364);
    {
        Transaction tx(db, Transaction::Mode::Read);
        calendar = catalog.calendar(tx);
        const auto schedules = catalog.calendarSchedules(tx);
        if (!schedules.empty()) {
            const Date yearStart{std::chrono::year{schedules.front().year}, std::chrono::January, std::chrono::day{1}};
            first = std::max(first, yearStart);
        }
    }
    std::vector<Date> days;
    for (Date d = first; d < today; d = addCalendarDays(d, 1)) {
        if (calendar.isWorkingDay(d))
            days.push_back(d);
    }
    if (days.empty())
        return report;
    report.from = toIsoString(first);

    std::vector<Matter> matters;
    {
        Poco::JSON::Parser parser;
        const auto root = parser.parse(demoCatalogJson()).extract<Poco::JSON::Object::Ptr>();
        for (const auto &m : *root->getArray("matters")) {
            const auto matter = m.extract<Poco::JSON::Object::Ptr>();
            matters.push_back({matter->getValue<std::string>("code"), matter->getValue<std::string>("department"),
                               matter->getArray("fields"), matter->getArray("materials")});
        }
    }

    Rng rng(20261127);
    std::map<Date, std::vector<Step>> later;
    // The case's version (its ETag), or nothing when it was terminated meanwhile (a material
    // brought after its grace days comes too late).
    const auto versionOf = [&db](const std::string &caseId) {
        Transaction tx(db, Transaction::Mode::Lookups);
        const auto row = tx.queryOne("SELECT version, status FROM cases WHERE id = ?", {caseId});
        return row && row->text("status") != "terminated" ? etagOf(row->integer("version")) : std::string();
    };
    // Runs a step; false (logged and counted) when the server refused it.
    const auto ok = [&report](const char *what, const std::function<Response()> &step) {
        try {
            const Response r = step();
            if (r.status >= 200 && r.status < 300)
                return true;
            spdlog::warn("demo history: {} refused: {} {}", what, r.status, r.body.substr(0, 300));
        } catch (const std::exception &e) {
            spdlog::warn("demo history: {} refused: {}", what, e.what());
        }
        ++report.failed;
        return false;
    };
    const double perDay = static_cast<double>(cases) / static_cast<double>(days.size());
    std::size_t keys = 0;
    const auto newKey = [&keys] { return "demo-history-" + std::to_string(++keys); };

    for (std::size_t dayIndex = 0; dayIndex < days.size(); ++dayIndex) {
        const Date day = days[dayIndex];
        clock.pretend(day, 9 * 3600);
        ++report.days;
        // More in winter and before a long holiday, fewer on Fridays.
        double volume = perDay;
        const unsigned month = static_cast<unsigned>(day.month());
        volume *= month == 12 || month <= 2 ? 1.25 : month >= 7 && month <= 8 ? 0.85 : 1.0;
        if (isoWeekday(day) == 1)
            volume *= 1.2;
        else if (isoWeekday(day) == 5)
            volume *= 0.85;
        if (!calendar.isWorkingDay(addCalendarDays(day, 3)) && !calendar.isWorkingDay(addCalendarDays(day, 4)))
            volume *= 1.15;
        const int today_n = std::max(0, static_cast<int>(std::lround(volume * std::uniform_real_distribution<double>(0.8, 1.2)(rng))));

        for (int i = 0; i < today_n; ++i) {
            clock.pretend(day, 8 * 3600 + 1800 + static_cast<int>(i * 30000 / std::max(1, today_n)));
            int pick = static_cast<int>(rng() % 100);
            const Desk *desk = &kDesks[0];
            for (const Desk &d : kDesks) {
                if (pick < d.share) {
                    desk = &d;
                    break;
                }
                pick -= d.share;
            }
            const Matter &matter = matters[rng() % matters.size()];
            const std::string name = std::string(kSurnames[rng() % std::size(kSurnames)])
                                     + kGivenNames[rng() % std::size(kGivenNames)];
            const std::string id = idNumber(rng);
            Poco::JSON::Object::Ptr applicant = new Poco::JSON::Object;
            applicant->set("kind", "person");
            applicant->set("name", name);
            applicant->set("idNumber", id);
            applicant->set("phone", "138" + std::to_string(10000000 + rng() % 89999999));
            Poco::JSON::Object::Ptr form = new Poco::JSON::Object;
            for (const auto &f : *matter.fields) {
                const auto field = f.extract<Poco::JSON::Object::Ptr>();
                const std::string fieldKey = field->getValue<std::string>("key");
                const std::string type = field->getValue<std::string>("type");
                form->set(fieldKey, fieldKey.find("name") != std::string::npos && type == "text"
                                        ? name
                                        : sampleValue(type, id, rng));
            }
            // Refused for a missing required material now and then; a deficient one more often.
            const bool refuse = chance(rng, 0.04);
            const bool deficient = !refuse && chance(rng, 0.15);
            Poco::JSON::Array::Ptr materials = new Poco::JSON::Array;
            bool missing = false;
            bool owed = false;
            for (const auto &m : *matter.materials) {
                const auto material = m.extract<Poco::JSON::Object::Ptr>();
                const bool required = material->optValue<bool>("required", false);
                const bool core = material->optValue<bool>("core", false);
                if (refuse && !missing && required && !core) {
                    missing = true;
                    continue;
                }
                Poco::JSON::Object::Ptr given = new Poco::JSON::Object;
                given->set("code", material->getValue<std::string>("code"));
                const bool makeOwed = deficient && !owed && material->optValue<bool>("deficiencyAllowed", false);
                owed = owed || makeOwed;
                given->set("provided", makeOwed ? "deficient" : "paper");
                materials->add(given);
            }
            Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
            Poco::JSON::Array::Ptr codes = new Poco::JSON::Array;
            codes->add(matter.code);
            body->set("matters", codes);
            body->set("applicant", applicant);
            body->set("center", desk->center);
            body->set("form", form);
            body->set("materials", materials);
            if (refuse && missing) {
                Poco::JSON::Object::Ptr refusal = new Poco::JSON::Object;
                refusal->set("kind", "one_time_notice");
                refusal->set("reason", "NA02");
                body->set("refusal", refusal);
            }
            const Principal clerk = principal(desk->user, desk->role, desk->center);
            Response created;
            if (!ok("intake", [&] { return created = intake.create(clerk, newKey(), toText(body)); }))
                continue;
            Poco::JSON::Parser parser;
            const auto c = parser.parse(created.body).extract<Poco::JSON::Object::Ptr>();
            const std::string caseId = c->getValue<std::string>("id");
            if (c->getValue<std::string>("status") == "not_accepted") {
                ++report.refused;
                continue;
            }
            ++report.accepted;

            // The material owed: brought the day before it is due, a few days late, or never.
            Date decideOn = parseIsoDate(c->optValue<std::string>("promisedDueDate", "")).value_or(addCalendarDays(day, 1));
            if (!calendar.isWorkingDay(decideOn))
                decideOn = calendar.addWorkingDays(decideOn, 1);
            if (const auto owedList = c->getArray("deficiencies"); owedList && owedList->size() > 0) {
                const auto d = owedList->getObject(0);
                const Date due = parseIsoDate(d->getValue<std::string>("dueDate")).value_or(day);
                const double fate = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
                if (fate < 0.12)
                    continue; // never: terminated by the tracker after its grace days
                // On a working day (the days the history visits).
                const Date brought = fate < 0.85
                                         ? std::max(calendar.addWorkingDays(due, -1), calendar.addWorkingDays(day, 1))
                                         : calendar.addWorkingDays(due, 2);
                later[brought].push_back({Step::Kind::Supply, caseId, matter.code, matter.department,
                                          d->getValue<std::string>("id"), desk->supervisor, desk->center});
                decideOn = std::max(decideOn, calendar.addWorkingDays(brought, 1));
            }
            // Decided by the promised date mostly, some late, a few rejected.
            if (chance(rng, 0.1))
                decideOn = calendar.addWorkingDays(decideOn, 1 + static_cast<int>(rng() % 5));
            Step decision{Step::Kind::Decide, caseId, matter.code, matter.department, {}, desk->supervisor, desk->center};
            decision.reject = chance(rng, 0.05);
            decision.desk = desk;
            decision.applicant = name;
            decision.idNumber = id;
            later[decideOn].push_back(decision);
            // Rated on paper at the counter: mostly very satisfied, a few not.
            if (chance(rng, 0.6)) {
                const int roll = static_cast<int>(rng() % 100);
                Step rating{Step::Kind::Rate, caseId, matter.code, matter.department, {}, desk->supervisor, desk->center};
                rating.level = roll < 72 ? 5 : roll < 90 ? 4 : roll < 96 ? 3 : roll < 99 ? 2 : 1;
                later[day].push_back(rating);
            }
        }

        // What was due today: materials brought, decisions, ratings; then the tracker's day.
        clock.pretend(day, 16 * 3600);
        for (const Step &step : later[day]) {
            const std::string ifMatch = versionOf(step.caseId);
            if (ifMatch.empty())
                continue;
            if (step.kind == Step::Kind::Supply) {
                if (ok("supply", [&] {
                           const bool tl = step.center.substr(0, 2) == "TL";
                           return resolution.supply(principal(tl ? "clerk-tl" : "clerk1", "clerk", tl ? "TL" : "SZ"),
                                                    step.caseId, step.deficiencyId, ifMatch, R"({"provided":"paper"})");
                    }))
                    ++report.supplied;
            } else if (step.kind == Step::Kind::Decide) {
                Poco::JSON::Object::Ptr d = new Poco::JSON::Object;
                d->set("matter", step.matter);
                d->set("decision", step.reject ? "reject" : "approve");
                if (step.reject) {
                    Poco::JSON::Array::Ptr reasons = new Poco::JSON::Array;
                    reasons->add("材料内容与申请表不一致");
                    d->set("reasons", reasons);
                }
                if (ok("decision", [&] {
                        return review.decide(principal(approverOf(step.department), "approver", {}, step.department),
                                             step.caseId, ifMatch, newKey(), toText(d));
                    })) {
                    ++report.decided;
                    // The certificate back at the hall in one to three working days.
                    if (!step.reject) {
                        Step result = step;
                        result.kind = Step::Kind::Result;
                        later[calendar.addWorkingDays(day, 1 + static_cast<int>(rng() % 3))].push_back(result);
                    }
                }
            } else if (step.kind == Step::Kind::Result) {
                Poco::JSON::Object::Ptr r = new Poco::JSON::Object;
                r->set("certificateNumber", step.department + "-" + toIsoString(day).substr(0, 4) + "-"
                                                + std::to_string(100000 + rng() % 900000));
                r->set("issuedOn", toIsoString(day));
                if (ok("result", [&] {
                        return results.recordResult(principal(approverOf(step.department), "approver", {},
                                                              step.department),
                                                    step.caseId, ifMatch, newKey(), toText(r));
                    })) {
                    ++report.resultsReady;
                    // Most collected within a week, sent by post (EMS); some still waiting.
                    if (chance(rng, 0.9)) {
                        Step collect = step;
                        collect.kind = Step::Kind::Deliver;
                        later[calendar.addWorkingDays(day, 1 + static_cast<int>(rng() % 5))].push_back(collect);
                    }
                }
            } else if (step.kind == Step::Kind::Deliver) {
                Poco::JSON::Object::Ptr recipient = new Poco::JSON::Object;
                recipient->set("kind", "applicant");
                recipient->set("name", step.applicant);
                recipient->set("idNumber", step.idNumber);
                Poco::JSON::Object::Ptr d = new Poco::JSON::Object;
                d->set("recipient", recipient);
                d->set("method", "mail");
                d->set("trackingNumber", "EMS" + std::to_string(1000000000 + rng() % 8999999999ULL) + "CN");
                if (ok("delivery", [&] {
                        return delivery.deliver(principal(step.desk->user, step.desk->role, step.desk->center),
                                                step.caseId, ifMatch, newKey(), toText(d));
                    }))
                    ++report.delivered;
            } else {
                Poco::JSON::Object::Ptr r = new Poco::JSON::Object;
                r->set("event", "intake");
                r->set("level", step.level);
                r->set("channel", "paper");
                const std::string hall = step.center.substr(0, 2) == "TL" ? "TL" : "SZ";
                if (ok("rating", [&] {
                        return evaluations.evaluate(principal(step.supervisor, "supervisor", hall), step.caseId, toText(r));
                    }))
                    ++report.rated;
            }
        }
        later.erase(day);
        try {
            tracker.markOverdue();
            report.terminated += tracker.terminateLapsed();
        } catch (const std::exception &e) {
            ++report.failed;
            spdlog::warn("demo history: the deficiency tracker failed: {}", e.what());
        }
    }
    spdlog::info("demo history from {}: {} working days, {} cases accepted, {} refused, {} decided, {} results "
                 "back, {} handed out, {} materials brought later, {} terminated, {} rated{}",
                 report.from, report.days, report.accepted, report.refused, report.decided, report.resultsReady,
                 report.delivered, report.supplied, report.terminated, report.rated,
                 report.failed ? ", " + std::to_string(report.failed) + " steps refused (see above)" : std::string());
    return report;
}

} // namespace onewindow::server
