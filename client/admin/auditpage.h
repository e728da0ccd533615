#pragma once

#include "pages.h"

#include <QJsonObject>

#include <functional>

class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace onewindow::models {
class ApiClient;
class AuditLog;
class AuditLogModel;
struct AuditQuery;
} // namespace onewindow::models

namespace onewindow::client {

/// The auditor's page (审计, F3): the whole audit trail searched by who, case, action and days,
/// newest first; every chain checked; what is found exported as CSV for the file. Nothing here
/// changes anything.
class AuditPage final : public WorkbenchPageWidget
{
    Q_OBJECT

public:
    explicit AuditPage(models::ApiClient *api, QWidget *parent = nullptr);
    ~AuditPage() override;

    void refresh() override;
    void focusFirst() override;
    models::AuditLogModel *model() const { return m_model; }
    /// The conditions as the form says them.
    models::AuditQuery query() const;
    /// Checks every chain; the answer is said in the message line.
    void verify();
    /// GET /audit/verify's answer as the message line says it: intact, or what was found where.
    static QString verificationText(const QJsonObject &answer);
    /// Every entry of the search, written to `path` as CSV; `done` with the error, empty when none.
    void exportTo(const QString &path, std::function<void(const QString &error)> done = {});

private:
    void retranslate() override;
    void chooseExportFile();

    models::ApiClient *m_api;
    models::AuditLogModel *m_model;
    models::AuditLog *m_log;
    QLabel *m_actorLabel;
    QLineEdit *m_actor;
    QLabel *m_caseLabel;
    QLineEdit *m_case;
    QLabel *m_actionLabel;
    QLineEdit *m_action;
    QLabel *m_fromLabel;
    QDateEdit *m_from;
    QLabel *m_toLabel;
    QDateEdit *m_to;
    QPushButton *m_search;
    QPushButton *m_verify;
    QPushButton *m_export;
    QTableView *m_table;
    QLabel *m_message;
};

} // namespace onewindow::client
