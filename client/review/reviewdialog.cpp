#include "reviewdialog.h"

#include "models/formatting.h"
#include "models/reviewqueuemodel.h"
#include "models/serverclock.h"
#include "printing/documentrenderer.h"

#include <QBuffer>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPdfDocument>
#include <QPdfView>
#include <QPlainTextEdit>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace onewindow::client {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString partStatusText(const QString &status)
{
    if (status == QLatin1String("pending"))
        return ReviewDialog::tr("To decide");
    if (status == QLatin1String("approved"))
        return ReviewDialog::tr("Approved");
    if (status == QLatin1String("approved_simulated"))
        return ReviewDialog::tr("Approved with conditions (simulated)");
    if (status == QLatin1String("rejected"))
        return ReviewDialog::tr("Rejected");
    if (status == QLatin1String("returned"))
        return ReviewDialog::tr("Returned for correction");
    return status;
}

QString providedText(const QString &provided)
{
    if (provided == QLatin1String("paper"))
        return ReviewDialog::tr("on paper");
    if (provided == QLatin1String("scan"))
        return ReviewDialog::tr("scanned");
    if (provided == QLatin1String("e_license"))
        return ReviewDialog::tr("electronic licence");
    if (provided == QLatin1String("deficient"))
        return ReviewDialog::tr("to be supplied later");
    return ReviewDialog::tr("not provided");
}

/// Shows `form` in `dialog` with OK and Cancel, OK only once `required` holds some text; true
/// when it was accepted.
bool askForm(QDialog &dialog, QFormLayout *form, QLineEdit *required)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    QObject::connect(required, &QLineEdit::textChanged, &dialog, [buttons](const QString &t) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!t.trimmed().isEmpty());
    });
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(buttons);
    return dialog.exec() == QDialog::Accepted;
}

/// Asks for the reasons of a return or a rejection, or the conditions of a simulated approval:
/// suggestions to tick (one per material of the case) and lines to type, one item a line.
class ReasonsDialog final : public QDialog
{
public:
    ReasonsDialog(const QString &title, const QString &prompt, const QStringList &suggestions, QWidget *parent)
        : QDialog(parent), m_suggestions(new QListWidget(this)), m_typed(new QPlainTextEdit(this))
    {
        setWindowTitle(title);
        auto *promptLabel = new QLabel(prompt, this);
        promptLabel->setWordWrap(true);
        for (const QString &s : suggestions) {
            auto *item = new QListWidgetItem(s, m_suggestions);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
        m_suggestions->setAccessibleName(ReviewDialog::tr("Suggested items"));
        m_suggestions->setVisible(!suggestions.isEmpty());
        auto *typedLabel = new QLabel(ReviewDialog::tr("&Other items, one per line:"), this);
        typedLabel->setBuddy(m_typed);
        m_typed->setAccessibleName(ReviewDialog::tr("Other items, one per line"));
        m_typed->setTabChangesFocus(true);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        m_ok = buttons->button(QDialogButtonBox::Ok);
        m_ok->setEnabled(false);
        connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        connect(m_suggestions, &QListWidget::itemChanged, this, [this] { m_ok->setEnabled(!items().isEmpty()); });
        connect(m_typed, &QPlainTextEdit::textChanged, this, [this] { m_ok->setEnabled(!items().isEmpty()); });
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(promptLabel);
        layout->addWidget(m_suggestions);
        layout->addWidget(typedLabel);
        layout->addWidget(m_typed);
        layout->addWidget(buttons);
        resize(560, 420);
    }

    QStringList items() const
    {
        QStringList out;
        for (int i = 0; i < m_suggestions->count(); ++i) {
            if (m_suggestions->item(i)->checkState() == Qt::Checked)
                out << m_suggestions->item(i)->text();
        }
        for (const QString &line : m_typed->toPlainText().split(QLatin1Char('\n'))) {
            if (!line.trimmed().isEmpty())
                out << line.trimmed();
        }
        return out;
    }

private:
    QListWidget *m_suggestions;
    QPlainTextEdit *m_typed;
    QPushButton *m_ok = nullptr;
};

} // namespace

