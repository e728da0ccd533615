// bench_queue: the approver's queue (GET /api/v1/cases, keyset-paged) over a database of many
// cases (default 1,000,000): the first page, a page deep down the cursor chain and a page from
// the middle of the result, with 16 concurrent clients, against GET /health and against the
// first page in the same run. The database is filled directly, in big transactions, through the
// server's own Database/Transaction and migrations, with the rows an intake and the approvers'
// decisions write. See bench/README.md, "Approver's queue at 1,000,000 cases".
#include "audit/auditkey.h"
#include "audit/audittrail.h"
#include "cases/caselistquery.h"
#include "cases/casequeue.h"
#include "catalog/catalog.h"
#include "catalog/demodata.h"
#include "clock.h"
#include "db/database.h"
#include "db/migrations.h"
#include "db/sqltext.h"
#include "domain/casenumber.h"
#include "domain/creditcode.h"
#include "domain/date.h"
#include "domain/idnumber.h"
#include "http/cursor.h"
#include "stats/casefigures.h"
#include "serverbench.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#ifndef ONEWINDOW_SERVER_PATH
#define ONEWINDOW_SERVER_PATH "onewindow-server"
#endif

namespace {

using namespace onewindow::bench;
using onewindow::CaseNumber;
using onewindow::Date;
using onewindow::server::AuditTrail;
using onewindow::server::CaseListQuery;
using onewindow::server::Database;
using onewindow::server::DbRow;
using onewindow::server::DbValue;
using onewindow::server::Principal;
using onewindow::server::Transaction;

// The goal: a page of 50 in under 20 ms at p99 with 16 clients; the figures in under 200 ms.
constexpr double kGoalP99Ms = 20.0;
constexpr double kStatsGoalP99Ms = 200.0;
constexpr std::size_t kGoalClients = 16;
constexpr int kSliceSeconds = 1; ///< the queries take turns this long
const std::string kToday = "2026-11-27"; ///< the server's --today

// ---------------------------------------------------------------------------------------------
// Options

struct Options
{
    std::string server = ONEWINDOW_SERVER_PATH;
    std::vector<std::string> databases{"sqlite"};
    std::vector<std::size_t> cases{1000000};
    std::size_t clients = kGoalClients;
    int seconds = 5;
    int depth = 20;
    std::string keepDir; ///< keep the filled databases here, and reuse them
    bool fillOnly = false;
    bool explain = false;
};

constexpr const char *kUsage =
    "usage: bench_queue [--server PATH] [--database sqlite|postgresql|both] [--cases 1000000[,10000...]]\n"
    "                   [--clients 16] [--seconds 5] [--depth 20] [--keep DIR] [--fill-only] [--explain]\n"
    "--keep DIR keeps each filled database (SQLite: DIR/queue-N.sqlite; PostgreSQL: database owqueue_N)\n"
    "and reuses it when it holds N cases. PostgreSQL needs ONEWINDOW_TEST_PG_ADMIN, e.g.\n"
    "'host=127.0.0.1 port=5432 user=postgres dbname=postgres'.\n";

[[noreturn]] void usage(const std::string &problem)
{
    std::cerr << "bench_queue: " << problem << "\n" << kUsage;
    std::exit(2);
}

std::size_t wholeNumber(const std::string &text, const std::string &option, std::size_t max)
{
    std::size_t used = 0;
    unsigned long long value = 0;
    try {
        value = std::stoull(text, &used);
    } catch (const std::exception &) {
        used = 0;
    }
    if (used == 0 || used != text.size() || value == 0 || value > max)
        usage(option + " needs a whole number from 1 to " + std::to_string(max) + ", not '" + text + "'");
    return static_cast<std::size_t>(value);
}

Options parseOptions(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string name = argv[i];
        if (name == "--help" || name == "-h") {
            std::cout << kUsage;
            std::exit(0);
        }
        if (name == "--fill-only") {
            options.fillOnly = true;
            continue;
        }
        if (name == "--explain") {
            options.explain = true;
            continue;
        }
        if (i + 1 >= argc)
            usage(name + " needs a value");
        const std::string value = argv[++i];
        if (name == "--server") {
            options.server = value;
        } else if (name == "--database") {
            if (value == "both")
                options.databases = {"sqlite", "postgresql"};
            else if (value == "sqlite" || value == "postgresql")
                options.databases = {value};
            else
                usage("--database is sqlite, postgresql or both");
        } else if (name == "--cases") {
            options.cases.clear();
            std::istringstream in(value);
            for (std::string part; std::getline(in, part, ',');)
                options.cases.push_back(wholeNumber(part, name, 20000000));
            if (options.cases.empty())
                usage("--cases needs at least one number");
        } else if (name == "--clients") {
            options.clients = wholeNumber(value, name, 1000);
        } else if (name == "--seconds") {
            options.seconds = static_cast<int>(wholeNumber(value, name, 3600));
        } else if (name == "--depth") {
            options.depth = static_cast<int>(wholeNumber(value, name, 10000));
        } else if (name == "--keep") {
            options.keepDir = value;
        } else {
            usage("unknown option " + name);
        }
    }
    return options;
}

// ---------------------------------------------------------------------------------------------
// The catalog the cases are drawn from: the demo catalog the server loads

struct FieldInfo
{
    std::string key, type;
};

struct MaterialInfo
{
    std::string code, name;
    bool core = false, required = false, deficiencyAllowed = false, eLicense = false;
    int maxDeficiencyDays = 0;
};

struct MatterInfo
{
    std::string code, name, department;
    double promisedDays = 1, legalDays = 20;
    std::vector<FieldInfo> fields;
    std::vector<MaterialInfo> materials;
};

std::string jsonText(const std::string &text)
{
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "\"";
}

class DemoCatalog
{
public:
    DemoCatalog()
    {
        Poco::JSON::Parser parser;
        const auto root = parser.parse(onewindow::server::demoCatalogJson()).extract<Poco::JSON::Object::Ptr>();
        const auto matters = root->getArray("matters");
        for (std::size_t i = 0; i < matters->size(); ++i) {
            const auto m = matters->getObject(static_cast<unsigned>(i));
            MatterInfo info;
            info.code = m->getValue<std::string>("code");
            info.name = m->getValue<std::string>("name");
            info.department = m->getValue<std::string>("department");
            info.promisedDays = m->getValue<double>("promisedDays");
            info.legalDays = m->getValue<double>("legalDays");
            const auto fields = m->getArray("fields");
            for (std::size_t f = 0; f < fields->size(); ++f) {
                const auto o = fields->getObject(static_cast<unsigned>(f));
                info.fields.push_back({o->getValue<std::string>("key"), o->getValue<std::string>("type")});
            }
            const auto materials = m->getArray("materials");
            for (std::size_t k = 0; k < materials->size(); ++k) {
                const auto o = materials->getObject(static_cast<unsigned>(k));
                MaterialInfo material;
                material.code = o->getValue<std::string>("code");
                material.name = o->getValue<std::string>("name");
                material.core = o->getValue<bool>("core");
                material.required = o->getValue<bool>("required");
                material.deficiencyAllowed = o->optValue<bool>("deficiencyAllowed", false);
                material.maxDeficiencyDays = o->optValue<int>("maxDeficiencyDays", 0);
                material.eLicense = !o->isNull("eLicenseType") && o->has("eLicenseType");
                info.materials.push_back(material);
            }
            m_byCode[info.code] = m_matters.size();
            m_matters.push_back(std::move(info));
        }
        const auto bundles = root->getArray("bundles");
        for (std::size_t i = 0; i < bundles->size(); ++i) {
            const auto b = bundles->getObject(static_cast<unsigned>(i));
            std::vector<std::size_t> members;
            const auto codes = b->getArray("matters");
            for (std::size_t k = 0; k < codes->size(); ++k)
                members.push_back(index(codes->getElement<std::string>(static_cast<unsigned>(k))));
            m_bundles.push_back({b->getValue<std::string>("code"), members});
        }
    }

