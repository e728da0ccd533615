#pragma once

#include <QImage>
#include <QList>
#include <QPolygonF>
#include <QWidget>

namespace onewindow::client {

/// Where the recipient signs: a tablet's pen, a touch screen or a mouse draws strokes, kept as
/// lines so that the picture does not depend on the widget's size; image() draws them black on
/// white, scaled into the picture. A signature pad sold as a USB tablet is a pen for Qt, so no
/// driver of our own is needed.
class SignaturePad final : public QWidget
{
    Q_OBJECT

public:
    explicit SignaturePad(QWidget *parent = nullptr);

    bool isEmpty() const { return m_strokes.isEmpty(); }
    void clear();
    /// The strokes drawn on white, scaled to fit `size` with a margin; a null image when empty.
    QImage image(const QSize &size = QSize(600, 200)) const;
    /// The strokes in the widget's coordinates, oldest first.
    QList<QPolygonF> strokes() const { return m_strokes; }

    QSize sizeHint() const override { return {600, 200}; }

signals:
    /// A stroke was finished, or the pad was cleared.
    void changed();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void tabletEvent(QTabletEvent *event) override;
    bool event(QEvent *event) override;

private:
    void begin(const QPointF &point);
    void extend(const QPointF &point);
    void end();

    QList<QPolygonF> m_strokes;
    bool m_drawing = false;
};

} // namespace onewindow::client
