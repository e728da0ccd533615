#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QString>

namespace onewindow::models {

/// One PDF, in memory, with one A4 page per image: each image scaled to fit its page with its
/// proportions kept, centred; the document records the scans' resolution (300 dpi when they have none).
/// `title` goes into the document's information. Empty when there are no pages.
QByteArray pagesToPdf(const QList<QImage> &pages, const QString &title = {});

} // namespace onewindow::models
