#include "phrases.h"

#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>

namespace onewindow::printing {

Q_LOGGING_CATEGORY(lcPhrases, "onewindow.printing")

const Phrases &Phrases::instance()
{
    static const Phrases phrases;
    return phrases;
}

Phrases::Phrases()
{
    QFile file(QStringLiteral(":/printing/phrases.json"));
    if (file.open(QIODevice::ReadOnly)) {
        QJsonParseError error;
        m_root = QJsonDocument::fromJson(file.readAll(), &error).object();
        if (error.error != QJsonParseError::NoError)
            qCWarning(lcPhrases) << "phrases.json:" << error.errorString();
    } else {
        qCWarning(lcPhrases) << "cannot open" << file.fileName();
    }
    m_dateFormat = m_root.value(QLatin1String("dateFormat")).toString(QStringLiteral("yyyy-MM-dd"));
    m_timeFormat = m_root.value(QLatin1String("timeFormat")).toString(QStringLiteral("HH:mm"));
    m_workingDays = m_root.value(QLatin1String("workingDays")).toString(QStringLiteral("%1"));
}

QString Phrases::date(const QDate &date) const
{
    return date.isValid() ? date.toString(m_dateFormat) : QString();
}

QString Phrases::dateTime(const QDateTime &dateTime) const
{
    if (!dateTime.isValid())
        return {};
    return dateTime.date().toString(m_dateFormat) + QLatin1Char(' ') + dateTime.time().toString(m_timeFormat);
}

QString Phrases::workingDays(double days) const
{
    if (days < 0)
        return {};
    return m_workingDays.arg(QString::number(days, 'g', 6));
}

QString Phrases::phrase(const QString &group, const QString &code) const
{
    const QString text = m_root.value(group).toObject().value(code).toString();
    return text.isEmpty() ? code : text;
}

} // namespace onewindow::printing
