#include "HttpConnection.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSslSocket>

namespace bankid::sim {

Q_LOGGING_CATEGORY(lcSimConnection, "bankid.sim.connection", QtInfoMsg)

namespace {

constexpr qint64 readChunkBytes = 64 * 1024;
constexpr qint64 maxUnsentAnswerBytes = 1024 * 1024;
/// How long input is still read (and dropped) after a closing answer when the client was still sending.
constexpr int lingerMs = 1000;

} // namespace

HttpConnection::HttpConnection(QSslSocket *socket, const Options &options, bool overCapacity, Handler handler,
                               QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_options(options)
    , m_overCapacity(overCapacity)
    , m_handler(std::move(handler))
    , m_peerCertificate(socket->peerCertificate())
    , m_peerChain(socket->peerCertificateChain())
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(readChunkBytes);
    m_parser.maxRequestLineBytes = options.limits.maxRequestLineBytes;
    m_parser.maxHeaderBytes = options.limits.maxHeaderBytes;
    m_parser.maxHeaderFields = options.limits.maxHeaderFields;
    m_parser.maxBodyBytes = options.limits.maxBodyBytes;

    connect(m_socket, &QIODevice::readyRead, this, &HttpConnection::readAvailable);
    connect(m_socket, &QIODevice::bytesWritten, this, [this]() {
        if (m_socket->bytesToWrite() < maxUnsentAnswerBytes)
            readAvailable();
    });
    connect(m_socket, &QAbstractSocket::disconnected, this, &QObject::deleteLater);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError)
            qCDebug(lcSimConnection) << "connection error:" << m_socket->errorString();
        m_socket->abort();
        deleteLater();
    });
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(m_options.idleTimeoutMs);
    connect(&m_idleTimer, &QTimer::timeout, this, &HttpConnection::onIdleTimeout);
    m_idleTimer.start();
    // Bytes that arrived together with the end of the handshake were announced before we listened.
    QTimer::singleShot(0, this, &HttpConnection::readAvailable);
}

HttpConnection::~HttpConnection() = default;

bool HttpConnection::canTakeMoreRequests() const
{
    return !m_noMoreRequests && m_queue.size() < size_t(m_options.maxQueuedAnswers)
           && m_socket->bytesToWrite() < maxUnsentAnswerBytes;
}

void HttpConnection::readAvailable()
{
    if (m_reading)
        return;
    m_reading = true;
    for (;;) {
        if (m_closing) {
            // The last answer is out: drop whatever the client still sends, so it can read that answer.
            m_socket->skip(m_socket->bytesAvailable());
            break;
        }
        takeRequests();
        if (!canTakeMoreRequests())
            break; // the bytes wait in the socket (and then the kernel): TCP flow control slows the client
        // One full request (line, headers, body) plus one chunk is the most the parser ever holds.
        const qint64 parserRoom = m_parser.maxRequestLineBytes + m_parser.maxHeaderBytes + m_parser.maxBodyBytes
                                  + readChunkBytes - m_parser.bufferedBytes();
        const qint64 available = m_socket->bytesAvailable();
        if (available <= 0 || parserRoom <= 0)
            break;
        const bool wasInsideRequest = m_parser.isInsideRequest();
        m_parser.feed(m_socket->read(std::min({available, readChunkBytes, parserRoom})));
        if (!wasInsideRequest && m_parser.isInsideRequest())
            m_idleTimer.start(); // a request's first byte: it has idleTimeoutMs to be complete
    }
    m_reading = false;
}

void HttpConnection::takeRequests()
{
    while (canTakeMoreRequests()) {
        std::optional<HttpRequest> request = m_parser.takeRequest();
        if (!request) {
            if (m_parser.hasError()) {
                static const QHash<int, QString> codes = {
                    {400, QStringLiteral("badRequest")},         {411, QStringLiteral("lengthRequired")},
                    {413, QStringLiteral("contentTooLarge")},    {414, QStringLiteral("uriTooLong")},
                    {431, QStringLiteral("headerFieldsTooLarge")}, {501, QStringLiteral("notImplemented")},
                    {505, QStringLiteral("httpVersionNotSupported")}};
                failWith(m_parser.errorStatus(), codes.value(m_parser.errorStatus(), QStringLiteral("badRequest")),
                         QString::fromLatin1(m_parser.errorText()));
            } else if (m_parser.takeContinueWanted() && m_queue.empty()) {
                // Only when nothing of ours is queued: an interim answer must not overtake earlier answers.
                m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
            }
            return;
        }
        const quint64 ticket = m_nextTicket++;
        m_queue.push_back(Pending{ticket, {}, Ending::KeepOpen, false});
        if (request->closeAfterAnswer)
            m_noMoreRequests = true;
        // Complete: the next request's deadline starts now (or with its first byte, see readAvailable).
        m_idleTimer.start();
        if (m_overCapacity) {
            answer(ticket,
                   errorAnswer(503, QStringLiteral("maintenance"),
                               QStringLiteral("too many connections to the simulator; try again later"), true),
                   Ending::Close);
            m_noMoreRequests = true;
        } else {
            m_handler(*this, *request, ticket);
        }
    }
}

