#include "TerminalQr.h"

#include "QrMatrix.h"

namespace bankid {

QString TerminalQr::render(const QrMatrix &matrix, int quietZone, bool ansiColours)
{
    const int size = matrix.size();
    const int span = size + 2 * quietZone;
    const auto dark = [&](int x, int y) {
        const int mx = x - quietZone;
        const int my = y - quietZone;
        return mx >= 0 && my >= 0 && mx < size && my < size && matrix.isDark(mx, my);
    };
    // With colours: black foreground on white background, so a set half block is a dark module.
    // Without colours we cannot know the terminal's palette; draw dark modules as blocks.
    const QString lineStart = ansiColours ? QStringLiteral("\x1b[30;47m") : QString();
    const QString lineEnd = ansiColours ? QStringLiteral("\x1b[0m\n") : QStringLiteral("\n");

    QString out;
    out.reserve((span + 16) * (span / 2 + 1));
    for (int y = 0; y < span; y += 2) {
        out += lineStart;
        for (int x = 0; x < span; ++x) {
            const bool top = dark(x, y);
            const bool bottom = y + 1 < span && dark(x, y + 1);
            if (top && bottom)
                out += QChar(0x2588); // █ full block
            else if (top)
                out += QChar(0x2580); // ▀ upper half block
            else if (bottom)
                out += QChar(0x2584); // ▄ lower half block
            else
                out += QLatin1Char(' ');
        }
        out += lineEnd;
    }
    return out;
}

} // namespace bankid
