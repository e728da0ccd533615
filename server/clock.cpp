#include "clock.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/LocalDateTime.h>
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>

#include <ctime>

namespace onewindow::server {

namespace {

// The local time at `at`. The offset comes from localtime_r, which (unlike Poco::LocalDateTime's
// own lookup) does not go back to the time zone files on every call: the server asks the time
// several times a request.
Poco::LocalDateTime localAt(const Poco::Timestamp &at)
{
    const std::time_t seconds = at.epochTime();
    std::tm local{};
    localtime_r(&seconds, &local);
    return Poco::LocalDateTime(static_cast<int>(local.tm_gmtoff), Poco::DateTime(at), true);
}

Poco::LocalDateTime localNow(const std::optional<Date> &today, std::optional<int> secondsOfDay = std::nullopt)
{
    const Poco::LocalDateTime real = localAt(Poco::Timestamp());
    if (!today)
        return real;
    if (secondsOfDay)
        return Poco::LocalDateTime(real.tzd(), static_cast<int>(today->year()), static_cast<unsigned>(today->month()),
                                   static_cast<unsigned>(today->day()), *secondsOfDay / 3600 % 24,
                                   *secondsOfDay / 60 % 60, *secondsOfDay % 60, 0, 0);
    return Poco::LocalDateTime(real.tzd(), static_cast<int>(today->year()), static_cast<unsigned>(today->month()),
                               static_cast<unsigned>(today->day()), real.hour(), real.minute(), real.second(),
                               real.millisecond(), 0);
}

} // namespace

Date Clock::today() const
{
    if (m_today)
        return *m_today;
    const Poco::LocalDateTime now = localNow(std::nullopt);
    return Date{std::chrono::year{now.year()}, std::chrono::month{static_cast<unsigned>(now.month())},
                std::chrono::day{static_cast<unsigned>(now.day())}};
}

std::string Clock::now() const
{
    return Poco::DateTimeFormatter::format(localNow(m_today, m_secondsOfDay), Poco::DateTimeFormat::ISO8601_FRAC_FORMAT);
}

std::string Clock::realNow() const
{
    return Poco::DateTimeFormatter::format(localNow(std::nullopt), Poco::DateTimeFormat::ISO8601_FRAC_FORMAT);
}

std::int64_t Clock::epochSeconds() const
{
    return static_cast<std::int64_t>(localNow(m_today, m_secondsOfDay).utc().timestamp().epochTime());
}

bool Clock::isMorning() const
{
    return localNow(m_today, m_secondsOfDay).hour() < 12;
}

std::string Clock::secondsAgo(long seconds) const
{
    const Poco::LocalDateTime now = localNow(m_today, m_secondsOfDay);
    const Poco::LocalDateTime then(now.tzd(), now.utc() - Poco::Timespan(seconds, 0), true);
    return Poco::DateTimeFormatter::format(then, Poco::DateTimeFormat::ISO8601_FRAC_FORMAT);
}

} // namespace onewindow::server
