#pragma once

#include "models/caseapi.h"

#include "fieldeditors.h"
#include "pages.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QHash>
#include <QPointer>
#include <QSet>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QGridLayout;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QWizardPage;

namespace onewindow::models {
class ApiClient;
class IdentityReader;
class IntakeSession;
class LocalStore;
class MatterCatalogModel;
class MatterFilterModel;
class NumberStock;
} // namespace onewindow::models

namespace onewindow::sdk {
class Registries;
} // namespace onewindow::sdk

namespace onewindow::client {

/// New intake (新建受理, F2): applicant, matter, form, materials, decision, with the steps on the
/// left. The state lives in an IntakeSession, saved as a draft on every change; an intake left
/// behind (a crash, a power cut) is offered for resuming when the page opens.
class IntakePage final : public WorkbenchPageWidget
{
    Q_OBJECT

public:
    /// `registries`: what the plugins contribute, the form's field types and checks and the
    /// papers' templates (nullptr: the built-in ones only).
    IntakePage(models::ApiClient *api, models::LocalStore *store, const QString &center,
               models::IdentityReader *reader, const sdk::Registries *registries = nullptr,
               QWidget *parent = nullptr);
    ~IntakePage() override;

    void refresh() override;
    void focusFirst() override;
    models::IntakeSession *session() const { return m_session; }
    /// The centre's reserved numbers, for intake without the server; `clerk` is who takes it in.
    void setNumberStock(models::NumberStock *numbers, const models::UserInfo &clerk);
    /// Offline (an offline session): an accepted intake goes into the outbox under a reserved
    /// number and its papers say 受理信息待上传; electronic licences are not looked up.
    void setOffline(bool offline);
    /// Writes a paper of the intake as a PDF (the acceptance papers once accepted, the one-time
    /// notice once refused); false with a message shown when there is nothing to print yet.
    bool savePaper(int document, const QString &path);

signals:
    /// An intake went into the outbox (offline) under `number`.
    void queued(const QString &number);

private:
    void buildApplicantStep();
    void buildMatterStep();
    void buildFormStep();
    void buildMaterialsStep();
    void buildDecideStep();
    void retranslate() override;
    /// Shows a step; `moveFocus` puts the keyboard on its first control (Back, Next, a matter chosen).
    void goTo(int step, bool moveFocus = false);
    void newIntake();
    void offerResume();
    void readCard();
    void lookUpLicenses();
    /// A matter's definition: the server's (kept on this PC), or offline the one kept; `done`
    /// gets an empty object and the reason when there is none.
    void loadMatter(const QString &code, std::function<void(const QJsonObject &, const QString &)> done);
    void chooseMatter(const QString &code);
    void chooseBundle(const QString &code);
    void rebuildForm();
    /// Whether every department page of the form step says it is complete.
    bool pluginPagesComplete() const;
    /// Next: up to the decision, and from the form only when the department pages are complete.
    void updateNext();
    void rebuildMaterials();
    void updateMaterials();
    void updateFormProblems();
    void updateApplicantBar();
    void updateApplicantProblems();
    void updateStatus();
    void submit();
    void recordRefusal();

    models::ApiClient *m_api;
    models::LocalStore *m_store;
    QString m_center;
    QPointer<models::IdentityReader> m_reader;
    models::IntakeSession *m_session;
    models::CaseApi *m_cases;
    const sdk::Registries *m_registries;
    FieldEditors m_editors;

    QListWidget *m_steps;
    QStackedWidget *m_stack;
    QPushButton *m_back;
    QPushButton *m_next;
    QLabel *m_resumeLabel;
    QPushButton *m_resume;
    QPushButton *m_discard;
    QPushButton *m_newIntake;
    QString m_resumeKey;
    QLabel *m_applicantBar;

    // Applicant
    QComboBox *m_kind;
    QLineEdit *m_name;
    QLineEdit *m_idNumber;
    QLineEdit *m_creditCode;
    QLineEdit *m_legalRep;
    QLineEdit *m_phone;
    QPushButton *m_readCard;
    QLabel *m_applicantProblems;
    QLabel *m_licenses;
    QLabel *m_previousRefusal; ///< what the counter told the applicant on an earlier, refused visit
    QList<QLabel *> m_applicantLabels;
    // Matter
    QLineEdit *m_search;
    models::MatterCatalogModel *m_catalog;
    models::MatterFilterModel *m_filter;
    class QTableView *m_matters;
    QPushButton *m_choose;
    QComboBox *m_bundles;
    QLabel *m_bundleLabel;
    QLabel *m_chosen;
    // Form
    QWidget *m_formHost;
    QFormLayout *m_form;
    QLabel *m_formProblems;
    QHash<QString, QWidget *> m_fieldEditors;    ///< by field key
    QList<QPointer<QWizardPage>> m_pluginPages;  ///< the department pages on the form step
    QHash<QString, QLabel *> m_fieldProblemLabels;
    QSet<QString> m_touchedFields;               ///< "required" is said only once a field was left empty
    // Materials
    QWidget *m_materials;
    QGridLayout *m_materialGrid;
    QStringList m_materialCodes;                 ///< the rows of the grid, to rebuild only when they change
    QList<QLabel *> m_materialHeaders;
    QLabel *m_produced;                          ///< what the bundle's own matters provide, not asked for
    QLabel *m_completeness;
    QLabel *m_notice;
    // Decide
    QLabel *m_summary;
    QCheckBox *m_green = nullptr;
    QLineEdit *m_greenReason = nullptr;
    QPushButton *m_accept;
    QPushButton *m_refuse; ///< not accepted: the refusal on record (RefusalDialog)
    QLabel *m_result;
    QComboBox *m_paper;
    QPushButton *m_preview;
    QPushButton *m_savePdf;
    QJsonObject m_accepted;      ///< the case, once accepted (offline: as it will be, pendingUpload)
    QPointer<models::NumberStock> m_numbers;
    models::UserInfo m_clerk;
    QJsonArray m_refusal;        ///< the server's list of missing materials, once refused
    QString m_officeName;
    void updatePrintButtons();
    void previewPaper();
    void savePaperAs();
};

} // namespace onewindow::client
