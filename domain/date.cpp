#include "domain/date.h"

#include <charconv>
#include <cstdio>

namespace onewindow {

namespace {

std::optional<unsigned> parseDigits(std::string_view text)
{
    unsigned value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    return value;
}

} // namespace

std::optional<Date> parseIsoDate(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    const auto y = parseDigits(text.substr(0, 4));
    const auto m = parseDigits(text.substr(5, 2));
    const auto d = parseDigits(text.substr(8, 2));
    if (!y || !m || !d)
        return std::nullopt;
    const Date date{std::chrono::year{static_cast<int>(*y)}, std::chrono::month{*m}, std::chrono::day{*d}};
    if (!date.ok())
        return std::nullopt;
    return date;
}

std::string toIsoString(const Date &date)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

unsigned isoWeekday(const Date &date)
{
    return std::chrono::weekday{std::chrono::sys_days{date}}.iso_encoding();
}

Date addCalendarDays(const Date &date, int days)
{
    return Date{std::chrono::sys_days{date} + std::chrono::days{days}};
}

int daysBetween(const Date &from, const Date &to)
{
    return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

} // namespace onewindow
