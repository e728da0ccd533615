#include "deliverydialog.h"

#include "customerscreen.h"
#include "pages.h"
#include "deficiencies/scandialog.h"
#include "printing/documentrenderer.h"
#include "printing/printdocument.h"

#include "models/apiclient.h"
#include "models/attachmentupload.h"
#include "models/identityreader.h"

#include <QBuffer>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QVBoxLayout>

namespace onewindow::client {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString matterNames(const QJsonObject &caseObject)
{
    QStringList names;
    for (const auto &m : caseObject.value(QLatin1String("matters")).toArray())
        names << (m.isObject() ? text(m.toObject(), "name") : m.toString());
    return names.join(QStringLiteral("、"));
}

// A row of the form: the field, then its buttons.
QWidget *row(QWidget *parent, std::initializer_list<QWidget *> widgets)
{
    auto *box = new QWidget(parent);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    bool first = true;
    for (QWidget *w : widgets) {
        layout->addWidget(w, first ? 1 : 0);
        first = false;
    }
    return box;
}

} // namespace

DeliveryDialog::DeliveryDialog(models::CaseApi *cases, const QString &caseId, models::IdentityReader *reader,
                               CustomerScreen *screen, const sdk::Registries *registries, QWidget *parent)
    : QDialog(parent)
    , m_cases(cases)
    , m_caseId(caseId)
    , m_reader(reader)
    , m_screen(screen)
    , m_registries(registries)
    , m_signatureUpload(new models::AttachmentUpload(cases->api(), this))
    , m_summary(new QLabel(this))
    , m_kind(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_idNumber(new QLineEdit(this))
    , m_readCard(new QPushButton(tr("Read ID &card"), this))
    , m_authorization(new QLabel(this))
    , m_scanAuthorization(new QPushButton(tr("Scan &authorisation…"), this))
    , m_method(new QComboBox(this))
    , m_tracking(new QLineEdit(this))
    , m_signature(new QLabel(this))
    , m_sign(new QPushButton(tr("&Sign on the customer screen"), this))
    , m_scanReceipt(new QPushButton(tr("Scan signed &receipt…"), this))
    , m_message(new QLabel(this))
    , m_handOut(new QPushButton(tr("&Hand out"), this))
    , m_print(new QPushButton(tr("&Print delivery receipt"), this))
{
    setWindowTitle(tr("Hand out a result"));
    resize(640, 480);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_kind->addItem(tr("The applicant in person"), QStringLiteral("applicant"));
    m_kind->addItem(tr("An agent with the applicant's authorisation"), QStringLiteral("agent"));
    m_method->addItem(tr("At the counter"), QStringLiteral("counter"));
    m_method->addItem(tr("By mail"), QStringLiteral("mail"));
    m_idNumber->setMaxLength(18);
    m_tracking->setMaxLength(50);
    m_kind->setAccessibleName(tr("Collected by"));
    m_name->setAccessibleName(tr("Recipient's name"));
    m_idNumber->setAccessibleName(tr("Recipient's ID number"));
    m_readCard->setAccessibleName(tr("Read ID card"));
    m_scanAuthorization->setAccessibleName(tr("Scan authorisation"));
    m_method->setAccessibleName(tr("How"));
    m_tracking->setAccessibleName(tr("Tracking number"));
    m_sign->setAccessibleName(tr("Sign on the customer screen"));
    m_scanReceipt->setAccessibleName(tr("Scan signed receipt"));
    m_handOut->setAccessibleName(tr("Hand out"));
    m_print->setAccessibleName(tr("Print delivery receipt"));
    m_print->setEnabled(false);
    m_handOut->setDefault(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Co&llected by:"), m_kind);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&ID number:"), row(this, {m_idNumber, m_readCard}));
    form->addRow(tr("Authorisation:"), row(this, {m_authorization, m_scanAuthorization}));
    form->addRow(tr("Ho&w:"), m_method);
    form->addRow(tr("&Tracking number:"), m_tracking);
    form->addRow(tr("Signature:"), row(this, {m_signature, m_sign, m_scanReceipt}));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_handOut, QDialogButtonBox::ActionRole);
    buttons->addButton(m_print, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &DeliveryDialog::updateForm);
    connect(m_method, &QComboBox::currentIndexChanged, this, &DeliveryDialog::updateForm);
    connect(m_readCard, &QPushButton::clicked, this, [this] {
        if (m_reader) {
            say(tr("Reading the ID card…"));
            m_reader->read();
        }
    });
    if (m_reader) {
        connect(m_reader, &models::IdentityReader::cardRead, this, [this](const models::IdentityCard &card) {
            m_name->setText(card.name);
            m_idNumber->setText(card.idNumber);
            say(tr("ID card read: %1.").arg(card.name));
        });
        connect(m_reader, &models::IdentityReader::failed, this, &DeliveryDialog::say);
    } else {
        m_readCard->setEnabled(false);
    }
    connect(m_scanAuthorization, &QPushButton::clicked, this, [this] { scan(true); });
    connect(m_scanReceipt, &QPushButton::clicked, this, [this] { scan(false); });
    connect(m_sign, &QPushButton::clicked, this, &DeliveryDialog::askSignature);
    if (m_screen) {
        connect(m_screen, &CustomerScreen::signedWith, this, &DeliveryDialog::storeSignature);
        connect(m_screen, &CustomerScreen::signatureCancelled, this, [this] { say(tr("The signature was not given.")); });
    } else {
        m_sign->setEnabled(false);
    }
    connect(m_signatureUpload, &models::AttachmentUpload::finished, this, [this](const QJsonObject &attachment) {
        m_signatureId = text(attachment, "id");
        say(tr("Signature stored."));
        updateForm();
    });
    connect(m_signatureUpload, &models::AttachmentUpload::failed, this,
            [this](const models::ApiError &, bool retryable) {
                say(retryable ? tr("%1 Press Hand out to send the signature again.").arg(m_signatureUpload->problem())
                              : m_signatureUpload->problem());
            });
    connect(m_handOut, &QPushButton::clicked, this, &DeliveryDialog::handOut);
    connect(m_print, &QPushButton::clicked, this, &DeliveryDialog::printReceipt);

    updateForm();
    say(tr("Loading the case…"));
    m_cases->fetchCase(caseId, [this](const models::ApiResult<QJsonObject> &r) {
        if (!r.ok()) {
            say(r.error.userMessage());
            m_handOut->setEnabled(false);
            return;
        }
        loaded(*r.value);
    }, this);
}

