#include "placespage.h"

#include "adminwidgets.h"

#include "models/matteradmin.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTableWidget>
#include <QVBoxLayout>

namespace onewindow::client {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject withCode(const QJsonArray &items, const QString &code)
{
    for (const auto &v : items) {
        if (text(v.toObject(), "code") == code)
            return v.toObject();
    }
    return {};
}

/// OK sends through `submit`; the form stays with the server's problem, or closes.
template <typename Dialog>
void sendForm(Dialog *dialog, QPushButton *ok, QLabel *error,
              const std::function<void(std::function<void(const QString &)>)> &send)
{
    ok->setEnabled(false);
    showMessage(error, QCoreApplication::translate("onewindow::client::PlacesPage", "Saving…"));
    send([self = QPointer<Dialog>(dialog), ok, error](const QString &problem) {
        if (!self)
            return;
        ok->setEnabled(true);
        showMessage(error, problem);
        if (problem.isEmpty())
            self->accept();
    });
}

} // namespace

// ── A centre ─────────────────────────────────────────────────────────────────────────────────

CenterDialog::CenterDialog(const QJsonObject &center, const QJsonArray &halls, QWidget *parent)
    : QDialog(parent)
    , m_code(new QLineEdit(text(center, "code"), this))
    , m_name(new QLineEdit(text(center, "name"), this))
    , m_kind(new QComboBox(this))
    , m_parent(new QComboBox(this))
    , m_error(makeMessage(this))
{
    const bool creating = center.isEmpty();
    setWindowTitle(creating ? tr("New centre") : tr("Centre %1").arg(text(center, "code")));
    m_code->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Z0-9][A-Z0-9_-]{0,31}")), this));
    m_code->setEnabled(creating);
    m_code->setAccessibleName(tr("Centre code"));
    m_name->setAccessibleName(tr("Centre name"));
    m_kind->addItem(tr("Hall (行政审批局)"), QStringLiteral("hall"));
    m_kind->addItem(tr("Village centre (便民服务中心)"), QStringLiteral("village"));
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(text(center, "kind"))));
    m_kind->setEnabled(creating);
    m_kind->setAccessibleName(tr("Kind"));
    for (const auto &v : halls) {
        const QJsonObject h = v.toObject();
        m_parent->addItem(QStringLiteral("%1 %2").arg(text(h, "code"), text(h, "name")), text(h, "code"));
    }
    m_parent->setCurrentIndex(qMax(0, m_parent->findData(text(center, "parent"))));
    m_parent->setAccessibleName(tr("Its hall"));
    const auto update = [this, creating] { m_parent->setEnabled(creating && m_kind->currentData() == QLatin1String("village")); };
    connect(m_kind, &QComboBox::currentIndexChanged, this, update);
    update();
    auto *form = new QFormLayout;
    form->addRow(tr("C&ode:"), m_code);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("Its &hall:"), m_parent);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setAccessibleName(tr("Save the centre"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &CenterDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QJsonObject CenterDialog::center() const
{
    const bool village = m_kind->currentData() == QLatin1String("village");
    return {{QStringLiteral("code"), m_code->text().trimmed()},
            {QStringLiteral("name"), m_name->text().trimmed()},
            {QStringLiteral("kind"), m_kind->currentData().toString()},
            {QStringLiteral("parent"), village ? QJsonValue(m_parent->currentData().toString()) : QJsonValue()}};
}

void CenterDialog::submit()
{
    if (m_code->text().trimmed().isEmpty() || m_name->text().trimmed().isEmpty())
        return showMessage(m_error, tr("A centre needs a code (capital letters, digits, - and _) and a name."));
    if (!m_submit)
        return accept();
    sendForm<CenterDialog>(this, m_ok, m_error, [this](std::function<void(const QString &)> result) {
        m_submit(center(), std::move(result));
    });
}

// ── A bundle ─────────────────────────────────────────────────────────────────────────────────

BundleDialog::BundleDialog(const QJsonObject &bundle, const QJsonArray &matters, QWidget *parent)
    : QDialog(parent)
    , m_code(new QLineEdit(text(bundle, "code"), this))
    , m_name(new QLineEdit(text(bundle, "name"), this))
    , m_matters(new QListWidget(this))
    , m_error(makeMessage(this))
{
    const bool creating = bundle.isEmpty();
    setWindowTitle(creating ? tr("New bundle") : tr("Bundle %1").arg(text(bundle, "name")));
    m_code->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Z0-9][A-Z0-9_-]{0,31}")), this));
    m_code->setEnabled(creating);
    m_code->setAccessibleName(tr("Bundle code"));
    m_name->setAccessibleName(tr("Bundle name"));
    m_matters->setAccessibleName(tr("Matters of the bundle"));
    QStringList ticked;
    for (const auto &m : bundle.value(QLatin1String("matters")).toArray())
        ticked << (m.isObject() ? text(m.toObject(), "code") : m.toString());
    for (const auto &v : matters) {
        const QJsonObject m = v.toObject();
        auto *item = new QListWidgetItem(QStringLiteral("%1 %2").arg(text(m, "code"), text(m, "name")), m_matters);
        item->setData(Qt::UserRole, text(m, "code"));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(ticked.contains(text(m, "code")) ? Qt::Checked : Qt::Unchecked);
    }
    auto *form = new QFormLayout;
    form->addRow(tr("C&ode:"), m_code);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Matters (Space ticks):"), m_matters);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setAccessibleName(tr("Save the bundle"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &BundleDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(560, 520);
}

QString BundleDialog::code() const
{
    return m_code->text().trimmed();
}

QString BundleDialog::name() const
{
    return m_name->text().trimmed();
}

QStringList BundleDialog::matters() const
{
    QStringList out;
    for (int i = 0; i < m_matters->count(); ++i) {
        if (m_matters->item(i)->checkState() == Qt::Checked)
            out << m_matters->item(i)->data(Qt::UserRole).toString();
    }
    return out;
}

void BundleDialog::setTicked(const QString &matter, bool ticked)
{
    for (int i = 0; i < m_matters->count(); ++i) {
        if (m_matters->item(i)->data(Qt::UserRole).toString() == matter)
            m_matters->item(i)->setCheckState(ticked ? Qt::Checked : Qt::Unchecked);
    }
}

void BundleDialog::submit()
{
    if (code().isEmpty() || name().isEmpty())
        return showMessage(m_error, tr("A bundle needs a code and a name."));
    if (matters().size() < 2)
        return showMessage(m_error, tr("Tick two matters or more: a bundle is applied for together."));
    if (!m_submit)
        return accept();
    sendForm<BundleDialog>(this, m_ok, m_error, [this](std::function<void(const QString &)> result) { m_submit(std::move(result)); });
}

// ── The page ─────────────────────────────────────────────────────────────────────────────────

PlacesPage::PlacesPage(models::ApiClient *api, QWidget *parent)
    : WorkbenchPageWidget(parent)
    , m_admin(new models::CatalogAdmin(api, this))
    , m_centers(makeRowsTable({tr("Code"), tr("Name"), tr("Kind"), tr("Hall")}, this))
    , m_bundles(makeRowsTable({tr("Code"), tr("Name"), tr("Matters")}, this))
    , m_newCenter(new QPushButton(this))
    , m_editCenter(new QPushButton(this))
    , m_newBundle(new QPushButton(this))
    , m_editBundle(new QPushButton(this))
    , m_message(makeMessage(this))
{
    m_message->setObjectName(QStringLiteral("placesMessage"));
    auto *centerButtons = new QHBoxLayout;
    centerButtons->addWidget(m_newCenter);
    centerButtons->addWidget(m_editCenter);
    centerButtons->addStretch(1);
    auto *bundleButtons = new QHBoxLayout;
    bundleButtons->addWidget(m_newBundle);
    bundleButtons->addWidget(m_editBundle);
    bundleButtons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_centers, 1);
    layout->addLayout(centerButtons);
    layout->addWidget(m_bundles, 1);
    layout->addLayout(bundleButtons);
    layout->addWidget(m_message);
    const auto current = [](QTableWidget *table) {
        return table->currentRow() >= 0 ? table->item(table->currentRow(), 0)->text() : QString();
    };
    connect(m_newCenter, &QPushButton::clicked, this, [this] { centerDialog({})->exec(); });
    connect(m_newBundle, &QPushButton::clicked, this, [this] { bundleDialog({})->exec(); });
    const auto editCenter = [this, current] {
        if (current(m_centers).isEmpty())
            return showMessage(m_message, tr("Choose a centre first."));
        centerDialog(current(m_centers))->exec();
    };
    const auto editBundle = [this, current] {
        if (current(m_bundles).isEmpty())
            return showMessage(m_message, tr("Choose a bundle first."));
        bundleDialog(current(m_bundles))->exec();
    };
    connect(m_editCenter, &QPushButton::clicked, this, editCenter);
    connect(m_centers, &QTableWidget::cellActivated, this, editCenter);
    connect(m_editBundle, &QPushButton::clicked, this, editBundle);
    connect(m_bundles, &QTableWidget::cellActivated, this, editBundle);
    retranslate();
}

