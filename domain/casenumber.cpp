#include "domain/casenumber.h"

#include <cstdio>

namespace onewindow {

namespace {

bool allDigits(std::string_view s)
{
    if (s.empty())
        return false;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

} // namespace

bool CaseNumber::isValidCentreCode(std::string_view code)
{
    if (code.empty() || code.size() > 16 || code.front() == '-' || code.back() == '-')
        return false;
    char previous = '\0';
    for (char c : code) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok || (c == '-' && previous == '-'))
            return false;
        previous = c;
    }
    return true;
}

std::optional<CaseNumber> CaseNumber::make(std::string_view centreCode, const Date &date, long sequence)
{
    if (!isValidCentreCode(centreCode) || !date.ok() || sequence < 1 || sequence > 999999999L)
        return std::nullopt;
    const int year = static_cast<int>(date.year());
    if (year < 1000 || year > 9999)
        return std::nullopt;
    return CaseNumber(std::string(centreCode), date, sequence);
}

std::string CaseNumber::text() const
{
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04d%02u%02u-%05ld", static_cast<int>(m_date.year()),
                  static_cast<unsigned>(m_date.month()), static_cast<unsigned>(m_date.day()), m_sequence);
    return m_centre + '-' + buffer;
}

std::optional<CaseNumber> CaseNumber::parse(std::string_view text)
{
    const auto lastDash = text.rfind('-');
    if (lastDash == std::string_view::npos || lastDash < 10)
        return std::nullopt;
    const std::string_view sequence = text.substr(lastDash + 1);
    const std::string_view date = text.substr(lastDash - 8, 8);
    if (text[lastDash - 9] != '-' || !allDigits(sequence) || sequence.size() < 5 || sequence.size() > 9
        || !allDigits(date))
        return std::nullopt;
    const std::string_view centre = text.substr(0, lastDash - 9);
    const std::string iso = std::string(date.substr(0, 4)) + '-' + std::string(date.substr(4, 2)) + '-'
                            + std::string(date.substr(6, 2));
    const auto parsedDate = parseIsoDate(iso);
    if (!parsedDate)
        return std::nullopt;
    long seq = 0;
    for (char c : sequence)
        seq = seq * 10 + (c - '0');
    auto number = make(centre, *parsedDate, seq);
    // Round trip: "SZ-20261128-1" or "SZ-20261128-000001" are not canonical.
    if (!number || number->text() != text)
        return std::nullopt;
    return number;
}

} // namespace onewindow
