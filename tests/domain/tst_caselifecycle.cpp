#include "domain/caselifecycle.h"

#include <QTest>

#include <map>
#include <set>
#include <string>
#include <tuple>

using namespace onewindow;

namespace {

// The lifecycle written out independently of the implementation's table:
// (from, action) -> (to, roles allowed).
struct Expected
{
    std::string to;
    std::set<std::string> roles;
};

const std::map<std::pair<std::string, std::string>, Expected> &expectedTable()
{
    static const std::set<std::string> intake{"clerk", "agent"};
    static const std::set<std::string> review{"approver"};
    static const std::set<std::string> enforcement{"system", "supervisor"};
    static const std::map<std::pair<std::string, std::string>, Expected> table{
        {{"draft", "accept"}, {"accepted", intake}},
        {{"draft", "accept_with_deficiency"}, {"accepted_with_deficiency", intake}},
        {{"draft", "refuse_with_notice"}, {"not_accepted", intake}},
        {{"accepted", "start_review"}, {"under_review", review}},
        {{"accepted", "withdraw"}, {"withdrawn", intake}},
        {{"accepted_with_deficiency", "start_review"}, {"under_review", review}},
        {{"accepted_with_deficiency", "withdraw"}, {"withdrawn", intake}},
        {{"accepted_with_deficiency", "complete_materials"}, {"accepted", {"clerk", "agent", "supervisor", "system"}}},
        {{"accepted_with_deficiency", "terminate"}, {"terminated", enforcement}},
        {{"under_review", "approve"}, {"approved", review}},
        {{"under_review", "approve_simulated"}, {"approved_simulated", review}},
        {{"under_review", "return_for_correction"}, {"returned_for_correction", review}},
        {{"under_review", "reject"}, {"rejected", review}},
        {{"under_review", "withdraw"}, {"withdrawn", intake}},
        {{"under_review", "terminate"}, {"terminated", enforcement}},
        {{"returned_for_correction", "resubmit"}, {"under_review", intake}},
        {{"returned_for_correction", "withdraw"}, {"withdrawn", intake}},
        {{"approved_simulated", "confirm_simulated"}, {"approved", review}},
        {{"approved_simulated", "reject"}, {"rejected", review}},
        {{"approved_simulated", "lapse"}, {"terminated", {"system"}}},
        {{"approved", "release_result"}, {"result_ready", review}},
        {{"approved", "terminate"}, {"terminated", enforcement}},
        {{"result_ready", "deliver"}, {"delivered", intake}},
        {{"delivered", "close"}, {"closed", {"clerk", "agent", "system"}}},
    };
    return table;
}

// Facts under which every guard passes for this action.
CaseFacts passingFacts(CaseAction action)
{
    CaseFacts facts;
    facts.completeness = action == CaseAction::AcceptWithDeficiency ? Completeness::CompleteExceptTolerated
                                                                    : Completeness::Complete;
    facts.outstandingDeficiencies = 0;
    facts.deficiencyOverdueBeyondGrace = true;
    facts.simulatedConditionsMet = true;
    return facts;
}

std::string s(std::string_view v) { return std::string(v); }

} // namespace

class tst_CaseLifecycle : public QObject
{
    Q_OBJECT

private slots:
    void codesRoundTrip()
    {
        QCOMPARE(CaseLifecycle::states().size(), std::size_t(14));
        QCOMPARE(CaseLifecycle::actions().size(), std::size_t(17));
        std::set<std::string> seen;
        for (CaseState state : CaseLifecycle::states()) {
            QVERIFY(seen.insert(s(CaseLifecycle::stateCode(state))).second);
            QCOMPARE(CaseLifecycle::stateFromCode(CaseLifecycle::stateCode(state)), std::optional(state));
        }
        for (CaseAction action : CaseLifecycle::actions())
            QCOMPARE(CaseLifecycle::actionFromCode(CaseLifecycle::actionCode(action)), std::optional(action));
        for (Role role : kAllRoles)
            QCOMPARE(roleFromCode(roleCode(role)), std::optional(role));
        QVERIFY(!CaseLifecycle::stateFromCode("archived"));
        QVERIFY(!CaseLifecycle::actionFromCode("approve_all"));
        QVERIFY(!roleFromCode("root"));
    }

