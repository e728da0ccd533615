#include "catalog/demodata.h"

#include "audit/audittrail.h"
#include "auth/passwords.h"
#include "catalog/catalog.h"
#include "catalog/holidayschedule.h"
#include "clock.h"
#include "db/database.h"
#include "db/migrations.h"
#include "http/problem.h"
#include "json.h"

#include <spdlog/spdlog.h>

#include <future>
#include <stdexcept>

namespace onewindow::server {

namespace {

constexpr const char *kDemoPassword = "OneWindow-demo-1";
// In settings while users may still have the demo password.
constexpr const char *kDemoMarker = "demo_data_loaded";

// Each matter with its own reasons followed by the hall's common ones (a matter's list is what
// its refusals and decisions offer).
void insertMatters(Transaction &tx, Catalog &catalog, const Poco::JSON::Array::Ptr &matters,
                   const Poco::JSON::Array::Ptr &commonReasons)
{
    for (std::size_t i = 0; i < matters->size(); ++i) {
        Poco::JSON::Object::Ptr m = new Poco::JSON::Object(*matters->getObject(static_cast<unsigned>(i)));
        auto reasons = newArray();
        if (auto own = optArray(m, "reasons"))
            for (std::size_t r = 0; r < own->size(); ++r)
                reasons->add(own->get(static_cast<unsigned>(r)));
        for (std::size_t r = 0; r < commonReasons->size(); ++r)
            reasons->add(commonReasons->get(static_cast<unsigned>(r)));
        m->set("reasons", reasons);
        FieldErrors errors;
        MatterDefinition d = MatterDefinition::fromJson(m, errors);
        d.code = m->getValue<std::string>("code");
        if (!errors.empty())
            throw std::runtime_error("demo matter " + d.code + " is invalid");
        catalog.insertMatter(tx, d, "demo");
    }
}

} // namespace

bool loadDemoData(Database &db, Catalog &catalog, const Clock &clock)
{
    const auto data = parseStoredObject(demoCatalogJson());
    const auto users = data->getArray("users");
    // Hash the passwords first, in parallel and outside the transaction: the KDF is slow on purpose.
    std::vector<std::future<std::string>> hashes;
    for (std::size_t i = 0; i < users->size(); ++i)
        hashes.push_back(std::async(std::launch::async, [] { return PasswordHasher::hash(kDemoPassword); }));

    Transaction tx(db, Transaction::Mode::Write);
    lockForTransaction(tx, 7004);
    if (tx.queryOne("SELECT COUNT(*) AS n FROM users")->integer("n") > 0)
        return false;

    const auto centers = data->getArray("centers");
    // Halls first, so that a village centre's parent exists.
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t i = 0; i < centers->size(); ++i) {
            const auto c = centers->getObject(static_cast<unsigned>(i));
            const auto parent = optString(c, "parent");
            if ((pass == 0) == parent.has_value())
                continue;
            tx.execute("INSERT INTO centers (code, name, parent, kind) VALUES (?, ?, ?, ?)",
                       {c->getValue<std::string>("code"), c->getValue<std::string>("name"),
                        parent ? DbValue{*parent} : DbValue{}, c->getValue<std::string>("kind")});
        }
    }
    const auto departments = data->getArray("departments");
    for (std::size_t i = 0; i < departments->size(); ++i) {
        const auto d = departments->getObject(static_cast<unsigned>(i));
        tx.execute("INSERT INTO departments (code, name) VALUES (?, ?)",
                   {d->getValue<std::string>("code"), d->getValue<std::string>("name")});
    }
    const std::string now = clock.now();
    for (std::size_t i = 0; i < users->size(); ++i) {
        const auto u = users->getObject(static_cast<unsigned>(i));
        const auto center = optString(u, "center");
        const auto department = optString(u, "department");
        const auto phone = optString(u, "phone");
        const std::string username = u->getValue<std::string>("username");
        const std::string hash = hashes[i].get();
        tx.execute("INSERT INTO users (username, display_name, role, center, department, password_hash, phone, "
                   "password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   {username, u->getValue<std::string>("displayName"), u->getValue<std::string>("role"),
                    center ? DbValue{*center} : DbValue{}, department ? DbValue{*department} : DbValue{}, hash,
                    phone ? DbValue{*phone} : DbValue{}, now});
        tx.execute("INSERT INTO password_history (username, password_hash, set_at) VALUES (?, ?, ?)",
                   {username, hash, now});
    }
    const auto matters = data->getArray("matters");
    insertMatters(tx, catalog, matters, data->getArray("reasons"));
    const auto bundles = data->getArray("bundles");
    for (std::size_t i = 0; i < bundles->size(); ++i) {
        const auto b = bundles->getObject(static_cast<unsigned>(i));
        const auto list = b->getArray("matters");
        std::string codes;
        for (std::size_t j = 0; j < list->size(); ++j)
            codes += (j ? "," : "") + list->getElement<std::string>(static_cast<unsigned>(j));
        tx.execute("INSERT INTO bundles (code, name, matters) VALUES (?, ?, ?)",
                   {b->getValue<std::string>("code"), b->getValue<std::string>("name"), codes});
    }
    const auto licenses = data->getArray("licenses");
    for (std::size_t i = 0; i < licenses->size(); ++i) {
        const auto l = licenses->getObject(static_cast<unsigned>(i));
        const auto valid = optString(l, "validUntil");
        tx.execute("INSERT INTO licenses (holder, type, number, issuer, valid_until, trust) VALUES (?, ?, ?, ?, ?, ?)",
                   {l->getValue<std::string>("holder"), l->getValue<std::string>("type"),
                    l->getValue<std::string>("number"), l->getValue<std::string>("issuer"),
                    valid ? DbValue{*valid} : DbValue{}, l->getValue<std::string>("trust")});
    }
    tx.execute("INSERT INTO settings (key, value) VALUES (?, ?)", {std::string(kDemoMarker), now});
    tx.commit();
    spdlog::info("demo data loaded: {} users, {} matters, {} bundles", users->size(), matters->size(),
                 bundles->size());
    return true;
}

