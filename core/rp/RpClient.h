#pragma once

#include "ApiTypes.h"
#include "CancelJob.h"
#include "IdCardCode.h"
#include "RpCall.h"
#include "RpConfig.h"

#include <QObject>
#include <QSslConfiguration>

class QNetworkAccessManager;

namespace bankid {

/// The BankID RP API v6.0 client, and the Verify API v1 client for digital ID cards: turns requests into
/// RpCall objects over mutual TLS through the injected QNetworkAccessManager, the product's one HTTP path.
///
/// Contract:
/// - The QNAM is injected and not owned (tests and the bench share or inspect it; its proxy settings
///   apply); it must outlive this.
/// - Every request is POST with exactly "Content-Type: application/json", a compact JSON body, HTTP/1.1
///   (HTTP/2 disabled: QNAM's HTTP/2 path stalls small requests on Nagle, qt-platform-notes), no
///   redirects, QNAM's transfer timeout (an inactivity timer, RpConfig::transferTimeoutMs) plus RpCall's
///   total deadline and size cap. One QSslConfiguration is built once and reused, so QNAM keeps one TLS
///   connection alive for sequential calls instead of a handshake per call.
/// - Order-creating requests (/auth, /sign, /payment, /phone/auth, /phone/sign), /cancel and the Verify
///   API's /verify are never re-sent by QNAM (see OneShotUploadDevice); /collect may be.
/// - /verify goes to RpConfig::effectiveIdCardBaseUrl() with the same TLS configuration, timeouts, guards
///   and error mapping as the RP API; a config without a usable Verify API URL fails it with
///   Kind::Configuration (RpConfig::idCardValidationError()) and leaves orders alone.
/// - Order requests are validated locally first (RequestValidator); an invalid request is never sent and
///   its call fails asynchronously with RpError::Kind::Validation. An unusable config fails every call
///   with Kind::Configuration.
/// - Calls are children of the client (see RpCall for their lifetime); inFlightCount() and idle() let a
///   front end wait for the last /cancel before it exits.
/// - Logs (category "bankid.rp") name method, path, status and duration; orderRef is logged, personal
///   numbers only masked, qrStartSecret and request bodies never; an ID card code only by its first
///   IdCardCode::LoggedCharacters characters.
/// - Nagle: QNAM never sets TCP_NODELAY and its socket is not reachable through Qt's API. A body up to
///   16 KB leaves in one write with the headers; a larger /sign body can wait ~40 ms for the server's
///   delayed ACK (bankid-bench shows it). /collect and /cancel are never affected.
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
    /// Calls sent and not finished yet (orders, collects and cancels, including fire-and-forget ones and
    /// CancelJobs waiting to re-send).
    int inFlightCount() const { return m_inFlight; }

    /// POST /auth, /sign, /payment, /phone/auth or /phone/sign per request.flow.
    RpCall *start(const OrderRequest &request);
    /// POST /collect {"orderRef"}.
    RpCall *collect(const QString &orderRef);
    /// POST /cancel {"orderRef"}, once.
    RpCall *cancel(const QString &orderRef);
    /// Cancels the order until BankID confirms it or that cannot be had (see CancelJob): what a session,
    /// a window or a program uses when it abandons an order. Counted in inFlightCount() until finished.
    CancelJob *cancelOrder(const QString &orderRef);
    /// POST <Verify API base>/verify {"qrCode"} (api digest §11), once: RpCall::Endpoint::IdCardVerify, path
    /// "verify"; the answer in RpCall::idCardVerification(). An expired, reused or unknown code comes back as
    /// RpError::Kind::Api, 400 invalidParameters with BankID's details (UNCONFIRMED for BankID).
    RpCall *verifyIdCard(const IdCardCode &code);
    /// Cancels the order `orderCall` (an /auth, /sign, ... still in flight) creates, as soon as its
    /// orderRef arrives; nothing if it fails. For a session abandoned before BankID answered its order.
    void cancelOrderWhenCreated(RpCall *orderCall);

signals:
    /// A request to `path` ("auth", "collect", ...) was handed to the transport, whichever it is. Requests
    /// refused locally (validation, configuration) are not sent and not reported; a transport's own silent
    /// re-send of a request on a stale keep-alive connection is not reported again. For activity displays
    /// and tests that count what a session sent.
    void requestSent(const QString &path);
    /// The last call in flight finished (inFlightCount() dropped to 0).
    void idle();

private:
    friend class RpCall; // sets m_serverAnswered

    RpCall *post(RpCall::Endpoint endpoint, Flow flow, const QString &path, const QString &orderRef,
                 const QJsonObject &body, const QString &logSummary);
    RpCall *orderRefCall(RpCall::Endpoint endpoint, const QString &path, const QString &orderRef);
    /// A new call, counted in inFlightCount() until it finishes.
    RpCall *newCall(RpCall::Endpoint endpoint, Flow flow, const QString &path, const QString &orderRef);
    /// inFlightCount() bookkeeping: one more piece of work under way; one finished (idle() at 0).
    void trackUntilFinished();
    void untrack();

    QNetworkAccessManager *m_nam;
    RpConfig m_config;
    QString m_configError;
    QSslConfiguration m_sslConfiguration;
    int m_inFlight = 0;
    bool m_serverAnswered = false; // some call got an HTTP answer: our certificate is accepted
};

} // namespace bankid