DeliveryDialog::~DeliveryDialog() = default;

void DeliveryDialog::loaded(const QJsonObject &caseObject)
{
    m_case = caseObject;
    const QJsonObject applicant = caseObject.value(QLatin1String("applicant")).toObject();
    setWindowTitle(tr("Hand out case %1").arg(text(caseObject, "number")));
    QString summary = tr("Case %1 · %2\nApplicant: %3").arg(text(caseObject, "number"), matterNames(caseObject),
                                                              text(applicant, "name"));
    m_summary->setText(summary);
    m_summary->setAccessibleName(summary);
    if (text(applicant, "kind") == QLatin1String("organization"))
        m_kind->setCurrentIndex(1);
    else
        m_name->setText(text(applicant, "name"));
    say(text(caseObject, "status") == QLatin1String("result_ready")
            ? QString()
            : tr("This case has no result waiting to be handed out."));
    updateForm();
    m_cases->fetchResult(m_caseId, [this](const models::ApiResult<QJsonObject> &r) {
        if (!r.ok())
            return;
        const QString line = tr("Result: %1").arg(text(*r.value, "certificateNumber"));
        m_summary->setText(m_summary->text() + QLatin1Char('\n') + line);
        m_summary->setAccessibleName(m_summary->text());
    }, this);
    // The office that issues the receipt: the case's centre.
    m_cases->api()->get(QStringLiteral("/centers"), [this](const models::ApiResponse &r) {
        for (const auto &c : r.object().value(QLatin1String("items")).toArray()) {
            if (c.toObject().value(QLatin1String("code")) == m_case.value(QLatin1String("center")))
                m_officeName = text(c.toObject(), "name");
        }
    }, this);
    if (m_screen) {
        CustomerView view;
        view.caseNumber = text(caseObject, "number");
        view.applicant = text(applicant, "name");
        view.matters = matterNames(caseObject).split(QStringLiteral("、"));
        m_screen->follow(view);
    }
}

void DeliveryDialog::updateForm()
{
    const bool agent = m_kind->currentData().toString() == QLatin1String("agent");
    const bool mail = m_method->currentData().toString() == QLatin1String("mail");
    m_authorization->setText(!agent ? tr("not needed")
                                    : m_authorizationId.isEmpty() ? tr("not scanned yet") : tr("scanned"));
    m_authorization->setAccessibleName(m_authorization->text());
    m_scanAuthorization->setEnabled(agent && !m_delivered);
    m_tracking->setEnabled(mail && !m_delivered);
    m_signature->setText(!m_signatureId.isEmpty() ? tr("signed")
                         : m_signatureUpload->isRunning() ? tr("storing…")
                         : mail ? tr("not needed for mail")
                                : tr("not signed yet"));
    m_signature->setAccessibleName(m_signature->text());
    for (QWidget *w : {static_cast<QWidget *>(m_kind), static_cast<QWidget *>(m_name),
                       static_cast<QWidget *>(m_idNumber), static_cast<QWidget *>(m_method)})
        w->setEnabled(!m_delivered);
    m_readCard->setEnabled(!m_delivered && m_reader);
    m_sign->setEnabled(!m_delivered && m_screen);
    m_scanReceipt->setEnabled(!m_delivered);
    m_handOut->setEnabled(!m_delivered && text(m_case, "status") == QLatin1String("result_ready"));
    m_print->setEnabled(m_delivered);
}

