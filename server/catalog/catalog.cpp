#include "catalog/catalog.h"

#include "audit/audittrail.h"
#include "catalog/pinyin.h"
#include "db/database.h"
#include "domain/idnumber.h"
#include "http/cursor.h"
#include "http/problem.h"
#include "json.h"

#include <Poco/UUIDGenerator.h>

#include <algorithm>
#include <set>
#include <sstream>

namespace onewindow::server {


namespace {

std::string likePattern(const std::string &q)
{
    std::string out = "%";
    for (char c : q) {
        if (c == '%' || c == '_' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "%";
}

Poco::JSON::Object::Ptr dayJson(const WorkCalendar &calendar, const Date &day)
{
    auto o = newObject();
    o->set("date", toIsoString(day));
    o->set("working", calendar.isWorkingDay(day));
    const std::string holiday = calendar.holidayName(day);
    o->set("holiday", holiday.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(holiday));
    o->set("adjusted", calendar.isAdjustedWorkingDay(day));
    return o;
}

} // namespace

Poco::JSON::Object::Ptr Catalog::departments(Transaction &tx)
{
    auto items = newArray();
    for (const DbRow &row : tx.query("SELECT code, name FROM departments ORDER BY code")) {
        auto o = newObject();
        o->set("code", row.text("code"));
        o->set("name", row.text("name"));
        items->add(o);
    }
    auto result = newObject();
    result->set("items", items);
    return result;
}

Poco::JSON::Object::Ptr Catalog::centers(Transaction &tx)
{
    auto items = newArray();
    for (const DbRow &row : tx.query("SELECT code, name, parent, kind FROM centers ORDER BY code")) {
        auto o = newObject();
        o->set("code", row.text("code"));
        o->set("name", row.text("name"));
        o->set("parent", orNull(row.optText("parent")));
        o->set("kind", row.text("kind"));
        items->add(o);
    }
    auto result = newObject();
    result->set("items", items);
    return result;
}

std::optional<std::string> Catalog::centerParent(Transaction &tx, const std::string &center, Freshness freshness)
{
    if (freshness == Freshness::Recent) {
        std::lock_guard lock(m_cacheMutex);
        if (const auto it = m_centerParents.find(center); it != m_centerParents.end() && recent(it->second.readAt))
            return it->second.parent;
    }
    const Instant readAt = std::chrono::steady_clock::now();
    auto row = tx.queryOne("SELECT parent FROM centers WHERE code = ?", {center});
    if (!row)
        return std::nullopt;
    std::lock_guard lock(m_cacheMutex);
    auto &cached = m_centerParents[center];
    if (cached.readAt < readAt)
        cached = {row->text("parent"), readAt};
    return row->text("parent");
}

Poco::JSON::Object::Ptr Catalog::listMatters(Transaction &tx, const std::string &q, const std::string &department,
                                             int limit, const std::string &cursor)
{
    std::string sql = "SELECT code, name, department, initials, promised_days, legal_days FROM matters WHERE 1 = 1";
    std::vector<DbValue> params;
    if (!q.empty()) {
        const std::string pattern = likePattern(lowerAscii(q));
        sql += " AND (LOWER(code) LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' OR initials LIKE ? ESCAPE '\\')";
        params.insert(params.end(), {pattern, likePattern(q), pattern});
    }
    andIfGiven(sql, params, "department", department);
    if (!cursor.empty()) {
        const std::string after = decodeCursor(cursor, 1).front();
        sql += " AND code > ?";
        params.emplace_back(after);
    }
    sql += " ORDER BY code LIMIT ?";
    params.emplace_back(std::int64_t{limit + 1});
    const DbRows rows = tx.query(sql, params);
    auto items = newArray();
    for (std::size_t i = 0; i < rows.size() && static_cast<int>(i) < limit; ++i) {
        MatterDefinition d;
        d.code = rows[i].text("code");
        d.name = rows[i].text("name");
        d.department = rows[i].text("department");
        d.initials = rows[i].text("initials");
        d.promisedDays = rows[i].real("promised_days");
        d.legalDays = rows[i].real("legal_days");
        items->add(d.summaryJson());
    }
    auto result = newObject();
    result->set("items", items);
    if (static_cast<int>(rows.size()) > limit)
        result->set("nextCursor", encodeCursor({rows[static_cast<std::size_t>(limit) - 1].text("code")}));
    else
        result->set("nextCursor", Poco::Dynamic::Var());
    return result;
}

namespace {
constexpr auto kRecent = std::chrono::seconds(1);
}

bool Catalog::recent(Instant readAt) const
{
    return readAt > m_changedAt && std::chrono::steady_clock::now() - readAt < kRecent;
}

void Catalog::changed()
{
    std::lock_guard lock(m_cacheMutex);
    m_changedAt = std::chrono::steady_clock::now();
}

std::optional<MatterDefinition> Catalog::matter(Transaction &tx, const std::string &code, int version,
                                                Freshness freshness)
{
    std::optional<CurrentVersion> current;
    if (freshness == Freshness::Recent) {
        std::lock_guard lock(m_cacheMutex);
        if (const auto it = m_currentVersions.find(code); it != m_currentVersions.end() && recent(it->second.readAt))
            current = it->second;
    }
    if (!current) {
        const Instant readAt = std::chrono::steady_clock::now();
        const auto row = tx.queryOne("SELECT current_version, initials FROM matters WHERE code = ?", {code});
        if (!row)
            return std::nullopt;
        current = CurrentVersion{static_cast<int>(row->integer("current_version")), row->text("initials"), readAt};
        std::lock_guard lock(m_cacheMutex);
        auto &cached = m_currentVersions[code];
        if (cached.readAt < readAt)
            cached = *current;
    }
    const int wanted = version > 0 ? version : current->version;
    {
        std::lock_guard lock(m_cacheMutex);
        if (const auto it = m_matters.find({code, wanted}); it != m_matters.end()) {
            MatterDefinition d = it->second;
            d.initials = current->initials;
            return d;
        }
    }
    const auto row = tx.queryOne("SELECT body FROM matter_versions WHERE code = ? AND version = ?",
                                 {code, std::int64_t{wanted}});
    if (!row)
        return std::nullopt;
    FieldErrors ignored;
    MatterDefinition d = MatterDefinition::fromJson(parseStoredObject(row->text("body")), ignored);
    d.code = code;
    d.version = wanted;
    {
        std::lock_guard lock(m_cacheMutex);
        m_matters.emplace(std::pair(code, wanted), d);
    }
    d.initials = current->initials;
    return d;
}

void Catalog::insertMatter(Transaction &tx, MatterDefinition d, const std::string &actor)
{
    if (d.initials.empty())
        d.initials = pinyinInitials(d.name);
    d.version = 1;
    tx.execute("INSERT INTO matters (code, name, department, current_version, initials, promised_days, legal_days) "
               "VALUES (?, ?, ?, 1, ?, ?, ?)",
               {d.code, d.name, d.department, d.initials, d.promisedDays, d.legalDays});
    tx.execute("INSERT INTO matter_versions (code, version, body, created_at, created_by) VALUES (?, 1, ?, "
               "CURRENT_TIMESTAMP, ?)",
               {d.code, toJson(d.toJson()), actor});
}

MatterDefinition Catalog::saveNewVersion(Transaction &tx, MatterDefinition d, const std::string &actor)
{
    const auto current = tx.queryOne("SELECT current_version, initials FROM matters WHERE code = ?", {d.code});
    if (!current)
        throw ApiError::notFound();
    d.version = static_cast<int>(current->integer("current_version")) + 1;
    if (d.initials.empty())
        d.initials = pinyinInitials(d.name);
    tx.execute("INSERT INTO matter_versions (code, version, body, created_at, created_by) VALUES (?, ?, ?, "
               "CURRENT_TIMESTAMP, ?)",
               {d.code, std::int64_t{d.version}, toJson(d.toJson()), actor});
    tx.execute("UPDATE matters SET name = ?, department = ?, current_version = ?, initials = ?, promised_days = ?, "
               "legal_days = ? WHERE code = ?",
               {d.name, d.department, std::int64_t{d.version}, d.initials, d.promisedDays, d.legalDays, d.code});
    m_audit.append(tx, {}, actor, "matter_changed", d.code + " version " + std::to_string(d.version));
    changed(); // again once committed: until then `Recent` reads must not keep what they read meanwhile
    return d;
}

Poco::JSON::Object::Ptr Catalog::listBundles(Transaction &tx)
{
    auto items = newArray();
    for (const DbRow &row : tx.query("SELECT code FROM bundles ORDER BY code")) {
        const auto b = bundle(tx, row.text("code"));
        auto o = newObject();
        o->set("code", b->code);
        o->set("name", b->name);
        auto matters = newArray();
        for (const auto &m : b->matters)
            matters->add(m);
        o->set("matters", matters);
        items->add(o);
    }
    auto result = newObject();
    result->set("items", items);
    return result;
}

std::optional<BundleDefinition> Catalog::bundle(Transaction &tx, const std::string &code)
{
    const auto row = tx.queryOne("SELECT code, name, matters FROM bundles WHERE code = ?", {code});
    if (!row)
        return std::nullopt;
    BundleDefinition b{row->text("code"), row->text("name"), {}};
    std::istringstream in(row->text("matters"));
    for (std::string m; std::getline(in, m, ',');) {
        if (!m.empty())
            b.matters.push_back(m);
    }
    return b;
}

Poco::JSON::Object::Ptr Catalog::bundleJson(Transaction &tx, const BundleDefinition &b)
{
    std::vector<MatterRules> rules;
    for (const auto &code : b.matters) {
        if (auto m = matter(tx, code))
            rules.push_back(m->rules());
    }
    const MergedIntake merged = BundleMerge::merge(rules);
    auto o = newObject();
    o->set("code", b.code);
    o->set("name", b.name);
    auto matters = newArray();
    for (const auto &m : b.matters)
        matters->add(m);
    o->set("matters", matters);
    const auto codes = [](const std::vector<std::string> &list) {
        auto a = newArray();
        for (const auto &c : list)
            a->add(c);
        return a;
    };
    auto fields = newArray();
    for (const auto &f : merged.fields) {
        auto j = fieldJson(f.field);
        j->set("matters", codes(f.matters));
        fields->add(j);
    }
    o->set("fields", fields);
    auto materials = newArray();
    for (const auto &m : merged.materials) {
        auto j = materialJson(m.rule);
        j->set("matters", codes(m.matters));
        materials->add(j);
    }
    o->set("materials", materials);
    auto reduction = newObject();
    reduction->set("separateFields", merged.reduction.separateFields);
    reduction->set("mergedFields", merged.reduction.mergedFields);
    reduction->set("separateMaterials", merged.reduction.separateMaterials);
    reduction->set("mergedMaterials", merged.reduction.mergedMaterials);
    reduction->set("fieldsSavedPercent", merged.reduction.fieldsSavedPercent());
    reduction->set("materialsSavedPercent", merged.reduction.materialsSavedPercent());
    o->set("reduction", reduction);
    return o;
}

void Catalog::calendarChanged(Transaction &tx)
{
    const std::string version = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    tx.execute("DELETE FROM settings WHERE key = 'calendar_version'");
    tx.execute("INSERT INTO settings (key, value) VALUES ('calendar_version', ?)", {version});
}

WorkCalendar Catalog::calendar(Transaction &tx, Freshness freshness)
{
    if (freshness == Freshness::Recent) {
        std::lock_guard lock(m_cacheMutex);
        if (!m_calendarVersion.empty() && recent(m_calendarReadAt))
            return m_calendar;
    }
    const Instant readAt = std::chrono::steady_clock::now();
    const auto row = tx.queryOne("SELECT value FROM settings WHERE key = 'calendar_version'");
    const std::string version = row ? row->text("value") : std::string("none");
    {
        std::lock_guard lock(m_cacheMutex);
        if (version == m_calendarVersion) {
            m_calendarReadAt = std::max(m_calendarReadAt, readAt);
            return m_calendar;
        }
    }
    WorkCalendar calendar;
    for (const DbRow &day : tx.query("SELECT day, working, holiday FROM calendar_days")) {
        const auto date = parseIsoDate(day.text("day"));
        if (!date)
            continue;
        if (day.boolean("working"))
            calendar.addAdjustedWorkingDay(*date);
        else
            calendar.addHoliday(*date, day.text("holiday"));
    }
    std::lock_guard lock(m_cacheMutex);
    m_calendar = calendar;
    m_calendarVersion = version;
    m_calendarReadAt = readAt;
    return calendar;
}

Poco::JSON::Object::Ptr Catalog::calendarDays(Transaction &tx, const Date &from, const Date &to)
{
    const WorkCalendar cal = calendar(tx);
    auto days = newArray();
    for (Date d = from; daysBetween(d, to) >= 0; d = addCalendarDays(d, 1))
        days->add(dayJson(cal, d));
    auto result = newObject();
    result->set("from", toIsoString(from));
    result->set("to", toIsoString(to));
    result->set("days", days);
    return result;
}

Poco::JSON::Object::Ptr Catalog::setCalendarDay(Transaction &tx, const Date &day, bool working,
                                                const std::optional<std::string> &holiday, const std::string &actor)
{
    const std::string iso = toIsoString(day);
    const bool weekend = isoWeekday(day) >= 6;
    tx.execute("DELETE FROM calendar_days WHERE day = ?", {iso});
    // Only exceptions to the weekday rule are stored.
    if (working && weekend)
        tx.execute("INSERT INTO calendar_days (day, working, holiday) VALUES (?, 1, NULL)", {iso});
    else if (!working && !weekend)
        tx.execute("INSERT INTO calendar_days (day, working, holiday) VALUES (?, 0, ?)", {iso, holiday.value_or("")});
    else if (!working && holiday && !holiday->empty())
        tx.execute("INSERT INTO calendar_days (day, working, holiday) VALUES (?, 0, ?)", {iso, *holiday});
    calendarChanged(tx);
    m_audit.append(tx, {}, actor, "calendar_changed", iso + (working ? " working" : " not working"));
    const auto result = dayJson(calendar(tx), day);
    changed(); // the calendar just read is not committed yet; again once it is
    return result;
}

Poco::JSON::Object::Ptr Catalog::licenses(Transaction &tx, const std::string &holder)
{
    auto items = newArray();
    for (const DbRow &row : tx.query("SELECT type, number, issuer, valid_until, trust FROM licenses WHERE holder = ? "
                                     "ORDER BY type",
                                     {holder})) {
        auto o = newObject();
        o->set("type", row.text("type"));
        const std::string number = row.text("number");
        o->set("number", IdNumber::check(number) == IdNumber::Problem::None ? IdNumber::mask(number) : number);
        o->set("holder", IdNumber::check(holder) == IdNumber::Problem::None ? IdNumber::mask(holder) : holder);
        o->set("issuer", row.text("issuer"));
        o->set("validUntil", orNull(row.optText("valid_until")));
        o->set("trust", row.text("trust"));
        items->add(o);
    }
    auto result = newObject();
    result->set("items", items);
    return result;
}

std::vector<std::string> Catalog::licenseTypes(Transaction &tx, const std::string &holder)
{
    std::vector<std::string> types;
    for (const DbRow &row : tx.query("SELECT type FROM licenses WHERE holder = ?", {holder}))
        types.push_back(row.text("type"));
    return types;
}

} // namespace onewindow::server
