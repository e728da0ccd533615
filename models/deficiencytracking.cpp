#include "deficiencytracking.h"

#include "apiclient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QUrlQuery>

namespace onewindow::models {

namespace {

QString when(const QString &timestamp)
{
    if (timestamp.size() == 10) { // a date: no time of day to invent
        const QDate day = QDate::fromString(timestamp, Qt::ISODate);
        return day.isValid() ? QLocale().toString(day, QLocale::ShortFormat) : timestamp;
    }
    const QDateTime at = QDateTime::fromString(timestamp, Qt::ISODate);
    if (at.isValid())
        return QLocale().toString(at, QLocale::ShortFormat);
    const QDate day = QDate::fromString(timestamp, Qt::ISODate);
    return day.isValid() ? QLocale().toString(day, QLocale::ShortFormat) : timestamp;
}

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

DeficiencyCounts DeficiencyCounts::fromJson(const QJsonObject &o)
{
    DeficiencyCounts c;
    c.today = QDate::fromString(text(o, "today"), Qt::ISODate);
    c.outstanding = o.value(QLatin1String("outstanding")).toInt();
    c.dueToday = o.value(QLatin1String("dueToday")).toInt();
    c.dueThisWeek = o.value(QLatin1String("dueThisWeek")).toInt();
    c.overdue = o.value(QLatin1String("overdue")).toInt();
    c.supplied = o.value(QLatin1String("supplied")).toInt();
    c.waived = o.value(QLatin1String("waived")).toInt();
    return c;
}

int DeficiencyCounts::of(DeficiencyView view) const
{
    switch (view) {
    case DeficiencyView::Outstanding: return outstanding + overdue; // everything still owed
    case DeficiencyView::DueToday: return dueToday;
    case DeficiencyView::DueThisWeek: return dueThisWeek;
    case DeficiencyView::Overdue: return overdue;
    case DeficiencyView::Supplied: return supplied;
    case DeficiencyView::Waived: return waived;
    }
    return 0;
}

QList<DeficiencyView> DeficiencyTracking::views()
{
    return {DeficiencyView::Outstanding, DeficiencyView::DueToday, DeficiencyView::DueThisWeek,
            DeficiencyView::Overdue, DeficiencyView::Supplied, DeficiencyView::Waived};
}

QString DeficiencyTracking::viewName(DeficiencyView view)
{
    switch (view) {
    case DeficiencyView::Outstanding: return tr("Outstanding");
    case DeficiencyView::DueToday: return tr("Due today");
    case DeficiencyView::DueThisWeek: return tr("Due this week");
    case DeficiencyView::Overdue: return tr("Overdue");
    case DeficiencyView::Supplied: return tr("Supplied");
    case DeficiencyView::Waived: return tr("Waived");
    }
    return {};
}

QString DeficiencyTracking::listPath(DeficiencyView view, const QDate &today, const QString &center,
                                     const QString &matter)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("200"));
    switch (view) {
    case DeficiencyView::Outstanding: query.addQueryItem(QStringLiteral("status"), QStringLiteral("owed")); break;
    case DeficiencyView::DueToday:
        query.addQueryItem(QStringLiteral("status"), QStringLiteral("outstanding"));
        query.addQueryItem(QStringLiteral("dueBefore"), today.addDays(1).toString(Qt::ISODate));
        break;
    case DeficiencyView::DueThisWeek:
        query.addQueryItem(QStringLiteral("status"), QStringLiteral("outstanding"));
        query.addQueryItem(QStringLiteral("dueBefore"), today.addDays(8 - today.dayOfWeek()).toString(Qt::ISODate));
        break;
    case DeficiencyView::Overdue: query.addQueryItem(QStringLiteral("status"), QStringLiteral("overdue")); break;
    case DeficiencyView::Supplied: query.addQueryItem(QStringLiteral("status"), QStringLiteral("supplied")); break;
    case DeficiencyView::Waived: query.addQueryItem(QStringLiteral("status"), QStringLiteral("waived")); break;
    }
    if (!center.isEmpty())
        query.addQueryItem(QStringLiteral("center"), center);
    if (!matter.isEmpty())
        query.addQueryItem(QStringLiteral("matter"), matter);
    return QStringLiteral("/deficiencies?") + query.toString(QUrl::FullyEncoded);
}

