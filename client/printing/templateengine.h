#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace onewindow::printing {

/// The values a print template is filled with: text (HTML-escaped when inserted), markup this
/// library made itself (inserted as it is), and lists of items for the tables.
class TemplateData
{
public:
    using Item = QHash<QString, QString>; ///< one row of a list: field name to text

    /// Text, HTML-escaped where it is inserted.
    void setText(const QString &name, const QString &value) { m_text.insert(name, value); }
    /// Markup inserted as it is: only for what this library generates (the QR code image).
    void setHtml(const QString &name, const QString &html) { m_html.insert(name, html); }
    /// A list for `{{#name}}...{{/name}}`; a bare `{{name}}` inserts `partial`, a template
    /// itself (typically a table over `{{#name}}` rows), or nothing when there is none.
    void setList(const QString &name, const QList<Item> &items, const QString &partial = {});
    /// A condition for `{{#name}}...{{/name}}` and `{{^name}}...{{/name}}`.
    void setFlag(const QString &name, bool on) { m_flags.insert(name, on); }

    QString text(const QString &name) const { return m_text.value(name); }
    const QList<Item> *list(const QString &name) const;

private:
    friend class TemplateFiller;
    struct List
    {
        QList<Item> items;
        QString partial;
    };
    QHash<QString, QString> m_text;
    QHash<QString, QString> m_html;
    QHash<QString, List> m_lists;
    QHash<QString, bool> m_flags;
};

/// Fills a template written in a small subset of Mustache:
///
/// - `{{name}}`: the value, HTML-escaped (markup set with setHtml as it is; a list's partial);
/// - `{{#name}}...{{/name}}`: once per item of a list, with the item's fields in scope, and
///   `index` (counting from 1), `first` and `last` (non-empty on the first and last item); once
///   if a flag is on or a value is not empty;
/// - `{{^name}}...{{/name}}`: once if the list is empty, the flag off or the value empty.
///
/// Names unknown to `data` are replaced by nothing and reported in `problems`, as are sections
/// that are never closed.
QString fillTemplate(const QString &templateText, const TemplateData &data, QStringList *problems = nullptr);

} // namespace onewindow::printing
