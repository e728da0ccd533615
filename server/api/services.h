#pragma once

#include "deficiencies/deficiencytracker.h"

#include <string>

namespace onewindow::server {

class ApplicantRecords;
class AttachmentService;
class AuditTrail;
class CaseReader;
class Catalog;
class CatalogExchange;
class Clock;
class Database;
class DeficiencyQueries;
class DeficiencyResolution;
class DeliveryService;
class EvaluationService;
class FollowUps;
class IntakeService;
class MatterVersions;
class ResultService;
class ReviewService;
class SessionService;
class SimulatedApprovals;
class StatsService;
class TransferService;
class UserAccounts;

/// What the routes work with; owned by the application, handed to the routes by reference.
struct Services
{
    Database &db;
    const Clock &clock;
    AuditTrail &audit;
    Catalog &catalog;
    MatterVersions &matterVersions;
    CatalogExchange &catalogExchange;
    SessionService &sessions;
    IntakeService &intake;
    CaseReader &cases;
    DeficiencyQueries &deficiencies;
    DeficiencyResolution &resolution;
    ApplicantRecords &applicants;
    AttachmentService &attachments;
    DeficiencyTracker &tracker;
    ReviewService &review;
    ResultService &results;
    SimulatedApprovals &simulated;
    DeliveryService &delivery;
    EvaluationService &evaluations;
    FollowUps &followUps;
    TransferService &transfers;
    UserAccounts &users;
    StatsService &stats;
    std::string version;
};

/// What one run of the background jobs did.
struct JobsReport
{
    DeficiencyTracker::Report deficiencies;
    int lapsed = 0;    ///< simulated approvals past their conditions' time
    int escalated = 0; ///< follow-ups of bad ratings past their due date
    int invited = 0;   ///< SMS invitations to rate a delivered case
};

/// Every background job once, in order, each on its own (one failing does not stop the others):
/// the follow-ups' escalation and the rating invitations first, so that the messages they queue
/// are sent by the deficiency tracker's sending step of the same run.
JobsReport runBackgroundJobs(Services &services);

class Router;

/// Registers every route of /api/v1 (see api/openapi.yaml), through the functions below: one
/// per resource, each in its own file.
void registerRoutes(Router &router, Services &services);

/// POST /sessions, DELETE /sessions/current, GET /me, POST /me/password.
void registerSessionRoutes(Router &router, Services &services);
/// Departments, centres, matters, bundles and the working-day calendar.
void registerCatalogRoutes(Router &router, Services &services);
/// The administrator's: a matter's versions (drafts, publication, differences), and the
/// catalog's export and import.
void registerCatalogAdminRoutes(Router &router, Services &services);
/// An applicant's electronic licences and broken-commitment record.
void registerApplicantRoutes(Router &router, Services &services);
/// POST /cases.
void registerIntakeRoutes(Router &router, Services &services);
/// Reading cases: the list, one case, its audit trail; and verifying the whole trail.
void registerCaseRoutes(Router &router, Services &services);
/// Deficient materials: the list and counts, supply and waive; the reminders' outbox and the
/// background jobs that follow deficiencies to their end.
void registerDeficiencyRoutes(Router &router, Services &services);
/// The back office's routes: decisions, resubmission, parts, the department's counts; the
/// result and the hand-off to the supervising department.
void registerReviewRoutes(Router &router, Services &services);
/// A case's attachments.
void registerAttachmentRoutes(Router &router, Services &services);
/// Results handed out at the counter or by mail, the citizens' ratings and the follow-ups of bad ones.
void registerDeliveryRoutes(Router &router, Services &services);
/// Batches of paper materials sent from a village centre to its hall, and their arrival.
void registerTransferRoutes(Router &router, Services &services);
/// GET /stats/summary.
void registerStatsRoutes(Router &router, Services &services);
/// The users and their passwords, kept by the security administrator.
void registerUserRoutes(Router &router, Services &services);
/// The auditor's search of the audit trail and the check of its chains.
void registerAuditRoutes(Router &router, Services &services);

} // namespace onewindow::server
