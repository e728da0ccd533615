#pragma once

#include "pages.h"

#include <QJsonObject>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace onewindow::models {
struct PendingUpload;
class ApiClient;
class DeficiencyListModel;
class LocalStore;
} // namespace onewindow::models

namespace onewindow::sdk {
class Registries;
} // namespace onewindow::sdk

namespace onewindow::client {

/// The deficiency tracker (容缺跟踪, F8): every material an applicant promised to bring, in views
/// (outstanding, due today, due this week, overdue, supplied, waived) with their counts, by centre
/// and matter, soonest due first; overdue said in words. From a row: record the supply on paper or
/// by scan, call the applicant, print a reminder letter, open the case, and (supervisors) waive.
class DeficiencyTrackerPage final : public WorkbenchPageWidget
{
    Q_OBJECT

public:
    /// `registries`: the plugins' print templates for the reminder letter (nullptr: the built-in one).
    DeficiencyTrackerPage(models::ApiClient *api, models::LocalStore *store, const QString &role,
                          const sdk::Registries *registries = nullptr, QWidget *parent = nullptr);
    ~DeficiencyTrackerPage() override;
    void refresh() override;
    void focusFirst() override;

    /// The row's deficiency as listed (empty when no row is selected).
    QJsonObject currentDeficiency() const;

signals:
    /// A supply or a waiver was recorded (after the server confirmed it).
    void resolved(const QString &caseId, const QString &deficiencyId);

private:
    void retranslate() override;
    void loadCounts();
    void resumePendingUploads();
    /// Sends a kept upload again; on success records the supply it was scanned for.
    void sendKeptUpload(const models::PendingUpload &pending, std::function<void(const QString &problem)> failed);
    void recordKeptSupply(const models::PendingUpload &pending, const QJsonObject &attachment);
    void showKeptUploads();
    void updateKeptUploads(const QList<models::PendingUpload> &pending);
    void updateActions();
    void supplyOnPaper();
    void supplyByScan();
    void callApplicant();
    void printReminder();
    void openCase();
    void waive();
    /// GET the case (for its ETag), then POST `action` on the deficiency with `body`.
    void resolve(const QJsonObject &deficiency, const QString &action, const QJsonObject &body,
                 const QString &doneMessage);

    models::ApiClient *m_api;
    models::LocalStore *m_store;
    QString m_role;
    const sdk::Registries *m_registries;
    models::DeficiencyListModel *m_model;
    QLabel *m_viewLabel;
    QComboBox *m_view;
    QLabel *m_centerLabel;
    QComboBox *m_center;
    QLabel *m_matterLabel;
    QComboBox *m_matter;
    QPushButton *m_refresh;
    QLabel *m_message;
    QString m_notice;       ///< the last thing done, kept on the message line when the list reloads
    QTableView *m_table;
    QPushButton *m_supplyPaper;
    QPushButton *m_supplyScan;
    QPushButton *m_call;
    QPushButton *m_printReminder;
    QPushButton *m_open;
    QPushButton *m_waive;
    QPushButton *m_keptUploads; ///< the uploads kept on this PC, shown while there are any
};

} // namespace onewindow::client
