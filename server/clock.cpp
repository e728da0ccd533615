#include "clock.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/LocalDateTime.h>
#include <Poco/Timespan.h>

namespace onewindow::server {

namespace {

Poco::LocalDateTime localNow(const std::optional<Date> &today)
{
    Poco::LocalDateTime real;
    if (!today)
        return real;
    return Poco::LocalDateTime(real.tzd(), static_cast<int>(today->year()), static_cast<unsigned>(today->month()),
                               static_cast<unsigned>(today->day()), real.hour(), real.minute(), real.second(),
                               real.millisecond(), 0);
}

} // namespace

Date Clock::today() const
{
    if (m_today)
        return *m_today;
    const Poco::LocalDateTime now;
    return Date{std::chrono::year{now.year()}, std::chrono::month{static_cast<unsigned>(now.month())},
                std::chrono::day{static_cast<unsigned>(now.day())}};
}

std::string Clock::now() const
{
    return Poco::DateTimeFormatter::format(localNow(m_today), Poco::DateTimeFormat::ISO8601_FRAC_FORMAT);
}

bool Clock::isMorning() const
{
    return localNow(m_today).hour() < 12;
}

std::string Clock::secondsAgo(long seconds) const
{
    Poco::LocalDateTime then = localNow(m_today);
    then -= Poco::Timespan(seconds, 0);
    return Poco::DateTimeFormatter::format(then, Poco::DateTimeFormat::ISO8601_FRAC_FORMAT);
}

} // namespace onewindow::server
