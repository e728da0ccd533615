#include "pagestopdf.h"

#include <QBuffer>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <cmath>

namespace onewindow::models {

namespace {

constexpr int defaultDpi = 300;

int dpiOf(const QImage &image)
{
    const int dpi = static_cast<int>(std::lround(image.dotsPerMeterX() * 0.0254));
    // QImage's default (96 dpi from 3780 dots per metre) says nothing about a scan.
    return dpi >= 50 && dpi <= 2400 && image.dotsPerMeterX() != 3780 ? dpi : defaultDpi;
}

} // namespace

QByteArray pagesToPdf(const QList<QImage> &pages, const QString &title)
{
    if (pages.isEmpty())
        return {};
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setCreator(QStringLiteral("OneWindow"));
        writer.setTitle(title);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF()));
        // The scans' resolution (the finest when they differ); images are embedded with all their pixels.
        int dpi = 0;
        for (const QImage &image : pages)
            dpi = std::max(dpi, dpiOf(image));
        writer.setResolution(dpi);
        QPainter painter;
        for (qsizetype i = 0; i < pages.size(); ++i) {
            const QImage &image = pages.at(i);
            if (i > 0) {
                writer.newPage();
            } else if (!painter.begin(&writer)) {
                return {};
            }
            // The painter works in the page's device pixels at the writer's resolution.
            const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());
            if (image.isNull() || image.width() <= 0 || image.height() <= 0)
                continue;
            const double scale = std::min(page.width() / image.width(), page.height() / image.height());
            const QSizeF size(image.width() * scale, image.height() * scale);
            const QRectF target(page.left() + (page.width() - size.width()) / 2,
                page.top() + (page.height() - size.height()) / 2, size.width(), size.height());
            painter.setRenderHint(QPainter::SmoothPixmapTransform, scale < 1);
            painter.drawImage(target, image);
        }
        painter.end();
    }
    buffer.close();
    return pdf;
}

} // namespace onewindow::models
