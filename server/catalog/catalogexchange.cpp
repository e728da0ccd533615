#include "catalog/catalogexchange.h"

#include "audit/audittrail.h"
#include "auth/policy.h"
#include "catalog/catalog.h"
#include "catalog/holidayschedule.h"
#include "catalog/matterdiff.h"
#include "catalog/matterversions.h"
#include "catalog/pinyin.h"
#include "clock.h"
#include "db/database.h"
#include "http/idempotency.h"
#include "http/problem.h"
#include "json.h"

#include <algorithm>
#include <map>
#include <set>

namespace onewindow::server {

namespace {

using Cap = AuthorizationPolicy::Capability;

/// One import, in its transaction: each part of the document written, or its problems noted,
/// and what became of each item reported.
class Import
{
public:
    Import(Transaction &tx, Catalog &catalog, MatterVersions &versions, AuditTrail &audit, std::string actor,
           const Date &today)
        : m_tx(tx), m_catalog(catalog), m_versions(versions), m_audit(audit), m_actor(std::move(actor)),
          m_today(today)
    {
    }

    void departments(const Poco::JSON::Array::Ptr &list);
    void centers(const Poco::JSON::Array::Ptr &list);
    void matters(const Poco::JSON::Array::Ptr &list);
    void bundles(const Poco::JSON::Array::Ptr &list);
    void calendar(const Poco::JSON::Array::Ptr &list);

    FieldErrors &errors() { return m_errors; }
    Poco::JSON::Object::Ptr report() const { return m_report; }
    /// "matters: 1 created, 37 unchanged; …": the parts the document had.
    std::string summary() const;

private:
    /// The objects of a part, each with its field prefix (such as "matters[2]."); an item that
    /// is not an object is a problem.
    std::vector<std::pair<Poco::JSON::Object::Ptr, std::string>> items(const Poco::JSON::Array::Ptr &list,
                                                                       const std::string &part);
    /// An item's `code`, checked as the catalog's codes are.
    std::string codeOf(const Poco::JSON::Object::Ptr &item, const std::string &prefix);
    /// An item's `name`: required, at most 200 bytes.
    std::string nameOf(const Poco::JSON::Object::Ptr &item, const std::string &prefix);
    void note(const std::string &part, Poco::JSON::Object::Ptr line, const std::string &result);

