#include "followupspage.h"

#include "ratingentrydialog.h"

#include "models/caseapi.h"
#include "models/followuplistmodel.h"
#include "models/formatting.h"
#include "models/modelenums.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace onewindow::client {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString when(const QString &iso)
{
    return QLocale().toString(QDateTime::fromString(iso, Qt::ISODateWithMs), QLocale::ShortFormat);
}

} // namespace

FollowUpsPage::FollowUpsPage(models::ApiClient *api, QWidget *parent)
    : WorkbenchPageWidget(parent)
    , m_cases(new models::CaseApi(api, this))
    , m_model(new models::FollowUpListModel(api, this))
    , m_stateLabel(new QLabel(this))
    , m_state(new QComboBox(this))
    , m_refresh(new QPushButton(this))
    , m_enterRating(new QPushButton(this))
    , m_table(makeTable(this))
    , m_message(makeMessage(this))
    , m_details(new QTextBrowser(this))
    , m_noteLabel(new QLabel(this))
    , m_note(new QPlainTextEdit(this))
    , m_addNote(new QPushButton(this))
    , m_resolutionLabel(new QLabel(this))
    , m_resolution(new QLineEdit(this))
    , m_secondLabel(new QLabel(this))
    , m_second(new QComboBox(this))
    , m_close(new QPushButton(this))
{
    m_table->setModel(m_model);
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(90);
    m_details->setMinimumHeight(120);
    m_stateLabel->setBuddy(m_state);
    m_noteLabel->setBuddy(m_note);
    m_resolutionLabel->setBuddy(m_resolution);
    m_secondLabel->setBuddy(m_second);
    m_resolution->setMaxLength(1000);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_stateLabel);
    bar->addWidget(m_state);
    bar->addStretch();
    bar->addWidget(m_enterRating);
    bar->addWidget(m_refresh);

    auto *work = new QWidget(this);
    auto *form = new QFormLayout(work);
    form->addRow(m_details);
    form->addRow(m_noteLabel, m_note);
    form->addRow(QString(), m_addNote);
    form->addRow(m_resolutionLabel, m_resolution);
    form->addRow(m_secondLabel, m_second);
    form->addRow(QString(), m_close);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(work);
    split->setStretchFactor(0, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);
    retranslate();

    connect(m_state, &QComboBox::activated, this, [this] { refresh(); });
    connect(m_refresh, &QPushButton::clicked, this, &FollowUpsPage::refresh);
    connect(m_enterRating, &QPushButton::clicked, this, [this] {
        RatingEntryDialog dialog(m_cases, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        m_notice = tr("Rating recorded.");
        refresh(); // a bad one is a new follow-up
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &FollowUpsPage::showCurrent);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &FollowUpsPage::showCurrent);
    connect(m_table, &QTableView::activated, this, [this] { m_note->setFocus(); });
    connect(m_addNote, &QPushButton::clicked, this, &FollowUpsPage::addNote);
    connect(m_close, &QPushButton::clicked, this, &FollowUpsPage::close);
    connect(m_model, &models::ApiListModel::loaded, this, [this] {
        m_table->resizeColumnsToContents();
        const int rows = m_model->rowCount();
        showMessage(m_message, !m_notice.isEmpty() ? m_notice : rows == 0 ? tr("No follow-ups here.") : QString());
        m_notice.clear();
        if (rows > 0 && !m_table->currentIndex().isValid())
            m_table->setCurrentIndex(m_model->index(0, 0));
        showCurrent();
        if (m_state->currentData().toString() == QLatin1String("open")) {
            int overdue = 0;
            for (int row = 0; row < rows; ++row)
                overdue += m_model->index(row, 0).data(int(models::FollowUpRole::State)).toString() == QLatin1String("overdue");
            emit countChanged(m_model->canLoadMore() ? -1 : rows, overdue);
        }
    });
    connect(m_model, &models::ApiListModel::failed, this, [this](const QString &message) { showMessage(m_message, message); });
}

FollowUpsPage::~FollowUpsPage() = default;

void FollowUpsPage::retranslate()
{
    const QString state = m_state->currentData().toString();
    m_state->clear();
    m_state->addItem(tr("Open"), QStringLiteral("open"));
    m_state->addItem(tr("Overdue"), QStringLiteral("overdue"));
    m_state->addItem(tr("Closed"), QStringLiteral("closed"));
    m_state->setCurrentIndex(qMax(0, m_state->findData(state)));
    m_stateLabel->setText(tr("S&how:"));
    m_state->setAccessibleName(tr("Which follow-ups"));
    m_refresh->setText(tr("&Refresh"));
    m_refresh->setAccessibleName(tr("Refresh"));
    m_enterRating->setText(tr("&Enter a paper or SMS rating…"));
    m_enterRating->setAccessibleName(tr("Enter a paper or SMS rating"));
    m_table->setAccessibleName(tr("Follow-ups"));
    m_details->setAccessibleName(tr("Follow-up details"));
    m_noteLabel->setText(tr("Call-back &note:"));
    m_note->setAccessibleName(tr("Call-back note"));
    m_note->setPlaceholderText(tr("What the citizen said, what was done"));
    m_addNote->setText(tr("&Add note"));
    m_addNote->setAccessibleName(tr("Add note"));
    m_resolutionLabel->setText(tr("Re&solution:"));
    m_resolution->setAccessibleName(tr("Resolution"));
    m_secondLabel->setText(tr("Second ratin&g:"));
    m_second->setAccessibleName(tr("Second rating"));
    const int second = m_second->currentData().toInt();
    m_second->clear();
    for (int level = 5; level >= 1; --level)
        m_second->addItem(models::ratingLevelText(level), level);
    m_second->setCurrentIndex(qMax(0, m_second->findData(second)));
    m_close->setText(tr("&Close follow-up"));
    m_close->setAccessibleName(tr("Close follow-up"));
    showCurrent();
}

