#include "stats/casefigures.h"

#include "catalog/catalog.h"
#include "db/database.h"
#include "db/sqltext.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <sstream>

namespace onewindow::server {

const std::array<const char *, kFigureCount> &figureColumns()
{
    static const std::array<const char *, kFigureCount> columns{
        "cases",        "refused",     "with_deficiency", "returned",         "approved",
        "rejected",     "terminated",  "delivered",       "decided",          "within_promised",
        "within_legal", "deficiencies", "supplied_in_time", "supplied_late",  "waived",
        "deficiencies_terminated", "outstanding", "rated", "level_1",          "level_2",
        "level_3",      "level_4",     "level_5",         "follow_ups",       "open_follow_ups"};
    return columns;
}

namespace {

std::vector<std::string> split(const std::string &text, char separator)
{
    std::vector<std::string> out;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, separator))
        out.push_back(part);
    if (!text.empty() && text.back() == separator)
        out.emplace_back();
    return out;
}

} // namespace

std::string monthPeriod(const std::string &isoDay)
{
    return "M" + isoDay.substr(0, 7);
}

CaseFigures CaseFigures::of(const CaseFacts &facts, const WorkCalendar &calendar)
{
    CaseFigures out;
    auto &v = out.values;
    const auto set = [&v](Figure f, std::int64_t value) { v[static_cast<std::size_t>(f)] = value; };
    const auto count = [&v](Figure f) { ++v[static_cast<std::size_t>(f)]; };
    const bool refused = facts.status == "not_accepted";
    const bool terminated = facts.status == "terminated";
    set(Figure::Cases, 1);
    set(Figure::Refused, refused ? 1 : 0);
    set(Figure::WithDeficiency, !refused && !facts.deficiencies.empty() ? 1 : 0);
    set(Figure::Returned, static_cast<std::int64_t>(facts.reachedStates.count("returned_for_correction")));
    set(Figure::Approved, static_cast<std::int64_t>(facts.reachedStates.count("approved")));
    set(Figure::Rejected, static_cast<std::int64_t>(facts.reachedStates.count("rejected")));
    set(Figure::Terminated, terminated ? 1 : 0);
    set(Figure::Delivered, facts.delivered ? 1 : 0);
    if (!facts.decidedOn.empty()) {
        set(Figure::Decided, 1);
        set(Figure::WithinPromised, facts.decidedOn <= facts.promisedDue ? 1 : 0);
        set(Figure::WithinLegal, facts.decidedOn <= facts.legalDue ? 1 : 0);
        const auto accepted = parseIsoDate(facts.acceptedOn);
        const auto decided = parseIsoDate(facts.decidedOn);
        if (accepted && decided)
            out.handlingDays = calendar.workingDaysBetween(*accepted, *decided);
    }
    set(Figure::Deficiencies, static_cast<std::int64_t>(facts.deficiencies.size()));
    for (const CaseFacts::Deficiency &d : facts.deficiencies) {
        if (d.status == "supplied")
            count(d.suppliedOn <= d.dueDate ? Figure::SuppliedInTime : Figure::SuppliedLate);
        else if (d.status == "waived")
            count(Figure::Waived);
        else if (terminated)
            count(Figure::DeficienciesTerminated);
        else
            count(Figure::Outstanding);
    }
    set(Figure::Rated, static_cast<std::int64_t>(facts.ratings.size()));
    for (const int level : facts.ratings)
        count(static_cast<Figure>(static_cast<int>(Figure::Level1) + std::clamp(level, 1, 5) - 1));
    set(Figure::FollowUps, facts.followUps);
    set(Figure::OpenFollowUps, facts.openFollowUps);

    const std::string month = monthPeriod(facts.acceptedOn);
    const auto key = [&](const std::string &department, const std::string &matter) {
        for (const std::string *period : {&facts.acceptedOn, &month}) {
            CounterKey k{department, matter, *period, facts.center};
            if (std::find(out.keys.begin(), out.keys.end(), k) == out.keys.end())
                out.keys.push_back(std::move(k));
        }
    };
    key("", "");
    for (const std::string &department : facts.departments)
        key(department, "");
    for (const auto &[department, matter] : facts.parts)
        key(department, matter);
    std::sort(out.keys.begin(), out.keys.end());
    return out;
}

std::string CaseFigures::keysText() const
{
    std::string out;
    for (const CounterKey &k : keys)
        out += (out.empty() ? "" : ";") + k.department + "|" + k.matter + "|" + k.day + "|" + k.center;
    return out;
}

const std::string &CaseFigures::storedColumns()
{
    static const std::string columns = [] {
        std::string out = "counter_keys, handling_days";
        for (const char *column : figureColumns())
            out += std::string(", ") + column;
        return out;
    }();
    return columns;
}

