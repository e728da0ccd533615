#include "domain/workcalendar.h"

#include <cmath>

namespace onewindow {

WorkingDays WorkingDays::fromDouble(double days)
{
    return WorkingDays(static_cast<int>(std::lround(days * 2.0)));
}

WorkCalendar::WorkCalendar(const std::vector<Holiday> &holidays, const std::vector<Date> &adjustedWorkingDays)
{
    for (const auto &holiday : holidays) {
        for (const auto &date : holiday.dates)
            addHoliday(date, holiday.name);
    }
    for (const auto &date : adjustedWorkingDays)
        addAdjustedWorkingDay(date);
}

void WorkCalendar::addHoliday(const Date &date, const std::string &name)
{
    m_holidays[date] = name;
    m_adjusted.erase(date);
}

void WorkCalendar::addAdjustedWorkingDay(const Date &date)
{
    m_adjusted.insert(date);
    m_holidays.erase(date);
}

bool WorkCalendar::isWorkingDay(const Date &date) const
{
    if (m_adjusted.contains(date))
        return true;
    if (m_holidays.contains(date))
        return false;
    return isoWeekday(date) <= 5;
}

std::string WorkCalendar::holidayName(const Date &date) const
{
    const auto it = m_holidays.find(date);
    return it == m_holidays.end() ? std::string() : it->second;
}

Date WorkCalendar::addWorkingDays(const Date &from, int n) const
{
    const int step = n >= 0 ? 1 : -1;
    Date date = from;
    for (int remaining = n >= 0 ? n : -n; remaining > 0;) {
        date = addCalendarDays(date, step);
        if (isWorkingDay(date))
            --remaining;
    }
    return date;
}

Date WorkCalendar::nextWorkingDayOnOrAfter(const Date &date) const
{
    Date d = date;
    while (!isWorkingDay(d))
        d = addCalendarDays(d, 1);
    return d;
}

WorkingMoment WorkCalendar::deadline(const WorkingMoment &start, WorkingDays limit) const
{
    // A start on a rest day behaves like the end of the day before the next working day.
    Date base = start.date;
    DayPart part = start.part;
    if (!isWorkingDay(base)) {
        base = addCalendarDays(nextWorkingDayOnOrAfter(base), -1);
        part = DayPart::Afternoon;
    }
    if (limit.wholeDays() == 0 && limit.hasHalf()) {
        // Half a day: the rest of a morning's day, or the next working morning.
        if (part == DayPart::Morning)
            return {base, DayPart::Afternoon};
        return {addWorkingDays(base, 1), DayPart::Morning};
    }
    const Date end = addWorkingDays(base, limit.wholeDays());
    if (limit.hasHalf())
        return {addWorkingDays(end, 1), DayPart::Morning};
    return {end, DayPart::Afternoon};
}

namespace {

int countWorkingDays(const WorkCalendar &calendar, Date after, const Date &through)
{
    int count = 0;
    while (after != through) {
        after = addCalendarDays(after, 1);
        if (calendar.isWorkingDay(after))
            ++count;
    }
    return count;
}

} // namespace

int WorkCalendar::workingDaysBetween(const Date &from, const Date &to) const
{
    if (daysBetween(from, to) >= 0)
        return countWorkingDays(*this, from, to);
    return -countWorkingDays(*this, to, from);
}

} // namespace onewindow