    const std::vector<MatterInfo> &matters() const { return m_matters; }
    const MatterInfo &matter(std::size_t i) const { return m_matters[i]; }
    std::size_t index(const std::string &code) const
    {
        const auto it = m_byCode.find(code);
        if (it == m_byCode.end())
            throw std::runtime_error("the demo catalog has no matter " + code);
        return it->second;
    }
    struct Bundle
    {
        std::string code;
        std::vector<std::size_t> matters;
    };
    const std::vector<Bundle> &bundles() const { return m_bundles; }

private:
    std::vector<MatterInfo> m_matters;
    std::map<std::string, std::size_t> m_byCode;
    std::vector<Bundle> m_bundles;
};

// ---------------------------------------------------------------------------------------------
// The cases: case i of n is accepted on day i * 365 / n of the year before --today, in order of
// time as a hall accepts them; recent cases are mostly open, older ones mostly decided, a few
// stuck (late). Each case is drawn from a generator seeded with its index: the same n gives the
// same rows.

const std::vector<std::string> kVillages{"SZ-V03", "SZ-V04", "SZ-V05", "SZ-V06", "SZ-V07", "SZ-V08"};
const std::vector<std::string> kCenters{"SZ",     "SZ",     "SZ",     "SZ",     "SZ",     "SZ-V01",
                                        "SZ-V02", "SZ-V03", "SZ-V04", "SZ-V05", "SZ-V06", "SZ-V07", "SZ-V08"};
