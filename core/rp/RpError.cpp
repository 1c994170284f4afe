#include "RpError.h"

#include "JsonDuplicateKeys.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace bankid {

namespace {

/// The errorCode BankID documents for an HTTP status (api digest §3), used when the body has none.
QString errorCodeForStatus(int status)
{
    switch (status) {
    case 400: return QStringLiteral("invalidParameters");
    case 401:
    case 403: return QStringLiteral("unauthorized");
    case 404: return QStringLiteral("notFound");
    case 405: return QStringLiteral("methodNotAllowed");
    case 408: return QStringLiteral("requestTimeout");
    case 415: return QStringLiteral("unsupportedMediaType");
    case 429: return QStringLiteral("tooManyRequests");
    case 500: return QStringLiteral("internalError");
    case 503: return QStringLiteral("maintenance");
    default: return {};
    }
}

/// A printable, bounded excerpt of a body for messages (an HTML error page can be large).
QString excerpt(const QByteArray &body)
{
    constexpr qsizetype limit = 120;
    QString text = QString::fromUtf8(body.left(limit)).simplified();
    if (body.size() > limit)
        text += QStringLiteral("...");
    return text.isEmpty() ? QStringLiteral("(empty body)") : QLatin1Char('"') + text + QLatin1Char('"');
}

RpError::ServerCertificateProblem classify(const QList<QSslError> &errors)
{
    using P = RpError::ServerCertificateProblem;
    P problem = P::None;
    auto raise = [&problem](P candidate) {
        // Most fundamental first: an untrusted issuer outranks dates, dates outrank the host name.
        static constexpr P order[] = {P::Other, P::HostnameMismatch, P::NotYetValid, P::Expired, P::UntrustedIssuer};
        auto rank = [](P p) {
            for (int i = 0; i < 5; ++i) {
                if (order[i] == p)
                    return i;
            }
            return -1;
        };
        if (rank(candidate) > rank(problem))
            problem = candidate;
    };
    for (const QSslError &error : errors) {
        switch (error.error()) {
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::CertificateUntrusted:
        case QSslError::InvalidCaCertificate: raise(P::UntrustedIssuer); break;
        case QSslError::CertificateExpired: raise(P::Expired); break;
        case QSslError::CertificateNotYetValid: raise(P::NotYetValid); break;
        case QSslError::HostNameMismatch: raise(P::HostnameMismatch); break;
        default: raise(P::Other); break;
        }
    }
    return problem;
}

/// True when OpenSSL's text carries a TLS alert by which the server refused our client certificate (or
/// its absence). TLS 1.2 servers send it during the handshake (SslHandshakeFailedError); TLS 1.3 servers
/// verify the client certificate after the client considers the handshake complete, so the alert arrives
/// on the first read ("Error while reading: ...", SslInternalError / UnknownNetworkError). The text
/// decides, whatever the error code. "handshake failure" is what OpenSSL sends under TLS 1.2 for a
/// missing certificate; the same alert for "no shared cipher" is not distinguishable from the client side.
bool isClientCertificateAlert(const QString &errorString)
{
    static const QLatin1String alerts[] = {
        QLatin1String("alert bad certificate"),      QLatin1String("alert certificate unknown"),
        QLatin1String("alert handshake failure"),    QLatin1String("alert certificate required"),
        QLatin1String("alert unknown ca"),           QLatin1String("alert certificate expired"),
        QLatin1String("alert certificate revoked"),  QLatin1String("alert access denied"),
        QLatin1String("alert unsupported certificate"),
    };
    for (const QLatin1String &alert : alerts) {
        if (errorString.contains(alert, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

/// True when OpenSSL's text says the two sides have no TLS protocol version in common: the server's
/// "protocol version" alert, or our own refusal of the version the server chose.
bool isProtocolVersionMismatch(const QString &errorString)
{
    static const QLatin1String texts[] = {
        QLatin1String("alert protocol version"), QLatin1String("unsupported protocol"),
        QLatin1String("wrong version number"),   QLatin1String("no protocols available"),
        QLatin1String("version too low"),
    };
    for (const QLatin1String &text : texts) {
        if (errorString.contains(text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

/// A failure of the TLS layer without a more specific reading: the handshake failed, or a read or write
/// failed with an OpenSSL error (QNAM reports those as UnknownNetworkError with OpenSSL's text).
bool isOtherTlsFailure(const RpError::Outcome &outcome)
{
    return outcome.networkError == QNetworkReply::SslHandshakeFailedError
           || (outcome.networkError == QNetworkReply::UnknownNetworkError
               && outcome.networkErrorString.contains(QLatin1String("SSL routines")));
}

/// The sentence for a connection the server closed before any HTTP answer, by how far TLS had got.
QString closedBeforeAnswer(const RpError::Outcome &outcome)
{
    const QString cause = outcome.networkErrorString.isEmpty() ? QStringLiteral("no error text")
                                                               : outcome.networkErrorString;
    // A server that refuses a client certificate without a TLS alert (e.g. Qt's QSslServer in its default
    // configuration) closes during the TLS 1.2 handshake or right after the TLS 1.3 one: the close alone
    // cannot prove it, so it stays a Connection failure, with the hint for the operator.
    const QString hint = QStringLiteral("; a server that rejects the client certificate without sending a TLS "
                                        "alert does the same, so if this persists check the RP certificate");
    switch (outcome.tls) {
    case RpError::TlsProgress::Reused:
        return QStringLiteral("the server closed the kept-alive connection before answering (%1)").arg(cause);
    case RpError::TlsProgress::EstablishedForThisRequest:
        if (outcome.serverAnsweredBefore)
            return QStringLiteral("the server closed the connection before answering (%1)").arg(cause);
        return QStringLiteral("the server closed the connection right after the TLS handshake without answering (%1)")
                   .arg(cause)
               + hint;
    case RpError::TlsProgress::NotEstablished: break;
    }
    return QStringLiteral("the server closed the connection during the TLS handshake without a TLS alert (%1)")
               .arg(cause)
           + hint;
}

} // namespace

RpError RpError::fromExchange(const Outcome &outcome)
{
    RpError error;
    error.m_endpoint = outcome.endpoint;
    error.m_httpStatus = outcome.httpStatus;
    error.m_networkError = outcome.networkError;
    error.m_sslErrors = outcome.sslErrors;
    error.m_message = outcome.networkErrorString;

    error.m_tls = outcome.tls;
    error.m_requestWritten = outcome.requestWritten || outcome.tls != TlsProgress::NotEstablished;

    // 1. Our own abort wins over everything that abort() causes.
    if (outcome.abortedByCaller) {
        error.m_kind = Kind::Cancelled;
        return error;
    }
    // 1b. RpCall's own guards abort the reply; say which one fired.
    if (outcome.responseTooLarge) {
        error.m_kind = Kind::InvalidResponse;
        error.m_message = QStringLiteral("the answer is larger than the limit of %1 bytes (%2 bytes announced or "
                                         "received); it was aborted unread")
                              .arg(outcome.responseLimitBytes)
                              .arg(outcome.responseBytes);
        return error;
    }
    if (outcome.responseHeadTooLarge) {
        error.m_kind = Kind::InvalidResponse;
        error.m_message = QStringLiteral("the server sent %1 bytes without finishing the head of its answer (the "
                                         "limit is %2 bytes); it was aborted")
                              .arg(outcome.headWaitBytes)
                              .arg(outcome.headWaitLimitBytes);
        return error;
    }
    if (outcome.deadlineExceeded) {
        error.m_kind = Kind::Timeout;
        error.m_message = QStringLiteral("no complete answer within the request deadline of %1 ms")
                              .arg(outcome.requestDeadlineMs);
        return error;
    }
    // 2. QNAM implements setTransferTimeout() by aborting: OperationCanceledError we did not ask for. Its
    // timer is an inactivity timer: it restarts whenever bytes move, so a dripping server is caught by the
    // request deadline above instead.
    if (outcome.networkError == QNetworkReply::OperationCanceledError
        || outcome.networkError == QNetworkReply::TimeoutError) {
        error.m_kind = Kind::Timeout;
        error.m_message = QStringLiteral("nothing arrived from the server for %1 ms (the transfer timeout)")
                              .arg(outcome.transferTimeoutMs);
        return error;
    }
    // 2b. Bytes that are not valid HTTP (a broken proxy or server): the answer itself is unusable.
    if (outcome.networkError == QNetworkReply::ProtocolFailure) {
        error.m_kind = Kind::InvalidResponse;
        return error; // m_message is the parser's / QNAM's sentence naming what was wrong
    }
    // 3. A complete HTTP 200: must be a JSON object with the endpoint's required members.
    if (outcome.httpStatus == 200 && outcome.networkError == QNetworkReply::NoError) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(outcome.body, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            error.m_kind = Kind::InvalidResponse;
            error.m_message = QStringLiteral("the body is not JSON (%1 at offset %2): %3")
                                  .arg(parseError.errorString())
                                  .arg(parseError.offset)
                                  .arg(excerpt(outcome.body));
        } else if (!document.isObject()) {
            error.m_kind = Kind::InvalidResponse;
            error.m_message = QStringLiteral("the body is JSON but not an object: %1").arg(excerpt(outcome.body));
        } else if (!outcome.schemaError.isEmpty()) {
            error.m_kind = Kind::InvalidResponse;
            error.m_message = outcome.schemaError;
        } else {
            error.m_kind = Kind::None;
            error.m_message.clear();
        }
        return error;
    }
    // 4. An HTTP error status: BankID's {"errorCode","details"}, or whatever a proxy sent.
    // A non-empty body that is not a JSON object (a proxy's or load balancer's HTML page) is a "non-JSON
    // body": BankID itself always answers errors with {"errorCode","details"} (or nothing, e.g. on 405).
    if (outcome.httpStatus >= 400) {
        // The status decides (retries included): a load balancer's HTML 503 is still "maintenance", a
        // gateway's 502/504 still a gateway error. A body that is not BankID's JSON goes into details.
        error.m_kind = Kind::Api;
        const QJsonDocument document = QJsonDocument::fromJson(outcome.body);
        // An error body naming two errorCodes could steer the retry decision either way: it is not read as
        // BankID's, so the status decides (as for a proxy's page).
        const std::optional<QString> repeated = document.isObject() ? JsonDuplicateKeys::firstDuplicate(outcome.body)
                                                                    : std::nullopt;
        if (repeated) {
            error.m_details = QStringLiteral("the body is not BankID's JSON: it has the member '%1' more than once")
                                  .arg(repeated->left(64));
        } else if (document.isObject()) {
            const QJsonObject body = document.object();
            error.m_errorCode = body.value(QLatin1String("errorCode")).toString();
            error.m_details = body.value(QLatin1String("details")).toString();
        } else if (!outcome.body.trimmed().isEmpty()) {
            error.m_details = QStringLiteral("the body is not BankID's JSON: %1").arg(excerpt(outcome.body));
        }
        if (error.m_errorCode.isEmpty()) {
            error.m_errorCode = errorCodeForStatus(outcome.httpStatus);
            error.m_errorCodeInferred = true;
        }
        return error;
    }
    if (outcome.httpStatus > 0) {
        // 1xx/2xx other than 200, 3xx, or a 200 cut short by the connection.
        if (outcome.httpStatus >= 300 && outcome.httpStatus < 400) {
            // BankID answers every request itself: a redirect comes from something else (a captive portal,
            // a misconfigured proxy, an attacker). It is never followed: the client certificate and the
            // order must not go to another host. The status decides whatever QNAM reports alongside (for a
            // 307/308 to a one-shot order body, an "Unknown error" because it cannot re-send the body).
            error.m_kind = Kind::InvalidResponse;
            error.m_message = QStringLiteral("the server answered HTTP %1, a redirect to %2; BankID never redirects, so "
                                             "it was not followed")
                                  .arg(outcome.httpStatus)
                                  .arg(outcome.redirectLocation.isEmpty() ? QStringLiteral("(no Location)")
                                                                          : excerpt(outcome.redirectLocation));
        } else if (outcome.networkError != QNetworkReply::NoError) {
            error.m_kind = Kind::Connection;
            error.m_message = QStringLiteral("the connection failed before the whole answer arrived (%1)")
                                  .arg(outcome.networkErrorString);
        } else {
            error.m_kind = Kind::InvalidResponse;
            error.m_message = QStringLiteral("unexpected HTTP status %1").arg(outcome.httpStatus);
        }
        return error;
    }
    // 5. No HTTP response at all: transport and TLS. OpenSSL's text decides before the error code, because
    // the same alert surfaces as SslHandshakeFailedError (TLS 1.2) or as a read error (TLS 1.3).
    if (!outcome.sslErrors.isEmpty()) {
        error.m_kind = Kind::ServerCertificateUntrusted;
        error.m_certificateProblem = classify(outcome.sslErrors);
        return error;
    }
    if (isClientCertificateAlert(outcome.networkErrorString)) {
        error.m_kind = Kind::ClientCertificateRejected;
        return error;
    }
    if (isProtocolVersionMismatch(outcome.networkErrorString)) {
        error.m_kind = Kind::Tls;
        error.m_message = QStringLiteral("the server and this client have no TLS protocol version in common (this "
                                         "client requires TLS 1.2 or later): %1")
                              .arg(outcome.networkErrorString);
        return error;
    }
    switch (outcome.networkError) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::ContentReSendError: // a one-shot order body that QNAM would have re-sent after a close
        error.m_kind = Kind::Connection;
        error.m_message = closedBeforeAnswer(outcome);
        return error;
    case QNetworkReply::NoError:
        error.m_kind = Kind::InvalidResponse;
        error.m_message = QStringLiteral("no HTTP status in the answer");
        return error;
    default:
        error.m_kind = isOtherTlsFailure(outcome) ? Kind::Tls : Kind::Connection;
        return error;
    }
}

RpError RpError::validation(const QString &field, const QString &rule, const QString &message)
{
    RpError error;
    error.m_kind = Kind::Validation;
    error.m_field = field;
    error.m_rule = rule;
    error.m_message = message;
    return error;
}

RpError RpError::configuration(const QString &message)
{
    RpError error;
    error.m_kind = Kind::Configuration;
    error.m_message = message;
    return error;
}

RpError RpError::cancelled(const QString &endpoint)
{
    RpError error;
    error.m_kind = Kind::Cancelled;
    error.m_endpoint = endpoint;
    return error;
}

bool RpError::retriable() const
{
    switch (m_kind) {
    case Kind::Connection:
    case Kind::Timeout: return true;
    case Kind::Api:
        if (m_httpStatus == 429 || m_httpStatus == 502 || m_httpStatus == 503 || m_httpStatus == 504)
            return true;
        return m_errorCode == QLatin1String("maintenance") || m_errorCode == QLatin1String("tooManyRequests");
    default: return false;
    }
}

bool RpError::requestNeverProcessed() const
{
    if (m_httpStatus == 503 || m_httpStatus == 429)
        return true; // the server answered that it did not take the request
    if (m_httpStatus != 0 || m_kind == Kind::Cancelled)
        return false;
    // No answer at all: certain only when nothing of the request was written - no TLS connection was
    // established for it (the request is written after the handshake) and, for a body QNAM reads from a
    // OneShotUploadDevice, not a byte of it was read (so a failed reconnect after a close cannot pass for
    // "never sent"). Validation and Configuration never sent anything.
    switch (m_kind) {
    case Kind::Validation:
    case Kind::Configuration: return true;
    case Kind::Connection:
    case Kind::Timeout:
    case Kind::ServerCertificateUntrusted:
    case Kind::ClientCertificateRejected:
    case Kind::Tls: return !m_requestWritten;
    default: return false;
    }
}

Rfa RpError::rfa() const
{
    switch (m_kind) {
    case Kind::None: return Rfa::None;
    case Kind::Cancelled: return Rfa::Rfa6;
    case Kind::Timeout:
    case Kind::Connection: return Rfa::Rfa5;
    case Kind::Api:
        if (m_errorCode == QLatin1String("alreadyInProgress"))
            return Rfa::Rfa4;
        if (m_httpStatus == 502 || m_httpStatus == 504)
            return Rfa::Rfa5; // a gateway on the way failed: "try again" is the honest advice
        if (m_errorCode == QLatin1String("requestTimeout") || m_errorCode == QLatin1String("internalError")
            || m_errorCode == QLatin1String("maintenance") || m_errorCode == QLatin1String("tooManyRequests"))
            return Rfa::Rfa5;
        return Rfa::Rfa22; // RP-internal codes and unknown codes alike
    case Kind::Validation:
    case Kind::Configuration:
    case Kind::InvalidResponse:
    case Kind::ServerCertificateUntrusted:
    case Kind::ClientCertificateRejected:
    case Kind::Tls: return Rfa::Rfa22;
    }
    return Rfa::Rfa22;
}

QString RpError::technicalMessage() const
{
    const QString where = m_endpoint.isEmpty() ? QString() : QStringLiteral("/%1: ").arg(m_endpoint);
    switch (m_kind) {
    case Kind::None: return {};
    case Kind::Validation:
        return where + QStringLiteral("request refused before sending: %1 (field %2, rule %3)").arg(m_message, m_field, m_rule);
    case Kind::Configuration: return where + QStringLiteral("unusable configuration: %1").arg(m_message);
    case Kind::Api: {
        QString text = where + QStringLiteral("BankID answered HTTP %1 %2").arg(m_httpStatus).arg(
                                   m_errorCode.isEmpty() ? QStringLiteral("(unknown errorCode)") : m_errorCode);
        if (m_errorCodeInferred && !m_errorCode.isEmpty())
            text += QStringLiteral(" (errorCode implied by the status; the body had none)");
        if (!m_details.isEmpty())
            text += QStringLiteral(": ") + m_details;
        return text;
    }
    case Kind::InvalidResponse: return where + QStringLiteral("invalid answer from BankID: %1").arg(m_message);
    case Kind::Timeout: return where + QStringLiteral("timed out: %1").arg(m_message);
    case Kind::Connection:
        if (m_tls == TlsProgress::NotEstablished)
            return where + QStringLiteral("cannot reach the BankID server: %1").arg(m_message);
        return where + QStringLiteral("the connection to the BankID server failed: %1").arg(m_message);
    case Kind::ServerCertificateUntrusted: {
        QString reason;
        switch (m_certificateProblem) {
        case ServerCertificateProblem::UntrustedIssuer:
            reason = QStringLiteral("it is not issued by the pinned BankID root CA (wrong environment or an "
                                    "intercepting proxy?)");
            break;
        case ServerCertificateProblem::Expired: reason = QStringLiteral("it has expired"); break;
        case ServerCertificateProblem::NotYetValid:
            reason = QStringLiteral("it is not yet valid (check this computer's clock)");
            break;
        case ServerCertificateProblem::HostnameMismatch:
            reason = QStringLiteral("it is issued for another host name");
            break;
        case ServerCertificateProblem::Other:
        case ServerCertificateProblem::None: reason = QStringLiteral("verification failed"); break;
        }
        QStringList details;
        for (const QSslError &e : m_sslErrors)
            details << e.errorString();
        return where + QStringLiteral("the BankID server's certificate is not trusted: %1 (%2)")
                           .arg(reason, details.join(QStringLiteral("; ")));
    }
    case Kind::ClientCertificateRejected:
        return where
               + QStringLiteral("the server rejected our client certificate (or required one and got none): it ended "
                                "the TLS connection with an alert (%1). Check that the RP certificate is the one "
                                "BankID issued for this environment and that it has not expired or been revoked")
                     .arg(m_message);
    case Kind::Tls: return where + QStringLiteral("TLS failure talking to the BankID server: %1").arg(m_message);
    case Kind::Cancelled: return where + QStringLiteral("the request was cancelled by the client");
    }
    return {};
}

QString RpError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None: return QStringLiteral("none");
    case Kind::Validation: return QStringLiteral("validation");
    case Kind::Configuration: return QStringLiteral("configuration");
    case Kind::Api: return QStringLiteral("api");
    case Kind::InvalidResponse: return QStringLiteral("invalid-response");
    case Kind::Timeout: return QStringLiteral("timeout");
    case Kind::Connection: return QStringLiteral("connection");
    case Kind::ServerCertificateUntrusted: return QStringLiteral("server-certificate-untrusted");
    case Kind::ClientCertificateRejected: return QStringLiteral("client-certificate-rejected");
    case Kind::Tls: return QStringLiteral("tls");
    case Kind::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

} // namespace bankid
