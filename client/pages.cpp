#include "pages.h"

#include "deficiencies/casedialog.h"
#include "models/apiclient.h"
#include "models/modelenums.h"
#include "models/caselistmodel.h"
#include "models/formatting.h"
#include "models/catalogsync.h"
#include "models/localstore.h"
#include "models/mattercatalogmodel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace onewindow::client {

void openCaseOf(models::ApiClient *api, const QModelIndex &index, QWidget *parent)
{
    CaseDialog dialog(api, index.siblingAtColumn(0).data(int(models::CaseRole::Id)).toString(), parent);
    dialog.exec();
}

QTableView *makeTable(QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setTabKeyNavigation(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    return table;
}

QLabel *makeMessage(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->hide();
    return label;
}

void showMessage(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setAccessibleName(text);
    label->setVisible(!text.isEmpty());
}

namespace {

// Filter on the left, refresh on the right.
QHBoxLayout *filterBar(QLabel *label, QComboBox *filter, QPushButton *refresh)
{
    label->setBuddy(filter);
    auto *bar = new QHBoxLayout;
    bar->addWidget(label);
    bar->addWidget(filter);
    bar->addStretch();
    bar->addWidget(refresh);
    return bar;
}

} // namespace

void WorkbenchPageWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

CasesPage::CasesPage(models::ApiClient *api, QWidget *parent)
    : WorkbenchPageWidget(parent)
    , m_model(new models::CaseListModel(api, this))
    , m_status(new QComboBox(this))
    , m_statusLabel(new QLabel(this))
    , m_table(makeTable(this))
    , m_more(new QPushButton(this))
    , m_refresh(new QPushButton(this))
    , m_message(makeMessage(this))
{
    m_table->setModel(m_model);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filterBar(m_statusLabel, m_status, m_refresh));
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_more, 0, Qt::AlignRight);
    retranslate();

    connect(m_status, &QComboBox::activated, this, [this] { refresh(); });
    connect(m_refresh, &QPushButton::clicked, this, &CasesPage::refresh);
    connect(m_more, &QPushButton::clicked, m_model, &models::CaseListModel::loadMore);
    // Enter or a double click opens the case, what is still owed first.
    connect(m_table, &QTableView::activated, this, [this, api](const QModelIndex &index) { openCaseOf(api, index, this); });
    connect(m_model, &models::ApiListModel::loaded, this, [this] {
        m_table->resizeColumnsToContents();
        showMessage(m_message, m_model->rowCount() == 0 ? tr("No cases.") : QString());
        m_more->setEnabled(m_model->canLoadMore());
        emit countChanged(-1);
    });
    connect(m_model, &models::ApiListModel::failed, this, [this](const QString &message) { showMessage(m_message, message); });
}

CasesPage::~CasesPage() = default;

void CasesPage::retranslate()
{
    const QString current = m_status->currentData().toString();
    m_status->clear();
    m_status->addItem(tr("All"), QString());
    for (const CaseState state : CaseLifecycle::states()) {
        if (state != CaseState::Draft) // never on the server
            m_status->addItem(models::caseStatusText(state),
                              QString::fromLatin1(CaseLifecycle::stateCode(state)));
    }
    m_status->setCurrentIndex(qMax(0, m_status->findData(current)));
    m_statusLabel->setText(tr("S&tatus:"));
    m_status->setAccessibleName(tr("Status filter"));
    m_table->setAccessibleName(tr("Cases"));
    m_more->setText(tr("Load &more"));
    m_more->setAccessibleName(tr("Load more"));
    m_refresh->setText(tr("&Refresh"));
    m_refresh->setAccessibleName(tr("Refresh"));
}

void CasesPage::refresh()
{
    const QString status = m_status->currentData().toString();
    m_model->load(status.isEmpty() ? QStringLiteral("/cases?limit=100")
                                   : QStringLiteral("/cases?limit=100&status=") + status);
}

void CasesPage::focusFirst()
{
    m_table->setFocus();
}

CatalogPage::CatalogPage(models::LocalStore *store, models::CatalogSync *sync, QWidget *parent)
    : WorkbenchPageWidget(parent)
    , m_store(store)
    , m_sync(sync)
    , m_model(new models::MatterCatalogModel(this))
    , m_filter(new models::MatterFilterModel(this))
    , m_searchLabel(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_table(makeTable(this))
    , m_refresh(new QPushButton(this))
    , m_message(makeMessage(this))
{
    m_filter->setSourceModel(m_model);
    m_table->setModel(m_filter);
    m_searchLabel->setBuddy(m_search);
    m_search->setClearButtonEnabled(true);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_searchLabel);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    retranslate();

    connect(m_search, &QLineEdit::textChanged, m_filter, &models::MatterFilterModel::setQuery);
    connect(m_search, &QLineEdit::returnPressed, this, [this] { m_table->setFocus(); });
    connect(m_refresh, &QPushButton::clicked, this, &CatalogPage::refresh);
    connect(m_sync, &models::CatalogSync::finished, this, [this](bool ok, const QString &message) {
        showMessage(m_message, ok ? QString() : tr("Working from the saved copy of the catalog: %1").arg(message));
        reloadFromStore();
    });
    connect(m_filter, &QAbstractItemModel::modelReset, this, [this] { emit countChanged(-1); });
    reloadFromStore();
}

CatalogPage::~CatalogPage() = default;

void CatalogPage::retranslate()
{
    m_searchLabel->setText(tr("&Find a matter:"));
    m_search->setPlaceholderText(tr("Code, name or pinyin initials, e.g. gjj"));
    m_search->setAccessibleName(tr("Find a matter"));
    m_table->setAccessibleName(tr("Matters"));
    m_refresh->setText(tr("&Update catalog"));
    m_refresh->setAccessibleName(tr("Update catalog"));
}

void CatalogPage::reloadFromStore()
{
    m_store->matters(this, [this](const QJsonArray &matters) {
        m_model->setMatters(matters);
        m_table->resizeColumnsToContents();
    });
}

void CatalogPage::refresh()
{
    m_sync->refresh();
}

void CatalogPage::focusFirst()
{
    m_search->setFocus();
    m_search->selectAll();
}

} // namespace onewindow::client
