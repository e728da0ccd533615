#pragma once

#include <QWidget>

class QComboBox;
class QModelIndex;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace onewindow::models {
class ApiClient;
class CaseListModel;
class CatalogSync;
class DeficiencyListModel;
class LocalStore;
class MatterCatalogModel;
class MatterFilterModel;
} // namespace onewindow::models

namespace onewindow::client {

/// The parts every workbench page is made of: a read-only table of rows, and a message line
/// (hidden when empty, its text also its accessible name).
QTableView *makeTable(QWidget *parent);
/// Opens the case of a row of a CaseListModel in a CaseDialog (what is still owed first).
void openCaseOf(models::ApiClient *api, const QModelIndex &index, QWidget *parent);
QLabel *makeMessage(QWidget *parent);
void showMessage(QLabel *label, const QString &text);

/// A page of a workbench that can be refreshed (F5) and reports a count for its navigation entry.
class WorkbenchPageWidget : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;
    virtual void refresh() = 0;
    /// Put the keyboard focus where work starts on this page.
    virtual void focusFirst() = 0;

protected:
    /// Sets every text in the current language; called again on a language change.
    virtual void retranslate() = 0;
    void changeEvent(QEvent *event) override;

signals:
    /// -1 when there is nothing to count; `urgent` (e.g. overdue) is said next to it when >= 0.
    void countChanged(int count, int urgent = -1);
};

/// Cases in the user's scope, with a status filter.
class CasesPage final : public WorkbenchPageWidget
{
    Q_OBJECT

public:
    CasesPage(models::ApiClient *api, QWidget *parent = nullptr);
    ~CasesPage() override;
    void refresh() override;
    void focusFirst() override;

private:
    void retranslate() override;
    models::CaseListModel *m_model;
    QComboBox *m_status;
    QLabel *m_statusLabel;
    QTableView *m_table;
    QPushButton *m_more;
    QPushButton *m_refresh;
    QLabel *m_message;
};

/// The matter catalog from the local cache, searched as you type (code, name, pinyin initials).
class CatalogPage final : public WorkbenchPageWidget
{
    Q_OBJECT

public:
    CatalogPage(models::LocalStore *store, models::CatalogSync *sync, QWidget *parent = nullptr);
    ~CatalogPage() override;
    void refresh() override;
    void focusFirst() override;

private:
    void reloadFromStore();
    void retranslate() override;
    models::LocalStore *m_store;
    models::CatalogSync *m_sync;
    models::MatterCatalogModel *m_model;
    models::MatterFilterModel *m_filter;
    QLabel *m_searchLabel;
    QLineEdit *m_search;
    QTableView *m_table;
    QPushButton *m_refresh;
    QLabel *m_message;
};

} // namespace onewindow::client
