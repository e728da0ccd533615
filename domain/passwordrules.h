#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace onewindow {

/// What a new password must be (等保: complexity of identity authentication): long enough, of
/// at least three of four kinds of character (small letters, capital letters, digits, anything
/// else), and without the username in it. Its history and age are the server's to keep.
class PasswordRules
{
public:
    enum class Problem {
        TooShort,         ///< fewer characters than the minimum
        TooSimple,        ///< fewer than three kinds of character
        ContainsUsername, ///< the username in it, in capitals or not
    };
    static constexpr std::size_t kDefaultMinLength = 10;

    explicit PasswordRules(std::size_t minLength = kDefaultMinLength) : m_minLength(minLength) {}

    /// Every rule `password` breaks, in the order of Problem; none for a good password. Lengths
    /// count characters of UTF-8, not bytes.
    std::vector<Problem> check(std::string_view password, std::string_view username) const;

    std::size_t minLength() const { return m_minLength; }

    /// Stable code, as the API sends it: "too_short", "too_simple", "contains_username".
    static const char *problemCode(Problem problem);

private:
    std::size_t m_minLength;
};

} // namespace onewindow
