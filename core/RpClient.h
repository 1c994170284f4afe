#pragma once

#include "ApiTypes.h"
#include "RpCall.h"
#include "RpConfig.h"

#include <QObject>
#include <QSslConfiguration>

#include <memory>

class QNetworkAccessManager;

namespace bankid {

class HttpsConnectionPool;

/// The BankID RP API v6.0 client: turns requests into RpCall objects over mutual TLS, either with its own
/// lean HTTP/1.1 keep-alive transport (RpConfig::Transport::Direct, the default) or through the injected
/// QNetworkAccessManager.
///
/// Contract:
/// - The QNAM is injected and not owned (tests and the bench share or inspect it); it must outlive this.
///   It carries the requests when config.transport is NetworkAccessManager, and also when Direct was asked
///   for but a proxy applies (the direct transport does not speak proxies): transport() tells which.
/// - Direct: an HttpsConnectionPool of up to 6 QSslSocket connections on this object's thread, TCP_NODELAY,
///   one write() per request, keep-alive reuse, one transparent re-send when a kept-alive connection
///   turns out closed before any answer byte, RpConfig::transferTimeoutMs per request.
/// - Every request is POST with exactly "Content-Type: application/json", a compact JSON body, the
///   config's transfer timeout and HTTP/1.1 (HTTP/2 disabled). One QSslConfiguration is built once and
///   reused, so a TLS connection is kept alive for sequential calls instead of a handshake per call.
/// - Order requests are validated locally first (RequestValidator); an invalid request is never sent and
///   its call fails asynchronously with RpError::Kind::Validation. An unusable config fails every call
///   with Kind::Configuration.
/// - Calls are children of the client (see RpCall for their lifetime).
/// - Logs (category "bankid.rp") name method, path, status and duration; orderRef is logged, personal
///   numbers only masked, qrStartSecret and request bodies never.
/// - TCP_NODELAY (RpConfig::tcpNoDelay): Direct sets it on its sockets; QNAM never sets it
///   (qt-platform-notes), so for that transport it is applied through QNetworkAccessManager::encrypted on
///   the injected manager (see TcpNoDelay).
/// - Both transports end in the same RpError::fromExchange() mapping: an error is classified identically.
///
/// \code
///   QNetworkAccessManager nam;
///   bankid::RpClient client(&nam, config);
///   bankid::RpCall *call = client.start(request);
///   connect(call, &bankid::RpCall::finished, this, [call] { ... call->orderResponse().orderRef ... });
/// \endcode
class RpClient : public QObject
{
    Q_OBJECT

public:
    RpClient(QNetworkAccessManager *nam, const RpConfig &config, QObject *parent = nullptr);
    ~RpClient() override;

    const RpConfig &config() const { return m_config; }
    QNetworkAccessManager *networkAccessManager() const { return m_nam; }
    /// The transport actually used: config().transport, except NetworkAccessManager when a proxy applies.
    RpConfig::Transport transport() const { return m_transport; }
    /// Direct transport: TLS connections currently open or opening (0 for the QNAM transport).
    int openConnectionCount() const;
    /// Direct transport: requests re-sent after a kept-alive connection was found closed (0 for QNAM).
    int resentRequestCount() const;

    /// POST /auth, /sign, /payment, /phone/auth or /phone/sign per request.flow.
    RpCall *start(const OrderRequest &request);
    /// POST /collect {"orderRef"}.
    RpCall *collect(const QString &orderRef);
    /// POST /cancel {"orderRef"}.
    RpCall *cancel(const QString &orderRef);

signals:
    /// A request to `path` ("auth", "collect", ...) was handed to the transport, whichever it is. Requests
    /// refused locally (validation, configuration) are not sent and not reported; a transport's own silent
    /// re-send of a request on a stale keep-alive connection is not reported again. For activity displays
    /// and tests that count what a session sent.
    void requestSent(const QString &path);

private:
    friend class RpCall; // sets m_serverAnswered

    RpCall *post(RpCall::Endpoint endpoint, Flow flow, const QString &path, const QString &orderRef,
                 const QJsonObject &body, const QString &logSummary);
    RpCall *orderRefCall(RpCall::Endpoint endpoint, const QString &path, const QString &orderRef);
    /// Whether a proxy would apply to the base URL (then Direct is not usable).
    bool proxyApplies() const;
    /// The complete HTTP/1.1 request for the Direct transport.
    QByteArray directRequest(const QUrl &url, const QByteArray &body) const;

    QNetworkAccessManager *m_nam;
    RpConfig m_config;
    QString m_configError;
    QSslConfiguration m_sslConfiguration;
    RpConfig::Transport m_transport;
    QByteArray m_fixedHeaders;                   // Direct: the header lines every request shares
    std::unique_ptr<HttpsConnectionPool> m_pool; // Direct only; destroyed before the child calls
    bool m_serverAnswered = false;               // some call got an HTTP answer: our certificate is accepted
};

} // namespace bankid
