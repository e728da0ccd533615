#include "trackerpage.h"

#include "casedialog.h"
#include "scandialog.h"
#include "documentrenderer.h"
#include "printdocument.h"

#include "models/apiclient.h"
#include "models/attachmentupload.h"
#include "models/caselistmodel.h"
#include "models/deficiencytracking.h"
#include "models/localstore.h"
#include "models/modelenums.h"
#include "models/serverclock.h"

#include <QApplication>
#include <QFutureWatcher>
#include <QtConcurrent>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTableWidget>
#include <QPointer>
#include <QLocale>
#include <QVBoxLayout>

namespace onewindow::client {

using models::DeficiencyTracking;
using models::DeficiencyView;

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

bool isOpen(const QJsonObject &d)
{
    const QString status = text(d, "status");
    return status == QLatin1String("outstanding") || status == QLatin1String("overdue");
}

/// Asks why a deficiency is waived; OK only with a reason.
class WaiveDialog final : public QDialog
{
public:
    WaiveDialog(const QString &material, QWidget *parent)
        : QDialog(parent), m_reason(new QPlainTextEdit(this))
    {
        setWindowTitle(DeficiencyTrackerPage::tr("Waive %1").arg(material));
        auto *label = new QLabel(DeficiencyTrackerPage::tr("&Why is %1 no longer needed? The reason is kept in the "
                                                           "case's audit trail.")
                                     .arg(material),
                                 this);
        label->setWordWrap(true);
        label->setBuddy(m_reason);
        m_reason->setAccessibleName(DeficiencyTrackerPage::tr("Reason for waiving"));
        m_reason->setTabChangesFocus(true);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
        ok->setText(DeficiencyTrackerPage::tr("&Waive"));
        ok->setAccessibleName(DeficiencyTrackerPage::tr("Waive"));
        ok->setEnabled(false);
        connect(m_reason, &QPlainTextEdit::textChanged, this,
                [this, ok] { ok->setEnabled(!m_reason->toPlainText().trimmed().isEmpty()); });
        connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(label);
        layout->addWidget(m_reason);
        layout->addWidget(buttons);
    }
    QString reason() const { return m_reason->toPlainText().trimmed(); }

private:
    QPlainTextEdit *m_reason;
};

/// The uploads kept on this PC that the server has not stored: file, case, since when, and the
/// problem; each can be sent again or discarded.
class KeptUploadsDialog final : public QDialog
{
public:
    using Send = std::function<void(const models::PendingUpload &, std::function<void(const QString &)>)>;

    KeptUploadsDialog(Send send, const QString &owner, QWidget *parent)
        : QDialog(parent), m_send(std::move(send)), m_owner(owner), m_table(new QTableWidget(this)), m_status(makeMessage(this))
    {
        setWindowTitle(DeficiencyTrackerPage::tr("Uploads kept on this PC"));
        resize(760, 360);
        m_table->setColumnCount(4);
        m_table->setHorizontalHeaderLabels({DeficiencyTrackerPage::tr("File"), DeficiencyTrackerPage::tr("Case"),
                                            DeficiencyTrackerPage::tr("Kept since"),
                                            DeficiencyTrackerPage::tr("Problem")});
        m_table->horizontalHeader()->setStretchLastSection(true);
        m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_table->setSelectionMode(QAbstractItemView::SingleSelection);
        m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_table->setWordWrap(true);
        m_table->setAccessibleName(DeficiencyTrackerPage::tr("Kept uploads"));
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
        m_retry = buttons->addButton(DeficiencyTrackerPage::tr("&Send again"), QDialogButtonBox::ActionRole);
        m_retry->setAccessibleName(DeficiencyTrackerPage::tr("Send kept upload again"));
        m_discard = buttons->addButton(DeficiencyTrackerPage::tr("&Discard…"), QDialogButtonBox::ActionRole);
        m_discard->setAccessibleName(DeficiencyTrackerPage::tr("Discard kept upload"));
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        connect(m_retry, &QPushButton::clicked, this, [this] { retry(); });
        connect(m_discard, &QPushButton::clicked, this, [this] { discard(); });
        connect(m_table, &QTableWidget::currentCellChanged, this, [this] { updateButtons(); });
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_table, 1);
        layout->addWidget(m_status);
        layout->addWidget(buttons);
        reload();
    }

private:
    void reload()
    {
        m_pending = models::AttachmentUpload::pendingUploadsOf(m_owner);
        m_table->setRowCount(static_cast<int>(m_pending.size()));
        for (int row = 0; row < m_pending.size(); ++row) {
            const models::PendingUpload &p = m_pending.at(row);
            const QString problem = p.problem.isError() ? models::AttachmentUpload::problemText(p.problem)
                                                        : DeficiencyTrackerPage::tr("Not sent yet.");
            const QStringList cells{p.filename, p.caseId,
                                    QLocale().toString(p.savedAt.toLocalTime(), QLocale::ShortFormat), problem};
            for (int column = 0; column < cells.size(); ++column)
                m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        }
        m_table->resizeColumnsToContents();
        m_table->resizeRowsToContents();
        if (!m_pending.isEmpty())
            m_table->setCurrentCell(0, 0);
        else
            showMessage(m_status, DeficiencyTrackerPage::tr("No upload is kept on this PC."));
        updateButtons();
    }

