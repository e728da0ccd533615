#include "domain/workcalendar.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace onewindow;

namespace {

Date d(const char *iso)
{
    const auto date = parseIsoDate(iso);
    if (!date)
        qFatal("bad date in test: %s", iso);
    return *date;
}

QJsonObject loadSchedule()
{
    QFile file(QStringLiteral(ONEWINDOW_HOLIDAYS_2026));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", ONEWINDOW_HOLIDAYS_2026);
    return QJsonDocument::fromJson(file.readAll()).object();
}

WorkCalendar calendarFrom(const QJsonObject &schedule)
{
    std::vector<WorkCalendar::Holiday> holidays;
    for (const auto &h : schedule.value("holidays").toArray()) {
        WorkCalendar::Holiday holiday{h.toObject().value("name").toString().toStdString(), {}};
        for (const auto &date : h.toObject().value("dates").toArray())
            holiday.dates.push_back(d(date.toString().toLatin1().constData()));
        holidays.push_back(holiday);
    }
    std::vector<Date> adjusted;
    for (const auto &date : schedule.value("adjustedWorkingDays").toArray())
        adjusted.push_back(d(date.toString().toLatin1().constData()));
    return WorkCalendar(holidays, adjusted);
}

} // namespace

Q_DECLARE_METATYPE(onewindow::DayPart)

class tst_WorkCalendar : public QObject
{
    Q_OBJECT

    QJsonObject m_schedule;
    WorkCalendar m_calendar;

private slots:
    void initTestCase()
    {
        m_schedule = loadSchedule();
        QCOMPARE(m_schedule.value("year").toInt(), 2026);
        m_calendar = calendarFrom(m_schedule);
    }

    void dates()
    {
        QVERIFY(!parseIsoDate("2026-02-29"));
        QVERIFY(!parseIsoDate("2026-2-28"));
        QVERIFY(!parseIsoDate("2026-13-01"));
        QVERIFY(!parseIsoDate("20261128"));
        QCOMPARE(toIsoString(d("2028-02-29")), std::string("2028-02-29"));
        QCOMPARE(isoWeekday(d("2026-11-28")), 6u); // a Saturday
        QCOMPARE(daysBetween(d("2026-12-31"), d("2027-01-01")), 1);
    }

    // The official 2026 schedule: every holiday rests, every adjusted weekend works.
    void officialScheduleEveryDay()
    {
        int holidays = 0;
        for (const auto &h : m_schedule.value("holidays").toArray()) {
            for (const auto &date : h.toObject().value("dates").toArray()) {
                QVERIFY2(!m_calendar.isWorkingDay(d(date.toString().toLatin1().constData())),
                         qPrintable(date.toString()));
                ++holidays;
            }
        }
        QCOMPARE(holidays, 3 + 9 + 3 + 5 + 3 + 3 + 7);
        const auto adjusted = m_schedule.value("adjustedWorkingDays").toArray();
        QCOMPARE(adjusted.size(), 6);
        for (const auto &date : adjusted) {
            const Date day = d(date.toString().toLatin1().constData());
            QVERIFY2(isoWeekday(day) >= 6, "an adjusted working day falls on a weekend");
            QVERIFY(m_calendar.isWorkingDay(day));
            QVERIFY(m_calendar.isAdjustedWorkingDay(day));
        }
        QCOMPARE(m_calendar.holidayName(d("2026-02-17")), std::string("春节 Spring Festival"));
        QCOMPARE(m_calendar.holidayName(d("2026-02-24")), std::string());
    }

    // 2026 has 365 days, 104 of them at weekends; 33 holiday dates of which 14 fall on a
    // weekend; 6 adjusted working weekend days: 365 - 104 - 19 + 6 = 248 working days.
    void workingDaysIn2026()
    {
        int count = 0;
        for (Date day = d("2026-01-01"); day != d("2027-01-01"); day = addCalendarDays(day, 1))
            count += m_calendar.isWorkingDay(day) ? 1 : 0;
        QCOMPARE(count, 248);
        QCOMPARE(m_calendar.workingDaysBetween(d("2025-12-31"), d("2026-12-31")), 248);
    }

    // The worked checks published with the schedule.
    void publishedChecks()
    {
        const auto checks = m_schedule.value("checks").toArray();
        QVERIFY(checks.size() >= 5);
        for (const auto &c : checks) {
            const auto o = c.toObject();
            const Date from = d(o.value("from").toString().toLatin1().constData());
            const int n = o.value("addWorkingDays").toInt();
            const Date expect = d(o.value("expect").toString().toLatin1().constData());
            QVERIFY2(m_calendar.addWorkingDays(from, n) == expect, qPrintable(o.value("why").toString()));
            QCOMPARE(m_calendar.workingDaysBetween(from, expect), n);
        }
    }

