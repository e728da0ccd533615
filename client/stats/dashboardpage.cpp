#include "dashboardpage.h"

#include "figurecasesdialog.h"

#include "admin/asyncfiles.h"
#include "printing/documentrenderer.h"
#include "models/apiclient.h"
#include "models/serverclock.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBuffer>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QDateEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineSeries>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTextDocument>
#include <QPen>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace onewindow::client {

namespace {

QTableView *figureView(QAbstractItemModel *model, QWidget *parent)
{
    QTableView *view = makeTable(parent);
    view->setModel(model);
    return view;
}

} // namespace

DashboardPage::DashboardPage(models::ApiClient *api, QWidget *parent)
    : WorkbenchPageWidget(parent)
    , m_api(new models::StatsApi(api, this))
    , m_client(api)
    , m_figures(new models::StatsFigureModel(this))
    , m_centers(new models::CenterVolumeModel(this))
    , m_fromLabel(new QLabel(this))
    , m_from(new QDateEdit(this))
    , m_toLabel(new QLabel(this))
    , m_to(new QDateEdit(this))
    , m_refresh(new QPushButton(this))
    , m_export(new QPushButton(this))
    , m_print(new QPushButton(this))
    , m_message(new QLabel(this))
    , m_figureTable(figureView(m_figures, this))
    , m_centerTable(figureView(m_centers, this))
    , m_chart(new QChartView(this))
    , m_weekTable(nullptr)
    , m_trendChart(new QChartView(this))
    , m_tabs(new QTabWidget(this))
    , m_hint(new QLabel(this))
{
    m_weeks = new models::WeeklyTrendModel(this);
    m_weekTable = figureView(m_weeks, this);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_fromLabel->setBuddy(m_from);
    m_toLabel->setBuddy(m_to);
    m_message->setWordWrap(true);
    m_hint->setWordWrap(true);
    for (QChartView *chart : {m_chart, m_trendChart}) {
        chart->setRenderHint(QPainter::Antialiasing);
        chart->setMinimumHeight(220);
        // A picture of the table beside it: the keyboard and a screen reader use the table.
        chart->setFocusPolicy(Qt::NoFocus);
        chart->viewport()->setFocusPolicy(Qt::NoFocus);
    }

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_fromLabel);
    bar->addWidget(m_from);
    bar->addWidget(m_toLabel);
    bar->addWidget(m_to);
    bar->addWidget(m_refresh);
    bar->addStretch();
    bar->addWidget(m_export);
    bar->addWidget(m_print);

    // The centres' and the weeks' tables on tabs, both charts always in view below them.
    m_tabs->addTab(m_centerTable, QString());
    m_tabs->addTab(m_weekTable, QString());
    auto *charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(m_chart);
    charts->addWidget(m_trendChart);
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_tabs);
    right->addWidget(charts);
    right->setStretchFactor(1, 1);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_figureTable);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    m_figureTable->setMinimumWidth(400);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);
    layout->addWidget(m_hint);
    retranslate();

    connect(m_refresh, &QPushButton::clicked, this, &DashboardPage::refresh);
    connect(m_export, &QPushButton::clicked, this, &DashboardPage::exportAsked);
    connect(m_print, &QPushButton::clicked, this, &DashboardPage::printAsked);
    connect(m_figureTable, &QTableView::activated, this, [this](const QModelIndex &index) { openCases(index.row()); });
    connect(m_centerTable, &QTableView::activated, this, [this](const QModelIndex &index) {
        openCases(m_figures->rowOf(QStringLiteral("cases.accepted")),
                  index.siblingAtColumn(0).data(int(models::CenterVolumeRole::Code)).toString());
    });
}

DashboardPage::~DashboardPage() = default;

void DashboardPage::retranslate()
{
    m_fromLabel->setText(tr("&From:"));
    m_from->setAccessibleName(tr("From"));
    m_toLabel->setText(tr("&To:"));
    m_to->setAccessibleName(tr("To"));
    m_refresh->setText(tr("&Show"));
    m_refresh->setAccessibleName(tr("Show the figures"));
    m_export->setText(tr("&Export CSV…"));
    m_export->setAccessibleName(tr("Export CSV"));
    m_print->setText(tr("&Print report…"));
    m_print->setAccessibleName(tr("Print report"));
    m_figureTable->setAccessibleName(tr("Figures"));
    m_figureTable->horizontalHeader()->setAccessibleName(tr("Figure columns"));
    m_centerTable->setAccessibleName(tr("Cases per centre"));
    m_centerTable->horizontalHeader()->setAccessibleName(tr("Centre columns"));
    m_chart->setAccessibleName(tr("Chart of cases per centre"));
    m_weekTable->setAccessibleName(tr("Week by week"));
    m_weekTable->horizontalHeader()->setAccessibleName(tr("Week columns"));
    m_trendChart->setAccessibleName(tr("Chart of the weeks"));
    m_tabs->setAccessibleName(tr("Centres and weeks"));
    m_tabs->setTabText(0, tr("&Centres"));
    m_tabs->setTabText(1, tr("&Weeks"));
    m_hint->setText(tr("Enter or a double click on a figure or a centre lists its cases."));
    if (!m_figures->summary().isEmpty()) {
        m_figures->setSummary(m_figures->summary()); // the labels in the new language
        showChart();
        showTrend();
    }
}

