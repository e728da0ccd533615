#pragma once

#include <QObject>
#include <QStringList>

class QTranslator;

namespace onewindow::client {

/// The client's languages: Chinese (zh_CN) and English. Switching installs the translators of
/// OneWindow and of Qt itself; every window retranslates on QEvent::LanguageChange.
class Languages : public QObject
{
    Q_OBJECT

public:
    explicit Languages(QObject *parent = nullptr);
    ~Languages() override;

    static QStringList available() { return {QStringLiteral("zh_CN"), QStringLiteral("en")}; }
    /// The language's own name, e.g. 中文 for zh_CN.
    static QString nativeName(const QString &code);
    /// The command line's choice if any, else the last one chosen, else the system's.
    static QString initial(const QString &fromCommandLine);

    bool apply(const QString &code);
    QString current() const { return m_current; }

private:
    QString m_current;
    QTranslator *m_app = nullptr;
    QTranslator *m_qt = nullptr;
};

} // namespace onewindow::client
