#include "domain/propertycertificate.h"

#include <QTest>

using namespace onewindow;
using P = PropertyCertificateNumber::Problem;

Q_DECLARE_METATYPE(onewindow::PropertyCertificateNumber::Problem)

namespace {

const Date kToday {std::chrono::year(2026), std::chrono::month(11), std::chrono::day(27)};

} // namespace

class tst_PropertyCertificate : public QObject
{
    Q_OBJECT

private slots:
    void check_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<P>("expected");
        QTest::newRow("Wujiang") << "苏(2026)吴江区不动产权第0001234号" << P::None;
        QTest::newRow("full-width parentheses") << "苏（2026）吴江区不动产权第0001234号" << P::None;
        QTest::newRow("a city") << "浙(2016)杭州市不动产权第0123456号" << P::None;
        QTest::newRow("a city and its district") << "苏(2017)苏州市吴江区不动产权第7001234号" << P::None;
        QTest::newRow("a second abbreviation") << "滇(2020)昆明市不动产权第0000001号" << P::None;
        QTest::newRow("the first year") << "京(2015)朝阳区不动产权第0012345号" << P::None;
        QTest::newRow("empty") << "" << P::Empty;
        QTest::newRow("no province") << "(2026)吴江区不动产权第0001234号" << P::Province;
        QTest::newRow("not a province") << "中(2026)吴江区不动产权第0001234号" << P::Province;
        QTest::newRow("Latin letter") << "S(2026)吴江区不动产权第0001234号" << P::Province;
        QTest::newRow("no parentheses") << "苏2026吴江区不动产权第0001234号" << P::Year;
        QTest::newRow("brackets") << "苏[2026]吴江区不动产权第0001234号" << P::Year;
        QTest::newRow("two-digit year") << "苏(26)吴江区不动产权第0001234号" << P::Year;
        QTest::newRow("before unified registration") << "苏(2014)吴江区不动产权第0001234号" << P::Year;
        QTest::newRow("next year") << "苏(2027)吴江区不动产权第0001234号" << P::Year;
        QTest::newRow("no district") << "苏(2026)不动产权第0001234号" << P::District;
        QTest::newRow("one character") << "苏(2026)区不动产权第0001234号" << P::District;
        QTest::newRow("Latin letters in the district") << "苏(2026)Wujiang不动产权第0001234号" << P::District;
        QTest::newRow("space in the district") << "苏(2026)吴江 区不动产权第0001234号" << P::District;
        QTest::newRow("six digits") << "苏(2026)吴江区不动产权第001234号" << P::Sequence;
        QTest::newRow("eight digits") << "苏(2026)吴江区不动产权第00001234号" << P::Sequence;
        QTest::newRow("no 号") << "苏(2026)吴江区不动产权第0001234" << P::Sequence;
        QTest::newRow("something after 号") << "苏(2026)吴江区不动产权第0001234号 " << P::Sequence;
        QTest::newRow("a mortgage proof is another paper") << "苏(2026)吴江区不动产证明第0001234号" << P::Sequence;
        QTest::newRow("the old house certificate") << "吴房权证盛字第00012345号" << P::Province;
    }
    void check()
    {
        QFETCH(QString, text);
        QFETCH(P, expected);
        QCOMPARE(PropertyCertificateNumber::check(text.toStdString(), kToday), expected);
        QCOMPARE(PropertyCertificateNumber::parse(text.toStdString(), kToday).has_value(), expected == P::None);
    }

    void withoutTodayAnyLaterYearIsTaken()
    {
        QCOMPARE(PropertyCertificateNumber::check("苏(2027)吴江区不动产权第0001234号"), P::None);
        QCOMPARE(PropertyCertificateNumber::check("苏(2014)吴江区不动产权第0001234号"), P::Year);
    }

    void parts()
    {
        const auto number = PropertyCertificateNumber::parse("苏（2026）苏州市吴江区不动产权第0001234号", kToday);
        QVERIFY(number);
        QCOMPARE(number->province(), std::string("苏"));
        QCOMPARE(number->year(), 2026);
        QCOMPARE(number->district(), std::string("苏州市吴江区"));
        QCOMPARE(number->sequence(), std::string("0001234"));
        QCOMPARE(number->text(), std::string("苏(2026)苏州市吴江区不动产权第0001234号"));
    }

    void malformedUtf8()
    {
        QCOMPARE(PropertyCertificateNumber::check("\xE8\x8B(2026)吴江区不动产权第0001234号"), P::Province);
        QCOMPARE(PropertyCertificateNumber::check("苏(2026)吴\xFF区不动产权第0001234号"), P::District);
        QCOMPARE(PropertyCertificateNumber::check("苏(2026)吴江区不动产权第0001234\xE5\x8F"), P::Sequence);
    }

    void problemCodes()
    {
        QCOMPARE(std::string(PropertyCertificateNumber::problemCode(P::Empty)), std::string("empty"));
        QCOMPARE(std::string(PropertyCertificateNumber::problemCode(P::Province)), std::string("province"));
        QCOMPARE(std::string(PropertyCertificateNumber::problemCode(P::Year)), std::string("year"));
        QCOMPARE(std::string(PropertyCertificateNumber::problemCode(P::District)), std::string("district"));
        QCOMPARE(std::string(PropertyCertificateNumber::problemCode(P::Sequence)), std::string("sequence"));
    }
};

QTEST_APPLESS_MAIN(tst_PropertyCertificate)
#include "tst_propertycertificate.moc"
