#include "domain/passwordrules.h"

#include <QTest>

using namespace onewindow;

class tst_PasswordRules : public QObject
{
    Q_OBJECT

    // The problems of `password` for `username` as their codes, comma-separated.
    static QString problems(const PasswordRules &rules, const QString &password, const QString &username = "clerk9")
    {
        QStringList codes;
        for (PasswordRules::Problem p : rules.check(password.toStdString(), username.toStdString()))
            codes << PasswordRules::problemCode(p);
        return codes.join(',');
    }

private slots:
    void check_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("expected");
        QTest::newRow("three kinds, ten characters") << "Spring2026x" << "";
        QTest::newRow("four kinds") << "Sp-ring2026" << "";
        QTest::newRow("lower, digit, other") << "spring-2026" << "";
        QTest::newRow("nine characters") << "Spring202" << "too_short";
        QTest::newRow("two kinds") << "springtime2026" << "too_simple";
        QTest::newRow("one kind") << "springtimes" << "too_simple";
        QTest::newRow("short and simple") << "abc" << "too_short,too_simple";
        QTest::newRow("username inside") << "Xclerk9-2026" << "contains_username";
        QTest::newRow("username in capitals") << "CLERK9-spring" << "contains_username";
        QTest::newRow("everything wrong") << "clerk9" << "too_short,too_simple,contains_username";
        // Chinese characters are of the other kind, and each counts once however many bytes.
        QTest::newRow("Chinese counts as characters") << QStringLiteral("春天spring26") << "";
        QTest::newRow("Chinese too short") << QStringLiteral("春天Ab1") << "too_short";
        QTest::newRow("empty") << "" << "too_short,too_simple";
    }
    void check()
    {
        QFETCH(QString, password);
        QFETCH(QString, expected);
        QCOMPARE(problems(PasswordRules(), password), expected);
    }

    void minimumIsASetting()
    {
        QCOMPARE(PasswordRules().minLength(), std::size_t(10));
        QCOMPARE(problems(PasswordRules(14), "Spring2026x"), QStringLiteral("too_short"));
        QCOMPARE(problems(PasswordRules(14), "Spring2026x-abc"), QString());
        // No username, nothing to contain.
        QCOMPARE(problems(PasswordRules(), "Spring2026x", ""), QString());
    }
};

QTEST_APPLESS_MAIN(tst_PasswordRules)
#include "tst_passwordrules.moc"
