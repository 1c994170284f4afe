#pragma once

#include "Rfa.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QNetworkReply>
#include <QSslError>
#include <QString>

namespace bankid {

/// The one error type of the RP client: every failed exchange with BankID (or a request refused locally)
/// is described by exactly one RpError, built by fromExchange() - the single place where HTTP status,
/// BankID errorCode, QNetworkReply::NetworkError and TLS errors are interpreted.
///
/// \code
///   connect(call, &bankid::RpCall::finished, this, [call] {
///       if (!call->ok()) {
///           qCWarning(lc).noquote() << call->error().technicalMessage(); // for logs / a details pane
///           showUserMessage(call->error().rfa());                        // what the person sees
///       }
///   });
/// \endcode
class RpError
{
public:
    /// What went wrong, from "before sending" to "after the answer".
    enum class Kind {
        None,                       ///< no error
        Validation,                 ///< the request was refused locally before sending (field(), rule())
        Configuration,              ///< the RpConfig is unusable (no base URL, no pinned CA, identity failed)
        Api,                        ///< BankID answered an HTTP error (httpStatus(), errorCode(), details())
        InvalidResponse,            ///< not valid HTTP, or HTTP 200 but not JSON, not an object, or missing members
        Timeout,                    ///< no complete answer within the transfer timeout
        Connection,                 ///< refused, host not found, network down, closed (without a TLS alert) before answering
        ServerCertificateUntrusted, ///< the BankID server's certificate failed our pinned verification
        ClientCertificateRejected,  ///< the server refused (or required) our client certificate with a TLS alert
        Tls,                        ///< any other TLS failure (no common protocol version, ...)
        Cancelled,                  ///< aborted by us (RpCall::abort(), the session was cancelled)
    };

    /// Why the server certificate was not trusted (from the QSslErrors the handshake reported).
    enum class ServerCertificateProblem {
        None,             ///< not a server certificate error
        UntrustedIssuer,  ///< not issued by a pinned CA (wrong environment, interception proxy, self-signed)
        Expired,          ///< expired
        NotYetValid,      ///< not yet valid (check the computer's clock)
        HostnameMismatch, ///< issued for another host name
        Other,            ///< revoked, bad signature, wrong purpose, ...
    };

    /// How far the TLS connection used by the request got; words the message of a close before any answer.
    enum class TlsProgress {
        NotEstablished,          ///< a new connection whose handshake never completed
        EstablishedForThisRequest, ///< a new connection whose handshake completed for this request
        Reused,                  ///< an already established keep-alive connection was reused
    };

    /// Everything known about one finished exchange: the input of fromExchange().
    struct Outcome
    {
        QString endpoint;           ///< "auth", "collect", ... (for messages)
        int httpStatus = 0;         ///< 0 when no HTTP response arrived
        QByteArray body;
        QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
        QString networkErrorString; ///< QNetworkReply::errorString(): carries OpenSSL's alert text
        QList<QSslError> sslErrors; ///< from QNetworkReply::sslErrors
        TlsProgress tls = TlsProgress::NotEstablished;
        /// The same RpClient already got an HTTP answer from this server, so the server accepted our client
        /// certificate: a later silent close, even of a fresh connection, is a Connection failure.
        bool serverAnsweredBefore = false;
        bool abortedByCaller = false;
        /// Some of the request was handed to a connection (known for order and cancel bodies, which QNAM
        /// reads from a OneShotUploadDevice; otherwise implied by tls != NotEstablished).
        bool requestWritten = false;
        int transferTimeoutMs = 0;
        /// RpCall aborted the exchange because its total deadline (RpConfig::requestDeadlineMs) passed.
        bool deadlineExceeded = false;
        int requestDeadlineMs = 0;
        /// RpCall aborted the exchange because the answer exceeded RpConfig::MaxResponseBytes.
        bool responseTooLarge = false;
        qint64 responseBytes = 0;   ///< with responseTooLarge: the announced or received size
        qint64 responseLimitBytes = 0;
        /// RpCall aborted the exchange because more than headWaitLimitBytes arrived before the head of the
        /// answer was complete (a head that never ends).
        bool responseHeadTooLarge = false;
        qint64 headWaitBytes = 0;   ///< with responseHeadTooLarge: the bytes received by then
        qint64 headWaitLimitBytes = 0;
        QString schemaError;        ///< set by the caller when a 200 body lacks required members
        /// The Location header of a 3xx answer (not followed: BankID never redirects); empty otherwise.
        QByteArray redirectLocation;
    };

