#pragma once

#include "pages.h"

#include "models/statsmodels.h"

class QChart;
class QChartView;
class QDateEdit;
class QTabWidget;

namespace onewindow::client {

/// The figures of the supervisor's hall, or the approver's department (数据看板, F7): the cases
/// accepted in a period (this month by the server's date, at first), what became of them, the
/// time limits kept, deficiencies, ratings and follow-ups, and each centre's volume beside the
/// same days a year before, as a table and a bar chart, and week by week the cases accepted and
/// the share decided on time against the hall's target, as a table and lines; each figure and
/// each centre opens the list of its cases. The figures are saved as CSV for a spreadsheet, and
/// printed on one A4 page for the monthly meeting. Everything comes from GET /stats/summary and
/// GET /cases; nothing waits for them.
class DashboardPage final : public WorkbenchPageWidget
{
    Q_OBJECT

public:
    explicit DashboardPage(models::ApiClient *api, QWidget *parent = nullptr);
    ~DashboardPage() override;

    void refresh() override;
    void focusFirst() override;

    /// The period shown next (it is loaded by refresh()).
    void setPeriod(const QDate &from, const QDate &to);
    /// Writes the figures as CSV to `path`, off the window's thread; `done` with the error, empty
    /// when written (the Export button asks for the path).
    void exportCsv(const QString &path, std::function<void(const QString &error)> done = {});
    /// The A4 report of what is shown (title, period, the figures, the centres and the chart) as
    /// a PDF at `path`, written off the window's thread (the Print report button previews and
    /// prints the same).
    void saveReport(const QString &path, std::function<void(const QString &error)> done = {});
    /// The report's HTML.
    QString reportHtml() const;

    models::StatsFigureModel *figures() const { return m_figures; }
    models::CenterVolumeModel *centers() const { return m_centers; }
    models::WeeklyTrendModel *weeks() const { return m_weeks; }
    QChartView *chart() const { return m_chart; }
    QChartView *trendChart() const { return m_trendChart; }

    /// The cases behind the figure of `row` of figures() (or behind a centre's volume, with
    /// `center`), in a dialog (Enter or a double click in either table opens it).
    void openCases(int row, const QString &center = {});

signals:
    /// A summary arrived and is shown.
    void loaded();
    /// The list of the cases behind a figure is open (it is shown modal after this).
    void casesOpened(QDialog *dialog);

private:
    void retranslate() override;
    void showChart();
    void showTrend();
    /// The charts of what is shown, new each time (the page's views and the report each own one).
    QChart *makeCenterChart() const;
    QChart *makeTrendChart() const;
    void exportAsked();
    void printAsked();
    models::StatsQuery query() const;

    models::StatsApi *m_api;
    models::ApiClient *m_client;
    models::StatsFigureModel *m_figures;
    models::CenterVolumeModel *m_centers;
    models::WeeklyTrendModel *m_weeks;
    QLabel *m_fromLabel;
    QDateEdit *m_from;
    QLabel *m_toLabel;
    QDateEdit *m_to;
    QPushButton *m_refresh;
    QPushButton *m_export;
    QPushButton *m_print;
    QLabel *m_message;
    QTableView *m_figureTable;
    QTableView *m_centerTable;
    QChartView *m_chart;
    QTableView *m_weekTable;
    QChartView *m_trendChart;
    QTabWidget *m_tabs;
    QLabel *m_hint;
    bool m_periodSet = false;
    int m_generation = 0;
};

} // namespace onewindow::client
