#pragma once

#include "QrMatrix.h"

#include <QImage>
#include <QString>
#include <QWidget>

#include <optional>

namespace bankid {

/// Draws a QR code from its module matrix (QrMatrix, level L): square modules of the largest whole device
/// pixel size that fits, a quiet zone of 4 modules, centred, always black modules on white whatever the
/// palette (a dark theme must not invert a QR code: many scanners cannot read inverted codes). Drawing is
/// done in device pixels, so the modules stay crisp at any devicePixelRatio. Empty content draws nothing
/// but the background of the palette.
///
/// Contract: setContent() with the same content is a no-op (no re-encode, no repaint); renderImage() is
/// the exact drawing paintEvent() makes, at a given side length, for tests and the full-screen view.
///
/// \code
///   auto *qr = new bankid::QrCodeWidget(this);
///   connect(&session, &bankid::OrderSession::qrContentChanged, qr, &bankid::QrCodeWidget::setContent);
/// \endcode
class QrCodeWidget : public QWidget
{
    Q_OBJECT

public:
    /// Modules of white border around the symbol (ISO/IEC 18004 asks for 4).
    static constexpr int QuietZoneModules = 4;

    explicit QrCodeWidget(QWidget *parent = nullptr);

    /// Re-encodes and repaints; the same content as now is a no-op. Empty content clears the widget.
    void setContent(const QString &qrContent);
    QString content() const;
    /// Modules per side of the current symbol including the quiet zone; 0 when empty.
    int totalModules() const;
    /// The exact drawing at \a sidePixels x \a sidePixels (1.0 device pixel ratio): white square with the
    /// symbol centred; a null-content widget gives a plain white image.
    QImage renderImage(int sidePixels) const;
    /// The module size (device pixels) used for an area of \a sidePixels: the largest integer that fits.
    int moduleSizeFor(int sidePixels) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    /// Emitted after a paint that showed \a content (each new QR code actually on screen).
    void contentPainted(const QString &content);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    /// Paints into \a painter's device the square of \a sidePixels device pixels at \a origin.
    void paintSymbol(QPainter *painter, const QPoint &origin, int sidePixels) const;

    QString m_content;
    std::optional<QrMatrix> m_matrix;
    QString m_lastPainted;
};

} // namespace bankid
