// A hall's figures (GET /stats/summary) over real HTTP, on SQLite or PostgreSQL
// (ONEWINDOW_TEST_DATABASE), against a data set this test makes day by day (the server restarted
// with --today): cases accepted a year before and this September at the hall, its village centre
// and another hall; a refusal on record; a decision the next day and one in November, across the
// National Day holiday; a deficiency supplied after its due date; ratings and a follow-up. Each figure is
// checked against what the test did, the working days counted by hand over the 2026 holiday
// schedule. Every exchange is recorded for the OpenAPI check.
#include "sampleintake.h"
#include "serverprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <utility>

namespace {

QString api(const QString &path) { return QStringLiteral("/api/v1") + path; }
QByteArray newKey() { return QByteArray("key-") + QByteArray::number(QRandomGenerator::global()->generate64()); }
const QString kSeptember = QStringLiteral("/stats/summary?from=2026-09-01&to=2026-09-30");

} // namespace

class tst_Stats : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestDatabase m_db;
    ServerProcess m_server;
    SignedInUsers m_users{m_server};
    QJsonObject m_decided;     ///< HF-001 at SZ, approved on 30 September
    QJsonObject m_deficient;   ///< HF-001 at SZ with the labour contract owed, supplied on 20 October
    QJsonObject m_village;     ///< HF-002 at SZ-V01, rejected on 20 November
    QJsonObject m_refused;     ///< HF-001 at SZ, refused with a one-time notice

    HttpClient &as(const QString &username) { return m_users.as(username); }

    // The server on `today`, the background jobs only when asked (so that nothing is terminated
    // or escalated behind the test's back).
    bool startOn(const QString &today)
    {
        if (!m_server.baseUrl().isEmpty())
            m_server.stop();
        m_users.clear();
        QFile config(m_dir.filePath("server.properties"));
        if (!config.open(QIODevice::WriteOnly))
            return false;
        config.write("jobs.intervalSeconds = 0\n");
        config.close();
        QString error;
        const bool started = m_server.start(
            {"--database", m_db.url(), "--demo", "--today", today, "--config", config.fileName()}, &error);
        if (!started)
            qWarning("%s", qPrintable(error));
        return started;
    }

    QJsonObject accept(const QString &clerk, const QString &center, const QString &matter,
                       const QStringList &deficient = {})
    {
        const QJsonObject body
            = sampleIntake(as(clerk), matter, center, samplePerson(QStringLiteral("张三"), "11010519491231002X"), deficient);
        const ApiReply r = as(clerk).post(api("/cases"), toJson(body), {{"Idempotency-Key", newKey()}});
        if (r.status != 201)
            qFatal("intake of %s at %s refused: %d %s", qPrintable(matter), qPrintable(center), r.status, r.body.constData());
        return r.object();
    }

    ApiReply decide(const QString &approver, const QJsonObject &c, const QJsonObject &decision)
    {
        const QString path = api("/cases/") + c.value("id").toString();
        return as(approver).post(path + "/decisions", toJson(decision),
                                 {{"If-Match", as(approver).get(path).header("etag")}, {"Idempotency-Key", newKey()}});
    }

    QJsonObject summary(const QString &user, const QString &query = kSeptember) { return as(user).getObject(api(query)); }