    void updateButtons()
    {
        const bool chosen = m_table->currentRow() >= 0 && m_table->currentRow() < m_pending.size();
        m_retry->setEnabled(chosen && !m_sending);
        m_discard->setEnabled(chosen && !m_sending);
    }

    void retry()
    {
        const int row = m_table->currentRow();
        if (row < 0 || row >= m_pending.size() || m_sending)
            return;
        m_sending = true;
        updateButtons();
        showMessage(m_status, DeficiencyTrackerPage::tr("Sending %1…").arg(m_pending.at(row).filename));
        QPointer<KeptUploadsDialog> self(this);
        const QString filename = m_pending.at(row).filename;
        m_send(m_pending.at(row), [self, filename](const QString &problem) {
            if (!self)
                return;
            self->m_sending = false;
            self->reload();
            showMessage(self->m_status, problem.isEmpty() ? DeficiencyTrackerPage::tr("%1 was stored.").arg(filename)
                                                          : problem);
        });
    }

    void discard()
    {
        const int row = m_table->currentRow();
        if (row < 0 || row >= m_pending.size() || m_sending)
            return;
        const models::PendingUpload p = m_pending.at(row);
        if (QMessageBox::question(this, DeficiencyTrackerPage::tr("Discard kept upload"),
                                  DeficiencyTrackerPage::tr("Remove %1 from this PC? The server does not have it; "
                                                            "it has to be scanned again.")
                                      .arg(p.filename))
            != QMessageBox::Yes)
            return;
        models::AttachmentUpload::discard(p.idempotencyKey);
        reload();
        showMessage(m_status, DeficiencyTrackerPage::tr("%1 was discarded.").arg(p.filename));
    }

    Send m_send;
    QString m_owner;
    QTableWidget *m_table;
    QLabel *m_status;
    QPushButton *m_retry = nullptr;
    QPushButton *m_discard = nullptr;
    QList<models::PendingUpload> m_pending;
    bool m_sending = false;
};

} // namespace

