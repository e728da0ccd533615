#pragma once

#include <string>

namespace onewindow::server {

class AttachmentService;
class AuditTrail;
class CaseService;
class DeficiencyTracker;
class ReviewService;
class Catalog;
class Clock;
class Database;
class SessionService;

/// What the routes work with; owned by the application, handed to the routes by reference.
struct Services
{
    Database &db;
    const Clock &clock;
    AuditTrail &audit;
    Catalog &catalog;
    SessionService &sessions;
    CaseService &cases;
    AttachmentService &attachments;
    DeficiencyTracker &tracker;
    ReviewService &review;
    std::string version;
};

class Router;

/// Registers every route of /api/v1 (see api/openapi.yaml).
void registerRoutes(Router &router, Services &services);
/// The back office's routes (decisions, resubmission, parts); called by registerRoutes.
void registerReviewRoutes(Router &router, Services &services);

} // namespace onewindow::server
