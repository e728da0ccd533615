#include "fieldeditors.h"

#include "registries.h"

#include <QDoubleValidator>
#include <QLineEdit>
#include <QMetaMethod>
#include <QMetaProperty>
#include <QRegularExpressionValidator>

namespace onewindow::client {

namespace {

QLineEdit *lineEdit(const sdk::FieldSpec &field, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    const QString &type = field.type;
    if (type == QLatin1String("id_number") || type == QLatin1String("credit_code")) {
        edit->setMaxLength(18);
        edit->setInputMethodHints(Qt::ImhPreferUppercase | Qt::ImhNoPredictiveText);
    } else if (type == QLatin1String("phone")) {
        edit->setMaxLength(20);
        edit->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    } else if (type == QLatin1String("number") || type == QLatin1String("money")) {
        auto *validator = new QDoubleValidator(0, 1e12, type == QLatin1String("money") ? 2 : 6, edit);
        validator->setNotation(QDoubleValidator::StandardNotation);
        validator->setLocale(QLocale::c()); // the value is sent as typed: a dot, never a comma
        edit->setValidator(validator);
        edit->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
        if (type == QLatin1String("money"))
            edit->setPlaceholderText(FieldEditors::tr("Yuan, e.g. 5000.00"));
    } else if (type == QLatin1String("date")) {
        // Typed as the form asks it; a date edit would have no "not yet filled".
        edit->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9-]{0,10}")), edit));
        edit->setPlaceholderText(FieldEditors::tr("YYYY-MM-DD"));
        edit->setInputMethodHints(Qt::ImhDate);
    }
    return edit;
}

QMetaProperty userProperty(const QWidget *editor)
{
    return editor ? editor->metaObject()->userProperty() : QMetaProperty();
}

} // namespace

/// Receives a field widget's notify signal, whatever its arguments, and hands on the value.
class ChangeRelay final : public QObject
{
    Q_OBJECT

public:
    ChangeRelay(QWidget *editor, std::function<void(const QString &)> fn, QObject *parent)
        : QObject(parent), m_editor(editor), m_fn(std::move(fn))
    { }

public slots:
    void relay() { m_fn(FieldEditors::value(m_editor)); }

private:
    QWidget *m_editor;
    std::function<void(const QString &)> m_fn;
};

FieldEditors::FieldEditors(const sdk::Registries *registries)
    : m_registries(registries)
{ }

bool FieldEditors::isPluginType(const QString &type) const
{
    return m_registries && m_registries->fieldType(type);
}

QWidget *FieldEditors::create(const sdk::FieldSpec &field, QWidget *parent) const
{
    QWidget *editor = nullptr;
    if (const sdk::FieldTypeFactory *factory = m_registries ? m_registries->fieldType(field.type) : nullptr)
        editor = factory->create(field, parent);
    if (!editor || !userProperty(editor).isValid()) {
        delete editor; // a plugin widget without a value to read cannot be used
        editor = lineEdit(field, parent);
    }
    editor->setAccessibleName(field.label);
    editor->setObjectName(QStringLiteral("field_") + field.key);
    return editor;
}

QString FieldEditors::value(const QWidget *editor)
{
    const QMetaProperty property = userProperty(editor);
    return property.isValid() ? property.read(editor).toString() : QString();
}

void FieldEditors::setValue(QWidget *editor, const QString &value)
{
    const QMetaProperty property = userProperty(editor);
    if (property.isValid() && property.read(editor).toString() != value)
        property.write(editor, value);
}

bool FieldEditors::onChanged(QWidget *editor, QObject *context, std::function<void(const QString &)> changed)
{
    const QMetaProperty property = userProperty(editor);
    if (!property.isValid() || !property.hasNotifySignal())
        return false;
    // The notify signal's arguments differ from widget to widget: the relay reads the property afresh.
    auto *relay = new ChangeRelay(editor, std::move(changed), context);
    QObject::connect(editor, &QObject::destroyed, relay, &QObject::deleteLater);
    const QMetaMethod slot = relay->metaObject()->method(relay->metaObject()->indexOfSlot("relay()"));
    return static_cast<bool>(QObject::connect(editor, property.notifySignal(), relay, slot));
}

QStringList FieldEditors::pluginProblems(const QString &fieldKey, const QString &department, const QString &value) const
{
    QStringList out;
    if (!m_registries)
        return out;
    for (const sdk::FieldValidator &v : m_registries->validatorsFor(fieldKey, department)) {
        const QString message = v.validate ? v.validate(value) : QString();
        if (!message.isEmpty())
            out << message;
    }
    return out;
}

} // namespace onewindow::client

#include "fieldeditors.moc"