DeficiencyTrackerPage::DeficiencyTrackerPage(models::ApiClient *api, models::LocalStore *store, const QString &role,
                                             const sdk::Registries *registries, QWidget *parent)
    : WorkbenchPageWidget(parent)
    , m_api(api)
    , m_store(store)
    , m_role(role)
    , m_registries(registries)
    , m_model(new models::DeficiencyListModel(api, this))
    , m_viewLabel(new QLabel(this))
    , m_view(new QComboBox(this))
    , m_centerLabel(new QLabel(this))
    , m_center(new QComboBox(this))
    , m_matterLabel(new QLabel(this))
    , m_matter(new QComboBox(this))
    , m_refresh(new QPushButton(this))
    , m_message(makeMessage(this))
    , m_table(makeTable(this))
    , m_supplyPaper(new QPushButton(this))
    , m_supplyScan(new QPushButton(this))
    , m_call(new QPushButton(this))
    , m_printReminder(new QPushButton(this))
    , m_open(new QPushButton(this))
    , m_waive(new QPushButton(this))
    , m_keptUploads(new QPushButton(this))
{
    m_table->setModel(m_model);
    for (const DeficiencyView view : DeficiencyTracking::views())
        m_view->addItem(QString(), static_cast<int>(view));
    m_center->addItem(QString(), QString());
    m_matter->addItem(QString(), QString());
    m_viewLabel->setBuddy(m_view);
    m_centerLabel->setBuddy(m_center);
    m_matterLabel->setBuddy(m_matter);

    auto *filters = new QHBoxLayout;
    for (QWidget *w : {static_cast<QWidget *>(m_viewLabel), static_cast<QWidget *>(m_view),
                       static_cast<QWidget *>(m_centerLabel), static_cast<QWidget *>(m_center),
                       static_cast<QWidget *>(m_matterLabel), static_cast<QWidget *>(m_matter)})
        filters->addWidget(w);
    filters->addStretch();
    filters->addWidget(m_refresh);
    auto *actions = new QHBoxLayout;
    for (QPushButton *b : {m_supplyPaper, m_supplyScan, m_call, m_printReminder, m_open, m_waive})
        actions->addWidget(b);
    actions->addStretch();
    actions->addWidget(m_keptUploads);
    m_keptUploads->hide();
    m_waive->setVisible(m_role == QLatin1String("supervisor"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);
    retranslate();
    updateActions();

    connect(m_view, &QComboBox::activated, this, [this] { refresh(); });
    connect(m_center, &QComboBox::activated, this, [this] { refresh(); });
    connect(m_matter, &QComboBox::activated, this, [this] { refresh(); });
    connect(m_refresh, &QPushButton::clicked, this, &DeficiencyTrackerPage::refresh);
    // A new day on the server's clock: "due today" and "this week" are other materials now.
    connect(m_api->clock(), &models::ServerClock::todayChanged, this, [this] {
        if (isVisible())
            refresh();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DeficiencyTrackerPage::updateActions);
    connect(m_table, &QTableView::activated, this, &DeficiencyTrackerPage::openCase);
    connect(m_model, &models::ApiListModel::loaded, this, [this] {
        m_table->resizeColumnsToContents();
        // What was just done stays said after the list reloads.
        QStringList said;
        if (!m_notice.isEmpty())
            said << m_notice;
        if (m_model->rowCount() == 0)
            said << tr("Nothing here.");
        showMessage(m_message, said.join(QLatin1Char(' ')));
        m_notice.clear();
        if (m_model->rowCount() > 0 && !m_table->currentIndex().isValid())
            m_table->setCurrentIndex(m_model->index(0, 0));
        updateActions();
    });
    connect(m_model, &models::ApiListModel::failed, this, [this](const QString &message) { showMessage(m_message, message); });
    connect(m_supplyPaper, &QPushButton::clicked, this, &DeficiencyTrackerPage::supplyOnPaper);
    connect(m_supplyScan, &QPushButton::clicked, this, &DeficiencyTrackerPage::supplyByScan);
    connect(m_call, &QPushButton::clicked, this, &DeficiencyTrackerPage::callApplicant);
    connect(m_printReminder, &QPushButton::clicked, this, &DeficiencyTrackerPage::printReminder);
    connect(m_open, &QPushButton::clicked, this, &DeficiencyTrackerPage::openCase);
    connect(m_waive, &QPushButton::clicked, this, &DeficiencyTrackerPage::waive);
    connect(m_keptUploads, &QPushButton::clicked, this, &DeficiencyTrackerPage::showKeptUploads);

    // The centres in the user's scope, and the matters from the local catalog.
    m_api->get(QStringLiteral("/centers"), [this](const models::ApiResponse &r) {
        for (const auto &c : r.object().value(QLatin1String("items")).toArray())
            m_center->addItem(QStringLiteral("%1 %2").arg(text(c.toObject(), "code"), text(c.toObject(), "name")),
                              text(c.toObject(), "code"));
    }, this);
    resumePendingUploads();
    m_store->matters(this, [this](const QJsonArray &matters) {
        for (const auto &m : matters)
            m_matter->addItem(QStringLiteral("%1 %2").arg(text(m.toObject(), "code"), text(m.toObject(), "name")),
                              text(m.toObject(), "code"));
    });
}

DeficiencyTrackerPage::~DeficiencyTrackerPage() = default;

void DeficiencyTrackerPage::resumePendingUploads()
{
    // Scans kept on disk by an upload the client could not finish (a crash, a power cut, the
    // network): sent now, with their first key, so the server stores each once. Those the server
    // refused wait for the clerk (Kept uploads). Each user sees their own (and those kept before
    // owners were recorded); copies older than uploads/keepDays (30) go first, whoever made them.
    // The folder is read off the GUI thread.
    auto *watcher = new QFutureWatcher<QList<models::PendingUpload>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const QList<models::PendingUpload> pending = watcher->result();
        watcher->deleteLater();
        updateKeptUploads(pending);
        int waiting = 0;
        for (const models::PendingUpload &p : pending) {
            if (p.needsClerk()) {
                ++waiting;
                continue;
            }
            sendKeptUpload(p, [this, filename = p.filename](const QString &problem) {
                if (!problem.isEmpty())
                    showMessage(m_message, tr("A scan kept from before (%1) could not be sent. %2").arg(filename, problem));
            });
        }
        if (waiting > 0)
            showMessage(m_message, tr("%n upload(s) kept on this PC need your decision: see Kept uploads.", nullptr,
                                      waiting));
    });
    const int keepDays = qMax(1, QSettings().value(QStringLiteral("uploads/keepDays"), 30).toInt());
    const QDateTime cutoff = models::ServerClock::pcNow().addDays(-keepDays);
    watcher->setFuture(QtConcurrent::run([owner = m_api->signedInUser(), cutoff] {
        models::AttachmentUpload::purgeKeptBefore(cutoff);
        return models::AttachmentUpload::pendingUploadsOf(owner);
    }));
}

