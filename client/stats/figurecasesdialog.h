#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace onewindow::models {
class ApiClient;
class CaseListModel;
} // namespace onewindow::models

namespace onewindow::client {

/// The cases behind a figure of the Figures page (GET /cases?figure=…, the page's period and
/// centre): a list that loads as it is scrolled or with Load more; Enter or a double click opens
/// a case.
class FigureCasesDialog final : public QDialog
{
    Q_OBJECT

public:
    /// `title`: what the figure counts, in the user's language; `path`: the list's first page
    /// (models::StatsQuery::casesPath).
    FigureCasesDialog(models::ApiClient *api, const QString &title, const QString &path, QWidget *parent = nullptr);

    models::CaseListModel *cases() const { return m_cases; }
    QTableView *table() const { return m_table; }

signals:
    /// A page of cases arrived and is shown.
    void loaded();

private:
    models::CaseListModel *m_cases;
    QLabel *m_message;
    QTableView *m_table;
    QPushButton *m_more;
};

} // namespace onewindow::client
