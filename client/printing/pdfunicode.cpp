#include "pdfunicode.h"

#include <QFont>
#include <QFontDatabase>
#include <QHash>
#include <QRawFont>
#include <QString>

namespace onewindow::printing {

namespace {

constexpr char32_t kRadicalsFirst = 0x2E80; // CJK Radicals Supplement, then Kangxi Radicals
constexpr char32_t kRadicalsLast = 0x2FDF;
constexpr char32_t kKangxiFirst = 0x2F00;

QHash<char32_t, char32_t> buildRadicalMap()
{
    QHash<char32_t, char32_t> map;
    // Kangxi radicals decompose (NFKC) to their ideographs.
    for (char32_t r = kKangxiFirst; r <= kRadicalsLast; ++r) {
        const QString n = QString::fromUcs4(&r, 1).normalized(QString::NormalizationForm_KC);
        if (n.size() == 1 && n.at(0).unicode() >= 0x3400)
            map.insert(r, n.at(0).unicode());
    }
    // The supplement mostly does not (⻬ is no compatibility form of 齐): ask the CJK font which
    // ideograph it draws with the radical's glyph.
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    const QRawFont raw = QRawFont::fromFont(font, QFontDatabase::SimplifiedChinese);
    if (!raw.isValid())
        return map;
    QString radicals;
    for (char32_t r = kRadicalsFirst; r < kKangxiFirst; ++r)
        radicals += QString::fromUcs4(&r, 1);
    const QList<quint32> radicalGlyphs = raw.glyphIndexesForString(radicals);
    QHash<quint32, char32_t> wanted; // glyph -> radical
    for (qsizetype i = 0; i < radicalGlyphs.size(); ++i) {
        if (radicalGlyphs[i] != 0)
            wanted.insert(radicalGlyphs[i], kRadicalsFirst + static_cast<char32_t>(i));
    }
    QString ideographs;
    for (char32_t c = 0x4E00; c <= 0x9FFF; ++c)
        ideographs += QChar(static_cast<char16_t>(c));
    const QList<quint32> glyphs = raw.glyphIndexesForString(ideographs);
    for (qsizetype i = 0; i < glyphs.size(); ++i) {
        const auto radical = wanted.constFind(glyphs[i]);
        if (radical != wanted.constEnd() && !map.contains(*radical))
            map.insert(*radical, 0x4E00 + static_cast<char32_t>(i));
    }
    return map;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/// The value of a 4-digit hex string `<XXXX>` starting at `at` (the '<'), or -1.
int hex4At(const QByteArray &data, qsizetype at)
{
    if (at + 5 >= data.size() || data[at] != '<' || data[at + 5] != '>')
        return -1;
    int value = 0;
    for (qsizetype i = at + 1; i < at + 5; ++i) {
        const int digit = hexValue(data[i]);
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

/// Replaces the 4-digit hex string at `at` if it is a radical; true when it did.
bool repairAt(QByteArray &data, qsizetype at)
{
    const int value = hex4At(data, at);
    if (value < 0)
        return false;
    const char32_t ideograph = ideographForRadical(static_cast<char32_t>(value));
    if (ideograph == 0)
        return false;
    const QByteArray hex = QByteArray::number(static_cast<uint>(ideograph), 16).toUpper().rightJustified(4, '0');
    for (qsizetype i = 0; i < 4; ++i)
        data[at + 1 + i] = hex[i];
    return true;
}

/// The `<...>` tokens of one line, by their start.
QList<qsizetype> tokens(const QByteArray &data, qsizetype from, qsizetype to)
{
    QList<qsizetype> out;
    for (qsizetype at = data.indexOf('<', from); at >= 0 && at < to; at = data.indexOf('<', at + 1))
        out.append(at);
    return out;
}

} // namespace

char32_t ideographForRadical(char32_t codePoint)
{
    if (codePoint < kRadicalsFirst || codePoint > kRadicalsLast)
        return 0;
    static const QHash<char32_t, char32_t> map = buildRadicalMap();
    return map.value(codePoint, 0);
}

int repairRadicalsInToUnicodeMaps(QByteArray &pdf)
{
    int changed = 0;
    for (const char *kind : {"bfrange", "bfchar"}) {
        const QByteArray begin = QByteArray("begin") + kind;
        const QByteArray end = QByteArray("end") + kind;
        for (qsizetype at = pdf.indexOf(begin); at >= 0; at = pdf.indexOf(begin, at)) {
            const qsizetype stop = pdf.indexOf(end, at);
            if (stop < 0)
                break;
            qsizetype line = pdf.indexOf('\n', at) + 1;
            while (line > 0 && line < stop) {
                qsizetype lineEnd = pdf.indexOf('\n', line);
                if (lineEnd < 0 || lineEnd > stop)
                    lineEnd = stop;
                const QList<qsizetype> t = tokens(pdf, line, lineEnd);
                const bool isArray = pdf.indexOf('[', line) >= 0 && pdf.indexOf('[', line) < lineEnd;
                if (qstrcmp(kind, "bfchar") == 0) {
                    // <glyph> <text>
                    if (t.size() == 2 && repairAt(pdf, t[1]))
                        ++changed;
                } else if (isArray) {
                    // <first> <last> [<text> <text> ...]
                    for (qsizetype i = 2; i < t.size(); ++i)
                        changed += repairAt(pdf, t[i]) ? 1 : 0;
                } else if (t.size() == 3 && hex4At(pdf, t[0]) == hex4At(pdf, t[1])) {
                    // <glyph> <glyph> <text>: one glyph. A longer range counts up from its text,
                    // which a radical never starts in Qt's maps; it is left alone.
                    changed += repairAt(pdf, t[2]) ? 1 : 0;
                }
                line = lineEnd + 1;
            }
            at = stop;
        }
    }
    return changed;
}

} // namespace onewindow::printing
