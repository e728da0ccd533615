#include "userspage.h"

#include "models/apiclient.h"
#include "models/formatting.h"
#include "models/useradmin.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTableView>
#include <QVBoxLayout>

namespace onewindow::client {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

/// Fills `combo` with the codes and names of GET `path` ({items: [{code, name}]}), `current` chosen;
/// then `loaded` with the error, empty when none.
void fillFrom(models::ApiClient *api, const QString &path, QComboBox *combo, const QString &current,
              std::function<void(const QString &error)> loaded)
{
    combo->addItem(QObject::tr("None"), QString());
    api->get(path, [combo, current, loaded](const models::ApiResponse &r) {
        for (const auto &i : r.object().value(QLatin1String("items")).toArray()) {
            const QJsonObject o = i.toObject();
            combo->addItem(QStringLiteral("%1 %2").arg(text(o, "code"), text(o, "name")), text(o, "code"));
        }
        combo->setCurrentIndex(qMax(0, combo->findData(current)));
        loaded(r.error.isError() ? r.error.userMessage() : QString());
    }, combo);
}

} // namespace

// ── The account form ─────────────────────────────────────────────────────────────────────────

UserDialog::UserDialog(models::ApiClient *api, const QJsonObject &user, QWidget *parent)
    : QDialog(parent)
    , m_user(user)
    , m_username(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_center(new QComboBox(this))
    , m_department(new QComboBox(this))
    , m_phone(new QLineEdit(this))
    , m_disabled(new QCheckBox(tr("Account &disabled"), this))
    , m_error(new QLabel(this))
{
    const bool creating = user.isEmpty();
    setWindowTitle(creating ? tr("New user") : tr("User %1").arg(text(user, "username")));
    m_username->setText(text(user, "username"));
    m_username->setEnabled(creating);
    m_username->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[a-z][a-z0-9._-]{0,31}")), this));
    m_username->setAccessibleName(tr("Username"));
    m_name->setText(text(user, "displayName"));
    m_name->setAccessibleName(tr("Name"));
    m_name->setMaxLength(100);
    for (const QString &role : models::roleCodes())
        m_role->addItem(models::roleText(role), role);
    m_role->setCurrentIndex(qMax(0, m_role->findData(text(user, "role"))));
    m_role->setAccessibleName(tr("Role"));
    // Saved only once both lists are in: a user's centre or department is not lost to a list
    // still on its way.
    const auto loaded = [this](const QString &error) {
        if (!error.isEmpty())
            return showError(error);
        if (++m_listsLoaded == 2)
            m_ok->setEnabled(true);
    };
    fillFrom(api, QStringLiteral("/centers"), m_center, text(user, "center"), loaded);
    m_center->setAccessibleName(tr("Centre"));
    fillFrom(api, QStringLiteral("/departments"), m_department, text(user, "department"), loaded);
    m_department->setAccessibleName(tr("Department"));
    m_phone->setText(text(user, "phone"));
    m_phone->setAccessibleName(tr("Phone"));
    m_disabled->setChecked(user.value(QLatin1String("disabled")).toBool());
    m_disabled->setAccessibleName(tr("Account disabled"));
    m_disabled->setVisible(!creating);
    m_error->setWordWrap(true);
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Role:"), m_role);
    form->addRow(tr("&Centre:"), m_center);
    form->addRow(tr("De&partment:"), m_department);
    form->addRow(tr("P&hone:"), m_phone);
    form->addRow(QString(), m_disabled);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setEnabled(m_listsLoaded == 2);
    m_ok->setText(creating ? tr("C&reate") : tr("&Save"));
    m_ok->setAccessibleName(creating ? tr("Create the user") : tr("Save the user"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &UserDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_role, &QComboBox::currentIndexChanged, this, &UserDialog::updatePlace);
    updatePlace();
}

UserDialog::~UserDialog() = default;

void UserDialog::submit()
{
    if (!m_submit)
        return accept();
    if (m_listsLoaded < 2)
        return;
    m_ok->setEnabled(false);
    showError(tr("Sending…"));
    // The dialog may be closed before the server answers.
    m_submit(fields(), [self = QPointer<UserDialog>(this)](const QString &error) {
        if (!self)
            return;
        self->m_ok->setEnabled(self->m_listsLoaded == 2);
        self->showError(error);
        if (error.isEmpty())
            self->accept();
    });
}

void UserDialog::updatePlace()
{
    // A counter works at a centre, an approver in a department; the others at neither.
    const QString role = m_role->currentData().toString();
    const bool atCenter = role == QLatin1String("clerk") || role == QLatin1String("agent") || role == QLatin1String("supervisor");
    m_center->setEnabled(atCenter);
    m_department->setEnabled(role == QLatin1String("approver"));
}

QJsonObject UserDialog::fields() const
{
    const QString role = m_role->currentData().toString();
    QJsonObject out{{QStringLiteral("displayName"), m_name->text().trimmed()}, {QStringLiteral("role"), role}};
    const QString center = m_center->isEnabled() ? m_center->currentData().toString() : QString();
    const QString department = m_department->isEnabled() ? m_department->currentData().toString() : QString();
    out.insert(QStringLiteral("center"), center.isEmpty() ? QJsonValue() : QJsonValue(center));
    out.insert(QStringLiteral("department"), department.isEmpty() ? QJsonValue() : QJsonValue(department));
    out.insert(QStringLiteral("phone"), m_phone->text().trimmed().isEmpty() ? QJsonValue() : QJsonValue(m_phone->text().trimmed()));
    if (m_user.isEmpty())
        out.insert(QStringLiteral("username"), m_username->text().trimmed());
    else
        out.insert(QStringLiteral("disabled"), m_disabled->isChecked());
    return out;
}

void UserDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setAccessibleName(message);
    m_error->setVisible(!message.isEmpty());
}

// ── The page ─────────────────────────────────────────────────────────────────────────────────

UsersPage::UsersPage(models::ApiClient *api, QWidget *parent)
    : WorkbenchPageWidget(parent)
    , m_api(api)
    , m_model(new models::UserListModel(api, this))
    , m_admin(new models::UserAdmin(api, this))
    , m_searchLabel(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_new(new QPushButton(this))
    , m_edit(new QPushButton(this))
    , m_reset(new QPushButton(this))
    , m_table(makeTable(this))
    , m_message(makeMessage(this))
{
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(models::UserListModel::State, QHeaderView::Stretch);
    m_searchLabel->setBuddy(m_search);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_searchLabel);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_new);
    bar->addWidget(m_edit);
    bar->addWidget(m_reset);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &t) { m_model->search(t); });
    connect(m_new, &QPushButton::clicked, this, &UsersPage::newUser);
    connect(m_edit, &QPushButton::clicked, this, &UsersPage::editUser);
    connect(m_table, &QTableView::activated, this, &UsersPage::editUser);
    connect(m_reset, &QPushButton::clicked, this, [this] {
        const QString username = currentUsername();
        if (username.isEmpty())
            return showMessage(m_message, tr("Choose a user first."));
        if (QMessageBox::question(this, tr("Reset password"),
                                  tr("Give %1 a new one-time password? Their sessions end, and they choose their own "
                                     "at the next sign-in.").arg(username))
            == QMessageBox::Yes)
            resetPassword(username);
    });
    connect(m_model, &models::ApiListModel::failed, this, [this](const QString &message) { showMessage(m_message, message); });
    retranslate();
}

