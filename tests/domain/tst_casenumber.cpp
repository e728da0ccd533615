#include "domain/casenumber.h"

#include <QTest>

using namespace onewindow;

class tst_CaseNumber : public QObject
{
    Q_OBJECT

private slots:
    void format()
    {
        const auto n = CaseNumber::make("SZ", *parseIsoDate("2026-11-28"), 1);
        QVERIFY(n);
        QCOMPARE(n->text(), std::string("SZ-20261128-00001"));
        QCOMPARE(CaseNumber::make("SZ-V01", *parseIsoDate("2026-01-04"), 123456)->text(),
                 std::string("SZ-V01-20260104-123456"));
    }

    void parseRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("hall") << "SZ-20261128-00001" << true;
        QTest::newRow("village centre") << "SZ-V02-20261128-00042" << true;
        QTest::newRow("six-digit sequence") << "SZ-20261128-100000" << true;
        QTest::newRow("short sequence") << "SZ-20261128-1" << false;
        QTest::newRow("padded too much") << "SZ-20261128-000001" << false;
        QTest::newRow("zero sequence") << "SZ-20261128-00000" << false;
        QTest::newRow("bad date") << "SZ-20260230-00001" << false;
        QTest::newRow("lowercase centre") << "sz-20261128-00001" << false;
        QTest::newRow("no centre") << "-20261128-00001" << false;
        QTest::newRow("nothing") << "" << false;
        QTest::newRow("spaces") << "SZ 20261128 00001" << false;
        QTest::newRow("double dash") << "SZ--V01-20261128-00001" << false;
    }
    void parseRoundTrip()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto n = CaseNumber::parse(text.toStdString());
        QCOMPARE(n.has_value(), valid);
        if (n)
            QCOMPARE(QString::fromStdString(n->text()), text);
    }

    void parts()
    {
        const auto n = CaseNumber::parse("SZ-V01-20261128-00042");
        QVERIFY(n);
        QCOMPARE(n->centreCode(), std::string("SZ-V01"));
        QCOMPARE(toIsoString(n->date()), std::string("2026-11-28"));
        QCOMPARE(n->sequence(), 42L);
    }

    void invalidInputs()
    {
        const Date day = *parseIsoDate("2026-11-28");
        QVERIFY(!CaseNumber::make("", day, 1));
        QVERIFY(!CaseNumber::make("SZ", day, 0));
        QVERIFY(!CaseNumber::make("SZ", day, -5));
        QVERIFY(!CaseNumber::make("SZ_1", day, 1));
        QVERIFY(!CaseNumber::make("THIS-CODE-IS-TOO-LONG", day, 1));
        QVERIFY(CaseNumber::isValidCentreCode("SZ-V01"));
        QVERIFY(!CaseNumber::isValidCentreCode("SZ-"));
    }

    void orderedBySequenceWithinADay()
    {
        // Zero padding keeps text order equal to sequence order for the first 99999 a day.
        const Date day = *parseIsoDate("2026-11-28");
        QVERIFY(CaseNumber::make("SZ", day, 9)->text() < CaseNumber::make("SZ", day, 10)->text());
    }
};

QTEST_APPLESS_MAIN(tst_CaseNumber)
#include "tst_casenumber.moc"
