#include "HostileResponses.h"

namespace bankid::test {

namespace {

constexpr qint64 PieceBytes = 64 * 1024;

QByteArray jsonHead(const QByteArray &extra = {})
{
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + extra;
}

} // namespace

CannedResponse HostileResponses::slowDrip(int intervalMs)
{
    CannedResponse response;
    response.raw = jsonHead("Content-Length: 1048575\r\n\r\n");
    response.pieces = [](qint64 index) { return index == 0 ? QByteArray("{") : QByteArray(" "); };
    response.pieceIntervalMs = intervalMs;
    return response;
}

CannedResponse HostileResponses::endlessChunkedBody()
{
    CannedResponse response;
    response.raw = jsonHead("Transfer-Encoding: chunked\r\n\r\n");
    const QByteArray chunk = "1000\r\n" + QByteArray(0x1000, ' ') + "\r\n";
    response.pieces = [chunk](qint64) { return chunk; };
    return response;
}

CannedResponse HostileResponses::interimContinues(int count, const QByteArray &finalAnswer)
{
    CannedResponse response;
    response.raw = QByteArray("HTTP/1.1 100 Continue\r\n\r\n").repeated(count) + finalAnswer;
    if (finalAnswer.isEmpty()) {
        // raw alone would be answered and forgotten; a never-ending empty piece stream keeps it open.
        response.pieces = [](qint64) { return QByteArray(); };
    }
    return response;
}

CannedResponse HostileResponses::endlessInterimContinues()
{
    CannedResponse response;
    const QByteArray block = QByteArray("HTTP/1.1 100 Continue\r\n\r\n").repeated(1000);
    response.raw = block;
    response.pieces = [block](qint64) { return block; };
    return response;
}

CannedResponse HostileResponses::hugeBody(qint64 bytes, bool announced)
{
    CannedResponse response;
    const QByteArray prefix = "{\"orderRef\":\"";
    const QByteArray suffix = "\",\"status\":\"pending\",\"hintCode\":\"userSign\"}";
    const qint64 filler = std::max<qint64>(0, bytes - prefix.size() - suffix.size());
    response.raw = jsonHead(announced ? "Content-Length: " + QByteArray::number(prefix.size() + filler + suffix.size())
                                            + "\r\n\r\n"
                                      : QByteArray("Connection: close\r\n\r\n"))
                   + prefix;
    response.closeAfterResponse = true;
    const qint64 fullPieces = filler / PieceBytes;
    const QByteArray piece(PieceBytes, 'a');
    const QByteArray last = QByteArray(filler % PieceBytes, 'a') + suffix;
    response.pieces = [piece, last, fullPieces](qint64 index) {
        if (index < fullPieces)
            return piece;
        return index == fullPieces ? last : QByteArray();
    };
    return response;
}

CannedResponse HostileResponses::hugeHeader(qint64 bytes, const QByteArray &validBody)
{
    CannedResponse response;
    response.raw = jsonHead("X-Padding: " + QByteArray(bytes, 'h') + "\r\nContent-Length: "
                            + QByteArray::number(validBody.size()) + "\r\n\r\n" + validBody);
    return response;
}

CannedResponse HostileResponses::manyHeaders(int count, const QByteArray &validBody)
{
    QByteArray headers;
    headers.reserve(qsizetype(count) * 52);
    for (int i = 0; i < count; ++i)
        headers += "X-Filler-" + QByteArray::number(i) + ": " + QByteArray(36, 'v') + "\r\n";
    CannedResponse response;
    response.raw = jsonHead(headers + "Content-Length: " + QByteArray::number(validBody.size()) + "\r\n\r\n" + validBody);
    return response;
}

CannedResponse HostileResponses::endlessHeader()
{
    CannedResponse response;
    response.raw = jsonHead("X-Endless: ");
    const QByteArray piece(PieceBytes, 'h');
    response.pieces = [piece](qint64) { return piece; };
    return response;
}

CannedResponse HostileResponses::redirect(int status, const QByteArray &location, const QByteArray &body)
{
    CannedResponse response = CannedResponse::json(status, body);
    response.extraHeaders.append({"Location", location});
    return response;
}

} // namespace bankid::test
