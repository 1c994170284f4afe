#pragma once

#include "ApiTypes.h"
#include "RpCall.h"
#include "RpConfig.h"

#include <QObject>
#include <QSslConfiguration>

class QNetworkAccessManager;

namespace bankid {

/// The BankID RP API v6.0 client: turns requests into RpCall objects over an injected
/// QNetworkAccessManager with mutual TLS.
///
/// Contract:
/// - The QNAM is injected and not owned (tests and the bench share or inspect it); it must outlive this.
/// - Every request is POST with exactly "Content-Type: application/json", a compact JSON body, the
///   config's transfer timeout and HTTP/2 disabled. One QSslConfiguration is built once and reused, so
///   QNAM keeps one TLS connection alive for sequential calls instead of a handshake per call.
/// - Order requests are validated locally first (RequestValidator); an invalid request is never sent and
///   its call fails asynchronously with RpError::Kind::Validation. An unusable config fails every call
///   with Kind::Configuration.
/// - Calls are children of the client (see RpCall for their lifetime).
/// - Logs (category "bankid.rp") name method, path, status and duration; orderRef is logged, personal
///   numbers only masked, qrStartSecret and request bodies never.
/// - TCP_NODELAY: QNAM never sets it (qt-platform-notes); the seam is QNetworkAccessManager::encrypted on
///   the injected manager (see TcpNoDelay), left to the owner of the QNAM.
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

    const RpConfig &config() const { return m_config; }
    QNetworkAccessManager *networkAccessManager() const { return m_nam; }

    /// POST /auth, /sign, /payment, /phone/auth or /phone/sign per request.flow.
    RpCall *start(const OrderRequest &request);
    /// POST /collect {"orderRef"}.
    RpCall *collect(const QString &orderRef);
    /// POST /cancel {"orderRef"}.
    RpCall *cancel(const QString &orderRef);

private:
    RpCall *post(RpCall::Endpoint endpoint, Flow flow, const QString &path, const QString &orderRef,
                 const QJsonObject &body, const QString &logSummary);
    RpCall *orderRefCall(RpCall::Endpoint endpoint, const QString &path, const QString &orderRef);

    QNetworkAccessManager *m_nam;
    RpConfig m_config;
    QString m_configError;
    QSslConfiguration m_sslConfiguration;
};

} // namespace bankid