void DeficiencyTrackerPage::sendKeptUpload(const models::PendingUpload &pending,
                                           std::function<void(const QString &problem)> failed)
{
    auto *upload = new models::AttachmentUpload(m_api, this);
    connect(upload, &models::AttachmentUpload::finished, this,
            [this, upload, pending, failed](const QJsonObject &attachment) {
                upload->deleteLater();
                recordKeptSupply(pending, attachment);
                updateKeptUploads(models::AttachmentUpload::pendingUploadsOf(m_api->signedInUser()));
                failed({});
            });
    connect(upload, &models::AttachmentUpload::failed, this, [this, upload, failed](const models::ApiError &, bool) {
        // The copy is kept, with its problem, for Kept uploads.
        const QString problem = upload->problem();
        upload->deleteLater();
        updateKeptUploads(models::AttachmentUpload::pendingUploadsOf(m_api->signedInUser()));
        failed(problem);
    });
    upload->resume(pending);
}

void DeficiencyTrackerPage::recordKeptSupply(const models::PendingUpload &pending, const QJsonObject &attachment)
{
    if (pending.deficiencyId.isEmpty()) {
        showMessage(m_message, tr("A scan kept from before (%1) was sent to its case. If the material is "
                                  "still listed as outstanding, record its supply.")
                                   .arg(pending.filename));
        return;
    }
    // The supply it was scanned for, as the scan dialog would have recorded it.
    resolve({{QStringLiteral("caseId"), pending.caseId}, {QStringLiteral("id"), pending.deficiencyId}},
            QStringLiteral("supply"),
            {{QStringLiteral("provided"), QStringLiteral("scan")},
             {QStringLiteral("attachmentId"), attachment.value(QLatin1String("id"))}},
            tr("A scan kept from before (%1) was sent and recorded as supplied.").arg(pending.filename));
}

void DeficiencyTrackerPage::updateKeptUploads(const QList<models::PendingUpload> &pending)
{
    const int count = static_cast<int>(pending.size());
    m_keptUploads->setProperty("count", count);
    m_keptUploads->setText(tr("&Kept uploads (%1)…").arg(count));
    m_keptUploads->setVisible(count > 0);
}

void DeficiencyTrackerPage::showKeptUploads()
{
    KeptUploadsDialog dialog(
        [this](const models::PendingUpload &pending, std::function<void(const QString &)> done) {
            sendKeptUpload(pending, std::move(done));
        },
        m_api->signedInUser(), this);
    dialog.exec();
    updateKeptUploads(models::AttachmentUpload::pendingUploadsOf(m_api->signedInUser()));
}

