// The ways into Verify ID card without BankID: the webcam path tested without a camera by pushing QVideoFrames
// of rendered QR images into the QVideoSink the camera feeds (plain, noisy, rotated, small, YUV 4:2:0 as
// webcams deliver it, a frame with no code, a QR code that is not an ID card code), the scanner's frame
// dropping and single result, the camera view without a camera, the keyboard-wedge input (key events, paste)
// and the age limit chooser.
// Widgets need a QApplication: QTEST_MAIN, run with QT_QPA_PLATFORM=offscreen (set by ctest).

#include "AgeLimitChooser.h"
#include "AppSettings.h"
#include "IdCardCameraView.h"
#include "IdCardScannerInput.h"
#include "QrMatrix.h"
#include "VideoFrameQrScanner.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QPainter>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSpinBox>
#include <QVideoFrame>
#include <QVideoFrameFormat>
#include <QVideoSink>
#include <QtTest>

using namespace bankid;

namespace {

// The simulator's code format (idcard contract §2): "BANKIDF." and 64 upper-case hex digits.
const QString IdCardCode =
    QStringLiteral("BANKIDF.74226FAAE0C1D2E3F405162738495A6B7C8D9EAFB0C1D2E3F405162738495A6B7C8D9E");

/// A `frameSize` white picture with `content` as a QR code of `moduleSize` pixels per module at `topLeft`
/// (4 modules of quiet zone included).
QImage renderFrame(const QString &content, const QSize &frameSize, int moduleSize, const QPoint &topLeft = {40, 40})
{
    QImage image(frameSize, QImage::Format_ARGB32);
    image.fill(Qt::white);
    const std::optional<QrMatrix> matrix = QrMatrix::encode(content.toUtf8());
    if (!matrix)
        return image;
    QPainter painter(&image);
    const int quiet = 4 * moduleSize;
    for (int y = 0; y < matrix->size(); ++y) {
        for (int x = 0; x < matrix->size(); ++x) {
            if (matrix->isDark(x, y))
                painter.fillRect(topLeft.x() + quiet + x * moduleSize, topLeft.y() + quiet + y * moduleSize,
                                 moduleSize, moduleSize, Qt::black);
        }
    }
    return image;
}

/// Every pixel moved by up to ±`amount` grey levels (a cheap webcam's sensor noise), reproducibly.
QImage addNoise(QImage image, int amount)
{
    QRandomGenerator random(4711);
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const int delta = int(random.bounded(2 * amount + 1)) - amount;
            const int grey = qBound(0, qGray(line[x]) + delta, 255);
            line[x] = qRgb(grey, grey, grey);
        }
    }
    return image;
}

/// `image` turned by `degrees` about its centre, on white, same size (a phone held at an angle).
QImage rotate(const QImage &image, qreal degrees)
{
    QImage turned(image.size(), QImage::Format_ARGB32);
    turned.fill(Qt::white);
    QPainter painter(&turned);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.translate(image.width() / 2.0, image.height() / 2.0);
    painter.rotate(degrees);
    painter.translate(-image.width() / 2.0, -image.height() / 2.0);
    painter.drawImage(0, 0, image);
    return turned;
}

/// The picture as a camera would hand it over: a mapped BGRA video frame (Qt 6.4 has no QImage constructor).
QVideoFrame toVideoFrame(const QImage &picture)
{
    const QImage image = picture.convertToFormat(QImage::Format_ARGB32);
    QVideoFrame frame(QVideoFrameFormat(image.size(), QVideoFrameFormat::Format_BGRA8888));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    for (int y = 0; y < image.height(); ++y)
        memcpy(frame.bits(0) + qsizetype(y) * frame.bytesPerLine(0), image.constScanLine(y), size_t(image.width()) * 4);
    frame.unmap();
    return frame;
}

