#include "domain/businessscope.h"

#include <QTest>

#include <algorithm>
#include <set>

using namespace onewindow;
using P = BusinessScope::Problem;

Q_DECLARE_METATYPE(onewindow::BusinessScope::Problem)

class tst_BusinessScope : public QObject
{
    Q_OBJECT

private slots:
    void check_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<P>("expected");
        QTest::addColumn<QString>("offending");
        QTest::addColumn<QStringList>("codes"); ///< when valid
        QTest::newRow("one code") << "C1742" << P::None << "" << QStringList {"C1742"};
        QTest::newRow("semicolons") << "C1742;F5132" << P::None << "" << QStringList {"C1742", "F5132"};
        QTest::newRow("full-width semicolon") << "C1742；F5132" << P::None << "" << QStringList {"C1742", "F5132"};
        QTest::newRow("full-width comma and 、")
            << "H6210，H6220、F5221" << P::None << "" << QStringList {"H6210", "H6220", "F5221"};
        QTest::newRow("commas, spaces, lines")
            << " C1742 , F5132\nH6210\tI6513 " << P::None << "" << QStringList {"C1742", "F5132", "H6210", "I6513"};
        QTest::newRow("full-width space") << "C1742　F5132" << P::None << "" << QStringList {"C1742", "F5132"};
        QTest::newRow("lowercase") << "c1742;f5132" << P::None << "" << QStringList {"C1742", "F5132"};
        QTest::newRow("empty") << "" << P::Empty << "" << QStringList();
        QTest::newRow("only separators") << " ;，、 " << P::Empty << "" << QStringList();
        QTest::newRow("words instead of codes") << "纺织品销售" << P::Format << "纺织品销售" << QStringList();
        QTest::newRow("three digits") << "C174" << P::Format << "C174" << QStringList();
        QTest::newRow("no letter") << "17420" << P::Format << "17420" << QStringList();
        QTest::newRow("two letters") << "CC742" << P::Format << "CC742" << QStringList();
        QTest::newRow("code and name run together") << "C1742绢纺" << P::Format << "C1742绢纺" << QStringList();
        QTest::newRow("the second is wrong") << "C1742;F51320" << P::Format << "F51320" << QStringList();
        QTest::newRow("letter of another section") << "F1742" << P::Section << "F1742" << QStringList();
        QTest::newRow("division 00 is in no section") << "A0011" << P::Section << "A0011" << QStringList();
        QTest::newRow("division 98 is in no section") << "T9810" << P::Section << "T9810" << QStringList();
        QTest::newRow("U is no section") << "U9700" << P::Section << "U9700" << QStringList();
        QTest::newRow("well formed, not on the list") << "C1799" << P::UnknownCode << "C1799" << QStringList();
        QTest::newRow("twice") << "C1742;F5132;c1742" << P::Duplicate << "C1742" << QStringList();
    }
    void check()
    {
        QFETCH(QString, text);
        QFETCH(P, expected);
        QFETCH(QString, offending);
        QFETCH(QStringList, codes);
        std::string found;
        QCOMPARE(BusinessScope::check(text.toStdString(), &found), expected);
        QCOMPARE(QString::fromStdString(found), offending);
        QCOMPARE(BusinessScope::check(text.toStdString()), expected);
        const auto parsed = BusinessScope::parse(text.toStdString());
        QCOMPARE(parsed.has_value(), expected == P::None);
        if (parsed) {
            QStringList got;
            for (const auto &code : parsed->codes())
                got << QString::fromStdString(code);
            QCOMPARE(got, codes);
        }
    }

    // The list is sorted (industry() searches it), has each code once, and every code on it is
    // well formed and in its section: each is a valid scope on its own.
    void theListIsSound()
    {
        const auto industries = BusinessScope::industries();
        QVERIFY(industries.size() >= 40);
        QVERIFY(std::is_sorted(
            industries.begin(), industries.end(), [](const auto &a, const auto &b) { return a.code < b.code; }));
        std::set<std::string_view> codes;
        for (const auto &industry : industries) {
            QVERIFY(codes.insert(industry.code).second);
            QVERIFY(!industry.name.empty());
            QCOMPARE(BusinessScope::check(industry.code), P::None);
            QCOMPARE(BusinessScope::industry(industry.code), &industry);
        }
        QCOMPARE(std::string(BusinessScope::industry("C1742")->name), std::string("绢纺和丝织加工"));
        QCOMPARE(BusinessScope::industry("C1799"), nullptr);
        QCOMPARE(BusinessScope::industry("c1742"), nullptr); // codes are looked up as written
    }

    void problemCodes()
    {
        QCOMPARE(std::string(BusinessScope::problemCode(P::Empty)), std::string("empty"));
        QCOMPARE(std::string(BusinessScope::problemCode(P::Format)), std::string("format"));
        QCOMPARE(std::string(BusinessScope::problemCode(P::Section)), std::string("section"));
        QCOMPARE(std::string(BusinessScope::problemCode(P::UnknownCode)), std::string("unknown_code"));
        QCOMPARE(std::string(BusinessScope::problemCode(P::Duplicate)), std::string("duplicate"));
    }
};

QTEST_APPLESS_MAIN(tst_BusinessScope)
#include "tst_businessscope.moc"
