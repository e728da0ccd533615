#include "domain/deficiencypolicy.h"

#include <QTest>

using namespace onewindow;

namespace {

Date d(const char *iso) { return *parseIsoDate(iso); }

// HF-002 housing fund withdrawal, as in the demo catalog.
MatterRules withdrawal()
{
    MatterRules m;
    m.code = "HF-002";
    m.promisedLimit = WorkingDays::fromDays(3);
    m.legalLimit = WorkingDays::fromDays(20);
    m.materials = {
        {"ID_CARD", "居民身份证", true, true, false, 0, "ID_CARD"},
        {"BANK_CARD", "银行卡", true, true, false, 0, ""},
        {"PURCHASE_CONTRACT", "购房合同", false, true, true, 5, ""},
        {"MARRIAGE_CERT", "结婚证", false, false, false, 0, ""},
    };
    return m;
}

WorkCalendar springFestival()
{
    WorkCalendar c;
    for (const char *day : {"2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
                            "2026-02-21", "2026-02-22", "2026-02-23"})
        c.addHoliday(d(day), "春节");
    c.addAdjustedWorkingDay(d("2026-02-14"));
    c.addAdjustedWorkingDay(d("2026-02-28"));
    return c;
}

} // namespace

Q_DECLARE_METATYPE(onewindow::DeficiencyRefusal)

class tst_DeficiencyPolicy : public QObject
{
    Q_OBJECT

private slots:
    void mayBeDeficient_data()
    {
        QTest::addColumn<QString>("material");
        QTest::addColumn<bool>("brokeCommitment");
        QTest::addColumn<DeficiencyRefusal>("expected");
        QTest::newRow("on the list") << "PURCHASE_CONTRACT" << false << DeficiencyRefusal::None;
        QTest::newRow("core") << "ID_CARD" << false << DeficiencyRefusal::CoreMaterial;
        QTest::newRow("core, no deficiency") << "BANK_CARD" << false << DeficiencyRefusal::CoreMaterial;
        QTest::newRow("optional, not on the list") << "MARRIAGE_CERT" << false << DeficiencyRefusal::NotOnDeficiencyList;
        QTest::newRow("unknown") << "PASSPORT" << false << DeficiencyRefusal::UnknownMaterial;
        QTest::newRow("applicant broke a commitment") << "PURCHASE_CONTRACT" << true
                                                      << DeficiencyRefusal::ApplicantBrokeCommitment;
    }
    void mayBeDeficient()
    {
        QFETCH(QString, material);
        QFETCH(bool, brokeCommitment);
        QFETCH(DeficiencyRefusal, expected);
        QCOMPARE(DeficiencyPolicy::mayBeDeficient(withdrawal(), material.toStdString(), {brokeCommitment}), expected);
    }

    void dueDateCountsWorkingDays()
    {
        const MatterRules m = withdrawal();
        const auto &contract = *m.material("PURCHASE_CONTRACT");
        QCOMPARE(DeficiencyPolicy::supplyDays(m, contract), 5);
        // Accepted Thursday 12 Feb: 13, 14 (adjusted Saturday), 24, 25, 26.
        QCOMPARE(toIsoString(DeficiencyPolicy::dueDate(springFestival(), m, contract, d("2026-02-12"))),
                 std::string("2026-02-26"));
        QCOMPARE(toIsoString(DeficiencyPolicy::dueDate(WorkCalendar(), m, contract, d("2026-12-01"))),
                 std::string("2026-12-08"));
    }

    void dueDateNeverBeyondLegalLimit()
    {
        MatterRules m = withdrawal();
        m.legalLimit = WorkingDays::fromDays(4);
        QCOMPARE(DeficiencyPolicy::supplyDays(m, *m.material("PURCHASE_CONTRACT")), 4);
        MaterialRule noOwnLimit = *m.material("PURCHASE_CONTRACT");
        noOwnLimit.maxDeficiencyDays = 0;
        QCOMPARE(DeficiencyPolicy::supplyDays(m, noOwnLimit), 4);
    }

