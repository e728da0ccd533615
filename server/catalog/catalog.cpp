#include "catalog/catalog.h"

#include "audit/audittrail.h"
#include "catalog/holidayschedule.h"
#include "catalog/pinyin.h"
#include "clock.h"
#include "db/database.h"
#include "db/migrations.h"
#include "domain/idnumber.h"
#include "http/cursor.h"
#include "http/preconditions.h"
#include "http/problem.h"
#include "json.h"

#include <Poco/UUIDGenerator.h>

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

namespace onewindow::server {


namespace {

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

namespace {

constexpr long kAdministrationLock = 7010;

/// The condition on a version `v` of being in effect on a day (bound twice).
constexpr const char *kInEffect = "v.state = 'published' AND (v.valid_from IS NULL OR v.valid_from <= ?) AND "
                                  "(v.valid_to IS NULL OR v.valid_to >= ?)";

} // namespace

Poco::JSON::Object::Ptr Catalog::listMatters(Transaction &tx, const std::string &q, const std::string &department,
                                             int limit, const std::string &cursor)
{
    // Each with its version in effect (one at most on a day); found by the name and initials of
    // the version published last.
    const std::string today = toIsoString(m_clock.today());
    std::string sql = std::string("SELECT code, version FROM (SELECT m.code, m.name, m.initials, m.department, "
                                  "v.version FROM matters m JOIN matter_versions v ON v.code = m.code AND ")
                      + kInEffect + ") t WHERE 1 = 1";
    std::vector<DbValue> params{today, today};
    if (!q.empty()) {
        const std::string pattern = likePattern(lowerAscii(q));
        sql += " AND (LOWER(code) LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' OR initials LIKE ? ESCAPE '\\')";
        params.insert(params.end(), {pattern, likePattern(q), pattern});
    }
    andIfGiven(sql, params, "department", department);
    appendKeyPage(sql, params, "code", cursor, limit);
    return keyPageAnswer(tx.query(sql, params), limit, "code", [&](const DbRow &row) {
        return publishedVersion(tx, row.text("code"), static_cast<int>(row.integer("version")))->summaryJson();
    });
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
    if (version > 0)
        return publishedVersion(tx, code, version);
    return matterOn(tx, code, m_clock.today(), freshness);
}

std::optional<MatterDefinition> Catalog::matterOn(Transaction &tx, const std::string &code, const Date &day,
                                                  Freshness freshness)
{
    std::optional<int> version;
    if (freshness == Freshness::Recent) {
        std::lock_guard lock(m_cacheMutex);
        if (const auto it = m_currentVersions.find(code);
            it != m_currentVersions.end() && it->second.day == day && recent(it->second.readAt))
            version = it->second.version;
    }
    if (!version) {
        const Instant readAt = std::chrono::steady_clock::now();
        const std::string iso = toIsoString(day);
        const auto row = tx.queryOne(std::string("SELECT v.version FROM matter_versions v WHERE v.code = ? AND ")
                                         + kInEffect + " ORDER BY v.version DESC LIMIT 1",
                                     {code, iso, iso});
        if (!row)
            return std::nullopt;
        version = static_cast<int>(row->integer("version"));
        std::lock_guard lock(m_cacheMutex);
        auto &cached = m_currentVersions[code];
        if (cached.readAt < readAt || cached.day != day)
            cached = CurrentVersion{day, *version, readAt};
    }
    return publishedVersion(tx, code, *version);
}

std::optional<MatterDefinition> Catalog::publishedVersion(Transaction &tx, const std::string &code, int version)
{
    {
        std::lock_guard lock(m_cacheMutex);
        if (const auto it = m_matters.find({code, version}); it != m_matters.end())
            return it->second;
    }
    const auto row = tx.queryOne("SELECT body FROM matter_versions WHERE code = ? AND version = ? AND state <> "
                                 "'draft'",
                                 {code, std::int64_t{version}});
    if (!row)
        return std::nullopt;
    FieldErrors ignored;
    MatterDefinition d = MatterDefinition::fromJson(parseStoredObject(row->text("body")), ignored);
    d.code = code;
    d.version = version;
    if (d.initials.empty())
        d.initials = pinyinInitials(d.name);
    std::lock_guard lock(m_cacheMutex);
    m_matters.emplace(std::pair(code, version), d);
    return d;
}

void Catalog::insertMatter(Transaction &tx, MatterDefinition d, const std::string &actor)
{
    if (d.initials.empty())
        d.initials = pinyinInitials(d.name);
    d.version = 1;
    const std::string now = m_clock.now();
    tx.execute("INSERT INTO matters (code, name, department, current_version, initials, promised_days, legal_days) "
               "VALUES (?, ?, ?, 1, ?, ?, ?)",
               {d.code, d.name, d.department, d.initials, d.promisedDays, d.legalDays});
    tx.execute("INSERT INTO matter_versions (code, version, body, created_at, created_by, state, published_at, "
               "published_by) VALUES (?, 1, ?, ?, ?, 'published', ?, ?)",
               {d.code, toJson(d.toJson()), now, actor, now, actor});
}

Poco::JSON::Object::Ptr Catalog::listBundles(Transaction &tx)
{
    auto items = newArray();
    for (const DbRow &row : tx.query("SELECT code FROM bundles ORDER BY code"))
        items->add(bundle(tx, row.text("code"))->toJson());
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
    auto o = b.toJson();
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
    auto produced = newArray();
    for (const auto &p : merged.produced) {
        auto j = newObject();
        j->set("code", p.rule.code);
        j->set("name", p.rule.name);
        j->set("matters", codes(p.matters));
        j->set("producedBy", codes(p.producedBy));
        produced->add(j);
    }
    o->set("produced", produced);
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

namespace {

std::string joined(const std::vector<std::string> &codes)
{
    std::string out;
    for (const auto &code : codes)
        out += (out.empty() ? "" : ",") + code;
    return out;
}

} // namespace

std::string Catalog::bundleEtag(const BundleDefinition &bundle)
{
    return contentEtag(bundle.name + "\n" + joined(bundle.matters));
}

void Catalog::checkBundleMatters(Transaction &tx, const BundleDefinition &b, FieldErrors &errors,
                                 const std::string &prefix)
{
    // Read here rather than through matter(), whose caches must not keep what an import wrote
    // in this transaction.
    const std::string today = toIsoString(m_clock.today());
    for (std::size_t i = 0; i < b.matters.size(); ++i) {
        if (!tx.queryOne(std::string("SELECT v.version FROM matter_versions v WHERE v.code = ? AND ") + kInEffect,
                         {b.matters[i], today, today}))
            errors.add(prefix + "matters[" + std::to_string(i) + "]", "No matter of this code is in effect.",
                       "unknown");
    }
}

bool Catalog::saveBundle(Transaction &tx, const BundleDefinition &b, const std::string &actor)
{
    const bool created = !bundle(tx, b.code);
    if (created)
        tx.execute("INSERT INTO bundles (code, name, matters) VALUES (?, ?, ?)", {b.code, b.name, joined(b.matters)});
    else
        tx.execute("UPDATE bundles SET name = ?, matters = ? WHERE code = ?", {b.name, joined(b.matters), b.code});
    m_audit.append(tx, {}, actor, "bundle_saved",
                   b.code + (created ? " created: " : " changed: ") + b.name + " (" + joined(b.matters) + ")");
    return created;
}

void Catalog::lockForAdministration(Transaction &tx)
{
    lockForTransaction(tx, kAdministrationLock);
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

void Catalog::writeCalendarYear(Transaction &tx, const HolidaySchedule &schedule)
{
    for (const auto &holiday : schedule.holidays) {
        for (const auto &date : holiday.dates)
            tx.execute("INSERT INTO calendar_days (day, working, holiday) VALUES (?, 0, ?)",
                       {toIsoString(date), holiday.name});
    }
    for (const auto &date : schedule.adjustedWorkingDays)
        tx.execute("INSERT INTO calendar_days (day, working, holiday) VALUES (?, 1, NULL)", {toIsoString(date)});
    calendarChanged(tx);
}

Poco::JSON::Object::Ptr Catalog::replaceCalendarYear(Transaction &tx, const HolidaySchedule &schedule,
                                                     const std::string &actor)
{
    const std::string year = std::to_string(schedule.year);
    const std::size_t replaced = tx.execute("DELETE FROM calendar_days WHERE day LIKE ?", {year + "-%"});
    writeCalendarYear(tx, schedule);
    const std::size_t holidayDays = schedule.days().size() - schedule.adjustedWorkingDays.size();
    m_audit.append(tx, {}, actor, "calendar_year_replaced",
                   year + ": " + std::to_string(holidayDays) + " holiday days, "
                       + std::to_string(schedule.adjustedWorkingDays.size()) + " adjusted working days, in place of "
                       + std::to_string(replaced) + " days");
    changed(); // again once committed
    auto o = newObject();
    o->set("year", schedule.year);
    o->set("holidayDays", holidayDays);
    o->set("adjustedWorkingDays", schedule.adjustedWorkingDays.size());
    o->set("replacedDays", replaced);
    return o;
}

std::vector<HolidaySchedule> Catalog::calendarSchedules(Transaction &tx)
{
    std::vector<HolidaySchedule> schedules;
    for (const DbRow &row : tx.query("SELECT day, working, holiday FROM calendar_days ORDER BY day")) {
        const auto date = parseIsoDate(row.text("day"));
        if (!date)
            continue;
        const int year = static_cast<int>(date->year());
        if (schedules.empty() || schedules.back().year != year)
            schedules.push_back(HolidaySchedule{year, {}, {}});
        HolidaySchedule &schedule = schedules.back();
        if (row.boolean("working")) {
            schedule.adjustedWorkingDays.push_back(*date);
            continue;
        }
        const std::string name = row.text("holiday");
        auto it = std::find_if(schedule.holidays.begin(), schedule.holidays.end(),
                               [&name](const WorkCalendar::Holiday &h) { return h.name == name; });
        if (it == schedule.holidays.end())
            it = schedule.holidays.insert(schedule.holidays.end(), WorkCalendar::Holiday{name, {}});
        it->dates.push_back(*date);
    }
    return schedules;
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
