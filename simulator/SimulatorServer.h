#pragma once

#include <QAbstractHttpServer>
#include <QHash>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslConfiguration>

#include <deque>

class QSslServer;
class QTcpSocket;

namespace bankid::sim {

class FaultInjector;
class OrderBook;

// The HTTPS front of the simulator: routes /rp/v6.0/* (BankID semantics) and /sim/v1/* (control API) on one
// mutual-TLS listener, on top of Qt 6.4's QAbstractHttpServer.
//
// Contract: every method of every path is routed here (so non-POST gets 405, not QHttpServer's 404);
// answers are written as raw HTTP/1.1 bytes in one write (compact JSON, exact headers, no Nagle split);
// answers on one connection leave in request order even when some are delayed (latency, delay faults);
// `Connection: close` is honoured. Accepted sockets get TCP_NODELAY when their handshake starts.
//
//     SimulatorServer server(&book, &faults);
//     server.setLatencyMs(250);
//     if (!server.listenTls(QHostAddress::LocalHost, 0, sslConfiguration, &error)) ...
class SimulatorServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    SimulatorServer(OrderBook *book, FaultInjector *faults, QObject *parent = nullptr);
    ~SimulatorServer() override;

    /// Listens with TLS; `configuration` carries the server identity and the client-certificate policy.
    bool listenTls(const QHostAddress &address, quint16 port, const QSslConfiguration &configuration, QString *error);
    quint16 port() const { return m_port; }
    void setLatencyMs(int latencyMs) { m_latencyMs = latencyMs; }
    /// When true (acceptAnyClientCert), requests without a client certificate get 401 unauthorized.
    void setRequireCertificateInHttp(bool require) { m_requireCertificateInHttp = require; }

Q_SIGNALS:
    /// A TLS client was rejected (wrong/no certificate, protocol error); for logs and tests.
    void tlsRejected(const QString &reason);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    /// One queued answer of a connection.
    struct Pending {
        quint64 sequence = 0;
        QByteArray bytes;
        bool ready = false;
        bool abort = false; ///< close the connection without an answer
        bool close = false; ///< close the connection after this answer (request said Connection: close)
    };
    /// Per-connection state: the in-order answer queue and the peer's certificate.
    struct Connection {
        std::deque<Pending> queue;
        quint64 nextSequence = 0;
        QSslCertificate peer;
    };

    /// What the request handlers produce.
    struct Answer {
        int status = 200;
        QByteArray contentType = QByteArrayLiteral("application/json");
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        bool abort = false;
        int delayMs = 0;
    };

    Connection &connectionFor(QTcpSocket *socket);
    void deliver(QTcpSocket *socket, const Answer &answer, bool closeAfter);
    void flush(QTcpSocket *socket);

    Answer handleRp(const QString &endpoint, const QHttpServerRequest &request, const Connection &connection);
    Answer handleControl(const QString &path, const QHttpServerRequest &request);
    Answer processRp(const QString &endpoint, const QHttpServerRequest &request, const QByteArray &contentType,
                     const QSslCertificate &peer);

    static Answer error(int status, const QString &errorCode, const QString &details);
    static Answer json(const QJsonObject &object, int status = 200);
    static QByteArray serialize(const Answer &answer, bool closeAfter);

    OrderBook *m_book;
    FaultInjector *m_faults;
    QSslServer *m_tcp = nullptr;
    quint16 m_port = 0;
    int m_latencyMs = 0;
    bool m_requireCertificateInHttp = false;
    QHash<QTcpSocket *, Connection> m_connections;
};

} // namespace bankid::sim
