#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

class QWidget;

namespace onewindow::sdk {
class Registries;
struct FieldSpec;
} // namespace onewindow::sdk

namespace onewindow::client {

/// The table from a form field's type to the widget that edits it. Built-in types ("text",
/// "id_number", "credit_code", "phone", "number", "money", "date") come first; a department plugin
/// adds its own types, or replaces a built-in one, through the registries.
///
/// Whatever the widget, its value is read and written through its USER property (QLineEdit's
/// text, QComboBox's currentText, a plugin widget's own), as QDataWidgetMapper does, and a change
/// is noticed through that property's notify signal: a plugin's widget needs nothing more.
class FieldEditors
{
    Q_DECLARE_TR_FUNCTIONS(FieldEditors)

public:
    explicit FieldEditors(const sdk::Registries *registries = nullptr);

    /// A new editor for the field, its accessible name the field's label.
    QWidget *create(const sdk::FieldSpec &field, QWidget *parent) const;
    /// True when the editor comes from a plugin.
    bool isPluginType(const QString &type) const;

    static QString value(const QWidget *editor);
    static void setValue(QWidget *editor, const QString &value);
    /// Calls `changed` with the new value whenever the editor's value changes (typed, chosen, or
    /// set through the accessibility interface). False when the widget has no notifying USER property.
    static bool onChanged(QWidget *editor, QObject *context, std::function<void(const QString &)> changed);

    /// Plugin checks of a field of a matter of `department`: the messages of the failing ones.
    QStringList pluginProblems(const QString &fieldKey, const QString &department, const QString &value) const;

private:
    const sdk::Registries *m_registries;
};

} // namespace onewindow::client
