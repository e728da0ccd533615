#include "reviewqueuepage.h"

#include "reviewdialog.h"

#include "models/caseapi.h"
#include "models/modelenums.h"
#include "models/reviewqueuemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace onewindow::client {

namespace {

// What the view shows: the states of the department's part.
enum class View { ToDecide, Decided, All };

} // namespace

ReviewQueuePage::ReviewQueuePage(models::ApiClient *api, const QString &department,
                                 const sdk::Registries *registries, QWidget *parent)
    : WorkbenchPageWidget(parent)
    , m_cases(new models::CaseApi(api, this))
    , m_department(department)
    , m_registries(registries)
    , m_model(new models::ReviewQueueModel(api, this))
    , m_viewLabel(new QLabel(this))
    , m_view(new QComboBox(this))
    , m_greenOnly(new QCheckBox(this))
    , m_overdueOnly(new QCheckBox(this))
    , m_table(makeTable(this))
    , m_open(new QPushButton(this))
    , m_refresh(new QPushButton(this))
    , m_message(makeMessage(this))
{
    m_table->setModel(m_model);
    m_viewLabel->setBuddy(m_view);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_viewLabel);
    bar->addWidget(m_view);
    bar->addWidget(m_greenOnly);
    bar->addWidget(m_overdueOnly);
    bar->addStretch();
    bar->addWidget(m_open);
    bar->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    retranslate();

    connect(m_view, &QComboBox::activated, this, [this] { refresh(); });
    connect(m_greenOnly, &QCheckBox::toggled, this, [this] { refresh(); });
    connect(m_overdueOnly, &QCheckBox::toggled, this, [this] { refresh(); });
    connect(m_refresh, &QPushButton::clicked, this, &ReviewQueuePage::refresh);
    connect(m_open, &QPushButton::clicked, this, [this] { openRow(m_table->currentIndex().row()); });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) { openRow(index.row()); });
    connect(m_model, &models::ApiListModel::loaded, this, [this] {
        // Columns fit the first page; sizing them again for each further page would cost a
        // frame's time at a few hundred rows (bench/client/bench_queue_model).
        if (!m_columnsSized) {
            m_table->resizeColumnsToContents();
            m_columnsSized = m_model->rowCount() > 0;
        }
        showMessage(m_message, m_model->rowCount() == 0 ? tr("Nothing here.") : QString());
        if (m_model->rowCount() > 0 && !m_table->currentIndex().isValid())
            m_table->setCurrentIndex(m_model->index(0, 0));
        if (m_dialog)
            m_dialog->setNextAvailable(m_openRow + 1 < m_model->rowCount() || m_model->canLoadMore());
    });
    connect(m_model, &models::ApiListModel::failed, this, [this](const QString &message) { showMessage(m_message, message); });
}

ReviewQueuePage::~ReviewQueuePage() = default;

void ReviewQueuePage::retranslate()
{
    const int current = qMax(0, m_view->currentIndex());
    m_view->clear();
    m_view->addItem(tr("To decide"), int(View::ToDecide));
    m_view->addItem(tr("Decided by my department"), int(View::Decided));
    m_view->addItem(tr("All of my department"), int(View::All));
    m_view->setCurrentIndex(current);
    m_viewLabel->setText(tr("&Show:"));
    m_view->setAccessibleName(tr("Queue view"));
    m_greenOnly->setText(tr("&Green channel only"));
    m_greenOnly->setAccessibleName(tr("Green channel only"));
    m_overdueOnly->setText(tr("&Late only"));
    m_overdueOnly->setAccessibleName(tr("Late only"));
    m_table->setAccessibleName(tr("Review queue"));
    m_open->setText(tr("&Open"));
    m_open->setAccessibleName(tr("Open case"));
    m_refresh->setText(tr("&Refresh"));
    m_refresh->setAccessibleName(tr("Refresh"));
}

void ReviewQueuePage::refresh()
{
    m_columnsSized = false;
    models::CaseQuery query;
    query.department = m_department;
    switch (static_cast<View>(m_view->currentData().toInt())) {
    case View::ToDecide: query.part = QStringLiteral("pending"); break;
    case View::Decided: query.part = QStringLiteral("decided"); break;
    case View::All: break;
    }
    query.greenChannelOnly = m_greenOnly->isChecked();
    query.overdueOnly = m_overdueOnly->isChecked();
    query.byPriority = true;
    m_model->load(query.path());
    loadCounts();
}

void ReviewQueuePage::loadCounts()
{
    m_cases->fetchReviewCounts([this](const models::ApiResult<models::ReviewCounts> &r) {
        if (r.ok())
            emit countChanged(r.value->pending, r.value->overdue);
    }, this);
}

void ReviewQueuePage::focusFirst()
{
    m_table->setFocus();
}

void ReviewQueuePage::openRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_openRow = row;
    m_table->setCurrentIndex(m_model->index(row, 0));
    if (!m_dialog) {
        m_dialog = new ReviewDialog(m_cases, m_department, m_registries, this);
        // Each decision changes the queue and its counts.
        connect(m_dialog, &ReviewDialog::decided, this, [this] {
            m_model->reload();
            loadCounts();
        });
        connect(m_dialog, &ReviewDialog::nextRequested, this, [this] {
            const QString current = m_dialog->caseId();
            // The queue may have changed under the dialog: the row after the case on screen.
            int next = m_openRow + 1;
            for (int r = 0; r < m_model->rowCount(); ++r) {
                if (m_model->index(r, 0).data(int(models::ReviewRole::Id)).toString() == current)
                    next = r + 1;
            }
            if (next >= m_model->rowCount() && m_model->canLoadMore())
                m_model->loadMore();
            if (next < m_model->rowCount())
                openRow(next);
        });
        connect(m_dialog, &QDialog::finished, this, [this] { m_table->setFocus(); });
    }
    m_dialog->review(m_model->index(row, 0).data(int(models::ReviewRole::Id)).toString());
    m_dialog->setNextAvailable(row + 1 < m_model->rowCount() || m_model->canLoadMore());
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

} // namespace onewindow::client