/// The picture as most webcams deliver it: planar YUV 4:2:0 (grey: the luma plane carries the QR code).
QVideoFrame toYuvFrame(const QImage &picture)
{
    const QImage image = picture.convertToFormat(QImage::Format_Grayscale8);
    QVideoFrame frame(QVideoFrameFormat(image.size(), QVideoFrameFormat::Format_YUV420P));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    for (int y = 0; y < image.height(); ++y)
        memcpy(frame.bits(0) + qsizetype(y) * frame.bytesPerLine(0), image.constScanLine(y), size_t(image.width()));
    for (int plane = 1; plane < 3; ++plane) // no colour
        memset(frame.bits(plane), 128, size_t(frame.mappedBytes(plane)));
    frame.unmap();
    return frame;
}

/// A scanner reading a sink as the camera view wires them, with its signals recorded.
struct ScannerRig
{
    ScannerRig() { scanner.setVideoSink(&sink); }

    QVideoSink sink;
    VideoFrameQrScanner scanner;
    QSignalSpy found{&scanner, &VideoFrameQrScanner::codeFound};
    QSignalSpy other{&scanner, &VideoFrameQrScanner::otherCodeSeen};
    QSignalSpy decoded{&scanner, &VideoFrameQrScanner::frameDecoded};
};

} // namespace

class TestIdCardScanning : public QObject
{
    Q_OBJECT

private slots:
    void framesAreRead_data();
    void framesAreRead();
    void yuvFrameIsRead();
    void frameWithoutCodeGivesNothing();
    void otherQrCodeIsIgnored();
    void codeIsTakenOnceThenScanningStops();
    void framesAreDroppedWhileDecoding();
    void cameraViewReadsItsSinkWithoutCamera();
    void scannerInputTakesKeyStrokesAndEnter();
    void scannerInputTakesPaste();
    void ageLimitChooser();
};

void TestIdCardScanning::framesAreRead_data()
{
    QTest::addColumn<QImage>("picture");
    const QSize vga(640, 480);
    QTest::newRow("plain") << renderFrame(IdCardCode, vga, 6);
    QTest::newRow("noisy") << addNoise(renderFrame(IdCardCode, vga, 6), 60);
    QTest::newRow("rotated") << rotate(renderFrame(IdCardCode, vga, 6, {180, 100}), 27);
    QTest::newRow("small") << renderFrame(IdCardCode, QSize(1280, 720), 2, {900, 500});
}

void TestIdCardScanning::framesAreRead()
{
    QFETCH(QImage, picture);
    ScannerRig rig;
    auto &[sink, scanner, found, other, decoded] = rig;
    scanner.start();
    sink.setVideoFrame(toVideoFrame(picture));
    QTRY_COMPARE(decoded.count(), 1);
    QCOMPARE(found.count(), 1);
    QCOMPARE(found.first().first().toString(), IdCardCode);
    QVERIFY(!scanner.isScanning());
}

void TestIdCardScanning::yuvFrameIsRead()
{
    ScannerRig rig;
    auto &[sink, scanner, found, other, decoded] = rig;
    scanner.start();
    sink.setVideoFrame(toYuvFrame(addNoise(renderFrame(IdCardCode, QSize(640, 480), 5), 30)));
    QTRY_COMPARE(decoded.count(), 1);
    QCOMPARE(found.count(), 1);
    QCOMPARE(found.first().first().toString(), IdCardCode);
}

void TestIdCardScanning::frameWithoutCodeGivesNothing()
{
    ScannerRig rig;
    auto &[sink, scanner, found, other, decoded] = rig;
    scanner.start();
    sink.setVideoFrame(toVideoFrame(addNoise(renderFrame(QString(), QSize(640, 480), 6), 40)));
    QTRY_COMPARE(decoded.count(), 1);
    QVERIFY(decoded.first().first().toStringList().isEmpty());
    QCOMPARE(found.count(), 0);
    QCOMPARE(other.count(), 0);
    QVERIFY(scanner.isScanning()); // still looking
}