const std::vector<std::string> kSurnames{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
                                         "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "沈"};
const std::vector<std::string> kGivenNames{"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军",
                                           "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞"};
const std::vector<std::string> kCompanyWords{"盛泽", "舜湖", "丝绸", "恒力", "东方", "新民", "永鼎", "华佳"};
const std::vector<std::string> kTrades{"纺织", "丝绸", "服饰", "贸易", "餐饮", "物流", "印染", "科技"};

/// The case states an open case is in, and how often.
const std::vector<std::pair<const char *, int>> kOpenStates{
    {"accepted", 30}, {"accepted_with_deficiency", 10}, {"under_review", 45}, {"returned_for_correction", 15}};
/// Decided within the last weeks.
const std::vector<std::pair<const char *, int>> kRecentlyDecided{
    {"approved", 60}, {"result_ready", 25}, {"rejected", 7}, {"withdrawn", 8}};
/// Older cases.
const std::vector<std::pair<const char *, int>> kDecided{{"delivered", 32}, {"closed", 30},      {"approved", 15},
                                                         {"result_ready", 9}, {"rejected", 6}, {"withdrawn", 5},
                                                         {"terminated", 3}};
constexpr int kRecentDays = 21;    ///< younger cases are open with kOpenWhenRecent
constexpr double kOpenWhenRecent = 0.85;
constexpr double kOpenWhenOlder = 0.015; ///< stuck: late
constexpr double kGreenChannel = 0.03;

using Rng = std::mt19937_64;

template<typename T>
const T &pick(Rng &rng, const std::vector<T> &from)
{
    return from[static_cast<std::size_t>(rng() % from.size())];
}

const char *weighted(Rng &rng, const std::vector<std::pair<const char *, int>> &choices)
{
    int total = 0;
    for (const auto &c : choices)
        total += c.second;
    int r = static_cast<int>(rng() % static_cast<unsigned>(total));
    for (const auto &c : choices) {
        if (r < c.second)
            return c.first;
        r -= c.second;
    }
    return choices.back().first;
}

bool chance(Rng &rng, double p)
{
    return std::uniform_real_distribution<double>(0.0, 1.0)(rng) < p;
}

std::string uuid(Rng &rng)
{
    const std::uint64_t a = rng(), b = rng();
    char text[40];
    std::snprintf(text, sizeof text, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                  static_cast<unsigned>((a >> 16) & 0xffff), static_cast<unsigned>(a & 0xfff),
                  static_cast<unsigned>(0x8000 | ((b >> 48) & 0x3fff)),
                  static_cast<unsigned long long>(b & 0xffffffffffffULL));
    return text;
}

std::string digits(Rng &rng, int count)
{
    std::string out;
    for (int i = 0; i < count; ++i)
        out += static_cast<char>('0' + rng() % 10);
    return out;
}

std::string idNumber(Rng &rng)
{
    // Wujiang district, born 1950-2004.
    char birth[9];
    std::snprintf(birth, sizeof birth, "%04u%02u%02u", static_cast<unsigned>(1950 + rng() % 55),
                  static_cast<unsigned>(1 + rng() % 12), static_cast<unsigned>(1 + rng() % 28));
    const std::string first17 = "320509" + std::string(birth) + digits(rng, 3);
    return first17 + onewindow::IdNumber::checkCharacter(first17);
}

std::string creditCode(Rng &rng)
{
    static const std::string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    std::string first17 = "91320509MA";
    while (first17.size() < 17)
        first17 += alphabet[static_cast<std::size_t>(rng() % alphabet.size())];
    const char check = onewindow::CreditCode::checkCharacter(first17);
    return first17 + (check ? check : '0');
}

std::string isoTime(const Date &day, int secondsOfDay)
{
    char text[32];
    std::snprintf(text, sizeof text, "T%02d:%02d:%02d+08:00", secondsOfDay / 3600, secondsOfDay / 60 % 60,
                  secondsOfDay % 60);
    return onewindow::toIsoString(day) + text;
}

/// The demo approver of a department: approver-hf for HF.
std::string approverOf(const std::string &department)
{
    std::string name = "approver-" + department;
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return name;
}

/// Calendar days for `workingDays` (five in seven), at least one.
int calendarDays(double workingDays)
{
    return std::max(1, static_cast<int>(std::ceil(workingDays * 7.0 / 5.0)));
}

struct GeneratedCase
{
    std::vector<DbValue> caseRow;                ///< kCaseColumns
    std::vector<std::vector<DbValue>> parts;     ///< kPartColumns
    std::vector<std::vector<DbValue>> deficiencies;
    /// The intake's entry, without its number and hash: {case_id, at, actor, action, detail}.
    std::vector<std::string> audit;
    std::vector<std::vector<DbValue>> history;
    /// What the server reads of these rows to count the case in the figures.
    onewindow::server::CaseFacts facts;
};

const std::vector<std::string> kCaseColumns{
    "id",          "number",      "status",        "center",          "clerk",          "channel",
    "green_channel", "bundle",    "applicant_kind", "applicant_name", "applicant_id",   "applicant_phone",
    "applicant_legal_rep", "matters", "departments", "form",          "materials",      "accepted_at",
    "promised_due_date", "legal_due_date", "version", "updated_at", "audit_head"};
const std::vector<std::string> kPartColumns{"case_id", "matter",     "department", "status",
                                            "decided_by", "decided_at", "reasons",    "conditions"};
const std::vector<std::string> kDeficiencyColumns{"id",         "case_id",    "material",   "material_name", "due_date",
                                                  "status",     "created_at", "terminates_after", "overdue_at"};
const std::vector<std::string> kAuditColumns{"seq",    "case_id",   "at",   "actor", "action",
                                             "detail", "prev_hash", "hash", "key_id"};
const std::vector<std::string> kHistoryColumns{"case_id", "at", "actor", "action", "from_state", "to_state"};

class CaseGenerator
{
public:
    CaseGenerator(const DemoCatalog &catalog, std::size_t total)
        : m_catalog(catalog), m_total(total), m_today(*onewindow::parseIsoDate(kToday))
    {
        for (std::size_t i = 0; i < catalog.matters().size(); ++i)
            m_byDepartment[catalog.matter(i).department].push_back(i);
        for (const auto &[department, matters] : m_byDepartment)
            m_departments.push_back(department);
        // Matters often asked for together, outside the catalog's bundles.
        m_pairs = {{catalog.index("RE-001"), catalog.index("TX-006")},
                   {catalog.index("HF-002"), catalog.index("RE-001")},
                   {catalog.index("HF-003"), catalog.index("RE-002")},
                   {catalog.index("MI-001"), catalog.index("PS-006")},
                   {catalog.index("MR-004"), catalog.index("TX-001")}};
    }

    /// The cases of one centre and day are numbered in order: call in order of i.
    GeneratedCase make(std::size_t i)
    {
        Rng rng(0x9e3779b97f4a7c15ULL * (i + 1));
        const int daysAgo = 364 - static_cast<int>(i * 365 / m_total);
        const Date day = onewindow::addCalendarDays(m_today, -daysAgo);
        // In order of time within the day, 08:30 to 17:30.
        const std::size_t firstOfDay = (static_cast<std::size_t>(364 - daysAgo) * m_total + 364) / 365;
        const std::size_t perDay = std::max<std::size_t>(1, m_total / 365 + 1);
        const int secondsOfDay =
            8 * 3600 + 1800 + static_cast<int>(static_cast<double>(i - std::min(i, firstOfDay)) * 32400.0
                                               / static_cast<double>(perDay));
        const std::string acceptedAt = isoTime(day, std::min(secondsOfDay, 17 * 3600 + 1799));

        // Matters: mostly one, some a catalog bundle or two asked together.
        std::vector<std::size_t> matters;
        std::string bundle;
        const double kind = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
        if (kind < 0.05) {
            const auto &b = m_catalog.bundles()[rng() % m_catalog.bundles().size()];
            matters = b.matters;
            bundle = b.code;
        } else if (kind < 0.12) {
            const auto &[a, b] = pick(rng, m_pairs);
            matters = {a, b};
        } else {
            const auto &inDepartment = m_byDepartment.at(pick(rng, m_departments));
            matters = {pick(rng, inDepartment)};
        }

        const std::string center = pick(rng, kCenters);
        const bool village = center != "SZ";
        const std::string clerk = village ? (rng() % 2 ? "agent1" : "agent2") : (rng() % 2 ? "clerk1" : "clerk2");
        const std::string channel = village ? "village" : (rng() % 20 == 0 ? "online" : "counter");
        const bool green = chance(rng, kGreenChannel);
        const std::string number = nextNumber(center, day);
        const std::string id = uuid(rng);

        // The applicant.
        const bool person = rng() % 5 != 0;
        const std::string personName = pick(rng, kSurnames) + pick(rng, kGivenNames) + (rng() % 2 ? pick(rng, kGivenNames) : "");
        const std::string personId = idNumber(rng);
        const std::string phone = "13" + digits(rng, 9);
        const std::string company = pick(rng, kCompanyWords) + pick(rng, kTrades) + "有限公司";
        const std::string code = creditCode(rng);

        // The state, from the case's age.
        const bool recent = daysAgo < kRecentDays;
        const bool open = chance(rng, recent ? kOpenWhenRecent : kOpenWhenOlder);
        std::string status = weighted(rng, open ? kOpenStates : recent ? kRecentlyDecided : kDecided);

        // Materials, deduplicated over the matters; a deficient one when the state says so.
        std::string materialsJson = "[";
        std::set<std::string> seenMaterials;
        const MaterialInfo *deficient = nullptr;
        double promised = 0, legal = 0;
        std::string mattersJson = "[";
        std::set<std::string> departments;
        std::string formJson = "{";
        std::set<std::string> seenFields;
        for (const std::size_t m : matters) {
            const MatterInfo &matter = m_catalog.matter(m);
            promised = std::max(promised, matter.promisedDays);
            legal = std::max(legal, matter.legalDays);
            departments.insert(matter.department);
            mattersJson += std::string(mattersJson.size() > 1 ? "," : "") + R"({"code":)" + jsonText(matter.code)
                           + R"(,"name":)" + jsonText(matter.name) + R"(,"department":)" + jsonText(matter.department)
                           + R"(,"version":1})";
            for (const MaterialInfo &material : matter.materials) {
                if (!seenMaterials.insert(material.code).second)
                    continue;
                std::string provided = material.eLicense && rng() % 2 ? "e_license" : "paper";
                if (status == "accepted_with_deficiency" && !deficient && material.deficiencyAllowed) {
                    deficient = &material;
                    provided = "deficient";
                }
                materialsJson += std::string(materialsJson.size() > 1 ? "," : "") + R"({"code":)" + jsonText(material.code)
                                 + R"(,"name":)" + jsonText(material.name) + R"(,"core":)"
                                 + (material.core ? "true" : "false") + R"(,"required":)"
                                 + (material.required ? "true" : "false") + R"(,"provided":")" + provided + "\"}";
            }
            for (const FieldInfo &field : matter.fields) {
                if (!seenFields.insert(field.key).second)
                    continue;
                std::string value;
                if (field.type == "id_number")
                    value = personId;
                else if (field.type == "credit_code")
                    value = code;
                else if (field.type == "phone")
                    value = phone;
                else if (field.type == "money" || field.type == "number")
                    value = std::to_string(1000 + rng() % 9000);
                else if (field.type == "date")
                    value = onewindow::toIsoString(day);
                else if (field.type == "registered_capital")
                    value = std::to_string(10 + rng() % 990);
                else if (field.type == "business_scope")
                    value = "C1742；F5132";
                else if (field.type == "property_certificate")
                    value = "苏(2026)吴江区不动产权第" + std::to_string(1000000 + rng() % 9000000) + "号";
                else if (field.type == "birth_certificate")
                    value = "X32" + std::to_string(1000000 + rng() % 9000000);
                else if (field.type == "multiline")
                    value = "纺织品、服装的生产与销售；货物进出口";
                else if (field.key.find("company") != std::string::npos)
                    value = company;
                else if (field.key.find("address") != std::string::npos)
                    value = "苏州市吴江区盛泽镇舜新中路" + std::to_string(1 + rng() % 300) + "号";
                else
                    value = personName;
                formJson += std::string(formJson.size() > 1 ? "," : "") + jsonText(field.key) + ":" + jsonText(value);
            }
        }
        materialsJson += "]";
        mattersJson += "]";
        formJson += "}";
        if (status == "accepted_with_deficiency" && !deficient)
            status = "accepted";
        std::string departmentsText = ",";
        for (const auto &d : departments)
            departmentsText += d + ",";

        const Date promisedDue = onewindow::addCalendarDays(day, calendarDays(promised));
        const Date legalDue = onewindow::addCalendarDays(day, calendarDays(legal));
        // Most are decided by the promised date; one in twelve a few days after it.
        const Date decidedOn =
            chance(rng, 1.0 / 12) ? onewindow::addCalendarDays(promisedDue, 1 + static_cast<int>(rng() % 6)) : promisedDue;
        const std::string decidedAt = isoTime(std::min(decidedOn, m_today), 15 * 3600);

        GeneratedCase out;
        // The parts: each matter's department decides its own.
        const std::string accepting = status == "accepted_with_deficiency" ? "accept_with_deficiency" : "accept";
        for (std::size_t k = 0; k < matters.size(); ++k) {
            const MatterInfo &matter = m_catalog.matter(matters[k]);
            std::string partStatus = "approved";
            if (status == "accepted" || status == "accepted_with_deficiency" || status == "withdrawn"
                || status == "terminated")
                partStatus = "pending";
            else if (status == "under_review")
                partStatus = k == 0 || rng() % 2 ? "pending" : "approved";
            else if (status == "returned_for_correction")
                partStatus = k == 0 ? "returned" : "approved";
            else if (status == "rejected")
                partStatus = k == 0 ? "rejected" : (rng() % 2 ? "pending" : "approved");
            std::vector<DbValue> part{id, matter.code, matter.department, partStatus};
            if (partStatus == "pending") {
                part.insert(part.end(), {DbValue{}, DbValue{}, DbValue{}, DbValue{}});
            } else {
                const std::string approver = approverOf(matter.department);
                const bool withReason = partStatus == "returned" || partStatus == "rejected";
                part.insert(part.end(), {approver, decidedAt,
                                         std::string(withReason ? R"(["材料内容与申请表不一致"])" : "[]"),
                                         std::string("[]")});
            }
            out.parts.push_back(std::move(part));
        }
        if (deficient) {
            const Date due = onewindow::addCalendarDays(day, calendarDays(std::max(1, deficient->maxDeficiencyDays)));
            const bool late = due < m_today;
            out.deficiencies.push_back({uuid(rng), id, deficient->code, deficient->name, onewindow::toIsoString(due),
                                        std::string(late ? "overdue" : "outstanding"), acceptedAt,
                                        onewindow::toIsoString(onewindow::addCalendarDays(due, 3)),
                                        late ? DbValue{isoTime(onewindow::addCalendarDays(due, 1), 9 * 3600)}
                                             : DbValue{}});
        }
        const std::string detail = number + " at " + center + ", " + std::to_string(deficient ? 1 : 0)
                                   + " deficient material(s)" + (green ? ", green channel: 重点项目" : "");
        out.audit = {id, acceptedAt, clerk, accepting, detail};
        const std::string firstState = deficient ? "accepted_with_deficiency" : "accepted";
        out.history.push_back({id, acceptedAt, clerk, accepting, std::string("draft"), firstState});
        // The decision, for the cases that had one (the steps between are left out).
        const bool approved = status == "approved" || status == "result_ready" || status == "delivered"
                              || status == "closed";
        const char *decision = approved                            ? "approved"
                               : status == "rejected"              ? "rejected"
                               : status == "returned_for_correction" ? "returned_for_correction"
                                                                   : nullptr;
        if (decision)
            out.history.push_back({id, decidedAt, approverOf(m_catalog.matter(matters.front()).department),
                                   std::string(approved ? "approve" : status == "rejected" ? "reject" : "return"),
                                   std::string("under_review"), std::string(decision)});

        auto &facts = out.facts;
        facts.acceptedOn = onewindow::toIsoString(day);
        facts.center = center;
        facts.status = status;
        facts.departments.assign(departments.begin(), departments.end());
        for (const std::size_t m : matters)
            facts.parts.emplace_back(m_catalog.matter(m).department, m_catalog.matter(m).code);
        facts.reachedStates = {firstState};
        if (decision) {
            facts.reachedStates.insert(decision);
            if (approved || status == "rejected")
                facts.decidedOn = decidedAt.substr(0, 10);
        }
        facts.promisedDue = onewindow::toIsoString(promisedDue);
        facts.legalDue = onewindow::toIsoString(legalDue);
        for (const auto &d : out.deficiencies)
            facts.deficiencies.push_back({std::get<std::string>(d[5]), std::get<std::string>(d[4]), {}});
        const bool untouched = status == "accepted" || status == "accepted_with_deficiency";
        out.caseRow = {id,
                       number,
                       status,
                       center,
                       clerk,
                       channel,
                       std::int64_t{green ? 1 : 0},
                       bundle.empty() ? DbValue{} : DbValue{bundle},
                       std::string(person ? "person" : "organization"),
                       person ? personName : company,
                       person ? personId : code,
                       phone,
                       person ? DbValue{} : DbValue{personName},
                       mattersJson,
                       departmentsText,
                       formJson,
                       materialsJson,
                       acceptedAt,
                       onewindow::toIsoString(promisedDue),
                       onewindow::toIsoString(legalDue),
                       std::int64_t{untouched ? 1 : 3},
                       untouched ? acceptedAt : decidedAt,
                       DbValue{}}; // audit_head: set when the fill numbers the entries

        return out;
    }

    /// The centres' case counters as intake would have left them.
    const std::map<std::pair<std::string, std::string>, long> &counters() const { return m_counters; }

private:
    std::string nextNumber(const std::string &center, const Date &day)
    {
        const long sequence = ++m_counters[{center, onewindow::toIsoString(day)}];
        return CaseNumber::make(center, day, sequence)->text();
    }

    const DemoCatalog &m_catalog;
    std::size_t m_total;
    Date m_today;
    std::map<std::string, std::vector<std::size_t>> m_byDepartment;
    std::vector<std::string> m_departments;
    std::vector<std::pair<std::size_t, std::size_t>> m_pairs;
    std::map<std::pair<std::string, std::string>, long> m_counters;
};