    void addWorkingDays_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zero days is the same day") << "2026-11-27" << 0 << "2026-11-27";
        QTest::newRow("Friday + 1 = Monday") << "2026-11-27" << 1 << "2026-11-30";
        QTest::newRow("from a Saturday") << "2026-11-28" << 1 << "2026-11-30";
        QTest::newRow("over New Year") << "2025-12-31" << 1 << "2026-01-04";
        QTest::newRow("New Year Sunday 4 Jan works") << "2026-01-02" << 2 << "2026-01-05";
        QTest::newRow("over Labour Day") << "2026-04-30" << 2 << "2026-05-07";
        QTest::newRow("Saturday 9 May works") << "2026-05-08" << 1 << "2026-05-09";
        QTest::newRow("Sunday 20 Sep works") << "2026-09-18" << 1 << "2026-09-20";
        QTest::newRow("over Qingming") << "2026-04-03" << 1 << "2026-04-07";
        QTest::newRow("Saturday 28 Feb works") << "2026-02-27" << 1 << "2026-02-28";
        QTest::newRow("20-day legal limit over Spring Festival") << "2026-02-02" << 20 << "2026-03-06";
        QTest::newRow("backwards over the holiday") << "2026-02-24" << -1 << "2026-02-14";
        QTest::newRow("year without data: weekdays only") << "2027-06-04" << 1 << "2027-06-07";
    }
    void addWorkingDays()
    {
        QFETCH(QString, from);
        QFETCH(int, n);
        QFETCH(QString, expected);
        const Date result = m_calendar.addWorkingDays(d(from.toLatin1().constData()), n);
        QCOMPARE(QString::fromStdString(toIsoString(result)), expected);
        QCOMPARE(m_calendar.workingDaysBetween(d(from.toLatin1().constData()), result), n);
    }

    void workingDaysBetween()
    {
        QCOMPARE(m_calendar.workingDaysBetween(d("2026-02-13"), d("2026-02-24")), 2); // 14th and 24th
        QCOMPARE(m_calendar.workingDaysBetween(d("2026-02-24"), d("2026-02-13")), -2);
        QCOMPARE(m_calendar.workingDaysBetween(d("2026-10-01"), d("2026-10-07")), 0);
        QCOMPARE(m_calendar.workingDaysBetween(d("2026-11-28"), d("2026-11-28")), 0);
    }

    void halfDays()
    {
        QCOMPARE(WorkingDays::fromDouble(0.5).halfDays(), 1);
        QCOMPARE(WorkingDays::fromDouble(1.5).wholeDays(), 1);
        QVERIFY(WorkingDays::fromDouble(1.5).hasHalf());
        QCOMPARE(WorkingDays::fromDouble(3).toDouble(), 3.0);
        QVERIFY(WorkingDays::fromDouble(0.5) < WorkingDays::fromDays(1));
    }

    void deadline_data()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<DayPart>("startPart");
        QTest::addColumn<double>("limit");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<DayPart>("expectedPart");
        const auto M = DayPart::Morning;
        const auto A = DayPart::Afternoon;
        QTest::newRow("0.5 from a morning: same evening") << "2026-11-27" << M << 0.5 << "2026-11-27" << A;
        QTest::newRow("0.5 from an afternoon: next working noon") << "2026-11-27" << A << 0.5 << "2026-11-30" << M;
        QTest::newRow("0.5 on a Saturday: Monday noon") << "2026-11-28" << M << 0.5 << "2026-11-30" << M;
        QTest::newRow("0.5 before Spring Festival") << "2026-02-14" << A << 0.5 << "2026-02-24" << M;
        QTest::newRow("1 day from a morning") << "2026-11-27" << M << 1.0 << "2026-11-30" << A;
        QTest::newRow("1 day from an afternoon") << "2026-11-27" << A << 1.0 << "2026-11-30" << A;
        QTest::newRow("1.5 days") << "2026-11-27" << M << 1.5 << "2026-12-01" << M;
        QTest::newRow("3 days over National Day") << "2026-09-29" << M << 3.0 << "2026-10-09" << A;
        QTest::newRow("zero") << "2026-11-27" << A << 0.0 << "2026-11-27" << A;
    }
    void deadline()
    {
        QFETCH(QString, start);
        QFETCH(DayPart, startPart);
        QFETCH(double, limit);
        QFETCH(QString, expected);
        QFETCH(DayPart, expectedPart);
        const WorkingMoment result =
            m_calendar.deadline({d(start.toLatin1().constData()), startPart}, WorkingDays::fromDouble(limit));
        QCOMPARE(QString::fromStdString(toIsoString(result.date)), expected);
        QCOMPARE(result.part, expectedPart);
    }

    // A longer limit never ends earlier.
    void deadlineIsMonotone()
    {
        for (DayPart part : {DayPart::Morning, DayPart::Afternoon}) {
            WorkingMoment previous{d("2026-02-13"), part};
            for (int halves = 0; halves <= 40; ++halves) {
                const auto now = m_calendar.deadline({d("2026-02-13"), part}, WorkingDays::fromHalfDays(halves));
                const auto key = [](const WorkingMoment &m) {
                    return std::pair(std::chrono::sys_days{m.date}, static_cast<int>(m.part));
                };
                QVERIFY2(key(now) >= key(previous), qPrintable(QString::number(halves)));
                QVERIFY(m_calendar.isWorkingDay(now.date) || halves == 0);
                previous = now;
            }
        }
    }

    void laterEntriesWin()
    {
        WorkCalendar calendar;
        QVERIFY(!calendar.isWorkingDay(d("2026-11-28")));
        calendar.addAdjustedWorkingDay(d("2026-11-28"));
        QVERIFY(calendar.isWorkingDay(d("2026-11-28")));
        calendar.addHoliday(d("2026-11-28"), "test");
        QVERIFY(!calendar.isWorkingDay(d("2026-11-28")));
        QVERIFY(!calendar.isAdjustedWorkingDay(d("2026-11-28")));
    }
};

QTEST_APPLESS_MAIN(tst_WorkCalendar)
#include "tst_workcalendar.moc"
