#include "HttpRequestParser.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace bankid::sim {

namespace {

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+': case '-': case '.':
    case '^': case '_': case '`': case '|': case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimmedBlanks(QByteArrayView text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isBlank(text.at(begin)))
        ++begin;
    while (end > begin && isBlank(text.at(end - 1)))
        --end;
    return text.sliced(begin, end - begin);
}

/// A field value may hold visible characters, blanks and obs-text, never a control character (NUL, CR...).
bool isFieldValue(QByteArrayView value)
{
    for (const char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

/// True when the comma-separated list `value` holds `token` (case-insensitive).
bool listContains(QByteArrayView value, QByteArrayView token)
{
    qsizetype start = 0;
    while (start <= value.size()) {
        qsizetype comma = value.indexOf(',', start);
        if (comma < 0)
            comma = value.size();
        if (trimmedBlanks(value.sliced(start, comma - start)).compare(token, Qt::CaseInsensitive) == 0)
            return true;
        start = comma + 1;
    }
    return false;
}

} // namespace

void HttpRequestParser::feed(QByteArrayView bytes)
{
    if (hasError() || bytes.isEmpty())
        return;
    m_buffer.append(bytes);
}

qsizetype HttpRequestParser::nextLineEnd()
{
    const qsizetype found = m_buffer.indexOf('\n', m_scan);
    m_scan = found < 0 ? m_buffer.size() : found;
    return found;
}

std::optional<HttpRequest> HttpRequestParser::takeRequest()
{
    while (!hasError()) {
        if (m_stage == Stage::RequestLine) {
            // RFC 9112 §2.2: empty lines before a request line are ignored (some clients send a CRLF after a body).
            while (m_position < m_buffer.size() && (m_buffer.at(m_position) == '\r' || m_buffer.at(m_position) == '\n'))
                ++m_position;
            m_scan = std::max(m_scan, m_position);
            const qsizetype end = nextLineEnd();
            if (end < 0) {
                if (bufferedBytes() > maxRequestLineBytes)
                    fail(414, "request line: longer than " + QByteArray::number(maxRequestLineBytes) + " bytes");
                compact();
                return std::nullopt;
            }
            if (end - m_position > maxRequestLineBytes) {
                fail(414, "request line: longer than " + QByteArray::number(maxRequestLineBytes) + " bytes");
                return std::nullopt;
            }
            QByteArrayView line(m_buffer.constData() + m_position, end - m_position);
            if (line.endsWith('\r'))
                line.chop(1);
            m_position = end + 1;
            m_scan = m_position;
            if (!parseRequestLine(line))
                return std::nullopt;
            m_stage = Stage::Headers;
            m_headerBytes = 0;
        } else if (m_stage == Stage::Headers) {
            const qsizetype end = nextLineEnd();
            if (end < 0) {
                if (m_headerBytes + bufferedBytes() > maxHeaderBytes)
                    fail(431, "header block: larger than " + QByteArray::number(maxHeaderBytes) + " bytes");
                compact();
                return std::nullopt;
            }
            m_headerBytes += end + 1 - m_position;
            if (m_headerBytes > maxHeaderBytes) {
                fail(431, "header block: larger than " + QByteArray::number(maxHeaderBytes) + " bytes");
                return std::nullopt;
            }
            QByteArrayView line(m_buffer.constData() + m_position, end - m_position);
            if (line.endsWith('\r'))
                line.chop(1);
            m_position = end + 1;
            m_scan = m_position;
            if (line.isEmpty()) {
                if (!finishHeaders())
                    return std::nullopt;
                m_stage = Stage::Body;
            } else if (!parseHeaderLine(line)) {
                return std::nullopt;
            }
        } else {
            if (bufferedBytes() < m_bodyLength) {
                compact();
                return std::nullopt;
            }
            m_current.body = m_buffer.mid(m_position, m_bodyLength);
            m_position += m_bodyLength;
            m_scan = m_position;
            m_stage = Stage::RequestLine;
            m_continueWanted = false;
            compact();
            return std::exchange(m_current, HttpRequest());
        }
    }
    return std::nullopt;
}

bool HttpRequestParser::parseRequestLine(QByteArrayView line)
{
    // request-line = method SP request-target SP HTTP-version, single spaces, nothing else (RFC 9112 §3).
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype lastSpace = line.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace <= firstSpace + 1)
        return fail(400, "request line: expected \"METHOD TARGET HTTP/1.1\"");
    const QByteArrayView method = line.first(firstSpace);
    const QByteArrayView target = line.sliced(firstSpace + 1, lastSpace - firstSpace - 1);
    const QByteArrayView version = line.sliced(lastSpace + 1);
    if (!isToken(method))
        return fail(400, "request line: the method is not a token");
    for (const char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f)
            return fail(400, "request line: the target holds a space, control or non-ASCII character");
    }
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        const bool looksLikeHttp = version.size() == 8 && version.startsWith("HTTP/") && version.at(6) == '.'
                                   && std::isdigit(static_cast<unsigned char>(version.at(5)))
                                   && std::isdigit(static_cast<unsigned char>(version.at(7)));
        return looksLikeHttp ? fail(505, "request line: only HTTP/1.1 and HTTP/1.0 are supported")
                             : fail(400, "request line: malformed HTTP version");
    }
    m_current = HttpRequest();
    m_current.method = method.toByteArray();
    m_current.target = target.toByteArray();
    const qsizetype query = target.indexOf('?');
    m_current.path = query < 0 ? m_current.target : target.first(query).toByteArray();
    m_current.version = version.toByteArray();
    return true;
}

