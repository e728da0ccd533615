#include "changepassworddialog.h"

#include "models/apierror.h"
#include "models/session.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace onewindow::client {

ChangePasswordDialog::ChangePasswordDialog(models::Session *session, bool required, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_intro(new QLabel(this))
    , m_old(new QLineEdit(this))
    , m_new(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Change password"));
    m_intro->setWordWrap(true);
    m_intro->setText(required ? tr("Your password was given to you by the security administrator, or it has expired: "
                                   "choose your own before you go on. Cancel signs you out.")
                              : tr("Choose a new password."));
    m_intro->setText(m_intro->text() + QLatin1Char(' ')
                     + tr("At least %1 characters, with three of: small letters, capital letters, digits, other "
                          "signs; not your username, not one of your last %n.", nullptr,
                          session->user().passwordHistory)
                           .arg(session->user().passwordMinLength));
    m_error->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("changePasswordError"));
    m_error->hide();
    for (QLineEdit *edit : {m_old, m_new, m_repeat})
        edit->setEchoMode(QLineEdit::Password);
    m_old->setAccessibleName(tr("Current password"));
    m_new->setAccessibleName(tr("New password"));
    m_repeat->setAccessibleName(tr("New password again"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Change password"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Change password"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(required ? tr("Sign &out") : tr("Cancel"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(required ? tr("Sign out") : tr("Cancel"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Current password:"), m_old);
    form->addRow(tr("&New password:"), m_new);
    form->addRow(tr("New password &again:"), m_repeat);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ChangePasswordDialog::change);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_old->setFocus();
}

ChangePasswordDialog::~ChangePasswordDialog() = default;

bool ChangePasswordDialog::changeIfRequired(models::Session *session, QWidget *parent)
{
    if (session->isOffline() || !session->user().mustChangePassword)
        return true;
    ChangePasswordDialog dialog(session, true, parent);
    if (parent)
        dialog.setWindowModality(Qt::WindowModal);
    return dialog.exec() == QDialog::Accepted;
}

void ChangePasswordDialog::change()
{
    const auto say = [this](const QString &message, QLineEdit *field) {
        m_error->setText(message);
        m_error->setAccessibleName(message);
        m_error->setVisible(!message.isEmpty());
        if (field) {
            field->selectAll();
            field->setFocus();
        }
    };
    if (m_new->text() != m_repeat->text())
        return say(tr("The new password and its repetition differ."), m_repeat);
    if (m_old->text().isEmpty() || m_new->text().isEmpty())
        return say(tr("Type your current password and the new one."), m_old->text().isEmpty() ? m_old : m_new);
    m_buttons->setEnabled(false);
    say(tr("Changing…"), nullptr);
    m_session->changePassword(m_old->text(), m_new->text(), [this, say](const models::ApiError &error) {
        m_buttons->setEnabled(true);
        if (!error.isError()) {
            accept();
            return;
        }
        QString message = error.userMessage();
        QLineEdit *field = nullptr;
        for (const auto &f : error.fieldErrors) {
            message = models::ApiError::fieldMessage(f);
            field = f.field == QLatin1String("oldPassword") ? m_old : m_new;
        }
        say(message, field);
    });
}

} // namespace onewindow::client
