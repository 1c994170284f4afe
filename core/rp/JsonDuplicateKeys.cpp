#include "JsonDuplicateKeys.h"

#include <QList>
#include <QSet>

namespace bankid {

namespace {

/// One open object or array on the scan's stack.
struct Container
{
    bool isObject = false;
    bool expectingName = false; ///< objects: the next string is a member name
    QString path;               ///< dotted path of this container ("" for the top level)
    QString lastName;           ///< objects: the name of the member being read
    QSet<QString> names;
};

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/// Reads the string starting after the opening quote at `pos`; leaves `pos` after the closing quote.
/// Escapes are decoded (\uXXXX as UTF-16 code units, so surrogate pairs join up); raw runs are UTF-8.
QString readString(QByteArrayView json, qsizetype &pos)
{
    QString text;
    qsizetype runStart = pos;
    auto flushRun = [&](qsizetype end) {
        if (end > runStart)
            text += QString::fromUtf8(json.sliced(runStart, end - runStart));
    };
    while (pos < json.size()) {
        const char c = json[pos];
        if (c == '"') {
            flushRun(pos);
            ++pos;
            return text;
        }
        if (c != '\\') {
            ++pos;
            continue;
        }
        flushRun(pos);
        if (pos + 1 >= json.size()) {
            pos = json.size();
            return text;
        }
        const char escape = json[pos + 1];
        pos += 2;
        switch (escape) {
        case 'b': text += QChar(u'\b'); break;
        case 'f': text += QChar(u'\f'); break;
        case 'n': text += QChar(u'\n'); break;
        case 'r': text += QChar(u'\r'); break;
        case 't': text += QChar(u'\t'); break;
        case 'u': {
            char16_t unit = 0;
            for (int i = 0; i < 4 && pos < json.size(); ++i, ++pos) {
                const int digit = hexValue(json[pos]);
                unit = char16_t(unit * 16 + (digit < 0 ? 0 : digit));
            }
            text += QChar(unit);
            break;
        }
        default: text += QLatin1Char(escape); break; // \" \\ \/
        }
        runStart = pos;
    }
    flushRun(pos);
    return text;
}

} // namespace

std::optional<QString> JsonDuplicateKeys::firstDuplicate(QByteArrayView json)
{
    QList<Container> stack;
    qsizetype pos = 0;
    while (pos < json.size()) {
        const char c = json[pos];
        switch (c) {
        case '{':
        case '[': {
            Container child;
            child.isObject = c == '{';
            child.expectingName = child.isObject;
            if (!stack.isEmpty()) {
                const Container &parent = stack.constLast();
                const QString step = parent.isObject ? parent.lastName : QStringLiteral("[]");
                child.path = parent.path.isEmpty() ? step : parent.path + QLatin1Char('.') + step;
            }
            stack.append(std::move(child));
            ++pos;
            break;
        }
        case '}':
        case ']':
            if (!stack.isEmpty())
                stack.removeLast();
            ++pos;
            break;
        case ',':
            if (!stack.isEmpty() && stack.constLast().isObject)
                stack.last().expectingName = true;
            ++pos;
            break;
        case '"': {
            ++pos;
            const QString text = readString(json, pos);
            if (!stack.isEmpty() && stack.constLast().isObject && stack.constLast().expectingName) {
                Container &object = stack.last();
                object.expectingName = false;
                object.lastName = text;
                if (object.names.contains(text))
                    return object.path.isEmpty() ? text : object.path + QLatin1Char('.') + text;
                object.names.insert(text);
            }
            break;
        }
        default: ++pos; break; // ':', whitespace, numbers, true/false/null
        }
    }
    return std::nullopt;
}

} // namespace bankid
