#include "figurecasesdialog.h"

#include "models/caselistmodel.h"
#include "models/modelenums.h"
#include "pages.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace onewindow::client {

FigureCasesDialog::FigureCasesDialog(models::ApiClient *api, const QString &title, const QString &path, QWidget *parent)
    : QDialog(parent)
    , m_cases(new models::CaseListModel(api, this))
    , m_message(new QLabel(this))
    , m_table(makeTable(this))
    , m_more(new QPushButton(tr("Load &more"), this))
{
    setWindowTitle(tr("Cases: %1").arg(title));
    setAccessibleName(windowTitle());
    m_message->setWordWrap(true);
    m_table->setModel(m_cases);
    m_table->setAccessibleName(tr("Cases behind the figure"));
    m_more->setAccessibleName(tr("Load more"));
    m_more->setEnabled(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_more);
    bottom->addStretch();
    bottom->addWidget(buttons);
    layout->addLayout(bottom);
    resize(820, 480);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_more, &QPushButton::clicked, m_cases, &models::CaseListModel::loadMore);
    connect(m_table, &QTableView::activated, this, [this, api](const QModelIndex &index) { openCaseOf(api, index, this); });
    connect(m_cases, &models::ApiListModel::loaded, this, [this] {
        m_table->resizeColumnsToContents();
        showMessage(m_message, m_cases->rowCount() == 0 ? tr("No cases.")
                               : m_cases->canLoadMore()   ? tr("The first %n case(s); more with Load more.", nullptr, m_cases->rowCount())
                                                          : tr("%n case(s).", nullptr, m_cases->rowCount()));
        m_more->setEnabled(m_cases->canLoadMore());
        if (!m_table->currentIndex().isValid() && m_cases->rowCount() > 0)
            m_table->setCurrentIndex(m_cases->index(0, 0));
        emit loaded();
    });
    connect(m_cases, &models::ApiListModel::failed, this, [this](const QString &message) { showMessage(m_message, message); });
    showMessage(m_message, tr("Loading the cases…"));
    m_table->setFocus();
    m_cases->load(path);
}

} // namespace onewindow::client