    void matterMayCapAtPromisedLimit()
    {
        MatterRules m = withdrawal();
        m.deficiencyCap = DeficiencyCap::PromisedLimit;
        QCOMPARE(DeficiencyPolicy::supplyDays(m, *m.material("PURCHASE_CONTRACT")), 3);
        QCOMPARE(toIsoString(DeficiencyPolicy::dueDate(WorkCalendar(), m, *m.material("PURCHASE_CONTRACT"),
                                                      d("2026-11-27"))),
                 std::string("2026-12-02"));
        // A promised limit of half a day leaves no whole day: due the day of acceptance.
        m.promisedLimit = WorkingDays::fromDouble(0.5);
        QCOMPARE(DeficiencyPolicy::supplyDays(m, *m.material("PURCHASE_CONTRACT")), 0);
    }

    void terminationDateAddsGrace()
    {
        MatterRules m = withdrawal();
        QCOMPARE(toIsoString(DeficiencyPolicy::terminationDate(WorkCalendar(), m, d("2026-11-27"))),
                 std::string("2026-11-27"));
        m.terminationGraceDays = 2;
        QCOMPARE(toIsoString(DeficiencyPolicy::terminationDate(WorkCalendar(), m, d("2026-11-27"))),
                 std::string("2026-12-01"));
    }

    // Two working days before: Wednesday 2 December for a material due Friday 4 December 2026.
    void remindersBeforeOnAndAfterTheDueDate()
    {
        const WorkCalendar calendar;
        const Date due = d("2026-12-04");
        const auto at = [&](const char *today, int before = 2) {
            const auto r = DeficiencyPolicy::reminderDue(calendar, due, d(today), before);
            return std::string(r ? DeficiencyPolicy::reminderCode(*r) : "none");
        };
        QCOMPARE(at("2026-11-27"), std::string("none"));
        QCOMPARE(at("2026-12-01"), std::string("none"));
        QCOMPARE(at("2026-12-02"), std::string("due_soon"));
        QCOMPARE(at("2026-12-03"), std::string("due_soon"));
        QCOMPARE(at("2026-12-04"), std::string("due_today"));
        QCOMPARE(at("2026-12-05"), std::string("overdue"));
        QCOMPARE(at("2026-12-07"), std::string("overdue"));
        // Counted in working days: due on a Monday, two working days before is the Thursday.
        QCOMPARE(toIsoString(calendar.addWorkingDays(d("2026-12-07"), -2)), std::string("2026-12-03"));
        QCOMPARE(std::string(DeficiencyPolicy::reminderDue(calendar, d("2026-12-07"), d("2026-12-03"), 2)
                                 ? "due_soon"
                                 : "none"),
                 std::string("due_soon"));
        QVERIFY(!DeficiencyPolicy::reminderDue(calendar, d("2026-12-07"), d("2026-12-02"), 2));
        // No advance reminder at all when daysBefore is 0.
        QCOMPARE(at("2026-12-03", 0), std::string("none"));
    }

    void terminationTheDayAfterTheGracePeriod()
    {
        QVERIFY(!DeficiencyPolicy::terminationDue(d("2026-12-09"), d("2026-12-09")));
        QVERIFY(DeficiencyPolicy::terminationDue(d("2026-12-09"), d("2026-12-10")));
        QVERIFY(!DeficiencyPolicy::terminationDue(d("2026-12-09"), d("2026-12-01")));
    }

    void pausedWorkingDaysSkipWeekends()
    {
        const WorkCalendar calendar;
        // Friday 27 November to Wednesday 2 December: Monday, Tuesday, Wednesday.
        QCOMPARE(DeficiencyPolicy::pausedWorkingDays(calendar, d("2026-11-27"), d("2026-12-02")), 3);
        QCOMPARE(DeficiencyPolicy::pausedWorkingDays(calendar, d("2026-11-27"), d("2026-11-27")), 0);
        QCOMPARE(DeficiencyPolicy::pausedWorkingDays(calendar, d("2026-11-27"), d("2026-11-29")), 0);
        QCOMPARE(DeficiencyPolicy::pausedWorkingDays(calendar, d("2026-12-02"), d("2026-11-27")), 0);
    }

