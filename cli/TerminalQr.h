#pragma once

#include <QString>

namespace bankid {

class QrMatrix;

/// Draws a QR matrix in a terminal with Unicode half blocks: one character cell holds two module rows,
/// so the code stays square in a typical 1:2 cell. Colours are forced (black on white) because a QR code
/// on a dark terminal theme would otherwise be inverted, which many scanners refuse.
///
///     QString art = TerminalQr::render(*QrMatrix::encode(content.toUtf8()));
///     std::fputs(art.toUtf8().constData(), stdout);
class TerminalQr
{
public:
    /// The quiet zone in modules around the code; BankID's sample uses 3.
    static constexpr int DefaultQuietZone = 3;

    /// Returns lines ending in "\n", each wrapped in ANSI colour codes when `ansiColours` is true
    /// (without them, '█' stands for a dark module pair on whatever the terminal draws).
    static QString render(const QrMatrix &matrix, int quietZone = DefaultQuietZone, bool ansiColours = true);
};

} // namespace bankid
