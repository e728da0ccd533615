#pragma once

#include "domain/date.h"
#include "domain/workcalendar.h"

#include <Poco/JSON/Object.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace onewindow::server {

class FieldErrors;

/// A year's official holiday schedule (放假安排), as the State Council publishes it and as
/// domain/data/holidays-cn-*.json keeps it: `{"year", "holidays": [{"name", "dates"}],
/// "adjustedWorkingDays"}` (other members, such as `source`, are ignored).
struct HolidaySchedule
{
    int year = 0;
    std::vector<WorkCalendar::Holiday> holidays;
    std::vector<Date> adjustedWorkingDays; ///< weekend days worked (调休)

    /// Reads and checks a schedule: every date a real day of the year, no day twice, every
    /// adjusted working day a Saturday or a Sunday. `year` is the year it must be (its `year`
    /// member may then be left out); without it, the member is required. Every problem is added
    /// to `errors`, its field prefixed with `prefix` (such as "calendar[1].").
    static HolidaySchedule fromJson(const Poco::JSON::Object::Ptr &o, std::optional<int> year, FieldErrors &errors,
                                    const std::string &prefix = {});
    Poco::JSON::Object::Ptr toJson() const;

    /// Every day the schedule names: a holiday with its name, an adjusted working day with none.
    /// Two schedules that name the same days so are the same calendar.
    std::map<Date, std::optional<std::string>> days() const;
};

} // namespace onewindow::server