// ---------------------------------------------------------------------------------------------
// Filling: multi-row INSERTs in big transactions through the server's own Transaction

class BatchInsert
{
public:
    static constexpr std::size_t kRowsPerStatement = 100;

    BatchInsert(std::string table, const std::vector<std::string> &columns)
        : m_table(std::move(table)), m_width(columns.size())
    {
        for (const auto &c : columns)
            m_columns += (m_columns.empty() ? "" : ", ") + c;
    }

    void add(std::vector<DbValue> row)
    {
        if (row.size() != m_width)
            throw std::logic_error(m_table + ": a row of " + std::to_string(row.size()) + " values");
        std::move(row.begin(), row.end(), std::back_inserter(m_values));
    }

    void flush(Transaction &tx)
    {
        const std::size_t rows = m_values.size() / m_width;
        for (std::size_t first = 0; first < rows; first += kRowsPerStatement) {
            const std::size_t count = std::min(kRowsPerStatement, rows - first);
            const auto begin = m_values.begin() + static_cast<std::ptrdiff_t>(first * m_width);
            tx.execute(sqlFor(count), std::vector<DbValue>(begin, begin + static_cast<std::ptrdiff_t>(count * m_width)));
        }
        m_values.clear();
    }

private:
    const std::string &sqlFor(std::size_t rows)
    {
        std::string &sql = m_sql[rows];
        if (sql.empty())
            sql = "INSERT INTO " + m_table + " (" + m_columns + ") VALUES " + onewindow::server::valueRows(m_width, rows);
        return sql;
    }

