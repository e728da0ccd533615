#include "domain/businessscope.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>

namespace onewindow {

namespace {

// The classes of GB/T 4754-2017 that the halls register, in code order. A hall that registers
// another class adds it here (code and name as the standard gives them); the server and the
// market regulation plugin both check against this list.
// clang-format off
constexpr std::array kIndustries{
    BusinessScope::Industry{"A0111", "稻谷种植"},
    BusinessScope::Industry{"A0141", "蔬菜种植"},
    BusinessScope::Industry{"A0412", "内陆养殖"},
    BusinessScope::Industry{"C1431", "米、面制品制造"},
    BusinessScope::Industry{"C1711", "棉纺纱加工"},
    BusinessScope::Industry{"C1712", "棉织造加工"},
    BusinessScope::Industry{"C1713", "棉印染精加工"},
    BusinessScope::Industry{"C1741", "缫丝加工"},
    BusinessScope::Industry{"C1742", "绢纺和丝织加工"},
    BusinessScope::Industry{"C1743", "丝印染精加工"},
    BusinessScope::Industry{"C1751", "化纤织造加工"},
    BusinessScope::Industry{"C1752", "化纤织物染整精加工"},
    BusinessScope::Industry{"C1761", "针织或钩针编织物织造"},
    BusinessScope::Industry{"C1810", "机织服装制造"},
    BusinessScope::Industry{"C1820", "针织或钩针编织服装制造"},
    BusinessScope::Industry{"C1830", "服饰制造"},
    BusinessScope::Industry{"C2822", "涤纶纤维制造"},
    BusinessScope::Industry{"E5012", "住宅装饰和装修"},
    BusinessScope::Industry{"F5131", "纺织品、针织品及原料批发"},
    BusinessScope::Industry{"F5132", "服装批发"},
    BusinessScope::Industry{"F5211", "百货零售"},
    BusinessScope::Industry{"F5212", "超级市场零售"},
    BusinessScope::Industry{"F5221", "粮油零售"},
    BusinessScope::Industry{"F5223", "果品、蔬菜零售"},
    BusinessScope::Industry{"F5231", "纺织品及针织品零售"},
    BusinessScope::Industry{"F5232", "服装零售"},
    BusinessScope::Industry{"F5292", "互联网零售"},
    BusinessScope::Industry{"H6110", "旅游饭店"},
    BusinessScope::Industry{"H6121", "经济型连锁酒店"},
    BusinessScope::Industry{"H6210", "正餐服务"},
    BusinessScope::Industry{"H6220", "快餐服务"},
    BusinessScope::Industry{"H6231", "茶馆服务"},
    BusinessScope::Industry{"H6232", "咖啡馆服务"},
    BusinessScope::Industry{"H6241", "餐饮配送服务"},
    BusinessScope::Industry{"H6242", "外卖送餐服务"},
    BusinessScope::Industry{"H6291", "小吃服务"},
    BusinessScope::Industry{"I6513", "应用软件开发"},
    BusinessScope::Industry{"I6531", "信息系统集成服务"},
    BusinessScope::Industry{"K7010", "房地产开发经营"},
    BusinessScope::Industry{"K7020", "物业管理"},
    BusinessScope::Industry{"K7030", "房地产中介服务"},
    BusinessScope::Industry{"L7211", "企业总部管理"},
    BusinessScope::Industry{"M7320", "工程和技术研究和试验发展"},
    BusinessScope::Industry{"O8010", "家庭服务"},
    BusinessScope::Industry{"O8111", "汽车修理与维护"},
};
// clang-format on

struct Section
{
    char letter;
    int firstDivision;
    int lastDivision;
};

// GB/T 4754-2017: the divisions (大类, the first two digits) of each section (门类).
constexpr std::array<Section, 20> kSections {{
    {'A', 1, 5},
    {'B', 6, 12},
    {'C', 13, 43},
    {'D', 44, 46},
    {'E', 47, 50},
    {'F', 51, 52},
    {'G', 53, 60},
    {'H', 61, 62},
    {'I', 63, 65},
    {'J', 66, 69},
    {'K', 70, 70},
    {'L', 71, 72},
    {'M', 73, 75},
    {'N', 76, 79},
    {'O', 80, 82},
    {'P', 83, 83},
    {'Q', 84, 85},
    {'R', 86, 90},
    {'S', 91, 96},
    {'T', 97, 97},
}};

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

/// The length of the separator at the start of `text` (ASCII or full-width), or 0.
std::size_t separatorAt(std::string_view text)
{
    // ASCII comma, semicolon and white space; full-width comma, semicolon, 、 and space (UTF-8).
    constexpr std::array<std::string_view, 10> kSeparators {
        ",", ";", " ", "\t", "\n", "\r", "\xEF\xBC\x8C", "\xEF\xBC\x9B", "\xE3\x80\x81", "\xE3\x80\x80"};
    for (const std::string_view separator : kSeparators) {
        if (text.starts_with(separator))
            return separator.size();
    }
    return 0;
}

std::vector<std::string> split(std::string_view text)
{
    std::vector<std::string> out;
    std::string current;
    while (!text.empty()) {
        if (const std::size_t length = separatorAt(text)) {
            if (!current.empty())
                out.push_back(std::exchange(current, {}));
            text.remove_prefix(length);
            continue;
        }
        char c = text.front();
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
        current += c;
        text.remove_prefix(1);
    }
    if (!current.empty())
        out.push_back(std::move(current));
    return out;
}

BusinessScope::Problem checkCode(const std::string &code)
{
    if (code.size() != 5 || code[0] < 'A' || code[0] > 'Z' || !std::all_of(code.begin() + 1, code.end(), isDigit))
        return BusinessScope::Problem::Format;
    const int division = (code[1] - '0') * 10 + (code[2] - '0');
    const auto section = std::find_if(kSections.begin(), kSections.end(),
        [&](const Section &s) { return division >= s.firstDivision && division <= s.lastDivision; });
    if (section == kSections.end() || section->letter != code[0])
        return BusinessScope::Problem::Section;
    if (!BusinessScope::industry(code))
        return BusinessScope::Problem::UnknownCode;
    return BusinessScope::Problem::None;
}

} // namespace

BusinessScope::Problem BusinessScope::check(std::string_view text, std::string *offending)
{
    const std::vector<std::string> codes = split(text);
    if (codes.empty())
        return Problem::Empty;
    for (auto it = codes.begin(); it != codes.end(); ++it) {
        Problem problem = checkCode(*it);
        if (problem == Problem::None && std::find(codes.begin(), it, *it) != it)
            problem = Problem::Duplicate;
        if (problem != Problem::None) {
            if (offending)
                *offending = *it;
            return problem;
        }
    }
    return Problem::None;
}

std::optional<BusinessScope> BusinessScope::parse(std::string_view text)
{
    if (check(text) != Problem::None)
        return std::nullopt;
    return BusinessScope(split(text));
}

const char *BusinessScope::problemCode(Problem problem)
{
    switch (problem) {
    case Problem::None:
        return "none";
    case Problem::Empty:
        return "empty";
    case Problem::Format:
        return "format";
    case Problem::Section:
        return "section";
    case Problem::UnknownCode:
        return "unknown_code";
    case Problem::Duplicate:
        return "duplicate";
    }
    return "unknown";
}

std::span<const BusinessScope::Industry> BusinessScope::industries()
{
    return kIndustries;
}

const BusinessScope::Industry *BusinessScope::industry(std::string_view code)
{
    const auto it = std::lower_bound(kIndustries.begin(), kIndustries.end(), code,
        [](const Industry &industry, std::string_view c) { return industry.code < c; });
    return it != kIndustries.end() && it->code == code ? &*it : nullptr;
}

} // namespace onewindow