std::vector<std::string> usersWithDemoPassword(Database &db)
{
    std::vector<std::pair<std::string, std::string>> users;
    {
        Transaction tx(db, Transaction::Mode::Read);
        if (!tx.queryOne("SELECT value FROM settings WHERE key = ?", {std::string(kDemoMarker)}))
            return {};
        for (const DbRow &row : tx.query("SELECT username, password_hash FROM users WHERE disabled = 0 ORDER BY username"))
            users.emplace_back(row.text("username"), row.text("password_hash"));
    }
    std::vector<std::future<bool>> checks;
    for (const auto &user : users)
        checks.push_back(std::async(std::launch::async,
                                    [hash = user.second] { return PasswordHasher::verify(kDemoPassword, hash); }));
    std::vector<std::string> found;
    for (std::size_t i = 0; i < users.size(); ++i) {
        if (checks[i].get())
            found.push_back(users[i].first);
    }
    if (found.empty()) {
        Transaction tx(db, Transaction::Mode::Write);
        tx.execute("DELETE FROM settings WHERE key = ?", {std::string(kDemoMarker)});
        tx.commit();
        spdlog::info("no user has the demo password any more: the database is no longer a demo");
    }
    return found;
}

int loadHolidaySchedules(Database &db, AuditTrail &audit)
{
    const auto schedules = parseStoredArray(holidaySchedulesJson());
    int written = 0;
    Transaction tx(db, Transaction::Mode::Write);
    lockForTransaction(tx, 7005);
    for (std::size_t i = 0; i < schedules->size(); ++i) {
        FieldErrors errors;
        const auto schedule = HolidaySchedule::fromJson(schedules->getObject(static_cast<unsigned>(i)), std::nullopt,
                                                        errors);
        if (!errors.empty())
            throw std::runtime_error("holiday schedule " + std::to_string(schedule.year) + " is invalid");
        const std::string year = std::to_string(schedule.year);
        if (tx.queryOne("SELECT COUNT(*) AS n FROM calendar_days WHERE day LIKE ?", {year + "-%"})->integer("n") > 0)
            continue;
        Catalog::writeCalendarYear(tx, schedule);
        const std::size_t days = schedule.days().size();
        written += static_cast<int>(days);
        audit.append(tx, {}, "system", "calendar_year_loaded",
                     year + ": " + std::to_string(days - schedule.adjustedWorkingDays.size()) + " holiday days, "
                         + std::to_string(schedule.adjustedWorkingDays.size())
                         + " adjusted working days, from the official schedule built into the server");
        spdlog::info("holiday schedule {} loaded into the calendar", year);
    }
    tx.commit();
    return written;
}

} // namespace onewindow::server
