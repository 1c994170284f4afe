#include "HttpResponseParser.h"

namespace bankid {

namespace {

/// A printable, bounded excerpt of protocol bytes for error messages.
QString printable(QByteArrayView bytes)
{
    constexpr qsizetype limit = 80;
    QString text;
    for (qsizetype i = 0; i < bytes.size() && i < limit; ++i) {
        const char c = bytes.at(i);
        text += (c >= 0x20 && c < 0x7f) ? QChar::fromLatin1(c) : QLatin1Char('?');
    }
    if (bytes.size() > limit)
        text += QStringLiteral("...");
    return QLatin1Char('"') + text + QLatin1Char('"');
}

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

QByteArrayView trimmed(QByteArrayView view)
{
    while (!view.isEmpty() && (view.front() == ' ' || view.front() == '\t'))
        view = view.sliced(1);
    while (!view.isEmpty() && (view.back() == ' ' || view.back() == '\t'))
        view.chop(1);
    return view;
}

/// Splits a comma-separated header value into trimmed, non-empty elements.
QList<QByteArrayView> elements(QByteArrayView value)
{
    QList<QByteArrayView> result;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= value.size(); ++i) {
        if (i == value.size() || value.at(i) == ',') {
            const QByteArrayView element = trimmed(value.sliced(start, i - start));
            if (!element.isEmpty())
                result.append(element);
            start = i + 1;
        }
    }
    return result;
}

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

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

HttpResponseParser::Status HttpResponseParser::feed(QByteArrayView data)
{
    if (m_status == Status::Error)
        return m_status;
    if (!data.isEmpty()) {
        m_buffer.append(data);
        m_started = true;
    }
    if (m_status == Status::Complete)
        return m_status; // the caller owns the excess bytes question
    return parse();
}

HttpResponseParser::Status HttpResponseParser::connectionClosed()
{
    if (m_status != Status::NeedMore)
        return m_status;
    if (m_phase == Phase::Body && m_framing == Framing::UntilClose) {
        m_phase = Phase::Done;
        m_status = Status::Complete;
        return m_status;
    }
    if (!m_started)
        return m_status;
    switch (m_phase) {
    case Phase::StatusLine:
    case Phase::Headers: return fail(QStringLiteral("the connection closed inside the response headers"));
    case Phase::Body:
        return fail(QStringLiteral("the connection closed after %1 of %2 body bytes")
                        .arg(m_body.size())
                        .arg(qint64(m_body.size()) + m_remaining));
    case Phase::ChunkSize:
    case Phase::ChunkData:
    case Phase::ChunkDataEnd:
    case Phase::Trailers:
        return fail(QStringLiteral("the connection closed inside a chunked body (%1 bytes decoded)").arg(m_body.size()));
    case Phase::Done: break;
    }
    return m_status;
}

void HttpResponseParser::reset()
{
    constexpr qsizetype keptCapacity = 256 * 1024; // one unusually large answer must not pin its memory
    if (m_buffer.capacity() > keptCapacity)
        m_buffer = QByteArray();
    else
        m_buffer.resize(0); // keeps the capacity
    m_position = 0;
    m_status = Status::NeedMore;
    m_started = false;
    m_error.clear();
    startResponse();
}

void HttpResponseParser::startResponse()
{
    m_phase = Phase::StatusLine;
    m_framing = Framing::None;
    m_headerBytes = 0;
    m_remaining = 0;
    m_statusCode = 0;
    m_reasonPhrase.resize(0);
    m_version.resize(0);
    m_headers.resize(0);
    m_body.resize(0);
    m_keepAlive = false;
}

QByteArray HttpResponseParser::header(QByteArrayView name) const
{
    for (const auto &field : m_headers) {
        if (equalsIgnoringCase(field.first, name))
            return field.second;
    }
    return {};
}

HttpResponseParser::Status HttpResponseParser::fail(const QString &message)
{
    m_error = message;
    m_status = Status::Error;
    return m_status;
}

bool HttpResponseParser::takeRemainingBody()
{
    const qsizetype take = qsizetype(qMin<qint64>(m_remaining, m_buffer.size() - m_position));
    m_body.append(m_buffer.constData() + m_position, take);
    m_position += take;
    m_remaining -= take;
    return m_remaining == 0;
}

bool HttpResponseParser::takeLine(QByteArrayView *line)
{
    const qsizetype end = m_buffer.indexOf('\n', m_position);
    if (end < 0)
        return false;
    QByteArrayView view(m_buffer.constData() + m_position, end - m_position);
    if (view.endsWith('\r'))
        view.chop(1);
    *line = view;
    m_position = end + 1;
    return true;
}

HttpResponseParser::Status HttpResponseParser::parse()
{
    for (;;) {
        switch (m_phase) {
        case Phase::StatusLine:
        case Phase::Headers:
        case Phase::Trailers: {
            QByteArrayView line;
            const qsizetype before = m_position;
            if (!takeLine(&line)) {
                if (m_headerBytes + (m_buffer.size() - m_position) > MaxHeaderBytes)
                    return fail(QStringLiteral("the response header section exceeds %1 bytes").arg(MaxHeaderBytes));
                return Status::NeedMore;
            }
            m_headerBytes += m_position - before;
            if (m_headerBytes > MaxHeaderBytes)
                return fail(QStringLiteral("the response header section exceeds %1 bytes").arg(MaxHeaderBytes));
            if (m_phase == Phase::StatusLine) {
                if (line.isEmpty())
                    continue; // tolerate a stray CRLF before the status line
                if (!parseStatusLine(line))
                    return m_status;
                m_phase = Phase::Headers;
            } else if (m_phase == Phase::Headers) {
                if (line.isEmpty()) {
                    if (!finishHeaders())
                        return m_status;
                } else if (!parseHeaderLine(line)) {
                    return m_status;
                }
            } else if (line.isEmpty()) {
                m_phase = Phase::Done; // trailer fields are read and ignored
            }
            break;
        }
        case Phase::Body: {
            const qsizetype available = m_buffer.size() - m_position;
            if (m_framing == Framing::UntilClose) {
                if (m_body.size() + available > MaxBodyBytes)
                    return fail(QStringLiteral("the response body exceeds %1 bytes").arg(MaxBodyBytes));
                m_body.append(m_buffer.constData() + m_position, available);
                m_position += available;
                return Status::NeedMore;
            }
            if (!takeRemainingBody())
                return Status::NeedMore;
            m_phase = Phase::Done;
            break;
        }
        case Phase::ChunkSize: {
            QByteArrayView line;
            if (!takeLine(&line)) {
                if (m_buffer.size() - m_position > 1024)
                    return fail(QStringLiteral("a chunk-size line exceeds 1024 bytes"));
                return Status::NeedMore;
            }
            QByteArrayView size = line;
            if (const qsizetype semicolon = size.indexOf(';'); semicolon >= 0)
                size = size.first(semicolon); // chunk extensions are ignored
            size = trimmed(size);
            bool ok = !size.isEmpty() && size.size() <= 8; // 8 hex digits cannot overflow; the limit follows
            qint64 value = 0;
            for (qsizetype i = 0; ok && i < size.size(); ++i) {
                const int digit = hexValue(size.at(i));
                ok = digit >= 0;
                value = value * 16 + digit;
            }
            if (!ok)
                return fail(QStringLiteral("invalid chunk size %1").arg(printable(line)));
            if (m_body.size() + value > MaxBodyBytes)
                return fail(QStringLiteral("the response body exceeds %1 bytes").arg(MaxBodyBytes));
            if (value == 0) {
                m_phase = Phase::Trailers;
            } else {
                m_remaining = value;
                m_phase = Phase::ChunkData;
            }
            break;
        }
        case Phase::ChunkData: {
            if (!takeRemainingBody())
                return Status::NeedMore;
            m_phase = Phase::ChunkDataEnd;
            break;
        }
        case Phase::ChunkDataEnd: {
            QByteArrayView line;
            if (!takeLine(&line)) {
                if (m_buffer.size() - m_position > 2)
                    return fail(QStringLiteral("chunk data is not followed by CRLF"));
                return Status::NeedMore;
            }
            if (!line.isEmpty())
                return fail(QStringLiteral("chunk data is not followed by CRLF (got %1)").arg(printable(line)));
            m_phase = Phase::ChunkSize;
            break;
        }
        case Phase::Done:
            m_status = Status::Complete;
            return m_status;
        }
    }
}

bool HttpResponseParser::parseStatusLine(QByteArrayView line)
{
    // status-line = HTTP-version SP 3DIGIT SP [reason-phrase]
    const bool versionOk = line.startsWith("HTTP/1.1 ") || line.startsWith("HTTP/1.0 ");
    const QByteArrayView code = versionOk ? line.sliced(9).first(qMin<qsizetype>(3, line.size() - 9)) : QByteArrayView();
    bool digits = code.size() == 3;
    for (qsizetype i = 0; digits && i < 3; ++i)
        digits = code.at(i) >= '0' && code.at(i) <= '9';
    if (!versionOk || !digits || code.at(0) == '0' || (line.size() > 12 && line.at(12) != ' ')) {
        fail(QStringLiteral("malformed status line %1 (expected \"HTTP/1.1 <3-digit status> <reason>\")").arg(printable(line)));
        return false;
    }
    m_version = line.first(8).toByteArray();
    m_statusCode = code.toInt();
    m_reasonPhrase = line.size() > 13 ? line.sliced(13).toByteArray() : QByteArray();
    return true;
}

bool HttpResponseParser::parseHeaderLine(QByteArrayView line)
{
    if (line.front() == ' ' || line.front() == '\t') {
        fail(QStringLiteral("obsolete header line folding in the response: %1").arg(printable(line)));
        return false;
    }
    const qsizetype colon = line.indexOf(':');
    bool nameOk = colon > 0;
    for (qsizetype i = 0; nameOk && i < colon; ++i)
        nameOk = isTokenChar(line.at(i));
    if (!nameOk) {
        fail(QStringLiteral("malformed response header line %1").arg(printable(line)));
        return false;
    }
    m_headers.append({line.first(colon).toByteArray(), trimmed(line.sliced(colon + 1)).toByteArray()});
    return true;
}

bool HttpResponseParser::finishHeaders()
{
    if (m_statusCode == 101) {
        fail(QStringLiteral("unexpected 101 Switching Protocols (no upgrade was requested)"));
        return false;
    }
    if (m_statusCode < 200) {
        startResponse(); // an interim response (100 Continue, 103 Early Hints): the real one follows
        return true;
    }

    bool close = false;
    bool keepAliveToken = false;
    bool chunked = false;
    bool hasTransferEncoding = false;
    bool hasContentLength = false;
    qint64 contentLength = -1;
    for (const auto &field : std::as_const(m_headers)) {
        if (equalsIgnoringCase(field.first, "Connection")) {
            for (QByteArrayView token : elements(field.second)) {
                close = close || equalsIgnoringCase(token, "close");
                keepAliveToken = keepAliveToken || equalsIgnoringCase(token, "keep-alive");
            }
        } else if (equalsIgnoringCase(field.first, "Transfer-Encoding")) {
            hasTransferEncoding = true;
            const QList<QByteArrayView> codings = elements(field.second);
            chunked = !codings.isEmpty() && equalsIgnoringCase(codings.last(), "chunked"); // the final coding decides
        } else if (equalsIgnoringCase(field.first, "Content-Length")) {
            for (QByteArrayView element : elements(field.second)) {
                bool ok = element.size() <= 18;
                for (qsizetype i = 0; ok && i < element.size(); ++i)
                    ok = element.at(i) >= '0' && element.at(i) <= '9';
                const qint64 value = ok ? element.toLongLong(&ok) : -1;
                if (!ok) {
                    fail(QStringLiteral("invalid Content-Length %1").arg(printable(field.second)));
                    return false;
                }
                if (hasContentLength && value != contentLength) {
                    fail(QStringLiteral("conflicting Content-Length values (%1 and %2)").arg(contentLength).arg(value));
                    return false;
                }
                hasContentLength = true;
                contentLength = value;
            }
        }
    }

    m_keepAlive = m_version == "HTTP/1.1" ? !close : (keepAliveToken && !close);
    if (m_statusCode == 204 || m_statusCode == 304) {
        m_framing = Framing::None;
        m_phase = Phase::Done;
    } else if (hasTransferEncoding) {
        // Transfer-Encoding overrides Content-Length (RFC 9112 §6.3); a message with both is suspect, so the
        // connection is not reused. A final coding other than chunked means "until close".
        if (hasContentLength)
            m_keepAlive = false;
        m_framing = chunked ? Framing::Chunked : Framing::UntilClose;
        if (!chunked)
            m_keepAlive = false;
        m_phase = chunked ? Phase::ChunkSize : Phase::Body;
    } else if (hasContentLength) {
        if (contentLength > MaxBodyBytes) {
            fail(QStringLiteral("the response body of %1 bytes exceeds %2 bytes").arg(contentLength).arg(MaxBodyBytes));
            return false;
        }
        m_framing = Framing::Length;
        m_remaining = contentLength;
        m_body.reserve(qsizetype(contentLength));
        m_phase = contentLength == 0 ? Phase::Done : Phase::Body;
    } else {
        m_framing = Framing::UntilClose;
        m_keepAlive = false;
        m_phase = Phase::Body;
    }
    return true;
}

} // namespace bankid
