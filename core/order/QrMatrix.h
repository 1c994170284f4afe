#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

namespace bankid {

/// A QR code symbol as a plain value: size x size modules, row-major, dark = true. Built by libqrencode
/// (error correction level L, as the official sample renders BankID QR codes; 8-bit byte mode, so the
/// payload bytes are encoded exactly). libqrencode stays inside QrMatrix.cpp; callers draw the modules
/// themselves (widget, terminal, image) and add the quiet zone they need (the sample uses a margin of 3).
///
/// Usage:
/// \code
///   if (const auto matrix = QrMatrix::encode(payload.toUtf8()))
///       for (int y = 0; y < matrix->size(); ++y)
///           for (int x = 0; x < matrix->size(); ++x)
///               if (matrix->isDark(x, y)) painter.fillRect(x * scale, y * scale, scale, scale, Qt::black);
/// \endcode
class QrMatrix
{
public:
    /// Encodes \a data; nullopt when it is empty or too long for any QR version at level L.
    static std::optional<QrMatrix> encode(const QByteArray &data);

    /// Modules per side (21 for version 1, +4 per version).
    int size() const { return m_size; }
    /// The QR version (1..40).
    int version() const { return m_version; }
    /// True for a dark module; false outside the symbol.
    bool isDark(int x, int y) const;

    bool operator==(const QrMatrix &other) const = default;

private:
    QrMatrix() = default;

    int m_size = 0;
    int m_version = 0;
    QList<bool> m_modules; ///< row-major, m_size * m_size
};

} // namespace bankid
