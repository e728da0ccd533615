#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

namespace onewindow::printing {

/// A QR code (ISO/IEC 18004, error correction level M, 8-bit mode) of `text` in UTF-8: black
/// modules on white, with the four-module quiet zone, each module exactly `moduleSize` pixels
/// square (a 1-bit image, so it stays sharp when printed). A null image when it cannot be
/// encoded (empty or too long text).
QImage qrCodeImage(const QString &text, int moduleSize);

/// The same image as PNG, for a data: URI.
QByteArray qrCodePng(const QString &text, int moduleSize);

} // namespace onewindow::printing
