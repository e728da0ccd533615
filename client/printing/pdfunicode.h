#pragma once

#include <QByteArray>

namespace onewindow::printing {

/// Qt's PDF writer maps each glyph back to text through the lowest code point the font maps to
/// it, and CJK fonts draw a radical (U+2F8F ⾏, U+2EEC ⻬) with the same glyph as its ideograph
/// (U+884C 行, U+9F50 齐): text copied or searched in the PDF would come out as radicals. This
/// rewrites those entries of the PDF's ToUnicode maps (uncompressed, as Qt writes them) to the
/// ideographs, in place and at the same length, so every offset in the file stays valid.
/// Returns how many entries were changed.
int repairRadicalsInToUnicodeMaps(QByteArray &pdf);

/// The ideograph a radical stands for in the printed text (0 when `codePoint` is no radical
/// with an ideograph of the same glyph): the Kangxi radicals by their Unicode decomposition,
/// the CJK radicals supplement by the ideograph the CJK font draws with the same glyph.
char32_t ideographForRadical(char32_t codePoint);

} // namespace onewindow::printing
