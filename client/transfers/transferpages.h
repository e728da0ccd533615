#pragma once

#include "pages.h"

#include <QJsonObject>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace onewindow::models {
class ApiClient;
class CaseApi;
class CaseListModel;
class TransferItemModel;
class TransferListModel;
} // namespace onewindow::models

namespace onewindow::sdk {
class Registries;
} // namespace onewindow::sdk

namespace onewindow::client {

/// Writes or prints a batch's manifest (代办材料流转清单) for `office`, with a plugin's template
/// from `registries` if one is offered (nullptr: the built-in one); false with the reason.
bool saveManifest(const QJsonObject &transfer, const QString &office, const sdk::Registries *registries,
                  const QString &path, QString *error);
void previewManifest(const QJsonObject &transfer, const QString &office, const sdk::Registries *registries,
                     QWidget *parent);

/// A village centre's paper going to its hall (送件, F11): the agent picks the cases whose paper
/// materials go now, sends them as one batch and prints its manifest, which travels with the
/// papers; the centre's batches below, on their way or arrived (with what was missing).
class SendPapersPage final : public WorkbenchPageWidget
{
    Q_OBJECT

public:
    /// `registries`: the plugins' print templates for the manifest (nullptr: the built-in one).
    SendPapersPage(models::ApiClient *api, const QString &center, const sdk::Registries *registries = nullptr,
                   QWidget *parent = nullptr);
    ~SendPapersPage() override;

    void refresh() override;
    void focusFirst() override;
    /// The batch sent last (or chosen below), whose manifest the buttons print.
    QJsonObject currentTransfer() const { return m_current; }
    bool saveManifest(const QString &path);

private:
    void retranslate() override;
    void send();
    void showTransfer(const QJsonObject &transfer);

    models::ApiClient *m_api;
    QString m_center;
    const sdk::Registries *m_registries;
    models::CaseApi *m_cases;
    QString m_office; ///< the centre's name, for the manifest's head
    models::CaseListModel *m_caseModel;
    models::TransferListModel *m_transfers;
    QLabel *m_intro;
    QTableView *m_caseTable;
    QLabel *m_noteLabel;
    QLineEdit *m_note;
    QPushButton *m_send;
    QLabel *m_result;
    QPushButton *m_print;
    QPushButton *m_savePdf;
    QLabel *m_listLabel;
    QComboBox *m_state;
    QTableView *m_transferTable;
    QJsonObject m_current;
    QString m_sendKey; ///< the batch being sent: the same key on a retry
};

/// Paper from the village centres arriving at the hall (收件, F11): the clerk scans the manifest's
/// QR code (or picks a batch on its way), checks every item against the paper in hand, unticks
/// what is missing with a note, and records the arrival.
class ReceivePapersPage final : public WorkbenchPageWidget
{
    Q_OBJECT

public:
    explicit ReceivePapersPage(models::ApiClient *api, QWidget *parent = nullptr);
    ~ReceivePapersPage() override;

    void refresh() override;
    void focusFirst() override;
    models::TransferItemModel *items() const { return m_items; }

private:
    void retranslate() override;
    void lookUp();
    void showTransfer(const QJsonObject &transfer);
    void recordArrival();

    models::CaseApi *m_cases;
    models::TransferListModel *m_transfers;
    models::TransferItemModel *m_items;
    QLabel *m_codeLabel;
    QLineEdit *m_code;
    QPushButton *m_find;
    QLabel *m_summary;
    QTableView *m_itemTable;
    QPushButton *m_arrived;
    QLabel *m_result;
    QLabel *m_listLabel;
    QTableView *m_transferTable;
    QString m_arrivalKey; ///< the arrival being recorded: the same key on a retry
};

} // namespace onewindow::client
