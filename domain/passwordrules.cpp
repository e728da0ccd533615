#include "domain/passwordrules.h"

#include <algorithm>
#include <string>

namespace onewindow {

namespace {

std::string lowerAscii(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return out;
}

} // namespace

std::vector<PasswordRules::Problem> PasswordRules::check(std::string_view password, std::string_view username) const
{
    std::size_t characters = 0;
    bool lower = false, upper = false, digit = false, other = false;
    for (const char c : password) {
        const auto byte = static_cast<unsigned char>(c);
        // A continuation byte of UTF-8 belongs to the character before it.
        if ((byte & 0xC0) != 0x80)
            ++characters;
        if (c >= 'a' && c <= 'z')
            lower = true;
        else if (c >= 'A' && c <= 'Z')
            upper = true;
        else if (c >= '0' && c <= '9')
            digit = true;
        else
            other = true;
    }
    std::vector<Problem> problems;
    if (characters < m_minLength)
        problems.push_back(Problem::TooShort);
    if (lower + upper + digit + other < 3)
        problems.push_back(Problem::TooSimple);
    if (!username.empty() && lowerAscii(password).find(lowerAscii(username)) != std::string::npos)
        problems.push_back(Problem::ContainsUsername);
    return problems;
}

const char *PasswordRules::problemCode(Problem problem)
{
    switch (problem) {
    case Problem::TooShort: return "too_short";
    case Problem::TooSimple: return "too_simple";
    case Problem::ContainsUsername: return "contains_username";
    }
    return "invalid";
}

} // namespace onewindow
