#pragma once

#include "HttpRequest.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace bankid::sim {

// A strict, incremental HTTP/1.1 request parser: bytes in, complete requests (or one error) out. It knows
// nothing of sockets or timers, so it can be unit-tested and fuzzed on its own.
//
// Contract:
//  * feed() appends bytes; takeRequest() returns the next complete request, or nullopt when more bytes are
//    needed or an error was found (hasError()). Call takeRequest() until it returns nullopt after every
//    feed(): limits are checked there, so an over-long line is refused as soon as the limit is passed.
//  * Work is linear in the bytes fed: no byte is scanned twice for a line end.
//  * Limits (members, may be changed before the first feed): request line 8 KiB (414), header block
//    32 KiB or more than 64 fields (431), body 1 MiB (413, decided from Content-Length before any body byte
//    is kept). A body needs Content-Length: `Transfer-Encoding: chunked` gets 411, any other transfer coding
//    501; Content-Length together with Transfer-Encoding, a repeated or malformed Content-Length, obsolete
//    line folding, a field without a name, or a malformed request line get 400; a version other than
//    HTTP/1.0 or HTTP/1.1 gets 505.
//  * An error is final: errorStatus() is the status to answer with (then close the connection),
//    errorText() names the field or the limit; later feeds are ignored and the buffer is released.
//
//     HttpRequestParser parser;
//     parser.feed(bytesFromSocket);
//     while (auto request = parser.takeRequest()) route(*request);
//     if (parser.hasError()) answerAndClose(parser.errorStatus(), parser.errorText());
class HttpRequestParser
{
public:
    qsizetype maxRequestLineBytes = 8 * 1024;
    qsizetype maxHeaderBytes = 32 * 1024;
    int maxHeaderFields = 64;
    qsizetype maxBodyBytes = 1024 * 1024;

    void feed(QByteArrayView bytes);
    std::optional<HttpRequest> takeRequest();

    bool hasError() const { return m_errorStatus != 0; }
    int errorStatus() const { return m_errorStatus; }
    const QByteArray &errorText() const { return m_errorText; }

    /// Bytes fed but not yet handed out as part of a request.
    qsizetype bufferedBytes() const { return m_buffer.size() - m_position; }
    /// True while a request has started (its first byte arrived) but is not complete.
    bool isInsideRequest() const { return m_stage != Stage::RequestLine || bufferedBytes() > 0; }
    /// True once per request whose header block asked for `Expect: 100-continue` and whose body is still due.
    bool takeContinueWanted() { return std::exchange(m_continueWanted, false); }

private:
    enum class Stage { RequestLine, Headers, Body };

    bool parseRequestLine(QByteArrayView line);
    bool parseHeaderLine(QByteArrayView line);
    bool finishHeaders();
    bool fail(int status, const QByteArray &text);
    /// The next line end at or after m_scan, or -1 (m_scan then moves to the end of the buffer).
    qsizetype nextLineEnd();
    void compact();

    QByteArray m_buffer;
    qsizetype m_position = 0; ///< first byte not yet consumed
    qsizetype m_scan = 0;     ///< where the search for the next '\n' continues
    Stage m_stage = Stage::RequestLine;
    HttpRequest m_current;
    qsizetype m_headerBytes = 0;
    qsizetype m_bodyLength = 0;
    bool m_continueWanted = false;
    int m_errorStatus = 0;
    QByteArray m_errorText;
};

} // namespace bankid::sim