    Transaction &m_tx;
    Catalog &m_catalog;
    MatterVersions &m_versions;
    AuditTrail &m_audit;
    std::string m_actor;
    Date m_today;
    FieldErrors m_errors;
    Poco::JSON::Object::Ptr m_report = newObject();
    std::map<std::string, std::map<std::string, int>> m_counts; ///< part -> result -> items
};

std::vector<std::pair<Poco::JSON::Object::Ptr, std::string>> Import::items(const Poco::JSON::Array::Ptr &list,
                                                                           const std::string &part)
{
    m_report->set(part, newArray());
    m_counts[part];
    std::vector<std::pair<Poco::JSON::Object::Ptr, std::string>> out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string at = part + "[" + std::to_string(i) + "]";
        if (auto item = list->getObject(static_cast<unsigned>(i)))
            out.emplace_back(item, at + ".");
        else
            m_errors.add(at, "An object.", "invalid");
    }
    return out;
}

std::string Import::codeOf(const Poco::JSON::Object::Ptr &item, const std::string &prefix)
{
    const std::string value = optString(item, "code").value_or("");
    Catalog::checkCode(value, m_errors, prefix + "code");
    return value;
}

std::string Import::nameOf(const Poco::JSON::Object::Ptr &item, const std::string &prefix)
{
    const std::string value = trimmed(optString(item, "name").value_or(""));
    if (value.empty() || value.size() > 200)
        m_errors.add(prefix + "name", "Required, at most 200 bytes.", value.empty() ? "required" : "invalid");
    return value;
}

void Import::note(const std::string &part, Poco::JSON::Object::Ptr line, const std::string &result)
{
    line->set("result", result);
    m_report->getArray(part)->add(line);
    ++m_counts[part][result];
}

std::string Import::summary() const
{
    std::string out;
    for (const auto &[part, results] : m_counts) {
        std::string counts;
        for (const auto &[result, n] : results)
            counts += (counts.empty() ? "" : ", ") + std::to_string(n) + " " + result;
        out += (out.empty() ? "" : "; ") + part + ": " + (counts.empty() ? "none" : counts);
    }
    return out;
}

void Import::departments(const Poco::JSON::Array::Ptr &list)
{
    for (const auto &[item, prefix] : items(list, "departments")) {
        const std::size_t problems = m_errors.list().size();
        const std::string code = codeOf(item, prefix);
        const std::string name = nameOf(item, prefix);
        if (m_errors.list().size() > problems)
            continue;
        auto line = newObject();
        line->set("code", code);
        const auto stored = m_tx.queryOne("SELECT name FROM departments WHERE code = ?", {code});
        if (stored && stored->text("name") == name) {
            note("departments", line, "unchanged");
        } else if (stored) {
            m_tx.execute("UPDATE departments SET name = ? WHERE code = ?", {name, code});
            m_audit.append(m_tx, {}, m_actor, "department_renamed", code + " " + stored->text("name") + " -> " + name);
            note("departments", line, "updated");
        } else {
            m_tx.execute("INSERT INTO departments (code, name) VALUES (?, ?)", {code, name});
            m_audit.append(m_tx, {}, m_actor, "department_created", code + " " + name);
            note("departments", line, "created");
        }
    }
}

void Import::centers(const Poco::JSON::Array::Ptr &list)
{
    // Halls before village centres, so that a new village's hall exists when it is written.
    auto all = items(list, "centers");
    std::stable_partition(all.begin(), all.end(), [](const auto &c) { return !optString(c.first, "parent"); });
    for (const auto &[item, prefix] : all) {
        const std::size_t problems = m_errors.list().size();
        const std::string code = codeOf(item, prefix);
        const std::string name = nameOf(item, prefix);
        const std::string kind = optString(item, "kind").value_or("");
        const std::string parent = optString(item, "parent").value_or("");
        if (kind != "hall" && kind != "village")
            m_errors.add(prefix + "kind", "Either hall or village.", "invalid");
        else if ((kind == "hall") != parent.empty())
            m_errors.add(prefix + "parent", "A village centre has its hall as its parent; a hall has none.",
                         "invalid");
        if (m_errors.list().size() > problems)
            continue;
        auto line = newObject();
        line->set("code", code);
        const auto stored = m_tx.queryOne("SELECT name, COALESCE(parent, '') AS parent, kind FROM centers WHERE "
                                          "code = ?",
                                          {code});
        if (stored && (stored->text("parent") != parent || stored->text("kind") != kind)) {
            // Who sees which cases follows the centres' places: an import does not move them.
            m_errors.add(prefix + "parent", "This centre is of " + stored->text("kind") + " "
                                                + stored->text("parent") + " here; an import does not move it.",
                         "differs");
        } else if (stored && stored->text("name") == name) {
            note("centers", line, "unchanged");
        } else if (stored) {
            m_tx.execute("UPDATE centers SET name = ? WHERE code = ?", {name, code});
            m_audit.append(m_tx, {}, m_actor, "center_renamed", code + " " + stored->text("name") + " -> " + name);
            note("centers", line, "updated");
        } else if (!parent.empty()
                   && !m_tx.queryOne("SELECT code FROM centers WHERE code = ? AND kind = 'hall'", {parent})) {
            m_errors.add(prefix + "parent", "No such hall.", "unknown");
        } else {
            m_tx.execute("INSERT INTO centers (code, name, parent, kind) VALUES (?, ?, ?, ?)",
                         {code, name, parent.empty() ? DbValue{} : DbValue{parent}, kind});
            m_audit.append(m_tx, {}, m_actor, "center_created", code + " " + name + " (" + kind + ")");
            note("centers", line, "created");
        }
    }
}

void Import::matters(const Poco::JSON::Array::Ptr &list)
{
    std::set<std::string> seen;
    for (const auto &[item, prefix] : items(list, "matters")) {
        const std::size_t problems = m_errors.list().size();
        const std::string code = codeOf(item, prefix);
        if (!code.empty() && !seen.insert(code).second)
            m_errors.add(prefix + "code", "Each matter once.", "duplicate");
        MatterDefinition definition = MatterVersions::definitionFrom(m_tx, item, code, m_errors, prefix);
        if (m_errors.list().size() > problems)
            continue;
        if (definition.initials.empty())
            definition.initials = pinyinInitials(definition.name);
        auto line = newObject();
        line->set("code", code);
        if (!m_tx.queryOne("SELECT code FROM matters WHERE code = ?", {code})) {
            // In effect from the day it is in effect from where it comes from, today at the earliest.
            const auto from = parseIsoDate(optString(item, "validFrom").value_or(""));
            m_versions.insertNewMatter(m_tx, definition, m_actor);
            m_versions.publishDraft(m_tx, code, 1, from && daysBetween(m_today, *from) > 0 ? *from : m_today,
                                    m_actor);
            line->set("version", 1);
            note("matters", line, "created");
            continue;
        }
        const auto published = MatterVersions::latestPublished(m_tx, code);
        if (published && sameDefinition(published->definition, definition)) {
            line->set("version", published->definition.version);
            note("matters", line, "unchanged");
        } else if (MatterVersions::hasDraft(m_tx, code)) {
            m_errors.add(prefix + "code", code + " has a draft already: publish it or delete it first.",
                         "draft_exists");
        } else {
            line->set("version", m_versions.insertDraft(m_tx, definition, m_actor));
            note("matters", line, "drafted");
        }
    }
}

void Import::bundles(const Poco::JSON::Array::Ptr &list)
{
    std::set<std::string> seen;
    for (const auto &[item, prefix] : items(list, "bundles")) {
        const std::size_t problems = m_errors.list().size();
        BundleDefinition bundle = BundleDefinition::fromJson(item, m_errors, prefix);
        bundle.code = codeOf(item, prefix);
        if (!bundle.code.empty() && !seen.insert(bundle.code).second)
            m_errors.add(prefix + "code", "Each bundle once.", "duplicate");
        m_catalog.checkBundleMatters(m_tx, bundle, m_errors, prefix);
        if (m_errors.list().size() > problems)
            continue;
        auto line = newObject();
        line->set("code", bundle.code);
        const auto stored = m_catalog.bundle(m_tx, bundle.code);
        if (stored && stored->name == bundle.name && stored->matters == bundle.matters)
            note("bundles", line, "unchanged");
        else
            note("bundles", line, m_catalog.saveBundle(m_tx, bundle, m_actor) ? "created" : "updated");
    }
}

void Import::calendar(const Poco::JSON::Array::Ptr &list)
{
    std::map<int, std::map<Date, std::optional<std::string>>> stored;
    for (const auto &schedule : m_catalog.calendarSchedules(m_tx))
        stored[schedule.year] = schedule.days();
    std::set<int> seen;
    for (const auto &[item, prefix] : items(list, "calendar")) {
        const std::size_t problems = m_errors.list().size();
        const HolidaySchedule schedule = HolidaySchedule::fromJson(item, std::nullopt, m_errors, prefix);
        if (m_errors.list().size() == problems && !seen.insert(schedule.year).second)
            m_errors.add(prefix + "year", "Each year once.", "duplicate");
        if (m_errors.list().size() > problems)
            continue;
        auto line = newObject();
        line->set("year", schedule.year);
        if (stored[schedule.year] == schedule.days()) {
            note("calendar", line, "unchanged");
        } else {
            m_catalog.replaceCalendarYear(m_tx, schedule, m_actor);
            note("calendar", line, "replaced");
        }
    }
}

} // namespace

