#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableView;

namespace onewindow::models {
class TodayCasesModel;
}

namespace onewindow::sdk {

/// A workbench page of one department's cases accepted today (models::TodayCasesModel): how
/// many, the table, and a Refresh button. Loads when first shown. The plugin names the page and
/// says what the count means; the rest (loading, failures, the table) is the same for every
/// department. Part of the plugin widgets library, which a plugin links statically.
class TodayCasesPage final : public QWidget
{
    Q_OBJECT

public:
    /// What the count line says once the cases are loaded, in the user's language.
    using Summary = std::function<QString(const models::TodayCasesModel &model)>;

    /// Takes `model` over. `title` is the page's and the table's accessible name.
    TodayCasesPage(models::TodayCasesModel *model, const QString &title, Summary summary, QWidget *parent = nullptr);
    ~TodayCasesPage() override;

    models::TodayCasesModel *model() const { return m_model; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateSummary();

    models::TodayCasesModel *m_model;
    Summary m_summaryText;
    QTableView *m_table;
    QLabel *m_summary;
    QPushButton *m_refresh;
    bool m_loadedOnce = false;
};

} // namespace onewindow::sdk
