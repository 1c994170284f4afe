// QrCodeWidget: what it draws is decoded back by an independent decoder (libzbar through QrImageDecoder),
// from renderImage() and from the widget's own on-screen pixels (grab(), render() at fractional device
// pixel ratios), in a light and a dark palette; every module is a solid square of whole device pixels
// and the quiet zone is white. Also FullScreenQrWindow (it shows the same widget big, closes on Esc/F11).
// Widgets need a QApplication: QTEST_MAIN, run with QT_QPA_PLATFORM=offscreen (set by ctest).

#include "FullScreenQrWindow.h"
#include "QrCodeWidget.h"
#include "QrContent.h"
#include "QrImageDecoder.h"
#include "QrMatrix.h"
#include "Screenshots.h"
#include "TestConfig.h"
#include "Translations.h"
#include "UserMessages.h"

#include <QDir>
#include <QPainter>
#include <QPalette>
#include <QSignalSpy>
#include <QtTest>

using namespace bankid;

namespace {

/// The API digest's QR vector (facts §5): token, secret and the expected payload at qrTime 0..2.
const QString VectorToken = QStringLiteral("67df3917-fa0d-44e5-b327-edcc928297f8");
const QString VectorSecret = QStringLiteral("d28db9a7-4cde-429e-a983-359be676944c");

QString payloadFor(const QString &kind)
{
    if (kind == QLatin1String("bankid_t0"))
        return QrContent::at(VectorToken, VectorSecret, 0);
    if (kind == QLatin1String("bankid_t29"))
        return QrContent::at(VectorToken, VectorSecret, 29);
    if (kind == QLatin1String("long_utf8"))
        return QStringLiteral("Åsa Öberg signerar avtal 4711 – ") + QString(300, QLatin1Char('x'));
    return QStringLiteral("A");
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x20, 0x20, 0x24));
    palette.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::Base, QColor(0x10, 0x10, 0x10));
    palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::Button, QColor(0x30, 0x30, 0x34));
    palette.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    return palette;
}

/// Checks that \a image (a square symbol drawing of side \a side at \a origin) has solid, correctly
/// coloured modules and a white quiet zone; returns an empty string or what is wrong.
QString checkModules(const QImage &image, const QPoint &origin, int side, const QrMatrix &matrix)
{
    const int total = matrix.size() + 2 * QrCodeWidget::QuietZoneModules;
    const int module = side / total;
    if (module < 1)
        return QStringLiteral("module size below one pixel");
    const int offset = (side - matrix.size() * module) / 2;
    // Everything in the square outside the symbol itself is the quiet zone: white, whatever the palette.
    for (int y = 0; y < side; ++y) {
        for (int x = 0; x < side; ++x) {
            const bool inSymbol = x >= offset && y >= offset && x < offset + matrix.size() * module
                                  && y < offset + matrix.size() * module;
            if (inSymbol)
                continue;
            if (image.pixel(origin + QPoint(x, y)) != qRgb(255, 255, 255))
                return QStringLiteral("quiet zone pixel (%1,%2) is not white").arg(x).arg(y);
        }
    }
    // Every module: each of its module x module pixels has exactly the module's colour (no blending).
    for (int my = 0; my < matrix.size(); ++my) {
        for (int mx = 0; mx < matrix.size(); ++mx) {
            const QRgb expected = matrix.isDark(mx, my) ? qRgb(0, 0, 0) : qRgb(255, 255, 255);
            for (int py = 0; py < module; ++py) {
                for (int px = 0; px < module; ++px) {
                    const QPoint at = origin + QPoint(offset + mx * module + px, offset + my * module + py);
                    if (image.pixel(at) != expected)
                        return QStringLiteral("module (%1,%2) pixel (%3,%4) is #%5, not solid")
                            .arg(mx).arg(my).arg(px).arg(py).arg(image.pixel(at) & 0xffffff, 6, 16, QLatin1Char('0'));
                }
            }
        }
    }
    return {};
}

} // namespace

class TestQrCodeWidget : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void renderImageDecodes_data();
    void renderImageDecodes();
    void grabDecodesAndEqualsRenderImage_data();
    void grabDecodesAndEqualsRenderImage();
    void crispAtFractionalDevicePixelRatio_data();
    void crispAtFractionalDevicePixelRatio();
    void sameContentIsNoOp();
    void emptyContentDrawsNothing();
    void sizeHints();
    void fullScreenWindowFollowsAndCloses_data();
    void fullScreenWindowFollowsAndCloses();
    void screenshots();
};

void TestQrCodeWidget::cleanup()
{
    Translations::remove();
}

