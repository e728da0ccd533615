#pragma once

#include <QDialog>
#include <QImage>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace onewindow::models {
class ApiClient;
class AttachmentUpload;
class FileImportScanner;
class Scanner;
} // namespace onewindow::models

namespace onewindow::client {

/// Scans a paper into a case: pages from the scanner (SANE) or from files, combined into one PDF,
/// uploaded to the case with a progress bar (a cut network resumes without a second copy). For a
/// deficient material the upload is named in its supply, and the dialog is accepted once the
/// server recorded the supply; for any other paper (an agent's authorisation, a signed receipt)
/// once the file is stored: attachment() then describes it.
class ScanDialog final : public QDialog
{
    Q_OBJECT

public:
    ScanDialog(models::ApiClient *api, const QJsonObject &deficiency, QWidget *parent = nullptr);
    /// A paper of case `caseId` (numbered `caseNumber`) described by `what`, stored as an attachment.
    ScanDialog(models::ApiClient *api, const QString &caseId, const QString &caseNumber, const QString &what,
               QWidget *parent = nullptr);
    /// The stored file ({id, filename, ...}) once accepted.
    QJsonObject attachment() const;
    ~ScanDialog() override;

    /// The scanner to use (the SANE one by default); the dialog takes it over.
    void setScanner(models::Scanner *scanner);
    int pageCount() const { return static_cast<int>(m_pages.size()); }

private:
    void scanPage();
    void importFiles();
    void upload();
    void supply(const QString &attachmentId);
    void updateButtons();
    void say(const QString &text);

    models::ApiClient *m_api;
    QJsonObject m_deficiency;
    models::Scanner *m_scanner = nullptr;
    models::FileImportScanner *m_importer;
    models::AttachmentUpload *m_upload;
    QList<QImage> m_pages;
    QByteArray m_pdf;          ///< an imported PDF, sent as it is
    QComboBox *m_device;
    QPushButton *m_scan;
    QPushButton *m_import;
    QListWidget *m_list;
    QPushButton *m_remove;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_send;
    bool m_uploaded = false;
};

} // namespace onewindow::client
