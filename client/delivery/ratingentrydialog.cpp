#include "ratingentrydialog.h"

#include "pages.h"

#include "models/caseapi.h"
#include "models/formatting.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace onewindow::client {

RatingEntryDialog::RatingEntryDialog(models::CaseApi *cases, QWidget *parent)
    : QDialog(parent)
    , m_cases(cases)
    , m_number(new QLineEdit(this))
    , m_event(new QComboBox(this))
    , m_level(new QComboBox(this))
    , m_channel(new QComboBox(this))
    , m_comment(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_record(new QPushButton(tr("&Record rating"), this))
{
    setWindowTitle(tr("Enter a rating"));
    m_event->addItem(tr("The hand-out of the result"), QStringLiteral("delivery"));
    m_event->addItem(tr("The acceptance of the application"), QStringLiteral("intake"));
    for (int level = 5; level >= 1; --level)
        m_level->addItem(models::ratingLevelText(level), level);
    m_channel->addItem(tr("Paper form"), QStringLiteral("paper"));
    m_channel->addItem(tr("SMS reply"), QStringLiteral("sms"));
    m_comment->setMaxLength(500);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_number->setAccessibleName(tr("Case number"));
    m_event->setAccessibleName(tr("Service rated"));
    m_level->setAccessibleName(tr("Rating"));
    m_channel->setAccessibleName(tr("Came as"));
    m_comment->setAccessibleName(tr("Comment"));
    m_record->setAccessibleName(tr("Record rating"));
    m_record->setDefault(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Case &number:"), m_number);
    form->addRow(tr("&Service:"), m_event);
    form->addRow(tr("&Rating:"), m_level);
    form->addRow(tr("Came &as:"), m_channel);
    form->addRow(tr("&Comment:"), m_comment);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_record, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_record, &QPushButton::clicked, this, &RatingEntryDialog::record);
    say(QString());
}

void RatingEntryDialog::record()
{
    if (m_number->text().trimmed().isEmpty()) {
        say(tr("Type the case number from the form or the message."));
        m_number->setFocus();
        return;
    }
    m_record->setEnabled(false);
    say(tr("Recording…"));
    m_cases->findCaseId(m_number->text(), [this](const models::ApiResult<QString> &found) {
        if (!found.ok()) {
            m_record->setEnabled(true);
            say(found.error.status == 404 ? tr("No case %1 in your hall.").arg(m_number->text().trimmed())
                                          : found.error.userMessage());
            return;
        }
        models::Rating rating;
        rating.event = m_event->currentData().toString();
        rating.level = m_level->currentData().toInt();
        rating.channel = m_channel->currentData().toString();
        rating.comment = m_comment->text().trimmed();
        m_cases->rate(*found.value, rating, [this](const models::ApiResult<QJsonObject> &r) {
            m_record->setEnabled(true);
            if (!r.ok()) {
                say(r.error.userMessage());
                return;
            }
            accept();
        }, this);
    }, this);
}

void RatingEntryDialog::say(const QString &text)
{
    showMessage(m_message, text);
}

} // namespace onewindow::client
