#include "auditpage.h"

#include "asyncfiles.h"

#include "models/apiclient.h"
#include "models/auditlog.h"
#include "models/serverclock.h"

#include <QCompleter>
#include <QDateEdit>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace onewindow::client {

namespace {

/// The first day a search can name; shown as "any day", meaning no condition.
const QDate kAnyDay(2000, 1, 1);

QDateEdit *makeDayEdit(QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(kAnyDay);
    edit->setDate(kAnyDay);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    return edit;
}

/// The server's actions an auditor looks for most, offered as they type.
QStringList knownActions()
{
    return {QStringLiteral("signed_in"),       QStringLiteral("sign_in_failed"),   QStringLiteral("sign_in_throttled"),
            QStringLiteral("account_locked"),
            QStringLiteral("signed_out"),      QStringLiteral("user_created"),     QStringLiteral("user_changed"),
            QStringLiteral("password_reset"),  QStringLiteral("password_changed"), QStringLiteral("accept"),
            QStringLiteral("accept_with_deficiency"), QStringLiteral("refuse_with_notice"),
            QStringLiteral("matter_changed"),  QStringLiteral("calendar_changed"), QStringLiteral("transfer_sent"),
            QStringLiteral("transfer_arrived")};
}

} // namespace

AuditPage::AuditPage(models::ApiClient *api, QWidget *parent)
    : WorkbenchPageWidget(parent)
    , m_api(api)
    , m_model(new models::AuditLogModel(api, this))
    , m_log(new models::AuditLog(api, this))
    , m_actorLabel(new QLabel(this))
    , m_actor(new QLineEdit(this))
    , m_caseLabel(new QLabel(this))
    , m_case(new QLineEdit(this))
    , m_actionLabel(new QLabel(this))
    , m_action(new QLineEdit(this))
    , m_fromLabel(new QLabel(this))
    , m_from(makeDayEdit(this))
    , m_toLabel(new QLabel(this))
    , m_to(makeDayEdit(this))
    , m_search(new QPushButton(this))
    , m_verify(new QPushButton(this))
    , m_export(new QPushButton(this))
    , m_table(makeTable(this))
    , m_message(makeMessage(this))
{
    m_message->setObjectName(QStringLiteral("auditMessage"));
    m_table->setModel(m_model);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(models::AuditLogModel::Detail, QHeaderView::Stretch);
    m_action->setCompleter(new QCompleter(knownActions(), m_action));
    m_actorLabel->setBuddy(m_actor);
    m_caseLabel->setBuddy(m_case);
    m_actionLabel->setBuddy(m_action);
    m_fromLabel->setBuddy(m_from);
    m_toLabel->setBuddy(m_to);

    auto *filters = new QGridLayout;
    filters->addWidget(m_actorLabel, 0, 0);
    filters->addWidget(m_actor, 0, 1);
    filters->addWidget(m_caseLabel, 0, 2);
    filters->addWidget(m_case, 0, 3);
    filters->addWidget(m_actionLabel, 0, 4);
    filters->addWidget(m_action, 0, 5);
    filters->addWidget(m_fromLabel, 1, 0);
    filters->addWidget(m_from, 1, 1);
    filters->addWidget(m_toLabel, 1, 2);
    filters->addWidget(m_to, 1, 3);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_search);
    buttons->addStretch(1);
    buttons->addWidget(m_verify);
    buttons->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);

    connect(m_search, &QPushButton::clicked, this, &AuditPage::refresh);
    for (QLineEdit *edit : {m_actor, m_case, m_action})
        connect(edit, &QLineEdit::returnPressed, this, &AuditPage::refresh);
    connect(m_verify, &QPushButton::clicked, this, &AuditPage::verify);
    connect(m_export, &QPushButton::clicked, this, &AuditPage::chooseExportFile);
    connect(m_model, &models::ApiListModel::loaded, this, [this] {
        showMessage(m_message, m_model->canLoadMore() ? tr("The newest %n entries; scroll down for more.", nullptr,
                                                           m_model->rowCount())
                                                      : tr("%n entries.", nullptr, m_model->rowCount()));
    });
    connect(m_model, &models::ApiListModel::failed, this, [this](const QString &message) { showMessage(m_message, message); });
    retranslate();
}

AuditPage::~AuditPage() = default;

models::AuditQuery AuditPage::query() const
{
    models::AuditQuery q;
    q.actor = m_actor->text();
    q.caseRef = m_case->text();
    q.action = m_action->text();
    if (m_from->date() != kAnyDay)
        q.from = m_from->date();
    if (m_to->date() != kAnyDay)
        q.to = m_to->date();
    return q;
}

void AuditPage::refresh()
{
    const models::AuditQuery q = query();
    if (q.from.isValid() && q.to.isValid() && q.to < q.from)
        return showMessage(m_message, tr("The last day is before the first."));
    m_model->search(q);
}

void AuditPage::focusFirst()
{
    m_actor->setFocus();
}

void AuditPage::verify()
{
    showMessage(m_message, tr("Checking every chain of the audit trail…"));
    m_log->verify([this](const QJsonObject &answer, const models::ApiError &error) {
        if (error.isError())
            return showMessage(m_message, error.userMessage());
        showMessage(m_message, verificationText(answer));
    });
}

