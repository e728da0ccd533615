#include "transferpages.h"

#include "printing/documentrenderer.h"

#include "models/apiclient.h"
#include "models/caseapi.h"
#include "models/caselistmodel.h"
#include "models/modelenums.h"
#include "models/transferitemmodel.h"
#include "models/transferlistmodel.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTableView>
#include <QUuid>
#include <QVBoxLayout>

namespace onewindow::client {

namespace {

printing::PrintInput manifestInput(const QJsonObject &transfer, const QString &office)
{
    printing::PrintInput input;
    input.transfer = transfer;
    input.office.name = office;
    return input;
}

QString newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

/// Numbers and codes shown whole; the `stretch` column takes the rest.
void fitColumns(QTableView *table, int stretch)
{
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(stretch, QHeaderView::Stretch);
}

} // namespace

bool saveManifest(const QJsonObject &transfer, const QString &office, const sdk::Registries *registries,
                  const QString &path, QString *error)
{
    printing::DocumentRenderer renderer(registries);
    const bool ok = renderer.renderPdf(printing::PrintDocument::TransferManifest, manifestInput(transfer, office), path);
    if (!ok && error)
        *error = renderer.errorString();
    return ok;
}

void previewManifest(const QJsonObject &transfer, const QString &office, const sdk::Registries *registries,
                     QWidget *parent)
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintPreviewDialog preview(&printer, parent);
    const printing::PrintInput input = manifestInput(transfer, office);
    QObject::connect(&preview, &QPrintPreviewDialog::paintRequested, parent, [&input, registries](QPrinter *p) {
        printing::DocumentRenderer(registries).print(printing::PrintDocument::TransferManifest, input, p);
    });
    preview.setWindowModality(Qt::WindowModal);
    preview.exec();
}

// ── Sending ──────────────────────────────────────────────────────────────────────────────────

SendPapersPage::SendPapersPage(models::ApiClient *api, const QString &center, const sdk::Registries *registries,
                               QWidget *parent)
    : WorkbenchPageWidget(parent)
    , m_api(api)
    , m_center(center)
    , m_registries(registries)
    , m_cases(new models::CaseApi(api, this))
    , m_caseModel(new models::CaseListModel(api, this))
    , m_transfers(new models::TransferListModel(api, this))
    , m_intro(new QLabel(this))
    , m_caseTable(makeTable(this))
    , m_noteLabel(new QLabel(this))
    , m_note(new QLineEdit(this))
    , m_send(new QPushButton(this))
    , m_result(makeMessage(this))
    , m_print(new QPushButton(this))
    , m_savePdf(new QPushButton(this))
    , m_listLabel(new QLabel(this))
    , m_state(new QComboBox(this))
    , m_transferTable(makeTable(this))
{
    m_caseTable->setModel(m_caseModel);
    m_caseTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_transferTable->setModel(m_transfers);
    fitColumns(m_caseTable, models::CaseColumn::Applicant);
    fitColumns(m_transferTable, models::TransferColumn::State);
    m_intro->setWordWrap(true);
    m_noteLabel->setBuddy(m_note);
    m_note->setMaxLength(500);
    m_listLabel->setBuddy(m_state);
    m_print->setEnabled(false);
    m_savePdf->setEnabled(false);
    for (QPushButton *b : {m_send, m_print, m_savePdf})
        b->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);

    auto *sendBar = new QHBoxLayout;
    sendBar->addWidget(m_noteLabel);
    sendBar->addWidget(m_note, 1);
    sendBar->addWidget(m_send);
    auto *printBar = new QHBoxLayout;
    printBar->addWidget(m_result, 1);
    printBar->addWidget(m_print);
    printBar->addWidget(m_savePdf);
    auto *listBar = new QHBoxLayout;
    listBar->addWidget(m_listLabel);
    listBar->addWidget(m_state);
    listBar->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_caseTable, 3);
    layout->addLayout(sendBar);
    layout->addLayout(printBar);
    layout->addLayout(listBar);
    layout->addWidget(m_transferTable, 2);

    connect(m_send, &QPushButton::clicked, this, &SendPapersPage::send);
    connect(m_print, &QPushButton::clicked, this, [this] { previewManifest(m_current, m_office, m_registries, this); });
    connect(m_savePdf, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the manifest as PDF"), QString(), tr("PDF (*.pdf)"));
        if (!path.isEmpty())
            saveManifest(path);
    });
    connect(m_state, &QComboBox::activated, this, [this] { m_transfers->loadState(m_state->currentData().toString()); });
    connect(m_transferTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showTransfer(current.data(int(models::TransferRole::Item)).toJsonObject());
            });
    connect(m_caseModel, &models::ApiListModel::failed, this, [this](const QString &message) { showMessage(m_result, message); });
    retranslate();
}

SendPapersPage::~SendPapersPage() = default;

