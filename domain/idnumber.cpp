#include "domain/idnumber.h"

#include <array>

namespace onewindow {

namespace {

constexpr std::array<int, 17> kWeights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kCheckCharacters = "10X98765432";

bool isDigit(char c) { return c >= '0' && c <= '9'; }

std::string normalized(std::string_view text)
{
    std::string out(text);
    if (!out.empty() && out.back() == 'x')
        out.back() = 'X';
    return out;
}

std::optional<Date> birthDateOf(std::string_view text)
{
    const std::string iso = std::string(text.substr(6, 4)) + '-' + std::string(text.substr(10, 2)) + '-'
                            + std::string(text.substr(12, 2));
    return parseIsoDate(iso);
}

} // namespace

char IdNumber::checkCharacter(std::string_view first17)
{
    if (first17.size() != 17)
        return '\0';
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        if (!isDigit(first17[i]))
            return '\0';
        sum += (first17[i] - '0') * kWeights[i];
    }
    return kCheckCharacters[static_cast<std::size_t>(sum % 11)];
}

IdNumber::Problem IdNumber::check(std::string_view input, std::optional<Date> today)
{
    if (input.empty())
        return Problem::Empty;
    if (input.size() != 18)
        return Problem::Length;
    const std::string text = normalized(input);
    for (std::size_t i = 0; i < 17; ++i) {
        if (!isDigit(text[i]))
            return Problem::Characters;
    }
    if (!isDigit(text[17]) && text[17] != 'X')
        return Problem::Characters;
    const auto birth = birthDateOf(text);
    if (!birth || birth->year() < std::chrono::year{1800})
        return Problem::BirthDate;
    if (today && std::chrono::sys_days{*birth} > std::chrono::sys_days{*today})
        return Problem::BirthDate;
    if (checkCharacter(std::string_view(text).substr(0, 17)) != text[17])
        return Problem::CheckCharacter;
    return Problem::None;
}

std::optional<IdNumber> IdNumber::parse(std::string_view text, std::optional<Date> today)
{
    if (check(text, today) != Problem::None)
        return std::nullopt;
    return IdNumber(normalized(text));
}

std::string IdNumber::mask(std::string_view text)
{
    if (text.size() == 18)
        return std::string(text.substr(0, 6)) + std::string(8, '*') + std::string(text.substr(14));
    if (text.size() <= 4)
        return std::string(text.size(), '*');
    return std::string(text.size() - 4, '*') + std::string(text.substr(text.size() - 4));
}

const char *IdNumber::problemCode(Problem problem)
{
    switch (problem) {
    case Problem::None: return "none";
    case Problem::Empty: return "empty";
    case Problem::Length: return "length";
    case Problem::Characters: return "characters";
    case Problem::BirthDate: return "birth_date";
    case Problem::CheckCharacter: return "check_character";
    }
    return "unknown";
}

Date IdNumber::birthDate() const
{
    return *birthDateOf(m_text);
}

IdNumber::Sex IdNumber::sex() const
{
    return ((m_text[16] - '0') % 2 == 1) ? Sex::Male : Sex::Female;
}

} // namespace onewindow