void DashboardPage::setPeriod(const QDate &from, const QDate &to)
{
    m_from->setDate(from);
    m_to->setDate(to);
    m_periodSet = true;
}

models::StatsQuery DashboardPage::query() const
{
    return {m_from->date(), m_to->date(), {}};
}

void DashboardPage::refresh()
{
    // At first, this month by the server's date, never this PC's.
    if (!m_periodSet && m_client && m_client->clock()->isKnown()) {
        const QDate today = m_client->clock()->today();
        setPeriod(QDate(today.year(), today.month(), 1), today);
    }
    if (!m_periodSet) {
        showMessage(m_message, tr("The server has not said which day it is yet; choose the period."));
        setPeriod(QDate(2026, 1, 1), QDate(2026, 1, 31));
    }
    if (m_to->date() < m_from->date()) {
        showMessage(m_message, tr("The period ends before it begins."));
        return;
    }
    const int generation = ++m_generation;
    showMessage(m_message, tr("Loading the figures…"));
    m_api->fetchSummary(query(), [this, generation](const QJsonObject &summary, const QString &error) {
        if (generation != m_generation)
            return;
        if (!error.isEmpty()) {
            showMessage(m_message, error);
            return;
        }
        const int row = std::max(0, m_figureTable->currentIndex().row());
        m_figures->setSummary(summary);
        // The row the keyboard was on (the first, at first), for Enter and a screen reader.
        m_figureTable->setCurrentIndex(m_figures->index(std::min(row, m_figures->rowCount() - 1), 0));
        m_centers->setRows(summary.value(QLatin1String("centers")).toArray());
        m_weeks->setRows(summary.value(QLatin1String("weeks")).toArray());
        m_figureTable->resizeColumnsToContents();
        m_centerTable->resizeColumnsToContents();
        m_weekTable->resizeColumnsToContents();
        showChart();
        showTrend();
        showMessage(m_message, tr("Cases accepted from %1 to %2.")
                                   .arg(QLocale().toString(m_from->date(), QLocale::ShortFormat),
                                        QLocale().toString(m_to->date(), QLocale::ShortFormat)));
        emit loaded();
    }, this);
}

void DashboardPage::showChart()
{
    QChart *old = m_chart->chart();
    m_chart->setChart(makeCenterChart());
    delete old;
}

