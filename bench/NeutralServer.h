#pragma once

#include "CertifiedKey.h"

#include <QHostAddress>
#include <QObject>
#include <QSslServer>

#include <atomic>

class QSslSocket;

namespace bankid::bench {

/// A minimal HTTPS/1.1 responder used as the neutral party when curl and bankid_core are compared: it
/// does the least a BankID-like server can (mutual TLS, keep-alive, one fixed JSON answer per POST), so
/// the figures measure the clients, not a server.
///
/// Contract: requires a client certificate issued by `clientCa`; sets TCP_NODELAY on every accepted
/// socket (a server that does not would add its own delayed-ACK stalls); offers ALPN "h2" before
/// "http/1.1" like many HTTP/2-capable servers, but speaks only HTTP/1.1, and counts the connections on
/// which a client nevertheless chose h2 (h2Negotiations(), which must stay 0 for bankid_core).
/// Lives in the thread that created it.
///
///     NeutralServer server(identity, ca.certificate);
///     server.listen(QHostAddress::LocalHost, 0);
class NeutralServer : public QObject
{
    Q_OBJECT

public:
    NeutralServer(const sim::CertifiedKey &serverIdentity, const QSslCertificate &clientCa, QObject *parent = nullptr);

    bool listen(const QHostAddress &address, quint16 port);
    quint16 port() const { return m_server.serverPort(); }
    int connections() const { return m_connections.load(); }
    int h2Negotiations() const { return m_h2.load(); }

private:
    void onConnection();
    void onReadyRead(QSslSocket *socket);

    QSslServer m_server;
    std::atomic<int> m_connections {0};
    std::atomic<int> m_h2 {0};
};

} // namespace bankid::bench
