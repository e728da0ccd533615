#include "domain/idnumber.h"

#include <QTest>

using namespace onewindow;
using P = IdNumber::Problem;

Q_DECLARE_METATYPE(onewindow::IdNumber::Problem)

class tst_IdNumber : public QObject
{
    Q_OBJECT

private slots:
    void check_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<P>("expected");
        QTest::newRow("standard example") << "11010519491231002X" << P::None;
        QTest::newRow("GB 11643 second example") << "440524188001010014" << P::None;
        QTest::newRow("lowercase x") << "11010519491231002x" << P::None;
        QTest::newRow("changed sequence digit") << "11010519491231003X" << P::CheckCharacter;
        QTest::newRow("changed region digit") << "21010519491231002X" << P::CheckCharacter;
        QTest::newRow("wrong check character") << "110105194912310021" << P::CheckCharacter;
        QTest::newRow("empty") << "" << P::Empty;
        QTest::newRow("17 characters") << "11010519491231002" << P::Length;
        QTest::newRow("old 15-digit number") << "110105491231002" << P::Length;
        QTest::newRow("19 characters") << "11010519491231002X1" << P::Length;
        QTest::newRow("letter inside") << "1101051949123A002X" << P::Characters;
        QTest::newRow("X not last") << "X10105194912310021" << P::Characters;
        QTest::newRow("wrong last letter") << "11010519491231002Y" << P::Characters;
        QTest::newRow("13th month") << "110105194913310029" << P::BirthDate;
        QTest::newRow("30 February") << "110105200002300028" << P::BirthDate;
        QTest::newRow("before 1800") << "110105170001010029" << P::BirthDate;
    }
    void check()
    {
        QFETCH(QString, text);
        QFETCH(P, expected);
        QCOMPARE(IdNumber::check(text.toStdString()), expected);
        QCOMPARE(IdNumber::parse(text.toStdString()).has_value(), expected == P::None);
    }

    void everyDigitChangeIsCaught()
    {
        const std::string valid = "11010519491231002X";
        for (std::size_t i = 0; i < 17; ++i) {
            for (char d = '0'; d <= '9'; ++d) {
                if (d == valid[i])
                    continue;
                std::string changed = valid;
                changed[i] = d;
                QVERIFY2(IdNumber::check(changed) != P::None, changed.c_str());
            }
        }
    }

    void checkCharacterComputed()
    {
        QCOMPARE(IdNumber::checkCharacter("11010519491231002"), 'X');
        QCOMPARE(IdNumber::checkCharacter("44052418800101001"), '4');
        QCOMPARE(IdNumber::checkCharacter("4405241880010100"), '\0');
        QCOMPARE(IdNumber::checkCharacter("4405241880010100A"), '\0');
    }

    void birthDateAndSex()
    {
        const auto id = IdNumber::parse("11010519491231002X");
        QVERIFY(id);
        QCOMPARE(toIsoString(id->birthDate()), std::string("1949-12-31"));
        QCOMPARE(id->sex(), IdNumber::Sex::Female); // sequence 002: even
        const auto man = IdNumber::parse("440524188001010014");
        QVERIFY(man);
        QCOMPARE(toIsoString(man->birthDate()), std::string("1880-01-01"));
        QCOMPARE(man->sex(), IdNumber::Sex::Male); // sequence 001: odd
    }

    void futureBirthDateRefusedWithToday()
    {
        const std::string first17 = "11010520300101001";
        const std::string future = first17 + IdNumber::checkCharacter(first17);
        QCOMPARE(IdNumber::check(future), P::None);
        QCOMPARE(IdNumber::check(future, parseIsoDate("2026-11-28")), P::BirthDate);
        QCOMPARE(IdNumber::check("11010519491231002X", parseIsoDate("2026-11-28")), P::None);
    }

    void normalizedToUppercase()
    {
        QCOMPARE(IdNumber::parse("11010519491231002x")->text(), std::string("11010519491231002X"));
    }

    void masking()
    {
        QCOMPARE(IdNumber::parse("11010519491231002X")->masked(), std::string("110105********002X"));
        QCOMPARE(IdNumber::mask("320584199001011234"), std::string("320584********1234"));
        QCOMPARE(IdNumber::mask("12345"), std::string("*2345"));
        QCOMPARE(IdNumber::mask("123"), std::string("***"));
    }

    void problemCodes()
    {
        QCOMPARE(std::string(IdNumber::problemCode(P::CheckCharacter)), std::string("check_character"));
        QCOMPARE(std::string(IdNumber::problemCode(P::BirthDate)), std::string("birth_date"));
    }
};

QTEST_APPLESS_MAIN(tst_IdNumber)
#include "tst_idnumber.moc"