UsersPage::~UsersPage() = default;

void UsersPage::refresh()
{
    m_model->search(m_search->text());
}

void UsersPage::focusFirst()
{
    m_search->setFocus();
}

QString UsersPage::currentUsername() const
{
    const QModelIndex index = m_table->currentIndex();
    return index.isValid() ? index.data(models::UserListModel::UsernameRole).toString() : QString();
}

void UsersPage::newUser()
{
    const auto dialog = userDialog({});
    dialog->exec();
}

void UsersPage::editUser()
{
    const QString username = currentUsername();
    if (username.isEmpty())
        return showMessage(m_message, tr("Choose a user first."));
    const auto dialog = userDialog(username);
    dialog->exec();
}

std::unique_ptr<UserDialog> UsersPage::userDialog(const QString &username)
{
    QJsonObject user;
    for (int row = 0; row < m_model->rowCount() && !username.isEmpty(); ++row) {
        if (m_model->index(row, 0).data(models::UserListModel::UsernameRole).toString() == username)
            user = m_model->index(row, 0).data(models::UserListModel::ItemRole).toJsonObject();
    }
    auto dialog = std::make_unique<UserDialog>(m_api, user, this);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setSubmit([this, username](const QJsonObject &fields, std::function<void(const QString &)> result) {
        const auto answered = [this, result, username](const QJsonObject &answer, const models::ApiError &error) {
            if (error.isError()) {
                QString message = error.userMessage();
                for (const auto &f : error.fieldErrors)
                    message += QStringLiteral("\n• %1: %2").arg(f.field, models::ApiError::fieldMessage(f));
                result(message);
                return;
            }
            result({});
            if (username.isEmpty()) {
                const QJsonObject created = answer.value(QLatin1String("user")).toObject();
                refresh();
                showOneTimePassword(text(created, "username"), text(answer, "oneTimePassword"));
            } else {
                m_model->update(answer);
                showMessage(m_message, tr("%1 saved.").arg(username));
            }
        };
        if (username.isEmpty())
            m_admin->create(fields, answered);
        else
            m_admin->change(username, fields, answered);
    });
    return dialog;
}

void UsersPage::resetPassword(const QString &username)
{
    m_admin->resetPassword(username, [this, username](const QJsonObject &answer, const models::ApiError &error) {
        if (error.isError())
            return showMessage(m_message, error.userMessage());
        refresh();
        showOneTimePassword(username, text(answer, "oneTimePassword"));
    });
}

void UsersPage::showOneTimePassword(const QString &username, const QString &password)
{
    m_lastOneTimePassword = password;
    // Shown once, here: hand it over in person; it is changed at the first sign-in.
    const QString message = tr("The one-time password of %1 is:\n\n%2\n\nHand it over in person. %1 chooses "
                               "their own password at the first sign-in.")
                                .arg(username, password);
    showMessage(m_message, tr("One-time password given to %1.").arg(username));
    auto *box = new QMessageBox(QMessageBox::Information, tr("One-time password"), message, QMessageBox::Ok, this);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->open();
}

void UsersPage::retranslate()
{
    m_searchLabel->setText(tr("&Find:"));
    m_search->setPlaceholderText(tr("Username or name"));
    m_search->setAccessibleName(tr("Find a user"));
    m_new->setText(tr("&New user…"));
    m_new->setAccessibleName(tr("New user"));
    m_edit->setText(tr("&Edit…"));
    m_edit->setAccessibleName(tr("Edit the user"));
    m_reset->setText(tr("&Reset password…"));
    m_reset->setAccessibleName(tr("Reset the password"));
    m_table->setAccessibleName(tr("Users"));
}

} // namespace onewindow::client
