#include "TerminalSafeText.h"

namespace bankid {

namespace {

bool isBidiControl(char16_t c)
{
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

QString hexEscape(const char *prefix, char16_t c, int width)
{
    return QLatin1String(prefix) + QStringLiteral("%1").arg(uint(c), width, 16, QLatin1Char('0'));
}

QString sanitize(const QString &text, bool keepNewlines)
{
    QString safe;
    safe.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && QChar::isLowSurrogate(text.at(i + 1).unicode())) {
            safe += text.at(i);
            safe += text.at(++i);
        } else if (QChar::isSurrogate(c)) {
            safe += QChar(QChar::ReplacementCharacter);
        } else if (c == u'\n' && keepNewlines) {
            safe += QChar(c);
        } else if (c < 0x20) {
            safe += hexEscape("\\x", c, 2);
        } else if (c == 0x7F || (c >= 0x80 && c <= 0x9F) || isBidiControl(c)) {
            safe += hexEscape("\\u", c, 4);
        } else {
            safe += QChar(c);
        }
    }
    return safe;
}

} // namespace

QString TerminalSafeText::line(const QString &text)
{
    return sanitize(text, false);
}

QString TerminalSafeText::lines(const QString &text)
{
    return sanitize(text, true);
}

QString TerminalSafeText::fromUtf8(const QByteArray &bytes)
{
    return line(QString::fromUtf8(bytes));
}

} // namespace bankid
