#include "scandialog.h"

#include "models/apiclient.h"
#include "models/attachmentupload.h"
#include "models/deficiencytracking.h"
#include "models/pagestopdf.h"
#include "models/scanner.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace onewindow::client {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

ScanDialog::ScanDialog(models::ApiClient *api, const QJsonObject &deficiency, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_deficiency(deficiency)
    , m_importer(new models::FileImportScanner(this))
    , m_upload(new models::AttachmentUpload(api, this))
    , m_device(new QComboBox(this))
    , m_scan(new QPushButton(tr("&Scan page"), this))
    , m_import(new QPushButton(tr("&Import file…"), this))
    , m_list(new QListWidget(this))
    , m_remove(new QPushButton(tr("&Remove page"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_send(new QPushButton(tr("&Upload and record"), this))
{
    setWindowTitle(tr("Supplied by scan: %1 of case %2").arg(text(deficiency, "materialName"), text(deficiency, "caseNumber")));
    resize(640, 480);
    auto *deviceLabel = new QLabel(tr("Sca&nner:"), this);
    deviceLabel->setBuddy(m_device);
    m_device->setAccessibleName(tr("Scanner"));
    m_scan->setAccessibleName(tr("Scan page"));
    m_import->setAccessibleName(tr("Import file"));
    m_list->setAccessibleName(tr("Pages"));
    m_remove->setAccessibleName(tr("Remove page"));
    m_progress->setAccessibleName(tr("Upload progress"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_send->setAccessibleName(tr("Upload and record"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_send, QDialogButtonBox::AcceptRole);
    auto *top = new QHBoxLayout;
    top->addWidget(deviceLabel);
    top->addWidget(m_device, 1);
    top->addWidget(m_scan);
    top->addWidget(m_import);
    auto *pages = new QHBoxLayout;
    pages->addWidget(m_list, 1);
    pages->addWidget(m_remove, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(pages, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_scan, &QPushButton::clicked, this, &ScanDialog::scanPage);
    connect(m_import, &QPushButton::clicked, this, &ScanDialog::importFiles);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_list->currentRow();
        if (row < 0)
            return;
        delete m_list->takeItem(row);
        if (!m_pdf.isEmpty()) {
            m_pdf.clear();
        } else if (row < m_pages.size()) {
            m_pages.removeAt(row);
        }
        updateButtons();
    });
    disconnect(buttons, &QDialogButtonBox::accepted, nullptr, nullptr);
    connect(m_send, &QPushButton::clicked, this, &ScanDialog::upload);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_upload, &models::AttachmentUpload::progress, m_progress, &QProgressBar::setValue);
    connect(m_upload, &models::AttachmentUpload::finished, this, [this](const QJsonObject &attachment) {
        m_uploaded = true;
        if (text(m_deficiency, "id").isEmpty())
            accept(); // a paper of the case, no supply to record
        else
            supply(text(attachment, "id"));
    });
    connect(m_upload, &models::AttachmentUpload::failed, this, [this](const models::ApiError &, bool retryable) {
        // The scan stays on this PC whatever went wrong (Kept uploads on the tracker lists it).
        say(retryable ? tr("%1 Press Upload again to go on.").arg(m_upload->problem()) : m_upload->problem());
        updateButtons();
    });
    connect(m_importer, &models::Scanner::finished, this, [this](const QList<QImage> &images) {
        const auto documents = m_importer->documents();
        for (const auto &document : documents) {
            if (!m_pages.isEmpty() || documents.size() > 1 || !images.isEmpty()) {
                say(tr("A PDF file is sent on its own: import it alone, or scan the pages instead."));
                continue;
            }
            m_pdf = document.content;
            m_list->addItem(document.fileName);
        }
        if (m_pdf.isEmpty()) {
            for (const QImage &image : images) {
                m_pages.append(image);
                m_list->addItem(tr("Page %1 (%2 × %3)").arg(m_pages.size()).arg(image.width()).arg(image.height()));
            }
        }
        updateButtons();
    });
    connect(m_importer, &models::Scanner::failed, this, &ScanDialog::say);
    setScanner(new models::SaneScanner(this));
    updateButtons();
}

ScanDialog::~ScanDialog() = default;

void ScanDialog::setScanner(models::Scanner *scanner)
{
    if (m_scanner && m_scanner != scanner)
        m_scanner->deleteLater();
    m_scanner = scanner;
    scanner->setParent(this);
    connect(scanner, &models::Scanner::devicesChanged, this, [this] {
        m_device->clear();
        for (const auto &device : m_scanner->devices())
            m_device->addItem(QStringLiteral("%1 (%2)").arg(device.description, device.id), device.id);
        if (m_device->count() == 0)
            say(tr("No scanner found: import the scanned files instead."));
        updateButtons();
    });
    connect(scanner, &models::Scanner::pageProgress, this,
            [this](int page, int percent) { say(tr("Scanning page %1: %2%").arg(page).arg(percent)); });
    connect(scanner, &models::Scanner::finished, this, [this](const QList<QImage> &images) {
        for (const QImage &image : images) {
            m_pages.append(image);
            m_list->addItem(tr("Page %1 (%2 × %3)").arg(m_pages.size()).arg(image.width()).arg(image.height()));
        }
        say(tr("%n page(s) ready.", nullptr, static_cast<int>(m_pages.size())));
        updateButtons();
    });
    connect(scanner, &models::Scanner::failed, this, [this](const QString &message) {
        say(message);
        updateButtons();
    });
    say(tr("Looking for scanners…"));
    scanner->refreshDevices();
}

void ScanDialog::say(const QString &message)
{
    m_status->setText(message);
    m_status->setAccessibleName(message);
}

void ScanDialog::updateButtons()
{
    const bool busy = (m_scanner && m_scanner->isBusy()) || m_upload->isRunning();
    m_scan->setEnabled(!busy && m_device->count() > 0 && m_pdf.isEmpty());
    m_import->setEnabled(!busy);
    m_remove->setEnabled(!busy && m_list->count() > 0);
    m_send->setEnabled(!busy && (!m_pages.isEmpty() || !m_pdf.isEmpty()));
}

void ScanDialog::scanPage()
{
    if (!m_scanner || m_device->count() == 0)
        return;
    m_scanner->scan(m_device->currentData().toString());
    say(tr("Scanning…"));
    updateButtons();
}

void ScanDialog::importFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Import scanned files"), QString(),
                                                            tr("Scans (*.pdf *.png *.jpg *.jpeg)"));
    if (files.isEmpty())
        return;
    m_importer->setFiles(files);
    m_importer->scan();
}

ScanDialog::ScanDialog(models::ApiClient *api, const QString &caseId, const QString &caseNumber, const QString &what,
                       QWidget *parent)
    : ScanDialog(api,
                 {{QStringLiteral("caseId"), caseId}, {QStringLiteral("caseNumber"), caseNumber},
                  {QStringLiteral("materialName"), what}},
                 parent)
{
    setWindowTitle(tr("Scan %1 of case %2").arg(what, caseNumber));
    m_send->setText(tr("&Upload"));
    m_send->setAccessibleName(tr("Upload"));
}

QJsonObject ScanDialog::attachment() const
{
    return m_upload->attachment();
}

void ScanDialog::upload()
{
    if (m_upload->isRunning())
        return;
    if (m_uploaded) { // the file is there; only the supply is left
        if (text(m_deficiency, "id").isEmpty())
            accept();
        else
            supply(text(m_upload->attachment(), "id"));
        return;
    }
    if (!m_upload->idempotencyKey().isEmpty() && m_upload->retry()) {
        say(tr("Resuming the upload…"));
        updateButtons();
        return;
    }
    // One PDF of every page, named after the material and the case.
    const QString title = QStringLiteral("%1 %2").arg(text(m_deficiency, "caseNumber"), text(m_deficiency, "materialName"));
    const QByteArray pdf = m_pdf.isEmpty() ? models::pagesToPdf(m_pages, title) : m_pdf;
    say(tr("Uploading…"));
    m_upload->start(text(m_deficiency, "caseId"), pdf, title + QStringLiteral(".pdf"), text(m_deficiency, "id"));
    updateButtons();
}

void ScanDialog::supply(const QString &attachmentId)
{
    say(tr("Recording the supply…"));
    models::DeficiencyTracking::resolve(m_api, text(m_deficiency, "caseId"), text(m_deficiency, "id"), QStringLiteral("supply"),
                                        {{QStringLiteral("provided"), QStringLiteral("scan")},
                                         {QStringLiteral("attachmentId"), attachmentId}},
                                        [this](const models::ApiResponse &done) {
                                            if (!done.ok()) {
                                                say(done.error.userMessage());
                                                updateButtons();
                                                return;
                                            }
                                            accept();
                                        },
                                        this);
}

} // namespace onewindow::client