    // Every state x every action x every role.
    void everyStateActionRole()
    {
        int allowed = 0;
        int checked = 0;
        for (CaseState from : CaseLifecycle::states()) {
            for (CaseAction action : CaseLifecycle::actions()) {
                const auto key = std::pair(s(CaseLifecycle::stateCode(from)), s(CaseLifecycle::actionCode(action)));
                const auto it = expectedTable().find(key);
                for (Role role : kAllRoles) {
                    ++checked;
                    const CaseDecision decision = CaseLifecycle::decide(from, action, role, passingFacts(action));
                    const QByteArray where = QByteArray::fromStdString(key.first + " / " + key.second + " / "
                                                                       + s(roleCode(role)));
                    if (it == expectedTable().end()) {
                        QVERIFY2(decision.refusal == Refusal::NotAllowedInState, where.constData());
                        QVERIFY2(decision.to == from, where.constData());
                    } else if (!it->second.roles.contains(s(roleCode(role)))) {
                        QVERIFY2(decision.refusal == Refusal::RoleNotPermitted, where.constData());
                        QVERIFY2(decision.to == from, where.constData());
                    } else {
                        QVERIFY2(decision.allowed(), where.constData());
                        QCOMPARE(s(CaseLifecycle::stateCode(decision.to)), it->second.to);
                        ++allowed;
                    }
                }
            }
        }
        QCOMPARE(checked, 14 * 17 * 8);
        QCOMPARE(CaseLifecycle::transitions().size(), expectedTable().size());
        QVERIFY(allowed > 0);
    }

    void terminalStates()
    {
        const std::set<std::string> terminal{"not_accepted", "rejected", "withdrawn", "terminated", "closed"};
        for (CaseState state : CaseLifecycle::states())
            QCOMPARE(CaseLifecycle::isTerminal(state), terminal.contains(s(CaseLifecycle::stateCode(state))));
    }

    void acceptNeedsCompleteMaterials()
    {
        CaseFacts facts;
        facts.completeness = Completeness::CompleteExceptTolerated;
        QCOMPARE(CaseLifecycle::decide(CaseState::Draft, CaseAction::Accept, Role::Clerk, facts).refusal,
                 Refusal::MaterialsIncomplete);
        facts.completeness = Completeness::RequiredMissing;
        QCOMPARE(CaseLifecycle::decide(CaseState::Draft, CaseAction::Accept, Role::Agent, facts).refusal,
                 Refusal::MaterialsIncomplete);
        // Refusing with a one-time notice is always possible at intake.
        QVERIFY(CaseLifecycle::decide(CaseState::Draft, CaseAction::RefuseWithNotice, Role::Clerk, facts).allowed());
    }

    void acceptWithDeficiencyGuards()
    {
        CaseFacts facts;
        facts.completeness = Completeness::RequiredMissing;
        QCOMPARE(CaseLifecycle::decide(CaseState::Draft, CaseAction::AcceptWithDeficiency, Role::Clerk, facts).refusal,
                 Refusal::RequiredMaterialMissing);
        facts.completeness = Completeness::Complete;
        QCOMPARE(CaseLifecycle::decide(CaseState::Draft, CaseAction::AcceptWithDeficiency, Role::Clerk, facts).refusal,
                 Refusal::NothingDeficient);
        facts.completeness = Completeness::CompleteExceptTolerated;
        facts.applicantBrokeCommitment = true;
        QCOMPARE(CaseLifecycle::decide(CaseState::Draft, CaseAction::AcceptWithDeficiency, Role::Clerk, facts).refusal,
                 Refusal::ApplicantBrokeCommitment);
        facts.applicantBrokeCommitment = false;
        const auto ok = CaseLifecycle::decide(CaseState::Draft, CaseAction::AcceptWithDeficiency, Role::Clerk, facts);
        QVERIFY(ok.allowed());
        QCOMPARE(ok.to, CaseState::AcceptedWithDeficiency);
    }

