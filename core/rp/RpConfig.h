#pragma once

#include "ClientIdentity.h"
#include "Environment.h"

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <optional>

namespace bankid {

/// Everything RpClient needs to reach one BankID RP API installation over mutual TLS.
///
/// Contract: caCertificates are the ONLY trust anchors for the server certificate (the system store is
/// never consulted: QSslConfiguration::setCaCertificates() turns off Qt's on-demand root loading).
///
/// \code
///   auto config = bankid::RpConfig::forEnvironment(bankid::Environment::Test);
///   config.identity = bankid::ClientIdentity::load(p12Path, password);
///   if (const QString problem = config.validationError(); !problem.isEmpty())
///       return fail(problem);
///   bankid::RpClient client(&nam, config);
/// \endcode
struct RpConfig
{
    /// The default per-request transfer timeout. BankID answers in well under a second; 10 s leaves room
    /// for a slow network while keeping a dead connection from stalling an order for long (the order's
    /// own deadline is separate, see OrderSession::Options::deadlineMs).
    static constexpr int DefaultTransferTimeoutMs = 10000;

    /// The default total time one request may take, however the server paces its bytes (a server that
    /// drips one byte a second keeps QNAM's inactivity timer from ever firing).
    static constexpr int DefaultRequestDeadlineMs = 20000;
    /// The largest answer RpCall accepts. BankID's largest (a collect with completionData: signature and
    /// OCSP response) is a few tens of KB; a bigger one is aborted, never buffered without bound.
    static constexpr qint64 MaxResponseBytes = 1024 * 1024;

    Environment environment = Environment::Test;
    /// e.g. https://appapi2.test.bankid.com/rp/v6.0 (a trailing slash is tolerated).
    QUrl baseUrl;
    /// The Verify API v1 base URL for digital ID cards (api digest §11), e.g.
    /// https://idcardapi.test.bankid.com/rp/v1. Reached with the same TLS settings (pinned CAs, RP
    /// certificate) as baseUrl (UNCONFIRMED for BankID: the same root). Empty means "derive it":
    /// effectiveIdCardBaseUrl().
    QUrl idCardBaseUrl;
    /// Pinned trust anchors for the server certificate (bundled root, or a CA override file for Custom).
    QList<QSslCertificate> caCertificates;
    /// The RP certificate and key. May be null (the server then rejects the handshake, reported as
    /// RpError::Kind::ClientCertificateRejected); an identity that failed to load is a config error.
    ClientIdentity identity;
    /// QNetworkRequest::setTransferTimeout() for every request, in milliseconds. In QNAM this is an
    /// inactivity timer: it fires when no byte has moved for this long, and restarts with every byte.
    int transferTimeoutMs = DefaultTransferTimeoutMs;
    /// The total deadline of one request from sending to its complete answer (RpCall enforces it).
    int requestDeadlineMs = DefaultRequestDeadlineMs;

    /// Base URL, Verify API base URL and bundled root of `environment`; Custom leaves them empty for the
    /// caller to fill.
    static RpConfig forEnvironment(Environment environment, const ClientIdentity &identity = {});

    /// A Custom configuration for a server named by files, the way an operator names it (--url, --ca,
    /// --cert): `caFile` (PEM) becomes the only trust anchor; the identity is loaded from `identityFile`
    /// (PKCS#12 or PEM, with `keyFile` when the PEM key is separate). std::nullopt and one sentence naming
    /// the bad input (URL, CA file or certificate file) in `error` when any part is unusable.
    ///
    ///     auto config = RpConfig::forCustomServer(simulator.baseUrl(), simulator.caCertificatePath(),
    ///                                             simulator.clientP12Path(), "qwerty123", &error);
    static std::optional<RpConfig> forCustomServer(const QUrl &baseUrl, const QString &caFile,
                                                   const QString &identityFile, const QByteArray &password,
                                                   QString *error, const QString &keyFile = {});
    /// Reads a PEM file of one or more CA certificates (the Custom/simulator CA override).
    static std::optional<QList<QSslCertificate>> loadCaFile(const QString &path, QString *error);

    /// Empty when usable, else one sentence naming the offending field.
    QString validationError() const;

    /// TLS 1.2 or newer, pinned CAs only, VerifyPeer, the client certificate + key + chain, and ALPN
    /// "http/1.1" only: BankID is used over HTTP/1.1 (api digest §1, UNCONFIRMED) and QNAM's HTTP/2 path
    /// stalls small requests on Nagle (qt-platform-notes).
    QSslConfiguration sslConfiguration() const;

    /// baseUrl + "/" + path (path like "auth" or "phone/sign"), whatever baseUrl's trailing slash.
    QUrl endpointUrl(const QString &path) const;
    /// The Verify API base of a Custom server whose RP API is at `rpBaseUrl`: the same URL with a last path
    /// segment "v6.0" replaced by "v1" (https://127.0.0.1:8443/rp/v6.0 -> https://127.0.0.1:8443/rp/v1,
    /// our simulator's layout, idcard-contract §1; a trailing slash is tolerated and dropped). An empty QUrl
    /// when the last segment is not "v6.0": then the Verify API base must be given explicitly.
    static QUrl derivedIdCardBaseUrl(const QUrl &rpBaseUrl);
    /// idCardBaseUrl when set, else derivedIdCardBaseUrl(baseUrl) for Custom and defaultIdCardBaseUrl()
    /// for Test / Production.
    QUrl effectiveIdCardBaseUrl() const;
    /// Empty when effectiveIdCardBaseUrl() is a usable https URL with a host, else one sentence saying why
    /// (ID card verifications then fail with RpError::Kind::Configuration; orders are not affected).
    QString idCardValidationError() const;
    /// effectiveIdCardBaseUrl() + "/" + path ("verify").
    QUrl idCardEndpointUrl(const QString &path) const;
};

} // namespace bankid
