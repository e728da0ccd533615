#pragma once

#include "pages.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace onewindow::models {
class ApiClient;
class CaseApi;
class ReviewQueueModel;
} // namespace onewindow::models

namespace onewindow::sdk {
class Registries;
} // namespace onewindow::sdk

namespace onewindow::client {

class ReviewDialog;

/// The approver's workbench: the department's queue, what is to decide first (green channel,
/// then the soonest promised date), paged as the table scrolls. Enter opens the case for review;
/// the navigation entry counts what is to decide and how much of it is late.
class ReviewQueuePage final : public WorkbenchPageWidget
{
    Q_OBJECT

public:
    /// `registries`: the plugins' print templates for the decisions' papers (nullptr: the built-in ones).
    ReviewQueuePage(models::ApiClient *api, const QString &department, const sdk::Registries *registries = nullptr,
                    QWidget *parent = nullptr);
    ~ReviewQueuePage() override;
    void refresh() override;
    void focusFirst() override;

    /// Opens the review of the queue's row `row` (the dialog stays open for "Next case").
    void openRow(int row);
    ReviewDialog *reviewDialog() const { return m_dialog; }

private:
    void retranslate() override;
    void loadCounts();

    models::CaseApi *m_cases;
    QString m_department;
    const sdk::Registries *m_registries;
    models::ReviewQueueModel *m_model;
    QLabel *m_viewLabel;
    QComboBox *m_view;
    QCheckBox *m_greenOnly;
    QCheckBox *m_overdueOnly;
    QTableView *m_table;
    QPushButton *m_open;
    QPushButton *m_refresh;
    QLabel *m_message;
    ReviewDialog *m_dialog = nullptr;
    int m_openRow = -1;
    bool m_columnsSized = false; ///< to the first page of the current list
};

} // namespace onewindow::client
