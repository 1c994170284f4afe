#pragma once

#include "ApiTypes.h"
#include "IdCardVerification.h"
#include "RpConfig.h"
#include "RpError.h"

#include <QBasicTimer>
#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace bankid {

class OneShotUploadDevice;
class TcpReceiveCounter;

/// One exchange with the BankID RP API (an order, a collect or a cancel) or with its Verify API v1 (a digital
/// ID card verification), created by RpClient.
///
/// Contract:
/// - finished() is emitted exactly once, always asynchronously (never from inside RpClient::start() etc.),
///   also for a request refused locally (Validation/Configuration) and for abort().
/// - Results (ok(), error(), orderResponse(), ...) are valid from finished() on.
/// - By default the call deletes itself (deleteLater()) right after finished(), like KJob: read what you
///   need in the slot, or setAutoDelete(false) and delete it yourself. The QNetworkReply is a child of the
///   call and is deleteLater()'d when it finishes, so no reply outlives its exchange (qt-platform-notes:
///   undeleted replies leak ~14 KB each).
/// - Three guards end an exchange the server drags out: QNAM's transfer timeout (inactivity), the total
///   request deadline (RpConfig::requestDeadlineMs, however slowly bytes drip) and the size cap: an
///   answer announced or received above RpConfig::MaxResponseBytes is aborted (the reply's read buffer is
///   bounded to the cap, so QNAM stops reading from the socket instead of buffering the rest).
/// - Every outcome goes through RpError::fromExchange(), the one error mapping.
/// - An ambiguous 200 answer is refused (RpError::Kind::InvalidResponse naming the member): one whose JSON
///   repeats a member name in any object (JsonDuplicateKeys), since QJsonDocument would silently keep one of
///   the two values. Invalid UTF-8 is refused by QJsonDocument itself ("invalid UTF8 string").
/// - A redirect (3xx) is never followed: InvalidResponse naming the status and the Location.
/// - Response heads: QNAM reads a head into memory without limit until it ends, invisibly to the reply.
///   While the head is awaited, RpCall polls the bytes the connection received (TcpReceiveCounter, Linux)
///   and aborts once more than MaxHeadWaitBytes arrived: InvalidResponse. A head that does end but breaks
///   Qt 6.4's own header limits (e.g. one 1 MB header) stalls without an error: the transfer timeout ends it.
/// - Its parent is the RpClient, so a call may outlive whoever started it (fire-and-forget /cancel).
///
/// \code
///   bankid::RpCall *call = client->collect(orderRef);
///   connect(call, &bankid::RpCall::finished, this, [this, call] {
///       if (call->ok())
///           onCollect(call->collectResponse());
///       else
///           onError(call->error());
///   });
/// \endcode
class RpCall : public QObject
{
    Q_OBJECT

public:
    /// Which kind of exchange this is; decides how the 200 body is parsed.
    enum class Endpoint {
        Order,   ///< /auth, /sign, /payment, /phone/auth, /phone/sign -> OrderResponse
        Collect, ///< /collect -> CollectResponse
        Cancel,  ///< /cancel -> {}
        IdCardVerify, ///< Verify API v1 /verify -> IdCardVerification (RpConfig::effectiveIdCardBaseUrl())
    };
    Q_ENUM(Endpoint)

    /// The most bytes that may arrive before the head of the answer is complete: the size cap plus room for
    /// a head and TLS framing (a whole small answer may arrive before its head is seen here).
    static constexpr qint64 MaxHeadWaitBytes = RpConfig::MaxResponseBytes + 64 * 1024;
    /// How often the received bytes are looked at while the head is awaited.
    static constexpr int HeadGuardIntervalMs = 20;

    ~RpCall() override;

    Endpoint endpoint() const { return m_endpoint; }
    /// The path below the base URL ("auth", "collect", "phone/sign", ...).
    QString path() const { return m_path; }
    /// The order flow (meaningful for Endpoint::Order).
    Flow flow() const { return m_flow; }
    /// The orderRef a collect/cancel is about (empty for orders).
    QString orderRef() const { return m_orderRef; }

