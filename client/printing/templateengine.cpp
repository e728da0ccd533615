#include "templateengine.h"

#include <QStringView>

namespace onewindow::printing {

void TemplateData::setList(const QString &name, const QList<Item> &items, const QString &partial)
{
    m_lists.insert(name, List{items, partial});
}

const QList<TemplateData::Item> *TemplateData::list(const QString &name) const
{
    const auto it = m_lists.constFind(name);
    return it == m_lists.constEnd() ? nullptr : &it->items;
}

namespace {

constexpr int kMaxDepth = 8; // partials inside partials: a template that includes itself stops here

struct Tag
{
    qsizetype start = -1; ///< of "{{"
    qsizetype end = -1;   ///< after "}}"
    QChar kind;           ///< '#', '^', '/' or '\0' for a value
    QString name;
};

/// The next tag at or after `from`, or one with start -1.
Tag nextTag(QStringView text, qsizetype from)
{
    Tag tag;
    const qsizetype open = text.indexOf(u"{{", from);
    if (open < 0)
        return tag;
    const qsizetype close = text.indexOf(u"}}", open + 2);
    if (close < 0)
        return tag;
    QStringView inside = text.mid(open + 2, close - open - 2).trimmed();
    if (!inside.isEmpty() && (inside.front() == u'#' || inside.front() == u'^' || inside.front() == u'/')) {
        tag.kind = inside.front();
        inside = inside.mid(1).trimmed();
    }
    tag.start = open;
    tag.end = close + 2;
    tag.name = inside.toString();
    return tag;
}

} // namespace

/// Walks a template once, writing the filled text.
class TemplateFiller
{
public:
    TemplateFiller(const TemplateData &data, QStringList *problems) : m_data(data), m_problems(problems) {}

    void fill(QStringView text, const TemplateData::Item *item, QString &out, int depth)
    {
        qsizetype at = 0;
        while (at < text.size()) {
            const Tag tag = nextTag(text, at);
            if (tag.start < 0) {
                out += text.mid(at);
                return;
            }
            out += text.mid(at, tag.start - at);
            at = tag.end;
            if (tag.kind == u'/') {
                problem(QStringLiteral("unexpected {{/%1}}").arg(tag.name));
                continue;
            }
            if (tag.kind.isNull()) {
                value(tag.name, item, out, depth);
                continue;
            }
            // A section: find its end, counting sections of the same name inside it.
            qsizetype scan = tag.end;
            int open = 1;
            Tag close;
            while (open > 0) {
                close = nextTag(text, scan);
                if (close.start < 0)
                    break;
                scan = close.end;
                if (close.name != tag.name)
                    continue;
                if (close.kind == u'/')
                    --open;
                else if (!close.kind.isNull())
                    ++open;
            }
            if (open > 0) {
                problem(QStringLiteral("{{%1%2}} is never closed").arg(tag.kind).arg(tag.name));
                return;
            }
            section(tag, text.mid(tag.end, close.start - tag.end), item, out, depth);
            at = close.end;
        }
    }

private:
    void problem(const QString &what)
    {
        if (m_problems && !m_problems->contains(what))
            m_problems->append(what);
    }

    void value(const QString &name, const TemplateData::Item *item, QString &out, int depth)
    {
        if (item) {
            const auto field = item->constFind(name);
            if (field != item->constEnd()) {
                out += field->toHtmlEscaped();
                return;
            }
        }
        if (const auto text = m_data.m_text.constFind(name); text != m_data.m_text.constEnd()) {
            out += text->toHtmlEscaped();
        } else if (const auto html = m_data.m_html.constFind(name); html != m_data.m_html.constEnd()) {
            out += *html;
        } else if (const auto list = m_data.m_lists.constFind(name); list != m_data.m_lists.constEnd()) {
            if (depth < kMaxDepth)
                fill(list->partial, nullptr, out, depth + 1);
            else
                problem(QStringLiteral("{{%1}} includes itself").arg(name));
        } else if (!m_data.m_flags.contains(name)) {
            problem(QStringLiteral("unknown {{%1}}").arg(name));
        }
    }

    void section(const Tag &tag, QStringView body, const TemplateData::Item *item, QString &out, int depth)
    {
        const bool inverted = tag.kind == u'^';
        if (const auto list = m_data.m_lists.constFind(tag.name); list != m_data.m_lists.constEnd()) {
            if (inverted) {
                if (list->items.isEmpty())
                    fill(body, item, out, depth);
                return;
            }
            qsizetype index = 0;
            for (const auto &row : list->items) {
                TemplateData::Item scoped = item ? *item : TemplateData::Item();
                ++index;
                scoped.insert(QStringLiteral("index"), QString::number(index));
                scoped.insert(QStringLiteral("first"), index == 1 ? QStringLiteral("1") : QString());
                scoped.insert(QStringLiteral("last"), index == list->items.size() ? QStringLiteral("1") : QString());
                for (auto it = row.constBegin(); it != row.constEnd(); ++it)
                    scoped.insert(it.key(), it.value());
                fill(body, &scoped, out, depth);
            }
            return;
        }
        bool on = false;
        if (item && item->contains(tag.name))
            on = !item->value(tag.name).isEmpty();
        else if (m_data.m_flags.contains(tag.name))
            on = m_data.m_flags.value(tag.name);
        else if (m_data.m_text.contains(tag.name))
            on = !m_data.m_text.value(tag.name).isEmpty();
        else if (m_data.m_html.contains(tag.name))
            on = !m_data.m_html.value(tag.name).isEmpty();
        else
            problem(QStringLiteral("unknown {{%1%2}}").arg(tag.kind).arg(tag.name));
        if (on != inverted)
            fill(body, item, out, depth);
    }

    const TemplateData &m_data;
    QStringList *m_problems;
};

QString fillTemplate(const QString &templateText, const TemplateData &data, QStringList *problems)
{
    QString out;
    out.reserve(templateText.size() * 2);
    TemplateFiller(data, problems).fill(templateText, nullptr, out, 0);
    return out;
}

} // namespace onewindow::printing
