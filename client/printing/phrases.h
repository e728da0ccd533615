#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace onewindow::printing {

/// The Chinese wording of the printed papers for the codes a Case carries (how a material was
/// provided, why it is missing, the channel, ...) and their date and time-limit formats. Papers
/// are printed in Chinese whatever the user's language, so the wording is a resource next to
/// the templates (:/printing/phrases.json), not a translation.
class Phrases
{
public:
    /// Loaded once from the resource; safe to read from any thread.
    static const Phrases &instance();

    /// 2026年11月27日 (GB/T 9704: no leading zeros); empty for an invalid date.
    QString date(const QDate &date) const;
    /// 2026年11月27日 09:15, in the time's own offset (the hall's time, as the server sent it).
    QString dateTime(const QDateTime &dateTime) const;
    /// "1个工作日", "0.5个工作日"; empty for a negative number (unknown).
    QString workingDays(double days) const;
    /// The phrase for `code` in `group` ("provided", "problems", ...); `code` itself when there is none.
    QString phrase(const QString &group, const QString &code) const;

private:
    Phrases();
    QJsonObject m_root;
    QString m_dateFormat;
    QString m_timeFormat;
    QString m_workingDays;
};

} // namespace onewindow::printing
