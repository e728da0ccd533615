#pragma once

#include "domain/date.h"

#include <cstdint>
#include <optional>
#include <string>

namespace onewindow::server {

/// Today's date and the time, in the server's local time zone; `--today` pretends another date
/// (the time of day stays real) for demos and tests.
class Clock
{
public:
    explicit Clock(std::optional<Date> pretendToday = std::nullopt) : m_today(pretendToday) {}

    Date today() const;
    /// ISO 8601 with offset, e.g. 2026-11-28T09:15:02+08:00.
    std::string now() const;
    /// The real time, same format, whatever `--today` pretends: what a client compares its own
    /// clock with.
    std::string realNow() const;
    /// Now minus `seconds`, same format (for windows such as the login lockout).
    std::string secondsAgo(long seconds) const;
    /// Now as seconds since 1970 (UTC), on the pretended day: for counting seconds (throttling).
    std::int64_t epochSeconds() const;
    bool pretending() const { return m_today.has_value(); }
    /// From now on pretends `today`, and the time of day `secondsOfDay` after midnight when given
    /// (for filling a demonstration's history day by day; not while requests are served).
    void pretend(const Date &today, std::optional<int> secondsOfDay = std::nullopt)
    {
        m_today = today;
        m_secondsOfDay = secondsOfDay;
    }
    /// Before noon, local time: a half-day limit started now ends this evening.
    bool isMorning() const;

private:
    std::optional<Date> m_today;
    std::optional<int> m_secondsOfDay;
};

} // namespace onewindow::server
