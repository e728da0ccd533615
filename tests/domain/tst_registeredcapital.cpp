#include "domain/registeredcapital.h"

#include <QTest>

using namespace onewindow;
using P = RegisteredCapital::Problem;

Q_DECLARE_METATYPE(onewindow::RegisteredCapital::Problem)

class tst_RegisteredCapital : public QObject
{
    Q_OBJECT

private slots:
    void check_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<P>("expected");
        QTest::addColumn<qint64>("fen"); ///< when valid
        QTest::newRow("whole 万元") << "100" << P::None << qint64(100'000'000);
        QTest::newRow("decimals") << "12.5" << P::None << qint64(12'500'000);
        QTest::newRow("one fen: six decimals") << "0.000001" << P::None << qint64(1);
        QTest::newRow("leading zeros") << "0050" << P::None << qint64(50'000'000);
        QTest::newRow("the bound itself") << "100000000" << P::None << qint64(100'000'000'000'000);
        QTest::newRow("the bound with zero decimals") << "100000000.000000" << P::None << qint64(100'000'000'000'000);
        QTest::newRow("seven decimals") << "0.0000001" << P::TooManyDecimals << qint64(0);
        QTest::newRow("seven decimals, zero") << "1.0000000" << P::TooManyDecimals << qint64(0);
        QTest::newRow("zero") << "0" << P::NotPositive << qint64(0);
        QTest::newRow("zero with decimals") << "0.000000" << P::NotPositive << qint64(0);
        QTest::newRow("a fen over the bound") << "100000000.000001" << P::TooLarge << qint64(0);
        QTest::newRow("ten digits") << "1000000000" << P::TooLarge << qint64(0);
        QTest::newRow("many digits") << "99999999999999999999999999" << P::TooLarge << qint64(0);
        QTest::newRow("many leading zeros") << "000000000000000000001" << P::None << qint64(1'000'000);
        QTest::newRow("negative") << "-5" << P::Format << qint64(0);
        QTest::newRow("plus sign") << "+5" << P::Format << qint64(0);
        QTest::newRow("no digits before the point") << ".5" << P::Format << qint64(0);
        QTest::newRow("no digits after the point") << "5." << P::Format << qint64(0);
        QTest::newRow("two points") << "1.2.3" << P::Format << qint64(0);
        QTest::newRow("thousands separator") << "1,000" << P::Format << qint64(0);
        QTest::newRow("exponent") << "1e3" << P::Format << qint64(0);
        QTest::newRow("space") << " 100" << P::Format << qint64(0);
        QTest::newRow("unit typed") << "100万元" << P::Format << qint64(0);
        QTest::newRow("full-width digits") << "１００" << P::Format << qint64(0);
        QTest::newRow("empty") << "" << P::Empty << qint64(0);
    }
    void check()
    {
        QFETCH(QString, text);
        QFETCH(P, expected);
        QFETCH(qint64, fen);
        const std::string utf8 = text.toStdString();
        QCOMPARE(RegisteredCapital::check(utf8), expected);
        const auto parsed = RegisteredCapital::parse(utf8);
        QCOMPARE(parsed.has_value(), expected == P::None);
        if (parsed)
            QCOMPARE(static_cast<qint64>(parsed->fen()), fen);
    }

    void problemCodes()
    {
        QCOMPARE(std::string(RegisteredCapital::problemCode(P::None)), std::string("none"));
        QCOMPARE(std::string(RegisteredCapital::problemCode(P::Empty)), std::string("empty"));
        QCOMPARE(std::string(RegisteredCapital::problemCode(P::Format)), std::string("format"));
        QCOMPARE(std::string(RegisteredCapital::problemCode(P::TooManyDecimals)), std::string("too_many_decimals"));
        QCOMPARE(std::string(RegisteredCapital::problemCode(P::NotPositive)), std::string("not_positive"));
        QCOMPARE(std::string(RegisteredCapital::problemCode(P::TooLarge)), std::string("too_large"));
    }
};

QTEST_APPLESS_MAIN(tst_RegisteredCapital)
#include "tst_registeredcapital.moc"
