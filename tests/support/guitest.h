#pragma once

#include <QAccessible>
#include <QProcess>
#include <QWidget>

/// The text of a PDF as pdftotext reads it (-layout); empty when it cannot.
inline QString pdfText(const QString &pdf)
{
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (!pdftotext.waitForFinished(30000) || pdftotext.exitCode() != 0)
        return {};
    return QString::fromUtf8(pdftotext.readAllStandardOutput());
}

/// The widget under `root` whose accessible name is `name`, as a screen reader finds it.
/// Visible widgets first; a hidden one (an error label before any error) otherwise.
template<typename T = QWidget>
T *byAccessibleName(QWidget *root, const QString &name)
{
    T *hidden = nullptr;
    for (T *w : root->findChildren<T *>()) {
        if (w->accessibleName() != name)
            continue;
        if (w->isVisibleTo(root))
            return w;
        if (!hidden)
            hidden = w;
    }
    return hidden;
}

/// Interactive widgets (those that take focus) without an accessible name; empty is good.
inline QStringList unnamedInteractiveWidgets(QWidget *root)
{
    QStringList unnamed;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(root) || w->focusPolicy() == Qt::NoFocus || !w->isEnabled())
            continue;
        if (QString(w->metaObject()->className()).startsWith("QAbstractScrollArea")
            || w->inherits("QScrollBar") || w->inherits("QHeaderView") || w->parentWidget()->inherits("QAbstractSpinBox"))
            continue;
        // A widget inside a view's viewport is the view's business.
        if (w->objectName() == QLatin1String("qt_scrollarea_viewport"))
            continue;
        QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
        if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << QStringLiteral("%1 %2").arg(w->metaObject()->className(), w->objectName());
    }
    return unnamed;
}
