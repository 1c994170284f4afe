#include "ScriptedHttpsServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTimer>

#include <memory>

namespace bankid::test {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

} // namespace

QList<QByteArray> RecordedRequest::headerValues(const QByteArray &name) const
{
    QList<QByteArray> values;
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            values << header.second;
    }
    return values;
}

CannedResponse CannedResponse::broken(Breakage breakage, const QByteArray &body)
{
    CannedResponse response;
    switch (breakage) {
    case Breakage::CloseWithoutAnswer: response.closeWithoutAnswer = true; break;
    case Breakage::TruncatedBody:
        response.raw = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                       + QByteArray::number(body.size()) + "\r\n\r\n" + body.left(40);
        response.closeAfterResponse = true;
        break;
    case Breakage::LateAnswer: response = json(200, body, 3000); break;
    }
    return response;
}

CannedResponse CannedResponse::json(int status, const QByteArray &body, int delayMs)
{
    CannedResponse response;
    response.status = status;
    response.body = body;
    response.delayMs = delayMs;
    return response;
}

CannedResponse CannedResponse::bankIdError(int status, const QString &errorCode, const QString &details)
{
    QJsonObject body;
    body.insert(QLatin1String("errorCode"), errorCode);
    body.insert(QLatin1String("details"), details);
    return json(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

ScriptedHttpsServer::ScriptedHttpsServer(QObject *parent)
    : QObject(parent)
    , m_server(new QSslServer(this))
    , m_fallback(CannedResponse::bankIdError(404, QStringLiteral("notFound"), QStringLiteral("no scripted response")))
{
    m_uptime.start();
    connect(m_server, &QSslServer::startedEncryptionHandshake, this, [this](QSslSocket *) { ++m_connectionCount; });
    connect(m_server, &QSslServer::errorOccurred, this, [this](QSslSocket *socket, QAbstractSocket::SocketError) {
        if (!socket->isEncrypted())
            ++m_handshakeFailures;
    });
    // QSslServer queues a socket only once its handshake completed, and then signals
    // pendingConnectionAvailable (newConnection fires earlier, when nothing is pending yet).
    connect(m_server, &QSslServer::pendingConnectionAvailable, this, &ScriptedHttpsServer::onNewConnection);
}

ScriptedHttpsServer::~ScriptedHttpsServer() = default;

bool ScriptedHttpsServer::listen(const TestPki::Credential &serverCredential, const QList<QSslCertificate> &clientCas,
                                 QSslSocket::PeerVerifyMode mode)
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificate(serverCredential.certificate);
    ssl.setPrivateKey(serverCredential.key);
    ssl.setCaCertificates(clientCas);
    ssl.setPeerVerifyMode(mode);
    if (mode == QSslSocket::VerifyPeer) {
        // Refuse a missing or untrusted client certificate inside OpenSSL's handshake, so that the client
        // gets the fatal TLS alert ("certificate required", "unknown ca") before the close, as from a
        // real TLS terminator. Without these, Qt completes the handshake, then closes without an alert.
        ssl.setMissingCertificateIsFatal(true);
        ssl.setHandshakeMustInterruptOnError(true);
    }
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    if (!m_alpn.isEmpty())
        ssl.setAllowedNextProtocols(m_alpn);
    m_server->setSslConfiguration(ssl);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

void ScriptedHttpsServer::setServerCredential(const TestPki::Credential &serverCredential)
{
    QSslConfiguration ssl = m_server->sslConfiguration();
    ssl.setLocalCertificate(serverCredential.certificate);
    ssl.setPrivateKey(serverCredential.key);
    m_server->setSslConfiguration(ssl);
}

quint16 ScriptedHttpsServer::port() const
{
    return m_server->serverPort();
}

QUrl ScriptedHttpsServer::baseUrl(const QString &host) const
{
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(host);
    url.setPort(port());
    url.setPath(m_basePath);
    return url;
}

void ScriptedHttpsServer::enqueue(const QString &endpoint, const CannedResponse &response)
{
    m_queues[endpoint].append(response);
}

QList<RecordedRequest> ScriptedHttpsServer::requestsTo(const QString &endpoint) const
{
    QList<RecordedRequest> matching;
    for (const RecordedRequest &request : m_requests) {
        if (request.endpoint == endpoint.toUtf8())
            matching << request;
    }
    return matching;
}

void ScriptedHttpsServer::onNewConnection()
{
    while (QTcpSocket *tcp = m_server->nextPendingConnection()) {
        auto *socket = qobject_cast<QSslSocket *>(tcp);
        if (!socket) {
            tcp->deleteLater();
            continue;
        }
        ++m_encryptedCount;
        Connection connection;
        connection.id = m_connectionCount;
        m_connections.insert(socket, connection);
        connect(socket, &QSslSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QSslSocket::disconnected, this, [this, socket] {
            const auto it = m_connections.find(socket);
            if (it != m_connections.end()) {
                if (it->busy)
                    --m_inFlight;
                m_connections.erase(it);
            }
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void ScriptedHttpsServer::onReadyRead(QSslSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    it->buffer += socket->readAll();
    ++it->reads;
    processBuffer(socket);
}

void ScriptedHttpsServer::processBuffer(QSslSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end() || it->busy)
        return;
    const qsizetype headEnd = it->buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return;

    RecordedRequest request;
    request.connection = it->id;
    request.rawHead = it->buffer.left(headEnd);
    const QList<QByteArray> lines = request.rawHead.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    request.version = requestLine.value(2);
    qsizetype contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).endsWith('\r') ? lines.at(i).chopped(1) : lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon);
        const QByteArray value = line.mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            contentLength = value.toLongLong();
    }
    const qsizetype total = headEnd + 4 + contentLength;
    if (it->buffer.size() < total)
        return; // wait for the rest of the body
    request.body = it->buffer.mid(headEnd + 4, contentLength);
    it->buffer.remove(0, total);
    const QByteArray base = m_basePath.toUtf8() + '/';
    request.endpoint = request.target.startsWith(base) ? request.target.mid(base.size()) : request.target;
    request.clientCertificatePresented = !socket->peerCertificate().isNull();
    request.alpn = socket->sslConfiguration().nextNegotiatedProtocol();
    request.reads = it->reads;
    it->reads = it->buffer.isEmpty() ? 0 : 1;
    request.receivedAtMs = m_uptime.elapsed();

    it->busy = true;
    ++m_inFlight;
    m_maxInFlight = std::max(m_maxInFlight, m_inFlight);
    m_requests.append(request);
    const CannedResponse response = responseFor(request);
    emit requestReceived(request);

    if (response.delayMs > 0)
        QTimer::singleShot(response.delayMs, socket, [this, socket, response] { respond(socket, response); });
    else
        respond(socket, response);
}

CannedResponse ScriptedHttpsServer::responseFor(const RecordedRequest &request)
{
    if (m_handler) {
        if (std::optional<CannedResponse> answer = m_handler(request))
            return *answer;
    }
    auto queue = m_queues.find(QString::fromUtf8(request.endpoint));
    if (queue != m_queues.end() && !queue->isEmpty())
        return queue->takeFirst();
    return m_fallback;
}

void ScriptedHttpsServer::respond(QSslSocket *socket, const CannedResponse &response)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    it->busy = false;
    --m_inFlight;
    if (response.closeWithoutAnswer) {
        socket->disconnectFromHost();
        return;
    }
    QByteArray out;
    if (!response.raw.isEmpty()) {
        out = response.raw;
    } else {
        out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
        if (!response.contentType.isEmpty())
            out += "Content-Type: " + response.contentType + "\r\n";
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        for (const auto &header : response.extraHeaders)
            out += header.first + ": " + header.second + "\r\n";
        out += (response.closeAfterResponse ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n") + response.body;
    }
    if (response.dripIntervalMs > 0) {
        // The head at once, then the body byte by byte (QNAM's transfer timer restarts on body bytes).
        const qsizetype headEnd = out.indexOf("\r\n\r\n");
        auto written = std::make_shared<qsizetype>(headEnd < 0 ? 0 : headEnd + 4);
        socket->write(out.left(*written));
        auto *drip = new QTimer(socket);
        connect(drip, &QTimer::timeout, socket, [socket, drip, out, written] {
            socket->write(out.mid(*written, 1));
            if (++*written >= out.size())
                drip->deleteLater();
        });
        drip->start(response.dripIntervalMs);
        return;
    }
    if (response.pieces) {
        socket->write(out);
        streamPieces(socket, response);
        return;
    }
    socket->write(out);
    if (response.closeAfterResponse) {
        socket->disconnectFromHost();
        return;
    }
    processBuffer(socket); // a pipelined request may already be waiting
}

void ScriptedHttpsServer::streamPieces(QSslSocket *socket, const CannedResponse &response)
{
    // Shared by the timer or the bytesWritten connections below, which all die with the socket.
    struct Stream
    {
        qint64 next = 0;
        bool done = false;
    };
    auto stream = std::make_shared<Stream>();
    auto writeNext = [this, socket, response, stream]() -> bool {
        if (stream->done || socket->state() != QAbstractSocket::ConnectedState)
            return false;
        const QByteArray piece = response.pieces(stream->next++);
        if (piece.isEmpty()) {
            stream->done = true;
            if (response.closeAfterResponse)
                socket->disconnectFromHost();
            else
                processBuffer(socket);
            return false;
        }
        socket->write(piece);
        return true;
    };
    if (response.pieceIntervalMs > 0) {
        auto *timer = new QTimer(socket);
        connect(timer, &QTimer::timeout, socket, [timer, writeNext] {
            if (!writeNext())
                timer->deleteLater();
        });
        timer->start(response.pieceIntervalMs);
        return;
    }
    auto pump = [socket, stream, writeNext] {
        while (!stream->done && socket->bytesToWrite() + socket->encryptedBytesToWrite() < CannedResponse::PieceHighWaterBytes) {
            if (!writeNext())
                return;
        }
    };
    connect(socket, &QSslSocket::bytesWritten, socket, pump);
    connect(socket, &QSslSocket::encryptedBytesWritten, socket, pump);
    pump();
}

int ScriptedHttpsServer::closeIdleConnections()
{
    QList<QSslSocket *> idle;
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        if (!it->busy)
            idle << it.key();
    }
    for (QSslSocket *socket : std::as_const(idle))
        socket->disconnectFromHost();
    return int(idle.size());
}

} // namespace bankid::test
