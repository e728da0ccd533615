#include "matterspage.h"

#include "adminwidgets.h"
#include "asyncfiles.h"

#include "intake/fieldeditors.h"
#include "models/apiclient.h"
#include "models/matteradmin.h"
#include "models/serverclock.h"
#include "plugins/sdk/capabilities.h"
#include "plugins/sdk/registries.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QSplitter>
#include <QStringListModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace onewindow::client {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString yesNo(bool value)
{
    return value ? QCoreApplication::translate("onewindow::client::DraftDialog", "yes") : QString();
}

/// How a material is taken in, in a few words: "core", "may be brought within 5 working days".
QString materialRule(const QJsonObject &m)
{
    QStringList parts;
    if (m.value(QLatin1String("core")).toBool())
        parts << QCoreApplication::translate("onewindow::client::MattersAdminPage", "core");
    if (!m.value(QLatin1String("required")).toBool(true))
        parts << QCoreApplication::translate("onewindow::client::MattersAdminPage", "optional");
    if (m.value(QLatin1String("deficiencyAllowed")).toBool()) {
        const int days = m.value(QLatin1String("maxDeficiencyDays")).toInt();
        parts << (days > 0 ? QCoreApplication::translate("onewindow::client::MattersAdminPage", "may be brought later, within %n working day(s)", nullptr, days)
                           : QCoreApplication::translate("onewindow::client::MattersAdminPage", "may be brought later"));
    }
    if (!text(m, "eLicenseType").isEmpty())
        parts << QCoreApplication::translate("onewindow::client::MattersAdminPage", "electronic licence %1").arg(text(m, "eLicenseType"));
    return parts.join(QLatin1String(", "));
}

} // namespace

// ── One material ─────────────────────────────────────────────────────────────────────────────

MaterialDialog::MaterialDialog(const QJsonObject &material, const sdk::Registries *registries, QWidget *parent)
    : QDialog(parent)
    , m_material(material)
    , m_code(new QLineEdit(text(material, "code"), this))
    , m_name(new QLineEdit(text(material, "name"), this))
    , m_core(new QCheckBox(tr("&Core material (never brought later)"), this))
    , m_required(new QCheckBox(tr("&Required"), this))
    , m_deficiency(new QCheckBox(tr("May be brought &later (accepted with deficiency)"), this))
    , m_days(new QSpinBox(this))
    , m_license(new QLineEdit(text(material, "eLicenseType"), this))
    , m_licenseHint(new QLabel(this))
    , m_error(makeMessage(this))
    , m_registries(registries)
{
    setWindowTitle(material.isEmpty() ? tr("New material") : tr("Material %1").arg(text(material, "name")));
    m_code->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Z0-9_]{1,40}")), this));
    m_code->setAccessibleName(tr("Material code"));
    m_name->setAccessibleName(tr("Material name"));
    m_core->setChecked(material.value(QLatin1String("core")).toBool());
    m_core->setAccessibleName(tr("Core material"));
    m_required->setChecked(material.value(QLatin1String("required")).toBool(true));
    m_required->setAccessibleName(tr("Required"));
    m_deficiency->setChecked(material.value(QLatin1String("deficiencyAllowed")).toBool());
    m_deficiency->setAccessibleName(tr("May be brought later"));
    m_days->setRange(0, 60);
    m_days->setValue(material.value(QLatin1String("maxDeficiencyDays")).toInt());
    m_days->setSpecialValueText(tr("the matter's limit"));
    m_days->setAccessibleName(tr("Working days to bring it"));
    m_license->setAccessibleName(tr("Electronic licence type"));
    // What the department plugins know stands for this material, for the code as typed.
    m_licenseHint->setWordWrap(true);
    auto *completer = new QCompleter(new QStringListModel(this), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_license->setCompleter(completer);
    const auto suggest = [this, completer] {
        const QStringList types =
            m_registries ? m_registries->licenseTypesFor(m_code->text().trimmed()) : QStringList();
        qobject_cast<QStringListModel *>(completer->model())->setStringList(types);
        const QString hint = types.isEmpty()
                                 ? QString()
                                 : tr("Department plugins name these electronic licences for this material: %1")
                                       .arg(types.join(QStringLiteral("、")));
        m_licenseHint->setText(hint);
        m_licenseHint->setAccessibleName(hint);
        m_licenseHint->setVisible(!hint.isEmpty());
        m_license->setPlaceholderText(types.isEmpty() ? QString() : types.first());
    };
    connect(m_code, &QLineEdit::textChanged, this, suggest);
    suggest();
    // A core material is never deficient.
    const auto update = [this] {
        m_deficiency->setEnabled(!m_core->isChecked());
        if (m_core->isChecked())
            m_deficiency->setChecked(false);
        m_days->setEnabled(m_deficiency->isChecked());
    };
    connect(m_core, &QCheckBox::toggled, this, update);
    connect(m_deficiency, &QCheckBox::toggled, this, update);
    update();

    auto *form = new QFormLayout;
    form->addRow(tr("C&ode:"), m_code);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_core);
    form->addRow(QString(), m_required);
    form->addRow(QString(), m_deficiency);
    form->addRow(tr("&Working days to bring it:"), m_days);
    form->addRow(tr("&Electronic licence:"), m_license);
    form->addRow(QString(), m_licenseHint);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Keep the material"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &MaterialDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QJsonObject MaterialDialog::material() const
{
    QJsonObject m = m_material;
    m.insert(QStringLiteral("code"), m_code->text().trimmed());
    m.insert(QStringLiteral("name"), m_name->text().trimmed());
    m.insert(QStringLiteral("core"), m_core->isChecked());
    m.insert(QStringLiteral("required"), m_required->isChecked());
    m.insert(QStringLiteral("deficiencyAllowed"), m_deficiency->isChecked());
    m.insert(QStringLiteral("maxDeficiencyDays"), m_deficiency->isChecked() ? m_days->value() : 0);
    if (m_license->text().trimmed().isEmpty())
        m.remove(QStringLiteral("eLicenseType"));
    else
        m.insert(QStringLiteral("eLicenseType"), m_license->text().trimmed());
    return m;
}

