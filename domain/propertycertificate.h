#pragma once

#include "domain/date.h"

#include <optional>
#include <string>
#include <string_view>

namespace onewindow {

/// The number of a real estate title certificate (不动产权证书号) as the registration authority
/// prints it: the province's one-character abbreviation, the year of registration in
/// parentheses, the city or county that registered it, 不动产权第, seven digits and 号, e.g.
/// 苏(2026)吴江区不动产权第0001234号. The parentheses may be ASCII or full-width; text is UTF-8.
class PropertyCertificateNumber
{
public:
    /// Unified real estate registration, and with it this certificate, began in 2015.
    static constexpr int kFirstYear = 2015;

    enum class Problem {
        None,
        Empty,
        Province, ///< the first character is not a province's abbreviation (苏, 浙, 京, ...)
        Year, ///< no four-digit year in parentheses after it, or a year before 2015 or after today's
        District, ///< the city or county is not two to twenty Chinese characters
        Sequence, ///< it does not end in 不动产权第, seven digits and 号
    };

    /// Validates `text`. With `today`, a year after today's is refused.
    static Problem check(std::string_view text, std::optional<Date> today = std::nullopt);
    static std::optional<PropertyCertificateNumber> parse(
        std::string_view text, std::optional<Date> today = std::nullopt);
    /// Stable English code of a problem, as used in APIs and logs (e.g. "sequence").
    static const char *problemCode(Problem problem);

    /// The number with ASCII parentheses: 苏(2026)吴江区不动产权第0001234号.
    const std::string &text() const { return m_text; }
    const std::string &province() const { return m_province; }
    int year() const { return m_year; }
    const std::string &district() const { return m_district; }
    const std::string &sequence() const { return m_sequence; }

    friend bool operator==(const PropertyCertificateNumber &, const PropertyCertificateNumber &) = default;

private:
    PropertyCertificateNumber() = default;
    std::string m_text;
    std::string m_province;
    int m_year = 0;
    std::string m_district;
    std::string m_sequence;
};

} // namespace onewindow
