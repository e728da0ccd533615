// --demo-history N on SQLite or PostgreSQL (ONEWINDOW_TEST_DATABASE): a year of cases made through
// the server's own services, day by day. What a demonstration needs of it is checked, not exact
// numbers: cases at the hall, its village centres and the second hall, on working days only (the
// Spring Festival week is empty), refusals, deficiencies brought in time and late, terminations,
// rejections, late decisions, ratings of every level and open follow-ups; the figures agree
// with the cases listed behind them; the audit trail verifies; a second start adds nothing.
#include "serverprocess.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString api(const QString &path) { return QStringLiteral("/api/v1") + path; }
const QString kYear = QStringLiteral("/stats/summary?from=2026-01-01&to=2026-11-27");

} // namespace

class tst_DemoHistory : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestDatabase m_db;
    ServerProcess m_server;
    SignedInUsers m_users{m_server};

    HttpClient &as(const QString &username) { return m_users.as(username); }

    bool start(const QStringList &extra = {})
    {
        QString error;
        const bool started = m_server.start(QStringList{"--database", m_db.url(), "--demo", "--today", "2026-11-27",
                                                        "--log-file", m_dir.filePath("server.log")}
                                                + extra,
                                            &error);
        if (!started)
            qWarning("%s", qPrintable(error));
        return started;
    }

    QJsonObject summary(const QString &user, const QString &query = kYear) { return as(user).getObject(api(query)); }

private slots:
    void initTestCase()
    {
        QString error;
        m_db = TestDatabase::forSuite(m_dir.path(), &error);
        QVERIFY2(!m_db.url().isEmpty(), qPrintable(error));
        QVERIFY(start({"--demo-history", "600"}));
    }

    void aYearAtTheHallAndItsVillages()
    {
        const QJsonObject s = summary("supervisor1");
        const QJsonObject cases = s.value("cases").toObject();
        // The hall and its villages take about four in five of the cases; the rest are TL's.
        QVERIFY2(cases.value("accepted").toInt() > 350 && cases.value("accepted").toInt() < 600,
                 qPrintable(QString::number(cases.value("accepted").toInt())));
        for (const char *figure : {"acceptedWithDeficiency", "refused", "approved", "rejected", "terminated", "delivered"})
            QVERIFY2(cases.value(figure).toInt() > 0, figure);
        const QJsonObject limits = s.value("timeLimits").toObject();
        QVERIFY(limits.value("decided").toInt() > 300);
        QVERIFY(limits.value("promisedRate").toDouble() > 0.7 && limits.value("promisedRate").toDouble() < 0.95);
        QVERIFY(limits.value("withinLegal").toInt() > limits.value("withinPromised").toInt());
        const QJsonObject deficiencies = s.value("deficiencies").toObject();
        for (const char *figure : {"suppliedInTime", "suppliedLate", "terminated"})
            QVERIFY2(deficiencies.value(figure).toInt() > 0, figure);
        const QJsonObject ratings = s.value("ratings").toObject();
        for (const char *level : {"2", "3", "4", "5"})
            QVERIFY2(ratings.value("levels").toObject().value(level).toInt() > 0, level);
        QVERIFY(ratings.value("satisfactionRate").toDouble() > 0.9);
        QVERIFY(s.value("followUps").toObject().value("open").toInt() > 0);

        QStringList centers;
        for (const auto &c : s.value("centers").toArray())
            centers << c.toObject().value("code").toString();
        QCOMPARE(centers, (QStringList{"SZ", "SZ-V01", "SZ-V02"}));
        QVERIFY(summary("supervisor-tl").value("cases").toObject().value("accepted").toInt() > 50);

        // Working days only: the Spring Festival week (16 to 22 February) is empty, the weeks
        // around it are not.
        QMap<QString, int> weeks;
        for (const auto &w : s.value("weeks").toArray())
            weeks.insert(w.toObject().value("from").toString(), w.toObject().value("accepted").toInt());
        QCOMPARE(weeks.value("2026-02-16", -1), 0);
        QVERIFY(weeks.value("2026-02-09") > 0);
        QVERIFY(weeks.value("2026-03-02") > 0);
    }

    // The cases behind the figures are as many as the figures say.
    void theCasesBehindTheFigures()
    {
        const QJsonObject s = summary("supervisor1", "/stats/summary?from=2026-06-01&to=2026-06-30");
        for (const char *figure : {"cases.accepted", "cases.rejected", "cases.delivered", "timeLimits.withinPromised"}) {
            int listed = 0;
            QString path = api("/cases?limit=100&acceptedFrom=2026-06-01&acceptedTo=2026-06-30&figure=") + figure;
            while (!path.isEmpty()) {
                const ApiReply r = as("supervisor1").get(path);
                QCOMPARE(r.status, 200);
                listed += int(r.object().value("items").toArray().size());
                const QString next = r.object().value("nextCursor").toString();
                path = next.isEmpty() ? QString()
                                      : api("/cases?limit=100&acceptedFrom=2026-06-01&acceptedTo=2026-06-30&figure=")
                                            + figure + "&cursor=" + next;
            }
            const QStringList key = QString::fromLatin1(figure).split('.');
            QCOMPARE(listed, s.value(key[0]).toObject().value(key[1]).toInt());
        }
    }

    void theAuditTrailVerifies()
    {
        const ApiReply r = as("auditor").get(api("/audit/verify"));
        QCOMPARE(r.status, 200);
        QVERIFY2(r.object().value("valid").toBool(), r.body.constData());
        QVERIFY(r.object().value("entries").toInt() > 1500);
    }

    // Started again with the option, the database keeps what it has; without --demo, refused.
    void aSecondStartAddsNothing()
    {
        const int before = summary("supervisor1").value("cases").toObject().value("accepted").toInt();
        m_server.stop();
        m_users.clear();
        QVERIFY(start({"--demo-history", "600"}));
        QCOMPARE(summary("supervisor1").value("cases").toObject().value("accepted").toInt(), before);
        m_server.stop();
        QProcess bare;
        bare.start(ServerProcess::binary(), {"--database", m_db.url(), "--demo-history", "10"});
        QVERIFY(bare.waitForFinished(30000));
        QCOMPARE(bare.exitCode(), 64);
        QVERIFY(bare.readAllStandardError().contains("--demo-history needs --demo"));
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(tst_DemoHistory)
#include "tst_demohistory.moc"
