#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace onewindow {

/// A calendar date without time zone: deadlines in working days are dates.
using Date = std::chrono::year_month_day;

/// Parses an ISO 8601 calendar date (YYYY-MM-DD); nullopt unless it names a real date.
std::optional<Date> parseIsoDate(std::string_view text);

/// Formats as YYYY-MM-DD.
std::string toIsoString(const Date &date);

/// Monday = 1 ... Sunday = 7.
unsigned isoWeekday(const Date &date);

Date addCalendarDays(const Date &date, int days);

/// Calendar days from `from` to `to` (negative if `to` is earlier).
int daysBetween(const Date &from, const Date &to);

} // namespace onewindow
