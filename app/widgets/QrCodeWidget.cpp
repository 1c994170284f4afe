#include "QrCodeWidget.h"

#include <QFontMetrics>
#include <QLoggingCategory>
#include <QPaintEvent>
#include <QPainter>
#include <QTransform>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcQrWidget, "bankid.app.qr")

namespace bankid {

namespace {

/// Module count used for size hints while no content is set: a version 3 symbol plus the quiet zone,
/// about what a BankID payload needs, so the layout does not jump when the first code arrives.
constexpr int PlaceholderModules = 29 + 2 * QrCodeWidget::QuietZoneModules;
/// Smallest module size (device-independent pixels) that scanners read reliably from a screen.
constexpr int MinimumModulePixels = 2;

} // namespace

QrCodeWidget::QrCodeWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("qrCodeWidget"));
    // No height-for-width: the symbol is painted as the largest square that fits, so a layout may give it
    // less height than width and keep what sits below it (the operator's status panel, the buttons) on
    // screen instead of pushing it out of a scroll area.
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("QR code"));
    setAccessibleDescription(tr("Scan this QR code with the BankID app on your phone or tablet."));
}

void QrCodeWidget::setContent(const QString &qrContent)
{
    if (qrContent == m_content)
        return;
    m_content = qrContent;
    m_matrix.reset();
    if (!m_content.isEmpty()) {
        m_matrix = QrMatrix::encode(m_content.toUtf8());
        if (!m_matrix)
            qCWarning(lcQrWidget) << "QR content of" << m_content.size() << "characters cannot be encoded";
    }
    updateGeometry();
    update();
}

QString QrCodeWidget::content() const
{
    return m_content;
}

int QrCodeWidget::totalModules() const
{
    return m_matrix ? m_matrix->size() + 2 * QuietZoneModules : 0;
}

int QrCodeWidget::moduleSizeFor(int sidePixels) const
{
    const int modules = totalModules();
    if (modules == 0 || sidePixels <= 0)
        return 0;
    // Never below one device pixel: a too small widget draws a clipped but still crisp code.
    return std::max(1, sidePixels / modules);
}

void QrCodeWidget::paintSymbol(QPainter *painter, const QPoint &origin, int sidePixels) const
{
    // White under the whole square: the quiet zone, plus what integer module sizing leaves over.
    painter->fillRect(QRect(origin, QSize(sidePixels, sidePixels)), Qt::white);
    const int module = moduleSizeFor(sidePixels);
    if (module == 0)
        return;
    const int symbolSide = m_matrix->size() * module;
    const int offset = (sidePixels - symbolSide) / 2;
    const QPoint topLeft = origin + QPoint(offset, offset);
    for (int y = 0; y < m_matrix->size(); ++y) {
        // Runs of dark modules in a row become one rectangle: fewer fills, identical pixels.
        int x = 0;
        while (x < m_matrix->size()) {
            if (!m_matrix->isDark(x, y)) {
                ++x;
                continue;
            }
            const int runStart = x;
            while (x < m_matrix->size() && m_matrix->isDark(x, y))
                ++x;
            painter->fillRect(topLeft.x() + runStart * module, topLeft.y() + y * module, (x - runStart) * module,
                              module, Qt::black);
        }
    }
}

QImage QrCodeWidget::renderImage(int sidePixels) const
{
    if (sidePixels <= 0)
        return {};
    QImage image(sidePixels, sidePixels, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, false);
    paintSymbol(&painter, QPoint(0, 0), sidePixels);
    return image;
}

void QrCodeWidget::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, false);
    if (!m_matrix)
        return; // empty: the parent's palette background shows through
    // Work in device pixels so every module is a whole number of physical pixels at any scale factor and
    // any widget position: the painter's device transform (high-DPI scale, offset in the window or in a
    // grab()/render() target) is undone, and the widget's area is snapped inwards to whole device pixels.
    const QTransform toDevice = painter.deviceTransform();
    const QRectF deviceArea = toDevice.mapRect(QRectF(rect()));
    const QRect snapped(QPoint(int(std::ceil(deviceArea.left() - 1e-6)), int(std::ceil(deviceArea.top() - 1e-6))),
                        QPoint(int(std::floor(deviceArea.right() + 1e-6)) - 1, int(std::floor(deviceArea.bottom() + 1e-6)) - 1));
    painter.setWorldTransform(toDevice.inverted() * painter.worldTransform());
    const int side = std::min(snapped.width(), snapped.height());
    paintSymbol(&painter, snapped.topLeft() + QPoint((snapped.width() - side) / 2, (snapped.height() - side) / 2), side);
    painter.end();

    if (m_lastPainted != m_content) {
        m_lastPainted = m_content;
        emit contentPainted(m_content);
    }
}

QSize QrCodeWidget::sizeHint() const
{
    // Modest, and scaling with the font (a large-font desktop gets a larger code): about 3 px a module at
    // 96 dpi. The widget expands into whatever room its layout has; the hint only decides what a layout
    // that sizes by hints (a scroll area's height-for-width page) reserves for it, and too large a hint
    // would push the operator panel below the code out of sight on a small screen.
    const int modules = m_matrix ? totalModules() : PlaceholderModules;
    const int perModule = std::max(3, QFontMetrics(font()).height() / 6);
    return QSize(modules * perModule, modules * perModule);
}

QSize QrCodeWidget::minimumSizeHint() const
{
    const int modules = m_matrix ? totalModules() : PlaceholderModules;
    return QSize(modules * MinimumModulePixels, modules * MinimumModulePixels);
}

} // namespace bankid