void TestIdCardScanning::otherQrCodeIsIgnored()
{
    ScannerRig rig;
    auto &[sink, scanner, found, other, decoded] = rig;
    scanner.start();
    // A BankID login QR code and a web link: readable, but not an ID card.
    const QString login = QStringLiteral("bankid.67df3917-fa0d-44e5-b327-edcc928297f8.0.dc69358e712458a66a7525beef148ae8526b1c71610eff2c16cdffb4cdac9bf8");
    sink.setVideoFrame(toVideoFrame(renderFrame(login, QSize(640, 480), 4)));
    QTRY_COMPARE(decoded.count(), 1);
    sink.setVideoFrame(toVideoFrame(renderFrame(login, QSize(640, 480), 4)));
    QTRY_COMPARE(decoded.count(), 2);
    sink.setVideoFrame(toVideoFrame(renderFrame(QStringLiteral("https://example.com/BANKIDF."), QSize(640, 480), 5)));
    QTRY_COMPARE(decoded.count(), 3);
    QCOMPARE(found.count(), 0);
    QCOMPARE(other.count(), 2); // the same content in view twice is reported once
    QCOMPARE(other.first().first().toString(), login);
    QVERIFY(scanner.isScanning());
    // The holder opens the ID card: now it is taken.
    sink.setVideoFrame(toVideoFrame(renderFrame(IdCardCode, QSize(640, 480), 5)));
    QTRY_COMPARE(found.count(), 1);
}

void TestIdCardScanning::codeIsTakenOnceThenScanningStops()
{
    ScannerRig rig;
    auto &[sink, scanner, found, other, decoded] = rig;
    // A new QVideoFrame each time: the sink does not announce a frame equal to the one it holds.
    const QImage picture = renderFrame(IdCardCode, QSize(640, 480), 5);
    const auto frame = [&picture] { return toVideoFrame(picture); };
    // Not started: frames are ignored.
    sink.setVideoFrame(frame());
    QTest::qWait(100);
    QCOMPARE(scanner.decodedFrames(), 0);
    scanner.start();
    sink.setVideoFrame(frame());
    QTRY_COMPARE(found.count(), 1);
    // The camera keeps sending the same picture: no second result, nothing decoded.
    for (int i = 0; i < 5; ++i)
        sink.setVideoFrame(frame());
    QTest::qWait(200);
    QCOMPARE(found.count(), 1);
    QCOMPARE(scanner.decodedFrames(), 1);
    // Started again (the next card): read again.
    scanner.start();
    sink.setVideoFrame(frame());
    QTRY_COMPARE(found.count(), 2);
}

void TestIdCardScanning::framesAreDroppedWhileDecoding()
{
    ScannerRig rig;
    auto &[sink, scanner, found, other, decoded] = rig;
    scanner.start();
    // A live camera's burst: the frames arrive before the first decode has answered (no event loop turn
    // in between), so all but the first are dropped rather than queued.
    const QImage empty = renderFrame(QString(), QSize(1280, 720), 4);
    for (int i = 0; i < 6; ++i)
        sink.setVideoFrame(toVideoFrame(empty)); // a new frame each time (the sink skips an equal one)
    QTRY_COMPARE(decoded.count(), 1);
    QCOMPARE(scanner.decodedFrames(), 1);
    QCOMPARE(scanner.droppedFrames(), 5);
    // Once answered, the next frame is decoded again.
    sink.setVideoFrame(toVideoFrame(empty));
    QTRY_COMPARE(decoded.count(), 2);
}

void TestIdCardScanning::cameraViewReadsItsSinkWithoutCamera()
{
    IdCardCameraView view;
    view.resize(480, 420);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy found(&view, &IdCardCameraView::codeFound);
    if (view.cameraCount() == 0)
        QVERIFY2(view.statusText().contains(QStringLiteral("No camera")), qPrintable(view.statusText()));
    // The test plays the camera: frames go into the very sink the capture session writes to.
    view.startCamera();
    QVERIFY(view.isScanning());
    view.videoSink()->setVideoFrame(toVideoFrame(addNoise(renderFrame(IdCardCode, QSize(640, 480), 5), 30)));
    QTRY_COMPARE(found.count(), 1);
    QCOMPARE(found.first().first().toString(), IdCardCode);
    QVERIFY(!view.isScanning());
    QVERIFY2(view.statusText().contains(QStringLiteral("read")), qPrintable(view.statusText()));
    // The preview stopped with the scan: later frames are neither shown nor read.
    view.videoSink()->setVideoFrame(toVideoFrame(renderFrame(IdCardCode, QSize(640, 480), 5)));
    QTest::qWait(100);
    QCOMPARE(found.count(), 1);
    // Leaving the page stops everything.
    view.startCamera();
    view.setActive(false);
    QVERIFY(!view.isScanning());
}

