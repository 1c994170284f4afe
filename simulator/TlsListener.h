#pragma once

#include <QSslConfiguration>
#include <QTcpServer>

class QSslSocket;

namespace bankid::sim {

// The simulator's TLS accept loop: a QTcpServer that turns every accepted descriptor into a server-side
// QSslSocket itself, instead of Qt 6.4's QSslServer.
//
// Why not QSslServer (Qt 6.4.2): QSslServer counts sockets still in their handshake as "pending
// connections", and QTcpServer stops reading the listen socket once that count reaches
// maxPendingConnections (30). Accepting resumes only in QTcpServer::nextPendingConnection() or in
// QSslServerPrivate::handleHandshakeTimedOut(). A socket whose peer closes before the handshake finishes
// (or that is dropped for a first byte other than a TLS record) is deleted through errorOccurred ->
// deleteLater; its `destroyed` handler, QSslServerPrivate::removeSocketData(), erases it together with its
// handshake timer and never calls resumeAccepting(). So 30 such connections arriving together leave the
// listen socket's read notifier switched off for good: nothing is accepted again, at 0 % CPU, with the
// kernel's listen queue full. (Upstream later resumes from more places; 6.4.2's library code, checked by
// disassembly, resumes only in the two places above.) Here nothing is ever "pending": every socket is
// owned from the start, and the only pause is the deliberate back-off after an accept error.
//
// Contract:
//  * Every accepted socket gets TCP_NODELAY and starts the server handshake at once with the given
//    configuration (TLS 1.2+; with VerifyPeer a missing or untrusted client certificate is fatal inside the
//    handshake, so the client gets a TLS alert). A handshake not finished within handshakeTimeoutMs is
//    aborted.
//  * liveConnections() counts sockets from accept to destruction (handshaking + established). Up to
//    connectionCap they are served normally; above it the connection still completes TLS and is marked
//    `overCapacity` (the HTTP layer answers 503 + close); at connectionCap + 64 or more a new descriptor
//    is closed at once. The cap is kept below the process's file-descriptor limit (see listen()).
//  * An accept error (EMFILE, ENFILE, ENOBUFS...) pauses accepting for acceptRetryMs and then resumes,
//    instead of spinning on a readable listen socket or stopping for good.
//  * encryptedConnection(socket, overCapacity) hands out sockets whose handshake succeeded; the receiver
//    takes ownership (re-parenting is fine). tlsRejected(reason) reports handshake failures.
class TlsListener : public QTcpServer
{
    Q_OBJECT

public:
    static constexpr int defaultHandshakeTimeoutMs = 10000;
    static constexpr int defaultConnectionCap = 1000;
    /// Connections beyond the cap that still get their 503; more are closed without a word.
    static constexpr int overCapacityAllowance = 64;

    explicit TlsListener(const QSslConfiguration &configuration, QObject *parent = nullptr);

    void setHandshakeTimeoutMs(int milliseconds) { m_handshakeTimeoutMs = milliseconds; }
    /// Clamped in listen() so that cap + allowance stays below the file-descriptor limit.
    void setConnectionCap(int cap) { m_connectionCap = cap; }
    int connectionCap() const { return m_connectionCap; }
    int liveConnections() const { return m_liveConnections; }

    /// Raises RLIMIT_NOFILE's soft limit to the hard limit, clamps the cap below it, then listens.
    bool listenOn(const QHostAddress &address, quint16 port);

Q_SIGNALS:
    void encryptedConnection(QSslSocket *socket, bool overCapacity);
    void tlsRejected(const QString &reason);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void onAcceptError(QAbstractSocket::SocketError error);

    QSslConfiguration m_configuration;
    int m_handshakeTimeoutMs = defaultHandshakeTimeoutMs;
    int m_connectionCap = defaultConnectionCap;
    int m_hardLimit = defaultConnectionCap + overCapacityAllowance;
    int m_liveConnections = 0;
    int m_acceptRetryMs = 200;
    bool m_acceptPausedForError = false;
    quint64 m_acceptErrors = 0;
};

} // namespace bankid::sim
