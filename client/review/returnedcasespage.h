#pragma once

#include "documentrenderer.h"
#include "pages.h"

#include "models/caseapi.h"

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace onewindow::models {
class ApiClient;
class CaseApi;
class ReviewQueueModel;
} // namespace onewindow::models

namespace onewindow::sdk {
class Registries;
} // namespace onewindow::sdk

namespace onewindow::client {

/// The counter brings a returned case back: what each department asked for (every item at once),
/// each material as it is provided now, a note, and "Resubmit".
class ResubmitDialog final : public QDialog
{
    Q_OBJECT

public:
    /// `registries`: the plugins' print templates for the notice (nullptr: the built-in one).
    ResubmitDialog(models::CaseApi *cases, const QString &caseId, const sdk::Registries *registries = nullptr,
                   QWidget *parent = nullptr);

    /// The notice to correct (补正材料通知书) as it prints: the case and every returned item.
    printing::PrintInput noticeInput() const;

signals:
    void resubmitted(const QJsonObject &caseObject);

private:
    void printNotice();
    void showCase(const QJsonObject &caseObject);
    void showParts(const QList<models::CasePart> &parts);
    void resubmit();
    void say(const QString &text);

    models::CaseApi *m_cases;
    QString m_caseId;
    const sdk::Registries *m_registries;
    QLabel *m_header;
    QTreeWidget *m_asked;
    QTreeWidget *m_materials;
    QLineEdit *m_note;
    QPushButton *m_print;
    QPushButton *m_resubmit;
    QJsonObject m_case;
    QList<models::CasePart> m_parts;
    QLabel *m_message;
};

/// Cases the back office returned for correction, in the counter's scope, the most urgent first.
class ReturnedCasesPage final : public WorkbenchPageWidget
{
    Q_OBJECT

public:
    /// `registries`: the plugins' print templates (nullptr: the built-in ones).
    ReturnedCasesPage(models::ApiClient *api, const sdk::Registries *registries = nullptr,
                      QWidget *parent = nullptr);
    ~ReturnedCasesPage() override;
    void refresh() override;
    void focusFirst() override;
    void openRow(int row);

private:
    void retranslate() override;

    models::CaseApi *m_cases;
    const sdk::Registries *m_registries;
    models::ReviewQueueModel *m_model;
    QTableView *m_table;
    QPushButton *m_open;
    QPushButton *m_refresh;
    QLabel *m_message;
};

} // namespace onewindow::client
