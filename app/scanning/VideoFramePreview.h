#pragma once

#include <QString>
#include <QVideoFrame>
#include <QWidget>

namespace bankid {

/// Paints the latest video frame (a camera preview), scaled to fit with its aspect ratio kept, or a
/// centred line of text when there is no frame to show (no camera, camera off, a problem).
///
/// Contract: setFrame() keeps the frame (implicitly shared) and only schedules a repaint; the frame is
/// turned into an image when painted, so a hidden preview or frames faster than the screen cost nothing.
/// Painted here rather than with a QVideoWidget so the preview is part of the window (screenshots, the
/// offscreen platform) and needs no native child window.
///
/// \code
///   connect(sink, &QVideoSink::videoFrameChanged, preview, &bankid::VideoFramePreview::setFrame);
///   preview->setPlaceholderText(tr("No camera found."));
/// \endcode
class VideoFramePreview : public QWidget
{
    Q_OBJECT

public:
    explicit VideoFramePreview(QWidget *parent = nullptr);

    void setFrame(const QVideoFrame &frame);
    /// Forgets the frame: the placeholder text shows.
    void clearFrame();
    bool hasFrame() const { return m_frame.isValid(); }
    void setPlaceholderText(const QString &text);
    QString placeholderText() const { return m_placeholder; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QVideoFrame m_frame;
    QString m_placeholder;
};

} // namespace bankid