bool HttpRequestParser::parseHeaderLine(QByteArrayView line)
{
    if (isBlank(line.front()))
        return fail(400, "header block: obsolete line folding is not accepted");
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return fail(400, "header block: a field without a name or colon");
    const QByteArrayView name = line.first(colon);
    if (!isToken(name))
        return fail(400, "header \"" + name.first(std::min<qsizetype>(name.size(), 64)).toByteArray() + "\": the name is not a token (no blank before ':')");
    const QByteArrayView value = trimmedBlanks(line.sliced(colon + 1));
    if (!isFieldValue(value))
        return fail(400, "header \"" + name.first(std::min<qsizetype>(name.size(), 64)).toByteArray() + "\": the value holds a control character");
    if (m_current.headers.size() >= maxHeaderFields)
        return fail(431, "header block: more than " + QByteArray::number(maxHeaderFields) + " fields");
    m_current.headers.append({name.toByteArray().toLower(), value.toByteArray()});
    return true;
}

bool HttpRequestParser::finishHeaders()
{
    int contentLengthFields = 0;
    QByteArray contentLength;
    bool transferEncoding = false;
    QByteArray transferCodings;
    bool closeRequested = false;
    bool expectContinue = false;
    for (const auto &[name, value] : std::as_const(m_current.headers)) {
        if (name == "content-length") {
            ++contentLengthFields;
            contentLength = value;
        } else if (name == "transfer-encoding") {
            transferEncoding = true;
            transferCodings = value;
        } else if (name == "connection") {
            closeRequested = closeRequested || listContains(value, "close");
        } else if (name == "expect") {
            expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
        }
    }
    // Request smuggling guards (RFC 9112 §6.3): never guess which length framing a peer meant.
    if (transferEncoding && contentLengthFields > 0)
        return fail(400, "header block: Content-Length together with Transfer-Encoding");
    if (transferEncoding) {
        return listContains(transferCodings, "chunked")
                   ? fail(411, "Transfer-Encoding: chunked bodies are not accepted, send Content-Length")
                   : fail(501, "Transfer-Encoding: \"" + transferCodings.left(64) + "\" is not implemented");
    }
    if (contentLengthFields > 1)
        return fail(400, "Content-Length: sent more than once");
    m_bodyLength = 0;
    if (contentLengthFields == 1) {
        if (contentLength.isEmpty() || contentLength.size() > 18)
            return fail(400, "Content-Length: not a decimal number of at most 18 digits");
        for (const char c : std::as_const(contentLength)) {
            if (c < '0' || c > '9')
                return fail(400, "Content-Length: not a decimal number of at most 18 digits");
        }
        m_bodyLength = contentLength.toLongLong();
        if (m_bodyLength > maxBodyBytes)
            return fail(413, "Content-Length: " + contentLength + " bytes is larger than the limit of "
                                 + QByteArray::number(maxBodyBytes) + " bytes");
    }
    m_current.closeAfterAnswer = closeRequested || m_current.version == "HTTP/1.0";
    m_continueWanted = expectContinue && m_bodyLength > 0 && bufferedBytes() < m_bodyLength;
    return true;
}

bool HttpRequestParser::fail(int status, const QByteArray &text)
{
    m_errorStatus = status;
    m_errorText = text;
    m_buffer = QByteArray();
    m_position = 0;
    m_scan = 0;
    m_current = HttpRequest();
    return false;
}

void HttpRequestParser::compact()
{
    // Dropping consumed bytes only once they are many (or all) keeps the total work linear.
    if (m_position == 0)
        return;
    if (m_position == m_buffer.size()) {
        m_buffer.clear();
    } else if (m_position >= 64 * 1024 || m_position * 2 >= m_buffer.size()) {
        m_buffer.remove(0, m_position);
    } else {
        return;
    }
    m_scan -= m_position;
    m_position = 0;
}

} // namespace bankid::sim
