#include "domain/birthcertificate.h"

#include <QTest>

using namespace onewindow;
using P = BirthCertificateNumber::Problem;

Q_DECLARE_METATYPE(onewindow::BirthCertificateNumber::Problem)

class tst_BirthCertificate : public QObject
{
    Q_OBJECT

private slots:
    void check_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<P>("expected");
        QTest::newRow("Jiangsu") << "X320101001" << P::None;
        QTest::newRow("Beijing") << "Q110000123" << P::None;
        QTest::newRow("Xinjiang") << "P650000001" << P::None;
        QTest::newRow("lowercase letter") << "x320101001" << P::None;
        QTest::newRow("empty") << "" << P::Empty;
        QTest::newRow("nine characters") << "X32010100" << P::Length;
        QTest::newRow("eleven characters") << "X3201010011" << P::Length;
        QTest::newRow("no letter") << "3320101001" << P::Characters;
        QTest::newRow("two letters") << "XX20101001" << P::Characters;
        QTest::newRow("letter at the end") << "320101001X" << P::Characters;
        QTest::newRow("punctuation") << "X32010-001" << P::Characters;
        QTest::newRow("province 10") << "X100101001" << P::Province;
        QTest::newRow("province 16") << "X160101001" << P::Province;
        QTest::newRow("province 71 issues none") << "X710101001" << P::Province;
        QTest::newRow("province 99") << "X990101001" << P::Province;
    }
    void check()
    {
        QFETCH(QString, text);
        QFETCH(P, expected);
        QCOMPARE(BirthCertificateNumber::check(text.toStdString()), expected);
        QCOMPARE(BirthCertificateNumber::parse(text.toStdString()).has_value(), expected == P::None);
    }

    void parts()
    {
        const auto number = BirthCertificateNumber::parse("x320101001");
        QVERIFY(number);
        QCOMPARE(number->text(), std::string("X320101001"));
        QCOMPARE(number->provinceCode(), std::string("32"));
    }

    void problemCodes()
    {
        QCOMPARE(std::string(BirthCertificateNumber::problemCode(P::Empty)), std::string("empty"));
        QCOMPARE(std::string(BirthCertificateNumber::problemCode(P::Length)), std::string("length"));
        QCOMPARE(std::string(BirthCertificateNumber::problemCode(P::Characters)), std::string("characters"));
        QCOMPARE(std::string(BirthCertificateNumber::problemCode(P::Province)), std::string("province"));
    }
};

QTEST_APPLESS_MAIN(tst_BirthCertificate)
#include "tst_birthcertificate.moc"