void DeficiencyTrackerPage::retranslate()
{
    m_viewLabel->setText(tr("S&how:"));
    m_view->setAccessibleName(tr("Deficiency view"));
    m_centerLabel->setText(tr("C&entre:"));
    m_center->setAccessibleName(tr("Centre filter"));
    m_center->setItemText(0, tr("All centres"));
    m_matterLabel->setText(tr("&Matter:"));
    m_matter->setAccessibleName(tr("Matter filter"));
    m_matter->setItemText(0, tr("All matters"));
    m_table->setAccessibleName(tr("Deficient materials"));
    m_refresh->setText(tr("&Refresh"));
    m_refresh->setAccessibleName(tr("Refresh"));
    const QList<QPair<QPushButton *, QPair<QString, QString>>> buttons{
        {m_supplyPaper, {tr("Supplied on &paper"), tr("Record supply on paper")}},
        {m_supplyScan, {tr("Supplied by &scan…"), tr("Record supply by scan")}},
        {m_call, {tr("&Call applicant…"), tr("Call applicant")}},
        {m_printReminder, {tr("Print &reminder…"), tr("Print reminder letter")}},
        {m_open, {tr("&Open case"), tr("Open case")}},
        {m_waive, {tr("&Waive…"), tr("Waive")}},
    };
    for (const auto &[button, texts] : buttons) {
        button->setText(texts.first);
        button->setAccessibleName(texts.second);
    }
    m_keptUploads->setText(tr("&Kept uploads (%1)…").arg(m_keptUploads->property("count").toInt()));
    m_keptUploads->setAccessibleName(tr("Kept uploads"));
    loadCounts();
}

void DeficiencyTrackerPage::refresh()
{
    // The server's today decides what is due and overdue, not this PC's clock.
    m_model->load(DeficiencyTracking::listPath(static_cast<DeficiencyView>(m_view->currentData().toInt()),
                                               m_api->clock()->today(), m_center->currentData().toString(),
                                               m_matter->currentData().toString()));
    loadCounts();
}

void DeficiencyTrackerPage::loadCounts()
{
    m_api->get(DeficiencyTracking::countsPath(m_center->currentData().toString(), m_matter->currentData().toString()),
               [this](const models::ApiResponse &r) {
                   if (!r.ok())
                       return;
                   const auto counts = models::DeficiencyCounts::fromJson(r.object());
                   for (int i = 0; i < m_view->count(); ++i) {
                       const auto view = static_cast<DeficiencyView>(m_view->itemData(i).toInt());
                       m_view->setItemText(i, tr("%1 (%2)").arg(DeficiencyTracking::viewName(view)).arg(counts.of(view)));
                   }
                   // The navigation entry: what is still to chase, and how much of it is overdue.
                   emit countChanged(counts.open(), counts.overdue);
               },
               this);
}

void DeficiencyTrackerPage::focusFirst()
{
    // The view first (Tab goes on to the centre, the matter, then the list).
    m_view->setFocus();
}

QJsonObject DeficiencyTrackerPage::currentDeficiency() const
{
    const QModelIndex index = m_table->currentIndex();
    return index.isValid() ? m_model->data(index, int(models::DeficiencyRole::Item)).toJsonObject() : QJsonObject();
}

void DeficiencyTrackerPage::updateActions()
{
    const QJsonObject d = currentDeficiency();
    const bool open = !d.isEmpty() && isOpen(d);
    m_supplyPaper->setEnabled(open);
    m_supplyScan->setEnabled(open);
    m_call->setEnabled(!d.isEmpty() && !text(d, "applicantPhone").isEmpty());
    m_printReminder->setEnabled(open);
    m_open->setEnabled(!d.isEmpty());
    m_waive->setEnabled(open && m_role == QLatin1String("supervisor"));
}

void DeficiencyTrackerPage::resolve(const QJsonObject &d, const QString &action, const QJsonObject &body,
                                    const QString &doneMessage)
{
    const QString caseId = text(d, "caseId");
    const QString deficiencyId = text(d, "id");
    DeficiencyTracking::resolve(m_api, caseId, deficiencyId, action, body, [=, this](const models::ApiResponse &done) {
        if (!done.ok()) {
            showMessage(m_message, done.error.userMessage());
            return;
        }
        showMessage(m_message, doneMessage);
        m_notice = doneMessage;
        emit resolved(caseId, deficiencyId);
        refresh();
    }, this);
}

