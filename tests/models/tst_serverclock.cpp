// The client's one "today": learned from the server at sign-in and from GET /health, turning at
// the server's midnight, never read off this PC's calendar.
#include "models/apiclient.h"
#include "apisignin.h"
#include "models/serverclock.h"
#include "serverprocess.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow::models;

class tst_ServerClock : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;

    // A GET /health answer: the server's business date and its real clock.
    static QJsonObject health(const QString &today, const QDateTime &now)
    {
        return {{"today", today}, {"now", now.toString(Qt::ISODateWithMs)}};
    }

private slots:
    void initTestCase()
    {
        QString error;
        const TestDatabase db = TestDatabase::create(TestDatabase::Kind::SQLite, m_dir.path(), &error);
        // The day before the National Day holiday, whatever this PC's date.
        QVERIFY2(m_server.start({"--database", db.url(), "--demo", "--today", "2026-09-30"}, &error), qPrintable(error));
    }

    void unknownUntilTheServerAnswers()
    {
        ApiClient api;
        QVERIFY(!api.clock()->isKnown());
        QVERIFY(!api.clock()->isSkewed());
        QCOMPARE(api.clock()->skewSeconds(), 0);
    }

    // Signing in learns the server's date before the sign-in is reported.
    void signInLearnsTheServersDate()
    {
        ApiClient api;
        api.setBaseUrl(QUrl(m_server.baseUrl()));
        QSignalSpy changed(api.clock(), &ServerClock::todayChanged);
        QVERIFY(signInAndWait(api, "clerk1"));
        QVERIFY(api.clock()->isKnown());
        QCOMPARE(api.clock()->today(), QDate(2026, 9, 30));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toDate(), QDate(2026, 9, 30));
        // The server pretends another date, but its clock is this machine's: no skew to report.
        QVERIFY2(!api.clock()->isSkewed(), qPrintable(QString::number(api.clock()->skewSeconds())));
        // Asked again: the same date, no change announced.
        QSignalSpy learned(api.clock(), &ServerClock::learned);
        bool ok = false;
        api.clock()->refresh([&ok](bool answered) { ok = answered; });
        QVERIFY(learned.wait(30000));
        QVERIFY(ok);
        QCOMPARE(changed.count(), 1);
    }

    void unreachableServerKeepsWhatWasLearned()
    {
        ApiClient api;
        api.setMaxRetries(0);
        QVERIFY(api.clock()->learn(health("2026-09-30", ServerClock::pcNow())));
        api.setBaseUrl(QUrl("http://127.0.0.1:1"));
        std::optional<bool> answered;
        api.clock()->refresh([&answered](bool ok) { answered = ok; });
        QTRY_VERIFY_WITH_TIMEOUT(answered.has_value(), 30000);
        QVERIFY(!*answered);
        QVERIFY(api.clock()->isKnown());
        QCOMPARE(api.clock()->today(), QDate(2026, 9, 30));
    }

    void answersWithoutADateAreIgnored()
    {
        ApiClient api;
        QVERIFY(!api.clock()->learn({}));
        QVERIFY(!api.clock()->learn({{"today", "30 September"}}));
        QVERIFY(!api.clock()->isKnown());
        QVERIFY(api.clock()->learn({{"today", "2026-09-30"}})); // no time: the date still counts
        QCOMPARE(api.clock()->today(), QDate(2026, 9, 30));
        QVERIFY(!api.clock()->isSkewed());
    }

    // Midnight on the server's clock turns the date, by the clock's own timer, wherever this
    // PC's clock stands; a server that pretends a date turns it at its own midnight too.
    void noticesTheServersMidnight_data()
    {
        QTest::addColumn<QDate>("serverClockDate");
        QTest::newRow("the server's real date") << QDate(2026, 9, 30);
        QTest::newRow("a pretended date") << QDate(2027, 3, 15);
    }

    void noticesTheServersMidnight()
    {
        QFETCH(QDate, serverClockDate);
        ApiClient api;
        QSignalSpy changed(api.clock(), &ServerClock::todayChanged);
        const QDateTime lateEvening(serverClockDate, QTime(23, 59, 59, 700), Qt::OffsetFromUTC, 8 * 3600);
        QVERIFY(api.clock()->learn(health("2026-09-30", lateEvening)));
        QCOMPARE(api.clock()->today(), QDate(2026, 9, 30));
        QCOMPARE(changed.count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 2, 5000);
        QCOMPARE(changed.at(1).at(0).toDate(), QDate(2026, 10, 1));
        QCOMPARE(api.clock()->today(), QDate(2026, 10, 1));
        QCOMPARE(api.clock()->now().offsetFromUtc(), 8 * 3600);
    }

    // The status bar's warning: this PC's clock far from the server's, either way.
    void skewIsMeasuredAgainstTheServersClock()
    {
        ApiClient api;
        const QDateTime pc = ServerClock::pcNow();
        QVERIFY(api.clock()->learn(health(pc.date().toString(Qt::ISODate), pc.addSecs(2 * 3600))));
        QVERIFY(api.clock()->isSkewed());
        QVERIFY2(qAbs(api.clock()->skewSeconds() + 2 * 3600) < 60, qPrintable(QString::number(api.clock()->skewSeconds())));
        QVERIFY(api.clock()->learn(health(pc.date().toString(Qt::ISODate), pc.addSecs(-600))));
        QVERIFY(api.clock()->isSkewed());
        QVERIFY(api.clock()->skewSeconds() > 0);
        QVERIFY(api.clock()->learn(health(pc.date().toString(Qt::ISODate), pc.addSecs(-60))));
        QVERIFY(!api.clock()->isSkewed());
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_ServerClock)
#include "tst_serverclock.moc"
