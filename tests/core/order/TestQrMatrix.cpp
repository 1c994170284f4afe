// QrMatrix: libqrencode output rendered to an image with a quiet zone and decoded back with libzbar
// (a real, independent decoder), for real BankID QR payloads and edge cases.
#include "QrContent.h"
#include "QrMatrix.h"

#include <QImage>
#include <QTest>

#include <zbar.h>

#include <memory>

using namespace bankid;
using namespace zbar; // in C++ the zbar.h C API lives in namespace zbar

namespace {

/// Draws \a matrix black on white, \a scale pixels per module, with a quiet zone of \a margin modules.
QImage render(const QrMatrix &matrix, int scale, int margin)
{
    const int side = (matrix.size() + 2 * margin) * scale;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < matrix.size(); ++y) {
        for (int x = 0; x < matrix.size(); ++x) {
            if (!matrix.isDark(x, y))
                continue;
            for (int dy = 0; dy < scale; ++dy) {
                uchar *line = image.scanLine((y + margin) * scale + dy);
                for (int dx = 0; dx < scale; ++dx)
                    line[(x + margin) * scale + dx] = 0;
            }
        }
    }
    return image;
}

/// Every QR symbol zbar finds in \a image, as raw bytes (ZBAR_CFG_BINARY: no charset guessing).
QList<QByteArray> decode(const QImage &image)
{
    QByteArray pixels;
    pixels.reserve(qsizetype(image.width()) * image.height());
    for (int y = 0; y < image.height(); ++y)
        pixels.append(reinterpret_cast<const char *>(image.constScanLine(y)), image.width());

    const std::unique_ptr<zbar_image_scanner_t, decltype(&zbar_image_scanner_destroy)> scanner(
        zbar_image_scanner_create(), &zbar_image_scanner_destroy);
    zbar_image_scanner_set_config(scanner.get(), ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
    zbar_image_scanner_set_config(scanner.get(), ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
    zbar_image_scanner_set_config(scanner.get(), ZBAR_QRCODE, ZBAR_CFG_BINARY, 1);

    const std::unique_ptr<zbar_image_t, decltype(&zbar_image_destroy)> zimage(zbar_image_create(), &zbar_image_destroy);
    zbar_image_set_format(zimage.get(), zbar_fourcc('Y', '8', '0', '0'));
    zbar_image_set_size(zimage.get(), unsigned(image.width()), unsigned(image.height()));
    zbar_image_set_data(zimage.get(), pixels.constData(), unsigned(pixels.size()), nullptr);

    QList<QByteArray> results;
    if (zbar_scan_image(scanner.get(), zimage.get()) <= 0)
        return results;
    for (const zbar_symbol_t *symbol = zbar_image_first_symbol(zimage.get()); symbol;
         symbol = zbar_symbol_next(symbol))
        results.append(QByteArray(zbar_symbol_get_data(symbol), int(zbar_symbol_get_data_length(symbol))));
    return results;
}

} // namespace

class TestQrMatrix : public QObject
{
    Q_OBJECT

private slots:
    void roundTripThroughZbar_data();
    void roundTripThroughZbar();
    void geometry();
    void rejectsEmptyAndOversized();
    void deterministic();
};

void TestQrMatrix::roundTripThroughZbar_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("scale");
    QTest::addColumn<int>("margin");

    const QString token = QStringLiteral("67df3917-fa0d-44e5-b327-edcc928297f8");
    const QString secret = QStringLiteral("d28db9a7-4cde-429e-a983-359be676944c");
    QTest::newRow("bankid_official_t0") << QrContent::at(token, secret, 0).toLatin1() << 4 << 3;
    QTest::newRow("bankid_official_t2") << QrContent::at(token, secret, 2).toLatin1() << 4 << 3;
    QTest::newRow("bankid_made_up_t30")
        << QrContent::at(QStringLiteral("11111111-2222-4333-8444-555555555555"),
                         QStringLiteral("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"), 30)
               .toLatin1()
        << 3 << 4;
    QTest::newRow("bankid_long_elapsed") << QrContent::at(token, secret, 86399).toLatin1() << 4 << 3;
    QTest::newRow("single_byte") << QByteArray("a") << 6 << 4;
    QTest::newRow("utf8_swedish") << QStringLiteral("Åtgärden avbröts. Försök igen.").toUtf8() << 4 << 4;
    QTest::newRow("launch_url") << QByteArray("bankid:///?autostarttoken=46d3f8ea-0a8f-4a41-9f6f-bf3c1f2b1c7e&redirect=null")
                                << 4 << 4;
    QTest::newRow("300_bytes") << QByteArray(300, 'x') << 3 << 4;
}

void TestQrMatrix::roundTripThroughZbar()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, scale);
    QFETCH(int, margin);

    const auto matrix = QrMatrix::encode(payload);
    QVERIFY(matrix);
    const QList<QByteArray> decoded = decode(render(*matrix, scale, margin));
    QCOMPARE(decoded.size(), 1);
    QCOMPARE(decoded.first(), payload);
}

void TestQrMatrix::geometry()
{
    const auto matrix = QrMatrix::encode(QByteArrayLiteral("bankid.x.0.y"));
    QVERIFY(matrix);
    QCOMPARE(matrix->size(), 17 + 4 * matrix->version());
    QCOMPARE(matrix->version(), 1); // 12 bytes fit version 1 at level L
    // Finder pattern in the top-left corner: dark ring, light ring, dark 3x3 centre, light separator.
    QVERIFY(matrix->isDark(0, 0));
    QVERIFY(matrix->isDark(6, 0));
    QVERIFY(!matrix->isDark(1, 1));
    QVERIFY(matrix->isDark(3, 3));
    QVERIFY(!matrix->isDark(7, 0));
    QVERIFY(matrix->isDark(matrix->size() - 1, 0)); // top-right finder
    QVERIFY(matrix->isDark(0, matrix->size() - 1)); // bottom-left finder
    // Outside the symbol is light, never a crash.
    QVERIFY(!matrix->isDark(-1, 0));
    QVERIFY(!matrix->isDark(0, matrix->size()));
}

void TestQrMatrix::rejectsEmptyAndOversized()
{
    QVERIFY(!QrMatrix::encode(QByteArray()));
    // Version 40 at level L holds 2953 bytes in byte mode.
    QVERIFY(QrMatrix::encode(QByteArray(2953, 'x')));
    QVERIFY(!QrMatrix::encode(QByteArray(2954, 'x')));
}

void TestQrMatrix::deterministic()
{
    const QByteArray payload = QrContent::at(QStringLiteral("t"), QStringLiteral("s"), 1).toLatin1();
    QCOMPARE(QrMatrix::encode(payload), QrMatrix::encode(payload));
    QVERIFY(!(QrMatrix::encode(payload) == QrMatrix::encode(payload + '!')));
}

QTEST_APPLESS_MAIN(TestQrMatrix)
#include "TestQrMatrix.moc"