private slots:
    void initTestCase()
    {
        QString error;
        m_db = TestDatabase::forSuite(m_dir.path(), &error);
        QVERIFY2(!m_db.url().isEmpty(), qPrintable(error));

        // 29 September 2026, the Tuesday before the National Day holiday.
        QVERIFY(startOn("2026-09-29"));
        // A year before: two cases at the hall, one at its village centre (the demo catalog's
        // matters begin in 2026, so they are taken in now and dated back a year in the database).
        QStringList lastYear;
        for (const auto &[clerk, center] : {std::pair{"clerk1", "SZ"}, {"clerk1", "SZ"}, {"agent1", "SZ-V01"}})
            lastYear << "'" + accept(clerk, center, "HF-001").value("id").toString() + "'";
        m_decided = accept("clerk1", "SZ", "HF-001");
        m_deficient = accept("clerk1", "SZ", "HF-001", {"LABOR_CONTRACT"});
        m_village = accept("agent1", "SZ-V01", "HF-002");
        accept("clerk1", "SZ", "MR-004");
        accept("clerk-tl", "TL", "HF-001"); // another hall
        QJsonObject refusal = sampleIntake(as("clerk1"), "HF-001", "SZ", samplePerson(QStringLiteral("王五"), "110101199003070935"));
        QJsonArray materials;
        for (const auto &m : refusal.value("materials").toArray()) {
            if (m.toObject().value("code").toString() != "LABOR_CONTRACT")
                materials.append(m);
        }
        refusal.insert("materials", materials);
        refusal.insert("refusal", QJsonObject{{"kind", "one_time_notice"}, {"reason", "NA02"}});
        const ApiReply refused = as("clerk1").post(api("/cases"), toJson(refusal), {{"Idempotency-Key", newKey()}});
        QCOMPARE(refused.status, 201);
        m_refused = refused.object();
        QCOMPARE(m_refused.value("status").toString(), QStringLiteral("not_accepted"));
        // Rated on paper forms entered by the supervisor: very satisfied, and dissatisfied (which
        // opens a follow-up, due in five working days).
        const auto rate = [this](const QJsonObject &c, int level) {
            return as("supervisor1")
                .post(api("/cases/") + c.value("id").toString() + "/evaluations",
                      toJson({{"event", "intake"}, {"level", level}, {"channel", "paper"}}))
                .status;
        };
        QCOMPARE(rate(m_decided, 5), 201);
        QCOMPARE(rate(m_village, 2), 201);

        m_server.stop();
        // Cases edited by hand are queued for counting again, at the next start.
        QVERIFY2(m_db.execute({"UPDATE cases SET accepted_at = '2025-09-29' || SUBSTR(accepted_at, 11) WHERE id IN ("
                                   + lastYear.join(',') + ")",
                               "INSERT INTO figures_backlog (case_id) SELECT id FROM cases WHERE id IN ("
                                   + lastYear.join(',') + ")"},
                              &error),
                 qPrintable(error));

        // Approved the next day, within its promise of one working day.
        QVERIFY(startOn("2026-09-30"));
        QCOMPARE(decide("approver-hf", m_decided, {{"matter", "HF-001"}, {"decision", "approve"}}).status, 200);

        // The labour contract brought on 20 October, after its due date.
        QVERIFY(startOn("2026-10-20"));
        const QString path = api("/cases/") + m_deficient.value("id").toString();
        const QJsonObject deficiency = m_deficient.value("deficiencies").toArray()[0].toObject();
        QVERIFY(deficiency.value("dueDate").toString() < QStringLiteral("2026-10-20"));
        const ApiReply supplied = as("clerk1").post(path + "/deficiencies/" + deficiency.value("id").toString() + "/supply",
                                                    toJson({{"provided", "paper"}}),
                                                    {{"If-Match", as("clerk1").get(path).header("etag")}});
        QCOMPARE(supplied.status, 200);

        // Rejected on Friday 20 November.
        QVERIFY(startOn("2026-11-20"));
        QCOMPARE(decide("approver-hf", m_village,
                        {{"matter", "HF-002"}, {"decision", "reject"}, {"reasons", QJsonArray{QStringLiteral("提取条件不符")}}})
                     .status,
                 200);

        QVERIFY(startOn("2026-11-27"));
    }

    // The supervisor's hall and its village centre: every figure.
    void theHallsSeptember()
    {
        const QJsonObject s = summary("supervisor1");
        QCOMPARE(s.value("from").toString(), QStringLiteral("2026-09-01"));
        QCOMPARE(s.value("to").toString(), QStringLiteral("2026-09-30"));
        QVERIFY(s.value("center").isNull());

        const QJsonObject cases = s.value("cases").toObject();
        QCOMPARE(cases.value("accepted").toInt(), 4); // two HF-001, HF-002 at the village, MR-004; not TL's
        QCOMPARE(cases.value("acceptedWithDeficiency").toInt(), 1);
        QCOMPARE(cases.value("refused").toInt(), 1);
        QCOMPARE(cases.value("returned").toInt(), 0);
        QCOMPARE(cases.value("approved").toInt(), 1);
        QCOMPARE(cases.value("rejected").toInt(), 1);
        QCOMPARE(cases.value("terminated").toInt(), 0);
        QCOMPARE(cases.value("delivered").toInt(), 0);

        // Decided on 30 September and 20 November; the limits as the cases were given them.
        const QJsonObject limits = s.value("timeLimits").toObject();
        QCOMPARE(limits.value("decided").toInt(), 2);
        const int promised = (QStringLiteral("2026-09-30") <= m_decided.value("promisedDueDate").toString())
                             + (QStringLiteral("2026-11-20") <= m_village.value("promisedDueDate").toString());
        const int legal = (QStringLiteral("2026-09-30") <= m_decided.value("legalDueDate").toString())
                          + (QStringLiteral("2026-11-20") <= m_village.value("legalDueDate").toString());
        QCOMPARE(promised, 1); // the data set is what it is meant to be: one on time, one late
        QCOMPARE(legal, 1);
        QCOMPARE(limits.value("withinPromised").toInt(), promised);
        QCOMPARE(limits.value("withinLegal").toInt(), legal);
        QCOMPARE(limits.value("promisedRate").toDouble(), 0.5);
        QCOMPARE(limits.value("legalRate").toDouble(), 0.5);
        // Working days after 29 September: to the 30th, 1; to 20 November, 30 September, 8 to 10
        // October (1 to 7 October are the National Day holiday, Saturday the 10th is worked in
        // exchange), 15 more in October and 15 in November: 34.
        QCOMPARE(limits.value("meanWorkingDays").toDouble(), 17.5);
        QCOMPARE(limits.value("p90WorkingDays").toInt(), 34);

        const QJsonObject deficiencies = s.value("deficiencies").toObject();
        QCOMPARE(deficiencies.value("total").toInt(), 1);
        QCOMPARE(deficiencies.value("suppliedLate").toInt(), 1);
        QCOMPARE(deficiencies.value("suppliedInTime").toInt(), 0);
        QCOMPARE(deficiencies.value("waived").toInt(), 0);
        QCOMPARE(deficiencies.value("outstanding").toInt(), 0);

        const QJsonObject ratings = s.value("ratings").toObject();
        QCOMPARE(ratings.value("total").toInt(), 2);
        QCOMPARE(ratings.value("levels").toObject().value("5").toInt(), 1);
        QCOMPARE(ratings.value("levels").toObject().value("2").toInt(), 1);
        QCOMPARE(ratings.value("satisfied").toInt(), 1);
        QCOMPARE(ratings.value("satisfactionRate").toDouble(), 0.5);

        // The dissatisfied rating's follow-up, open and past its five working days.
        const QJsonObject followUps = s.value("followUps").toObject();
        QCOMPARE(followUps.value("total").toInt(), 1);
        QCOMPARE(followUps.value("open").toInt(), 1);
        QCOMPARE(followUps.value("overdue").toInt(), 1);

        // Year on year: the hall 3 against 2 (+50%), its village 1 against 1.
        QStringList centers;
        for (const auto &c : s.value("centers").toArray()) {
            const QJsonObject o = c.toObject();
            centers << QStringLiteral("%1 %2 %3 %4")
                           .arg(o.value("code").toString())
                           .arg(o.value("accepted").toInt())
                           .arg(o.value("lastYear").toInt())
                           .arg(o.value("change").toDouble());
        }
        QCOMPARE(centers, (QStringList{"SZ 3 2 0.5", "SZ-V01 1 1 0"}));

        // Week by week: September 2026 begins on a Tuesday and ends on a Wednesday; everything
        // was taken in on the 29th.
        QStringList weeks;
        for (const auto &w : s.value("weeks").toArray()) {
            const QJsonObject o = w.toObject();
            weeks << QStringLiteral("%1..%2 %3 %4 %5 %6 %7 %8")
                         .arg(o.value("from").toString(), o.value("to").toString())
                         .arg(o.value("accepted").toInt())
                         .arg(o.value("decided").toInt())
                         .arg(o.value("withinPromised").toInt())
                         .arg(o.value("promisedRate").isNull() ? QStringLiteral("-") : QString::number(o.value("promisedRate").toDouble()))
                         .arg(o.value("rated").toInt())
                         .arg(o.value("satisfactionRate").isNull() ? QStringLiteral("-") : QString::number(o.value("satisfactionRate").toDouble()));
        }
        QCOMPARE(weeks, (QStringList{"2026-09-01..2026-09-06 0 0 0 - 0 -", "2026-09-07..2026-09-13 0 0 0 - 0 -",
                                     "2026-09-14..2026-09-20 0 0 0 - 0 -", "2026-09-21..2026-09-27 0 0 0 - 0 -",
                                     "2026-09-28..2026-09-30 4 2 1 0.5 2 0.5"}));
        QCOMPARE(limits.value("promisedRateTarget").toDouble(), 0.9); // the default setting
    }

    // An approver sees their department's cases in every hall; nothing of another department.
    void theDepartmentsSeptember()
    {
        const QJsonObject s = summary("approver-hf");
        QCOMPARE(s.value("cases").toObject().value("accepted").toInt(), 4); // the MR case is not theirs; TL's is
        QStringList centers;
        for (const auto &c : s.value("centers").toArray())
            centers << c.toObject().value("code").toString() + ":" + QString::number(c.toObject().value("lastYear").toInt());
        QCOMPARE(centers, (QStringList{"SZ:2", "SZ-V01:1", "TL:0"}));
        QVERIFY(s.value("centers").toArray()[2].toObject().value("change").isNull());
        QCOMPARE(summary("approver-mr").value("cases").toObject().value("accepted").toInt(), 1);
    }

    void filters()
    {
        QCOMPARE(summary("supervisor1", kSeptember + "&department=MR").value("cases").toObject().value("accepted").toInt(), 1);
        QCOMPARE(summary("supervisor1", kSeptember + "&matter=HF-002").value("cases").toObject().value("accepted").toInt(), 1);
        const QJsonObject village = summary("supervisor1", kSeptember + "&center=SZ-V01");
        QCOMPARE(village.value("center").toString(), QStringLiteral("SZ-V01"));
        QCOMPARE(village.value("cases").toObject().value("accepted").toInt(), 1);
        QCOMPARE(village.value("timeLimits").toObject().value("decided").toInt(), 1);
        // October: nothing accepted; rates with nothing to measure are null.
        const QJsonObject october = summary("supervisor1", "/stats/summary?from=2026-10-01&to=2026-10-31");
        QCOMPARE(october.value("cases").toObject().value("accepted").toInt(), 0);
        QVERIFY(october.value("timeLimits").toObject().value("promisedRate").isNull());
        QVERIFY(october.value("ratings").toObject().value("satisfactionRate").isNull());
    }

    // Out of scope is not found; who reads no figures gets 404 whatever they ask.
    void outOfScope()
    {
        QCOMPARE(as("supervisor1").get(api(kSeptember + "&center=TL")).status, 404);
        QCOMPARE(as("supervisor1").get(api(kSeptember + "&center=XX")).status, 404);
        QCOMPARE(as("supervisor1").get(api(kSeptember + "&matter=HF-999")).status, 404);
        QCOMPARE(as("approver-hf").get(api(kSeptember + "&department=MR")).status, 404);
        QCOMPARE(as("approver-hf").get(api(kSeptember + "&matter=MR-004")).status, 404);
        for (const char *user : {"clerk1", "agent1", "admin", "auditor", "secadmin"})
            QCOMPARE(as(QString::fromLatin1(user)).get(api(kSeptember)).status, 404);
        QCOMPARE(as("clerk1").get(api("/stats/summary?from=bad")).status, 404);
    }

    void badQueries()
    {
        ApiReply r = as("supervisor1").get(api("/stats/summary?from=2026-09-31&to=2026-09-01&format=xml"));
        QCOMPARE(r.status, 422);
        QCOMPARE(fieldCodes(r), (QStringList{"format:invalid"}));
        r = as("supervisor1").get(api("/stats/summary?from=2026-09-31"));
        QCOMPARE(fieldCodes(r), (QStringList{"from:invalid", "to:required"}));
        r = as("supervisor1").get(api("/stats/summary?from=2026-09-30&to=2026-09-01&center=sz"));
        QCOMPARE(fieldCodes(r), (QStringList{"to:invalid", "center:invalid"}));
        r = as("supervisor1").get(api("/stats/summary?from=2025-09-01&to=2026-09-02"));
        QCOMPARE(fieldCodes(r), (QStringList{"to:invalid"}));
    }

    // The same figures as CSV, for a spreadsheet.
    void csv()
    {
        const ApiReply r = as("supervisor1").get(api(kSeptember + "&format=csv"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").startsWith("text/csv"));
        const QStringList lines = QString::fromUtf8(r.body).split("\r\n", Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QStringLiteral("figure,value"));
        for (const char *line : {"from,2026-09-01", "cases.accepted,4", "cases.refused,1", "timeLimits.p90WorkingDays,34",
                                 "ratings.levels.5,1", "centers.SZ.accepted,3", "centers.SZ.lastYear,2", "center,",
                                 "weeks.2026-09-28.accepted,4", "weeks.2026-09-28.to,2026-09-30"})
            QVERIFY2(lines.contains(QString::fromLatin1(line)), line);
    }

    // Every figure opens the list of the cases it counts (GET /cases?figure=), in the same scope
    // and period: as many cases as the figure says, or for figures of materials and ratings, the
    // cases that have them.
    void theCasesBehindEachFigure()
    {
        const auto listed = [&](const QString &user, const QString &figure, const QString &filter = {}) {
            const ApiReply r = as(user).get(api("/cases?limit=100&acceptedFrom=2026-09-01&acceptedTo=2026-09-30&figure=")
                                            + figure + filter);
            if (r.status != 200)
                qWarning("%s: %d %s", qPrintable(figure), r.status, r.body.constData());
            QStringList numbers;
            for (const auto &item : r.object().value("items").toArray())
                numbers << item.toObject().value("number").toString();
            return numbers;
        };
        const QJsonObject s = summary("supervisor1");
        for (const char *figure : {"cases.accepted", "cases.acceptedWithDeficiency", "cases.refused", "cases.approved",
                                   "cases.rejected", "cases.returned", "cases.delivered", "timeLimits.decided",
                                   "timeLimits.withinPromised", "timeLimits.withinLegal", "followUps.total",
                                   "followUps.open", "followUps.overdue"}) {
            const QStringList key = QString::fromLatin1(figure).split('.');
            QCOMPARE(listed("supervisor1", figure).size(), s.value(key[0]).toObject().value(key[1]).toInt());
        }
        QCOMPARE(listed("supervisor1", "timeLimits.latePromised").size(), 1);
        QCOMPARE(listed("supervisor1", "timeLimits.latePromised"), (QStringList{m_village.value("number").toString()}));
        QCOMPARE(listed("supervisor1", "ratings.levels.5"), (QStringList{m_decided.value("number").toString()}));
        QCOMPARE(listed("supervisor1", "ratings.dissatisfied"), (QStringList{m_village.value("number").toString()}));
        QCOMPARE(listed("supervisor1", "ratings.satisfied"), (QStringList{m_decided.value("number").toString()}));
        QCOMPARE(listed("supervisor1", "deficiencies.suppliedLate"), (QStringList{m_deficient.value("number").toString()}));
        QCOMPARE(listed("supervisor1", "cases.refused"), (QStringList{m_refused.value("number").toString()}));
        // The summary's filters are the list's: a centre, a matter; an approver's department.
        QCOMPARE(listed("supervisor1", "cases.accepted", "&center=SZ-V01"), (QStringList{m_village.value("number").toString()}));
        QCOMPARE(listed("supervisor1", "cases.accepted", "&matter=MR-004").size(), 1);
        QCOMPARE(listed("approver-hf", "cases.accepted").size(),
                 summary("approver-hf").value("cases").toObject().value("accepted").toInt());
        ApiReply bad = as("supervisor1").get(api("/cases?figure=cases.everything&acceptedFrom=2026-13-01"));
        QCOMPARE(bad.status, 422);
        QCOMPARE(fieldCodes(bad), (QStringList{"acceptedFrom:invalid", "figure:invalid"}));
    }

    // The counters keep each case under its day and under its month; a summary reads the whole
    // months of its range by month and the days around them by day. September's cases were all
    // taken in on the 29th (and the year before's on 29 September 2025): however a range around
    // them is cut, the figures are the same.
    void wholeMonthsAndDaysAgree()
    {
        const auto figures = [&](const QString &user, const QString &from, const QString &to) {
            QJsonObject s = summary(user, "/stats/summary?from=" + from + "&to=" + to);
            for (const char *key : {"from", "to", "weeks"})
                s.remove(QLatin1String(key));
            return QJsonDocument(s).toJson();
        };
        for (const QString &user : {QStringLiteral("supervisor1"), QStringLiteral("approver-hf")}) {
            const QByteArray byDays = figures(user, "2026-09-02", "2026-09-30");
            QVERIFY(byDays.contains("\"accepted\": 4") || user != "supervisor1");
            QCOMPARE(figures(user, "2026-09-01", "2026-09-30"), byDays); // a month
            QCOMPARE(figures(user, "2026-08-15", "2026-10-10"), byDays); // days, a month, days
            QCOMPARE(figures(user, "2026-07-01", "2026-10-31"), byDays); // four months
            QCOMPARE(figures(user, "2026-09-29", "2026-10-31"), byDays); // days, a month
            QCOMPARE(figures(user, "2025-10-01", "2026-09-30"), byDays); // a year of months
            QCOMPARE(figures(user, "2025-09-30", "2026-09-29"), byDays); // days, eleven months, days
        }
        // And a range of one day in a month, or none of it whole.
        QCOMPARE(figures("supervisor1", "2026-09-29", "2026-09-29"), figures("supervisor1", "2026-09-20", "2026-09-29"));
    }

    // The company-opening bundle (MR-001, PS-001, TX-001), taken in today: one case in the hall's
    // figures and in each of its departments', once in each of its matters'.
    void aBundleCountsOnceInEachGrain()
    {
        const QJsonObject body = sampleBundleIntake(as("clerk1"), "B-OPEN-COMPANY", "SZ",
                                                    samplePerson(QStringLiteral("张三"), "11010519491231002X"));
        QCOMPARE(as("clerk1").post(api("/cases"), toJson(body), {{"Idempotency-Key", newKey()}}).status, 201);
        const QString today = QStringLiteral("/stats/summary?from=2026-11-27&to=2026-11-27");
        const auto accepted = [&](const QString &user, const QString &filter) {
            return summary(user, today + filter).value("cases").toObject().value("accepted").toInt();
        };
        QCOMPARE(accepted("supervisor1", ""), 1);
        for (const char *filter : {"&department=MR", "&department=PS", "&department=TX", "&matter=MR-001",
                                   "&matter=PS-001", "&matter=TX-001", "&department=MR&matter=MR-001"})
            QCOMPARE(accepted("supervisor1", QString::fromLatin1(filter)), 1);
        QCOMPARE(accepted("supervisor1", "&department=HF"), 0);
        QCOMPARE(accepted("supervisor1", "&department=PS&matter=MR-001"), 0); // the matter is the market's
        QCOMPARE(accepted("approver-mr", ""), 1);
        QCOMPARE(accepted("approver-hf", ""), 0);
    }

    // The counters kept change by change are what counting every case again from its rows gives.
    void countersAgreeWithACountFromScratch()
    {
        const auto all = [&] {
            QList<QJsonObject> out;
            for (const QString &user : {QStringLiteral("supervisor1"), QStringLiteral("approver-hf"),
                                        QStringLiteral("approver-mr")}) {
                const bool market = user == "approver-mr";
                for (const QString &query :
                     {kSeptember, kSeptember + "&center=SZ-V01", kSeptember + (market ? "&department=MR" : "&department=HF"),
                      kSeptember + (market ? "&matter=MR-004" : "&matter=HF-002"),
                      QStringLiteral("/stats/summary?from=2025-09-01&to=2025-09-30"),
                      QStringLiteral("/stats/summary?from=2026-01-01&to=2026-12-31")})
                    out << summary(user, query);
            }
            return out;
        };
        const QList<QJsonObject> kept = all();
        QCOMPARE(kept.first().value("cases").toObject().value("accepted").toInt(), 4);
        m_server.stop();
        QString error;
        QVERIFY2(m_db.execute({"DELETE FROM stats_counts", "DELETE FROM stats_handling", "DELETE FROM case_figures",
                               "INSERT INTO figures_backlog (case_id) SELECT id FROM cases"},
                              &error),
                 qPrintable(error));
        QVERIFY(startOn("2026-11-27"));
        const QList<QJsonObject> counted = all();
        for (qsizetype i = 0; i < kept.size(); ++i) {
            QVERIFY(kept[i].contains("cases"));
            QCOMPARE(QJsonDocument(counted[i]).toJson(), QJsonDocument(kept[i]).toJson());
        }
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(tst_Stats)
#include "tst_stats.moc"