ReviewDialog::ReviewDialog(models::CaseApi *cases, const QString &department, const sdk::Registries *registries,
                           QWidget *parent)
    : QDialog(parent)
    , m_cases(cases)
    , m_department(department)
    , m_registries(registries)
    , m_header(new QLabel(this))
    , m_details(new QTreeWidget(this))
    , m_attachmentList(new QListWidget(this))
    , m_viewer(new QStackedWidget(this))
    , m_noAttachment(new QLabel(this))
    , m_pdfView(new QPdfView(this))
    , m_pdf(new QPdfDocument(this))
    , m_pdfBytes(new QBuffer(this))
    , m_image(new QLabel(this))
    , m_partLabel(new QLabel(this))
    , m_part(new QComboBox(this))
    , m_approve(new QPushButton(this))
    , m_approveSimulated(new QPushButton(this))
    , m_return(new QPushButton(this))
    , m_reject(new QPushButton(this))
    , m_result(new QPushButton(this))
    , m_conditionMet(new QPushButton(this))
    , m_printDecision(new QPushButton(this))
    , m_next(new QPushButton(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("Review a case"));
    resize(1280, 800);
    QFont bold = m_header->font();
    bold.setBold(true);
    m_header->setFont(bold);
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::PlainText);
    m_header->setFocusPolicy(Qt::TabFocus);
    m_details->setColumnCount(2);
    m_details->setHeaderLabels({tr("Item"), tr("Value")});
    m_details->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_details->setAccessibleName(tr("Case details"));
    m_attachmentList->setAccessibleName(tr("Attachments"));
    m_attachmentList->setMaximumHeight(120);
    m_noAttachment->setAlignment(Qt::AlignCenter);
    m_noAttachment->setText(tr("No attachment chosen."));
    m_pdfView->setDocument(m_pdf);
    m_pdfView->setPageMode(QPdfView::PageMode::MultiPage);
    m_pdfView->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    m_pdfView->setAccessibleName(tr("Attachment viewer"));
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setAccessibleName(tr("Attachment image"));
    auto *imageScroll = new QScrollArea(this);
    imageScroll->setWidget(m_image);
    imageScroll->setWidgetResizable(true);
    m_viewer->addWidget(m_noAttachment);
    m_viewer->addWidget(m_pdfView);
    m_viewer->addWidget(imageScroll);

    m_partLabel->setText(tr("&Part:"));
    m_partLabel->setBuddy(m_part);
    m_part->setAccessibleName(tr("Part to decide"));
    m_approve->setText(tr("&Approve"));
    m_approve->setAccessibleName(tr("Approve"));
    m_approve->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_approve->setToolTip(tr("Approve this part (Ctrl+Enter)"));
    m_approveSimulated->setText(tr("Approve with &conditions…"));
    m_approveSimulated->setAccessibleName(tr("Approve with conditions"));
    m_return->setText(tr("&Return for correction…"));
    m_return->setAccessibleName(tr("Return for correction"));
    m_reject->setText(tr("Re&ject…"));
    m_reject->setAccessibleName(tr("Reject"));
    m_result->setText(tr("R&ecord result…"));
    m_result->setAccessibleName(tr("Record result"));
    m_result->setEnabled(false);
    m_conditionMet->setText(tr("Condition &met…"));
    m_conditionMet->setAccessibleName(tr("Condition met"));
    m_conditionMet->setEnabled(false);
    m_printDecision->setText(tr("Print &decision…"));
    m_printDecision->setAccessibleName(tr("Print decision"));
    m_printDecision->setToolTip(
        tr("The applicant's paper: the decision not to grant, the simulated approval's conditions, or the result"));
    m_printDecision->setEnabled(false);
    m_next->setText(tr("&Next case"));
    m_next->setAccessibleName(tr("Next case"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_attachmentList);
    rightLayout->addWidget(m_viewer, 1);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_details);
    splitter->addWidget(right);
    splitter->setSizes({520, 760});

    auto *decisions = new QHBoxLayout;
    decisions->addWidget(m_partLabel);
    decisions->addWidget(m_part);
    decisions->addStretch();
    decisions->addWidget(m_approve);
    decisions->addWidget(m_approveSimulated);
    decisions->addWidget(m_return);
    decisions->addWidget(m_reject);
    decisions->addSpacing(24);
    decisions->addWidget(m_result);
    decisions->addWidget(m_conditionMet);
    decisions->addWidget(m_printDecision);
    decisions->addWidget(m_next);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);
    layout->addLayout(decisions);
    layout->addWidget(close);

    connect(m_attachmentList, &QListWidget::currentRowChanged, this, &ReviewDialog::showAttachment);
    connect(m_approve, &QPushButton::clicked, this, [this] { decide(models::Decision::Kind::Approve); });
    connect(m_approveSimulated, &QPushButton::clicked, this,
            [this] { decide(models::Decision::Kind::ApproveSimulated); });
    connect(m_return, &QPushButton::clicked, this, [this] { decide(models::Decision::Kind::ReturnForCorrection); });
    connect(m_reject, &QPushButton::clicked, this, [this] { decide(models::Decision::Kind::Reject); });
    connect(m_result, &QPushButton::clicked, this, &ReviewDialog::recordResult);
    connect(m_conditionMet, &QPushButton::clicked, this, &ReviewDialog::recordConditionMet);
    connect(m_printDecision, &QPushButton::clicked, this, &ReviewDialog::printDecision);
    connect(m_next, &QPushButton::clicked, this, &ReviewDialog::nextRequested);
    setNextAvailable(false);
    setBusy(true);
}

