#pragma once

#include "db/database.h"
#include "domain/workcalendar.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace onewindow::server {

class Catalog;

/// What the figures (GET /stats/summary) count of one case.
enum class Figure {
    Cases,                  ///< every case taken in, refused ones too
    Refused,                ///< not accepted, with a one-time notice
    WithDeficiency,         ///< accepted with at least one deficient material
    Returned,               ///< ever returned for correction
    Approved,               ///< ever approved
    Rejected,               ///< ever rejected
    Terminated,             ///< terminated now
    Delivered,              ///< its result handed out
    Decided,                ///< approved or rejected
    WithinPromised,         ///< decided by the promised due date
    WithinLegal,            ///< decided by the legal due date
    Deficiencies,           ///< deficient materials
    SuppliedInTime,         ///< supplied by their due date
    SuppliedLate,           ///< supplied after it
    Waived,                 ///< waived
    DeficienciesTerminated, ///< still owed when the case was terminated
    Outstanding,            ///< still owed
    Rated,                  ///< ratings given
    Level1,
    Level2,
    Level3,
    Level4,
    Level5,
    FollowUps, ///< call-backs of bad ratings opened
    OpenFollowUps,
    Count
};
inline constexpr std::size_t kFigureCount = static_cast<std::size_t>(Figure::Count);
/// The counters' column of each figure, in the order of Figure.
const std::array<const char *, kFigureCount> &figureColumns();

/// One case's rows as far as the figures are concerned.
struct CaseFacts
{
    std::string acceptedOn; ///< YYYY-MM-DD, the server's calendar
    std::string center;
    std::string status;
    std::vector<std::string> departments;
    std::vector<std::pair<std::string, std::string>> parts; ///< department, matter
    std::set<std::string> reachedStates;                    ///< every state of its history
    std::string decidedOn;                                  ///< the first approval or rejection, or empty
    std::string promisedDue;
    std::string legalDue;
    bool delivered = false;
    struct Deficiency
    {
        std::string status;
        std::string dueDate;
        std::string suppliedOn;
    };
    std::vector<Deficiency> deficiencies;
    std::vector<int> ratings; ///< the level of each rating
    int followUps = 0;
    int openFollowUps = 0;
};

/// Where a case's figures are counted: its day of acceptance and centre, and a grain: the whole
/// case (department and matter empty), each of its departments (matter empty), each of its
/// matters (with the matter's department). A summary reads one grain, so a case of two matters
/// counts once in the hall's totals and once in each matter's. Each case counts under its day
/// and again under its month (monthPeriod: "M2026-11", after every day in the order of text), so
/// that the whole months of a range are read a row per month and centre.
struct CounterKey
{
    std::string department;
    std::string matter;
    std::string day; ///< YYYY-MM-DD, or the month as MYYYY-MM
    std::string center;
    auto operator<=>(const CounterKey &) const = default;
};

/// The counters' period of the month of `isoDay` (YYYY-MM-DD or YYYY-MM): "M" and YYYY-MM.
std::string monthPeriod(const std::string &isoDay);

/// What one case adds to the counters.
struct CaseFigures
{
    std::array<std::int64_t, kFigureCount> values{};
    std::optional<int> handlingDays; ///< working days from acceptance to decision, when decided
    std::vector<CounterKey> keys;

    static CaseFigures of(const CaseFacts &facts, const WorkCalendar &calendar);
    /// As kept in case_figures: its columns after case_id, their values, and back from a row.
    static const std::string &storedColumns();
    std::vector<DbValue> storedValues() const;
    static CaseFigures fromStored(const DbRow &row);
    std::string keysText() const;
    bool operator==(const CaseFigures &other) const = default;

    std::int64_t operator[](Figure f) const { return values[static_cast<std::size_t>(f)]; }
};

/// Sums of many cases' figures, to be added to the counters at once.
class FigureTotals
{
public:
    void add(const CaseFigures &figures, int sign = 1);
    bool empty() const { return m_values.empty() && m_handling.empty(); }
    /// Adds the sums to the counters, key by key in one order (so that writers never wait for
    /// each other in a circle).
    void writeTo(Transaction &tx) const;

private:
    std::map<CounterKey, std::array<std::int64_t, kFigureCount>> m_values;
    std::map<std::pair<CounterKey, int>, std::int64_t> m_handling;
};

/// Keeps the figures' counters (stats_counts, stats_handling) up to date: the database's case
/// observer, called by every write transaction that changed a case, recounts those cases from
/// their rows and adds the difference to the counters in the same commit. Working days are
/// counted on the calendar as it is at that time.
class FigureCounters
{
public:
    explicit FigureCounters(Catalog &catalog) : m_catalog(catalog) {}

    /// Installs recount() as the database's case observer.
    void observe(Database &db);
    void recount(Transaction &tx, const std::vector<std::string> &caseIds);
    /// Counts the cases waiting in figures_backlog (every case when the counters were created),
    /// a thousand per transaction; returns how many.
    std::size_t catchUp(Database &db);

    static std::optional<CaseFacts> factsOf(Transaction &tx, const std::string &caseId);

private:
    Catalog &m_catalog;
};

} // namespace onewindow::server