std::vector<DbValue> CaseFigures::storedValues() const
{
    std::vector<DbValue> out{keysText(), handlingDays ? DbValue{std::int64_t{*handlingDays}} : DbValue{}};
    out.insert(out.end(), values.begin(), values.end());
    return out;
}

CaseFigures CaseFigures::fromStored(const DbRow &row)
{
    CaseFigures out;
    for (const std::string &key : split(row.text("counter_keys"), ';')) {
        const std::vector<std::string> parts = split(key, '|');
        if (parts.size() == 4)
            out.keys.push_back({parts[0], parts[1], parts[2], parts[3]});
    }
    if (!row.isNull("handling_days"))
        out.handlingDays = static_cast<int>(row.integer("handling_days"));
    for (std::size_t i = 0; i < kFigureCount; ++i)
        out.values[i] = row.integer(figureColumns()[i]);
    return out;
}

void FigureTotals::add(const CaseFigures &figures, int sign)
{
    for (const CounterKey &key : figures.keys) {
        auto &sums = m_values[key];
        for (std::size_t i = 0; i < kFigureCount; ++i)
            sums[i] += sign * figures.values[i];
        if (figures.handlingDays)
            m_handling[{key, *figures.handlingDays}] += sign;
    }
}

namespace {

/// Up to this many rows per INSERT: fewer round trips, within every database's limit of
/// parameters (29 a row).
constexpr std::size_t kRowsPerUpsert = 100;

/// `INSERT INTO table (keyColumns, sumColumns) VALUES (...) x rows ON CONFLICT (keyColumns) DO
/// UPDATE SET` each sum column added to.
std::string upsertSql(const std::string &table, const std::vector<std::string> &keyColumns,
                      const std::vector<std::string> &sumColumns, std::size_t rows)
{
    std::string columns, keys, sums;
    for (const std::string &c : keyColumns) {
        columns += (columns.empty() ? "" : ", ") + c;
        keys += (keys.empty() ? "" : ", ") + c;
    }
    for (const std::string &c : sumColumns) {
        columns += ", " + c;
        sums += (sums.empty() ? "" : ", ") + c + " = " + table + "." + c + " + excluded." + c;
    }
    return "INSERT INTO " + table + " (" + columns + ") VALUES "
           + valueRows(keyColumns.size() + sumColumns.size(), rows) + " ON CONFLICT (" + keys + ") DO UPDATE SET " + sums;
}

/// Adds `rows` (each its key's values, then its sums) to `table`, kRowsPerUpsert rows a statement,
/// in the order given.
class Upserts
{
public:
    Upserts(std::string table, std::vector<std::string> keyColumns, std::vector<std::string> sumColumns)
        : m_table(std::move(table)), m_keys(std::move(keyColumns)), m_sums(std::move(sumColumns))
    {
    }

    void add(Transaction &tx, std::vector<DbValue> row)
    {
        std::move(row.begin(), row.end(), std::back_inserter(m_params));
        if (++m_rows == kRowsPerUpsert)
            flush(tx);
    }

    void flush(Transaction &tx)
    {
        if (m_rows == 0)
            return;
        std::string &sql = m_sql[m_rows];
        if (sql.empty())
            sql = upsertSql(m_table, m_keys, m_sums, m_rows);
        tx.execute(sql, m_params);
        m_params.clear();
        m_rows = 0;
    }

private:
    std::string m_table;
    std::vector<std::string> m_keys, m_sums;
    std::vector<DbValue> m_params;
    std::size_t m_rows = 0;
    std::map<std::size_t, std::string> m_sql;
};

} // namespace

void FigureTotals::writeTo(Transaction &tx) const
{
    const std::vector<std::string> key{"department", "matter", "day", "center"};
    Upserts counts("stats_counts", key, {figureColumns().begin(), figureColumns().end()});
    for (const auto &[k, sums] : m_values) {
        if (std::all_of(sums.begin(), sums.end(), [](std::int64_t s) { return s == 0; }))
            continue;
        std::vector<DbValue> row{k.department, k.matter, k.day, k.center};
        row.insert(row.end(), sums.begin(), sums.end());
        counts.add(tx, std::move(row));
    }
    counts.flush(tx);
    Upserts handling("stats_handling", {"department", "matter", "day", "center", "days"}, {"n"});
    for (const auto &[k, n] : m_handling) {
        if (n != 0)
            handling.add(tx, {k.first.department, k.first.matter, k.first.day, k.first.center,
                              std::int64_t{k.second}, n});
    }
    handling.flush(tx);
}

void FigureCounters::observe(Database &db)
{
    db.setCaseObserver([this](Transaction &tx, const std::vector<std::string> &caseIds) { recount(tx, caseIds); });
}