ReviewDialog::~ReviewDialog() = default;

void ReviewDialog::setNextAvailable(bool available)
{
    m_next->setEnabled(available);
}

void ReviewDialog::say(const QString &message)
{
    m_message->setText(message);
    m_message->setAccessibleName(message);
    m_message->setVisible(!message.isEmpty());
}

void ReviewDialog::setBusy(bool busy)
{
    const bool decidable = !busy && m_part->count() > 0;
    for (QWidget *w : {static_cast<QWidget *>(m_approve), static_cast<QWidget *>(m_approveSimulated),
                       static_cast<QWidget *>(m_return), static_cast<QWidget *>(m_reject),
                       static_cast<QWidget *>(m_part)})
        w->setEnabled(decidable);
}

void ReviewDialog::review(const QString &caseId)
{
    m_caseId = caseId;
    const int generation = ++m_generation;
    m_case = {};
    m_result->setEnabled(false);
    m_conditionMet->setEnabled(false);
    m_printDecision->setEnabled(false);
    m_parts.clear();
    m_part->clear();
    m_details->clear();
    m_attachmentList->clear();
    m_viewer->setCurrentWidget(m_noAttachment);
    m_header->setText(tr("Loading…"));
    say({});
    setBusy(true);
    m_cases->fetchCase(caseId, [this, generation](const models::ApiResult<QJsonObject> &r) {
        if (generation != m_generation)
            return;
        if (!r.ok()) {
            say(r.error.userMessage());
            return;
        }
        showCase(*r.value);
        m_cases->fetchParts(m_caseId, [this, generation](const models::ApiResult<QList<models::CasePart>> &parts) {
            if (generation != m_generation)
                return;
            if (!parts.ok())
                return say(parts.error.userMessage());
            showParts(*parts.value);
        }, this);
        m_cases->fetchAttachments(m_caseId, [this, generation](const models::ApiResult<QList<models::CaseAttachment>> &a) {
            if (generation == m_generation && a.ok())
                showAttachments(*a.value);
        }, this);
    }, this);
}

