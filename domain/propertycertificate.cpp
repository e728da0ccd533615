#include "domain/propertycertificate.h"

#include <algorithm>
#include <cstddef>

namespace onewindow {

namespace {

// The provinces' abbreviations as certificates print them, with the second ones some use
// (蜀 for 四川, 黔 or 贵 for 贵州, 滇 or 云 for 云南, 秦 for 陕西, 陇 for 甘肃).
constexpr std::u32string_view kProvinces = U"京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔贵云滇藏陕秦甘陇青宁新";
constexpr std::u32string_view kTitle = U"不动产权第";
constexpr std::size_t kSequenceDigits = 7;
constexpr std::size_t kMinDistrict = 2;
constexpr std::size_t kMaxDistrict = 20;

/// The code points of UTF-8 `text`; a malformed sequence becomes U+FFFD.
std::u32string decode(std::string_view text)
{
    std::u32string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const std::size_t length = byte < 0x80 ? 1
            : (byte >> 5) == 0x6               ? 2
            : (byte >> 4) == 0xE               ? 3
            : (byte >> 3) == 0x1E              ? 4
                                               : 0;
        if (length == 0 || i + length > text.size()) {
            out += U'\uFFFD';
            ++i;
            continue;
        }
        char32_t c = length == 1 ? byte : byte & (0xFFu >> (length + 1));
        bool ok = true;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            ok = ok && (next >> 6) == 0x2;
            c = (c << 6) | (next & 0x3Fu);
        }
        out += ok ? c : U'\uFFFD';
        i += ok ? length : 1;
    }
    return out;
}

std::string encode(std::u32string_view text)
{
    std::string out;
    for (const char32_t c : text) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

bool isDigit(char32_t c)
{
    return c >= U'0' && c <= U'9';
}
bool isHan(char32_t c)
{
    return c >= 0x4E00 && c <= 0x9FFF;
}

struct Parts
{
    std::u32string_view province;
    int year = 0;
    std::u32string_view district;
    std::u32string_view sequence;
};

PropertyCertificateNumber::Problem split(std::u32string_view text, std::optional<Date> today, Parts &parts)
{
    using Problem = PropertyCertificateNumber::Problem;
    if (text.empty())
        return Problem::Empty;
    if (kProvinces.find(text.front()) == std::u32string_view::npos)
        return Problem::Province;
    parts.province = text.substr(0, 1);
    text.remove_prefix(1);

    // (2026) or （2026）
    if (text.size() < 6 || (text[0] != U'(' && text[0] != U'（') || (text[5] != U')' && text[5] != U'）'))
        return Problem::Year;
    int year = 0;
    for (std::size_t i = 1; i <= 4; ++i) {
        if (!isDigit(text[i]))
            return Problem::Year;
        year = year * 10 + static_cast<int>(text[i] - U'0');
    }
    if (year < PropertyCertificateNumber::kFirstYear || (today && year > static_cast<int>(today->year())))
        return Problem::Year;
    parts.year = year;
    text.remove_prefix(6);

    const std::size_t title = text.find(kTitle);
    if (title == std::u32string_view::npos)
        return Problem::Sequence;
    const std::u32string_view district = text.substr(0, title);
    if (district.size() < kMinDistrict || district.size() > kMaxDistrict
        || !std::all_of(district.begin(), district.end(), isHan))
        return Problem::District;
    parts.district = district;
    text.remove_prefix(title + kTitle.size());

    if (text.size() != kSequenceDigits + 1 || text.back() != U'号'
        || !std::all_of(text.begin(), text.end() - 1, isDigit))
        return Problem::Sequence;
    parts.sequence = text.substr(0, kSequenceDigits);
    return Problem::None;
}

} // namespace

PropertyCertificateNumber::Problem PropertyCertificateNumber::check(std::string_view text, std::optional<Date> today)
{
    const std::u32string decoded = decode(text);
    Parts parts;
    return split(decoded, today, parts);
}

std::optional<PropertyCertificateNumber> PropertyCertificateNumber::parse(
    std::string_view text, std::optional<Date> today)
{
    const std::u32string decoded = decode(text);
    Parts parts;
    if (split(decoded, today, parts) != Problem::None)
        return std::nullopt;
    PropertyCertificateNumber number;
    number.m_province = encode(parts.province);
    number.m_year = parts.year;
    number.m_district = encode(parts.district);
    number.m_sequence = encode(parts.sequence);
    number.m_text = number.m_province + "(" + std::to_string(number.m_year) + ")" + number.m_district + encode(kTitle)
        + number.m_sequence + encode(U"号");
    return number;
}

const char *PropertyCertificateNumber::problemCode(Problem problem)
{
    switch (problem) {
    case Problem::None:
        return "none";
    case Problem::Empty:
        return "empty";
    case Problem::Province:
        return "province";
    case Problem::Year:
        return "year";
    case Problem::District:
        return "district";
    case Problem::Sequence:
        return "sequence";
    }
    return "unknown";
}

} // namespace onewindow