    RpError() = default;

    /// THE mapping: status, body, network error, TLS errors and TLS progress to one RpError.
    static RpError fromExchange(const Outcome &outcome);
    /// A request refused locally; never sent. `message` is the validator's sentence.
    static RpError validation(const QString &field, const QString &rule, const QString &message);
    /// An unusable RpConfig; `message` names the field.
    static RpError configuration(const QString &message);
    /// Aborted by us before any exchange happened.
    static RpError cancelled(const QString &endpoint);

    Kind kind() const { return m_kind; }
    bool isError() const { return m_kind != Kind::None; }
    int httpStatus() const { return m_httpStatus; }
    /// BankID's errorCode, or the one implied by the HTTP status when the body had none (405, proxies).
    QString errorCode() const { return m_errorCode; }
    /// BankID's details text: for logs only, never shown to the person (api digest §10).
    QString details() const { return m_details; }
    QString field() const { return m_field; }
    QString rule() const { return m_rule; }
    QNetworkReply::NetworkError networkError() const { return m_networkError; }
    QList<QSslError> sslErrors() const { return m_sslErrors; }
    ServerCertificateProblem serverCertificateProblem() const { return m_certificateProblem; }
    QString endpoint() const { return m_endpoint; }

    /// Whether an automatic, silent, bounded retry (with backoff) of an idempotent request (/collect,
    /// /cancel) is appropriate: HTTP 503 and 429 (BankID's maintenance and tooManyRequests, or a load
    /// balancer's page: the status decides), 502 and 504 (a gateway between us and BankID), Connection and
    /// Timeout. NOT 500 internalError nor 408 requestTimeout (api digest §3: "no automatic retry"), nor
    /// anything TLS or RP-internal. An order-creating request asks requestNeverProcessed() as well.
    bool retriable() const;

    /// True only when it is certain that the server did not act on the request, so that re-sending an
    /// order-creating request (/auth, /sign, ...) cannot create a second order: no TLS connection was
    /// established for it (refused, host not found, handshake failed or timed out, so nothing was
    /// written), or the server answered HTTP 503 or 429 (no order is made then). False after a timeout,
    /// a reset or close once the request was written, a partial answer, and any other status.
    bool requestNeverProcessed() const;

    /// The user message per api digest §3/§4: alreadyInProgress -> RFA4; requestTimeout, internalError,
    /// maintenance, tooManyRequests and a gateway's 502/504 -> RFA5; Timeout and Connection -> RFA5 (a transient fault: "try
    /// again" is the honest advice); RP-internal (invalidParameters, unauthorized, notFound,
    /// methodNotAllowed, unsupportedMediaType, Validation, Configuration, TLS, InvalidResponse) and
    /// unknown errorCodes -> RFA22; Cancelled -> RFA6; None -> Rfa::None.
    Rfa rfa() const;

    /// A specific sentence for logs and a details pane; names the TLS side ("the BankID server's
    /// certificate is not trusted: ..." vs "the server rejected our client certificate ...").
    QString technicalMessage() const;

    /// "api", "timeout", ...: stable names for logs and scripts.
    static QString kindName(Kind kind);

private:
    Kind m_kind = Kind::None;
    QString m_endpoint;
    int m_httpStatus = 0;
    QString m_errorCode;
    bool m_errorCodeInferred = false;
    QString m_details;
    QString m_field;
    QString m_rule;
    QString m_message;
    QNetworkReply::NetworkError m_networkError = QNetworkReply::NoError;
    TlsProgress m_tls = TlsProgress::NotEstablished;
    bool m_requestWritten = false;
    QList<QSslError> m_sslErrors;
    ServerCertificateProblem m_certificateProblem = ServerCertificateProblem::None;
};

} // namespace bankid

Q_DECLARE_METATYPE(bankid::RpError)