void ReviewDialog::showCase(const QJsonObject &c)
{
    m_case = c;
    const QJsonObject applicant = c.value(QLatin1String("applicant")).toObject();
    QStringList matters;
    for (const auto &m : c.value(QLatin1String("matters")).toArray())
        matters << QStringLiteral("%1 %2").arg(text(m.toObject(), "code"), text(m.toObject(), "name"));
    const QDate promised = QDate::fromString(text(c, "promisedDueDate"), Qt::ISODate);
    const QString timeLeft =
        models::ReviewQueueModel::timeLeftText(promised, m_cases->api()->clock()->today());
    QString header = tr("Case %1: %2, %3. %4. Promised by %5 (%6).")
                         .arg(text(c, "number"), text(applicant, "name"), models::caseStatusText(text(c, "status")),
                              matters.join(QStringLiteral("; ")), QLocale().toString(promised, QLocale::ShortFormat),
                              timeLeft);
    if (c.value(QLatin1String("greenChannel")).toBool())
        header = tr("Green channel. ") + header;
    m_header->setText(header);
    m_header->setAccessibleName(header);
    setWindowTitle(tr("Review case %1").arg(text(c, "number")));
    m_result->setEnabled(text(c, "status") == QLatin1String("approved"));
    m_conditionMet->setEnabled(text(c, "status") == QLatin1String("approved_simulated"));
    m_printDecision->setEnabled(decisionPaper(c).has_value());

    auto *who = new QTreeWidgetItem(m_details, {tr("Applicant")});
    new QTreeWidgetItem(who, {tr("Name"), text(applicant, "name")});
    const QString id = text(applicant, "idNumber").isEmpty() ? text(applicant, "creditCode") : text(applicant, "idNumber");
    new QTreeWidgetItem(who, {tr("Identifier"), id});
    new QTreeWidgetItem(who, {tr("Phone"), text(applicant, "phone")});
    who->setExpanded(true);

    // The form, with the labels of the catalog's fields (the keys until they are known).
    auto *form = new QTreeWidgetItem(m_details, {tr("Form")});
    const QJsonObject values = c.value(QLatin1String("form")).toObject();
    QHash<QString, QTreeWidgetItem *> rows;
    for (auto it = values.begin(); it != values.end(); ++it)
        rows.insert(it.key(), new QTreeWidgetItem(form, {it.key(), it.value().toString()}));
    form->setExpanded(true);
    const int generation = m_generation;
    for (const auto &m : c.value(QLatin1String("matters")).toArray()) {
        const QString matterCode = text(m.toObject(), "code");
        m_cases->fetchMatter(matterCode, [this, rows, generation, matterCode](const models::ApiResult<QJsonObject> &r) {
            if (generation != m_generation || !r.ok())
                return;
            QList<QPair<QString, QString>> reasons;
            for (const auto &reason : r.value->value(QLatin1String("reasons")).toArray())
                reasons.append({text(reason.toObject(), "use"), text(reason.toObject(), "text")});
            m_matterReasons.insert(matterCode, reasons);
            for (const auto &f : r.value->value(QLatin1String("fields")).toArray()) {
                if (QTreeWidgetItem *row = rows.value(text(f.toObject(), "key")))
                    row->setText(0, text(f.toObject(), "label"));
            }
        }, this);
    }

    auto *materials = new QTreeWidgetItem(m_details, {tr("Materials")});
    for (const auto &m : c.value(QLatin1String("materials")).toArray())
        new QTreeWidgetItem(materials, {text(m.toObject(), "name"), providedText(text(m.toObject(), "provided"))});
    materials->setExpanded(true);
    for (const auto &d : c.value(QLatin1String("deficiencies")).toArray()) {
        const QJsonObject deficiency = d.toObject();
        new QTreeWidgetItem(materials, {text(deficiency, "materialName"),
                                        models::deficiencyStatusText(text(deficiency, "status"),
                                                                     QDate::fromString(text(deficiency, "dueDate"), Qt::ISODate),
                                                                     m_cases->api()->clock()->today())});
    }
}

void ReviewDialog::showParts(const QList<models::CasePart> &parts)
{
    m_parts = parts;
    auto *item = new QTreeWidgetItem(m_details, {tr("Departments' decisions")});
    m_part->clear();
    for (const auto &p : parts) {
        QString value = partStatusText(p.status);
        if (!p.reasons.isEmpty())
            value += QStringLiteral(": ") + p.reasons.join(QStringLiteral("; "));
        if (!p.conditions.isEmpty())
            value += QStringLiteral(": ") + p.conditions.join(QStringLiteral("; "));
        new QTreeWidgetItem(item, {QStringLiteral("%1 (%2)").arg(p.matter, p.department), value});
        if (p.department == m_department && p.status == QLatin1String("pending"))
            m_part->addItem(p.matter, p.matter);
    }
    item->setExpanded(true);
    setBusy(false);
    if (m_part->count() == 0 && m_message->text().isEmpty())
        say(tr("Nothing of this case is for your department to decide now."));
}

void ReviewDialog::showAttachments(const QList<models::CaseAttachment> &attachments)
{
    m_attachments = attachments;
    m_attachmentList->clear();
    for (const auto &a : attachments)
        m_attachmentList->addItem(tr("%1 (%2 KB)").arg(a.filename).arg((a.size + 1023) / 1024));
    if (!attachments.isEmpty())
        m_attachmentList->setCurrentRow(0);
    else
        m_noAttachment->setText(tr("No attachment: the materials are on paper."));
}

