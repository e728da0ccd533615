#pragma once

#include "domain/bundlemerge.h"
#include "domain/matter.h"
#include "domain/workcalendar.h"

#include <Poco/JSON/Object.h>

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace onewindow::server {

class AuditTrail;
class Clock;
class FieldErrors;
struct HolidaySchedule;
class Transaction;

/// A standard reason a matter's refusals and decisions choose from, by its use: `not_accepted`
/// (the counter's one-time notice or non-acceptance), `return` (for correction) or `reject`.
struct MatterReason
{
    std::string code;
    std::string use;
    std::string text;
};

/// A matter (事项) as the catalog holds it: one version of its definition.
struct MatterDefinition
{
    std::string code;
    std::string name;
    std::string department;
    std::string initials;
    int version = 1;
    double promisedDays = 1;
    double legalDays = 20;
    std::string deficiencyCap = "legal";  ///< legal | promised
    std::string clock = "runs";           ///< runs | paused
    int terminationGraceDays = 0;
    /// Working days a simulated approval (模拟审批) waits for its conditions before it lapses;
    /// 0: it does not lapse by itself.
    int simulatedLapseDays = 0;
    /// Working days a green-channel case (绿色通道) has inside the hall; 0: half the promised days.
    double greenChannelDays = 0;
    std::vector<FormField> fields;
    std::vector<MaterialRule> materials;
    std::vector<MatterReason> reasons;
    /// Material codes its result provides (e.g. the business licence of company establishment):
    /// another matter of a bundle with it does not ask for them.
    std::vector<std::string> produces;

    MatterRules rules() const;
    /// The reason of that use and code, if the matter lists it.
    const MatterReason *reason(const std::string &use, const std::string &reasonCode) const;
    /// The internal limit of a green-channel case: greenChannelDays, or half the promised days
    /// (in half-day steps, at least half a day).
    double greenChannelLimit() const;
    Poco::JSON::Object::Ptr toJson() const;
    Poco::JSON::Object::Ptr summaryJson() const;
    /// Reads and validates a definition (code, version and initials are set by the caller).
    static MatterDefinition fromJson(const Poco::JSON::Object::Ptr &o, FieldErrors &errors);
};

struct BundleDefinition
{
    std::string code;
    std::string name;
    std::vector<std::string> matters;

    /// Reads `{name, matters}` (the code is the caller's): a name, and two matters or more,
    /// each once. Problems go to `errors`, their fields prefixed with `prefix`.
    static BundleDefinition fromJson(const Poco::JSON::Object::Ptr &o, FieldErrors &errors,
                                     const std::string &prefix = {});
    /// `{code, name, matters}`, as listed and exported.
    Poco::JSON::Object::Ptr toJson() const;
};

/// The catalog: departments, centres, matters with their versions, bundles, the working-day
/// calendar and the applicants' electronic licences.
class Catalog
{
public:
    /// How current a read of the matters' versions, the calendar and the centres' parents must
    /// be. `Recent` trusts what this instance read in the last second, unless it changed the
    /// catalog since: a change made here is seen at once, one made on another instance within
    /// that second. An intake asks for `Recent` (the case records the version it was accepted
    /// under either way), so does a case read for its scope (centres are set up, not edited, in
    /// the service); edits and catalog reads shown to users ask for `Exact`.
    enum class Freshness { Exact, Recent };

    Catalog(AuditTrail &audit, const Clock &clock) : m_audit(audit), m_clock(clock) {}

    Poco::JSON::Object::Ptr departments(Transaction &tx);
    Poco::JSON::Object::Ptr centers(Transaction &tx);
    /// The parent of a centre ("" for a hall), or nullopt for an unknown centre.
    std::optional<std::string> centerParent(Transaction &tx, const std::string &center,
                                            Freshness freshness = Freshness::Exact);

    /// The matters in effect today, each as its version in effect shows it.
    Poco::JSON::Object::Ptr listMatters(Transaction &tx, const std::string &q, const std::string &department,
                                        int limit, const std::string &cursor);
    /// The version in effect today (the server's), or the published version `version`. Drafts are
    /// never answered: they are MatterVersions' alone until published.
    std::optional<MatterDefinition> matter(Transaction &tx, const std::string &code, int version = 0,
                                           Freshness freshness = Freshness::Exact);
    /// The version in effect on `day`: published, from on or before it, to on or after it.
    std::optional<MatterDefinition> matterOn(Transaction &tx, const std::string &code, const Date &day,
                                             Freshness freshness = Freshness::Exact);
    /// Inserts a matter that does not exist yet as its version 1, published and in effect since
    /// ever (the demo data).
    void insertMatter(Transaction &tx, MatterDefinition definition, const std::string &actor);

    Poco::JSON::Object::Ptr listBundles(Transaction &tx);
    std::optional<BundleDefinition> bundle(Transaction &tx, const std::string &code);
    Poco::JSON::Object::Ptr bundleJson(Transaction &tx, const BundleDefinition &bundle);
    /// Adds an `unknown` problem (field `prefix` + "matters[i]") for each matter of the bundle
    /// not in effect today: intake could not take the bundle in.
    void checkBundleMatters(Transaction &tx, const BundleDefinition &bundle, FieldErrors &errors,
                            const std::string &prefix = {});
    /// Creates or replaces a bundle; audited. True when it was created.
    bool saveBundle(Transaction &tx, const BundleDefinition &bundle, const std::string &actor);
    /// The ETag of a bundle as stored: it changes whenever its name or matters do.
    static std::string bundleEtag(const BundleDefinition &bundle);

    WorkCalendar calendar(Transaction &tx, Freshness freshness = Freshness::Exact);
    Poco::JSON::Object::Ptr calendarDays(Transaction &tx, const Date &from, const Date &to);
    Poco::JSON::Object::Ptr setCalendarDay(Transaction &tx, const Date &day, bool working,
                                           const std::optional<std::string> &holiday, const std::string &actor);
    /// Replaces every entry of the schedule's year by the schedule; audited (`actor`, the days).
    /// Answers `{year, holidayDays, adjustedWorkingDays, replacedDays}`.
    Poco::JSON::Object::Ptr replaceCalendarYear(Transaction &tx, const HolidaySchedule &schedule,
                                                const std::string &actor);
    /// The calendar's entries as one schedule per year that has any, oldest year first (a day
    /// off without a name is a holiday named "").
    std::vector<HolidaySchedule> calendarSchedules(Transaction &tx);
    /// Writes the schedule's days into the calendar, whose year has none (no audit: the
    /// caller's, or the official schedules compiled in, loaded at start-up).
    static void writeCalendarYear(Transaction &tx, const HolidaySchedule &schedule);

    Poco::JSON::Object::Ptr licenses(Transaction &tx, const std::string &holder);
    /// Licence types the holder has (for ticking materials covered by electronic licences).
    std::vector<std::string> licenseTypes(Transaction &tx, const std::string &holder);

    /// Records that the calendar changed, so that every instance reloads it.
    static void calendarChanged(Transaction &tx);
    /// Taken by every change the administrator makes (matters, bundles, the calendar, imports),
    /// in its transaction first, so that no two interleave on any instance.
    static void lockForAdministration(Transaction &tx);
    /// A code of the catalog (a matter's, a bundle's): capital letters, digits, - and _, at most
    /// 32; a problem of `field` otherwise.
    static void checkCode(const std::string &code, FieldErrors &errors, const std::string &field);
    /// This instance changed a matter or the calendar: `Recent` reads go to the database again.
    /// Called once the change is committed.
    void changed();
    /// Calls changed() as it opens and as it closes, committed or not: for a change of the
    /// catalog under way, whose `Recent` reads meanwhile are not to be trusted after it either.
    class Changing
    {
    public:
        explicit Changing(Catalog &catalog) : m_catalog(catalog) { m_catalog.changed(); }
        ~Changing() { m_catalog.changed(); }
        Changing(const Changing &) = delete;
        Changing &operator=(const Changing &) = delete;

    private:
        Catalog &m_catalog;
    };

private:
    /// The published version `version` (a version never changes once published: read once).
    std::optional<MatterDefinition> publishedVersion(Transaction &tx, const std::string &code, int version);

    AuditTrail &m_audit;
    const Clock &m_clock;
    // A published matter version never changes, so it is read from the database once.
    // The calendar is reloaded when its version (bumped by every change) moves.
    std::mutex m_cacheMutex;
    std::map<std::pair<std::string, int>, MatterDefinition> m_matters;
    std::string m_calendarVersion;
    WorkCalendar m_calendar;
    // For `Recent` reads: when each value was read (taken before the query), and when this
    // instance last changed the catalog; a value read before that change is not trusted.
    using Instant = std::chrono::steady_clock::time_point;
    struct CurrentVersion
    {
        Date day; ///< the day it is in effect on
        int version = 0;
        Instant readAt;
    };
    bool recent(Instant readAt) const;
    std::map<std::string, CurrentVersion> m_currentVersions;
    struct CenterParent
    {
        std::string parent;
        Instant readAt;
    };
    std::map<std::string, CenterParent> m_centerParents;
    Instant m_calendarReadAt;
    Instant m_changedAt;
};

/// `0.5` -> "0.5", `3` -> 3: limits are numbers in JSON, half days allowed.
double roundToHalf(double days);
/// A form field and a material rule as the API shows them.
Poco::JSON::Object::Ptr fieldJson(const FormField &field);
Poco::JSON::Object::Ptr materialJson(const MaterialRule &material);
/// ASCII letters in lower case (pinyin initials, searches).
std::string lowerAscii(std::string s);

} // namespace onewindow::server
