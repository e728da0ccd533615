#pragma once

#include "pages.h"

#include <QDate>
#include <QJsonArray>

#include <functional>

class QCalendarWidget;
class QLabel;
class QListWidget;
class QPushButton;

namespace onewindow::models {
class ApiClient;
class CatalogAdmin;
} // namespace onewindow::models

namespace onewindow::client {

/// The working-day calendar for the administrator (工作日历, F4): a month at a time, holidays and
/// the weekend days made working days marked and listed; next year's official schedule imported
/// from its file, checked by the server, every problem said.
class CalendarPage final : public WorkbenchPageWidget
{
    Q_OBJECT

public:
    explicit CalendarPage(models::ApiClient *api, QWidget *parent = nullptr);
    ~CalendarPage() override;

    void refresh() override;
    void focusFirst() override;
    /// Shows the month of `day`.
    void showMonth(const QDate &day);
    /// The month's days that are not as the week would have them, as listed.
    QStringList specialDays() const;
    /// Reads the schedule in `path` and puts it into the calendar; `done` with the error.
    void importFrom(const QString &path, std::function<void(const QString &error)> done = {});

signals:
    void monthLoaded();

private:
    void retranslate() override;
    void load();

    models::ApiClient *m_api;
    models::CatalogAdmin *m_admin;
    QCalendarWidget *m_calendar;
    QListWidget *m_days;
    QPushButton *m_import;
    QLabel *m_message;
    int m_generation = 0;
};

} // namespace onewindow::client
