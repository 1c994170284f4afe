#include "QrImageDecoder.h"

#include <QByteArray>
#include <QLoggingCategory>

#include <zbar.h>

#include <memory>

Q_LOGGING_CATEGORY(lcQrDecoder, "bankid.app.qrdecoder")

namespace bankid {

QStringList QrImageDecoder::decode(const QImage &image)
{
    QStringList results;
    if (image.isNull())
        return results;

    // zbar wants tightly packed 8-bit grey ("Y800"); QImage rows may be padded, so copy row by row.
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    QByteArray pixels;
    pixels.reserve(qsizetype(grey.width()) * grey.height());
    for (int y = 0; y < grey.height(); ++y)
        pixels.append(reinterpret_cast<const char *>(grey.constScanLine(y)), grey.width());

    const std::unique_ptr<zbar::zbar_image_scanner_t, decltype(&zbar::zbar_image_scanner_destroy)> scanner(
        zbar::zbar_image_scanner_create(), &zbar::zbar_image_scanner_destroy);
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
    // Raw bytes: no charset guessing by zbar; BankID payloads are ASCII and we decode UTF-8 ourselves.
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_BINARY, 1);

    const std::unique_ptr<zbar::zbar_image_t, decltype(&zbar::zbar_image_destroy)> zimage(
        zbar::zbar_image_create(), &zbar::zbar_image_destroy);
    // zbar_fourcc is a macro, so it takes no namespace.
    zbar::zbar_image_set_format(zimage.get(), zbar_fourcc('Y', '8', '0', '0'));
    zbar::zbar_image_set_size(zimage.get(), unsigned(grey.width()), unsigned(grey.height()));
    zbar::zbar_image_set_data(zimage.get(), pixels.constData(), unsigned(pixels.size()), nullptr);

    const int found = zbar::zbar_scan_image(scanner.get(), zimage.get());
    if (found < 0) {
        qCWarning(lcQrDecoder) << "zbar could not scan an image of" << grey.size();
        return results;
    }
    for (const zbar::zbar_symbol_t *symbol = zbar::zbar_image_first_symbol(zimage.get()); symbol;
         symbol = zbar::zbar_symbol_next(symbol)) {
        if (zbar::zbar_symbol_get_type(symbol) != zbar::ZBAR_QRCODE)
            continue;
        results.append(QString::fromUtf8(zbar::zbar_symbol_get_data(symbol),
                                         qsizetype(zbar::zbar_symbol_get_data_length(symbol))));
    }
    return results;
}

} // namespace bankid
