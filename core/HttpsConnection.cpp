#include "HttpsConnection.h"

#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QSslCipher>
#include <QSslSocket>

Q_LOGGING_CATEGORY(lcHttps, "bankid.rp")

namespace bankid {

HttpsConnection::HttpsConnection(const QString &host, quint16 port, const QSslConfiguration &sslConfiguration,
                                 bool tcpNoDelay, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_port(port)
    , m_ssl(sslConfiguration)
    , m_tcpNoDelay(tcpNoDelay)
{
    // This client speaks HTTP/1.1 only: never let ALPN pick h2, whatever the server offers.
    m_ssl.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
}

HttpsConnection::~HttpsConnection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

QNetworkReply::NetworkError HttpsConnection::translate(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError: return QNetworkReply::ConnectionRefusedError;
    case QAbstractSocket::RemoteHostClosedError: return QNetworkReply::RemoteHostClosedError;
    case QAbstractSocket::HostNotFoundError: return QNetworkReply::HostNotFoundError;
    case QAbstractSocket::SocketTimeoutError: return QNetworkReply::TimeoutError;
    case QAbstractSocket::SslHandshakeFailedError: return QNetworkReply::SslHandshakeFailedError;
    default: return QNetworkReply::UnknownNetworkError; // as QNAM: the socket's text tells the rest
    }
}

void HttpsConnection::send(const QByteArray &request)
{
    Q_ASSERT(m_state == State::Idle || m_state == State::Unconnected);
    m_request = request;
    m_parser.reset();
    if (m_state == State::Idle && m_socket && m_socket->state() == QAbstractSocket::ConnectedState
        && m_socket->isEncrypted()) {
        m_tls = RpError::TlsProgress::Reused;
        m_state = State::Busy;
        writeRequest(); // last statement: a synchronous socket failure may already end the request
        return;
    }
    if (m_socket)
        closeSocket(false);
    connectSocket();
}

void HttpsConnection::connectSocket()
{
    m_tls = RpError::TlsProgress::NotEstablished;
    m_sslErrors.clear();
    m_state = State::Connecting;
    ++m_opened;

    auto *socket = new QSslSocket(this);
    m_socket = socket;
    socket->setProxy(QNetworkProxy::NoProxy); // RpClient picks the QNAM transport whenever a proxy applies
    socket->setSslConfiguration(m_ssl);
    connect(socket, &QSslSocket::connected, this, [this, socket] {
        if (m_tcpNoDelay)
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    });
    connect(socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    connect(socket, &QSslSocket::encrypted, this, &HttpsConnection::onEncrypted);
    connect(socket, &QSslSocket::readyRead, this, &HttpsConnection::onReadyRead);
    connect(socket, &QSslSocket::errorOccurred, this, &HttpsConnection::onSocketError);
    connect(socket, &QSslSocket::disconnected, this, &HttpsConnection::onDisconnected);
    qCDebug(lcHttps).noquote() << "connecting to" << m_host + QLatin1Char(':') + QString::number(m_port);
    socket->connectToHostEncrypted(m_host, m_port); // the peer verify name is m_host
}

void HttpsConnection::writeRequest()
{
    // One write() of head + body, flushed now rather than on the next event loop turn.
    m_socket->write(m_request);
    m_socket->flush();
}

void HttpsConnection::onEncrypted()
{
    if (m_state != State::Connecting)
        return;
    m_tls = RpError::TlsProgress::EstablishedForThisRequest;
    m_state = State::Busy;
    qCDebug(lcHttps).noquote() << "TLS established with" << m_host << m_socket->sessionProtocol()
                               << m_socket->sessionCipher().name();
    writeRequest();
}

void HttpsConnection::onReadyRead()
{
    QSslSocket *socket = m_socket;
    if (!socket)
        return;
    const qint64 available = socket->bytesAvailable();
    if (available <= 0)
        return;
    m_readBuffer.resize(qsizetype(available)); // keeps the capacity between reads
    const qint64 read = socket->read(m_readBuffer.data(), available);
    if (read <= 0)
        return;

    if (m_state != State::Busy) {
        // Bytes nobody asked for (we never pipeline): the stream cannot be trusted for the next request.
        qCWarning(lcHttps).noquote() << "closing the connection to" << m_host << "after" << read
                                     << "unsolicited bytes";
        closeSocket(false);
        m_state = State::Unconnected;
        return;
    }
    switch (m_parser.feed(QByteArrayView(m_readBuffer.constData(), qsizetype(read)))) {
    case HttpResponseParser::Status::NeedMore: return;
    case HttpResponseParser::Status::Complete: completeResponse(); return;
    case HttpResponseParser::Status::Error:
        fail(QNetworkReply::ProtocolFailure,
             QStringLiteral("invalid HTTP response from the server: ") + m_parser.errorString());
        return;
    }
}

void HttpsConnection::completeResponse()
{
    Result result;
    result.httpStatus = m_parser.statusCode();
    result.body = m_parser.body();
    result.tls = m_tls;
    result.sslErrors = m_sslErrors;
    result.responseStarted = true;
    const bool excess = m_parser.excessBytes() > 0;
    const bool reusable = m_parser.keepAlive() && !excess;
    if (excess)
        qCWarning(lcHttps).noquote() << "the server sent" << m_parser.excessBytes()
                                     << "bytes beyond the response: closing the connection";
    m_parser.reset();
    m_request.resize(0);
    ++m_completed;
    if (reusable) {
        m_state = State::Idle;
    } else {
        closeSocket(!excess);
        m_state = State::Unconnected;
    }
    emit finished(result); // last: a receiver may send() the next request on this connection right away
}

void HttpsConnection::onSocketError(QAbstractSocket::SocketError error)
{
    QSslSocket *socket = m_socket;
    if (!socket)
        return;
    // Consume what arrived before the error: it may complete the response (a close-delimited body).
    if (m_state == State::Busy && socket->bytesAvailable() > 0) {
        onReadyRead();
        if (m_state != State::Busy)
            return;
    }
    if (m_state == State::Busy && error == QAbstractSocket::RemoteHostClosedError) {
        const HttpResponseParser::Status status = m_parser.connectionClosed();
        if (status == HttpResponseParser::Status::Complete) {
            completeResponse();
            return;
        }
    }
    if (m_state == State::Idle || m_state == State::Unconnected) {
        // The server ended an idle keep-alive connection: not an error of any request.
        qCDebug(lcHttps).noquote() << "idle connection to" << m_host << "closed:" << socket->errorString();
        closeSocket(false);
        m_state = State::Unconnected;
        return;
    }
    const QNetworkReply::NetworkError translated = translate(error);
    QString text;
    switch (translated) {
    case QNetworkReply::RemoteHostClosedError:
        text = QStringLiteral("Connection closed");
        if (m_parser.status() == HttpResponseParser::Status::Error)
            text += QStringLiteral(" (%1)").arg(m_parser.errorString());
        break;
    case QNetworkReply::HostNotFoundError: text = QStringLiteral("Host %1 not found").arg(m_host); break;
    case QNetworkReply::ConnectionRefusedError: text = QStringLiteral("Connection refused"); break;
    case QNetworkReply::SslHandshakeFailedError:
        text = QStringLiteral("SSL handshake failed: ") + socket->errorString();
        break;
    default: text = socket->errorString(); break;
    }
    fail(translated, text);
}

void HttpsConnection::onDisconnected()
{
    // errorOccurred(RemoteHostClosedError) normally comes first; this catches a close without it.
    if (m_state == State::Busy || m_state == State::Connecting)
        onSocketError(QAbstractSocket::RemoteHostClosedError);
    else if (m_socket) {
        closeSocket(false);
        m_state = State::Unconnected;
    }
}

void HttpsConnection::fail(QNetworkReply::NetworkError error, const QString &errorString)
{
    Result result;
    result.httpStatus = m_parser.statusCode();
    result.body = m_parser.body();
    result.networkError = error;
    result.errorString = errorString;
    result.sslErrors = m_sslErrors;
    result.tls = m_tls;
    result.responseStarted = m_parser.hasStarted();
    qCDebug(lcHttps).noquote() << "request to" << m_host << "failed:" << errorString;
    closeSocket(false);
    m_state = State::Unconnected;
    m_parser.reset();
    m_request.resize(0);
    emit finished(result); // last, as in completeResponse()
}

void HttpsConnection::abort()
{
    if (m_socket)
        closeSocket(false);
    m_state = State::Unconnected;
    m_parser.reset();
    m_request.resize(0);
}

void HttpsConnection::closeSocket(bool graceful)
{
    QSslSocket *socket = m_socket;
    m_socket = nullptr;
    if (!socket)
        return;
    socket->disconnect(this);
    if (graceful && socket->state() == QAbstractSocket::ConnectedState) {
        // Send close_notify and FIN; the socket goes once the close completes (or with this object).
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
        if (socket->state() == QAbstractSocket::UnconnectedState)
            socket->deleteLater();
        return;
    }
    socket->abort();
    socket->deleteLater();
}

} // namespace bankid
