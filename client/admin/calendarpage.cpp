#include "calendarpage.h"

#include "asyncfiles.h"

#include "models/apiclient.h"
#include "models/matteradmin.h"
#include "models/serverclock.h"

#include <QCalendarWidget>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTextCharFormat>
#include <QVBoxLayout>

namespace onewindow::client {

CalendarPage::CalendarPage(models::ApiClient *api, QWidget *parent)
    : WorkbenchPageWidget(parent)
    , m_api(api)
    , m_admin(new models::CatalogAdmin(api, this))
    , m_calendar(new QCalendarWidget(this))
    , m_days(new QListWidget(this))
    , m_import(new QPushButton(this))
    , m_message(makeMessage(this))
{
    m_message->setObjectName(QStringLiteral("calendarMessage"));
    m_calendar->setGridVisible(true);
    m_calendar->setFirstDayOfWeek(Qt::Monday);
    m_calendar->setSelectedDate(api->clock()->today());
    auto *row = new QHBoxLayout;
    row->addWidget(m_calendar, 2);
    row->addWidget(m_days, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_import);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    connect(m_calendar, &QCalendarWidget::currentPageChanged, this, [this] { load(); });
    connect(m_import, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import the year's official schedule"),
                                                          QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
                                                          tr("JSON files (*.json)"));
        if (!path.isEmpty())
            importFrom(path);
    });
    retranslate();
}

CalendarPage::~CalendarPage() = default;

void CalendarPage::refresh()
{
    load();
}

void CalendarPage::focusFirst()
{
    m_calendar->setFocus();
}

void CalendarPage::showMonth(const QDate &day)
{
    m_calendar->setSelectedDate(day);
    m_calendar->setCurrentPage(day.year(), day.month());
    load();
}

QStringList CalendarPage::specialDays() const
{
    QStringList out;
    for (int i = 0; i < m_days->count(); ++i)
        out << m_days->item(i)->text();
    return out;
}

void CalendarPage::load()
{
    const QDate first(m_calendar->yearShown(), m_calendar->monthShown(), 1);
    const QDate last = first.addMonths(1).addDays(-1);
    const int generation = ++m_generation;
    m_admin->calendar(first, last, [this, generation, first, last](const QJsonObject &answer, const models::ApiError &error) {
        if (generation != m_generation)
            return;
        if (error.isError())
            return showMessage(m_message, error.userMessage());
        for (QDate d = first; d <= last; d = d.addDays(1))
            m_calendar->setDateTextFormat(d, {});
        m_days->clear();
        QTextCharFormat holiday;
        holiday.setForeground(QColor(0xb0, 0x00, 0x20));
        holiday.setFontWeight(QFont::Bold);
        QTextCharFormat adjusted;
        adjusted.setForeground(palette().color(QPalette::Text));
        adjusted.setFontUnderline(true);
        for (const auto &v : answer.value(QLatin1String("days")).toArray()) {
            const QJsonObject day = v.toObject();
            const QDate date = QDate::fromString(day.value(QLatin1String("date")).toString(), Qt::ISODate);
            const QString name = day.value(QLatin1String("holiday")).toString();
            const QString shown = QLocale().toString(date, QLocale::ShortFormat);
            if (!name.isEmpty()) {
                QTextCharFormat f = holiday;
                f.setToolTip(name);
                m_calendar->setDateTextFormat(date, f);
                m_days->addItem(tr("%1: %2, a holiday").arg(shown, name));
            } else if (day.value(QLatin1String("adjusted")).toBool()) {
                QTextCharFormat f = adjusted;
                f.setToolTip(tr("A working day"));
                m_calendar->setDateTextFormat(date, f);
                m_days->addItem(tr("%1: a working day (weekend day moved)").arg(shown));
            }
        }
        if (m_days->count() == 0)
            m_days->addItem(tr("No holiday and no moved working day this month."));
        emit monthLoaded();
    });
}

void CalendarPage::importFrom(const QString &path, std::function<void(const QString &)> done)
{
    const auto finish = [this, done](const QString &message, const QString &error) {
        showMessage(m_message, error.isEmpty() ? message : error);
        if (done)
            done(error);
    };
    readJsonObjectAsync(this, path, tr("%1 is not a schedule in JSON: %2"),
                        [this, finish](const QJsonObject &schedule, const QString &readError) {
        if (!readError.isEmpty())
            return finish({}, readError);
        const int year = schedule.value(QLatin1String("year")).toInt();
        if (year < 1900)
            return finish({}, tr("The schedule names no year (\"year\": 2027)."));
        m_admin->replaceCalendarYear(year, schedule, [this, year, finish](const QJsonObject &answer, const models::ApiError &error) {
            if (error.isError()) {
                QString message = tr("The schedule of %1 was not taken: %2").arg(year).arg(error.userMessage());
                for (const auto &f : error.fieldErrors)
                    message += QStringLiteral("\n• %1: %2").arg(f.field, f.message);
                return finish({}, message);
            }
            finish(tr("The calendar of %1 is now the official schedule: %2 holiday days, %3 weekend days worked. "
                      "Due dates from now on count over it; cases accepted before keep theirs.")
                       .arg(year)
                       .arg(answer.value(QLatin1String("holidayDays")).toInt())
                       .arg(answer.value(QLatin1String("adjustedWorkingDays")).toInt()),
                   {});
            showMonth(QDate(year, 1, 1));
        });
    });
}

void CalendarPage::retranslate()
{
    m_calendar->setAccessibleName(tr("Month"));
    // The calendar's own parts, named for a screen reader.
    const std::pair<const char *, QString> parts[] = {
        {"qt_calendar_calendarview", tr("Days of the month")}, {"qt_calendar_prevmonth", tr("Previous month")},
        {"qt_calendar_nextmonth", tr("Next month")},            {"qt_calendar_monthbutton", tr("Choose the month")},
        {"qt_calendar_yearbutton", tr("Choose the year")},      {"qt_calendar_yearedit", tr("Year")}};
    for (const auto &[name, text] : parts) {
        if (auto *part = m_calendar->findChild<QWidget *>(QLatin1String(name)))
            part->setAccessibleName(text);
    }
    m_days->setAccessibleName(tr("Holidays and moved working days of the month"));
    m_import->setText(tr("&Import the year's schedule…"));
    m_import->setAccessibleName(tr("Import the year's official schedule"));
}

} // namespace onewindow::client