void TestIdCardScanning::scannerInputTakesKeyStrokesAndEnter()
{
    IdCardScannerInput input;
    input.show();
    QVERIFY(QTest::qWaitForWindowExposed(&input));
    input.setFocus();
    QSignalSpy entered(&input, &IdCardScannerInput::codeEntered);
    // A wedge scanner types fast and ends with Enter; no click in between.
    QTest::keyClicks(&input, IdCardCode);
    QTest::keyClick(&input, Qt::Key_Return);
    QCOMPARE(entered.count(), 1);
    QCOMPARE(entered.first().first().toString(), IdCardCode);
    QVERIFY(input.text().isEmpty()); // ready for the next scan
    // A second scan right after it, ending with the keypad's Enter.
    QTest::keyClicks(&input, IdCardCode);
    QTest::keyClick(&input, Qt::Key_Enter, Qt::KeypadModifier);
    QCOMPARE(entered.count(), 2);
    // Enter alone sends nothing.
    QTest::keyClick(&input, Qt::Key_Return);
    QCOMPARE(entered.count(), 2);
}

void TestIdCardScanning::scannerInputTakesPaste()
{
    IdCardScannerInput input;
    input.show();
    QVERIFY(QTest::qWaitForWindowExposed(&input));
    input.setFocus();
    QSignalSpy entered(&input, &IdCardScannerInput::codeEntered);
    QGuiApplication::clipboard()->setText(QStringLiteral("  ") + IdCardCode + QStringLiteral("\n"));
    QTest::keyClick(&input, Qt::Key_V, Qt::ControlModifier);
    if (entered.isEmpty())
        QTest::keyClick(&input, Qt::Key_Return); // QLineEdit dropped the line break: Enter submits
    QCOMPARE(entered.count(), 1);
    QCOMPARE(entered.first().first().toString(), IdCardCode);
    QVERIFY(input.text().isEmpty());
}

void TestIdCardScanning::ageLimitChooser()
{
    AgeLimitChooser chooser;
    chooser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chooser));
    QCOMPARE(chooser.limit(), AppSettings::DefaultIdCardAgeLimit);
    QSignalSpy changed(&chooser, &AgeLimitChooser::limitChanged);
    auto *spin = chooser.findChild<QSpinBox *>(QStringLiteral("ageLimitCustomSpinBox"));
    QVERIFY(spin);
    QVERIFY(!spin->isEnabled());
    chooser.findChild<QRadioButton *>(QStringLiteral("ageLimit25RadioButton"))->click();
    QCOMPARE(chooser.limit(), 25);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.last().first().toInt(), 25);
    chooser.findChild<QRadioButton *>(QStringLiteral("ageLimitCustomRadioButton"))->click();
    QVERIFY(spin->isEnabled());
    spin->setValue(16);
    QCOMPARE(chooser.limit(), 16);
    QCOMPARE(changed.last().first().toInt(), 16);
    // Set from the settings: no change signal, the matching preset or Custom.
    const int before = int(changed.count());
    chooser.setLimit(20);
    QCOMPARE(chooser.limit(), 20);
    QVERIFY(chooser.findChild<QRadioButton *>(QStringLiteral("ageLimit20RadioButton"))->isChecked());
    chooser.setLimit(67);
    QCOMPARE(chooser.limit(), 67);
    QVERIFY(spin->isEnabled());
    chooser.setLimit(9999);
    QCOMPARE(chooser.limit(), AppSettings::MaxIdCardAgeLimit);
    QCOMPARE(changed.count(), before);
}

QTEST_MAIN(TestIdCardScanning)
#include "TestIdCardScanning.moc"