QString AuditPage::verificationText(const QJsonObject &answer)
{
    const auto text = [&](const char *key) { return answer.value(QLatin1String(key)).toString(); };
    const int entries = answer.value(QLatin1String("entries")).toInt();
    const QJsonObject checkpoint = answer.value(QLatin1String("checkpoint")).toObject();
    // "2026-11-27 09:15", the checkpoint's time as the server wrote it.
    QString at = checkpoint.value(QLatin1String("at")).toString().left(16);
    at.replace(QLatin1Char('T'), QLatin1Char(' '));
    if (answer.value(QLatin1String("valid")).toBool()) {
        if (checkpoint.isEmpty())
            return tr("The audit trail is intact: %n entries checked, no chain broken. There is no checkpoint yet, "
                      "so the removal of the last entries could not be checked.", nullptr, entries);
        return tr("The audit trail is intact: %n entries checked, no chain broken, nothing missing that the "
                  "checkpoint of %1 recorded.", nullptr, entries)
            .arg(at);
    }
    const QString problem = text("problem");
    QString caseName = text("caseNumber");
    if (caseName.isEmpty())
        caseName = text("caseId");
    if (problem == QLatin1String("entry_changed"))
        return tr("The audit trail was changed: entry %1 does not match its chain (edited, written again without "
                  "the audit key, or an entry before it removed). Report it to the security administrator.")
            .arg(answer.value(QLatin1String("firstBrokenEntry")).toInteger());
    if (problem == QLatin1String("case_missing"))
        return tr("The audit trail was changed: case %1 was created but is no longer in the database. Report it to "
                  "the security administrator.")
            .arg(caseName);
    if (problem == QLatin1String("case_chain_cut"))
        return tr("The audit trail was changed: entries of case %1 were removed. Report it to the security "
                  "administrator.")
            .arg(caseName);
    if (problem == QLatin1String("chain_shortened"))
        return tr("The audit trail was changed: it is shorter than the checkpoint of %1 recorded, its last entries "
                  "were removed. Report it to the security administrator.")
            .arg(at);
    if (problem == QLatin1String("checkpoint_mismatch"))
        return tr("The audit trail was changed: it does not hold what the checkpoint of %1 recorded at entry %2. "
                  "Report it to the security administrator.")
            .arg(at)
            .arg(checkpoint.value(QLatin1String("seq")).toInteger());
    if (problem == QLatin1String("entries_missing"))
        return tr("The audit trail was changed: it holds fewer entries than the checkpoint of %1 counted, entries "
                  "were removed. Report it to the security administrator.")
            .arg(at);
    if (problem == QLatin1String("checkpoint_altered"))
        return tr("The checkpoint file was changed: a checkpoint in it is not signed with the audit key. Report it "
                  "to the security administrator.");
    return tr("The audit trail was changed (%1). Report it to the security administrator.").arg(text("message"));
}

void AuditPage::chooseExportFile()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = tr("audit-%1.csv").arg(m_api->clock()->today().toString(Qt::ISODate));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the audit trail"), folder + QLatin1Char('/') + name,
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

void AuditPage::exportTo(const QString &path, std::function<void(const QString &)> done)
{
    m_export->setEnabled(false);
    showMessage(m_message, tr("Exporting…"));
    const auto finish = [this, path, done](const QString &error) {
        m_export->setEnabled(true);
        showMessage(m_message, error.isEmpty() ? tr("Exported to %1.").arg(path) : error);
        if (done)
            done(error);
    };
    m_log->fetchAll(
        query(), [this](int fetched) { showMessage(m_message, tr("Exporting… %n entries so far", nullptr, fetched)); },
        [this, path, finish](const QJsonArray &entries, const models::ApiError &error) {
            if (error.isError())
                return finish(error.userMessage());
            writeFileAsync(this, path, models::AuditLog::toCsv(entries), finish);
        });
}

void AuditPage::retranslate()
{
    m_actorLabel->setText(tr("&Who:"));
    m_actor->setPlaceholderText(tr("Username"));
    m_actor->setAccessibleName(tr("Who acted"));
    m_caseLabel->setText(tr("C&ase:"));
    m_case->setPlaceholderText(tr("Case number"));
    m_case->setAccessibleName(tr("Case number"));
    m_actionLabel->setText(tr("Ac&tion:"));
    m_action->setPlaceholderText(tr("e.g. sign_in_failed"));
    m_action->setAccessibleName(tr("Action"));
    m_fromLabel->setText(tr("&From:"));
    m_from->setSpecialValueText(tr("Any day"));
    m_from->setAccessibleName(tr("First day"));
    m_toLabel->setText(tr("T&o:"));
    m_to->setSpecialValueText(tr("Any day"));
    m_to->setAccessibleName(tr("Last day"));
    m_search->setText(tr("&Search"));
    m_search->setAccessibleName(tr("Search the audit trail"));
    m_verify->setText(tr("&Verify chains"));
    m_verify->setAccessibleName(tr("Verify the audit trail"));
    m_export->setText(tr("E&xport CSV…"));
    m_export->setAccessibleName(tr("Export as CSV"));
    m_table->setAccessibleName(tr("Audit trail"));
}

} // namespace onewindow::client
