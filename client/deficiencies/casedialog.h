#pragma once

#include <QDate>
#include <QDialog>
#include <QJsonObject>

class QLabel;
class QTreeWidget;

namespace onewindow::models {
class ApiClient;
}

namespace onewindow::client {

/// One case, read-only: what is still owed comes first, then the case, then every deficiency
/// with its history and its reminders, and the clock's pauses, so that every date can be explained.
class CaseDialog final : public QDialog
{
    Q_OBJECT

public:
    /// "Due in" and "overdue by" count from the server's date (the ApiClient's ServerClock).
    CaseDialog(models::ApiClient *api, const QString &caseId, QWidget *parent = nullptr);
    /// Shows a case already fetched.
    void setCase(const QJsonObject &caseObject);

private:
    void load(const QString &caseId);
    models::ApiClient *m_api;
    QLabel *m_outstanding;
    QLabel *m_summary;
    QTreeWidget *m_deficiencies;
};

} // namespace onewindow::client