void DeficiencyTrackerPage::supplyOnPaper()
{
    const QJsonObject d = currentDeficiency();
    if (d.isEmpty() || !isOpen(d))
        return;
    const QString question = tr("Record that %1 supplied %2 for case %3 on paper?")
                                 .arg(text(d, "applicantName"), text(d, "materialName"), text(d, "caseNumber"));
    if (QMessageBox::question(this, tr("Record supply"), question) != QMessageBox::Yes)
        return;
    resolve(d, QStringLiteral("supply"), {{QStringLiteral("provided"), QStringLiteral("paper")}},
            tr("%1 of case %2 recorded as supplied.").arg(text(d, "materialName"), text(d, "caseNumber")));
}

void DeficiencyTrackerPage::supplyByScan()
{
    const QJsonObject d = currentDeficiency();
    if (d.isEmpty() || !isOpen(d))
        return;
    ScanDialog dialog(m_api, d, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_notice = tr("%1 of case %2 recorded as supplied by scan.").arg(text(d, "materialName"), text(d, "caseNumber"));
    showMessage(m_message, m_notice);
    emit resolved(text(d, "caseId"), text(d, "id"));
    refresh();
}

void DeficiencyTrackerPage::callApplicant()
{
    const QJsonObject d = currentDeficiency();
    if (d.isEmpty())
        return;
    const QString phone = text(d, "applicantPhone");
    QMessageBox box(QMessageBox::Information, tr("Call applicant"),
                    tr("Call %1 on %2 about %3 (case %4, due %5).")
                        .arg(text(d, "applicantName"), phone, text(d, "materialName"), text(d, "caseNumber"),
                             QLocale().toString(QDate::fromString(text(d, "dueDate"), Qt::ISODate), QLocale::ShortFormat)),
                    QMessageBox::Close, this);
    QPushButton *copy = box.addButton(tr("&Copy number"), QMessageBox::ActionRole);
    box.setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    box.exec();
    if (box.clickedButton() == copy)
        QApplication::clipboard()->setText(phone);
}

void DeficiencyTrackerPage::printReminder()
{
    const QJsonObject d = currentDeficiency();
    if (d.isEmpty())
        return;
    // The whole case (every deficiency still owed) and its matters' details, then the preview.
    m_api->get(QStringLiteral("/cases/") + text(d, "caseId"), [this](const models::ApiResponse &r) {
        if (!r.ok()) {
            showMessage(m_message, r.error.userMessage());
            return;
        }
        auto input = std::make_shared<printing::PrintInput>();
        input->caseObject = r.object();
        input->date = m_api->clock()->today();
        m_store->matters(this, [this, input](const QJsonArray &matters) {
            for (const auto &m : input->caseObject.value(QLatin1String("matters")).toArray()) {
                for (const auto &known : matters) {
                    if (text(known.toObject(), "code") == text(m.toObject(), "code"))
                        input->matterDetails.append(known);
                }
            }
            QPrinter printer(QPrinter::HighResolution);
            QPrintPreviewDialog preview(&printer, this);
            preview.setWindowTitle(printing::printDocumentName(printing::PrintDocument::Reminder));
            connect(&preview, &QPrintPreviewDialog::paintRequested, this, [this, input](QPrinter *p) {
                printing::DocumentRenderer renderer(m_registries);
                if (!renderer.print(printing::PrintDocument::Reminder, *input, p))
                    showMessage(m_message, renderer.errorString());
            });
            preview.exec();
        });
    }, this);
}

void DeficiencyTrackerPage::openCase()
{
    const QJsonObject d = currentDeficiency();
    if (d.isEmpty())
        return;
    CaseDialog dialog(m_api, text(d, "caseId"), this);
    dialog.exec();
}

void DeficiencyTrackerPage::waive()
{
    const QJsonObject d = currentDeficiency();
    if (d.isEmpty() || !isOpen(d) || m_role != QLatin1String("supervisor"))
        return;
    WaiveDialog dialog(text(d, "materialName"), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    resolve(d, QStringLiteral("waive"), {{QStringLiteral("reason"), dialog.reason()}},
            tr("%1 of case %2 waived.").arg(text(d, "materialName"), text(d, "caseNumber")));
}

} // namespace onewindow::client