std::optional<CaseFacts> FigureCounters::factsOf(Transaction &tx, const std::string &caseId)
{
    const auto row = tx.queryOne("SELECT SUBSTR(accepted_at, 1, 10) AS accepted_on, center, status, departments, "
                                 "promised_due_date, legal_due_date FROM cases WHERE id = ?",
                                 {caseId});
    if (!row)
        return std::nullopt;
    CaseFacts facts;
    facts.acceptedOn = row->text("accepted_on");
    facts.center = row->text("center");
    facts.status = row->text("status");
    facts.promisedDue = row->text("promised_due_date");
    facts.legalDue = row->text("legal_due_date");
    for (const std::string &department : split(row->text("departments"), ',')) {
        if (!department.empty())
            facts.departments.push_back(department);
    }
    for (const DbRow &part : tx.query("SELECT department, matter FROM case_parts WHERE case_id = ?", {caseId}))
        facts.parts.emplace_back(part.text("department"), part.text("matter"));
    std::string decidedAt;
    for (const DbRow &h : tx.query("SELECT to_state, at FROM case_history WHERE case_id = ?", {caseId})) {
        const std::string state = h.text("to_state");
        facts.reachedStates.insert(state);
        if ((state == "approved" || state == "rejected") && (decidedAt.empty() || h.text("at") < decidedAt))
            decidedAt = h.text("at");
    }
    facts.decidedOn = decidedAt.substr(0, 10);
    facts.delivered = tx.queryOne("SELECT case_id FROM case_deliveries WHERE case_id = ?", {caseId}).has_value();
    for (const DbRow &d : tx.query("SELECT status, due_date, SUBSTR(supplied_at, 1, 10) AS supplied_on FROM "
                                   "deficiencies WHERE case_id = ?",
                                   {caseId}))
        facts.deficiencies.push_back({d.text("status"), d.text("due_date"), d.text("supplied_on")});
    for (const DbRow &e : tx.query("SELECT level FROM evaluations WHERE case_id = ?", {caseId}))
        facts.ratings.push_back(static_cast<int>(e.integer("level")));
    const DbRow follow = *tx.queryOne("SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN closed_at IS NULL THEN 1 ELSE "
                                      "0 END), 0) AS open_count FROM follow_ups WHERE case_id = ?",
                                      {caseId});
    facts.followUps = static_cast<int>(follow.integer("total"));
    facts.openFollowUps = static_cast<int>(follow.integer("open_count"));
    return facts;
}

void FigureCounters::recount(Transaction &tx, const std::vector<std::string> &caseIds)
{
    const WorkCalendar calendar = m_catalog.calendar(tx, Catalog::Freshness::Recent);
    // PostgreSQL: the case's row of figures is ours until the commit, so that two transactions
    // changing one case count it one after the other.
    const std::string lock = tx.dialect() == Database::Dialect::PostgreSQL ? " FOR UPDATE" : "";
    FigureTotals totals;
    static const std::string update = [] {
        std::string assignments = "counter_keys = ?, handling_days = ?";
        for (const char *column : figureColumns())
            assignments += std::string(", ") + column + " = ?";
        return "UPDATE case_figures SET " + assignments + " WHERE case_id = ?";
    }();
    static const std::string insert = [] {
        std::string marks = "?";
        for (std::size_t i = 0; i < kFigureCount + 2; ++i)
            marks += ", ?";
        return "INSERT INTO case_figures (case_id, " + CaseFigures::storedColumns() + ") VALUES (" + marks + ")";
    }();
    for (const std::string &caseId : caseIds) {
        const auto kept = tx.queryOne(
            "SELECT " + CaseFigures::storedColumns() + " FROM case_figures WHERE case_id = ?" + lock, {caseId});
        const auto facts = factsOf(tx, caseId);
        if (!facts)
            continue;
        const CaseFigures now = CaseFigures::of(*facts, calendar);
        std::vector<DbValue> params = now.storedValues();
        if (kept) {
            const CaseFigures before = CaseFigures::fromStored(*kept);
            if (before == now)
                continue;
            totals.add(before, -1);
            params.emplace_back(caseId);
            tx.execute(update, params);
        } else {
            params.insert(params.begin(), caseId);
            tx.execute(insert, params);
        }
        totals.add(now);
    }
    totals.writeTo(tx);
}

std::size_t FigureCounters::catchUp(Database &db)
{
    std::size_t counted = 0;
    for (;;) {
        Transaction tx(db, Transaction::Mode::Write);
        std::vector<std::string> ids;
        for (const DbRow &row : tx.query("SELECT case_id FROM figures_backlog ORDER BY case_id LIMIT 1000"))
            ids.push_back(row.text("case_id"));
        if (ids.empty())
            break;
        recount(tx, ids);
        for (const std::string &id : ids)
            tx.execute("DELETE FROM figures_backlog WHERE case_id = ?", {id});
        tx.commit();
        counted += ids.size();
    }
    if (counted > 0)
        spdlog::info("figures: {} case(s) counted", counted);
    return counted;
}

} // namespace onewindow::server
