#pragma once

#include "domain/statenames.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace onewindow::models {

/// "half a working day", "1 working day", "1.5 working days", in the user's language.
QString formatWorkingDays(double days);
/// A case's state in words, in the user's language; in Chinese the domain's StateNames.
QString caseStatusText(CaseState state);
/// A case status code ("accepted_with_deficiency") in words; an unknown code as it is.
QString caseStatusText(const QString &status);
/// A deficiency's status in one word ("Overdue"); in Chinese the domain's StateNames.
QString deficiencyStatusText(DeficiencyStatus status);
/// A deficiency's state in words, never by colour alone: "overdue by 2 days", "due today".
QString deficiencyStatusText(const QString &status, const QDate &dueDate, const QDate &today);

/// A rating of the national good/bad evaluation (好差评) in words: 5 "Very satisfied" (非常满意)
/// down to 1 "Very dissatisfied" (非常不满意); empty outside 1..5.
QString ratingLevelText(int level);

/// The roles users have, in the order an administrator chooses them.
QStringList roleCodes();
/// A role in words ("Counter clerk", 综窗受理员); an unknown code as it is.
QString roleText(const QString &role);

} // namespace onewindow::models
