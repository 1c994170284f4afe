#pragma once

#include <QImage>
#include <QStringList>

namespace bankid {

/// Decodes the QR codes in an image with libzbar (QR symbology only; an independent decoder, so what the
/// desk draws is checked by something else than the encoder that made it). The image is converted to 8-bit
/// grey first; the result is every decoded symbol's text (UTF-8), in zbar's order; empty when none.
///
/// \code
///   const QStringList found = bankid::QrImageDecoder::decode(qrWidget->grab().toImage());
///   if (found.size() == 1) simulator->scan(found.first().toUtf8());
/// \endcode
class QrImageDecoder
{
public:
    static QStringList decode(const QImage &image);
};

} // namespace bankid
