#include "domain/creditcode.h"

#include <array>

namespace onewindow {

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kWeights{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

int valueOf(char c)
{
    const auto pos = kAlphabet.find(c);
    return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

std::string upper(std::string_view text)
{
    std::string out(text);
    for (char &c : out) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

} // namespace

char CreditCode::checkCharacter(std::string_view first17)
{
    if (first17.size() != 17)
        return '\0';
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        const int v = valueOf(first17[i]);
        if (v < 0)
            return '\0';
        sum += v * kWeights[i];
    }
    const int check = (31 - sum % 31) % 31;
    return kAlphabet[static_cast<std::size_t>(check)];
}

CreditCode::Problem CreditCode::check(std::string_view input)
{
    if (input.empty())
        return Problem::Empty;
    if (input.size() != 18)
        return Problem::Length;
    const std::string text = upper(input);
    for (char c : text) {
        if (valueOf(c) < 0)
            return Problem::Characters;
    }
    for (std::size_t i = 2; i < 8; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return Problem::Region;
    }
    if (checkCharacter(std::string_view(text).substr(0, 17)) != text[17])
        return Problem::CheckCharacter;
    return Problem::None;
}

std::optional<CreditCode> CreditCode::parse(std::string_view text)
{
    if (check(text) != Problem::None)
        return std::nullopt;
    return CreditCode(upper(text));
}

const char *CreditCode::problemCode(Problem problem)
{
    switch (problem) {
    case Problem::None: return "none";
    case Problem::Empty: return "empty";
    case Problem::Length: return "length";
    case Problem::Characters: return "characters";
    case Problem::Region: return "region";
    case Problem::CheckCharacter: return "check_character";
    }
    return "unknown";
}

} // namespace onewindow
