#pragma once

#include "domain/date.h"

#include <optional>
#include <string>
#include <string_view>

namespace onewindow {

/// A citizen identity number (公民身份号码) per GB 11643-1999: 6-digit region, 8-digit birth
/// date, 3-digit sequence (odd for men), ISO 7064 MOD 11-2 check character.
class IdNumber
{
public:
    enum class Problem {
        None,
        Empty,
        Length,          ///< not 18 characters
        Characters,      ///< not 17 digits followed by a digit or X
        BirthDate,       ///< positions 7-14 are not a real date, or lie in the future
        CheckCharacter,  ///< the 18th character does not match the first 17
    };
    enum class Sex { Female, Male };

    /// Validates `text` (a lowercase x is accepted and normalized). With `today`, a birth date
    /// after it is refused.
    static Problem check(std::string_view text, std::optional<Date> today = std::nullopt);
    static std::optional<IdNumber> parse(std::string_view text, std::optional<Date> today = std::nullopt);

    /// The check character for the first 17 digits, or '\0' if they are not 17 digits.
    static char checkCharacter(std::string_view first17);

    /// `110105********002X`: region and last four kept. Anything not 18 characters long is
    /// masked entirely except its last four characters.
    static std::string mask(std::string_view text);

    /// Stable English code of a problem, as used in APIs and logs (e.g. "check_character").
    static const char *problemCode(Problem problem);

    const std::string &text() const { return m_text; }
    Date birthDate() const;
    Sex sex() const;
    std::string masked() const { return mask(m_text); }

    friend bool operator==(const IdNumber &, const IdNumber &) = default;

private:
    explicit IdNumber(std::string text) : m_text(std::move(text)) {}
    std::string m_text;
};

} // namespace onewindow
