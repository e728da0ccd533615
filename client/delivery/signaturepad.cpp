#include "signaturepad.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTabletEvent>
#include <QTouchEvent>

namespace onewindow::client {

namespace {

QPainterPath pathOf(const QList<QPolygonF> &strokes)
{
    QPainterPath path;
    for (const QPolygonF &stroke : strokes) {
        if (stroke.isEmpty())
            continue;
        path.moveTo(stroke.first());
        if (stroke.size() == 1)
            path.lineTo(stroke.first() + QPointF(0.5, 0.5)); // a dot
        for (qsizetype i = 1; i < stroke.size(); ++i)
            path.lineTo(stroke.at(i));
    }
    return path;
}

} // namespace

SignaturePad::SignaturePad(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_AcceptTouchEvents);
    setAttribute(Qt::WA_StaticContents);
    setCursor(Qt::CrossCursor);
    setMinimumSize(300, 120);
    setAutoFillBackground(false);
}

void SignaturePad::clear()
{
    m_strokes.clear();
    m_drawing = false;
    update();
    emit changed();
}

QImage SignaturePad::image(const QSize &size) const
{
    if (isEmpty())
        return {};
    QImage out(size, QImage::Format_RGB32);
    out.fill(Qt::white);
    const QPainterPath path = pathOf(m_strokes);
    const QRectF bounds = path.boundingRect().adjusted(-2, -2, 2, 2);
    const QRectF target = QRectF(QPointF(0, 0), QSizeF(size)).adjusted(10, 10, -10, -10);
    const qreal scale = qMin(target.width() / qMax(bounds.width(), 1.0), target.height() / qMax(bounds.height(), 1.0));
    QPainter painter(&out);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.translate(target.center());
    painter.scale(scale, scale);
    painter.translate(-bounds.center());
    painter.setPen(QPen(Qt::black, 2.5 / scale, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPath(path);
    return out;
}

void SignaturePad::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), Qt::white);
    // The line to sign on.
    painter.setPen(QPen(Qt::gray, 1, Qt::DashLine));
    painter.drawLine(QPointF(20, height() * 0.75), QPointF(width() - 20, height() * 0.75));
    painter.setPen(QPen(Qt::black, 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPath(pathOf(m_strokes));
    painter.setPen(QPen(palette().highlight().color(), hasFocus() ? 2 : 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
}

void SignaturePad::begin(const QPointF &point)
{
    m_drawing = true;
    m_strokes.append(QPolygonF{point});
    update();
}

void SignaturePad::extend(const QPointF &point)
{
    if (!m_drawing || m_strokes.isEmpty())
        return;
    m_strokes.last().append(point);
    update();
}

void SignaturePad::end()
{
    if (!m_drawing)
        return;
    m_drawing = false;
    emit changed();
}

void SignaturePad::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        begin(event->position());
}

void SignaturePad::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        extend(event->position());
}

void SignaturePad::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        extend(event->position());
        end();
    }
}

void SignaturePad::tabletEvent(QTabletEvent *event)
{
    switch (event->type()) {
    case QEvent::TabletPress: begin(event->position()); break;
    case QEvent::TabletMove:
        if (event->pressure() > 0)
            extend(event->position());
        break;
    case QEvent::TabletRelease: end(); break;
    default: break;
    }
    event->accept();
}

bool SignaturePad::event(QEvent *event)
{
    switch (event->type()) {
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd: {
        auto *touch = static_cast<QTouchEvent *>(event);
        if (touch->points().isEmpty())
            return true;
        const QPointF point = touch->points().first().position();
        if (event->type() == QEvent::TouchBegin)
            begin(point);
        else
            extend(point);
        if (event->type() == QEvent::TouchEnd)
            end();
        return true;
    }
    default:
        return QWidget::event(event);
    }
}

} // namespace onewindow::client
