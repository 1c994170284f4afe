#pragma once

#include "HttpConnection.h"
#include "HttpRequest.h"

#include <QHostAddress>
#include <QObject>
#include <QSslCertificate>
#include <QSslConfiguration>

class QSslSocket;

namespace bankid::sim {

class FaultInjector;
class IdCardService;
class OrderBook;
class TlsListener;

// The HTTPS front of the simulator: routes /rp/v6.0/* (BankID semantics), /rp/v1/verify (BankID Verify API,
// ID cards; same rules as /rp/v6.0) and /sim/v1/* (control API) on one mutual-TLS listener. The HTTP/1.1 layer is our own (TlsListener -> HttpConnection -> HttpRequestParser),
// not Qt 6.4's QHttpServer: see README "Why the HTTP layer is our own".
//
// Contract: every method of every path is routed here (so non-POST gets 405); answers are written as raw
// HTTP/1.1 bytes in one write (compact JSON, exact headers, no Nagle split); answers on one connection leave
// in request order even when some are delayed (latency, delay faults); `Connection: close` and HTTP/1.0 close
// after the answer. The control API answers only clients whose certificate chains to a trusted client CA
// (setTrustedClientCas), also when the TLS layer accepts any certificate.
//
//     SimulatorServer server(&book, &faults);
//     server.setLatencyMs(250);
//     if (!server.listenTls(QHostAddress::LocalHost, 0, sslConfiguration, &error)) ...
class SimulatorServer : public QObject
{
    Q_OBJECT

public:
    SimulatorServer(OrderBook *book, FaultInjector *faults, QObject *parent = nullptr);
    ~SimulatorServer() override;

    /// Listens with TLS; `configuration` carries the server identity and the client-certificate policy.
    bool listenTls(const QHostAddress &address, quint16 port, const QSslConfiguration &configuration, QString *error);
    quint16 port() const { return m_port; }
    void setLatencyMs(int latencyMs) { m_latencyMs = latencyMs; }
    /// Serves /rp/v1/verify and POST /sim/v1/persons/{pn}/id-card (not owned; without it they answer 500).
    void setIdCardService(IdCardService *service) { m_idCards = service; }
    /// When true (acceptAnyClientCert), requests without a client certificate get 401 unauthorized.
    void setRequireCertificateInHttp(bool require) { m_requireCertificateInHttp = require; }
    /// The CAs a control-API caller's certificate must chain to (simulator CA + --trust-client-ca).
    void setTrustedClientCas(const QList<QSslCertificate> &cas) { m_trustedClientCas = cas; }
    /// Set before listenTls(): handshake timeout and connection cap (TlsListener), idle timeout and
    /// parser limits (HttpConnection).
    void setHandshakeTimeoutMs(int milliseconds) { m_handshakeTimeoutMs = milliseconds; }
    void setConnectionCap(int cap) { m_connectionCap = cap; }
    void setConnectionOptions(const HttpConnection::Options &options) { m_connectionOptions = options; }
    /// Live TLS connections (handshaking + established).
    int liveConnections() const;

Q_SIGNALS:
    /// A TLS client was rejected (wrong/no certificate, protocol error, handshake timeout); for logs and tests.
    void tlsRejected(const QString &reason);

private:
    /// What the request handlers produce.
    struct Answer {
        int status = 200;
        QByteArray contentType = QByteArrayLiteral("application/json");
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        bool abort = false;   ///< close the connection without an answer
        bool partial = false; ///< write the headers and half the body, then close
        int delayMs = 0;
    };

    void handleRequest(HttpConnection &connection, const HttpRequest &request, quint64 ticket);
    /// `apiPrefix` is "/rp/v6.0/" or "/rp/v1/"; `endpoint` the rest of the path (also the fault rules' name).
    Answer handleRp(const QByteArray &apiPrefix, const QString &endpoint, const HttpRequest &request,
                    const HttpConnection &connection);
    Answer handleControl(const QString &path, const HttpRequest &request);
    Answer processRp(const QString &endpoint, const HttpRequest &request, const QSslCertificate &peer);
    /// True when `chain`'s leaf is issued by one of m_trustedClientCas (checked with OpenSSL).
    bool isTrustedClient(const QList<QSslCertificate> &chain) const;

    static Answer error(int status, const QString &errorCode, const QString &details);
    static Answer json(const QJsonObject &object, int status = 200);
    static QByteArray serialize(const Answer &answer, bool closeAfter);

    OrderBook *m_book;
    FaultInjector *m_faults;
    IdCardService *m_idCards = nullptr;
    TlsListener *m_listener = nullptr;
    quint16 m_port = 0;
    int m_latencyMs = 0;
    bool m_requireCertificateInHttp = false;
    QList<QSslCertificate> m_trustedClientCas;
    int m_handshakeTimeoutMs = 10000;
    int m_connectionCap = 1000;
    HttpConnection::Options m_connectionOptions;
};

} // namespace bankid::sim