void HttpConnection::answer(quint64 ticket, const QByteArray &bytes, Ending ending, int delayMs)
{
    auto mark = [this, ticket, bytes, ending]() {
        for (Pending &pending : m_queue) {
            if (pending.ticket == ticket) {
                pending.bytes = bytes;
                pending.ending = ending;
                pending.ready = true;
            }
        }
        flush();
    };
    if (ending != Ending::KeepOpen)
        m_noMoreRequests = true;
    if (delayMs > 0)
        QTimer::singleShot(delayMs, this, mark);
    else
        mark();
}

void HttpConnection::flush()
{
    while (!m_queue.empty() && m_queue.front().ready && !m_closing) {
        const Pending front = std::move(m_queue.front());
        m_queue.pop_front();
        switch (front.ending) {
        case Ending::KeepOpen:
            m_socket->write(front.bytes);
            break;
        case Ending::Close:
            m_socket->write(front.bytes);
            closeGracefully();
            return;
        case Ending::Abort:
            m_queue.clear();
            m_closing = true;
            m_socket->abort();
            deleteLater();
            return;
        }
    }
    if (m_queue.empty() && !m_parser.isInsideRequest())
        m_idleTimer.start(); // idle from now on
    readAvailable(); // the queue may have room again
}

void HttpConnection::failWith(int status, const QString &errorCode, const QString &details)
{
    qCDebug(lcSimConnection) << "refusing a request:" << status << details;
    const quint64 ticket = m_nextTicket++;
    m_queue.push_back(Pending{ticket, errorAnswer(status, errorCode, details, true), Ending::Close, true});
    m_noMoreRequests = true;
    flush();
}

void HttpConnection::closeGracefully()
{
    m_closing = true;
    m_noMoreRequests = true;
    m_queue.clear();
    m_idleTimer.stop();
    // disconnectFromHost() sends the rest of the write buffer and close_notify, then closes. Closing while
    // unread input is pending would make the kernel send a reset, which can destroy our answer in the
    // client's receive queue (e.g. a 413 while the client is still sending its body): then keep reading and
    // dropping input for a moment first (lingering close), so the client reads the answer and closes itself.
    const bool inputPending = m_socket->bytesAvailable() > 0 || m_parser.bufferedBytes() > 0 || m_parser.hasError();
    QTimer::singleShot(inputPending ? lingerMs : 0, this, [this]() {
        m_socket->disconnectFromHost();
        QTimer::singleShot(lingerMs, this, [this]() { // a peer that never lets go is reset
            m_socket->abort();
            deleteLater();
        });
    });
    if (inputPending)
        m_socket->skip(m_socket->bytesAvailable());
}

void HttpConnection::onIdleTimeout()
{
    if (m_closing)
        return;
    if (m_parser.isInsideRequest() && !m_noMoreRequests) {
        failWith(408, QStringLiteral("requestTimeout"),
                 QStringLiteral("the request was not complete within %1 ms").arg(m_options.idleTimeoutMs));
        return;
    }
    if (!m_queue.empty()) {
        m_idleTimer.start(); // we are the slow one (a delayed answer): not the client's fault
        return;
    }
    qCDebug(lcSimConnection) << "closing an idle connection after" << m_options.idleTimeoutMs << "ms";
    closeGracefully();
}

const char *HttpConnection::reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
    }
}

QByteArray HttpConnection::errorAnswer(int status, const QString &errorCode, const QString &details, bool closeAfter)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("errorCode"), errorCode},
                                                      {QStringLiteral("details"), details}})
                                .toJson(QJsonDocument::Compact);
    QByteArray bytes = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
                       + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                       + "\r\n";
    if (closeAfter)
        bytes += "Connection: close\r\n";
    return bytes + "\r\n" + body;
}

} // namespace bankid::sim
