#include "returnedcasespage.h"

#include "printdocument.h"

#include "models/caseapi.h"
#include "models/formatting.h"
#include "models/modelenums.h"
#include "models/reviewqueuemodel.h"
#include "models/serverclock.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace onewindow::client {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

ResubmitDialog::ResubmitDialog(models::CaseApi *cases, const QString &caseId, const sdk::Registries *registries,
                               QWidget *parent)
    : QDialog(parent)
    , m_cases(cases)
    , m_caseId(caseId)
    , m_registries(registries)
    , m_header(new QLabel(this))
    , m_asked(new QTreeWidget(this))
    , m_materials(new QTreeWidget(this))
    , m_note(new QLineEdit(this))
    , m_print(new QPushButton(tr("&Print the notice…"), this))
    , m_resubmit(new QPushButton(tr("&Resubmit"), this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("Resubmit a returned case"));
    resize(900, 640);
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::PlainText);
    m_header->setFocusPolicy(Qt::TabFocus);
    m_asked->setColumnCount(2);
    m_asked->setHeaderLabels({tr("Department"), tr("What to correct")});
    m_asked->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_asked->setAccessibleName(tr("What the departments asked for"));
    m_materials->setColumnCount(2);
    m_materials->setHeaderLabels({tr("Material"), tr("Provided now")});
    m_materials->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_materials->setAccessibleName(tr("Materials"));
    auto *noteLabel = new QLabel(tr("&Note:"), this);
    noteLabel->setBuddy(m_note);
    m_note->setAccessibleName(tr("Note"));
    m_note->setMaxLength(1000);
    m_resubmit->setAccessibleName(tr("Resubmit"));
    m_resubmit->setEnabled(false);
    m_print->setAccessibleName(tr("Print the notice to correct"));
    m_print->setEnabled(false);
    m_message->setWordWrap(true);
    m_message->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_print, QDialogButtonBox::ActionRole);
    buttons->addButton(m_resubmit, QDialogButtonBox::AcceptRole);
    connect(m_print, &QPushButton::clicked, this, &ResubmitDialog::printNotice);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_resubmit, &QPushButton::clicked, this, &ResubmitDialog::resubmit);
    auto *note = new QHBoxLayout;
    note->addWidget(noteLabel);
    note->addWidget(m_note, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_asked, 1);
    layout->addWidget(m_materials, 1);
    layout->addLayout(note);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    m_header->setText(tr("Loading…"));
    m_cases->fetchCase(caseId, [this](const models::ApiResult<QJsonObject> &r) {
        if (!r.ok())
            return say(r.error.userMessage());
        showCase(*r.value);
        m_cases->fetchParts(m_caseId, [this](const models::ApiResult<QList<models::CasePart>> &parts) {
            if (!parts.ok())
                return say(parts.error.userMessage());
            showParts(*parts.value);
        }, this);
    }, this);
}

void ResubmitDialog::say(const QString &message)
{
    m_message->setText(message);
    m_message->setAccessibleName(message);
    m_message->setVisible(!message.isEmpty());
}

void ResubmitDialog::showCase(const QJsonObject &c)
{
    m_case = c;
    const QString header = tr("Case %1 of %2: %3.")
                               .arg(text(c, "number"), text(c.value(QLatin1String("applicant")).toObject(), "name"),
                                    models::caseStatusText(text(c, "status")));
    m_header->setText(header);
    m_header->setAccessibleName(header);
    for (const auto &m : c.value(QLatin1String("materials")).toArray()) {
        const QJsonObject material = m.toObject();
        auto *item = new QTreeWidgetItem(m_materials, {text(material, "name")});
        auto *provided = new QComboBox(m_materials);
        provided->addItem(tr("As before"), QString());
        provided->addItem(tr("Corrected, on paper"), QStringLiteral("paper"));
        provided->addItem(tr("Corrected, scanned"), QStringLiteral("scan"));
        provided->addItem(tr("Electronic licence"), QStringLiteral("e_license"));
        provided->setAccessibleName(tr("Provision of %1").arg(text(material, "name")));
        provided->setProperty("code", text(material, "code"));
        m_materials->setItemWidget(item, 1, provided);
    }
    m_resubmit->setEnabled(text(c, "status") == QLatin1String("returned_for_correction"));
}

