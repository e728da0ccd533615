#include "signindialog.h"

#include "languages.h"
#include "ui_signindialog.h"

#include "models/session.h"

#include <QEvent>
#include <QSettings>
#include <QUrl>

namespace onewindow::client {

SignInDialog::SignInDialog(models::Session *session, Languages *languages, Mode mode, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::SignInDialog>()), m_session(session), m_languages(languages), m_mode(mode)
{
    m_ui->setupUi(this);
    // Sized without measuring every item: that would load the CJK font before the dialog shows,
    // even for a clerk who works in English.
    m_ui->languageCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_ui->languageCombo->setMinimumContentsLength(12);
    for (const QString &code : Languages::available())
        m_ui->languageCombo->addItem(Languages::nativeName(code), code);
    m_ui->languageCombo->setCurrentIndex(qMax(0, m_ui->languageCombo->findData(languages->current())));
    m_ui->serverEdit->setText(QSettings().value(QStringLiteral("server/url")).toString());
    m_ui->usernameEdit->setText(QSettings().value(QStringLiteral("server/lastUser")).toString());
    m_ui->errorLabel->hide();
    if (mode == Mode::Reauthenticate) {
        m_ui->serverEdit->setEnabled(false);
        m_ui->usernameEdit->setEnabled(false);
        m_ui->languageCombo->setEnabled(false);
    }

    connect(m_ui->signInButton, &QPushButton::clicked, this, &SignInDialog::signIn);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_ui->languageCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_languages->apply(m_ui->languageCombo->itemData(index).toString());
    });

    if (m_ui->serverEdit->text().isEmpty())
        m_ui->serverEdit->setFocus();
    else if (m_ui->usernameEdit->text().isEmpty())
        m_ui->usernameEdit->setFocus();
    else
        m_ui->passwordEdit->setFocus();
}

SignInDialog::~SignInDialog() = default;

void SignInDialog::setServer(const QString &url)
{
    m_ui->serverEdit->setText(url);
    (m_ui->usernameEdit->text().isEmpty() ? m_ui->usernameEdit : m_ui->passwordEdit)->setFocus();
}

void SignInDialog::setUsername(const QString &username)
{
    m_ui->usernameEdit->setText(username);
    m_ui->passwordEdit->setFocus();
}

void SignInDialog::setMessage(const QString &message)
{
    showError(message);
}

void SignInDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_ui->retranslateUi(this);
    QDialog::changeEvent(event);
}

void SignInDialog::signIn()
{
    const QUrl server = QUrl::fromUserInput(m_ui->serverEdit->text().trimmed());
    if (!server.isValid() || server.host().isEmpty()
        || (server.scheme() != QLatin1String("http") && server.scheme() != QLatin1String("https"))) {
        showError(tr("Enter the server's address, for example https://onewindow.example:8443."));
        m_ui->serverEdit->setFocus();
        return;
    }
    if (m_ui->usernameEdit->text().trimmed().isEmpty() || m_ui->passwordEdit->text().isEmpty()) {
        showError(tr("Enter your username and password."));
        (m_ui->usernameEdit->text().trimmed().isEmpty() ? m_ui->usernameEdit : m_ui->passwordEdit)->setFocus();
        return;
    }
    m_session->api()->setBaseUrl(server);
    setBusy(true);
    const QString username = m_ui->usernameEdit->text().trimmed();
    m_session->signIn(username, m_ui->passwordEdit->text(), [this, server, username](const models::ApiError &error) {
        setBusy(false);
        if (error.isError()) {
            showError(error.userMessage());
            m_ui->passwordEdit->selectAll();
            m_ui->passwordEdit->setFocus();
            return;
        }
        QSettings settings;
        settings.setValue(QStringLiteral("server/url"), server.toString());
        settings.setValue(QStringLiteral("server/lastUser"), username);
        m_ui->passwordEdit->clear();
        accept();
    });
}

void SignInDialog::showError(const QString &message)
{
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->setAccessibleDescription(message);
    m_ui->errorLabel->setVisible(!message.isEmpty());
}

void SignInDialog::setBusy(bool busy)
{
    m_ui->signInButton->setEnabled(!busy);
    m_ui->signInButton->setText(busy ? tr("Signing in…") : tr("Sign in"));
    if (busy)
        showError({});
}

} // namespace onewindow::client
