#pragma once

#include "pages.h"

#include "models/statsmodels.h"

class QChartView;
class QDateEdit;

namespace onewindow::client {

/// The figures of the supervisor's hall, or the approver's department (数据看板, F7): the cases
/// accepted in a period (this month by the server's date, at first), what became of them, the
/// time limits kept, deficiencies, ratings and follow-ups, and each centre's volume beside the
/// same days a year before, as a table and a bar chart; the figures saved as CSV for a
/// spreadsheet, and printed on one A4 page for the monthly meeting. Everything comes from GET /stats/summary; nothing waits for it.
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
    QChartView *chart() const { return m_chart; }

signals:
    /// A summary arrived and is shown.
    void loaded();

private:
    void retranslate() override;
    void showChart();
    void exportAsked();
    void printAsked();
    models::StatsQuery query() const;

    models::StatsApi *m_api;
    models::ApiClient *m_client;
    models::StatsFigureModel *m_figures;
    models::CenterVolumeModel *m_centers;
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
    bool m_periodSet = false;
    int m_generation = 0;
};

} // namespace onewindow::client
