#pragma once

#include <string>

namespace onewindow::server {

class ApplicantRecords;
class AttachmentService;
class AuditTrail;
class CaseReader;
class Catalog;
class Clock;
class Database;
class DeficiencyQueries;
class DeficiencyResolution;
class DeficiencyTracker;
class DeliveryService;
class EvaluationService;
class IntakeService;
class ResultService;
class ReviewService;
class SessionService;
class SimulatedApprovals;

/// What the routes work with; owned by the application, handed to the routes by reference.
struct Services
{
    Database &db;
    const Clock &clock;
    AuditTrail &audit;
    Catalog &catalog;
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
    std::string version;
};

class Router;

/// Registers every route of /api/v1 (see api/openapi.yaml), through the functions below: one
/// per resource, each in its own file.
void registerRoutes(Router &router, Services &services);

/// POST /sessions, DELETE /sessions/current, GET /me.
void registerSessionRoutes(Router &router, Services &services);
/// Departments, centres, matters, bundles and the working-day calendar.
void registerCatalogRoutes(Router &router, Services &services);
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
/// Results handed out at the counter or by mail, and the citizens' ratings.
void registerDeliveryRoutes(Router &router, Services &services);

} // namespace onewindow::server
