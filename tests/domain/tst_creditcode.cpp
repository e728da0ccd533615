#include "domain/creditcode.h"

#include <QTest>

using namespace onewindow;
using P = CreditCode::Problem;

Q_DECLARE_METATYPE(onewindow::CreditCode::Problem)

class tst_CreditCode : public QObject
{
    Q_OBJECT

private slots:
    void check_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<P>("expected");
        QTest::newRow("Chengdu example") << "91512081MA62K0260E" << P::None;
        QTest::newRow("Beijing example") << "91110000802100433B" << P::None;
        QTest::newRow("lowercase") << "91512081ma62k0260e" << P::None;
        QTest::newRow("Z is not in the alphabet") << "91350100M000100Y4Z" << P::Characters;
        QTest::newRow("changed digit") << "91512081MA62K0261E" << P::CheckCharacter;
        QTest::newRow("wrong check") << "91110000802100433A" << P::CheckCharacter;
        QTest::newRow("letter O") << "91110000802100O33B" << P::Characters;
        QTest::newRow("letter I") << "9111000080210043IB" << P::Characters;
        QTest::newRow("letter S") << "S1110000802100433B" << P::Characters;
        QTest::newRow("letter V") << "V1110000802100433B" << P::Characters;
        QTest::newRow("region not digits") << "9151A081MA62K0260E" << P::Region;
        QTest::newRow("17 characters") << "91512081MA62K0260" << P::Length;
        QTest::newRow("empty") << "" << P::Empty;
        QTest::newRow("punctuation") << "91512081MA62K026-E" << P::Characters;
    }
    void check()
    {
        QFETCH(QString, text);
        QFETCH(P, expected);
        QCOMPARE(CreditCode::check(text.toStdString()), expected);
        QCOMPARE(CreditCode::parse(text.toStdString()).has_value(), expected == P::None);
    }

    void checkCharacterComputed()
    {
        QCOMPARE(CreditCode::checkCharacter("91512081MA62K0260"), 'E');
        QCOMPARE(CreditCode::checkCharacter("91110000802100433"), 'B');
        QCOMPARE(CreditCode::checkCharacter("91350100M000100Y4"), CreditCode::checkCharacter("91350100M000100Y4"));
        QVERIFY(CreditCode::checkCharacter("91350100M000100Y4") != 'Z');
        QCOMPARE(CreditCode::checkCharacter("9135010OM000100Y4"), '\0');
    }

    void everySingleCharacterChangeIsCaught()
    {
        const std::string valid = "91512081MA62K0260E";
        const std::string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (std::size_t i = 0; i < 17; ++i) {
            for (char c : alphabet) {
                if (c == valid[i])
                    continue;
                std::string changed = valid;
                changed[i] = c;
                QVERIFY2(CreditCode::check(changed) != P::None, changed.c_str());
            }
        }
    }

    void normalizedAndRegion()
    {
        const auto code = CreditCode::parse("91512081ma62k0260e");
        QVERIFY(code);
        QCOMPARE(code->text(), std::string("91512081MA62K0260E"));
        QCOMPARE(code->regionCode(), std::string("512081"));
    }
};

QTEST_APPLESS_MAIN(tst_CreditCode)
#include "tst_creditcode.moc"