CatalogExchange::CatalogExchange(Database &db, const Clock &clock, Catalog &catalog, MatterVersions &versions,
                                 AuditTrail &audit)
    : m_db(db), m_clock(clock), m_catalog(catalog), m_versions(versions), m_audit(audit)
{
}

Poco::JSON::Object::Ptr CatalogExchange::exportCatalog(const Principal &user)
{
    AuthorizationPolicy::require(user, Cap::EditCatalog);
    Transaction tx(m_db, Transaction::Mode::Read);
    auto o = newObject();
    o->set("exportedAt", m_clock.now());
    o->set("departments", m_catalog.departments(tx)->getArray("items"));
    o->set("centers", m_catalog.centers(tx)->getArray("items"));
    auto matters = newArray();
    for (const DbRow &row : tx.query("SELECT code FROM matters ORDER BY code")) {
        if (const auto published = MatterVersions::latestPublished(tx, row.text("code"))) {
            auto matter = published->definition.toJson();
            matter->set("validFrom", published->validFrom ? Poco::Dynamic::Var(toIsoString(*published->validFrom))
                                                          : Poco::Dynamic::Var());
            matters->add(matter);
        }
    }
    o->set("matters", matters);
    o->set("bundles", m_catalog.listBundles(tx)->getArray("items"));
    auto calendar = newArray();
    for (const auto &schedule : m_catalog.calendarSchedules(tx))
        calendar->add(schedule.toJson());
    o->set("calendar", calendar);
    return o;
}

Response CatalogExchange::importCatalog(const Principal &user, const std::string &idempotencyKey,
                                        const std::string &body)
{
    AuthorizationPolicy::require(user, Cap::EditCatalog);
    AuthorizationPolicy::require(user, Cap::EditCalendar);
    const auto json = parseObject(body);
    const IdempotencyStore idempotency(user.username, idempotencyKey, "catalog-import\n" + body);
    const Catalog::Changing changing(m_catalog);
    Transaction tx(m_db, Transaction::Mode::Write);
    Catalog::lockForAdministration(tx);
    if (auto answered = idempotency.replay(tx))
        return *answered;
    Import import(tx, m_catalog, m_versions, m_audit, user.username, m_clock.today());
    // In this order: a matter's department, a bundle's matters are those of the catalog as
    // imported so far.
    const std::pair<const char *, void (Import::*)(const Poco::JSON::Array::Ptr &)> parts[] = {
        {"departments", &Import::departments}, {"centers", &Import::centers}, {"matters", &Import::matters},
        {"bundles", &Import::bundles},         {"calendar", &Import::calendar}};
    for (const auto &[part, importPart] : parts) {
        if (const auto list = optArray(json, part))
            (import.*importPart)(list);
        else if (json->has(part) && !json->isNull(part))
            import.errors().add(part, "A list.", "invalid");
    }
    import.errors().throwIfAny();
    m_audit.append(tx, {}, user.username, "catalog_imported", import.summary());
    Response r = Response::json(200, import.report());
    idempotency.record(tx, r, m_clock.now());
    tx.commit();
    return r;
}

} // namespace onewindow::server