void ResubmitDialog::showParts(const QList<models::CasePart> &parts)
{
    m_parts = parts;
    m_print->setEnabled(!m_case.isEmpty());
    for (const auto &p : parts) {
        if (p.status != QLatin1String("returned"))
            continue;
        auto *department = new QTreeWidgetItem(m_asked, {QStringLiteral("%1 (%2)").arg(p.department, p.matter)});
        for (const QString &reason : p.reasons)
            new QTreeWidgetItem(department, {QString(), reason});
        department->setExpanded(true);
    }
}

printing::PrintInput ResubmitDialog::noticeInput() const
{
    printing::PrintInput input;
    input.caseObject = m_case;
    input.missing = printing::MissingItem::fromReturnedParts(m_case, m_parts);
    input.date = m_cases->api()->clock()->today();
    return input;
}

void ResubmitDialog::printNotice()
{
    const printing::PrintInput input = noticeInput();
    QPrinter printer(QPrinter::HighResolution);
    QPrintPreviewDialog preview(&printer, this);
    preview.setWindowTitle(printing::printDocumentName(printing::PrintDocument::ReturnNotice));
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [this, input](QPrinter *device) {
        printing::DocumentRenderer renderer(m_registries);
        if (!renderer.print(printing::PrintDocument::ReturnNotice, input, device))
            say(renderer.errorString());
    });
    preview.exec();
}

void ResubmitDialog::resubmit()
{
    models::Resubmission resubmission;
    for (int i = 0; i < m_materials->topLevelItemCount(); ++i) {
        auto *combo = qobject_cast<QComboBox *>(m_materials->itemWidget(m_materials->topLevelItem(i), 1));
        if (combo && !combo->currentData().toString().isEmpty())
            resubmission.materials.append({combo->property("code").toString(), combo->currentData().toString()});
    }
    resubmission.note = m_note->text().trimmed();
    m_resubmit->setEnabled(false);
    say(tr("Sending the corrections…"));
    m_cases->resubmit(m_caseId, resubmission, [this](const models::ApiResult<QJsonObject> &r) {
        if (!r.ok()) {
            say(r.error.userMessage());
            m_resubmit->setEnabled(true);
            return;
        }
        emit resubmitted(*r.value);
        accept();
    }, this);
}

ReturnedCasesPage::ReturnedCasesPage(models::ApiClient *api, const sdk::Registries *registries, QWidget *parent)
    : WorkbenchPageWidget(parent)
    , m_cases(new models::CaseApi(api, this))
    , m_registries(registries)
    , m_model(new models::ReviewQueueModel(api, this))
    , m_table(makeTable(this))
    , m_open(new QPushButton(this))
    , m_refresh(new QPushButton(this))
    , m_message(makeMessage(this))
{
    m_table->setModel(m_model);
    auto *bar = new QHBoxLayout;
    bar->addStretch();
    bar->addWidget(m_open);
    bar->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    retranslate();
    connect(m_refresh, &QPushButton::clicked, this, &ReturnedCasesPage::refresh);
    connect(m_open, &QPushButton::clicked, this, [this] { openRow(m_table->currentIndex().row()); });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) { openRow(index.row()); });
    connect(m_model, &models::ApiListModel::loaded, this, [this] {
        m_table->resizeColumnsToContents();
        showMessage(m_message, m_model->rowCount() == 0 ? tr("Nothing here.") : QString());
        if (m_model->rowCount() > 0 && !m_table->currentIndex().isValid())
            m_table->setCurrentIndex(m_model->index(0, 0));
        emit countChanged(m_model->rowCount());
    });
    connect(m_model, &models::ApiListModel::failed, this, [this](const QString &message) { showMessage(m_message, message); });
}

ReturnedCasesPage::~ReturnedCasesPage() = default;

void ReturnedCasesPage::retranslate()
{
    m_table->setAccessibleName(tr("Returned cases"));
    m_open->setText(tr("&Open"));
    m_open->setAccessibleName(tr("Open case"));
    m_refresh->setText(tr("&Refresh"));
    m_refresh->setAccessibleName(tr("Refresh"));
}

void ReturnedCasesPage::refresh()
{
    models::CaseQuery query;
    query.states = {QStringLiteral("returned_for_correction")};
    query.byPriority = true;
    query.limit = 200;
    m_model->load(query.path());
}

void ReturnedCasesPage::focusFirst()
{
    m_table->setFocus();
}

void ReturnedCasesPage::openRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    ResubmitDialog dialog(m_cases, m_model->index(row, 0).data(int(models::ReviewRole::Id)).toString(), m_registries,
                          this);
    connect(&dialog, &ResubmitDialog::resubmitted, this, &ReturnedCasesPage::refresh);
    dialog.exec();
}

} // namespace onewindow::client
