#include "languages.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace onewindow::client {

Languages::Languages(QObject *parent) : QObject(parent) {}

Languages::~Languages() = default;

QString Languages::nativeName(const QString &code)
{
    return code == QLatin1String("zh_CN") ? QStringLiteral("中文（简体）") : QStringLiteral("English");
}

QString Languages::initial(const QString &fromCommandLine)
{
    if (available().contains(fromCommandLine))
        return fromCommandLine;
    const QString saved = QSettings().value(QStringLiteral("language")).toString();
    if (available().contains(saved))
        return saved;
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

bool Languages::apply(const QString &code)
{
    if (!available().contains(code))
        return false;
    if (code == m_current)
        return true;
    for (QTranslator *t : {m_app, m_qt}) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    m_app = new QTranslator(this);
    m_qt = new QTranslator(this);
    // English is the source language: its file only carries plural forms.
    if (m_app->load(QStringLiteral(":/i18n/onewindow_%1.qm").arg(code)))
        QCoreApplication::installTranslator(m_app);
    if (m_qt->load(QStringLiteral("qtbase_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(m_qt);
    QLocale::setDefault(QLocale(code));
    m_current = code;
    QSettings().setValue(QStringLiteral("language"), code);
    return true;
}

} // namespace onewindow::client