    void completeWhenEverythingIsThere()
    {
        const auto report = DeficiencyPolicy::completeness(
            withdrawal(),
            {{"ID_CARD", Provision::ELicense}, {"BANK_CARD", Provision::Paper}, {"PURCHASE_CONTRACT", Provision::Scan}});
        QCOMPARE(report.level, Completeness::Complete);
        QVERIFY(report.issues.empty());
        QVERIFY(report.tolerated.empty());
    }

    void toleratedDeficiency()
    {
        const auto report = DeficiencyPolicy::completeness(
            withdrawal(), {{"ID_CARD", Provision::Paper},
                           {"BANK_CARD", Provision::Paper},
                           {"PURCHASE_CONTRACT", Provision::Deficient}});
        QCOMPARE(report.level, Completeness::CompleteExceptTolerated);
        QCOMPARE(report.tolerated, std::vector<std::string>{"PURCHASE_CONTRACT"});
        QVERIFY(report.issues.empty());
    }

    // Everything missing or wrong is reported at once: that list is the one-time notice.
    void oneTimeNoticeListsEverything()
    {
        const auto report = DeficiencyPolicy::completeness(
            withdrawal(), {{"BANK_CARD", Provision::Deficient}, {"PASSPORT", Provision::Paper}});
        QCOMPARE(report.level, Completeness::RequiredMissing);
        std::vector<std::pair<std::string, std::string>> issues;
        for (const auto &issue : report.issues)
            issues.emplace_back(issue.materialCode, DeficiencyPolicy::issueCode(issue.kind));
        const std::vector<std::pair<std::string, std::string>> expected{
            {"PASSPORT", "unknown_material"},
            {"ID_CARD", "core_missing"},
            {"BANK_CARD", "core_missing"},
            {"PURCHASE_CONTRACT", "required_missing"},
        };
        QCOMPARE(issues, expected);
    }

    void deficiencyNotOnListIsAnIssue()
    {
        MatterRules m = withdrawal();
        m.materials[2].deficiencyAllowed = false;
        const auto report = DeficiencyPolicy::completeness(
            m, {{"ID_CARD", Provision::Paper}, {"BANK_CARD", Provision::Paper}, {"PURCHASE_CONTRACT", Provision::Deficient}});
        QCOMPARE(report.level, Completeness::RequiredMissing);
        QCOMPARE(report.issues.size(), std::size_t(1));
        QCOMPARE(report.issues[0].kind, MaterialIssue::Kind::DeficiencyNotAllowed);
    }

    void applicantWhoBrokeCommitmentIsRefused()
    {
        const auto report = DeficiencyPolicy::completeness(
            withdrawal(),
            {{"ID_CARD", Provision::Paper}, {"BANK_CARD", Provision::Paper}, {"PURCHASE_CONTRACT", Provision::Deficient}},
            ApplicantRecord{true});
        QCOMPARE(report.level, Completeness::RequiredMissing);
        QCOMPARE(report.issues.size(), std::size_t(1));
        QCOMPARE(report.issues[0].kind, MaterialIssue::Kind::ApplicantBrokeCommitment);
        QCOMPARE(std::string(DeficiencyPolicy::refusalCode(DeficiencyRefusal::ApplicantBrokeCommitment)),
                 std::string("applicant_broke_commitment"));
    }

    void optionalMaterialMayBeAbsent()
    {
        const auto report = DeficiencyPolicy::completeness(
            withdrawal(), {{"ID_CARD", Provision::Paper}, {"BANK_CARD", Provision::Paper},
                           {"PURCHASE_CONTRACT", Provision::Paper}, {"MARRIAGE_CERT", Provision::Missing}});
        QCOMPARE(report.level, Completeness::Complete);
    }
};

QTEST_APPLESS_MAIN(tst_DeficiencyPolicy)
#include "tst_deficiencypolicy.moc"