    // No result is released while a deficiency is outstanding.
    void noReleaseWhileDeficiencyOutstanding()
    {
        CaseFacts facts;
        facts.outstandingDeficiencies = 1;
        QCOMPARE(CaseLifecycle::decide(CaseState::Approved, CaseAction::ReleaseResult, Role::Approver, facts).refusal,
                 Refusal::DeficiencyOutstanding);
        QCOMPARE(CaseLifecycle::decide(CaseState::ResultReady, CaseAction::Deliver, Role::Clerk, facts).refusal,
                 Refusal::DeficiencyOutstanding);
        // Work on the case goes on meanwhile.
        QVERIFY(CaseLifecycle::decide(CaseState::UnderReview, CaseAction::Approve, Role::Approver, facts).allowed());
        facts.outstandingDeficiencies = 0;
        QVERIFY(CaseLifecycle::decide(CaseState::Approved, CaseAction::ReleaseResult, Role::Approver, facts).allowed());
        QVERIFY(CaseLifecycle::isResultReleased(CaseState::ResultReady));
        QVERIFY(!CaseLifecycle::isResultReleased(CaseState::Approved));
    }

    void lastSuppliedMaterialCompletesTheCase()
    {
        CaseFacts facts;
        facts.outstandingDeficiencies = 1;
        QCOMPARE(CaseLifecycle::decide(CaseState::AcceptedWithDeficiency, CaseAction::CompleteMaterials, Role::Clerk,
                                       facts).refusal,
                 Refusal::DeficiencyOutstanding);
        facts.outstandingDeficiencies = 0;
        QCOMPARE(CaseLifecycle::decide(CaseState::AcceptedWithDeficiency, CaseAction::CompleteMaterials, Role::Agent,
                                       facts).to,
                 CaseState::Accepted);
    }

    void terminationNeedsOverdueDeficiency()
    {
        CaseFacts facts;
        facts.outstandingDeficiencies = 1;
        for (CaseState from : {CaseState::AcceptedWithDeficiency, CaseState::UnderReview, CaseState::Approved}) {
            facts.deficiencyOverdueBeyondGrace = false;
            QCOMPARE(CaseLifecycle::decide(from, CaseAction::Terminate, Role::System, facts).refusal,
                     Refusal::DeficiencyNotOverdue);
            facts.deficiencyOverdueBeyondGrace = true;
            QCOMPARE(CaseLifecycle::decide(from, CaseAction::Terminate, Role::System, facts).to, CaseState::Terminated);
        }
        // Once released, a result cannot be terminated: release required no outstanding deficiency.
        QCOMPARE(CaseLifecycle::decide(CaseState::ResultReady, CaseAction::Terminate, Role::System, facts).refusal,
                 Refusal::NotAllowedInState);
    }

    void simulatedApprovalNeedsConditions()
    {
        CaseFacts facts;
        QCOMPARE(CaseLifecycle::decide(CaseState::ApprovedSimulated, CaseAction::ConfirmSimulated, Role::Approver,
                                       facts).refusal,
                 Refusal::ConditionsNotMet);
        facts.simulatedConditionsMet = true;
        QCOMPARE(CaseLifecycle::decide(CaseState::ApprovedSimulated, CaseAction::ConfirmSimulated, Role::Approver,
                                       facts).to,
                 CaseState::Approved);
    }

    // Admin and auditor never change a case (separation of duties).
    void adminAndAuditorNeverAct()
    {
        for (const auto &t : CaseLifecycle::transitions()) {
            QVERIFY(!t.roles.contains(Role::Admin));
            QVERIFY(!t.roles.contains(Role::Auditor));
            QVERIFY(!t.roles.empty());
        }
    }

    void refusalCodesAreDistinct()
    {
        std::set<std::string> codes;
        for (int i = 0; i <= static_cast<int>(Refusal::NothingDeficient); ++i)
            QVERIFY(codes.insert(s(CaseLifecycle::refusalCode(static_cast<Refusal>(i)))).second);
        QCOMPARE(s(CaseLifecycle::refusalCode(Refusal::DeficiencyOutstanding)), std::string("deficiency_outstanding"));
    }
};

QTEST_APPLESS_MAIN(tst_CaseLifecycle)
#include "tst_caselifecycle.moc"
