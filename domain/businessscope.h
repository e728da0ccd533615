#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace onewindow {

/// A business scope (经营范围) as the registration form takes it: the industry classes an
/// enterprise will work in, as codes of the national classification of economic activities
/// (GB/T 4754-2017, 国民经济行业分类): the section letter (门类, A to T) and the four digits of
/// the class (小类), e.g. "C1742" for 绢纺和丝织加工. Several codes are separated by commas,
/// semicolons, 、 or white space (ASCII or full-width), e.g. "C1742；F5132". A code's first two
/// digits (its division, 大类) must lie in its section, and the code must be one of industries().
class BusinessScope
{
public:
    struct Industry
    {
        std::string_view code; ///< e.g. "C1742"
        std::string_view name; ///< e.g. "绢纺和丝织加工"
    };

    enum class Problem {
        None,
        Empty, ///< no code at all
        Format, ///< a code that is not a letter and four digits
        Section, ///< a code whose letter is not the section of its division (e.g. F1742)
        UnknownCode, ///< a well-formed code that is not one of industries()
        Duplicate, ///< a code given twice
    };

    /// Validates `text`; lowercase letters are accepted. `offending`, if given, receives the
    /// first code with the problem.
    static Problem check(std::string_view text, std::string *offending = nullptr);
    static std::optional<BusinessScope> parse(std::string_view text);
    /// Stable English code of a problem, as used in APIs and logs (e.g. "unknown_code").
    static const char *problemCode(Problem problem);

    /// The industry classes the halls register, in code order: the list a code is checked against.
    static std::span<const Industry> industries();
    /// The class with this code (uppercase), or nullptr.
    static const Industry *industry(std::string_view code);

    /// The codes, uppercase, in the order given.
    const std::vector<std::string> &codes() const { return m_codes; }

    friend bool operator==(const BusinessScope &, const BusinessScope &) = default;

private:
    explicit BusinessScope(std::vector<std::string> codes)
        : m_codes(std::move(codes))
    { }
    std::vector<std::string> m_codes;
};

} // namespace onewindow
