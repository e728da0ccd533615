#include "auth/policy.h"

#include <QTest>

#include <map>
#include <set>

using namespace onewindow::server;
using Cap = AuthorizationPolicy::Capability;

namespace {

Principal user(const std::string &role, const std::string &center = {}, const std::string &department = {})
{
    Principal p;
    p.username = role;
    p.role = role;
    p.center = center;
    p.department = department;
    return p;
}

const std::vector<Cap> kCapabilities{Cap::ReadCatalog,      Cap::EditCatalog,      Cap::EditCalendar,
                                     Cap::ReadLicenses,     Cap::CreateCase,       Cap::ReadCases,
                                     Cap::SupplyDeficiency, Cap::ReadDeficiencies, Cap::ReadCaseAudit,
                                     Cap::VerifyAudit,      Cap::UploadAttachment, Cap::ReadAttachments,
                                     Cap::WaiveDeficiency,  Cap::ReadNotifications, Cap::ClearBrokenCommitment,
                                     Cap::RunJobs,          Cap::DecideCase,       Cap::ResubmitCase,
                                     Cap::SendTransfer,     Cap::ReceiveTransfer,  Cap::ReadTransfers,
                                     Cap::ManageUsers};

} // namespace

class tst_AuthorizationPolicy : public QObject
{
    Q_OBJECT

private slots:
    // Every role x every capability.
    void capabilities()
    {
        const std::map<std::string, std::set<Cap>> allowed{
            {"clerk", {Cap::ReadCatalog, Cap::ReadLicenses, Cap::CreateCase, Cap::ReadCases, Cap::SupplyDeficiency,
                       Cap::ReadDeficiencies, Cap::ReadCaseAudit, Cap::UploadAttachment, Cap::ReadAttachments,
                       Cap::ResubmitCase, Cap::SendTransfer, Cap::ReceiveTransfer, Cap::ReadTransfers}},
            {"agent", {Cap::ReadCatalog, Cap::ReadLicenses, Cap::CreateCase, Cap::ReadCases, Cap::SupplyDeficiency,
                       Cap::ReadDeficiencies, Cap::ReadCaseAudit, Cap::UploadAttachment, Cap::ReadAttachments,
                       Cap::ResubmitCase, Cap::SendTransfer, Cap::ReadTransfers}},
            {"approver", {Cap::ReadCatalog, Cap::ReadCases, Cap::ReadDeficiencies, Cap::ReadCaseAudit,
                          Cap::ReadAttachments, Cap::DecideCase}},
            {"supervisor", {Cap::ReadCatalog, Cap::ReadCases, Cap::SupplyDeficiency, Cap::ReadDeficiencies,
                            Cap::ReadCaseAudit, Cap::UploadAttachment, Cap::ReadAttachments, Cap::WaiveDeficiency,
                            Cap::ReadNotifications, Cap::ClearBrokenCommitment, Cap::ReadTransfers}},
            {"admin", {Cap::ReadCatalog, Cap::EditCatalog, Cap::EditCalendar, Cap::RunJobs}},
            {"auditor", {Cap::ReadCatalog, Cap::ReadCaseAudit, Cap::VerifyAudit}},
            // Users and passwords, and nothing else: no case, no catalog edit, no audit trail.
            {"security_admin", {Cap::ReadCatalog, Cap::ManageUsers}},
            {"intruder", {Cap::ReadCatalog}},
        };
        for (const auto &[role, caps] : allowed) {
            for (Cap cap : kCapabilities) {
                const QByteArray where = QByteArray::fromStdString(role) + " / " + QByteArray::number(int(cap));
                QVERIFY2(AuthorizationPolicy::can(user(role), cap) == caps.contains(cap), where.constData());
            }
        }
    }

    // Every role x a case in scope and out of scope.
    void caseScope()
    {
        const CaseScope hall{"SZ", "", {"HF"}};
        const CaseScope village1{"SZ-V01", "SZ", {"MR"}};
        const CaseScope otherHall{"PW", "", {"HF", "MR"}};
        struct Row
        {
            Principal who;
            bool hall, village1, otherHall;
        };
        const std::vector<Row> rows{
            {user("clerk", "SZ"), true, true, false},
            {user("supervisor", "SZ"), true, true, false},
            {user("agent", "SZ-V01"), false, true, false},
            {user("agent", "SZ-V02"), false, false, false},
            {user("approver", {}, "HF"), true, false, true},
            {user("approver", {}, "MR"), false, true, true},
            {user("admin"), false, false, false},
            {user("auditor"), false, false, false},
            {user("security_admin"), false, false, false},
            {user("clerk"), false, false, false}, // a clerk without a centre sees nothing
        };
        for (const Row &row : rows) {
            QCOMPARE(AuthorizationPolicy::inScope(row.who, hall, Cap::ReadCases), row.hall);
            QCOMPARE(AuthorizationPolicy::inScope(row.who, village1, Cap::ReadCases), row.village1);
            QCOMPARE(AuthorizationPolicy::inScope(row.who, otherHall, Cap::ReadCases), row.otherHall);
        }
        // The auditor reads every case's audit trail, and nothing else of it.
        QVERIFY(AuthorizationPolicy::inScope(user("auditor"), otherHall, Cap::ReadCaseAudit));
        QVERIFY(!AuthorizationPolicy::inScope(user("auditor"), otherHall, Cap::ReadCases));
        // An approver may read but not supply.
        QVERIFY(!AuthorizationPolicy::inScope(user("approver", {}, "HF"), hall, Cap::SupplyDeficiency));
        // Attachments: read like the case, uploaded like a supply; waiving is the supervisor's, in scope only.
        QVERIFY(AuthorizationPolicy::inScope(user("approver", {}, "HF"), hall, Cap::ReadAttachments));
        QVERIFY(!AuthorizationPolicy::inScope(user("approver", {}, "HF"), hall, Cap::UploadAttachment));
        QVERIFY(!AuthorizationPolicy::inScope(user("agent", "SZ-V02"), village1, Cap::UploadAttachment));
        QVERIFY(AuthorizationPolicy::inScope(user("supervisor", "SZ"), village1, Cap::WaiveDeficiency));
        QVERIFY(!AuthorizationPolicy::inScope(user("supervisor", "SZ"), otherHall, Cap::WaiveDeficiency));
        QVERIFY(!AuthorizationPolicy::inScope(user("clerk", "SZ"), hall, Cap::WaiveDeficiency));
    }

