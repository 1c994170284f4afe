#include "TlsListener.h"

#include <QLoggingCategory>
#include <QSslError>
#include <QSslSocket>
#include <QTimer>

#include <algorithm>
#include <climits>
#include <sys/resource.h>
#include <unistd.h>

namespace bankid::sim {

Q_LOGGING_CATEGORY(lcSimTls, "bankid.sim.tls", QtInfoMsg)

namespace {

/// Descriptors kept for everything else the process opens (state files, pipes, the event loop, logs).
constexpr int reservedDescriptors = 32;

/// The soft RLIMIT_NOFILE after raising it to the hard limit (best effort), or INT_MAX when unlimited.
int raiseDescriptorLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 1024;
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    if (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur > rlim_t(INT_MAX))
        return INT_MAX;
    return int(limit.rlim_cur);
}

} // namespace

TlsListener::TlsListener(const QSslConfiguration &configuration, QObject *parent)
    : QTcpServer(parent)
    , m_configuration(configuration)
{
    connect(this, &QTcpServer::acceptError, this, &TlsListener::onAcceptError);
}

bool TlsListener::listenOn(const QHostAddress &address, quint16 port)
{
    const int descriptorLimit = raiseDescriptorLimit();
    const int usable = std::max(2, descriptorLimit == INT_MAX ? INT_MAX : descriptorLimit - reservedDescriptors);
    const int wantedCap = std::max(1, m_connectionCap);
    m_hardLimit = int(std::min<qint64>(qint64(wantedCap) + overCapacityAllowance, usable));
    m_connectionCap = std::min(wantedCap, m_hardLimit);
    if (m_connectionCap < wantedCap)
        qCInfo(lcSimTls) << "connection cap lowered from" << wantedCap << "to" << m_connectionCap
                         << "to stay below the file-descriptor limit" << descriptorLimit;
    // Qt's default backlog of 50 drops SYNs under a burst (clients then wait 1 s, 3 s... to retry); the
    // kernel still caps it at net.core.somaxconn.
    setListenBacklogSize(1024);
    return listen(address, port);
}

void TlsListener::incomingConnection(qintptr descriptor)
{
    if (m_liveConnections >= m_hardLimit) {
        // Far above the cap: not even a TLS handshake (it would cost CPU and a descriptor for long).
        ::close(int(descriptor));
        return;
    }
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        ::close(int(descriptor));
        delete socket;
        return;
    }
    ++m_liveConnections;
    const bool overCapacity = m_liveConnections > m_connectionCap;
    connect(socket, &QObject::destroyed, this, [this]() { --m_liveConnections; });
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    socket->setSslConfiguration(m_configuration);

    // The timer doubles as the context of every handshake-phase connection: deleting it once the socket is
    // encrypted drops them all, so later socket errors belong to the HTTP layer.
    auto *handshake = new QTimer(socket);
    handshake->setSingleShot(true);
    handshake->setInterval(m_handshakeTimeoutMs);
    connect(handshake, &QTimer::timeout, socket, [this, socket]() {
        qCDebug(lcSimTls) << "TLS handshake not finished within" << m_handshakeTimeoutMs << "ms; closing";
        Q_EMIT tlsRejected(QStringLiteral("TLS handshake not finished within %1 ms").arg(m_handshakeTimeoutMs));
        socket->abort();
        socket->deleteLater();
    });
    connect(socket, &QSslSocket::sslErrors, handshake, [this, socket](const QList<QSslError> &errors) {
        // With QueryPeer (accept any client certificate) nothing is fatal here; with VerifyPeer the
        // handshake is already being refused with an alert.
        if (socket->peerVerifyMode() != QSslSocket::VerifyPeer)
            return;
        QStringList texts;
        for (const QSslError &error : errors)
            texts.append(error.errorString());
        qCInfo(lcSimTls) << "rejected a TLS client:" << texts;
        Q_EMIT tlsRejected(texts.join(QLatin1String("; ")));
    });
    connect(socket, &QAbstractSocket::errorOccurred, handshake, [this, socket](QAbstractSocket::SocketError) {
        qCDebug(lcSimTls) << "TLS connection ended before the handshake finished:" << socket->errorString();
        Q_EMIT tlsRejected(socket->errorString());
        socket->deleteLater();
    });
    connect(socket, &QAbstractSocket::disconnected, handshake, [socket]() { socket->deleteLater(); });
    connect(socket, &QSslSocket::encrypted, handshake, [this, socket, handshake, overCapacity]() {
        QObject::disconnect(socket, nullptr, handshake, nullptr);
        handshake->stop();
        handshake->deleteLater();
        Q_EMIT encryptedConnection(socket, overCapacity);
    });
    handshake->start();
    socket->startServerEncryption();
}

void TlsListener::onAcceptError(QAbstractSocket::SocketError error)
{
    // QTcpServer has paused accepting (it does so for every non-temporary accept error, e.g. EMFILE) and
    // would never resume by itself. Resume after a short back-off: the listen socket stays readable while
    // connections wait, so retrying at once would spin.
    if (m_acceptPausedForError)
        return;
    m_acceptPausedForError = true;
    if (m_acceptErrors++ % 100 == 0) // at most one line per 20 s of a lasting shortage
        qCWarning(lcSimTls) << "accept failed (" << error << errorString() << "); retrying every" << m_acceptRetryMs
                            << "ms";
    QTimer::singleShot(m_acceptRetryMs, this, [this]() {
        m_acceptPausedForError = false;
        if (isListening())
            resumeAccepting();
    });
}

} // namespace bankid::sim
