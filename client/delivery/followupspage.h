#pragma once

#include "pages.h"

class QPlainTextEdit;
class QTextBrowser;

namespace onewindow::models {
class ApiClient;
class CaseApi;
class FollowUpListModel;
} // namespace onewindow::models

namespace onewindow::client {

/// Follow-ups of bad ratings (差评回访, F9), for the hall's supervisors: open (overdue ones said
/// so), overdue, or closed; the chosen one's case, rating, comment and call-back notes, a new
/// note, and closing with the resolution and the citizen's second rating. Ratings that came on
/// paper or by SMS are entered here too.
class FollowUpsPage final : public WorkbenchPageWidget
{
    Q_OBJECT

public:
    explicit FollowUpsPage(models::ApiClient *api, QWidget *parent = nullptr);
    ~FollowUpsPage() override;

    void refresh() override;
    void focusFirst() override;

private:
    void retranslate() override;
    void showCurrent();
    QJsonObject current() const;
    void addNote();
    void close();
    void updated(const QJsonObject &followUp, const QString &message);

    models::CaseApi *m_cases;
    models::FollowUpListModel *m_model;
    QLabel *m_stateLabel;
    QComboBox *m_state;
    QPushButton *m_refresh;
    QPushButton *m_enterRating;
    QTableView *m_table;
    QLabel *m_message;
    QTextBrowser *m_details;
    QLabel *m_noteLabel;
    QPlainTextEdit *m_note;
    QPushButton *m_addNote;
    QLabel *m_resolutionLabel;
    QLineEdit *m_resolution;
    QLabel *m_secondLabel;
    QComboBox *m_second;
    QPushButton *m_close;
    QString m_notice; ///< said once the list is loaded again
};

} // namespace onewindow::client
