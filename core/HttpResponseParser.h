#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

namespace bankid {

/// An incremental parser for ONE HTTP/1.x response at a time, as read from a keep-alive connection.
///
/// Contract:
/// - feed() takes bytes in whatever pieces the socket delivers them and returns Complete once a whole
///   response (status line, headers, body) is in; interim 1xx responses (100 Continue, 103 Early Hints)
///   are skipped. Bodies are delimited by Content-Length, by `Transfer-Encoding: chunked` (proxies and real
///   servers may chunk), or by the connection closing (then connectionClosed() completes it). 204, 304 and
///   1xx have no body.
/// - Anything malformed (status line, header line, obsolete header folding, conflicting Content-Length,
///   bad chunk framing, limits exceeded) gives Error with errorString() naming what was wrong; the
///   connection must then be closed, since the byte stream can no longer be trusted.
/// - keepAlive() says whether the connection may carry another request afterwards: HTTP/1.1 unless
///   `Connection: close`, HTTP/1.0 only with `Connection: keep-alive`, never for a close-delimited body.
/// - reset() readies it for the next response, dropping every buffered byte but keeping the buffers'
///   capacity, so a long-lived connection does not grow per response. excessBytes() counts bytes beyond
///   a complete response (check it before reset(): a client that never pipelines must treat them as a
///   protocol error).
///
/// \code
///   HttpResponseParser parser;
///   switch (parser.feed(socket->readAll())) {
///   case HttpResponseParser::Status::NeedMore: return;
///   case HttpResponseParser::Status::Complete: use(parser.statusCode(), parser.body()); parser.reset(); break;
///   case HttpResponseParser::Status::Error: fail(parser.errorString()); break;
///   }
/// \endcode
class HttpResponseParser
{
public:
    /// Where the current response stands after feed() or connectionClosed().
    enum class Status {
        NeedMore, ///< the response is incomplete: feed more bytes
        Complete, ///< one whole response is available
        Error,    ///< the bytes are not a valid HTTP/1.x response (errorString())
    };

    /// Upper bound for the status line plus all header lines (a BankID answer has a few hundred bytes).
    static constexpr qsizetype MaxHeaderBytes = 64 * 1024;
    /// Upper bound for one response body: far above any BankID answer (a completion with signature and
    /// OCSP response is tens of KB), low enough that a broken or hostile server cannot exhaust memory.
    static constexpr qsizetype MaxBodyBytes = 32 * 1024 * 1024;

    /// Appends `data` and parses as far as possible.
    Status feed(QByteArrayView data);
    /// The peer closed the connection: completes a close-delimited body, else Error for a response that
    /// was cut short (or NeedMore when no byte of a response had arrived: nothing was lost).
    Status connectionClosed();
    /// Forgets the current response and every buffered byte; keeps the buffers' capacity.
    void reset();

    Status status() const { return m_status; }
    /// True once any byte of the current response arrived (decides whether a request may be re-sent).
    bool hasStarted() const { return m_started; }
    int statusCode() const { return m_statusCode; }
    QByteArray reasonPhrase() const { return m_reasonPhrase; }
    /// "HTTP/1.1" or "HTTP/1.0".
    QByteArray version() const { return m_version; }
    /// Header fields in arrival order, names as sent, values trimmed.
    const QList<QPair<QByteArray, QByteArray>> &headers() const { return m_headers; }
    /// The first value of header `name` (case-insensitive), or a null array.
    QByteArray header(QByteArrayView name) const;
    /// The decoded body (de-chunked).
    const QByteArray &body() const { return m_body; }
    bool keepAlive() const { return m_keepAlive; }
    bool isChunked() const { return m_framing == Framing::Chunked; }
    QString errorString() const { return m_error; }
    /// Bytes received after the end of the complete response.
    qsizetype excessBytes() const { return m_buffer.size() - m_position; }

private:
    /// How the body of the current response ends.
    enum class Framing {
        None,          ///< no body (1xx, 204, 304)
        Length,        ///< Content-Length bytes
        Chunked,       ///< Transfer-Encoding: chunked
        UntilClose,    ///< until the server closes the connection
    };

    /// The parser's position inside the current response.
    enum class Phase {
        StatusLine,    ///< before or inside the status line
        Headers,       ///< inside the header section
        Body,          ///< Framing::Length or UntilClose body bytes
        ChunkSize,     ///< a chunk-size line
        ChunkData,     ///< chunk data bytes
        ChunkDataEnd,  ///< the CRLF after chunk data
        Trailers,      ///< trailer fields after the last chunk
        Done,          ///< the response is complete
    };

    Status parse();
    Status fail(const QString &message);
    /// Reads one CRLF- (or LF-) terminated line into *line; false when it is not all there yet.
    bool takeLine(QByteArrayView *line);
    /// Moves up to m_remaining buffered bytes into the body (a Content-Length body or one chunk's data);
    /// true once all of them have arrived.
    bool takeRemainingBody();
    bool parseStatusLine(QByteArrayView line);
    bool parseHeaderLine(QByteArrayView line);
    bool finishHeaders();
    void startResponse();

    QByteArray m_buffer;
    qsizetype m_position = 0;
    Status m_status = Status::NeedMore;
    Phase m_phase = Phase::StatusLine;
    Framing m_framing = Framing::None;
    bool m_started = false;
    qsizetype m_headerBytes = 0;
    qint64 m_remaining = 0; ///< body or chunk bytes still expected
    int m_statusCode = 0;
    QByteArray m_reasonPhrase;
    QByteArray m_version;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QByteArray m_body;
    bool m_keepAlive = false;
    QString m_error;
};

} // namespace bankid
