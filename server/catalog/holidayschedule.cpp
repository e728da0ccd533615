#include "catalog/holidayschedule.h"

#include "http/problem.h"
#include "json.h"

#include <cmath>
#include <set>

namespace onewindow::server {

namespace {

/// The dates of `list` that are real days of `year` (of any year for 0, a year not known),
/// Saturdays and Sundays only for adjusted working days, and not named before (`seen`); every
/// other one is a problem of `at[i]`.
std::vector<Date> datesOf(const Poco::JSON::Array::Ptr &list, int year, bool weekendsOnly, const std::string &at,
                          std::set<Date> &seen, FieldErrors &errors)
{
    std::vector<Date> dates;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string field = at + "[" + std::to_string(i) + "]";
        const Poco::Dynamic::Var value = list->get(static_cast<unsigned>(i));
        const auto date = value.isString() ? parseIsoDate(value.extract<std::string>()) : std::nullopt;
        if (!date)
            errors.add(field, "A date, YYYY-MM-DD.", "invalid");
        else if (year != 0 && static_cast<int>(date->year()) != year)
            errors.add(field, "A day of " + std::to_string(year) + ".", "other_year");
        else if (weekendsOnly && isoWeekday(*date) < 6)
            errors.add(field, "An adjusted working day is a Saturday or a Sunday.", "not_weekend");
        else if (!seen.insert(*date).second)
            errors.add(field, "Each day once in the schedule.", "duplicate");
        else
            dates.push_back(*date);
    }
    return dates;
}

} // namespace

HolidaySchedule HolidaySchedule::fromJson(const Poco::JSON::Object::Ptr &o, std::optional<int> year,
                                          FieldErrors &errors, const std::string &prefix)
{
    HolidaySchedule schedule;
    const auto stated = optNumber(o, "year");
    if (year) {
        schedule.year = *year;
        if (stated && *stated != *year)
            errors.add(prefix + "year", "The schedule is for " + std::to_string(*year) + ".", "mismatch");
    } else if (stated && *stated >= 1900 && *stated <= 9999 && std::floor(*stated) == *stated) {
        schedule.year = static_cast<int>(*stated);
    } else {
        errors.add(prefix + "year", "The year of the schedule, such as 2027.", stated ? "invalid" : "required");
    }

    std::set<Date> seen;
    if (const auto holidays = optArray(o, "holidays")) {
        for (std::size_t i = 0; i < holidays->size(); ++i) {
            const std::string at = prefix + "holidays[" + std::to_string(i) + "]";
            const auto holiday = holidays->getObject(static_cast<unsigned>(i));
            if (!holiday) {
                errors.add(at, "A holiday is an object with name and dates.", "invalid");
                continue;
            }
            const auto name = optString(holiday, "name");
            if (!name || name->size() > 200)
                errors.add(at + ".name", "The holiday's name, at most 200 bytes.", name ? "invalid" : "required");
            const auto dates = optArray(holiday, "dates");
            if (!dates || dates->size() == 0) {
                errors.add(at + ".dates", "The holiday's days off, at least one.", "required");
                continue;
            }
            auto days = datesOf(dates, schedule.year, false, at + ".dates", seen, errors);
            schedule.holidays.push_back({name.value_or(""), std::move(days)});
        }
    } else {
        errors.add(prefix + "holidays", "A list of holidays, each with its name and dates.", "required");
    }

    if (const auto adjusted = optArray(o, "adjustedWorkingDays")) {
        schedule.adjustedWorkingDays =
            datesOf(adjusted, schedule.year, true, prefix + "adjustedWorkingDays", seen, errors);
    } else if (o->has("adjustedWorkingDays")) {
        errors.add(prefix + "adjustedWorkingDays", "A list of dates.", "invalid");
    }
    return schedule;
}

Poco::JSON::Object::Ptr HolidaySchedule::toJson() const
{
    auto o = newObject();
    o->set("year", year);
    auto list = newArray();
    for (const auto &holiday : holidays) {
        auto h = newObject();
        h->set("name", holiday.name);
        auto dates = newArray();
        for (const auto &date : holiday.dates)
            dates->add(toIsoString(date));
        h->set("dates", dates);
        list->add(h);
    }
    o->set("holidays", list);
    auto adjusted = newArray();
    for (const auto &date : adjustedWorkingDays)
        adjusted->add(toIsoString(date));
    o->set("adjustedWorkingDays", adjusted);
    return o;
}

std::map<Date, std::optional<std::string>> HolidaySchedule::days() const
{
    std::map<Date, std::optional<std::string>> out;
    for (const auto &holiday : holidays) {
        for (const auto &date : holiday.dates)
            out[date] = holiday.name;
    }
    for (const auto &date : adjustedWorkingDays)
        out[date] = std::nullopt;
    return out;
}

} // namespace onewindow::server
