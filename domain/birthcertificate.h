#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace onewindow {

/// The number of a birth medical certificate (出生医学证明编号), which the birth registration
/// of a newborn (新生儿出生登记) asks for: a capital letter (the certificate's print series) and
/// nine digits, the first two the code of the province that issued it, e.g. X320101001.
class BirthCertificateNumber
{
public:
    enum class Problem {
        None,
        Empty,
        Length, ///< not ten characters
        Characters, ///< not a letter followed by nine digits
        Province, ///< the first two digits are not a province's code (11 to 65)
    };

    /// Validates `text`; a lowercase letter is accepted and normalized.
    static Problem check(std::string_view text);
    static std::optional<BirthCertificateNumber> parse(std::string_view text);
    /// Stable English code of a problem, as used in APIs and logs (e.g. "province").
    static const char *problemCode(Problem problem);

    const std::string &text() const { return m_text; }
    /// The two-digit code of the issuing province, e.g. "32" for Jiangsu.
    std::string provinceCode() const { return m_text.substr(1, 2); }

    friend bool operator==(const BirthCertificateNumber &, const BirthCertificateNumber &) = default;

private:
    explicit BirthCertificateNumber(std::string text)
        : m_text(std::move(text))
    { }
    std::string m_text;
};

} // namespace onewindow
