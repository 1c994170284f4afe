#include "NeutralServer.h"

#include <QSslConfiguration>
#include <QSslSocket>

namespace bankid::bench {

namespace {

// What the server answers: an order response for the order endpoints, a pending collect otherwise.
const QByteArray kOrderBody = QByteArrayLiteral(
    "{\"orderRef\":\"131daac9-16c6-4618-beb0-365768f37288\",\"autoStartToken\":\"7c40b5c9-fa74-49cf-b98c-bfe651f9a7c6\","
    "\"qrStartToken\":\"67df3917-fa0d-44e5-b327-edcc928297f8\",\"qrStartSecret\":\"d28db9a7-4cde-429e-a983-359be676944c\"}");
const QByteArray kCollectBody = QByteArrayLiteral(
    "{\"orderRef\":\"131daac9-16c6-4618-beb0-365768f37288\",\"status\":\"pending\",\"hintCode\":\"outstandingTransaction\"}");

QByteArray response(const QByteArray &body)
{
    return QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ")
        + QByteArray::number(body.size()) + QByteArrayLiteral("\r\n\r\n") + body;
}

} // namespace

NeutralServer::NeutralServer(const sim::CertifiedKey &serverIdentity, const QSslCertificate &clientCa, QObject *parent)
    : QObject(parent)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(serverIdentity.certificate);
    tls.setLocalCertificateChain(QList<QSslCertificate> {serverIdentity.certificate} + serverIdentity.chain);
    tls.setPrivateKey(serverIdentity.key);
    tls.setCaCertificates({clientCa});
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setAllowedNextProtocols({QSslConfiguration::ALPNProtocolHTTP2, QSslConfiguration::NextProtocolHttp1_1});
    m_server.setSslConfiguration(tls);
    connect(&m_server, &QSslServer::startedEncryptionHandshake, this, [](QSslSocket *socket) {
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    });
    connect(&m_server, &QSslServer::pendingConnectionAvailable, this, &NeutralServer::onConnection);
}

bool NeutralServer::listen(const QHostAddress &address, quint16 port)
{
    return m_server.listen(address, port);
}

void NeutralServer::onConnection()
{
    while (m_server.hasPendingConnections()) {
        auto *socket = qobject_cast<QSslSocket *>(m_server.nextPendingConnection());
        if (!socket)
            continue;
        ++m_connections;
        socket->setParent(this);
        connect(socket, &QSslSocket::encrypted, this, [this, socket] {
            if (socket->sslConfiguration().nextNegotiatedProtocol() == QSslConfiguration::ALPNProtocolHTTP2)
                ++m_h2;
        });
        connect(socket, &QSslSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    }
}

// Answers every complete request in the buffer. Requests are small or carry a Content-Length; the
// buffer lives in a dynamic property to keep this class free of per-socket bookkeeping.
void NeutralServer::onReadyRead(QSslSocket *socket)
{
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            break;
        const QByteArray head = buffer.left(headerEnd);
        qsizetype contentLength = 0;
        for (const QByteArray &line : head.split('\n')) {
            if (line.trimmed().toLower().startsWith("content-length:"))
                contentLength = line.mid(line.indexOf(':') + 1).trimmed().toLongLong();
        }
        const qsizetype total = headerEnd + 4 + contentLength;
        if (buffer.size() < total)
            break;
        const bool isOrder = head.startsWith("POST") && (head.contains("/auth ") || head.contains("/sign "));
        socket->write(response(isOrder ? kOrderBody : kCollectBody));
        buffer.remove(0, total);
    }
    socket->setProperty("buffer", buffer);
}

} // namespace bankid::bench
