// The figures page (数据看板) offscreen against a real server: this month by the server's date at
// first; the hall's figures after two intakes, one with a deficiency, and a dissatisfied rating;
// the centres' table and chart; another period; the CSV saved to a file; the approver's
// department; the page in Chinese.
#include "apisignin.h"
#include "guitest.h"
#include "sampleintake.h"
#include "serverprocess.h"
#include "stats/dashboardpage.h"
#include "stats/figurecasesdialog.h"

#include "models/apiclient.h"
#include "models/caselistmodel.h"
#include "models/modelenums.h"

#include <QAbstractItemModelTester>
#include <QBarSeries>
#include <QLineSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;

class tst_DashboardPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    std::unique_ptr<SignedInUsers> m_users;

    static QString figure(const client::DashboardPage &page, const char *key)
    {
        const int row = page.figures()->rowOf(QString::fromLatin1(key));
        return row < 0 ? QString() : page.figures()->index(row, models::StatsFigureColumn::Value).data().toString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(installTranslations("en"));
        QString error;
        QVERIFY2(m_server.startDemo(m_dir.path(), &error), qPrintable(error)); // today 27 November 2026
        m_users = std::make_unique<SignedInUsers>(m_server);
        HttpClient &clerk = m_users->as("clerk1");
        acceptSampleCase(clerk, "HF-001");
        const QJsonObject deficient = sampleIntake(clerk, "HF-001", "SZ",
                                                   samplePerson(QStringLiteral("张三"), "11010519491231002X"), {"LABOR_CONTRACT"});
        const ApiReply r = clerk.post("/api/v1/cases", toJson(deficient), {{"Idempotency-Key", "dashboard-deficient"}});
        QCOMPARE(r.status, 201);
        QCOMPARE(m_users->as("supervisor1")
                     .post("/api/v1/cases/" + r.object().value("id").toString() + "/evaluations",
                           toJson({{"event", "intake"}, {"level", 2}, {"channel", "paper"}}))
                     .status,
                 201);
    }

    void theHallsMonth()
    {
        models::ApiClient api;
        api.setBaseUrl(QUrl(m_server.baseUrl()));
        QVERIFY(signInAndWait(api, "supervisor1"));
        client::DashboardPage page(&api);
        page.resize(1200, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY2(unnamedInteractiveWidgets(&page).isEmpty(), qPrintable(unnamedInteractiveWidgets(&page).join(", ")));
        QAbstractItemModelTester figures(page.figures(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester centers(page.centers(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester weeks(page.weeks(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&page, &client::DashboardPage::loaded);
        page.refresh();
        QVERIFY(loaded.wait(30000));

        // This month by the server's date.
        QCOMPARE(byAccessibleName<QDateEdit>(&page, "From")->date(), QDate(2026, 11, 1));
        QCOMPARE(byAccessibleName<QDateEdit>(&page, "To")->date(), QDate(2026, 11, 27));
        QCOMPARE(figure(page, "cases.accepted"), QStringLiteral("2"));
        QCOMPARE(figure(page, "cases.acceptedWithDeficiency"), QStringLiteral("1"));
        QCOMPARE(figure(page, "deficiencies.outstanding"), QStringLiteral("1"));
        QCOMPARE(figure(page, "ratings.total"), QStringLiteral("1"));
        QCOMPARE(figure(page, "ratings.satisfactionRate"), QStringLiteral("0.0%"));
        QCOMPARE(figure(page, "followUps.open"), QStringLiteral("1"));
        QCOMPARE(figure(page, "timeLimits.promisedRate"), QStringLiteral("none")); // nothing decided yet
        auto *table = byAccessibleName<QTableView>(&page, "Figures");
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("Cases accepted"));
        QCOMPARE(table->model()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Value"));

        // The hall, 2 against none a year before; the chart shows the same.
        QCOMPARE(page.centers()->rowCount(), 1);
        QCOMPARE(page.centers()->index(0, models::CenterVolumeColumn::Center).data().toString(),
                 QStringLiteral("SZ 盛泽镇行政审批局"));
        QCOMPARE(page.centers()->index(0, models::CenterVolumeColumn::Accepted).data().toString(), QStringLiteral("2"));
        QCOMPARE(page.centers()->index(0, models::CenterVolumeColumn::Change).data().toString(),
                 QStringLiteral("none a year before"));
        QChart *chart = page.chart()->chart();
        QCOMPARE(chart->series().size(), 1);
        const auto *series = qobject_cast<QBarSeries *>(chart->series().first());
        QVERIFY(series);
        QCOMPARE(series->barSets().size(), 2);
        QCOMPARE(series->barSets().at(0)->at(0), 2.0);
        QCOMPARE(series->barSets().at(1)->at(0), 0.0);
        QCOMPARE(byAccessibleName<QChartView>(&page, "Chart of cases per centre"), page.chart());

        // Week by week: 1 November 2026 is a Sunday, a week of its own; both cases were taken in
        // on Friday the 27th. The trend: accepted, on time (nothing decided: no point), the
        // target of 90% (the server's default setting), also in the figures.
        QCOMPARE(page.weeks()->rowCount(), 5);
        QCOMPARE(page.weeks()->index(0, models::WeekColumn::Week).data(int(models::WeekRole::To)).toDate(), QDate(2026, 11, 1));
        QCOMPARE(page.weeks()->index(4, 0).data(int(models::WeekRole::From)).toDate(), QDate(2026, 11, 23));
        QCOMPARE(page.weeks()->index(4, models::WeekColumn::Accepted).data().toString(), QStringLiteral("2"));
        QCOMPARE(page.weeks()->index(4, models::WeekColumn::OnTime).data().toString(), QStringLiteral("none"));
        QCOMPARE(page.weeks()->headerData(models::WeekColumn::Satisfied, Qt::Horizontal).toString(), QStringLiteral("Satisfied"));
        QCOMPARE(figure(page, "timeLimits.promisedRateTarget"), QStringLiteral("90.0%"));
        const QList<QAbstractSeries *> trend = page.trendChart()->chart()->series();
        QCOMPARE(trend.size(), 3);
        QCOMPARE(qobject_cast<QLineSeries *>(trend.at(0))->at(4).y(), 2.0);
        QCOMPARE(qobject_cast<QLineSeries *>(trend.at(1))->count(), 0);
        QCOMPARE(qobject_cast<QLineSeries *>(trend.at(2))->at(0).y(), 90.0);
        QVERIFY(byAccessibleName<QTableView>(&page, "Week by week"));

        // Each figure opens its cases: Enter on a row of the figures, or of the centres.
        int listed = -1;
        QString listTitle;
        connect(&page, &client::DashboardPage::casesOpened, this, [&](QDialog *dialog) {
            auto *cases = qobject_cast<client::FigureCasesDialog *>(dialog);
            QVERIFY(cases);
            connect(cases, &client::FigureCasesDialog::loaded, cases, [&listed, &listTitle, cases] {
                listed = cases->cases()->rowCount();
                listTitle = cases->windowTitle();
                QVERIFY(unnamedInteractiveWidgets(cases).isEmpty());
                cases->reject();
            });
        });
        const auto enterOn = [&](QTableView *view, int row) {
            listed = -1;
            view->setFocus();
            view->setCurrentIndex(view->model()->index(row, 0));
            QTest::keyClick(view, Qt::Key_Return);
            return listed;
        };
        QCOMPARE(enterOn(table, page.figures()->rowOf("cases.accepted")), 2);
        QCOMPARE(listTitle, QStringLiteral("Cases: Cases accepted"));
        QCOMPARE(enterOn(table, page.figures()->rowOf("cases.acceptedWithDeficiency")), 1);
        QCOMPARE(enterOn(table, page.figures()->rowOf("followUps.open")), 1);
        QCOMPARE(enterOn(table, page.figures()->rowOf("cases.approved")), 0);
        QCOMPARE(enterOn(byAccessibleName<QTableView>(&page, "Cases per centre"), 0), 2);
        QCOMPARE(listTitle, QStringLiteral("Cases: Cases accepted at SZ"));
        // The target is a setting: nothing to list.
        QCOMPARE(enterOn(table, page.figures()->rowOf("timeLimits.promisedRateTarget")), -1);
        QVERIFY(byAccessibleName<QLabel>(&page, "This figure is a setting: there are no cases behind it."));

        // October: nothing.
        page.setPeriod(QDate(2026, 10, 1), QDate(2026, 10, 31));
        QTest::mouseClick(byAccessibleName<QPushButton>(&page, "Show the figures"), Qt::LeftButton);
        QVERIFY(loaded.wait(30000));
        QCOMPARE(figure(page, "cases.accepted"), QStringLiteral("0"));
        QCOMPARE(page.centers()->rowCount(), 0);

        // A period that ends before it begins is said, and not asked for.
        page.setPeriod(QDate(2026, 11, 30), QDate(2026, 11, 1));
        page.refresh();
        QVERIFY(byAccessibleName<QLabel>(&page, "The period ends before it begins."));

        // The CSV, as the server writes it, saved off the window's thread.
        page.setPeriod(QDate(2026, 11, 1), QDate(2026, 11, 30));
        const QString path = m_dir.filePath("figures.csv");
        bool written = false;
        QString writeError = QStringLiteral("not yet");
        page.exportCsv(path, [&](const QString &error) {
            written = true;
            writeError = error;
        });
        QTRY_VERIFY_WITH_TIMEOUT(written, 30000);
        QCOMPARE(writeError, QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString csv = QString::fromUtf8(file.readAll());
        QVERIFY2(csv.startsWith("figure,value\r\n") && csv.contains("cases.accepted,2\r\n")
                     && csv.contains("centers.SZ.accepted,2\r\n"),
                 qPrintable(csv));
        QVERIFY(byAccessibleName<QLabel>(&page, QStringLiteral("Figures saved to %1.").arg(path)));

        // The A4 report for the monthly meeting: the title, the period, every figure, the
        // centres and the chart, read back from the PDF.
        QVERIFY(loaded.count() >= 2);
        page.refresh();
        QVERIFY(loaded.wait(30000));
        const QString pdf = m_dir.filePath("report.pdf");
        written = false;
        page.saveReport(pdf, [&](const QString &error) {
            written = true;
            writeError = error;
        });
        QTRY_VERIFY_WITH_TIMEOUT(written, 30000);
        QCOMPARE(writeError, QString());
        QProcess text;
        text.start("pdftotext", {"-layout", pdf, "-"});
        QVERIFY(text.waitForFinished(30000));
        const QString words = QString::fromUtf8(text.readAllStandardOutput());
        for (const QString &expected : {QStringLiteral("Service figures"), QStringLiteral("Cases accepted"),
                                        QStringLiteral("Satisfied (basically satisfied and better)"),
                                        QStringLiteral("SZ 盛泽镇行政审批局"), QStringLiteral("A year before"),
                                        QStringLiteral("Week by week"), QStringLiteral("On time, the hall's target")})
            QVERIFY2(words.contains(expected), qPrintable(expected + " not in:\n" + words));
        QProcess info;
        info.start("pdfinfo", {pdf});
        QVERIFY(info.waitForFinished(30000));
        QVERIFY2(QString::fromUtf8(info.readAllStandardOutput()).contains(QRegularExpression("Pages:\\s+1\\n")),
                 "the month's report is one page");
        QProcess images;
        images.start("pdfimages", {"-list", pdf});
        QVERIFY(images.waitForFinished(30000));
        QVERIFY2(QString::fromUtf8(images.readAllStandardOutput()).count(QStringLiteral(" image ")) >= 2, "not both charts in the report");
    }

    // The approver sees their department's cases: the two HF intakes; market regulation none.
    void theDepartment()
    {
        for (const auto &[user, accepted] : {std::pair{"approver-hf", "2"}, {"approver-mr", "0"}}) {
            models::ApiClient api;
            api.setBaseUrl(QUrl(m_server.baseUrl()));
            QVERIFY(signInAndWait(api, user));
            client::DashboardPage page(&api);
            QSignalSpy loaded(&page, &client::DashboardPage::loaded);
            page.refresh();
            QVERIFY(loaded.wait(30000));
            QCOMPARE(figure(page, "cases.accepted"), QString::fromLatin1(accepted));
        }
    }

    void inChinese()
    {
        QVERIFY(installTranslations("zh_CN"));
        models::ApiClient api;
        api.setBaseUrl(QUrl(m_server.baseUrl()));
        QVERIFY(signInAndWait(api, "supervisor1"));
        client::DashboardPage page(&api);
        QSignalSpy loaded(&page, &client::DashboardPage::loaded);
        page.refresh();
        QVERIFY(loaded.wait(30000));
        QCOMPARE(page.figures()->index(0, 0).data().toString(), QStringLiteral("受理件数"));
        QCOMPARE(page.centers()->headerData(models::CenterVolumeColumn::LastYear, Qt::Horizontal).toString(),
                 QStringLiteral("去年同期"));
        QVERIFY(installTranslations("en"));
    }
};

QTEST_MAIN(tst_DashboardPage)
#include "tst_dashboardpage.moc"
