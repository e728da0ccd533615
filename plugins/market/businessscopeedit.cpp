#include "businessscopeedit.h"

#include "domain/businessscope.h"
#include "tr.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QStringListModel>

#include <utility>

namespace onewindow::market {

namespace {

bool isSeparator(QChar c)
{
    return c.isSpace() || c == QLatin1Char(',') || c == QLatin1Char(';') || c == QChar(0xFF0C) /* ， */
        || c == QChar(0xFF1B) /* ； */ || c == QChar(0x3001) /* 、 */;
}

} // namespace

BusinessScopeEdit::BusinessScopeEdit(QWidget *parent)
    : QLineEdit(parent)
    , m_completer(new QCompleter(this))
{
    QStringList entries;
    for (const BusinessScope::Industry &industry : BusinessScope::industries())
        entries << QString::fromUtf8(industry.code.data(), static_cast<qsizetype>(industry.code.size()))
                + QLatin1Char(' ')
                + QString::fromUtf8(industry.name.data(), static_cast<qsizetype>(industry.name.size()));
    m_completer->setModel(new QStringListModel(entries, m_completer));
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setWidget(this);
    m_completer->popup()->setAccessibleName(Tr::tr("Industry codes"));
    setPlaceholderText(Tr::tr("Industry codes, e.g. C1742；F5132"));

    connect(this, &QLineEdit::textEdited, this, &BusinessScopeEdit::offerCompletions);
    connect(
        m_completer, qOverload<const QString &>(&QCompleter::activated), this, &BusinessScopeEdit::insertCompletion);
    connect(this, &QLineEdit::textChanged, this, &BusinessScopeEdit::describe);
}

BusinessScopeEdit::~BusinessScopeEdit() = default;

QString BusinessScopeEdit::currentCode() const
{
    const QString before = text().left(cursorPosition());
    qsizetype start = before.size();
    while (start > 0 && !isSeparator(before.at(start - 1)))
        --start;
    return before.mid(start);
}

void BusinessScopeEdit::offerCompletions()
{
    const QString code = currentCode();
    if (code.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(code);
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->complete();
}

void BusinessScopeEdit::insertCompletion(const QString &completion)
{
    // The code alone replaces what was typed of it; the name stays in the tool tip.
    const QString code = completion.section(QLatin1Char(' '), 0, 0);
    const qsizetype typed = currentCode().size();
    const int at = cursorPosition();
    QString value = text();
    value.replace(at - typed, typed, code);
    setText(value);
    setCursorPosition(static_cast<int>(at - typed + code.size()));
}

QString BusinessScopeEdit::namesOfCodes() const
{
    QStringList names;
    QString current;
    const auto take = [&names](const QString &code) {
        if (const BusinessScope::Industry *industry = BusinessScope::industry(code.toUpper().toStdString()))
            names << code.toUpper() + QLatin1Char(' ')
                    + QString::fromUtf8(industry->name.data(), static_cast<qsizetype>(industry->name.size()));
    };
    for (const QChar c : text()) {
        if (isSeparator(c)) {
            take(std::exchange(current, {}));
        } else {
            current += c;
        }
    }
    take(current);
    return names.join(QChar(0xFF1B));
}

void BusinessScopeEdit::describe()
{
    // The tool tip only: the intake form says a field's problems in its accessible description.
    setToolTip(namesOfCodes());
}

} // namespace onewindow::market