void TestQrCodeWidget::renderImageDecodes_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("modulePixels");
    QTest::addColumn<int>("extraPixels");
    // Sides of (modules x pixels a module + a remainder): integer module sizing must centre the symbol in
    // what is left over; two pixels a module is the smallest size the widget ever offers.
    const QList<std::pair<int, int>> sizes{{2, 0}, {3, 1}, {4, 7}, {7, 3}, {12, 5}};
    for (const char *kind : {"bankid_t0", "bankid_t29", "long_utf8"}) {
        for (const auto &[modulePixels, extra] : sizes)
            QTest::addRow("%s_%dpx_modules_plus_%d", kind, modulePixels, extra)
                << QString::fromLatin1(kind) << modulePixels << extra;
    }
}

void TestQrCodeWidget::renderImageDecodes()
{
    QFETCH(QString, kind);
    QFETCH(int, modulePixels);
    QFETCH(int, extraPixels);
    QrCodeWidget widget;
    const QString content = payloadFor(kind);
    widget.setContent(content);
    const auto matrix = QrMatrix::encode(content.toUtf8());
    QVERIFY(matrix);
    QCOMPARE(widget.totalModules(), matrix->size() + 2 * QrCodeWidget::QuietZoneModules);
    const int side = widget.totalModules() * modulePixels + extraPixels;
    QCOMPARE(widget.moduleSizeFor(side), modulePixels);

    const QImage image = widget.renderImage(side);
    QCOMPARE(image.size(), QSize(side, side));
    QCOMPARE(QrImageDecoder::decode(image), QStringList{content});
    const QString problem = checkModules(image, QPoint(0, 0), side, *matrix);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestQrCodeWidget::grabDecodesAndEqualsRenderImage_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QSize>("size");
    QTest::newRow("light_square") << false << QSize(300, 300);
    QTest::newRow("light_wide") << false << QSize(520, 300);
    QTest::newRow("dark_square") << true << QSize(300, 300);
    QTest::newRow("dark_tall") << true << QSize(260, 480);
}

void TestQrCodeWidget::grabDecodesAndEqualsRenderImage()
{
    QFETCH(bool, dark);
    QFETCH(QSize, size);
    QWidget window;
    if (dark)
        window.setPalette(darkPalette());
    window.setAutoFillBackground(true);
    auto *widget = new QrCodeWidget(&window);
    const QString content = payloadFor(QStringLiteral("bankid_t0"));
    widget->setContent(content);
    window.resize(size);
    widget->setGeometry(QRect(QPoint(0, 0), size));
    QSignalSpy painted(widget, &QrCodeWidget::contentPainted);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(painted.count(), 1);
    QCOMPARE(painted.first().first().toString(), content);

    const QImage shown = widget->grab().toImage().convertToFormat(QImage::Format_RGB32);
    QCOMPARE(QrImageDecoder::decode(shown), QStringList{content});

    // The centred square of the widget is exactly renderImage() at that side: the same drawing.
    const int side = std::min(size.width(), size.height());
    const QPoint origin((size.width() - side) / 2, (size.height() - side) / 2);
    QCOMPARE(shown.copy(QRect(origin, QSize(side, side))), widget->renderImage(side));
    const auto matrix = QrMatrix::encode(content.toUtf8());
    const QString problem = checkModules(shown, origin, side, *matrix);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // Outside the square the palette shows (dark stays dark): only the code itself is forced to white.
    if (size.width() != size.height()) {
        const QPoint outside = size.width() > size.height() ? QPoint(1, size.height() / 2) : QPoint(size.width() / 2, 1);
        QCOMPARE(QColor(shown.pixel(outside)), window.palette().color(QPalette::Window));
    }
}

void TestQrCodeWidget::crispAtFractionalDevicePixelRatio_data()
{
    QTest::addColumn<qreal>("ratio");
    QTest::newRow("dpr_1.25") << 1.25;
    QTest::newRow("dpr_1.5") << 1.5;
    QTest::newRow("dpr_2") << 2.0;
    QTest::newRow("dpr_2.75") << 2.75;
}

void TestQrCodeWidget::crispAtFractionalDevicePixelRatio()
{
    QFETCH(qreal, ratio);
    QrCodeWidget widget;
    const QString content = payloadFor(QStringLiteral("bankid_t29"));
    widget.setContent(content);
    widget.resize(240, 240);
    // Render into a high-DPI target, as a scaled screen's backing store would be.
    const int deviceSide = int(240 * ratio);
    QImage target(deviceSide, deviceSide, QImage::Format_RGB32);
    target.setDevicePixelRatio(ratio);
    target.fill(Qt::magenta);
    widget.render(&target);
    target.setDevicePixelRatio(1.0);

    QCOMPARE(QrImageDecoder::decode(target), QStringList{content});
    const auto matrix = QrMatrix::encode(content.toUtf8());
    const QString problem = checkModules(target, QPoint(0, 0), deviceSide, *matrix);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // The module size is the largest whole number of device pixels that fits, not a logical size.
    QCOMPARE(widget.moduleSizeFor(deviceSide), deviceSide / widget.totalModules());
}

