#include "QrMatrix.h"

#include <qrencode.h>

#include <memory>

namespace bankid {

std::optional<QrMatrix> QrMatrix::encode(const QByteArray &data)
{
    if (data.isEmpty())
        return std::nullopt;
    // QRcode_encodeData takes raw bytes with a length, so NUL bytes and non-ASCII survive (8-bit mode);
    // version 0 lets libqrencode pick the smallest version that fits.
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(int(data.size()), reinterpret_cast<const unsigned char *>(data.constData()), 0, QR_ECLEVEL_L),
        &QRcode_free);
    if (!code)
        return std::nullopt;

    QrMatrix matrix;
    matrix.m_size = code->width;
    matrix.m_version = code->version;
    const qsizetype count = qsizetype(code->width) * code->width;
    matrix.m_modules.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        matrix.m_modules.append((code->data[i] & 0x01) != 0); // bit 0 = dark; the other bits are metadata
    return matrix;
}

bool QrMatrix::isDark(int x, int y) const
{
    if (x < 0 || y < 0 || x >= m_size || y >= m_size)
        return false;
    return m_modules.at(qsizetype(y) * m_size + x);
}

} // namespace bankid