void SendPapersPage::refresh()
{
    // The centre's name heads the manifest (asked again until the server has said it).
    if (m_office.isEmpty()) {
        m_api->get(QStringLiteral("/centers"), [this](const models::ApiResponse &r) {
            for (const auto &c : r.object().value(QLatin1String("items")).toArray()) {
                if (c.toObject().value(QLatin1String("code")).toString() == m_center)
                    m_office = c.toObject().value(QLatin1String("name")).toString();
            }
        }, this);
    }
    m_caseModel->load(QStringLiteral("/cases?limit=100"));
    m_transfers->loadState(m_state->currentData().toString());
}

void SendPapersPage::focusFirst()
{
    m_caseTable->setFocus();
}

void SendPapersPage::send()
{
    QStringList ids;
    for (const QModelIndex &row : m_caseTable->selectionModel()->selectedRows())
        ids << row.data(int(models::CaseRole::Id)).toString();
    if (ids.isEmpty()) {
        showMessage(m_result, tr("Choose the cases whose papers go to the hall first."));
        return;
    }
    if (m_sendKey.isEmpty())
        m_sendKey = newKey();
    m_send->setEnabled(false);
    showMessage(m_result, tr("Sending…"));
    m_cases->createTransfer(ids, m_note->text(), m_sendKey, [this](const models::ApiResult<QJsonObject> &r) {
        m_send->setEnabled(true);
        if (!r.ok()) {
            const QString message = r.error.userMessage();
            // A retry after a network failure is the same batch; anything else starts afresh.
            if (!r.error.isRetryable())
                m_sendKey.clear();
            showMessage(m_result, message);
            return;
        }
        m_sendKey.clear();
        m_note->clear();
        m_caseTable->clearSelection();
        showTransfer(*r.value);
        m_transfers->loadState(m_state->currentData().toString());
    }, this);
}

void SendPapersPage::showTransfer(const QJsonObject &transfer)
{
    m_current = transfer;
    const QString text = tr("Batch %1: %n case(s), %2 item(s). Print the manifest and put it with the papers.", nullptr,
                            static_cast<int>(transfer.value(QLatin1String("cases")).toArray().size()))
                             .arg(transfer.value(QLatin1String("code")).toString())
                             .arg(transfer.value(QLatin1String("items")).toArray().size());
    showMessage(m_result, text);
    m_print->setEnabled(!transfer.isEmpty());
    m_savePdf->setEnabled(!transfer.isEmpty());
}

bool SendPapersPage::saveManifest(const QString &path)
{
    QString error;
    if (client::saveManifest(m_current, m_office, m_registries, path, &error))
        return true;
    showMessage(m_result, error);
    return false;
}

void SendPapersPage::retranslate()
{
    m_intro->setText(tr("Choose the cases whose paper materials go to the hall now (Ctrl or Shift for several), then "
                        "send them as one batch: its manifest travels with the papers."));
    m_caseTable->setAccessibleName(tr("Cases of my centre to send"));
    m_noteLabel->setText(tr("&Note:"));
    m_note->setAccessibleName(tr("Note for the hall"));
    m_send->setText(tr("&Send to the hall"));
    m_send->setAccessibleName(tr("Send to the hall"));
    m_print->setText(tr("&Print the manifest…"));
    m_print->setAccessibleName(tr("Print the manifest"));
    m_savePdf->setText(tr("Save the manifest as P&DF…"));
    m_savePdf->setAccessibleName(tr("Save the manifest as PDF"));
    m_listLabel->setText(tr("&Batches:"));
    m_transferTable->setAccessibleName(tr("Batches sent"));
    const QString state = m_state->currentData().toString();
    m_state->clear();
    m_state->addItem(tr("On their way"), QStringLiteral("in_transit"));
    m_state->addItem(tr("Arrived"), QStringLiteral("arrived"));
    m_state->setCurrentIndex(qMax(0, m_state->findData(state)));
    m_state->setAccessibleName(tr("Which batches"));
}

// ── Receiving ────────────────────────────────────────────────────────────────────────────────

