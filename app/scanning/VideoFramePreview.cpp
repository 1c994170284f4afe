#include "VideoFramePreview.h"

#include <QPainter>
#include <QPaintEvent>

namespace bankid {

VideoFramePreview::VideoFramePreview(QWidget *parent)
    : QWidget(parent)
{
    // As large as its hint at most: a preview the size of the page would push the result out of view.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void VideoFramePreview::setFrame(const QVideoFrame &frame)
{
    m_frame = frame;
    update();
}

void VideoFramePreview::clearFrame()
{
    m_frame = QVideoFrame();
    update();
}

void VideoFramePreview::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    setAccessibleDescription(text);
    update();
}

QSize VideoFramePreview::sizeHint() const
{
    // 4:3, about 40 characters wide: a phone's QR code held up to the camera is still recognisable.
    const int width = fontMetrics().averageCharWidth() * 40;
    return {width, width * 3 / 4};
}

QSize VideoFramePreview::minimumSizeHint() const
{
    const int width = fontMetrics().averageCharWidth() * 24;
    return {width, width * 3 / 4};
}

void VideoFramePreview::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    // Dark in every theme, like a camera viewfinder; the text stays readable on it (white on near black).
    painter.fillRect(rect(), QColor(0x26, 0x26, 0x26));
    const QImage image = m_frame.isValid() ? m_frame.toImage() : QImage();
    if (!image.isNull()) {
        const QSize scaled = image.size().scaled(size(), Qt::KeepAspectRatio);
        const QRect target(QPoint((width() - scaled.width()) / 2, (height() - scaled.height()) / 2), scaled);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(target, image);
        return;
    }
    painter.setPen(Qt::white);
    const int margin = fontMetrics().averageCharWidth() * 2;
    painter.drawText(rect().adjusted(margin, margin, -margin, -margin), Qt::AlignCenter | Qt::TextWordWrap,
                     m_placeholder);
}

} // namespace bankid
