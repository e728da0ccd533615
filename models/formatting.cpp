#include "formatting.h"

#include <QCoreApplication>

#include <iterator>
#include <limits>

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
    // A whole number of days an int holds (a number from the server may be any double).
    if (days >= std::numeric_limits<int>::min() && days <= std::numeric_limits<int>::max()
        && days == static_cast<int>(days))
        return Formatting::tr("%n working day(s)", nullptr, static_cast<int>(days));
    return Formatting::tr("%1 working days").arg(QString::number(days));
}

QString caseStatusText(CaseState state)
{
    // In the order of CaseState. Their Chinese translations are the domain's StateNames (tested).
    static const char *const names[] = {
        QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Draft"),
        QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Accepted"),
        QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Accepted with deficiency"),
        QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Not accepted"),
        QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Under review"),
        QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Returned for correction"),
        QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Approved (simulated)"),
        QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Approved"),
        QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Rejected"),
        QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Withdrawn"),
        QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Terminated"),
        QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Result ready"),
        QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Delivered"),
        QT_TRANSLATE_NOOP("onewindow::models::Formatting", "Closed"),
    };
    static_assert(std::size(names) == static_cast<std::size_t>(CaseState::Closed) + 1);
    return Formatting::tr(names[static_cast<std::size_t>(state)]);
}

QString caseStatusText(const QString &status)
{
    const auto state = CaseLifecycle::stateFromCode(status.toStdString());
    return state ? caseStatusText(*state) : status;
}

QString deficiencyStatusText(DeficiencyStatus status)
{
    switch (status) {
    case DeficiencyStatus::Outstanding:
        return Formatting::tr("Outstanding");
    case DeficiencyStatus::Overdue:
        return Formatting::tr("Overdue");
    case DeficiencyStatus::Supplied:
        return Formatting::tr("Supplied");
    case DeficiencyStatus::Waived:
        return Formatting::tr("Waived");
    }
    return {};
}

QString deficiencyStatusText(const QString &status, const QDate &dueDate, const QDate &today)
{
    const auto known = StateNames::deficiencyStatusFromCode(status.toStdString());
    if (known && !StateNames::isOwed(*known))
        return deficiencyStatusText(*known);
    const qint64 days = today.daysTo(dueDate);
    if (status == QLatin1String("overdue") || days < 0)
        return Formatting::tr("Overdue by %n day(s)", nullptr, static_cast<int>(qMax<qint64>(1, -days)));
    if (days == 0)
        return Formatting::tr("Due today");
    return Formatting::tr("Due in %n day(s)", nullptr, static_cast<int>(days));
}

QStringList roleCodes()
{
    return {QStringLiteral("clerk"),  QStringLiteral("agent"),   QStringLiteral("approver"),      QStringLiteral("supervisor"),
            QStringLiteral("admin"), QStringLiteral("auditor"), QStringLiteral("security_admin")};
}

QString roleText(const QString &role)
{
    if (role == QLatin1String("clerk"))
        return Formatting::tr("Counter clerk");
    if (role == QLatin1String("agent"))
        return Formatting::tr("Village agent");
    if (role == QLatin1String("approver"))
        return Formatting::tr("Department approver");
    if (role == QLatin1String("supervisor"))
        return Formatting::tr("Supervisor");
    if (role == QLatin1String("admin"))
        return Formatting::tr("System administrator");
    if (role == QLatin1String("auditor"))
        return Formatting::tr("Auditor");
    if (role == QLatin1String("security_admin"))
        return Formatting::tr("Security administrator");
    return role;
}

QString ratingLevelText(int level)
{
    switch (level) {
    case 5: return Formatting::tr("Very satisfied");
    case 4: return Formatting::tr("Satisfied");
    case 3: return Formatting::tr("Fairly satisfied");
    case 2: return Formatting::tr("Dissatisfied");
    case 1: return Formatting::tr("Very dissatisfied");
    }
    return {};
}

} // namespace onewindow::models