void FollowUpsPage::refresh()
{
    m_model->loadState(m_state->currentData().toString());
}

void FollowUpsPage::focusFirst()
{
    m_table->setFocus();
}

QJsonObject FollowUpsPage::current() const
{
    const QModelIndex index = m_table->currentIndex();
    return index.isValid() ? index.data(int(models::FollowUpRole::Item)).toJsonObject() : QJsonObject();
}

void FollowUpsPage::showCurrent()
{
    const QJsonObject f = current();
    const bool open = !f.isEmpty() && text(f, "state") != QLatin1String("closed");
    m_note->setEnabled(open);
    m_addNote->setEnabled(open);
    m_resolution->setEnabled(open);
    m_second->setEnabled(open);
    m_close->setEnabled(open);
    if (f.isEmpty()) {
        m_details->clear();
        return;
    }
    QStringList lines;
    lines << tr("Case %1 · %2").arg(text(f, "caseNumber"), text(f, "matterNames"));
    lines << tr("Rated %1 for the %2 on %3").arg(models::ratingLevelText(f.value(QLatin1String("level")).toInt()),
                                                  text(f, "event") == QLatin1String("intake") ? tr("intake") : tr("hand-out"),
                                                  when(text(f, "openedAt")));
    if (!text(f, "comment").isEmpty())
        lines << tr("Comment: %1").arg(text(f, "comment"));
    lines << tr("Call back %1 at %2").arg(text(f, "applicantName"), text(f, "applicantPhone"));
    const QString due = QLocale().toString(QDate::fromString(text(f, "dueDate"), Qt::ISODate), QLocale::LongFormat);
    if (text(f, "state") == QLatin1String("overdue"))
        lines << tr("Overdue: it was due by %1.").arg(due);
    else if (text(f, "state") == QLatin1String("open"))
        lines << tr("Due by %1.").arg(due);
    for (const auto &n : f.value(QLatin1String("notes")).toArray())
        lines << tr("Note by %1, %2: %3").arg(text(n.toObject(), "writtenBy"), when(text(n.toObject(), "at")),
                                              text(n.toObject(), "note"));
    if (text(f, "state") == QLatin1String("closed"))
        lines << tr("Closed by %1, %2: %3. Rated again: %4.")
                     .arg(text(f, "closedBy"), when(text(f, "closedAt")), text(f, "resolution"),
                          models::ratingLevelText(f.value(QLatin1String("secondLevel")).toInt()));
    m_details->setPlainText(lines.join(QLatin1Char('\n')));
}

void FollowUpsPage::addNote()
{
    const QJsonObject f = current();
    const QString note = m_note->toPlainText().trimmed();
    if (f.isEmpty() || note.isEmpty()) {
        showMessage(m_message, tr("Write what the citizen said and what was done first."));
        m_note->setFocus();
        return;
    }
    m_addNote->setEnabled(false);
    m_cases->addFollowUpNote(text(f, "id"), note, [this](const models::ApiResult<QJsonObject> &r) {
        m_addNote->setEnabled(true);
        if (!r.ok()) {
            showMessage(m_message, r.error.userMessage());
            return;
        }
        m_note->clear();
        updated(*r.value, tr("Note added."));
    }, this);
}

void FollowUpsPage::close()
{
    const QJsonObject f = current();
    if (f.isEmpty())
        return;
    if (m_resolution->text().trimmed().isEmpty()) {
        showMessage(m_message, tr("Say how the complaint was resolved."));
        m_resolution->setFocus();
        return;
    }
    m_close->setEnabled(false);
    m_cases->closeFollowUp(text(f, "id"), m_resolution->text().trimmed(), m_second->currentData().toInt(),
                           [this](const models::ApiResult<QJsonObject> &r) {
                               m_close->setEnabled(true);
                               if (!r.ok()) {
                                   showMessage(m_message, r.error.userMessage());
                                   return;
                               }
                               m_resolution->clear();
                               updated(*r.value, tr("Follow-up closed."));
                           },
                           this);
}

void FollowUpsPage::updated(const QJsonObject &followUp, const QString &message)
{
    m_model->update(followUp);
    showMessage(m_message, message);
    showCurrent();
}

} // namespace onewindow::client
