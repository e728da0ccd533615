#include "todaycasespage.h"

#include "models/todaycasesmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShowEvent>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

namespace onewindow::sdk {

TodayCasesPage::TodayCasesPage(models::TodayCasesModel *model, const QString &title, Summary summary, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_summaryText(std::move(summary))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
{
    m_model->setParent(this);
    setAccessibleName(title);

    m_refresh->setAccessibleName(tr("Refresh"));
    m_refresh->setToolTip(tr("Ask the server again for today's cases"));
    m_summary->setAccessibleName(tr("Number of cases"));
    m_summary->setWordWrap(true);

    m_table->setModel(m_model);
    m_table->setAccessibleName(title);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setAccessibleName(tr("Case columns"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);

    connect(m_refresh, &QPushButton::clicked, m_model, &models::TodayCasesModel::refresh);
    connect(m_model, &models::TodayCasesModel::loadingChanged, this, &TodayCasesPage::updateSummary);
    connect(m_model, &models::TodayCasesModel::refreshed, this, [this] {
        m_table->resizeColumnsToContents();
        updateSummary();
    });
    connect(m_model, &models::TodayCasesModel::failed, this, &TodayCasesPage::updateSummary);
    updateSummary();
}

TodayCasesPage::~TodayCasesPage() = default;

void TodayCasesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loadedOnce) {
        m_loadedOnce = true;
        m_model->refresh();
    }
}

void TodayCasesPage::updateSummary()
{
    if (m_model->isLoading())
        m_summary->setText(tr("Loading today's cases…"));
    else if (!m_model->errorString().isEmpty())
        m_summary->setText(tr("Could not load today's cases: %1").arg(m_model->errorString()));
    else if (!m_model->today().isValid())
        m_summary->setText(tr("Not loaded yet."));
    else
        m_summary->setText(m_summaryText(*m_model));
}

} // namespace onewindow::sdk