    void acceptOnlyAtOwnCenter()
    {
        QVERIFY(AuthorizationPolicy::mayAcceptAt(user("clerk", "SZ"), "SZ"));
        QVERIFY(!AuthorizationPolicy::mayAcceptAt(user("clerk", "SZ"), "SZ-V01"));
        QVERIFY(AuthorizationPolicy::mayAcceptAt(user("agent", "SZ-V01"), "SZ-V01"));
        QVERIFY(!AuthorizationPolicy::mayAcceptAt(user("supervisor", "SZ"), "SZ"));
        QVERIFY(!AuthorizationPolicy::mayAcceptAt(user("clerk"), ""));
    }

    // Every role x a batch of papers from a village centre to its hall, and from elsewhere.
    void transferScope()
    {
        const TransferScope fromVillage1{"SZ-V01", "SZ"};
        const TransferScope elsewhere{"PW-V01", "PW"};
        struct Row
        {
            Principal who;
            bool reads, receives, readsElsewhere;
        };
        const std::vector<Row> rows{
            {user("clerk", "SZ"), true, true, false},
            {user("supervisor", "SZ"), true, false, false},
            {user("agent", "SZ-V01"), true, false, false},
            {user("agent", "SZ-V02"), false, false, false},
            {user("clerk", "SZ-V01"), true, false, false}, // a village centre's clerk sends, the hall receives
            {user("clerk", "PW"), false, false, true},
            {user("approver", {}, "HF"), false, false, false},
            {user("admin"), false, false, false},
            {user("auditor"), false, false, false},
            {user("security_admin"), false, false, false},
            {user("clerk"), false, false, false},
        };
        for (const Row &row : rows) {
            const QByteArray who = QByteArray::fromStdString(row.who.role + "@" + row.who.center);
            QVERIFY2(AuthorizationPolicy::inScope(row.who, fromVillage1, Cap::ReadTransfers) == row.reads, who);
            QVERIFY2(AuthorizationPolicy::inScope(row.who, fromVillage1, Cap::ReceiveTransfer) == row.receives, who);
            QVERIFY2(AuthorizationPolicy::inScope(row.who, elsewhere, Cap::ReadTransfers) == row.readsElsewhere, who);
        }
        // Only a village centre's counter sends (its centre's parent is the hall).
        QVERIFY(AuthorizationPolicy::maySendFrom(user("agent", "SZ-V01"), "SZ"));
        QVERIFY(AuthorizationPolicy::maySendFrom(user("clerk", "SZ-V01"), "SZ"));
        QVERIFY(!AuthorizationPolicy::maySendFrom(user("clerk", "SZ"), ""));
        QVERIFY(!AuthorizationPolicy::maySendFrom(user("supervisor", "SZ-V01"), "SZ"));
        QVERIFY(!AuthorizationPolicy::maySendFrom(user("agent"), "SZ"));
        // The lists: the centre's own batches for an agent, also those addressed to it for the hall.
        QCOMPARE(AuthorizationPolicy::transferFilter(user("agent", "SZ-V01"), "t").sql, std::string("t.center = ?"));
        QCOMPARE(AuthorizationPolicy::transferFilter(user("clerk", "SZ"), "t").sql,
                 std::string("(t.center = ? OR t.hall = ?)"));
        QCOMPARE(AuthorizationPolicy::transferFilter(user("approver", {}, "HF"), "t").sql, std::string("1 = 0"));
        QCOMPARE(AuthorizationPolicy::transferFilter(user("clerk"), "t").sql, std::string("1 = 0"));
    }

    void listFilters()
    {
        QCOMPARE(AuthorizationPolicy::caseFilter(user("agent", "SZ-V01"), "c").sql, std::string("c.center = ?"));
        const auto approver = AuthorizationPolicy::caseFilter(user("approver", {}, "HF"), "c");
        // The department as a whole code between the list's commas, never a LIKE pattern.
        QCOMPARE(approver.sql, std::string("REPLACE(c.departments, ?, '') <> c.departments"));
        QCOMPARE(std::get<std::string>(approver.params.at(0)), std::string(",HF,"));
        QCOMPARE(std::get<std::string>(AuthorizationPolicy::caseFilter(user("approver", {}, "H_"), "c").params.at(0)),
                 std::string(",H_,"));
        QCOMPARE(AuthorizationPolicy::caseFilter(user("approver"), "c").sql, std::string("1 = 0"));
        QCOMPARE(AuthorizationPolicy::departmentCondition("departments", "H,F").sql, std::string("1 = 0"));
        QCOMPARE(AuthorizationPolicy::caseFilter(user("admin"), "c").sql, std::string("1 = 0"));
        QCOMPARE(AuthorizationPolicy::caseFilter(user("security_admin"), "c").sql, std::string("1 = 0"));
        QCOMPARE(AuthorizationPolicy::caseFilter(user("clerk", "SZ"), "c").params.size(), std::size_t(2));
    }
};

QTEST_APPLESS_MAIN(tst_AuthorizationPolicy)
#include "tst_authorizationpolicy.moc"
