#pragma once

#include "domain/date.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace onewindow {

/// A time limit in working days, in half-day steps (a promised limit of 0.5 working day exists).
class WorkingDays
{
public:
    constexpr WorkingDays() = default;
    static constexpr WorkingDays fromHalfDays(int halves) { return WorkingDays(halves); }
    static constexpr WorkingDays fromDays(int days) { return WorkingDays(days * 2); }
    /// Rounds to the nearest half day.
    static WorkingDays fromDouble(double days);

    constexpr int halfDays() const { return m_halves; }
    constexpr int wholeDays() const { return m_halves / 2; }
    constexpr bool hasHalf() const { return m_halves % 2 != 0; }
    constexpr double toDouble() const { return m_halves / 2.0; }

    friend constexpr auto operator<=>(WorkingDays, WorkingDays) = default;

private:
    constexpr explicit WorkingDays(int halves) : m_halves(halves) {}
    int m_halves = 0;
};

/// Which half of a working day: a deadline is at noon or at the end of the day.
enum class DayPart { Morning, Afternoon };

/// A moment at half-day precision: the half of the day something happened in, or, for a
/// deadline, the half at whose end it falls.
struct WorkingMoment
{
    Date date;
    DayPart part = DayPart::Afternoon;
    friend bool operator==(const WorkingMoment &, const WorkingMoment &) = default;
};

/// A working-day calendar built from data: Monday to Friday work unless listed as holidays;
/// Saturdays and Sundays rest unless listed as adjusted working days (调休). Years without data
/// follow the weekday rule alone.
class WorkCalendar
{
public:
    struct Holiday
    {
        std::string name;
        std::vector<Date> dates;
    };

    WorkCalendar() = default;
    WorkCalendar(const std::vector<Holiday> &holidays, const std::vector<Date> &adjustedWorkingDays);

    void addHoliday(const Date &date, const std::string &name);
    void addAdjustedWorkingDay(const Date &date);

    bool isWorkingDay(const Date &date) const;
    bool isHoliday(const Date &date) const { return m_holidays.contains(date); }
    bool isAdjustedWorkingDay(const Date &date) const { return m_adjusted.contains(date); }
    /// The holiday's name, or empty.
    std::string holidayName(const Date &date) const;

    /// The n-th working day after `from` (the day itself does not count, as in the law's
    /// counting of periods). n = 0 gives `from` itself; negative n counts backwards.
    Date addWorkingDays(const Date &from, int n) const;

    /// The deadline of a limit that starts at `start`. Whole days count from the next working
    /// day and end at the end of a day; a trailing half day ends at noon of the following
    /// working day. A limit of 0.5 alone ends the same evening when started in the morning, and
    /// at noon of the next working day when started in the afternoon.
    WorkingMoment deadline(const WorkingMoment &start, WorkingDays limit) const;

    /// Working days in (from, to]: addWorkingDays(a, n) == b implies workingDaysBetween(a, b) == n.
    /// Negative when `to` is before `from`.
    int workingDaysBetween(const Date &from, const Date &to) const;

    /// The first working day on or after `date`.
    Date nextWorkingDayOnOrAfter(const Date &date) const;

private:
    std::map<Date, std::string> m_holidays;
    std::set<Date> m_adjusted;
};

} // namespace onewindow