void ReviewDialog::showAttachment(int row)
{
    if (row < 0 || row >= m_attachments.size())
        return;
    const models::CaseAttachment attachment = m_attachments.at(row);
    m_noAttachment->setText(tr("Loading %1…").arg(attachment.filename));
    m_viewer->setCurrentWidget(m_noAttachment);
    const int generation = m_generation;
    m_cases->fetchAttachmentContent(m_caseId, attachment.id,
                                    [this, attachment, generation](const models::ApiResult<QByteArray> &r) {
        if (generation != m_generation)
            return;
        if (!r.ok()) {
            m_noAttachment->setText(r.error.userMessage());
            return;
        }
        if (attachment.mediaType == QLatin1String("application/pdf")) {
            m_pdf->close();
            m_pdfBytes->close();
            m_pdfBytes->setData(*r.value);
            m_pdfBytes->open(QIODevice::ReadOnly);
            m_pdf->load(m_pdfBytes);
            m_pdfView->setAccessibleDescription(tr("%1, %n page(s)", nullptr, m_pdf->pageCount()).arg(attachment.filename));
            m_viewer->setCurrentWidget(m_pdfView);
        } else {
            QPixmap image;
            image.loadFromData(*r.value);
            m_image->setPixmap(image.scaledToWidth(qMax(200, m_viewer->width() - 24), Qt::SmoothTransformation));
            m_image->setAccessibleDescription(attachment.filename);
            m_viewer->setCurrentIndex(2);
        }
    }, this);
}

void ReviewDialog::recordResult()
{
    // The certificate's number, its date (the server's today unless changed), its electronic copy.
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Record the result"));
    auto *number = new QLineEdit(&dialog);
    number->setAccessibleName(tr("Certificate number"));
    number->setMaxLength(100);
    auto *issued = new QDateEdit(m_cases->api()->clock()->today(), &dialog);
    issued->setCalendarPopup(true);
    issued->setAccessibleName(tr("Issued on"));
    auto *copy = new QComboBox(&dialog);
    copy->setAccessibleName(tr("Electronic copy"));
    copy->addItem(tr("None (paper only)"), QString());
    for (const auto &a : m_attachments)
        copy->addItem(a.filename, a.id);
    auto *form = new QFormLayout;
    form->addRow(tr("Certificate &number:"), number);
    form->addRow(tr("&Issued on:"), issued);
    form->addRow(tr("Electronic &copy:"), copy);
    if (!askForm(dialog, form, number))
        return;
    models::CaseResult result{number->text().trimmed(), issued->date(), copy->currentData().toString()};
    setBusy(true);
    m_result->setEnabled(false);
    say(tr("Recording the result…"));
    m_cases->recordResult(m_caseId, result, [this](const models::ApiResult<QJsonObject> &r) {
        if (!r.ok()) {
            say(r.error.userMessage());
            m_result->setEnabled(true);
            setBusy(false);
            return;
        }
        emit decided(*r.value);
        review(m_caseId);
        say(tr("Result recorded; case %1 is now: %2.")
                .arg(text(*r.value, "number"), models::caseStatusText(text(*r.value, "status"))));
    }, this);
}

void ReviewDialog::recordConditionMet()
{
    m_cases->fetchConditions(m_caseId, [this](const models::ApiResult<QList<models::CaseCondition>> &r) {
        if (!r.ok())
            return say(r.error.userMessage());
        // The open conditions of this department's parts.
        QDialog dialog(this);
        dialog.setWindowTitle(tr("A condition is met"));
        auto *condition = new QComboBox(&dialog);
        condition->setAccessibleName(tr("Condition"));
        for (const auto &c : *r.value) {
            const bool ours = std::any_of(m_parts.cbegin(), m_parts.cend(), [&](const models::CasePart &p) {
                return p.matter == c.matter && p.department == m_department;
            });
            if (ours && !c.met)
                condition->addItem(QStringLiteral("%1. %2").arg(c.n).arg(c.text), c.n);
        }
        if (condition->count() == 0)
            return say(tr("No condition of your department is open."));
        auto *note = new QLineEdit(&dialog);
        note->setAccessibleName(tr("How it was met"));
        note->setMaxLength(1000);
        auto *form = new QFormLayout;
        form->addRow(tr("&Condition:"), condition);
        form->addRow(tr("&How it was met:"), note);
        if (!askForm(dialog, form, note))
            return;
        setBusy(true);
        m_conditionMet->setEnabled(false);
        m_cases->recordConditionMet(m_caseId, condition->currentData().toInt(), note->text().trimmed(),
                                    [this](const models::ApiResult<QJsonObject> &met) {
            if (!met.ok()) {
                say(met.error.userMessage());
                setBusy(false);
                m_conditionMet->setEnabled(true);
                return;
            }
            emit decided(*met.value);
            review(m_caseId);
            say(tr("Condition recorded; case %1 is now: %2.")
                    .arg(text(*met.value, "number"), models::caseStatusText(text(*met.value, "status"))));
        }, this);
    }, this);
}

