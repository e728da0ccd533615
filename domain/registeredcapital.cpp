#include "domain/registeredcapital.h"

#include <cstddef>

namespace onewindow {

namespace {

constexpr std::int64_t kFenPerWanYuan = 1'000'000;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool allDigits(std::string_view text)
{
    for (char c : text) {
        if (!isDigit(c))
            return false;
    }
    return !text.empty();
}

// Reads `text` into fen, or says what is wrong with it.
RegisteredCapital::Problem read(std::string_view text, std::int64_t &fen)
{
    using Problem = RegisteredCapital::Problem;
    if (text.empty())
        return Problem::Empty;
    const std::size_t point = text.find('.');
    std::string_view whole = text.substr(0, point);
    const std::string_view decimals = point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
    if (!allDigits(whole) || (point != std::string_view::npos && !allDigits(decimals)))
        return Problem::Format;
    if (decimals.size() > static_cast<std::size_t>(RegisteredCapital::kMaxDecimals))
        return Problem::TooManyDecimals;
    while (whole.size() > 1 && whole.front() == '0')
        whole.remove_prefix(1);
    // kMaxWanYuan has nine digits: a longer whole part is too large, and a shorter one cannot overflow.
    if (whole.size() > 9)
        return Problem::TooLarge;
    fen = 0;
    for (char c : whole)
        fen = fen * 10 + (c - '0');
    fen *= kFenPerWanYuan;
    std::int64_t scale = kFenPerWanYuan;
    for (char c : decimals) {
        scale /= 10;
        fen += (c - '0') * scale;
    }
    if (fen == 0)
        return Problem::NotPositive;
    if (fen > RegisteredCapital::kMaxWanYuan * kFenPerWanYuan)
        return Problem::TooLarge;
    return Problem::None;
}

} // namespace

RegisteredCapital::Problem RegisteredCapital::check(std::string_view text)
{
    std::int64_t fen = 0;
    return read(text, fen);
}

std::optional<RegisteredCapital> RegisteredCapital::parse(std::string_view text)
{
    std::int64_t fen = 0;
    if (read(text, fen) != Problem::None)
        return std::nullopt;
    return RegisteredCapital(fen);
}

const char *RegisteredCapital::problemCode(Problem problem)
{
    switch (problem) {
    case Problem::None:
        return "none";
    case Problem::Empty:
        return "empty";
    case Problem::Format:
        return "format";
    case Problem::TooManyDecimals:
        return "too_many_decimals";
    case Problem::NotPositive:
        return "not_positive";
    case Problem::TooLarge:
        return "too_large";
    }
    return "unknown";
}

} // namespace onewindow
