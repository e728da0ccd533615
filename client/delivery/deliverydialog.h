#pragma once

#include "models/caseapi.h"

#include <QDialog>
#include <QJsonObject>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace onewindow::models {
class AttachmentUpload;
class IdentityReader;
} // namespace onewindow::models

namespace onewindow::sdk {
class Registries;
} // namespace onewindow::sdk

namespace onewindow::client {

class CustomerScreen;

/// Hands one result out (统一出件) at any window of the case's hall or its village centre: checks
/// the recipient (the ID card read or typed; an agent with the applicant's authorisation
/// scanned), takes the signature on the customer screen (or a scanned signed receipt), or the
/// tracking number of a result sent by mail; then prints the delivery receipt (出件签收单) and
/// asks the citizen on the customer screen to rate the hand-out.
class DeliveryDialog final : public QDialog
{
    Q_OBJECT

public:
    /// `registries`: the plugins' print templates for the delivery receipt (nullptr: the built-in one).
    DeliveryDialog(models::CaseApi *cases, const QString &caseId, models::IdentityReader *reader,
                   CustomerScreen *screen, const sdk::Registries *registries = nullptr, QWidget *parent = nullptr);
    ~DeliveryDialog() override;

    bool isDelivered() const { return m_delivered; }

signals:
    void delivered(const QString &caseId);

private:
    void loaded(const QJsonObject &caseObject);
    void updateForm();
    void scan(bool authorization);
    void askSignature();
    void storeSignature(const QImage &signature);
    void handOut();
    void printReceipt();
    void say(const QString &text);

    QPointer<models::CaseApi> m_cases;
    QString m_caseId;
    QPointer<models::IdentityReader> m_reader;
    QPointer<CustomerScreen> m_screen;
    const sdk::Registries *m_registries;
    models::AttachmentUpload *m_signatureUpload;
    QJsonObject m_case;
    QString m_officeName;
    QByteArray m_signatureImage; ///< PNG, when signed on the pad
    QString m_signatureId;
    QString m_authorizationId;
    bool m_delivered = false;

    QLabel *m_summary;
    QComboBox *m_kind;
    QLineEdit *m_name;
    QLineEdit *m_idNumber;
    QPushButton *m_readCard;
    QLabel *m_authorization;
    QPushButton *m_scanAuthorization;
    QComboBox *m_method;
    QLineEdit *m_tracking;
    QLabel *m_signature;
    QPushButton *m_sign;
    QPushButton *m_scanReceipt;
    QLabel *m_message;
    QPushButton *m_handOut;
    QPushButton *m_print;
};

} // namespace onewindow::client
