// Citizen ID numbers (domain/idnumber): any text is checked, parsed and masked without a crash,
// and what is valid stays valid once normalised.

#include "fuzz.h"

#include "domain/idnumber.h"

#include <string_view>

using onewindow::IdNumber;
using onewindow::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string text = onewindow::fuzz::bytes(data, size);
    const auto today = onewindow::parseIsoDate("2026-11-27");
    require(today.has_value(), "the pinned day parses");

    const IdNumber::Problem problem = IdNumber::check(text);
    require(IdNumber::problemCode(problem) != nullptr, "every problem has a code");
    const auto id = IdNumber::parse(text);
    require(id.has_value() == (problem == IdNumber::Problem::None), "parse() accepts what check() does");
    const IdNumber::Problem problemToday = IdNumber::check(text, today);
    require(problemToday == problem || problemToday == IdNumber::Problem::BirthDate,
            "a day to compare with adds only the birth-date check");

    const std::string masked = IdNumber::mask(text);
    require(masked.size() == text.size(), "a masked text is as long as the text");
    if (text.size() > 4)
        require(std::string_view(masked).substr(masked.size() - 4) == std::string_view(text).substr(text.size() - 4),
                "masking keeps the last four characters");
    else
        require(masked.find_first_not_of('*') == std::string::npos, "four characters or fewer are all masked");
    if (text.size() == 18)
        require(masked.substr(6, 8) == "********", "the birth date is masked");
    (void)IdNumber::checkCharacter(std::string_view(text).substr(0, 17));

    if (id) {
        const std::string &normal = id->text();
        require(normal.size() == 18, "a valid number has 18 characters");
        require(IdNumber::check(normal) == IdNumber::Problem::None, "a normalised number stays valid");
        const auto again = IdNumber::parse(normal);
        require(again && *again == *id, "normalising twice changes nothing");
        require(IdNumber::checkCharacter(std::string_view(normal).substr(0, 17)) == normal[17],
                "the check character is the last one");
        require(id->birthDate().ok(), "the birth date is a real day");
        (void)id->sex();
        require(id->masked() == IdNumber::mask(normal), "masked() masks the normalised number");
    }
    return 0;
}