QString DeficiencyTracking::countsPath(const QString &center, const QString &matter)
{
    QUrlQuery query;
    if (!center.isEmpty())
        query.addQueryItem(QStringLiteral("center"), center);
    if (!matter.isEmpty())
        query.addQueryItem(QStringLiteral("matter"), matter);
    const QString q = query.toString(QUrl::FullyEncoded);
    return QStringLiteral("/deficiencies/counts") + (q.isEmpty() ? QString() : QLatin1Char('?') + q);
}

QString DeficiencyTracking::reminderText(const QJsonObject &reminder)
{
    const QString kind = text(reminder, "kind");
    QString what;
    if (kind == QLatin1String("due_soon"))
        what = tr("Reminder before the due date");
    else if (kind == QLatin1String("due_today"))
        what = tr("Reminder on the due date");
    else
        what = tr("Notice of being overdue");
    const QString status = text(reminder, "status");
    if (status == QLatin1String("sent"))
        return tr("%1: sent by SMS %2").arg(what, when(text(reminder, "sentAt")));
    if (status == QLatin1String("failed"))
        return tr("%1: could not be sent (written %2)").arg(what, when(text(reminder, "createdAt")));
    if (status == QLatin1String("cancelled"))
        return tr("%1: not sent, no longer needed").arg(what);
    return tr("%1: waiting to be sent (written %2)").arg(what, when(text(reminder, "createdAt")));
}

QStringList DeficiencyTracking::history(const QJsonObject &d, const QString &acceptedAt)
{
    QStringList lines;
    lines << tr("%1: accepted as deficient, to be supplied by %2")
                 .arg(when(acceptedAt), when(text(d, "dueDate")));
    if (!text(d, "overdueAt").isEmpty())
        lines << tr("%1: overdue").arg(when(text(d, "overdueAt")));
    for (const auto &r : d.value(QLatin1String("reminders")).toArray())
        lines << reminderText(r.toObject());
    if (!text(d, "suppliedAt").isEmpty()) {
        const QString how = text(d, "provided") == QLatin1String("scan") ? tr("as a scan") : tr("on paper");
        lines << tr("%1: supplied %2, recorded by %3").arg(when(text(d, "suppliedAt")), how, text(d, "suppliedBy"));
    }
    if (!text(d, "waivedAt").isEmpty())
        lines << tr("%1: waived by %2: %3").arg(when(text(d, "waivedAt")), text(d, "waivedBy"), text(d, "waiveReason"));
    return lines;
}

QString DeficiencyTracking::outstandingSummary(const QJsonObject &caseObject)
{
    int open = 0;
    int overdue = 0;
    for (const auto &v : caseObject.value(QLatin1String("deficiencies")).toArray()) {
        const QString status = v.toObject().value(QLatin1String("status")).toString();
        if (status == QLatin1String("outstanding") || status == QLatin1String("overdue"))
            ++open;
        if (status == QLatin1String("overdue"))
            ++overdue;
    }
    if (open == 0)
        return {};
    const QString materials = tr("%n material(s) still to be supplied", nullptr, open);
    return overdue == 0 ? materials + QLatin1Char('.')
                        : tr("%1, %n of them overdue.", nullptr, overdue).arg(materials);
}

void DeficiencyTracking::resolve(ApiClient *api, const QString &caseId, const QString &deficiencyId,
                                 const QString &action, const QJsonObject &body,
                                 std::function<void(const ApiResponse &)> done, QObject *context)
{
    const QString casePath = QStringLiteral("/cases/") + caseId;
    api->get(casePath, [=](const ApiResponse &read) {
        if (!read.ok()) {
            done(read);
            return;
        }
        api->change("POST", QStringLiteral("%1/deficiencies/%2/%3").arg(casePath, deficiencyId, action), casePath, body,
                    done, context);
    }, context);
}

} // namespace onewindow::models
