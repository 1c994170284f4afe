#include "IdCardCode.h"

#include <QList>

namespace bankid {

namespace {

// The one line end a keyboard-wedge scanner appends: CR LF, LF or CR.
QString withoutOneLineEnd(const QString &scanned)
{
    if (scanned.endsWith(QLatin1String("\r\n")))
        return scanned.chopped(2);
    if (scanned.endsWith(QLatin1Char('\n')) || scanned.endsWith(QLatin1Char('\r')))
        return scanned.chopped(1);
    return scanned;
}

QString codePoint(char32_t c)
{
    return QStringLiteral("U+") + QString::number(uint(c), 16).toUpper().rightJustified(4, QLatin1Char('0'));
}

bool isUnicodeSpace(char32_t c)
{
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029
           || c == 0x202F || c == 0x205F || c == 0x3000;
}

// The first character that may not appear in a code, described with its 1-based position; empty when none.
QString badCharacter(const QString &code)
{
    qsizetype position = 0;
    for (char32_t c : code.toUcs4()) {
        ++position;
        QString what;
        if (c == ' ' || (c >= '\t' && c <= '\r') || isUnicodeSpace(c))
            what = QStringLiteral("a whitespace character");
        else if (c < 0x20 || (c >= 0x7F && c < 0xA0))
            what = QStringLiteral("a control character");
        else if (c > 0x7E)
            what = QStringLiteral("a non-ASCII character");
        if (!what.isEmpty())
            return QStringLiteral("the code contains %1 (%2) at position %3").arg(what, codePoint(c)).arg(position);
    }
    return {};
}

} // namespace

std::optional<IdCardCode> IdCardCode::parse(const QString &scanned, QString *problem)
{
    auto refuse = [problem](const QString &why) -> std::optional<IdCardCode> {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    const QString code = withoutOneLineEnd(scanned);
    if (code.isEmpty())
        return refuse(QStringLiteral("the code is empty"));
    if (code.size() > MaxLength)
        return refuse(QStringLiteral("the code is %1 characters long; an ID card code has at most %2")
                          .arg(code.size())
                          .arg(MaxLength));
    if (const QString bad = badCharacter(code); !bad.isEmpty())
        return refuse(bad);
    if (!code.startsWith(Prefix))
        return refuse(QStringLiteral("the code does not start with \"%1\", so it is not a BankID ID card code").arg(Prefix));
    if (code.size() == Prefix.size())
        return refuse(QStringLiteral("the code has nothing after \"%1\"").arg(Prefix));
    if (problem)
        problem->clear();
    return IdCardCode(code);
}

QString IdCardCode::loggable() const
{
    return m_text.size() <= LoggedCharacters ? m_text : m_text.left(LoggedCharacters) + QStringLiteral("…");
}

} // namespace bankid
