#include "domain/birthcertificate.h"

#include <algorithm>
#include <array>

namespace onewindow {

namespace {

// The provinces, autonomous regions and municipalities of the mainland (GB/T 2260), whose
// health authorities issue the certificates.
constexpr std::array<int, 31> kProvinceCodes {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43,
    44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65};

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
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

BirthCertificateNumber::Problem BirthCertificateNumber::check(std::string_view input)
{
    if (input.empty())
        return Problem::Empty;
    if (input.size() != 10)
        return Problem::Length;
    const std::string text = upper(input);
    if (text[0] < 'A' || text[0] > 'Z' || !std::all_of(text.begin() + 1, text.end(), isDigit))
        return Problem::Characters;
    const int province = (text[1] - '0') * 10 + (text[2] - '0');
    if (std::find(kProvinceCodes.begin(), kProvinceCodes.end(), province) == kProvinceCodes.end())
        return Problem::Province;
    return Problem::None;
}

std::optional<BirthCertificateNumber> BirthCertificateNumber::parse(std::string_view text)
{
    if (check(text) != Problem::None)
        return std::nullopt;
    return BirthCertificateNumber(upper(text));
}

const char *BirthCertificateNumber::problemCode(Problem problem)
{
    switch (problem) {
    case Problem::None:
        return "none";
    case Problem::Empty:
        return "empty";
    case Problem::Length:
        return "length";
    case Problem::Characters:
        return "characters";
    case Problem::Province:
        return "province";
    }
    return "unknown";
}

} // namespace onewindow
