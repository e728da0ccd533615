#include "domain/statenames.h"

#include <QSet>
#include <QTest>

using namespace onewindow;

class tst_StateNames : public QObject
{
    Q_OBJECT

private slots:
    void everyStateHasItsCodeAndOneChineseName()
    {
        QSet<QString> chinese;
        for (const CaseState state : CaseLifecycle::states()) {
            const StateName name = StateNames::of(state);
            QCOMPARE(name.code, CaseLifecycle::stateCode(state));
            QVERIFY2(!name.chinese.empty(), name.code.data());
            chinese.insert(QString::fromUtf8(name.chinese.data(), static_cast<qsizetype>(name.chinese.size())));
        }
        QCOMPARE(chinese.size(), static_cast<qsizetype>(CaseLifecycle::states().size()));
        QCOMPARE(StateNames::of(CaseState::Rejected).chinese, std::string_view("不予许可"));
        QCOMPARE(StateNames::of(CaseState::NotAccepted).chinese, std::string_view("不予受理"));
    }

    void deficiencyStatusesRoundTrip()
    {
        QCOMPARE(StateNames::deficiencyStatuses().size(), std::size_t{4});
        for (const DeficiencyStatus status : StateNames::deficiencyStatuses()) {
            const StateName name = StateNames::of(status);
            QCOMPARE(StateNames::deficiencyStatusFromCode(name.code), std::optional(status));
            QVERIFY(!name.chinese.empty());
        }
        QCOMPARE(StateNames::deficiencyStatusFromCode("owed"), std::nullopt);
        QVERIFY(StateNames::isOwed(DeficiencyStatus::Overdue));
        QVERIFY(StateNames::isOwed(DeficiencyStatus::Outstanding));
        QVERIFY(!StateNames::isOwed(DeficiencyStatus::Waived));
        QCOMPARE(StateNames::of(DeficiencyStatus::Supplied).chinese, std::string_view("已补交"));
    }
};

QTEST_APPLESS_MAIN(tst_StateNames)
#include "tst_statenames.moc"
