#include "api/services.h"

#include "auth/sessions.h"

#include "evaluation/evaluationservice.h"
#include "evaluation/followups.h"
#include "review/simulatedapprovals.h"

#include <spdlog/spdlog.h>

namespace onewindow::server {

namespace {

template<typename Job>
void runLogged(const char *name, Job job)
{
    try {
        job();
    } catch (const std::exception &e) {
        spdlog::error("the {} job failed: {}", name, e.what());
    }
}

} // namespace

JobsReport runBackgroundJobs(Services &s)
{
    JobsReport report;
    runLogged("follow-ups' escalation", [&] { report.escalated = s.followUps.escalateOverdue(); });
    runLogged("rating invitations", [&] { report.invited = s.evaluations.inviteUnrated(); });
    runLogged("deficiency", [&] { report.deficiencies = s.tracker.runAll(); });
    runLogged("simulated approvals' lapse", [&] { report.lapsed = s.simulated.lapse(); });
    runLogged("sessions' purge", [&] {
        if (const std::size_t purged = s.sessions.purge())
            spdlog::info("{} ended session(s) purged", purged);
    });
    if (report.escalated || report.invited)
        spdlog::info("rating jobs: {} follow-up(s) escalated, {} invitation(s) queued", report.escalated,
                     report.invited);
    return report;
}

} // namespace onewindow::server