void ReviewDialog::decide(models::Decision::Kind kind)
{
    if (m_part->count() == 0)
        return;
    models::Decision decision;
    decision.matter = m_part->currentData().toString();
    decision.kind = kind;
    if (kind != models::Decision::Kind::Approve) {
        QStringList suggestions;
        if (kind == models::Decision::Kind::ReturnForCorrection || kind == models::Decision::Kind::Reject) {
            // The matter's standard reasons first, then one per material of the case.
            const QString use = kind == models::Decision::Kind::Reject ? QStringLiteral("reject") : QStringLiteral("return");
            for (const auto &[reasonUse, reasonText] : m_matterReasons.value(decision.matter)) {
                if (reasonUse == use)
                    suggestions << reasonText;
            }
            for (const auto &m : m_case.value(QLatin1String("materials")).toArray())
                suggestions << tr("%1: missing, unclear or not valid").arg(text(m.toObject(), "name"));
        }
        const QString title = kind == models::Decision::Kind::ApproveSimulated ? tr("Approve with conditions")
                              : kind == models::Decision::Kind::Reject         ? tr("Reject")
                                                                               : tr("Return for correction");
        const QString prompt = kind == models::Decision::Kind::ApproveSimulated
                                   ? tr("The conditions still to be met before the approval becomes formal:")
                               : kind == models::Decision::Kind::Reject
                                   ? tr("Why the application is rejected; every reason is printed for the applicant:")
                                   : tr("Everything the applicant must correct, all at once (one-time notice):");
        ReasonsDialog dialog(title, prompt, suggestions, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        (kind == models::Decision::Kind::ApproveSimulated ? decision.conditions : decision.reasons) = dialog.items();
    }
    setBusy(true);
    say(tr("Recording the decision…"));
    m_cases->decide(m_caseId, decision, [this](const models::ApiResult<QJsonObject> &r) {
        if (!r.ok()) {
            say(r.error.userMessage());
            setBusy(false);
            return;
        }
        emit decided(*r.value);
        const QString number = text(*r.value, "number");
        const QString status = text(*r.value, "status");
        review(m_caseId);
        say(tr("Decision recorded; case %1 is now: %2.").arg(number, models::caseStatusText(status)));
    }, this);
}

std::optional<printing::PrintDocument> ReviewDialog::decisionPaper(const QJsonObject &caseObject)
{
    const QString status = text(caseObject, "status");
    if (status == QLatin1String("rejected"))
        return printing::PrintDocument::Rejection;
    if (status == QLatin1String("approved_simulated"))
        return printing::PrintDocument::SimulatedApproval;
    // Once the certificate is recorded: the result notice, or the department's own paper of the
    // result (a plugin's template, e.g. the restaurant bundle's combined industry licence).
    if (status == QLatin1String("result_ready") || status == QLatin1String("delivered"))
        return printing::PrintDocument::Result;
    return std::nullopt;
}

void ReviewDialog::printDecision()
{
    const QJsonObject caseObject = m_case;
    const auto document = decisionPaper(caseObject);
    if (!document)
        return;
    const QString caseId = text(caseObject, "id");
    if (*document == printing::PrintDocument::Result) {
        m_cases->fetchResult(caseId, [this, caseObject](const models::ApiResult<QJsonObject> &r) {
            if (!r.ok()) {
                say(r.error.userMessage());
                return;
            }
            printing::PrintInput input;
            input.caseObject = caseObject;
            input.result = *r.value;
            input.date = m_cases->api()->clock()->today();
            previewPaper(printing::PrintDocument::Result, input);
        }, this);
        return;
    }
    m_cases->fetchParts(caseId, [this, document = *document, caseObject](const models::ApiResult<QList<models::CasePart>> &r) {
        if (!r.ok()) {
            say(r.error.userMessage());
            return;
        }
        printing::PrintInput input;
        input.caseObject = caseObject;
        input.missing = printing::MissingItem::fromDecidedParts(document, caseObject, *r.value);
        input.date = m_cases->api()->clock()->today();
        previewPaper(document, input);
    }, this);
}

void ReviewDialog::previewPaper(printing::PrintDocument document, const printing::PrintInput &input)
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintPreviewDialog preview(&printer, this);
    preview.setWindowTitle(printing::printDocumentName(document));
    preview.setAccessibleName(printing::printDocumentName(document));
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [this, document, input](QPrinter *device) {
        printing::DocumentRenderer renderer(m_registries);
        if (!renderer.print(document, input, device))
            say(renderer.errorString());
    });
    preview.exec();
}

} // namespace onewindow::client
