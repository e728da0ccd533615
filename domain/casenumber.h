#pragma once

#include "domain/date.h"

#include <optional>
#include <string>
#include <string_view>

namespace onewindow {

/// A human-readable case number, unique per centre and day: `SZ-20261128-00001`. The centre
/// code may itself contain dashes (`SZ-V01-20261128-00001`). The sequence comes from the
/// database; at least five digits are written.
class CaseNumber
{
public:
    static std::optional<CaseNumber> make(std::string_view centreCode, const Date &date, long sequence);
    static std::optional<CaseNumber> parse(std::string_view text);
    /// Centre codes: upper-case letters and digits, in dash-separated groups, at most 16 characters.
    static bool isValidCentreCode(std::string_view code);

    const std::string &centreCode() const { return m_centre; }
    const Date &date() const { return m_date; }
    long sequence() const { return m_sequence; }
    std::string text() const;

    friend bool operator==(const CaseNumber &, const CaseNumber &) = default;

private:
    CaseNumber(std::string centre, Date date, long sequence)
        : m_centre(std::move(centre)), m_date(date), m_sequence(sequence) {}
    std::string m_centre;
    Date m_date;
    long m_sequence = 0;
};

} // namespace onewindow
