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

/// Records a deficient material as supplied by scan: pages from the scanner (SANE) or from files,
/// combined into one PDF, uploaded to the case with a progress bar (a cut network resumes without
/// a second copy) and named in the supply. Accepted once the server recorded the supply.
class ScanDialog final : public QDialog
{
    Q_OBJECT

public:
    ScanDialog(models::ApiClient *api, const QJsonObject &deficiency, QWidget *parent = nullptr);
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
