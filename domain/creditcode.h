#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace onewindow {

/// A unified social credit code (统一社会信用代码) per GB 32100-2015: 18 characters from the
/// alphabet 0-9 A-Y without I O Z S V; the last is a MOD 31 check character.
class CreditCode
{
public:
    enum class Problem {
        None,
        Empty,
        Length,          ///< not 18 characters
        Characters,      ///< a character outside the alphabet (I, O, Z, S, V are never used)
        Region,          ///< positions 3-8 (administrative region) are not digits
        CheckCharacter,  ///< the 18th character does not match the first 17
    };

    /// Validates `text`; lowercase letters are accepted and normalized.
    static Problem check(std::string_view text);
    static std::optional<CreditCode> parse(std::string_view text);

    /// The check character for the first 17 characters, or '\0' if they are not valid.
    static char checkCharacter(std::string_view first17);
    static const char *problemCode(Problem problem);

    const std::string &text() const { return m_text; }
    /// Positions 3-8: the administrative region of registration.
    std::string regionCode() const { return m_text.substr(2, 6); }

    friend bool operator==(const CreditCode &, const CreditCode &) = default;

private:
    explicit CreditCode(std::string text) : m_text(std::move(text)) {}
    std::string m_text;
};

} // namespace onewindow