    std::string m_table;
    std::size_t m_width;
    std::string m_columns;
    std::vector<DbValue> m_values;
    std::map<std::size_t, std::string> m_sql;
};

constexpr std::size_t kCasesPerTransaction = 20000;
constexpr std::size_t kCasesPerBatch = 500;

std::int64_t countCases(Database &db)
{
    Transaction tx(db, Transaction::Mode::Read);
    return tx.queryOne("SELECT COUNT(*) AS n FROM cases")->integer("n");
}

/// The first cases' figures as the generator counted them are what the server counts from their
/// rows: the generator's facts and its rows tell the same story.
void checkFigures(Database &db, onewindow::server::Catalog &catalog, std::size_t cases)
{
    using onewindow::server::FigureCounters;
    Transaction tx(db, Transaction::Mode::Read);
    const onewindow::WorkCalendar calendar = catalog.calendar(tx);
    using onewindow::server::CaseFigures;
    for (const DbRow &row : tx.query("SELECT case_id, " + CaseFigures::storedColumns()
                                     + " FROM case_figures ORDER BY case_id LIMIT " + std::to_string(cases))) {
        const auto counted = CaseFigures::of(*FigureCounters::factsOf(tx, row.text("case_id")), calendar);
        if (!(counted == CaseFigures::fromStored(row)))
            throw std::logic_error("case " + row.text("case_id") + ": the generated figures are not what the server "
                                   "counts from its rows (" + counted.keysText() + ")");
    }
}

/// Writes each case's audit entries as the server would have: its intake's entry first in its
/// chain, then its creation recorded in the chain outside cases, signed with the server's key.
class AuditRows
{
public:
    AuditRows(Transaction &tx, const AuditTrail &audit) : m_audit(audit)
    {
        m_lastSeq = tx.queryOne("SELECT COALESCE(MAX(seq), 0) AS n FROM audit_log")->integer("n");
        m_outsideHead = AuditTrail::genesis();
        if (auto row = tx.queryOne("SELECT hash FROM audit_log WHERE case_id IS NULL ORDER BY seq DESC LIMIT 1"))
            m_outsideHead = row->text("hash");
    }

    /// Adds the entries of `c` to `rows` and sets the case's audit_head.
    void add(GeneratedCase &c, BatchInsert &rows)
    {
        const std::string &id = c.audit[0], &at = c.audit[1], &actor = c.audit[2], &action = c.audit[3],
                          &detail = c.audit[4];
        const std::string &number = std::get<std::string>(c.caseRow[1]);
        const DbValue key = m_audit.keyId().empty() ? DbValue{} : DbValue{m_audit.keyId()};
        const std::int64_t seq = ++m_lastSeq;
        const std::string hash = m_audit.hashOf(seq, AuditTrail::genesis(), at, actor, action, id, detail);
        rows.add({seq, id, at, actor, action, detail, AuditTrail::genesis(), hash, key});
        c.caseRow.back() = hash;
        const std::int64_t createdSeq = ++m_lastSeq;
        const std::string created = AuditTrail::caseCreatedDetail(id, number, hash);
        const std::string createdHash = m_audit.hashOf(createdSeq, m_outsideHead, at, actor, "case_created", {}, created);
        rows.add({createdSeq, DbValue{}, at, actor, std::string("case_created"), created, m_outsideHead, createdHash,
                  key});
        m_outsideHead = createdHash;
    }

    /// PostgreSQL's sequence moved past the numbers written here (SQLite's follows by itself).
    void finish(Transaction &tx) const
    {
        if (tx.dialect() == Database::Dialect::PostgreSQL)
            tx.queryOne("SELECT setval(pg_get_serial_sequence('audit_log', 'seq'), " + std::to_string(m_lastSeq)
                        + ") AS n");
    }

private:
    const AuditTrail &m_audit;
    std::int64_t m_lastSeq = 0;
    std::string m_outsideHead;
};

/// The catalog (the demo data, as `--demo` loads it, and more village centres), then n cases;
/// the audit trail signed with `key`, the server's.
void fill(Database &db, std::size_t n, const onewindow::server::AuditKey &auditKey)
{
    const auto started = SteadyClock::now();
    onewindow::server::migrate(db);
    const onewindow::server::Clock clock(onewindow::parseIsoDate(kToday));
    AuditTrail audit(clock, &auditKey);
    onewindow::server::loadHolidaySchedules(db, audit);
    onewindow::server::Catalog catalog(audit, clock);
    onewindow::server::loadDemoData(db, catalog, clock);
    {
        Transaction tx(db, Transaction::Mode::Write);
        for (std::size_t v = 0; v < kVillages.size(); ++v)
            tx.execute("INSERT INTO centers (code, name, parent, kind) VALUES (?, ?, 'SZ', 'village')",
                       {kVillages[v], "盛泽镇第" + std::to_string(v + 3) + "村便民服务站"});
        tx.commit();
    }

    const DemoCatalog demo;
    CaseGenerator generator(demo, n);
    // The figures' counters, as the server keeps them for the cases it writes itself.
    const onewindow::WorkCalendar calendar = [&] {
        Transaction tx(db, Transaction::Mode::Read);
        return catalog.calendar(tx);
    }();
    onewindow::server::FigureTotals totals;
    std::vector<std::string> figureColumns{"case_id", "counter_keys", "handling_days"};
    for (const char *column : onewindow::server::figureColumns())
        figureColumns.emplace_back(column);
    BatchInsert figures("case_figures", figureColumns);
    BatchInsert cases("cases", kCaseColumns), parts("case_parts", kPartColumns),
        deficiencies("deficiencies", kDeficiencyColumns), audits("audit_log", kAuditColumns),
        history("case_history", kHistoryColumns);
    std::optional<AuditRows> auditRows;
    std::size_t done = 0;
    while (done < n) {
        Transaction tx(db, Transaction::Mode::Write);
        if (!auditRows)
            auditRows.emplace(tx, audit);
        const std::size_t end = std::min(n, done + kCasesPerTransaction);
        for (std::size_t batch = done; batch < end; batch += kCasesPerBatch) {
            for (std::size_t i = batch; i < std::min(end, batch + kCasesPerBatch); ++i) {
                GeneratedCase c = generator.make(i);
                const std::string id = std::get<std::string>(c.caseRow.front());
                auditRows->add(c, audits); // before the case row: it sets audit_head
                cases.add(std::move(c.caseRow));
                for (auto &p : c.parts)
                    parts.add(std::move(p));
                for (auto &d : c.deficiencies)
                    deficiencies.add(std::move(d));
                for (auto &h : c.history)
                    history.add(std::move(h));
                const onewindow::server::CaseFigures f = onewindow::server::CaseFigures::of(c.facts, calendar);
                std::vector<DbValue> stored = f.storedValues();
                stored.insert(stored.begin(), id);
                figures.add(std::move(stored));
                totals.add(f);
            }
            // The cases first: the other rows refer to them.
            cases.flush(tx);
            parts.flush(tx);
            deficiencies.flush(tx);
            audits.flush(tx);
            history.flush(tx);
            figures.flush(tx);
        }
        tx.commit();
        done = end;
        const double seconds = std::chrono::duration<double>(SteadyClock::now() - started).count();
        std::cerr << "\r  " << done << " of " << n << " cases, " << fixed(static_cast<double>(done) / seconds, 0)
                  << " per s" << std::flush;
    }
    std::cerr << '\n';
    {
        Transaction tx(db, Transaction::Mode::Write);
        BatchInsert counters("case_counters", {"center", "day", "last"});
        for (const auto &[key, last] : generator.counters())
            counters.add({key.first, key.second, std::int64_t{last}});
        counters.flush(tx);
        // The departments' queues, as the server keeps them for the cases it writes itself.
        onewindow::server::CaseQueue::rebuild(tx);
        totals.writeTo(tx);
        if (auditRows)
            auditRows->finish(tx);
        tx.commit();
    }
    checkFigures(db, catalog, std::min<std::size_t>(n, 200));
    std::cerr << "  filled in " << fixed(std::chrono::duration<double>(SteadyClock::now() - started).count(), 0)
              << " s\n";
}

