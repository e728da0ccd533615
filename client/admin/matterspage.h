#pragma once

#include "pages.h"

#include <QDialog>
#include <QJsonObject>

#include <functional>
#include <memory>

class QCheckBox;
class QDateEdit;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;

namespace onewindow::models {
class AdminMatterListModel;
class ApiClient;
class CatalogAdmin;
class MatterVersionListModel;
} // namespace onewindow::models

namespace onewindow::sdk {
class Registries;
}

namespace onewindow::client {

/// One material of a draft, as the administrator fills it in: its code and name, whether it is
/// core (never deficient), required, may be brought later and within how many working days.
class MaterialDialog : public QDialog
{
    Q_OBJECT

public:
    /// `registries`: the electronic licence types department plugins map to a material code are
    /// offered for the material's licence (completion and a hint).
    MaterialDialog(const QJsonObject &material, const sdk::Registries *registries = nullptr, QWidget *parent = nullptr);
    QJsonObject material() const;
    /// Presses OK: accepted when a code and a name are given, else says what is missing.
    void submit();

private:
    QJsonObject m_material;
    QLineEdit *m_code;
    QLineEdit *m_name;
    QCheckBox *m_core;
    QCheckBox *m_required;
    QCheckBox *m_deficiency;
    QSpinBox *m_days;
    QLineEdit *m_license;
    QLabel *m_licenseHint;
    QLabel *m_error;
    const sdk::Registries *m_registries;
};

/// One field of a draft's form: key, label, type, required.
class FieldDialog : public QDialog
{
    Q_OBJECT

public:
    FieldDialog(const QJsonObject &field, QWidget *parent = nullptr);
    QJsonObject field() const;
    void submit();

private:
    QLineEdit *m_key;
    QLineEdit *m_label;
    class QComboBox *m_type;
    QCheckBox *m_required;
    QLabel *m_error;
};

/// A draft version of a matter: its name and limits, its form's fields and its materials with
/// their deficiency rules, each added, changed or removed; saved to the server with the ETag last
/// read (a concurrent change is said, nothing overwritten).
class DraftDialog : public QDialog
{
    Q_OBJECT

public:
    DraftDialog(const QJsonObject &definition, const sdk::Registries *registries = nullptr, QWidget *parent = nullptr);
    QJsonObject definition() const { return m_definition; }
    using Submit = std::function<void(const QJsonObject &definition, std::function<void(const QString &error)>)>;
    void setSubmit(Submit submit) { m_submit = std::move(submit); }
    void submit();
    /// Opens the material form for a new material (for tests, as the button does).
    MaterialDialog *addMaterialDialog();

private:
    void fillTables();
    void editMaterial(int row);
    void editField(int row);

    QJsonObject m_definition;
    const sdk::Registries *m_registries;
    Submit m_submit;
    QLineEdit *m_name;
    QDoubleSpinBox *m_promised;
    QDoubleSpinBox *m_legal;
    QTableWidget *m_fields;
    QTableWidget *m_materials;
    QLabel *m_error;
    QPushButton *m_ok;
};

/// The administrator's matters (事项管理, F3): every matter; the chosen one's versions (the draft,
/// the version in effect, those to come, those superseded); a draft made from the version in
/// effect, edited, compared with it, published from a day or dropped; the intake form and the
/// materials list a version produces, as the counter will see them; the whole catalog exported
/// to a file and imported from one.
class MattersAdminPage final : public WorkbenchPageWidget
{
    Q_OBJECT

public:
    MattersAdminPage(models::ApiClient *api, const sdk::Registries *registries, QWidget *parent = nullptr);
    ~MattersAdminPage() override;

    void refresh() override;
    void focusFirst() override;
    models::AdminMatterListModel *matters() const { return m_matters; }
    models::MatterVersionListModel *versions() const { return m_versions; }
    /// The version in the preview, with its definition (as GET …/versions/{n} answers it).
    QJsonObject shownVersion() const { return m_shown; }
    /// Chooses a matter by code (as a click on its row does).
    void chooseMatter(const QString &code);
    /// A draft from the version in effect.
    void newDraft();
    /// The draft's editor, wired to the server.
    std::unique_ptr<DraftDialog> draftDialog(const QJsonObject &version);
    void publishDraft(const QDate &validFrom);
    void exportTo(const QString &path, std::function<void(const QString &error)> done = {});
    void importFrom(const QString &path, std::function<void(const QString &error)> done = {});

signals:
    /// The preview shows version `version` of the chosen matter.
    void previewed(int version);

private:
    void retranslate() override;
    void versionChosen();
    void showPreview(const QJsonObject &version);
    void editDraft();
    void compareDraft();
    void deleteDraft();
    void choosePublishDay();
    int chosenVersion() const;
    QJsonObject chosenItem() const;

    models::ApiClient *m_api;
    const sdk::Registries *m_registries;
    models::AdminMatterListModel *m_matters;
    models::MatterVersionListModel *m_versions;
    models::CatalogAdmin *m_admin;
    QTableView *m_matterTable;
    QTableView *m_versionTable;
    QPushButton *m_newDraft;
    QPushButton *m_edit;
    QPushButton *m_compare;
    QPushButton *m_publish;
    QPushButton *m_delete;
    QPushButton *m_export;
    QPushButton *m_import;
    QGroupBox *m_preview;
    QWidget *m_previewBody = nullptr;
    QLabel *m_message;
    QJsonObject m_shown; ///< the version in the preview, with its definition
};

} // namespace onewindow::client
