// The deficiency tracker's views as list calls, its counts, and a deficiency's history in words.
#include "models/deficiencytracking.h"
#include "serverprocess.h"

#include <QJsonArray>
#include <QTest>
#include <QUrlQuery>

using namespace onewindow::models;

class tst_DeficiencyViews : public QObject
{
    Q_OBJECT

    static QUrlQuery queryOf(const QString &path) { return QUrlQuery(path.section(QLatin1Char('?'), 1)); }

private slots:
    void initTestCase() { QVERIFY(installTranslations("en")); }

    void viewsAsCalls()
    {
        const QDate friday(2026, 11, 27);
        QUrlQuery q = queryOf(DeficiencyTracking::listPath(DeficiencyView::DueToday, friday, {}, {}));
        QCOMPARE(q.queryItemValue("status"), QStringLiteral("outstanding"));
        QCOMPARE(q.queryItemValue("dueBefore"), QStringLiteral("2026-11-28"));
        QVERIFY(!q.hasQueryItem("center"));
        // The week ends on Sunday: due before the next Monday.
        q = queryOf(DeficiencyTracking::listPath(DeficiencyView::DueThisWeek, friday, "SZ-V01", "HF-001"));
        QCOMPARE(q.queryItemValue("dueBefore"), QStringLiteral("2026-11-30"));
        QCOMPARE(q.queryItemValue("center"), QStringLiteral("SZ-V01"));
        QCOMPARE(q.queryItemValue("matter"), QStringLiteral("HF-001"));
        q = queryOf(DeficiencyTracking::listPath(DeficiencyView::DueThisWeek, QDate(2026, 11, 30), {}, {}));
        QCOMPARE(q.queryItemValue("dueBefore"), QStringLiteral("2026-12-07")); // a Monday: the whole week
        // The view the tracker opens on: everything still owed, overdue or not.
        for (const auto &[view, status] : {std::pair{DeficiencyView::Outstanding, "owed"},
                                           std::pair{DeficiencyView::Overdue, "overdue"},
                                           std::pair{DeficiencyView::Supplied, "supplied"},
                                           std::pair{DeficiencyView::Waived, "waived"}}) {
            q = queryOf(DeficiencyTracking::listPath(view, friday, {}, {}));
            QCOMPARE(q.queryItemValue("status"), QString::fromLatin1(status));
            QVERIFY(!q.hasQueryItem("dueBefore"));
        }
        QCOMPARE(DeficiencyTracking::countsPath({}, {}), QStringLiteral("/deficiencies/counts"));
        QCOMPARE(DeficiencyTracking::countsPath("SZ", "MR-001"), QStringLiteral("/deficiencies/counts?center=SZ&matter=MR-001"));
        QCOMPARE(DeficiencyTracking::views().size(), 6);
    }

    void counts()
    {
        const auto c = DeficiencyCounts::fromJson(QJsonObject{{"today", "2026-12-07"}, {"outstanding", 3}, {"dueToday", 1},
                                                              {"dueThisWeek", 2}, {"overdue", 4}, {"supplied", 5},
                                                              {"waived", 6}});
        QCOMPARE(c.today, QDate(2026, 12, 7));
        QCOMPARE(c.of(DeficiencyView::DueThisWeek), 2);
        QCOMPARE(c.of(DeficiencyView::Outstanding), 7); // outstanding and overdue: all still owed
        QCOMPARE(c.of(DeficiencyView::Waived), 6);
        QCOMPARE(c.open(), 7);
    }

    void historyInWords()
    {
        const QJsonObject d{{"materialName", QStringLiteral("劳动合同")}, {"dueDate", "2026-12-04"}, {"status", "waived"},
                            {"overdueAt", "2026-12-07T09:00:00+08:00"},
                            {"waivedAt", "2026-12-08T10:00:00+08:00"}, {"waivedBy", "supervisor1"},
                            {"waiveReason", QStringLiteral("单位已注销，无需提供")},
                            {"reminders", QJsonArray{QJsonObject{{"kind", "due_soon"}, {"status", "sent"},
                                                                 {"createdAt", "2026-12-02T08:00:00+08:00"},
                                                                 {"sentAt", "2026-12-02T08:00:05+08:00"}},
                                                     QJsonObject{{"kind", "overdue"}, {"status", "failed"},
                                                                 {"createdAt", "2026-12-07T08:00:00+08:00"},
                                                                 {"sentAt", QJsonValue()}}}}};
        const QStringList lines = DeficiencyTracking::history(d, "2026-11-27T09:00:00+08:00");
        QCOMPARE(lines.size(), 5);
        QVERIFY2(lines[0].contains("accepted as deficient"), qPrintable(lines[0]));
        // A due date is a date: no midnight made up for it.
        QVERIFY2(lines[0].endsWith(QLocale().toString(QDate(2026, 12, 4), QLocale::ShortFormat)), qPrintable(lines[0]));
        QVERIFY(lines[1].contains("overdue"));
        QVERIFY2(lines[2].startsWith("Reminder before the due date: sent by SMS"), qPrintable(lines[2]));
        QVERIFY(lines[3].startsWith("Notice of being overdue: could not be sent"));
        QVERIFY(lines[4].contains("waived by supervisor1") && lines[4].contains(QStringLiteral("单位已注销")));
    }

    void outstandingSummary()
    {
        QJsonObject c{{"deficiencies", QJsonArray{QJsonObject{{"status", "outstanding"}}, QJsonObject{{"status", "overdue"}},
                                                  QJsonObject{{"status", "supplied"}}}}};
        QCOMPARE(DeficiencyTracking::outstandingSummary(c), QStringLiteral("2 materials still to be supplied, 1 of them overdue."));
        c.insert("deficiencies", QJsonArray{QJsonObject{{"status", "outstanding"}}});
        QCOMPARE(DeficiencyTracking::outstandingSummary(c), QStringLiteral("1 material still to be supplied."));
        c.insert("deficiencies", QJsonArray{QJsonObject{{"status", "waived"}}});
        QCOMPARE(DeficiencyTracking::outstandingSummary(c), QString());
    }
};

QTEST_GUILESS_MAIN(tst_DeficiencyViews)
#include "tst_deficiencyviews.moc"