// ---------------------------------------------------------------------------------------------
// The queries: the approver's queue as the client asks for it (models::CaseQuery::path())

struct QuerySpec
{
    std::string name;
    std::string path; ///< the first page
    /// The server's own query, for the plans (--explain).
    CaseListQuery query;
    /// The same filter and order in SQL of our own: the key of the row in the middle.
    std::string where;
    bool byPriority = true;
};

Principal approverHf()
{
    Principal p;
    p.username = "approver-hf";
    p.role = "approver";
    p.department = "HF";
    return p;
}

std::vector<QuerySpec> querySpecs()
{
    const std::string hfPending = "c.departments LIKE '%,HF,%' AND c.status IN ('accepted', 'accepted_with_deficiency', "
                                  "'under_review') AND EXISTS (SELECT 1 FROM case_parts p WHERE p.case_id = c.id AND "
                                  "p.department = 'HF' AND p.status = 'pending')";
    std::vector<QuerySpec> specs;
    {
        QuerySpec s;
        s.name = "pending";
        s.path = "/api/v1/cases?limit=50&department=HF&part=pending&sort=priority";
        s.query.department = "HF";
        s.query.part = "pending";
        s.query.byPriority = true;
        s.where = hfPending;
        specs.push_back(s);
    }
    {
        QuerySpec s;
        s.name = "overdue";
        s.path = "/api/v1/cases?limit=50&department=HF&part=pending&overdue=true&sort=priority";
        s.query.department = "HF";
        s.query.part = "pending";
        s.query.overdueOnly = true;
        s.query.byPriority = true;
        s.where = hfPending + " AND c.promised_due_date < '" + kToday + "'";
        specs.push_back(s);
    }
    {
        QuerySpec s;
        s.name = "state";
        s.path = "/api/v1/cases?limit=50&state=delivered&department=HF";
        s.query.states = {"delivered"};
        s.query.department = "HF";
        s.where = "c.departments LIKE '%,HF,%' AND c.status = 'delivered'";
        s.byPriority = false;
        specs.push_back(s);
    }
    for (auto &s : specs)
        s.query.limit = 50;
    return specs;
}

/// The cursor that continues after the row in the middle of the query's result (empty when none).
std::string middleCursor(Database &db, const QuerySpec &spec, std::int64_t &matching)
{
    Transaction tx(db, Transaction::Mode::Read);
    matching = tx.queryOne("SELECT COUNT(*) AS n FROM cases c WHERE " + spec.where)->integer("n");
    if (matching < 2)
        return {};
    const std::string order = spec.byPriority ? "c.green_channel DESC, c.promised_due_date, c.id"
                                              : "c.accepted_at DESC, c.id DESC";
    const auto row = tx.queryOne("SELECT c.green_channel, c.promised_due_date, c.accepted_at, c.id FROM cases c WHERE "
                                     + spec.where + " ORDER BY " + order + " LIMIT 1 OFFSET ?",
                                 {std::int64_t{matching / 2}});
    if (!row)
        return {};
    if (spec.byPriority)
        return onewindow::server::encodeCursor(
            {"p", row->integer("green_channel") ? "1" : "0", row->text("promised_due_date"), row->text("id")});
    return onewindow::server::encodeCursor({"n", row->text("accepted_at"), row->text("id")});
}

std::string withCursor(const std::string &path, const std::string &cursor)
{
    std::string encoded;
    for (const char c : cursor) {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '~') {
            encoded += c;
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
            encoded += hex;
        }
    }
    return path + "&cursor=" + encoded;
}

