#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace onewindow::models {
class ApiClient;
class ServerClock;
} // namespace onewindow::models

namespace onewindow::market {

class TodayMarketCasesModel;

/// The workbench page "Today's market regulation cases": the MR cases accepted today, how many
/// and how many of them for enterprises, and a Refresh button. Loads when first shown.
class TodayMarketCasesPage final : public QWidget
{
    Q_OBJECT

public:
    TodayMarketCasesPage(models::ApiClient *api, models::ServerClock *clock, QWidget *parent = nullptr);
    ~TodayMarketCasesPage() override;

    TodayMarketCasesModel *model() const { return m_model; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateSummary();

    TodayMarketCasesModel *m_model;
    QTableView *m_table;
    QLabel *m_summary;
    QPushButton *m_refresh;
    bool m_loadedOnce = false;
};

} // namespace onewindow::market
