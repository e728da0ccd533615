#pragma once

#include "catalog/catalog.h"
#include "domain/bundlemerge.h"
#include "domain/caselifecycle.h"
#include "domain/date.h"
#include "domain/deficiencypolicy.h"
#include "http/message.h"
#include "http/problem.h"
#include "intake/intakerequest.h"

#include <Poco/JSON/Object.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace onewindow::server {

class Clock;
class FieldErrors;
class Transaction;

/// Everything a new case needs, decided before anything is written.
struct IntakePlan
{
    IntakeRequest request;
    std::vector<MatterDefinition> matters;
    MergedIntake merged;
    std::map<std::string, Provision> provisions;
    std::map<std::string, Date> dueDates;
    std::map<std::string, Date> terminatesAfter; ///< due date + the strictest grace period
    bool clockPaused = false;                    ///< a matter stops its clock while a material is deficient
    std::map<std::string, std::string> materialNames;
    CaseAction action = CaseAction::Accept;
    CaseState state = CaseState::Accepted;
    Date promisedDue;
    Date legalDue;
    std::string departments; ///< as stored: ",HF,MR,"
    std::optional<Date> internalDue; ///< a green-channel case's own deadline inside the hall
    std::string refusal;             ///< a refused intake's notice as stored (JSON), or empty
};

/// The read-and-decide phase of an intake: the request against the catalog, the applicant's
/// electronic licences and record, then the domain's rules (completeness, due dates of deficient
/// materials, the lifecycle, deadlines). It only reads; a case that cannot be accepted is an
/// ApiError (the field errors, or the one-time notice of what is missing).
class IntakePlanner
{
public:
    explicit IntakePlanner(Catalog &catalog) : m_catalog(catalog) {}

    /// `tx` is for lookups: the catalog as this instance knew it a moment ago will do, since
    /// the case records the versions it was accepted under. The intake counts from `today`, in
    /// the morning or not (a half-day limit started in the morning ends that evening).
    IntakePlan plan(Transaction &tx, const Principal &user, const Poco::JSON::Object::Ptr &body,
                    const Date &today, bool morning) const;

private:
    /// The matters as in effect on the intake's day (a draft is not in effect anywhere).
    void findMatters(Transaction &tx, IntakePlan &plan, const Date &today, FieldErrors &errors) const;
    void checkELicenses(Transaction &tx, const IntakePlan &plan, FieldErrors &errors) const;
    CompletenessReport completeness(Transaction &tx, IntakePlan &plan, ApplicantRecord &record) const;
    void decideState(IntakePlan &plan, const CompletenessReport &report, const ApplicantRecord &record,
                     const Principal &user) const;
    void setDeadlines(IntakePlan &plan, const WorkCalendar &calendar, const Date &today, bool morning) const;
    /// A refused intake: its notice (every missing material and every form problem) and the
    /// reason from the matters' list, in `not_accepted`.
    void planRefusal(IntakePlan &plan, const std::vector<ApiError::MissingMaterial> &missing,
                     const FieldErrors &formProblems, const Principal &user, const Date &today) const;

    Catalog &m_catalog;
};

} // namespace onewindow::server
