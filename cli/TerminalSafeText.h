#pragma once

#include <QByteArray>
#include <QString>

namespace bankid {

/// Makes text that came from outside (BankID's answers, a server's error details, names in certificates,
/// command-line arguments echoed back) safe to print on a terminal: nothing in it can move the cursor,
/// clear the screen, retitle the window, reorder the line (bidi overrides) or cut the output short (NUL).
///
/// Contract: every character that could act on a terminal is replaced by a visible escape: C0 controls
/// U+0000-U+001F as "\x1b"-style, DEL, C1 controls U+0080-U+009F and the bidi controls U+061C,
/// U+200E, U+200F, U+202A-U+202E, U+2066-U+2069 as "\u202e"-style; a lone surrogate (an unpaired
/// "\ud800" in JSON) and invalid UTF-8 (fromUtf8()) become U+FFFD. Everything else, including the
/// backslash and all printable Unicode, is kept as it is, so ordinary names print unchanged. The output
/// contains only printable characters (lines() keeps '\n'). JSON text written by QJsonDocument (which
/// escapes C0 controls itself and has no other raw control than its line breaks) stays valid JSON with
/// the same value through lines(): what it escapes can only sit inside strings, as "\uXXXX".
///
/// \code
///   writeOut(tr("Identified:        %1\n").arg(TerminalSafeText::line(completion.name)));
/// \endcode
class TerminalSafeText
{
public:
    /// One line: every control, '\n' and '\t' included, is escaped.
    static QString line(const QString &text);
    /// Several lines: as line(), but '\n' is kept (for messages that are multi-line by design).
    static QString lines(const QString &text);
    /// Bytes that should be UTF-8 (invalid sequences become U+FFFD), then as line().
    static QString fromUtf8(const QByteArray &bytes);
};

} // namespace bankid