PlacesPage::~PlacesPage() = default;

void PlacesPage::refresh()
{
    m_pending = 3;
    const auto part = [this](QJsonArray *into) {
        return [this, into](const QJsonObject &answer, const models::ApiError &error) {
            if (error.isError())
                showMessage(m_message, error.userMessage());
            else
                *into = answer.value(QLatin1String("items")).toArray();
            if (--m_pending == 0)
                fill();
        };
    };
    m_admin->centers(part(&m_centerItems));
    m_admin->bundles(part(&m_bundleItems));
    m_admin->matters(part(&m_matterItems));
}

void PlacesPage::fill()
{
    m_centers->setRowCount(static_cast<int>(m_centerItems.size()));
    for (int row = 0; row < m_centerItems.size(); ++row) {
        const QJsonObject c = m_centerItems.at(row).toObject();
        const QString kind = text(c, "kind") == QLatin1String("hall") ? tr("Hall") : tr("Village centre");
        const QStringList cells{text(c, "code"), text(c, "name"), kind, text(c, "parent")};
        for (int column = 0; column < cells.size(); ++column)
            m_centers->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    m_bundles->setRowCount(static_cast<int>(m_bundleItems.size()));
    for (int row = 0; row < m_bundleItems.size(); ++row) {
        const QJsonObject b = m_bundleItems.at(row).toObject();
        QStringList matters;
        for (const auto &m : b.value(QLatin1String("matters")).toArray())
            matters << (m.isObject() ? text(m.toObject(), "code") : m.toString());
        const QStringList cells{text(b, "code"), text(b, "name"), matters.join(QStringLiteral("、"))};
        for (int column = 0; column < cells.size(); ++column)
            m_bundles->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    m_centers->resizeColumnsToContents();
    m_bundles->resizeColumnsToContents();
    emit loaded();
}

void PlacesPage::focusFirst()
{
    m_centers->setFocus();
}

std::unique_ptr<CenterDialog> PlacesPage::centerDialog(const QString &code)
{
    QJsonArray halls;
    for (const auto &v : m_centerItems) {
        if (text(v.toObject(), "kind") == QLatin1String("hall"))
            halls.append(v);
    }
    auto dialog = std::make_unique<CenterDialog>(withCode(m_centerItems, code), halls, this);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setSubmit([this](const QJsonObject &center, std::function<void(const QString &)> result) {
        m_admin->saveCenter(center, [this, center, result](const QJsonObject &, const models::ApiError &error) {
            if (error.isError())
                return result(problemText(error));
            result({});
            showMessage(m_message, tr("Centre %1 saved.").arg(text(center, "code")));
            refresh();
        });
    });
    return dialog;
}

std::unique_ptr<BundleDialog> PlacesPage::bundleDialog(const QString &code)
{
    const QJsonObject bundle = withCode(m_bundleItems, code);
    auto dialog = std::make_unique<BundleDialog>(bundle, m_matterItems, this);
    dialog->setWindowModality(Qt::WindowModal);
    BundleDialog *form = dialog.get();
    const bool creating = bundle.isEmpty();
    dialog->setSubmit([this, form, creating](std::function<void(const QString &)> result) {
        const QString saved = form->code();
        m_admin->saveBundle(saved, form->name(), form->matters(), creating,
                            [this, saved, result](const QJsonObject &, const models::ApiError &error) {
                                if (error.isError())
                                    return result(problemText(error));
                                result({});
                                showMessage(m_message, tr("Bundle %1 saved.").arg(saved));
                                refresh();
                            });
    });
    return dialog;
}

void PlacesPage::retranslate()
{
    m_centers->setAccessibleName(tr("Centres"));
    m_bundles->setAccessibleName(tr("Bundles"));
    m_newCenter->setText(tr("New &centre…"));
    m_newCenter->setAccessibleName(tr("New centre"));
    m_editCenter->setText(tr("&Rename centre…"));
    m_editCenter->setAccessibleName(tr("Rename the centre"));
    m_newBundle->setText(tr("New &bundle…"));
    m_newBundle->setAccessibleName(tr("New bundle"));
    m_editBundle->setText(tr("&Edit bundle…"));
    m_editBundle->setAccessibleName(tr("Edit the bundle"));
}

} // namespace onewindow::client
