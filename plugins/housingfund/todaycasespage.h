#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace onewindow::models {
class ApiClient;
class ServerClock;
}

namespace onewindow::housingfund {

class TodayCasesModel;

/// The workbench page "Today's housing fund cases": the HF cases accepted today, how many, and a
/// Refresh button. Loads when first shown.
class TodayCasesPage final : public QWidget
{
    Q_OBJECT

public:
    TodayCasesPage(models::ApiClient *api, models::ServerClock *clock, QWidget *parent = nullptr);
    ~TodayCasesPage() override;

    TodayCasesModel *model() const { return m_model; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateSummary();

    TodayCasesModel *m_model;
    QTableView *m_table;
    QLabel *m_summary;
    QPushButton *m_refresh;
    bool m_loadedOnce = false;
};

} // namespace onewindow::housingfund