void MaterialDialog::submit()
{
    if (m_code->text().trimmed().isEmpty() || m_name->text().trimmed().isEmpty())
        return showMessage(m_error, tr("A material needs a code (capital letters, digits, _) and a name."));
    accept();
}

// ── One field ────────────────────────────────────────────────────────────────────────────────

FieldDialog::FieldDialog(const QJsonObject &field, QWidget *parent)
    : QDialog(parent)
    , m_key(new QLineEdit(text(field, "key"), this))
    , m_label(new QLineEdit(text(field, "label"), this))
    , m_type(new QComboBox(this))
    , m_required(new QCheckBox(tr("&Required"), this))
    , m_error(makeMessage(this))
{
    setWindowTitle(field.isEmpty() ? tr("New field") : tr("Field %1").arg(text(field, "label")));
    m_key->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[a-z][A-Za-z0-9_]{0,40}")), this));
    m_key->setAccessibleName(tr("Field key"));
    m_label->setAccessibleName(tr("Field label"));
    // Every type the server checks (api/openapi.yaml, FormFieldType): a field keeps its type when edited.
    for (const char *type : {"text", "multiline", "id_number", "credit_code", "phone", "number", "money", "date",
                             "registered_capital", "business_scope", "property_certificate", "birth_certificate"})
        m_type->addItem(QString::fromLatin1(type), QString::fromLatin1(type));
    m_type->setCurrentIndex(qMax(0, m_type->findData(text(field, "type"))));
    m_type->setAccessibleName(tr("Field type"));
    m_required->setChecked(field.value(QLatin1String("required")).toBool());
    m_required->setAccessibleName(tr("Required"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Key:"), m_key);
    form->addRow(tr("&Label:"), m_label);
    form->addRow(tr("&Type:"), m_type);
    form->addRow(QString(), m_required);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Keep the field"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &FieldDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QJsonObject FieldDialog::field() const
{
    return {{QStringLiteral("key"), m_key->text().trimmed()},
            {QStringLiteral("label"), m_label->text().trimmed()},
            {QStringLiteral("type"), m_type->currentData().toString()},
            {QStringLiteral("required"), m_required->isChecked()}};
}

void FieldDialog::submit()
{
    if (m_key->text().trimmed().isEmpty() || m_label->text().trimmed().isEmpty())
        return showMessage(m_error, tr("A field needs a key and a label."));
    accept();
}

// ── The draft ────────────────────────────────────────────────────────────────────────────────

DraftDialog::DraftDialog(const QJsonObject &definition, const sdk::Registries *registries, QWidget *parent)
    : QDialog(parent)
    , m_definition(definition)
    , m_registries(registries)
    , m_name(new QLineEdit(text(definition, "name"), this))
    , m_promised(new QDoubleSpinBox(this))
    , m_legal(new QDoubleSpinBox(this))
    , m_fields(makeRowsTable({tr("Key"), tr("Label"), tr("Type"), tr("Required")}, this))
    , m_materials(makeRowsTable({tr("Code"), tr("Name"), tr("How it is taken in")}, this))
    , m_error(makeMessage(this))
{
    setWindowTitle(tr("Draft version %1 of %2").arg(definition.value(QLatin1String("version")).toInt()).arg(text(definition, "code")));
    m_name->setAccessibleName(tr("Matter name"));
    for (QDoubleSpinBox *days : {m_promised, m_legal}) {
        days->setDecimals(1);
        days->setSingleStep(0.5);
        days->setRange(0.5, 365);
    }
    m_promised->setValue(definition.value(QLatin1String("promisedDays")).toDouble(1));
    m_promised->setAccessibleName(tr("Promised working days"));
    m_legal->setValue(definition.value(QLatin1String("legalDays")).toDouble(20));
    m_legal->setAccessibleName(tr("Legal working days"));
    m_fields->setAccessibleName(tr("Fields of the form"));
    m_materials->setAccessibleName(tr("Materials"));

    const auto button = [this](const QString &label, const QString &name) {
        auto *b = new QPushButton(label, this);
        b->setAccessibleName(name);
        return b;
    };
    auto *addField = button(tr("Add &field…"), tr("Add a field"));
    auto *removeField = button(tr("Remove fiel&d"), tr("Remove the field"));
    auto *addMaterial = button(tr("Add &material…"), tr("Add a material"));
    auto *removeMaterial = button(tr("Remove mat&erial"), tr("Remove the material"));
    connect(addField, &QPushButton::clicked, this, [this] { editField(-1); });
    connect(removeField, &QPushButton::clicked, this, [this] {
        const int row = m_fields->currentRow();
        if (row < 0)
            return showMessage(m_error, tr("Choose a field first."));
        QJsonArray fields = m_definition.value(QLatin1String("fields")).toArray();
        fields.removeAt(row);
        m_definition.insert(QStringLiteral("fields"), fields);
        fillTables();
    });
    connect(addMaterial, &QPushButton::clicked, this, [this] {
        MaterialDialog *dialog = addMaterialDialog();
        dialog->open();
    });
    connect(removeMaterial, &QPushButton::clicked, this, [this] {
        const int row = m_materials->currentRow();
        if (row < 0)
            return showMessage(m_error, tr("Choose a material first."));
        QJsonArray materials = m_definition.value(QLatin1String("materials")).toArray();
        materials.removeAt(row);
        m_definition.insert(QStringLiteral("materials"), materials);
        fillTables();
    });
    connect(m_fields, &QTableWidget::cellActivated, this, [this](int row, int) { editField(row); });
    connect(m_materials, &QTableWidget::cellActivated, this, [this](int row, int) { editMaterial(row); });

    auto *settings = new QFormLayout;
    settings->addRow(tr("&Name:"), m_name);
    settings->addRow(tr("&Promised working days:"), m_promised);
    settings->addRow(tr("&Legal working days:"), m_legal);
    auto *fieldButtons = new QHBoxLayout;
    fieldButtons->addWidget(addField);
    fieldButtons->addWidget(removeField);
    fieldButtons->addStretch(1);
    auto *materialButtons = new QHBoxLayout;
    materialButtons->addWidget(addMaterial);
    materialButtons->addWidget(removeMaterial);
    materialButtons->addStretch(1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Save the draft"));
    m_ok->setAccessibleName(tr("Save the draft"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(settings);
    layout->addWidget(new QLabel(tr("Fields of the form:"), this));
    layout->addWidget(m_fields, 1);
    layout->addLayout(fieldButtons);
    layout->addWidget(new QLabel(tr("Materials and their deficiency rules:"), this));
    layout->addWidget(m_materials, 2);
    layout->addLayout(materialButtons);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &DraftDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(720, 620);
    fillTables();
}

void DraftDialog::fillTables()
{
    const QJsonArray fields = m_definition.value(QLatin1String("fields")).toArray();
    m_fields->setRowCount(static_cast<int>(fields.size()));
    for (int row = 0; row < fields.size(); ++row) {
        const QJsonObject f = fields.at(row).toObject();
        const QStringList cells{text(f, "key"), text(f, "label"), text(f, "type"), yesNo(f.value(QLatin1String("required")).toBool())};
        for (int column = 0; column < cells.size(); ++column)
            m_fields->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    const QJsonArray materials = m_definition.value(QLatin1String("materials")).toArray();
    m_materials->setRowCount(static_cast<int>(materials.size()));
    for (int row = 0; row < materials.size(); ++row) {
        const QJsonObject m = materials.at(row).toObject();
        const QStringList cells{text(m, "code"), text(m, "name"), materialRule(m)};
        for (int column = 0; column < cells.size(); ++column)
            m_materials->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    m_fields->resizeColumnsToContents();
    m_materials->resizeColumnsToContents();
}

MaterialDialog *DraftDialog::addMaterialDialog()
{
    auto *dialog = new MaterialDialog({}, m_registries, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        QJsonArray materials = m_definition.value(QLatin1String("materials")).toArray();
        materials.append(dialog->material());
        m_definition.insert(QStringLiteral("materials"), materials);
        fillTables();
    });
    return dialog;
}

void DraftDialog::editMaterial(int row)
{
    QJsonArray materials = m_definition.value(QLatin1String("materials")).toArray();
    if (row < 0 || row >= materials.size())
        return;
    MaterialDialog dialog(materials.at(row).toObject(), m_registries, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    materials.replace(row, dialog.material());
    m_definition.insert(QStringLiteral("materials"), materials);
    fillTables();
}

void DraftDialog::editField(int row)
{
    QJsonArray fields = m_definition.value(QLatin1String("fields")).toArray();
    FieldDialog dialog(row >= 0 && row < fields.size() ? fields.at(row).toObject() : QJsonObject(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (row >= 0 && row < fields.size())
        fields.replace(row, dialog.field());
    else
        fields.append(dialog.field());
    m_definition.insert(QStringLiteral("fields"), fields);
    fillTables();
}

void DraftDialog::submit()
{
    m_definition.insert(QStringLiteral("name"), m_name->text().trimmed());
    m_definition.insert(QStringLiteral("promisedDays"), m_promised->value());
    m_definition.insert(QStringLiteral("legalDays"), m_legal->value());
    if (!m_submit)
        return accept();
    m_ok->setEnabled(false);
    showMessage(m_error, tr("Saving…"));
    m_submit(m_definition, [self = QPointer<DraftDialog>(this)](const QString &error) {
        if (!self)
            return;
        self->m_ok->setEnabled(true);
        showMessage(self->m_error, error);
        if (error.isEmpty())
            self->accept();
    });
}

// ── The page ─────────────────────────────────────────────────────────────────────────────────

MattersAdminPage::MattersAdminPage(models::ApiClient *api, const sdk::Registries *registries, QWidget *parent)
    : WorkbenchPageWidget(parent)
    , m_api(api)
    , m_registries(registries)
    , m_matters(new models::AdminMatterListModel(api, this))
    , m_versions(new models::MatterVersionListModel(api, this))
    , m_admin(new models::CatalogAdmin(api, this))
    , m_matterTable(makeTable(this))
    , m_versionTable(makeTable(this))
    , m_newDraft(new QPushButton(this))
    , m_edit(new QPushButton(this))
    , m_compare(new QPushButton(this))
    , m_publish(new QPushButton(this))
    , m_delete(new QPushButton(this))
    , m_export(new QPushButton(this))
    , m_import(new QPushButton(this))
    , m_preview(new QGroupBox(this))
    , m_message(makeMessage(this))
{
    m_message->setObjectName(QStringLiteral("mattersMessage"));
    m_matterTable->setModel(m_matters);
    m_matterTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_matterTable->horizontalHeader()->setStretchLastSection(true);
    m_versionTable->setModel(m_versions);
    m_versionTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_versionTable->horizontalHeader()->setStretchLastSection(true);
    new QVBoxLayout(m_preview);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_matterTable, 1);
    auto *exchange = new QHBoxLayout;
    exchange->addWidget(m_export);
    exchange->addWidget(m_import);
    leftLayout->addLayout(exchange);
    auto *middle = new QWidget(this);
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->addWidget(m_versionTable, 1);
    auto *actions = new QHBoxLayout;
    for (QPushButton *b : {m_newDraft, m_edit, m_compare, m_publish, m_delete})
        actions->addWidget(b);
    middleLayout->addLayout(actions);
    middleLayout->addWidget(m_preview, 2);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(middle);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);

    connect(m_matterTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &i) {
        if (i.isValid())
            chooseMatter(i.data(models::AdminMatterListModel::CodeRole).toString());
    });
    connect(m_versionTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MattersAdminPage::versionChosen);
    connect(m_versions, &models::ApiListModel::loaded, this, [this] {
        // The draft when there is one, else the version in effect.
        const int row = m_versions->draftRow() >= 0 ? m_versions->draftRow() : qMax(0, m_versions->currentRow());
        if (row < m_versions->rowCount())
            m_versionTable->setCurrentIndex(m_versions->index(row, 0));
        versionChosen();
    });
    for (auto *model : {static_cast<models::ApiListModel *>(m_matters), static_cast<models::ApiListModel *>(m_versions)})
        connect(model, &models::ApiListModel::failed, this, [this](const QString &message) { showMessage(m_message, message); });
    connect(m_newDraft, &QPushButton::clicked, this, &MattersAdminPage::newDraft);
    connect(m_edit, &QPushButton::clicked, this, &MattersAdminPage::editDraft);
    connect(m_versionTable, &QTableView::activated, this, &MattersAdminPage::editDraft);
    connect(m_compare, &QPushButton::clicked, this, &MattersAdminPage::compareDraft);
    connect(m_publish, &QPushButton::clicked, this, &MattersAdminPage::choosePublishDay);
    connect(m_delete, &QPushButton::clicked, this, &MattersAdminPage::deleteDraft);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export the catalog"),
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QStringLiteral("/catalog.json"),
            tr("JSON files (*.json)"));
        if (!path.isEmpty())
            exportTo(path);
    });
    connect(m_import, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import a catalog"),
                                                          QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
                                                          tr("JSON files (*.json)"));
        if (!path.isEmpty())
            importFrom(path);
    });
    retranslate();
}

MattersAdminPage::~MattersAdminPage() = default;

void MattersAdminPage::refresh()
{
    m_matters->refresh();
    if (!m_versions->matter().isEmpty())
        m_versions->showMatter(m_versions->matter());
}

void MattersAdminPage::focusFirst()
{
    m_matterTable->setFocus();
}

void MattersAdminPage::chooseMatter(const QString &code)
{
    if (code != m_versions->matter())
        m_versions->showMatter(code);
}

int MattersAdminPage::chosenVersion() const
{
    const QModelIndex index = m_versionTable->currentIndex();
    return index.isValid() ? index.data(models::MatterVersionListModel::VersionRole).toInt() : 0;
}

QJsonObject MattersAdminPage::chosenItem() const
{
    const QModelIndex index = m_versionTable->currentIndex();
    return index.isValid() ? index.data(models::MatterVersionListModel::ItemRole).toJsonObject() : QJsonObject();
}

void MattersAdminPage::versionChosen()
{
    const QJsonObject item = chosenItem();
    const bool draft = text(item, "state") == QLatin1String("draft");
    m_edit->setEnabled(draft);
    m_publish->setEnabled(draft);
    m_delete->setEnabled(draft);
    m_compare->setEnabled(draft && m_versions->currentRow() >= 0);
    m_newDraft->setEnabled(!m_versions->matter().isEmpty() && m_versions->draftRow() < 0);
    if (item.isEmpty())
        return;
    const int version = item.value(QLatin1String("version")).toInt();
    m_admin->version(m_versions->matter(), version, [this, version](const QJsonObject &answer, const models::ApiError &error) {
        if (error.isError())
            return showMessage(m_message, error.userMessage());
        if (chosenVersion() == version)
            showPreview(answer);
    });
}

void MattersAdminPage::showPreview(const QJsonObject &version)
{
    m_shown = version;
    const QJsonObject definition = version.value(QLatin1String("definition")).toObject();
    delete m_previewBody;
    m_previewBody = new QWidget(m_preview);
    auto *form = new QFormLayout(m_previewBody);
    const FieldEditors editors(m_registries);
    for (const auto &v : definition.value(QLatin1String("fields")).toArray()) {
        const QJsonObject f = v.toObject();
        const sdk::FieldSpec spec{text(f, "key"), text(f, "label"), text(f, "type"), f.value(QLatin1String("required")).toBool()};
        QWidget *editor = editors.create(spec, m_previewBody);
        editor->setEnabled(false);
        form->addRow(spec.required ? tr("%1 *").arg(spec.label) : spec.label, editor);
    }
    QStringList materials;
    for (const auto &v : definition.value(QLatin1String("materials")).toArray()) {
        const QJsonObject m = v.toObject();
        const QString rule = materialRule(m);
        materials << (rule.isEmpty() ? QStringLiteral("• %1").arg(text(m, "name"))
                                     : QStringLiteral("• %1 (%2)").arg(text(m, "name"), rule));
    }
    auto *list = new QLabel(materials.join(QLatin1Char('\n')), m_previewBody);
    list->setObjectName(QStringLiteral("previewMaterials"));
    list->setAccessibleName(tr("Materials the counter asks for"));
    list->setAccessibleDescription(materials.join(QLatin1Char('\n')));
    list->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    form->addRow(tr("Materials:"), list);
    // What the matter's result provides: a bundle with it does not ask the other matters for it.
    QStringList produces;
    for (const auto &v : definition.value(QLatin1String("produces")).toArray())
        produces << v.toString();
    if (!produces.isEmpty()) {
        auto *provided = new QLabel(produces.join(QStringLiteral("、")), m_previewBody);
        provided->setObjectName(QStringLiteral("previewProduces"));
        provided->setAccessibleName(tr("Materials its result provides"));
        provided->setAccessibleDescription(provided->text());
        provided->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
        form->addRow(tr("Its result provides:"), provided);
    }
    m_preview->layout()->addWidget(m_previewBody);
    const int number = version.value(QLatin1String("version")).toInt();
    m_preview->setTitle(tr("What the counter sees with version %1 of %2 %3")
                            .arg(number)
                            .arg(text(definition, "code"), text(definition, "name")));
    m_preview->setAccessibleName(m_preview->title());
    emit previewed(number);
}

void MattersAdminPage::newDraft()
{
    const int current = m_versions->currentRow();
    if (current < 0)
        return showMessage(m_message, tr("The matter has no version in effect to start from."));
    const QString code = m_versions->matter();
    const int from = m_versions->index(current, 0).data(models::MatterVersionListModel::VersionRole).toInt();
    m_admin->version(code, from, [this, code](const QJsonObject &answer, const models::ApiError &error) {
        if (error.isError())
            return showMessage(m_message, error.userMessage());
        m_admin->createDraft(code, answer.value(QLatin1String("definition")).toObject(),
                             [this, code](const QJsonObject &draft, const models::ApiError &e) {
                                 if (e.isError())
                                     return showMessage(m_message, problemText(e));
                                 showMessage(m_message, tr("Draft version %1 of %2 made from the version in effect.")
                                                            .arg(draft.value(QLatin1String("version")).toInt())
                                                            .arg(code));
                                 m_versions->showMatter(code);
                             });
    });
}

std::unique_ptr<DraftDialog> MattersAdminPage::draftDialog(const QJsonObject &version)
{
    QJsonObject definition = version.value(QLatin1String("definition")).toObject();
    definition.insert(QStringLiteral("version"), version.value(QLatin1String("version")));
    auto dialog = std::make_unique<DraftDialog>(definition, m_registries, this);
    dialog->setWindowModality(Qt::WindowModal);
    const QString code = m_versions->matter();
    const int number = version.value(QLatin1String("version")).toInt();
    dialog->setSubmit([this, code, number](const QJsonObject &changed, std::function<void(const QString &)> result) {
        m_admin->saveDraft(code, number, changed, [this, code, result](const QJsonObject &, const models::ApiError &error) {
            if (error.isError()) {
                result(error.status == 412 ? tr("Someone changed this draft meanwhile: close, and open it again.")
                                           : problemText(error));
                return;
            }
            result({});
            showMessage(m_message, tr("Draft saved."));
            m_versions->showMatter(code);
        });
    });
    return dialog;
}

void MattersAdminPage::editDraft()
{
    if (text(chosenItem(), "state") != QLatin1String("draft") || m_shown.isEmpty()
        || m_shown.value(QLatin1String("version")).toInt() != chosenVersion())
        return showMessage(m_message, tr("Choose the draft first: published versions do not change."));
    const auto dialog = draftDialog(m_shown);
    dialog->exec();
}

void MattersAdminPage::compareDraft()
{
    const int current = m_versions->currentRow();
    const int draft = chosenVersion();
    if (current < 0 || draft == 0)
        return;
    const int from = m_versions->index(current, 0).data(models::MatterVersionListModel::VersionRole).toInt();
    m_admin->diff(m_versions->matter(), from, draft, [this, from, draft](const QJsonObject &answer, const models::ApiError &error) {
        if (error.isError())
            return showMessage(m_message, error.userMessage());
        const QString lines = models::CatalogAdmin::describeDiff(answer).join(QLatin1Char('\n'));
        showMessage(m_message, tr("Version %1 against version %2 in effect:\n%3").arg(draft).arg(from).arg(lines));
    });
}

void MattersAdminPage::choosePublishDay()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Publish version %1").arg(chosenVersion()));
    auto *day = new QDateEdit(m_api->clock()->today(), &dialog);
    day->setCalendarPopup(true);
    day->setMinimumDate(m_api->clock()->today());
    day->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    day->setAccessibleName(tr("In effect from"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Publish"));
    buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Publish"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    auto *form = new QFormLayout(&dialog);
    form->addRow(new QLabel(tr("Intakes from this day on take the new version; cases accepted before keep theirs."), &dialog));
    form->addRow(tr("In effect &from:"), day);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() == QDialog::Accepted)
        publishDraft(day->date());
}

void MattersAdminPage::publishDraft(const QDate &validFrom)
{
    const QString code = m_versions->matter();
    const int number = chosenVersion();
    m_admin->publish(code, number, validFrom, [this, code, number, validFrom](const QJsonObject &, const models::ApiError &error) {
        if (error.isError())
            return showMessage(m_message, problemText(error));
        showMessage(m_message, tr("Version %1 of %2 published: in effect from %3.")
                                   .arg(number)
                                   .arg(code, QLocale().toString(validFrom, QLocale::LongFormat)));
        m_versions->showMatter(code);
    });
}

void MattersAdminPage::deleteDraft()
{
    const int number = chosenVersion();
    if (text(chosenItem(), "state") != QLatin1String("draft"))
        return;
    if (QMessageBox::question(this, tr("Delete the draft"), tr("Delete draft version %1? Nobody saw it yet.").arg(number))
        != QMessageBox::Yes)
        return;
    const QString code = m_versions->matter();
    // The ETag of the draft is the one read for its preview.
    m_admin->deleteDraft(code, number, [this, code](const QJsonObject &, const models::ApiError &error) {
        if (error.isError())
            return showMessage(m_message, problemText(error));
        showMessage(m_message, tr("Draft deleted."));
        m_versions->showMatter(code);
    });
}

void MattersAdminPage::exportTo(const QString &path, std::function<void(const QString &)> done)
{
    const auto finish = [this, path, done](const QString &error) {
        showMessage(m_message, error.isEmpty() ? tr("Catalog exported to %1.").arg(path) : error);
        if (done)
            done(error);
    };
    showMessage(m_message, tr("Exporting…"));
    m_admin->exportCatalog([this, path, finish](const QJsonObject &catalog, const models::ApiError &error) {
        if (error.isError())
            return finish(error.userMessage());
        writeFileAsync(this, path, QJsonDocument(catalog).toJson(), finish);
    });
}

void MattersAdminPage::importFrom(const QString &path, std::function<void(const QString &)> done)
{
    const auto finish = [this, done](const QString &message, const QString &error) {
        showMessage(m_message, error.isEmpty() ? message : error);
        if (done)
            done(error);
    };
    showMessage(m_message, tr("Importing…"));
    readJsonObjectAsync(this, path, tr("%1 is not a catalog exported by OneWindow (JSON): %2"),
                        [this, finish](const QJsonObject &catalog, const QString &readError) {
        if (!readError.isEmpty())
            return finish({}, readError);
        m_admin->importCatalog(catalog, [this, finish](const QJsonObject &report, const models::ApiError &error) {
            if (error.isError())
                return finish({}, problemText(error));
            // How many of each outcome, over every part of the report.
            QMap<QString, int> outcomes;
            for (auto part = report.begin(); part != report.end(); ++part) {
                for (const auto &item : part.value().toArray())
                    ++outcomes[item.toObject().value(QLatin1String("result")).toString()];
            }
            QStringList counts;
            for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it)
                counts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
            finish(tr("Catalog imported: %1. Drafts made by the import wait for you to compare and publish them.")
                       .arg(counts.join(QLatin1String(", "))),
                   {});
            refresh();
        });
    });
}

void MattersAdminPage::retranslate()
{
    m_matterTable->setAccessibleName(tr("Matters"));
    m_versionTable->setAccessibleName(tr("Versions"));
    m_newDraft->setText(tr("&New draft"));
    m_newDraft->setAccessibleName(tr("New draft"));
    m_edit->setText(tr("&Edit draft…"));
    m_edit->setAccessibleName(tr("Edit the draft"));
    m_compare->setText(tr("&Compare"));
    m_compare->setAccessibleName(tr("Compare with the version in effect"));
    m_publish->setText(tr("&Publish…"));
    m_publish->setAccessibleName(tr("Publish the draft"));
    m_delete->setText(tr("&Delete draft"));
    m_delete->setAccessibleName(tr("Delete the draft"));
    m_export->setText(tr("E&xport catalog…"));
    m_export->setAccessibleName(tr("Export the catalog"));
    m_import->setText(tr("&Import catalog…"));
    m_import->setAccessibleName(tr("Import a catalog"));
    if (m_preview->title().isEmpty()) {
        m_preview->setTitle(tr("Choose a matter and a version"));
        m_preview->setAccessibleName(m_preview->title());
    }
}

} // namespace onewindow::client
