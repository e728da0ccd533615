#include "auth/passwords.h"

#include <QSet>
#include <QTest>

using namespace onewindow::server;

class tst_Passwords : public QObject
{
    Q_OBJECT

private slots:
    void hashAndVerify()
    {
        const std::string stored = PasswordHasher::hash("OneWindow-demo-1", 1000);
        QVERIFY(stored.rfind("pbkdf2-sha256$1000$", 0) == 0);
        QVERIFY(PasswordHasher::verify("OneWindow-demo-1", stored));
        QVERIFY(!PasswordHasher::verify("OneWindow-demo-2", stored));
        QVERIFY(!PasswordHasher::verify("", stored));
    }

    void saltMakesEveryHashDifferent()
    {
        QVERIFY(PasswordHasher::hash("same", 1000) != PasswordHasher::hash("same", 1000));
    }

    void defaultCostIsHigh()
    {
        const std::string stored = PasswordHasher::hash("x");
        QVERIFY(stored.find("$" + std::to_string(PasswordHasher::kDefaultIterations) + "$") != std::string::npos);
        QVERIFY(PasswordHasher::kDefaultIterations >= 300000);
    }

    void malformedStoredValuesNeverVerify_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::newRow("empty") << "";
        QTest::newRow("plain text") << "OneWindow-demo-1";
        QTest::newRow("other scheme") << "md5$1000$c2FsdA==$aGFzaA==";
        QTest::newRow("too few iterations") << "pbkdf2-sha256$10$c2FsdA==$aGFzaA==";
        QTest::newRow("not a number") << "pbkdf2-sha256$many$c2FsdA==$aGFzaA==";
        QTest::newRow("short hash") << "pbkdf2-sha256$1000$c2FsdA==$aGFzaA==";
        QTest::newRow("missing parts") << "pbkdf2-sha256$1000";
    }
    void malformedStoredValuesNeverVerify()
    {
        QFETCH(QString, stored);
        QVERIFY(!PasswordHasher::verify("OneWindow-demo-1", stored.toStdString()));
    }

    void tokensAreRandomAndUrlSafe()
    {
        QSet<QString> seen;
        for (int i = 0; i < 100; ++i) {
            const QString token = QString::fromStdString(randomToken());
            QCOMPARE(token.size(), 43); // 32 bytes, base64url without padding
            QVERIFY(!token.contains('+') && !token.contains('/') && !token.contains('='));
            seen.insert(token);
        }
        QCOMPARE(seen.size(), 100);
    }

    void oneTimePasswordsAreRandomAndReadable()
    {
        QSet<QString> seen;
        QSet<QChar> characters;
        for (int i = 0; i < 200; ++i) {
            const QString password = QString::fromStdString(oneTimePassword(16));
            QCOMPARE(password.size(), 16);
            for (QChar c : password) {
                QVERIFY(c.isLetterOrNumber() && c.unicode() < 128);
                characters.insert(c);
            }
            seen.insert(password);
        }
        QCOMPARE(seen.size(), 200);
        // Every character of the alphabet comes up; none read one for another.
        QCOMPARE(characters.size(), 56);
        for (QChar c : QStringLiteral("0Oo1Il"))
            QVERIFY(!characters.contains(c));
        QCOMPARE(oneTimePassword(40).size(), std::size_t(40));
    }

    void sha256KnownVector()
    {
        QCOMPARE(QString::fromStdString(sha256Hex("abc")),
                 QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
};

QTEST_APPLESS_MAIN(tst_Passwords)
#include "tst_passwords.moc"
