#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace onewindow::models {

class ApiClient;
struct ApiResponse;

/// The views of the deficiency tracker: what a clerk chases, soonest due first. Outstanding, the
/// view the tracker opens on, is everything still owed, the overdue first.
enum class DeficiencyView { Outstanding, DueToday, DueThisWeek, Overdue, Supplied, Waived };

/// How many deficiencies each view holds (GET /deficiencies/counts), by the server's date.
struct DeficiencyCounts
{
    QDate today;
    int outstanding = 0;
    int dueToday = 0;
    int dueThisWeek = 0;
    int overdue = 0;
    int supplied = 0;
    int waived = 0;

    static DeficiencyCounts fromJson(const QJsonObject &o);
    int of(DeficiencyView view) const;
    /// Still to chase: outstanding and overdue.
    int open() const { return outstanding + overdue; }
};

class DeficiencyTracking
{
    Q_DECLARE_TR_FUNCTIONS(onewindow::models::DeficiencyTracking)

public:
    static QList<DeficiencyView> views();
    static QString viewName(DeficiencyView view);
    /// The list call for a view: `today` is the server's date (the week ends on Sunday); empty
    /// `center` or `matter` mean all.
    static QString listPath(DeficiencyView view, const QDate &today, const QString &center, const QString &matter);
    static QString countsPath(const QString &center, const QString &matter);

    /// A deficiency's history in words, oldest first, each line with its date: accepted as
    /// deficient, overdue, supplied (how, by whom), waived (by whom, why), and every reminder.
    static QStringList history(const QJsonObject &deficiency, const QString &acceptedAt);
    /// A reminder in words: which one, and whether and when it was sent.
    static QString reminderText(const QJsonObject &reminder);
    /// "2 materials outstanding, 1 of them overdue" for the top of a case; empty when none.
    static QString outstandingSummary(const QJsonObject &caseObject);

    /// Supplies or waives (`action`: "supply", "waive") a deficiency of a case: reads the case
    /// first for its ETag, so the change is refused (412) if someone changed the case meanwhile.
    /// `done` gets the change's answer, or the read's when that failed.
    static void resolve(ApiClient *api, const QString &caseId, const QString &deficiencyId, const QString &action,
                        const QJsonObject &body, std::function<void(const ApiResponse &)> done, QObject *context);
};

} // namespace onewindow::models
