// Unified social credit codes (domain/creditcode): any text is checked and parsed without a
// crash, and what is valid stays valid once normalised.

#include "fuzz.h"

#include "domain/creditcode.h"

#include <string_view>

using onewindow::CreditCode;
using onewindow::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string text = onewindow::fuzz::bytes(data, size);

    const CreditCode::Problem problem = CreditCode::check(text);
    require(CreditCode::problemCode(problem) != nullptr, "every problem has a code");
    const auto code = CreditCode::parse(text);
    require(code.has_value() == (problem == CreditCode::Problem::None), "parse() accepts what check() does");
    (void)CreditCode::checkCharacter(std::string_view(text).substr(0, 17));

    if (code) {
        const std::string &normal = code->text();
        require(normal.size() == 18, "a valid code has 18 characters");
        require(CreditCode::check(normal) == CreditCode::Problem::None, "a normalised code stays valid");
        const auto again = CreditCode::parse(normal);
        require(again && *again == *code, "normalising twice changes nothing");
        require(CreditCode::checkCharacter(std::string_view(normal).substr(0, 17)) == normal[17],
                "the check character is the last one");
        const std::string region = code->regionCode();
        require(region.size() == 6 && region.find_first_not_of("0123456789") == std::string::npos,
                "the region is six digits");
    }
    return 0;
}
