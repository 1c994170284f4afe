#include "DocumentSignRequest.h"

#include <QLocale>

namespace bankid {

namespace {

const QByteArray &prefix()
{
    static const QByteArray value("sha256:");
    return value;
}

/// Characters that must not reach the signer's screen from a file name: control characters (a newline
/// would start a new markdown block), format characters (a right-to-left override can make "txt.exe"
/// look like "exe.txt") and the Unicode line/paragraph separators. Each becomes U+FFFD.
bool isUnsafeInName(QChar c)
{
    switch (c.category()) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return false;
    }
}

/// At most `max` characters: the start and the end of the name (the extension stays visible) around
/// "…". Never splits a surrogate pair.
QString shortenInMiddle(const QString &name, int max)
{
    if (name.size() <= max)
        return name;
    const int keep = max - 1; // room for the ellipsis
    qsizetype head = keep / 2 + keep % 2;
    qsizetype tailStart = name.size() - keep / 2;
    if (head > 0 && name.at(head - 1).isHighSurrogate())
        --head;
    if (tailStart < name.size() && name.at(tailStart).isLowSurrogate())
        ++tailStart;
    return name.left(head) + QChar(0x2026) + name.mid(tailStart);
}

/// Backslash before every character simpleMarkdownV1 could interpret inside a line (\* \+ \| \# \\). '-' is
/// left alone: it only matters for a "---" line, and no line of the summary can be one (see summaryFor).
QString escapeMarkdown(const QString &text)
{
    QString out;
    out.reserve(text.size() * 2);
    for (const QChar c : text) {
        if (c == QLatin1Char('*') || c == QLatin1Char('+') || c == QLatin1Char('|') || c == QLatin1Char('#')
            || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

} // namespace

QByteArray DocumentSignRequest::nonVisibleDataFor(const DocumentDigest &digest)
{
    return prefix() + digest.sha256.toHex();
}

std::optional<QByteArray> DocumentSignRequest::digestFromNonVisibleData(const QByteArray &data)
{
    if (data.size() != prefix().size() + 64 || !data.startsWith(prefix()))
        return std::nullopt;
    const QByteArray hex = data.mid(prefix().size());
    for (const char c : hex) {
        const bool isHex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!isHex)
            return std::nullopt;
    }
    return QByteArray::fromHex(hex);
}

QString DocumentSignRequest::summaryFor(const DocumentDigest &digest)
{
    QString name;
    name.reserve(digest.fileName.size());
    for (const QChar c : digest.fileName)
        name += isUnsafeInName(c) ? QChar(QChar::ReplacementCharacter) : c;
    name = shortenInMiddle(name, MaxShownNameLength);

    // Bold needs the name to touch both '*' markers (SimpleMarkdown: an opener before a space, or a closer
    // after one, is literal), so a name that starts or ends with white space is shown after a label
    // instead: the line then never starts with block syntax ("+ ", "---", "|").
    const bool canBold = !name.isEmpty() && !name.front().isSpace() && !name.back().isSpace();
    const QString shownName = canBold ? QLatin1Char('*') + escapeMarkdown(name) + QLatin1Char('*')
                                      : escapeMarkdown(tr("File: %1").arg(name));

    const QString size = digest.size == 1 ? tr("Size: 1 byte")
                                          : tr("Size: %1 bytes").arg(QLocale().toString(digest.size));
    // The markdown markup stays out of the translatable texts so a translation cannot break it.
    const QStringList lines{QStringLiteral("# ") + tr("Sign document"),
                            shownName,
                            escapeMarkdown(size),
                            escapeMarkdown(tr("SHA-256: %1").arg(digest.sha256Hex()))};
    return lines.join(QLatin1Char('\n'));
}

OrderRequest DocumentSignRequest::build(const DocumentDigest &digest, const QString &endUserIp)
{
    OrderRequest request;
    request.flow = Flow::Sign;
    request.endUserIp = endUserIp;
    request.userVisibleData = summaryFor(digest).toUtf8();
    request.userVisibleDataIsMarkdown = true;
    request.userNonVisibleData = nonVisibleDataFor(digest);
    return request;
}

} // namespace bankid
