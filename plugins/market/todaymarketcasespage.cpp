#include "todaymarketcasespage.h"

#include "todaymarketcasesmodel.h"
#include "tr.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace onewindow::market {

TodayMarketCasesPage::TodayMarketCasesPage(models::ApiClient *api, models::ServerClock *clock, QWidget *parent)
    : QWidget(parent)
    , m_model(new TodayMarketCasesModel(api, clock, this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_refresh(new QPushButton(Tr::tr("&Refresh"), this))
{
    setObjectName(QStringLiteral("market.today"));
    setAccessibleName(Tr::tr("Today's market regulation cases"));

    m_refresh->setAccessibleName(Tr::tr("Refresh"));
    m_refresh->setToolTip(Tr::tr("Ask the server again for today's market regulation cases"));
    m_summary->setAccessibleName(Tr::tr("Number of cases"));
    m_summary->setWordWrap(true);

    m_table->setModel(m_model);
    m_table->setAccessibleName(Tr::tr("Today's market regulation cases"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setAccessibleName(Tr::tr("Case columns"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);

    connect(m_refresh, &QPushButton::clicked, m_model, &TodayMarketCasesModel::refresh);
    connect(m_model, &TodayMarketCasesModel::loadingChanged, this, &TodayMarketCasesPage::updateSummary);
    connect(m_model, &TodayMarketCasesModel::refreshed, this, [this] {
        m_table->resizeColumnsToContents();
        updateSummary();
    });
    connect(m_model, &TodayMarketCasesModel::failed, this, &TodayMarketCasesPage::updateSummary);
    updateSummary();
}

TodayMarketCasesPage::~TodayMarketCasesPage() = default;

void TodayMarketCasesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loadedOnce) {
        m_loadedOnce = true;
        m_model->refresh();
    }
}

void TodayMarketCasesPage::updateSummary()
{
    if (m_model->isLoading()) {
        m_summary->setText(Tr::tr("Loading today's cases…"));
    } else if (!m_model->errorString().isEmpty()) {
        m_summary->setText(Tr::tr("Could not load today's cases: %1").arg(m_model->errorString()));
    } else if (!m_model->today().isValid()) {
        m_summary->setText(Tr::tr("Not loaded yet."));
    } else {
        m_summary->setText(Tr::tr(
            "%n market regulation case(s) accepted today, %1; for enterprises: %2.", nullptr, m_model->rowCount())
                               .arg(QLocale().toString(m_model->today(), QLocale::LongFormat))
                               .arg(m_model->organizationCount()));
    }
}

} // namespace onewindow::market