void TestQrCodeWidget::sameContentIsNoOp()
{
    QrCodeWidget widget;
    widget.resize(200, 200);
    QSignalSpy painted(&widget, &QrCodeWidget::contentPainted);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    const QString first = QrContent::at(VectorToken, VectorSecret, 1);
    const QString second = QrContent::at(VectorToken, VectorSecret, 2);
    widget.setContent(first);
    QTRY_COMPARE(painted.count(), 1);
    widget.setContent(first);
    widget.update(); // even a forced repaint of the same content is not reported as a new code
    QTest::qWait(50); // nothing to wait for: proves that no second signal arrives
    QCOMPARE(painted.count(), 1);
    widget.setContent(second);
    QTRY_COMPARE(painted.count(), 2);
    QCOMPARE(painted.last().first().toString(), second);
    QCOMPARE(widget.content(), second);
}

void TestQrCodeWidget::emptyContentDrawsNothing()
{
    QrCodeWidget widget;
    QCOMPARE(widget.totalModules(), 0);
    const QImage blank = widget.renderImage(120);
    QCOMPARE(blank.size(), QSize(120, 120));
    QVERIFY(QrImageDecoder::decode(blank).isEmpty());
    QImage white(120, 120, QImage::Format_RGB32);
    white.fill(Qt::white);
    QCOMPARE(blank, white);
    widget.setContent(QStringLiteral("x"));
    widget.setContent(QString());
    QCOMPARE(widget.content(), QString());
    QCOMPARE(widget.totalModules(), 0);
}

void TestQrCodeWidget::sizeHints()
{
    QrCodeWidget widget;
    // No height-for-width: a layout may give the code less height than width (it paints the largest
    // square that fits) so what sits below it stays on screen.
    QVERIFY(!widget.hasHeightForWidth());
    QVERIFY(!widget.sizePolicy().hasHeightForWidth());
    widget.setContent(payloadFor(QStringLiteral("bankid_t0")));
    const QSize hint = widget.sizeHint();
    QCOMPARE(hint.width(), hint.height());
    // At least two pixels a module, so the hint is always scannable, and it grows with the font.
    QVERIFY(widget.minimumSizeHint().width() >= 2 * widget.totalModules());
    QFont big = widget.font();
    big.setPointSizeF(big.pointSizeF() * 3);
    widget.setFont(big);
    QVERIFY2(widget.sizeHint().width() > hint.width(), "size hint must follow the font (high DPI / large text)");
}

void TestQrCodeWidget::fullScreenWindowFollowsAndCloses_data()
{
    QTest::addColumn<int>("key");
    QTest::newRow("escape") << int(Qt::Key_Escape);
    QTest::newRow("f11") << int(Qt::Key_F11);
}

void TestQrCodeWidget::fullScreenWindowFollowsAndCloses()
{
    QFETCH(int, key);
    FullScreenQrWindow window;
    const QString content = payloadFor(QStringLiteral("bankid_t0"));
    window.setContent(content);
    window.setMessage(UserMessages::text(Rfa::Rfa1));
    window.resize(800, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.qrWidget()->content(), content);
    QCOMPARE(window.message(), UserMessages::text(Rfa::Rfa1));
    QCOMPARE(QrImageDecoder::decode(window.qrWidget()->grab().toImage()), QStringList{content});

    window.setContent(QString()); // the QR is hidden once the order is picked up
    QVERIFY(window.qrWidget()->isHidden());
    window.setContent(content);
    QVERIFY(!window.qrWidget()->isHidden());

    QSignalSpy closed(&window, &FullScreenQrWindow::closed);
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key(key));
    QTRY_COMPARE(closed.count(), 1);
    QVERIFY(!window.isVisible());
}

void TestQrCodeWidget::screenshots()
{
    QrCodeWidget widget;
    widget.setContent(payloadFor(QStringLiteral("bankid_t0")));
    widget.resize(260, 260);
    FullScreenQrWindow window;
    window.setContent(payloadFor(QStringLiteral("bankid_t0")));
    window.resize(640, 720);
    for (const QLocale::Language language : {QLocale::English, QLocale::Swedish}) {
        const bool swedish = language == QLocale::Swedish;
        QVERIFY(Translations::install(QLocale(language)));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        window.setMessage(UserMessages::text(Rfa::Rfa1));
        if (swedish)
            QCOMPARE(window.message(), QStringLiteral("Starta BankID-appen."));
        const QString suffix = swedish ? QStringLiteral("-sv.png") : QStringLiteral("-en.png");
        test::saveScreenshot(&widget, QStringLiteral("QrCodeWidget") + suffix);
        test::saveScreenshot(&window, QStringLiteral("FullScreenQrWindow") + suffix);
    }
}

QTEST_MAIN(TestQrCodeWidget)
#include "TestQrCodeWidget.moc"
