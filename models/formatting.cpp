#include "formatting.h"

#include <QCoreApplication>

namespace onewindow::models {

namespace {
/// The translation context of these texts.
struct Formatting
{
    Q_DECLARE_TR_FUNCTIONS(onewindow::models::Formatting)
};
} // namespace

QString formatWorkingDays(double days)
{
    if (days == 0.5)
        return Formatting::tr("half a working day");
    if (days == static_cast<int>(days))
        return Formatting::tr("%n working day(s)", nullptr, static_cast<int>(days));
    return Formatting::tr("%1 working days").arg(QString::number(days));
}

QString caseStatusText(const QString &status)
{
    static const struct
    {
        const char *code;
        const char *text;
    } names[] = {
        {"draft", QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Draft")},
        {"accepted", QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Accepted")},
        {"accepted_with_deficiency", QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Accepted with deficiency")},
        {"not_accepted", QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Not accepted")},
        {"under_review", QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Under review")},
        {"returned_for_correction", QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Returned for correction")},
        {"approved_simulated", QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Approved (simulated)")},
        {"approved", QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Approved")},
        {"rejected", QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Rejected")},
        {"withdrawn", QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Withdrawn")},
        {"terminated", QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Terminated")},
        {"result_ready", QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Result ready")},
        {"delivered", QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Delivered")},
        {"closed", QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Closed")},
    };
    for (const auto &name : names) {
        if (status == QLatin1String(name.code))
            return Formatting::tr(name.text);
    }
    return status;
}

QString deficiencyStatusText(const QString &status, const QDate &dueDate, const QDate &today)
{
    if (status == QLatin1String("supplied"))
        return Formatting::tr("Supplied");
    if (status == QLatin1String("waived"))
        return Formatting::tr("Waived");
    const qint64 days = today.daysTo(dueDate);
    if (status == QLatin1String("overdue") || days < 0)
        return Formatting::tr("Overdue by %n day(s)", nullptr, static_cast<int>(qMax<qint64>(1, -days)));
    if (days == 0)
        return Formatting::tr("Due today");
    return Formatting::tr("Due in %n day(s)", nullptr, static_cast<int>(days));
}

} // namespace onewindow::models