/// The plans of the server's own SQL for a query, first page and from a cursor.
void explain(Database &db, const QuerySpec &spec, const std::string &cursor)
{
    const auto today = *onewindow::parseIsoDate(kToday);
    for (const std::string &c : {std::string(), cursor}) {
        CaseListQuery q = spec.query;
        q.cursor = c;
        const CaseListQuery::Sql sql = q.sql(approverHf(), today);
        Transaction tx(db, Transaction::Mode::Read);
        const bool sqlite = db.dialect() == Database::Dialect::SQLite;
        std::cout << "plan, " << spec.name << (c.empty() ? ", first page" : ", from a cursor") << ":\n";
        for (const DbRow &row : tx.query((sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + sql.text, sql.params))
            std::cout << "  " << (sqlite ? row.text("detail") : row.text("QUERY PLAN")) << '\n';
    }
}

// ---------------------------------------------------------------------------------------------
// Measuring

struct Probe
{
    std::string query;
    std::string page; ///< first, page 21, middle
    std::string path;
    Measurement m;
    const Probe *first = nullptr; ///< the same query's first page
    bool asSupervisor = false;    ///< asked by supervisor1 (the hall) instead of approver-hf
};

/// Up to this many cases, the auditor verifies the trail after the measurement (longer beyond).
constexpr std::size_t kVerifyCases = 200000;

struct SizeRun
{
    std::string database;
    std::size_t cases = 0;
    std::vector<std::pair<std::string, std::int64_t>> matching; ///< rows each query matches
    Measurement health;
    std::vector<Probe> probes;
    bool serverFailed = false;
    std::size_t errors = 0;
    /// The auditor's check of the filled trail (up to kVerifyCases): "" not run, else its message.
    std::string auditVerified;
    bool auditValid = true;
};

/// Follows the cursor from the first page `depth` times; the path of the page reached and its number.
std::pair<std::string, int> followCursor(ApiClient &api, const std::string &path, int depth)
{
    std::string current = path;
    int page = 1;
    Poco::JSON::Parser parser;
    for (; page <= depth; ++page) {
        const Reply reply = api.send("GET", current);
        if (reply.status != 200)
            throw std::runtime_error("GET " + current + ": " + describe(reply));
        parser.reset();
        const auto body = parser.parse(reply.body).extract<Poco::JSON::Object::Ptr>();
        if (body->isNull("nextCursor"))
            break;
        current = withCursor(path, body->getValue<std::string>("nextCursor"));
    }
    return {current, std::min(page, depth + 1)};
}

/// GETs `path` over and over; an answer other than 200, or without `needle`, is an error.
Operation reader(std::uint16_t port, const std::string &token, const std::string &path, const std::string &needle)
{
    auto api = std::make_shared<ApiClient>(port, token);
    return [api, path, needle]() -> std::optional<std::string> {
        const Reply reply = api->send("GET", path);
        if (reply.status != 200)
            return describe(reply);
        if (reply.body.find(needle) == std::string::npos)
            return "no " + needle + " in " + reply.body.substr(0, 200);
        return std::nullopt;
    };
}

void writeConfig(const std::string &path, const std::string &auditKeyFile)
{
    std::ofstream out(path);
    // The key the fill signed the audit trail with.
    out << "audit.keyFile = " << auditKeyFile << "\n";
    // The deficiency and lapse jobs off: only the queries are measured.
    out << "jobs.intervalSeconds = 0\n";
}

void measureOn(SizeRun &run, const Options &options, const std::string &url, const std::string &auditKeyFile,
               const std::vector<QuerySpec> &specs,
               const std::vector<std::string> &middles, const ScratchDirectory &scratch)
{
    const std::string config = scratch.file("server.properties");
    writeConfig(config, auditKeyFile);
    ServerProcess server(options.server, url, config, scratch.file("server-" + std::to_string(run.cases) + ".log"));
    std::cerr << run.database << ", " << run.cases << " cases: onewindow-server on port " << server.port() << '\n';
    {
        const std::string token = signIn(server.port(), "approver-hf");
        ApiClient setup(server.port(), token);
        // First pages, pages `depth` cursors down, and the middles: the paths measured (the
        // deeper pages point at their first: the vector never grows past what is reserved).
        run.probes.reserve(specs.size() * 3 + 5); // the counts and the four figures after them: no reallocation
        for (std::size_t s = 0; s < specs.size(); ++s) {
            const QuerySpec &spec = specs[s];
            run.probes.push_back({spec.name, "first", spec.path, {}, nullptr});
            const Probe *first = &run.probes.back();
            const auto [deep, page] = followCursor(setup, spec.path, options.depth);
            if (page > 1)
                run.probes.push_back({spec.name, "page " + std::to_string(page), deep, {}, first});
            if (!middles[s].empty())
                run.probes.push_back({spec.name, "middle", withCursor(spec.path, middles[s]), {}, first});
        }
        // What the queue page asks for beside its first page: the department's counts.
        run.probes.push_back({"counts", "-", "/api/v1/review/counts", {}, nullptr});
        // The department's figures (GET /stats/summary) over the last month and over the whole
        // year the database holds.
        run.probes.push_back({"stats", "month", "/api/v1/stats/summary?from=2026-10-29&to=" + kToday, {}, nullptr});
        run.probes.push_back({"stats", "year", "/api/v1/stats/summary?from=2025-11-28&to=" + kToday, {}, nullptr});
        // The hall's, as its supervisor sees them: every case of the hall and its villages.
        run.probes.push_back(
            {"stats", "hall month", "/api/v1/stats/summary?from=2026-10-29&to=" + kToday, {}, nullptr, true});
        run.probes.push_back(
            {"stats", "hall year", "/api/v1/stats/summary?from=2025-11-28&to=" + kToday, {}, nullptr, true});
        const std::string supervisorToken = signIn(server.port(), "supervisor1");
        // The probes take turns a second at a time, so that the machine's other load, which comes
        // and goes, weighs on all alike.
        for (int slice = 0; slice < options.seconds; ++slice) {
            run.health.add(measure(options.clients, kSliceSeconds, [&](std::size_t) -> Operation {
                auto api = std::make_shared<ApiClient>(server.port(), std::string());
                return [api]() -> std::optional<std::string> {
                    const Reply reply = api->send("GET", "/api/v1/health");
                    return reply.status == 200 ? std::nullopt : std::optional<std::string>(describe(reply));
                };
            }));
            for (Probe &probe : run.probes)
                probe.m.add(measure(options.clients, kSliceSeconds, [&](std::size_t) {
                    // A page has items; the counts, a number pending.
                    return reader(server.port(), probe.asSupervisor ? supervisorToken : token, probe.path,
                                  probe.query == "counts"  ? "\"pending\":"
                                  : probe.query == "stats" ? "\"timeLimits\":"
                                                           : "\"items\":[{");
                }));
        }
    }
    if (run.cases <= kVerifyCases) {
        // The trail the fill wrote verifies as the server's own does.
        ApiClient auditor(server.port(), signIn(server.port(), "auditor"));
        const Reply reply = auditor.send("GET", "/api/v1/audit/verify");
        Poco::JSON::Parser parser;
        const auto body = reply.status == 200 ? parser.parse(reply.body).extract<Poco::JSON::Object::Ptr>() : nullptr;
        run.auditValid = body && body->getValue<bool>("valid");
        run.auditVerified = body ? body->getValue<std::string>("message") : describe(reply);
    }
    const int code = server.stop();
    if (code != 0) {
        std::cerr << run.database << ": onewindow-server " << describeExit(code)
                  << " (0 expected after SIGTERM); its log ends with:\n" << lastLines(server.logFile(), 20);
        run.serverFailed = true;
    }
    run.errors = run.health.errors + (run.auditValid ? 0 : 1);
    for (const Probe &p : run.probes)
        run.errors += p.m.errors;
}

/// Where the database of n cases lives, filled (or found filled), for one database kind.
class QueueDatabase
{
public:
    QueueDatabase(const std::string &kind, std::size_t n, const Options &options, const ScratchDirectory &scratch)
    {
        const bool keep = !options.keepDir.empty();
        if (keep)
            Poco::File(options.keepDir).createDirectories();
        if (kind == "sqlite") {
            const std::string path =
                keep ? options.keepDir + "/queue-" + std::to_string(n) + ".sqlite" : scratch.file("queue.sqlite");
            m_url = "sqlite:" + path;
            m_keyFile = path + ".audit-key";
            if (keep && Poco::File(path).exists() && filledWith(n))
                return;
            for (const char *suffix : {"", "-wal", "-shm"})
                if (Poco::File(path + suffix).exists())
                    Poco::File(path + suffix).remove();
        } else {
            m_admin = PostgresAdmin::fromEnvironment();
            const std::string name = keep ? "owqueue_" + std::to_string(n) : "owqueue_" + std::to_string(::getpid());
            m_keyFile = (keep ? options.keepDir + "/" : scratch.file("")) + name + ".audit-key";
            if (keep) {
                m_url = m_admin->urlFor(name);
                if (m_admin->databaseExists(name) && filledWith(n))
                    return;
                m_admin->run("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                m_admin->run("CREATE DATABASE " + name);
            } else {
                m_throwaway = std::make_unique<ThrowawayDatabase>(*m_admin, name);
                m_url = m_throwaway->url();
            }
            m_pgName = name;
        }
        std::cerr << kind << ": filling " << n << " cases\n";
        {
            Database db(m_url, 1);
            if (db.dialect() == Database::Dialect::SQLite) {
                // A larger page cache for the filling connection: the indexes outgrow the default.
                Transaction tx(db, Transaction::Mode::Lookups);
                tx.query("PRAGMA cache_size = -262144");
            }
            bool created = false;
            fill(db, n, onewindow::server::AuditKey::loadOrCreate(m_keyFile, created));
        }
        if (m_admin) {
            // What autovacuum would have done by the time a table had grown so: statistics for
            // the planner and the visibility map for index-only scans.
            std::cerr << "  VACUUM ANALYZE\n";
            m_admin->run("VACUUM ANALYZE", m_pgName);
        }
    }

    const std::string &url() const { return m_url; }
    /// The audit key the database's trail is signed with.
    const std::string &auditKeyFile() const { return m_keyFile; }

private:
    bool filledWith(std::size_t n)
    {
        try {
            Database db(m_url, 1);
            if (countCases(db) == static_cast<std::int64_t>(n)) {
                std::cerr << "reusing " << n << " cases in " << m_url << '\n';
                return true;
            }
        } catch (const std::exception &) {
            // Not a database of ours: filled again.
        }
        return false;
    }

    std::optional<PostgresAdmin> m_admin;
    std::unique_ptr<ThrowawayDatabase> m_throwaway;
    std::string m_pgName;
    std::string m_url;
    std::string m_keyFile;
};

SizeRun runSize(const std::string &kind, std::size_t n, const Options &options, ScratchDirectory &scratch)
{
    SizeRun run;
    run.database = kind;
    run.cases = n;
    const QueueDatabase database(kind, n, options, scratch);
    if (options.fillOnly)
        return run;
    const std::vector<QuerySpec> specs = querySpecs();
    std::vector<std::string> middles;
    {
        Database db(database.url(), 1);
        // The server's migrations, so that a kept database gets what was added since it was filled.
        onewindow::server::migrate(db);
        for (const QuerySpec &spec : specs) {
            std::int64_t matching = 0;
            middles.push_back(middleCursor(db, spec, matching));
            run.matching.emplace_back(spec.name, matching);
            if (options.explain)
                explain(db, spec, middles.back());
        }
    }
    measureOn(run, options, database.url(), database.auditKeyFile(), specs, middles, scratch);
    return run;
}

// ---------------------------------------------------------------------------------------------
// Report

/// The machine's load average over 1, 5 and 15 minutes, as /proc/loadavg gives it.
std::string loadAverage()
{
    std::ifstream in("/proc/loadavg");
    std::string one, five, fifteen;
    if (!(in >> one >> five >> fifteen))
        return "unknown";
    return one + " " + five + " " + fifteen;
}

void printRun(const SizeRun &run, const Options &options)
{
    std::cout << "\n" << run.database << ", " << run.cases << " cases, " << options.clients << " clients, "
              << options.seconds << " s per query (in slices of " << kSliceSeconds << " s, taking turns), "
              << std::thread::hardware_concurrency() << " cores, load average " << loadAverage() << "\n";
    std::cout << "  rows matching:";
    for (const auto &[name, n] : run.matching)
        std::cout << " " << name << " " << n;
    std::cout << "\n";
    std::cout << std::left << std::setw(10) << "query" << std::setw(12) << "page" << std::right << std::setw(9)
              << "per s" << std::setw(9) << "p50 ms" << std::setw(9) << "p99 ms" << std::setw(12) << "p50/first"
              << std::setw(12) << "p99/first" << std::setw(13) << "p50/health" << std::setw(8) << "errors"
              << "  goal p99 < " << fixed(kGoalP99Ms, 0) << " ms (stats: " << fixed(kStatsGoalP99Ms, 0) << " ms)\n";
    const auto line = [&](const std::string &query, const std::string &page, const Measurement &m, const Probe *first) {
        const auto ratio = [](double a, double b) { return b > 0 ? fixed(a / b, 2) : std::string("-"); };
        // A first page against itself; what has no first page, against nothing.
        const std::string self = page == "first" || query == "health" ? "1.00" : "-";
        std::cout << std::left << std::setw(10) << query << std::setw(12) << page << std::right << std::setw(9)
                  << fixed(m.perSecond, 0) << std::setw(9) << fixed(m.p50Ms, 1) << std::setw(9) << fixed(m.p99Ms, 1)
                  << std::setw(12) << (first ? ratio(m.p50Ms, first->m.p50Ms) : self) << std::setw(12)
                  << (first ? ratio(m.p99Ms, first->m.p99Ms) : self) << std::setw(13)
                  << ratio(m.p50Ms, run.health.p50Ms) << std::setw(8) << m.errors;
        if (query != "health")
            std::cout << "  " << (m.p99Ms < (query == "stats" ? kStatsGoalP99Ms : kGoalP99Ms) ? "PASS" : "MISS");
        std::cout << '\n';
    };
    line("health", "-", run.health, nullptr);
    for (const Probe &p : run.probes)
        line(p.query, p.page, p.m, p.first);
    for (const Probe &p : run.probes)
        if (p.m.errors)
            std::cout << "first error, " << p.query << " " << p.page << ": " << p.m.firstError << '\n';
    if (run.health.errors)
        std::cout << "first error, health: " << run.health.firstError << '\n';
    if (!run.auditVerified.empty())
        std::cout << "audit trail " << (run.auditValid ? "verified" : "BROKEN") << ": " << run.auditVerified << '\n';
}

} // namespace

int main(int argc, char **argv)
{
    // A server that dies mid-request must show up as an error, not kill the bench on write.
    std::signal(SIGPIPE, SIG_IGN);
    const Options options = parseOptions(argc, argv);
    bool failed = false;
    for (const std::string &database : options.databases) {
        for (const std::size_t n : options.cases) {
            ScratchDirectory scratch;
            try {
                const SizeRun run = runSize(database, n, options, scratch);
                if (options.fillOnly)
                    continue;
                printRun(run, options);
                if (run.serverFailed || run.errors > 0) {
                    scratch.keep();
                    failed = true;
                }
            } catch (const std::exception &e) {
                std::cerr << "bench_queue: " << database << ", " << n << " cases: " << e.what() << '\n';
                scratch.keep();
                failed = true;
            }
        }
    }
    if (!options.fillOnly)
        std::cout << "\nthe goal is informational; exit status " << (failed ? "1: see the failures above" : "0") << '\n';
    return failed ? 1 : 0;
}
