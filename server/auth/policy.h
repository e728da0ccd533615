#pragma once

#include "db/database.h"
#include "http/message.h"

#include <string>
#include <vector>

namespace onewindow::server {

/// What a case looks like to the policy: where it was accepted and which departments it touches.
struct CaseScope
{
    std::string center;
    std::string centerParent; ///< empty for a hall
    std::vector<std::string> departments;
};

/// What a batch of paper materials looks like to the policy: the village centre that sent it and
/// the hall it goes to.
struct TransferScope
{
    std::string center;
    std::string hall;
};

/// The one authorization policy of the server. Role-level capabilities first, then whether an
/// object is in the user's scope. Callers answer 404 for either refusal, so that nothing out of
/// scope is revealed.
class AuthorizationPolicy
{
public:
    enum class Capability {
        ReadCatalog,
        EditCatalog,
        EditCalendar,
        ReadLicenses,
        CreateCase,
        ReadCases,
        SupplyDeficiency,
        ReadDeficiencies,
        ReadCaseAudit,
        VerifyAudit,          ///< search the whole audit trail and check its chains (the auditor alone)
        UploadAttachment,     ///< same people as SupplyDeficiency: the attachment is the supplied material
        ReadAttachments,      ///< same people as ReadCases
        WaiveDeficiency,      ///< a supervisor forgoes a deficient material, with a reason
        ReadNotifications,    ///< the reminder outbox of the supervisor's centres
        ClearBrokenCommitment,///< a supervisor lifts an applicant's broken-commitment record
        RunJobs,              ///< run the background jobs now (administration)
        DecideCase,           ///< an approver decides the parts of a case of their department
        ResubmitCase,         ///< the counter brings a returned case back with the corrections
        DeliverResult,        ///< the counter hands the result out (统一出件)
        FollowUpRating,       ///< a supervisor calls back a citizen who rated a service badly
        SendTransfer,         ///< a village centre's counter sends its cases' paper materials to the hall
        ReceiveTransfer,      ///< the hall's counter checks a batch of paper materials in
        ReadTransfers,        ///< the batches a centre sent, or its hall is to receive
        ManageUsers,          ///< create, change, disable users and reset their passwords (security administration)
        ReadStats,            ///< the figures of the cases in one's scope (a supervisor's hall, an approver's department)
    };

    static bool can(const Principal &user, Capability capability);
    /// Throws ApiError 404 unless `can`.
    static void require(const Principal &user, Capability capability);

    /// Case content: clerks and supervisors see their hall and its village centres, agents their
    /// own centre, approvers cases with a matter of their department. Auditors see the audit trail
    /// of every case (only that), admins and security administrators no case content.
    static bool inScope(const Principal &user, const CaseScope &scope, Capability capability);

    /// A clerk or agent accepts cases only for their own centre.
    static bool mayAcceptAt(const Principal &user, const std::string &center);

    /// A WHERE fragment (on a table with `center` and `departments` columns) and its parameters
    /// that restrict a list to the user's scope.
    struct Filter
    {
        std::string sql;
        std::vector<DbValue> params;
    };
    static Filter caseFilter(const Principal &user, const std::string &tableAlias);
    /// A stored list of departments (",HF,MR,") that holds `department` as a whole code: no
    /// pattern, so that no character of a code (`%`, `_`) widens it. Nothing for an empty code.
    static Filter departmentCondition(const std::string &column, const std::string &department);

    /// Batches of paper materials (流转清单): agents see those of their own centre; clerks and
    /// supervisors those their centre sent or is to receive; only a clerk of the receiving hall
    /// checks one in (ReceiveTransfer).
    static bool inScope(const Principal &user, const TransferScope &scope, Capability capability);
    /// A clerk or agent sends papers only from a village centre (`centerParent`, the hall of the
    /// user's centre, is empty for a hall).
    static bool maySendFrom(const Principal &user, const std::string &centerParent);
    /// The same scope as a WHERE fragment on a table with `center` and `hall` columns.
    static Filter transferFilter(const Principal &user, const std::string &tableAlias);
};

} // namespace onewindow::server