    bool isFinished() const { return m_finished; }
    /// True once finished without error.
    bool ok() const { return m_finished && !m_error.isError(); }
    const RpError &error() const { return m_error; }
    /// The parsed order response; empty unless ok() on an Endpoint::Order call.
    const OrderResponse &orderResponse() const { return m_orderResponse; }
    /// The parsed collect response; empty unless ok() on an Endpoint::Collect call.
    const CollectResponse &collectResponse() const { return m_collectResponse; }
    /// The parsed ID card verification; empty unless ok() on an Endpoint::IdCardVerify call.
    const IdCardVerification &idCardVerification() const { return m_idCardVerification; }
    /// The HTTP status, 0 when no HTTP response arrived.
    int httpStatus() const { return m_httpStatus; }
    /// Milliseconds from sending to finishing.
    qint64 durationMs() const { return m_duration; }

    bool autoDelete() const { return m_autoDelete; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

    /// Aborts the exchange; finished() follows (asynchronously) with RpError::Kind::Cancelled. No-op once
    /// finished.
    void abort();

signals:
    /// The exchange is over, successfully or not. Emitted exactly once.
    void finished();

private:
    friend class RpClient;

    RpCall(Endpoint endpoint, Flow flow, const QString &path, const QString &orderRef, QObject *parent);

    /// Posts `body` through `nam`; the request is fully prepared by RpClient. Order, cancel and ID card
    /// requests go through a OneShotUploadDevice so that QNAM can never send them twice on its own.
    void send(QNetworkAccessManager *nam, const QNetworkRequest &request, const QByteArray &body,
              int transferTimeoutMs, int requestDeadlineMs, const QString &logSummary);
    /// Finishes with `error` on the next event loop turn, without sending anything.
    void failLater(const RpError &error);
    void onReplyFinished();
    /// Aborts the reply once its announced or buffered size passes RpConfig::MaxResponseBytes.
    void checkResponseSize();
    /// The request is out: from now until the head arrives, watch what the connection receives.
    void startHeadGuard();
    /// Aborts the reply once more than MaxHeadWaitBytes arrived without a complete head.
    void checkHeadWait();
    /// Parses a 200 body, maps the outcome (RpError::fromExchange) and schedules finished().
    void finishExchange(RpError::Outcome outcome);
    void finishWith(const RpError &error);
    void timerEvent(QTimerEvent *event) override;

    Endpoint m_endpoint;
    Flow m_flow;
    QString m_path;
    QString m_orderRef;
    QString m_logSummary;
    QPointer<QNetworkReply> m_reply; // QPointer: the reply is a child and may already be gone in ~RpCall
    QPointer<OneShotUploadDevice> m_uploadDevice; // order and cancel bodies; a child of m_reply
    QBasicTimer m_deadlineTimer;     // the total request deadline
    QBasicTimer m_headGuardTimer;    // polls m_headCounter until the head arrived
    std::unique_ptr<TcpReceiveCounter> m_headCounter;
    qint64 m_headWaitBytes = 0;      // > 0 once the head guard aborted the reply
    bool m_headReceived = false;     // metaDataChanged: the head of the answer is complete
    QElapsedTimer m_timer;
    int m_transferTimeoutMs = 0;
    int m_requestDeadlineMs = 0;
    qint64 m_tooLargeBytes = 0;      // > 0 once the size cap aborted the reply
    bool m_newConnection = false;
    bool m_encrypted = false;
    bool m_abortedByCaller = false;
    bool m_deadlineExceeded = false;
    QList<QSslError> m_sslErrors;

    bool m_finished = false;
    bool m_finishScheduled = false;
    bool m_autoDelete = true;
    RpError m_error;
    OrderResponse m_orderResponse;
    CollectResponse m_collectResponse;
    IdCardVerification m_idCardVerification;
    int m_httpStatus = 0;
    qint64 m_duration = 0;
};

} // namespace bankid
