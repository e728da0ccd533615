#include "qrcode.h"

#include <QBuffer>

#include <qrencode.h>

#include <cstring>
#include <memory>

namespace onewindow::printing {

namespace {
constexpr int kQuietZone = 4; // modules, as ISO/IEC 18004 requires around a code

struct QrCodeDeleter
{
    void operator()(QRcode *code) const { QRcode_free(code); }
};
} // namespace

QImage qrCodeImage(const QString &text, int moduleSize)
{
    if (text.isEmpty() || moduleSize < 1)
        return {};
    const QByteArray utf8 = text.toUtf8();
    const std::unique_ptr<QRcode, QrCodeDeleter> code(
        QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code)
        return {};

    const int modules = code->width;
    const int side = (modules + 2 * kQuietZone) * moduleSize;
    QImage image(side, side, QImage::Format_Mono);
    image.setColorTable({qRgb(255, 255, 255), qRgb(0, 0, 0)});
    image.fill(0);
    // One scan line per module row, copied moduleSize times; bit 0 of each byte of the
    // libqrencode matrix says whether the module is dark.
    QByteArray line(image.bytesPerLine(), '\0');
    for (int row = 0; row < modules; ++row) {
        line.fill('\0');
        auto *bits = reinterpret_cast<uchar *>(line.data());
        for (int column = 0; column < modules; ++column) {
            if ((code->data[row * modules + column] & 1) == 0)
                continue;
            const int x0 = (column + kQuietZone) * moduleSize;
            for (int x = x0; x < x0 + moduleSize; ++x)
                bits[x >> 3] = static_cast<uchar>(bits[x >> 3] | (0x80 >> (x & 7)));
        }
        const int y0 = (row + kQuietZone) * moduleSize;
        for (int y = y0; y < y0 + moduleSize; ++y)
            std::memcpy(image.scanLine(y), line.constData(), static_cast<size_t>(line.size()));
    }
    return image;
}

QByteArray qrCodePng(const QString &text, int moduleSize)
{
    const QImage image = qrCodeImage(text, moduleSize);
    if (image.isNull())
        return {};
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

} // namespace onewindow::printing
