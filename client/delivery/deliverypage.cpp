#include "deliverypage.h"

#include "customerscreen.h"
#include "deliverydialog.h"

#include "models/caseapi.h"
#include "models/caselistmodel.h"
#include "models/identityreader.h"
#include "models/modelenums.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QTableView>
#include <QVBoxLayout>

namespace onewindow::client {

namespace {

// An ID number (18 characters, the last may be X) or a credit code: the applicant; anything
// else: a case number.
bool looksLikeApplicant(const QString &text)
{
    static const QRegularExpression id(QStringLiteral("^[0-9]{17}[0-9Xx]$|^[0-9A-HJ-NPQRTUWXY]{18}$"));
    return id.match(text).hasMatch() && !text.contains(QLatin1Char('-'));
}

} // namespace

DeliveryPage::DeliveryPage(models::ApiClient *api, models::IdentityReader *reader, CustomerScreen *screen,
                           const sdk::Registries *registries, QWidget *parent)
    : WorkbenchPageWidget(parent)
    , m_cases(new models::CaseApi(api, this))
    , m_reader(reader)
    , m_screen(screen)
    , m_registries(registries)
    , m_model(new models::CaseListModel(api, this))
    , m_findLabel(new QLabel(this))
    , m_find(new QLineEdit(this))
    , m_findButton(new QPushButton(this))
    , m_readCard(new QPushButton(this))
    , m_table(makeTable(this))
    , m_handOut(new QPushButton(this))
    , m_more(new QPushButton(this))
    , m_message(makeMessage(this))
{
    m_table->setModel(m_model);
    m_findLabel->setBuddy(m_find);
    m_find->setClearButtonEnabled(true);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_findLabel);
    bar->addWidget(m_find, 1);
    bar->addWidget(m_findButton);
    bar->addWidget(m_readCard);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_handOut);
    bottom->addStretch();
    bottom->addWidget(m_more);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);
    retranslate();

    connect(m_find, &QLineEdit::returnPressed, this, &DeliveryPage::find);
    connect(m_findButton, &QPushButton::clicked, this, &DeliveryPage::find);
    connect(m_find, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty() && !m_searched.isEmpty())
            refresh();
    });
    connect(m_readCard, &QPushButton::clicked, this, [this] {
        if (!m_reader)
            return;
        m_listening = true;
        showMessage(m_message, tr("Reading the ID card…"));
        m_reader->read();
    });
    if (m_reader) {
        connect(m_reader, &models::IdentityReader::cardRead, this, [this](const models::IdentityCard &card) {
            if (!m_listening)
                return; // read for a dialog or another page
            m_listening = false;
            m_find->setText(card.idNumber);
            find();
        });
        connect(m_reader, &models::IdentityReader::failed, this, [this](const QString &message) {
            if (m_listening)
                showMessage(m_message, message);
            m_listening = false;
        });
    } else {
        m_readCard->setEnabled(false);
    }
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        open(index.siblingAtColumn(0).data(int(models::CaseRole::Id)).toString());
    });
    connect(m_handOut, &QPushButton::clicked, this, [this] {
        const QModelIndex index = m_table->currentIndex();
        if (index.isValid())
            open(index.siblingAtColumn(0).data(int(models::CaseRole::Id)).toString());
        else
            showMessage(m_message, tr("Choose a case in the list first."));
    });
    connect(m_more, &QPushButton::clicked, m_model, &models::CaseListModel::loadMore);
    connect(m_model, &models::ApiListModel::loaded, this, [this] {
        m_table->resizeColumnsToContents();
        m_more->setEnabled(m_model->canLoadMore());
        const int rows = m_model->rowCount();
        if (m_searched.isEmpty()) {
            showMessage(m_message, rows == 0 ? tr("No result is waiting to be handed out.") : QString());
            emit countChanged(m_model->canLoadMore() ? -1 : rows);
            return;
        }
        if (rows == 0) {
            showMessage(m_message, tr("No result waiting for %1.").arg(m_searched));
            return;
        }
        showMessage(m_message, QString());
        m_table->setFocus();
        m_table->setCurrentIndex(m_model->index(0, 0));
        // A barcode gun: the one case found opens at once.
        if (rows == 1)
            open(m_model->index(0, 0).data(int(models::CaseRole::Id)).toString());
    });
    connect(m_model, &models::ApiListModel::failed, this, [this](const QString &message) { showMessage(m_message, message); });
}

DeliveryPage::~DeliveryPage() = default;

void DeliveryPage::retranslate()
{
    m_findLabel->setText(tr("&Find:"));
    m_find->setPlaceholderText(tr("Case number (scan the barcode) or the applicant's ID number"));
    m_find->setAccessibleName(tr("Find a result"));
    m_findButton->setText(tr("Find"));
    m_findButton->setAccessibleName(tr("Find"));
    m_readCard->setText(tr("Find by ID &card"));
    m_readCard->setAccessibleName(tr("Find by ID card"));
    m_table->setAccessibleName(tr("Results to hand out"));
    m_handOut->setText(tr("&Hand out…"));
    m_handOut->setAccessibleName(tr("Hand out the chosen case"));
    m_more->setText(tr("Load &more"));
    m_more->setAccessibleName(tr("Load more"));
}

void DeliveryPage::refresh()
{
    m_searched.clear();
    models::CaseQuery query;
    query.states = {QStringLiteral("result_ready")};
    query.limit = 100;
    m_model->load(query.path());
}

void DeliveryPage::find()
{
    const QString text = m_find->text().trimmed();
    if (text.isEmpty()) {
        refresh();
        return;
    }
    m_searched = text;
    models::CaseQuery query;
    query.states = {QStringLiteral("result_ready")};
    if (looksLikeApplicant(text))
        query.applicant = text.toUpper();
    else
        query.number = text.toUpper();
    m_model->load(query.path());
}

void DeliveryPage::open(const QString &caseId)
{
    if (caseId.isEmpty() || m_handingOut)
        return; // one hand-out at a time
    const QScopedValueRollback busy(m_handingOut, true);
    DeliveryDialog dialog(m_cases, caseId, m_reader, m_screen, m_registries, this);
    // Window-modal: the customer screen, a window of its own, takes the signature meanwhile.
    dialog.setWindowModality(Qt::WindowModal);
    dialog.exec();
    if (dialog.isDelivered()) {
        m_find->clear();
        refresh();
    }
}

void DeliveryPage::focusFirst()
{
    m_find->setFocus();
}

} // namespace onewindow::client
