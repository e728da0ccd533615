#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace onewindow {

/// A registered capital (注册资本) as a registration form states it: an amount in 万元 (ten
/// thousand yuan), written as plain decimal digits with at most six decimals (six decimals of
/// 万元 are a fen, the smallest amount of money), more than zero and at most kMaxWanYuan.
class RegisteredCapital
{
public:
    /// 100,000,000 万元 (one trillion yuan): beyond any enterprise's registered capital, so that a
    /// value above it is a typing slip (a figure in yuan typed as 万元, digits typed twice).
    static constexpr std::int64_t kMaxWanYuan = 100'000'000;
    static constexpr int kMaxDecimals = 6;

    enum class Problem {
        None,
        Empty,
        Format, ///< not digits with at most one decimal point between digits (no sign, no spaces, no separators)
        TooManyDecimals, ///< more than six decimals
        NotPositive, ///< zero
        TooLarge, ///< more than kMaxWanYuan
    };

    /// Validates `text`.
    static Problem check(std::string_view text);
    static std::optional<RegisteredCapital> parse(std::string_view text);
    /// Stable English code of a problem, as used in APIs and logs (e.g. "too_many_decimals").
    static const char *problemCode(Problem problem);

    /// The amount in millionths of 万元, i.e. in fen (0.01 yuan).
    std::int64_t fen() const { return m_fen; }

    friend bool operator==(const RegisteredCapital &, const RegisteredCapital &) = default;

private:
    explicit RegisteredCapital(std::int64_t fen)
        : m_fen(fen)
    { }
    std::int64_t m_fen;
};

} // namespace onewindow