QChart *DashboardPage::makeCenterChart() const
{
    auto *now = new QBarSet(tr("Accepted"));
    auto *before = new QBarSet(tr("A year before"));
    QStringList categories;
    double highest = 0;
    for (int row = 0; row < m_centers->rowCount(); ++row) {
        const QModelIndex index = m_centers->index(row, 0);
        categories << index.data(int(models::CenterVolumeRole::Code)).toString();
        *now << index.data(int(models::CenterVolumeRole::Accepted)).toDouble();
        *before << index.data(int(models::CenterVolumeRole::LastYear)).toDouble();
        highest = std::max({highest, now->at(row), before->at(row)});
    }
    auto *series = new QBarSeries;
    series->append(now);
    series->append(before);
    auto *chart = new QChart;
    chart->addSeries(series);
    chart->setTitle(tr("Cases accepted per centre"));
    auto *axisX = new QBarCategoryAxis;
    axisX->append(categories);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto *axisY = new QValueAxis;
    // Whole cases on the axis: a tick per case up to ten, else round steps.
    axisY->setLabelFormat(QStringLiteral("%d"));
    axisY->setRange(0, std::max(1.0, highest));
    if (highest <= 10)
        axisY->setTickCount(static_cast<int>(std::max(1.0, highest)) + 1);
    else
        axisY->applyNiceNumbers();
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

void DashboardPage::showTrend()
{
    QChart *old = m_trendChart->chart();
    m_trendChart->setChart(makeTrendChart());
    delete old;
}

QChart *DashboardPage::makeTrendChart() const
{
    // Cases accepted on the left axis; the share decided on time and the target, in percent, on
    // the right.
    auto *accepted = new QLineSeries;
    accepted->setName(tr("Accepted"));
    auto *onTime = new QLineSeries;
    onTime->setName(tr("On time"));
    auto *target = new QLineSeries;
    target->setName(tr("Target"));
    QPen dashed = target->pen();
    dashed.setStyle(Qt::DashLine);
    target->setPen(dashed);
    const double targetPercent =
        m_figures->summary().value(QLatin1String("timeLimits")).toObject().value(QLatin1String("promisedRateTarget")).toDouble()
        * 100.0;
    QStringList weeks;
    double highest = 0;
    for (int row = 0; row < m_weeks->rowCount(); ++row) {
        const QModelIndex index = m_weeks->index(row, 0);
        weeks << QLocale().toString(index.data(int(models::WeekRole::From)).toDate(), QStringLiteral("M/d"));
        const double n = index.data(int(models::WeekRole::Accepted)).toDouble();
        accepted->append(row, n);
        highest = std::max(highest, n);
        const QVariant rate = index.data(int(models::WeekRole::OnTimeRate));
        if (rate.isValid())
            onTime->append(row, rate.toDouble() * 100.0);
        target->append(row, targetPercent);
    }
    auto *chart = new QChart;
    chart->setTitle(tr("Week by week"));
    for (QLineSeries *series : {accepted, onTime, target})
        chart->addSeries(series);
    auto *axisX = new QBarCategoryAxis;
    axisX->append(weeks);
    chart->addAxis(axisX, Qt::AlignBottom);
    auto *cases = new QValueAxis;
    cases->setLabelFormat(QStringLiteral("%d"));
    cases->setRange(0, std::max(1.0, highest));
    if (highest > 10)
        cases->applyNiceNumbers();
    cases->setTitleText(tr("Cases"));
    chart->addAxis(cases, Qt::AlignLeft);
    auto *percent = new QValueAxis;
    percent->setRange(0, 100);
    percent->setLabelFormat(QStringLiteral("%d%%"));
    percent->setTitleText(tr("On time"));
    chart->addAxis(percent, Qt::AlignRight);
    for (QLineSeries *series : {accepted, onTime, target})
        series->attachAxis(axisX);
    accepted->attachAxis(cases);
    onTime->attachAxis(percent);
    target->attachAxis(percent);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

void DashboardPage::openCases(int row, const QString &center)
{
    if (row < 0 || row >= m_figures->rowCount())
        return;
    const QModelIndex index = m_figures->index(row, models::StatsFigureColumn::Figure);
    const QString figure = index.data(int(models::StatsFigureRole::CasesFigure)).toString();
    if (figure.isEmpty()) {
        showMessage(m_message, tr("This figure is a setting: there are no cases behind it."));
        return;
    }
    QString title = index.data().toString();
    if (!center.isEmpty())
        title = tr("%1 at %2").arg(title, center);
    FigureCasesDialog dialog(m_client, title, query().casesPath(figure, center), this);
    emit casesOpened(&dialog);
    dialog.exec();
}

void DashboardPage::exportAsked()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the figures"),
        QStringLiteral("onewindow-%1-%2.csv").arg(m_from->date().toString(Qt::ISODate), m_to->date().toString(Qt::ISODate)),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    exportCsv(path);
}

void DashboardPage::exportCsv(const QString &path, std::function<void(const QString &)> done)
{
    showMessage(m_message, tr("Exporting…"));
    m_api->fetchCsv(query(), [this, path, done](const QByteArray &csv, const QString &error) {
        if (!error.isEmpty()) {
            showMessage(m_message, error);
            if (done)
                done(error);
            return;
        }
        writeFileAsync(this, path, csv, [this, path, done](const QString &writeError) {
            showMessage(m_message, writeError.isEmpty() ? tr("Figures saved to %1.").arg(path) : writeError);
            if (done)
                done(writeError);
        });
    }, this);
}

QString DashboardPage::reportHtml() const
{
    const auto cell = [](const QString &text, bool right = false) {
        return QStringLiteral("<td%1>%2</td>").arg(right ? QStringLiteral(" align=\"right\"") : QString(),
                                                    text.toHtmlEscaped());
    };
    QString html = QStringLiteral("<html><head><title>%1</title><style>h1 { font-size: 16pt; text-align: center; } "
                                  "h2 { font-size: 12pt; } th { text-align: left; } td { font-size: 9pt; }</style></head><body>")
                       .arg(tr("Service figures").toHtmlEscaped());
    html += QStringLiteral("<h1>%1</h1>").arg(tr("Service figures").toHtmlEscaped());
    html += QStringLiteral("<p align=\"center\">%1</p>")
                .arg(tr("Cases accepted from %1 to %2")
                         .arg(QLocale().toString(m_from->date(), QLocale::LongFormat),
                              QLocale().toString(m_to->date(), QLocale::LongFormat))
                         .toHtmlEscaped());
    const QString table = QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"2\" "
                                         "style=\"border-collapse: collapse; border-color: #000000;\">");
    // The figures in two columns of pairs, the first half on the left, so that the page holds
    // the tables and the charts.
    html += QStringLiteral("<h2>%1</h2>").arg(tr("Figures").toHtmlEscaped()) + table;
    const int half = (m_figures->rowCount() + 1) / 2;
    for (int row = 0; row < half; ++row) {
        html += QStringLiteral("<tr>");
        for (const int r : {row, row + half}) {
            const bool shown = r < m_figures->rowCount();
            html += cell(shown ? m_figures->index(r, models::StatsFigureColumn::Figure).data().toString() : QString())
                    + cell(shown ? m_figures->index(r, models::StatsFigureColumn::Value).data().toString() : QString(), true);
        }
        html += QStringLiteral("</tr>");
    }
    // A table of a model as it is shown: its header, its rows, numbers to the right.
    const auto modelTable = [&](const QAbstractItemModel *model) {
        QString out = table + QStringLiteral("<tr>");
        for (int column = 0; column < model->columnCount(); ++column)
            out += QStringLiteral("<th>%1</th>").arg(model->headerData(column, Qt::Horizontal).toString().toHtmlEscaped());
        out += QStringLiteral("</tr>");
        for (int row = 0; row < model->rowCount(); ++row) {
            out += QStringLiteral("<tr>");
            for (int column = 0; column < model->columnCount(); ++column)
                out += cell(model->index(row, column).data().toString(), column != 0);
            out += QStringLiteral("</tr>");
        }
        return out + QStringLiteral("</table>");
    };
    html += QStringLiteral("</table><h2>%1</h2>").arg(tr("Cases per centre").toHtmlEscaped()) + modelTable(m_centers);
    html += QStringLiteral("<h2>%1</h2>").arg(tr("Week by week").toHtmlEscaped()) + modelTable(m_weeks);
    // The charts drawn again at one size whatever the window's, side by side across the paper.
    const auto image = [](QChart *chart) {
        QChartView view(chart);
        view.setAttribute(Qt::WA_DontShowOnScreen);
        view.setRenderHint(QPainter::Antialiasing);
        view.resize(480, 320);
        view.show();
        QCoreApplication::sendPostedEvents(chart, QEvent::LayoutRequest);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        view.grab().toImage().save(&buffer, "PNG");
        return QStringLiteral("<img src=\"data:image/png;base64,%1\" width=\"270\" />").arg(QString::fromLatin1(png.toBase64()));
    };
    html += QStringLiteral("<table width=\"100%\"><tr><td>%1</td><td>%2</td></tr></table></body></html>")
                .arg(image(makeCenterChart()), image(makeTrendChart()));
    return html;
}

void DashboardPage::saveReport(const QString &path, std::function<void(const QString &)> done)
{
    const QByteArray pdf = printing::DocumentRenderer::htmlToPdf(reportHtml());
    writeFileAsync(this, path, pdf, [this, path, done](const QString &error) {
        showMessage(m_message, error.isEmpty() ? tr("Report saved to %1.").arg(path) : error);
        if (done)
            done(error);
    });
}

void DashboardPage::printAsked()
{
    const QString html = reportHtml();
    QPrinter printer(QPrinter::HighResolution);
    QPrintPreviewDialog preview(&printer, this);
    preview.setWindowTitle(tr("Service figures"));
    preview.setAccessibleName(tr("Service figures"));
    // Large enough to read the page before printing it.
    preview.resize(std::max(820, width() * 3 / 4), std::max(900, window()->height()));
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [html](QPrinter *device) {
        printing::DocumentRenderer::layOutHtml(html, device)->print(device);
    });
    preview.exec();
}

void DashboardPage::focusFirst()
{
    // The figures first: what the page is for; the period is Alt+F and Alt+T away.
    m_figureTable->setFocus();
}

} // namespace onewindow::client