ReceivePapersPage::ReceivePapersPage(models::ApiClient *api, QWidget *parent)
    : WorkbenchPageWidget(parent)
    , m_cases(new models::CaseApi(api, this))
    , m_transfers(new models::TransferListModel(api, this))
    , m_items(new models::TransferItemModel(this))
    , m_codeLabel(new QLabel(this))
    , m_code(new QLineEdit(this))
    , m_find(new QPushButton(this))
    , m_summary(new QLabel(this))
    , m_itemTable(makeTable(this))
    , m_arrived(new QPushButton(this))
    , m_result(makeMessage(this))
    , m_listLabel(new QLabel(this))
    , m_transferTable(makeTable(this))
{
    m_codeLabel->setBuddy(m_code);
    m_code->setMaxLength(200);
    m_itemTable->setModel(m_items);
    // The tick and the note are edited in place: Space ticks, typing writes the note.
    m_itemTable->setEditTriggers(QAbstractItemView::AnyKeyPressed | QAbstractItemView::DoubleClicked
                                 | QAbstractItemView::EditKeyPressed);
    fitColumns(m_itemTable, models::TransferItemColumn::Note);
    m_transferTable->setModel(m_transfers);
    fitColumns(m_transferTable, models::TransferColumn::State);
    m_summary->setObjectName(QStringLiteral("transferSummary"));
    m_summary->setWordWrap(true);
    m_arrived->setEnabled(false);
    m_arrived->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_listLabel->setBuddy(m_transferTable);

    auto *findBar = new QHBoxLayout;
    findBar->addWidget(m_codeLabel);
    findBar->addWidget(m_code, 1);
    findBar->addWidget(m_find);
    auto *arriveBar = new QHBoxLayout;
    arriveBar->addWidget(m_result, 1);
    arriveBar->addWidget(m_arrived);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(findBar);
    layout->addWidget(m_summary);
    layout->addWidget(m_itemTable, 3);
    layout->addLayout(arriveBar);
    layout->addWidget(m_listLabel);
    layout->addWidget(m_transferTable, 2);

    // A QR scanner types the code and Enter.
    connect(m_code, &QLineEdit::returnPressed, this, &ReceivePapersPage::lookUp);
    connect(m_find, &QPushButton::clicked, this, &ReceivePapersPage::lookUp);
    connect(m_arrived, &QPushButton::clicked, this, &ReceivePapersPage::recordArrival);
    connect(m_transferTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showTransfer(current.data(int(models::TransferRole::Item)).toJsonObject());
            });
    retranslate();
}

ReceivePapersPage::~ReceivePapersPage() = default;

void ReceivePapersPage::refresh()
{
    m_transfers->loadState(QStringLiteral("in_transit"));
}

void ReceivePapersPage::focusFirst()
{
    m_code->setFocus();
}

void ReceivePapersPage::lookUp()
{
    const QString code = m_code->text().trimmed();
    if (code.isEmpty())
        return;
    m_cases->fetchTransferByCode(code, [this](const models::ApiResult<QJsonObject> &r) {
        if (!r.ok()) {
            showMessage(m_result, r.error.status == 404 ? tr("No batch with this code is on its way to this hall.")
                                                        : r.error.userMessage());
            return;
        }
        m_code->clear();
        showTransfer(*r.value);
        m_itemTable->setFocus();
        m_itemTable->setCurrentIndex(m_items->index(0, models::TransferItemColumn::Received));
    }, this);
}

void ReceivePapersPage::showTransfer(const QJsonObject &transfer)
{
    m_items->setTransfer(transfer);
    m_arrivalKey.clear();
    const bool open = m_items->isEditable();
    QString text = tr("Batch %1 from %2, sent by %3: %n case(s).", nullptr,
                      static_cast<int>(transfer.value(QLatin1String("cases")).toArray().size()))
                       .arg(transfer.value(QLatin1String("code")).toString(),
                            transfer.value(QLatin1String("center")).toString(),
                            transfer.value(QLatin1String("createdBy")).toString());
    text += QLatin1Char(' ') + (open ? tr("Untick what is not in the envelope and say why, then record the arrival.")
                                     : models::TransferListModel::stateText(transfer));
    m_summary->setText(text);
    m_summary->setAccessibleName(text);
    m_arrived->setEnabled(open);
    showMessage(m_result, {});
}

void ReceivePapersPage::recordArrival()
{
    const QJsonObject transfer = m_items->transfer();
    const QJsonArray missing = m_items->missing();
    for (const auto &m : missing) {
        if (m.toObject().value(QLatin1String("note")).toString().isEmpty()) {
            showMessage(m_result, tr("Say what is missing about each unticked item (the note column)."));
            return;
        }
    }
    if (m_arrivalKey.isEmpty())
        m_arrivalKey = newKey();
    m_arrived->setEnabled(false);
    m_cases->recordArrival(transfer.value(QLatin1String("id")).toString(), missing, m_arrivalKey,
                           [this](const models::ApiResult<QJsonObject> &r) {
                               if (!r.ok()) {
                                   m_arrived->setEnabled(true);
                                   showMessage(m_result, r.error.userMessage());
                                   return;
                               }
                               showTransfer(*r.value);
                               const int missingCount = static_cast<int>(m_items->missing().size());
                               showMessage(m_result, missingCount == 0
                                                         ? tr("Arrival recorded: everything arrived.")
                                                         : tr("Arrival recorded, %n item(s) missing on record.",
                                                              nullptr, missingCount));
                               m_transfers->loadState(QStringLiteral("in_transit"));
                           },
                           this);
}

void ReceivePapersPage::retranslate()
{
    m_codeLabel->setText(tr("&Manifest code:"));
    m_code->setPlaceholderText(tr("Scan the QR code of the manifest"));
    m_code->setAccessibleName(tr("Manifest code"));
    m_find->setText(tr("&Find"));
    m_find->setAccessibleName(tr("Find the batch"));
    m_itemTable->setAccessibleName(tr("Items of the batch"));
    m_arrived->setText(tr("&Record the arrival"));
    m_arrived->setAccessibleName(tr("Record the arrival"));
    m_listLabel->setText(tr("&Batches on their way to this hall:"));
    m_transferTable->setAccessibleName(tr("Batches on their way"));
}

} // namespace onewindow::client