void DeliveryDialog::scan(bool authorization)
{
    ScanDialog dialog(m_cases->api(), m_caseId, text(m_case, "number"),
                      authorization ? tr("authorisation") : tr("signed delivery receipt"), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString id = text(dialog.attachment(), "id");
    if (authorization)
        m_authorizationId = id;
    else
        m_signatureId = id;
    updateForm();
}

void DeliveryDialog::askSignature()
{
    CustomerView view;
    view.caseNumber = text(m_case, "number");
    view.applicant = text(m_case.value(QLatin1String("applicant")).toObject(), "name");
    say(tr("Waiting for the signature on the customer screen…"));
    m_screen->askSignature(view);
}

void DeliveryDialog::storeSignature(const QImage &signature)
{
    if (m_delivered || m_case.isEmpty())
        return;
    QBuffer buffer(&m_signatureImage);
    buffer.open(QIODevice::WriteOnly);
    signature.save(&buffer, "PNG");
    m_signatureId.clear();
    say(tr("Storing the signature…"));
    m_signatureUpload->start(m_caseId, m_signatureImage, QStringLiteral("%1 signature.png").arg(text(m_case, "number")));
    updateForm();
}

void DeliveryDialog::handOut()
{
    if (m_signatureUpload->isRunning())
        return;
    if (m_signatureId.isEmpty() && !m_signatureUpload->idempotencyKey().isEmpty() && m_signatureUpload->retry()) {
        say(tr("Sending the signature again…"));
        return;
    }
    models::Delivery delivery;
    delivery.recipientKind = m_kind->currentData().toString();
    delivery.name = m_name->text().trimmed();
    delivery.idNumber = m_idNumber->text().trimmed().toUpper();
    delivery.authorizationId = delivery.recipientKind == QLatin1String("agent") ? m_authorizationId : QString();
    delivery.method = m_method->currentData().toString();
    delivery.trackingNumber = delivery.method == QLatin1String("mail") ? m_tracking->text().trimmed() : QString();
    delivery.signatureId = m_signatureId;
    m_handOut->setEnabled(false);
    say(tr("Handing out…"));
    m_cases->deliver(m_caseId, delivery, [this](const models::ApiResult<QJsonObject> &r) {
        if (!r.ok()) {
            QStringList lines{r.error.userMessage()};
            for (const auto &e : r.error.fieldErrors)
                lines << QStringLiteral("%1: %2").arg(e.field, models::ApiError::fieldMessage(e));
            say(lines.join(QLatin1Char('\n')));
            updateForm();
            return;
        }
        m_case = *r.value;
        m_delivered = true;
        updateForm();
        say(tr("Handed out. Print the delivery receipt for the file; the citizen is asked to rate the service."));
        m_print->setFocus();
        emit delivered(m_caseId);
        if (m_screen)
            m_screen->askRating(m_caseId, QStringLiteral("delivery"), text(m_case, "number"));
    }, this);
}

void DeliveryDialog::printReceipt()
{
    say(tr("Preparing the delivery receipt…"));
    m_cases->fetchDelivery(m_caseId, [this](const models::ApiResult<QJsonObject> &delivery) {
        if (!delivery.ok()) {
            say(delivery.error.userMessage());
            return;
        }
        m_cases->fetchResult(m_caseId, [this, delivery](const models::ApiResult<QJsonObject> &result) {
            printing::PrintInput input;
            input.caseObject = m_case;
            input.office.name = m_officeName;
            input.delivery = *delivery.value;
            input.result = result.value.value_or(QJsonObject());
            input.signature = m_signatureImage;
            input.date = QDateTime::fromString(text(*delivery.value, "deliveredAt"), Qt::ISODateWithMs).date();
            say(QString());
            QPrinter printer(QPrinter::HighResolution);
            QPrintPreviewDialog preview(&printer, this);
            preview.setWindowTitle(printing::printDocumentName(printing::PrintDocument::DeliveryReceipt));
            connect(&preview, &QPrintPreviewDialog::paintRequested, this, [this, input](QPrinter *device) {
                printing::DocumentRenderer renderer(m_registries);
                if (!renderer.print(printing::PrintDocument::DeliveryReceipt, input, device))
                    say(renderer.errorString());
            });
            preview.setWindowModality(Qt::WindowModal); // the citizen rates meanwhile
            preview.exec();
        }, this);
    }, this);
}

void DeliveryDialog::say(const QString &message)
{
    showMessage(m_message, message);
}

} // namespace onewindow::client
