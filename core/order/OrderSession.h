#pragma once

#include "ApiTypes.h"
#include "MonotonicClock.h"
#include "OrderFailure.h"
#include "Rfa.h"
#include "StartMethod.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <optional>

namespace bankid {

class CancelJob;
class RpCall;
class RpClient;
class RpError;

/// Drives one BankID order from request to outcome: sends the order, polls /collect, animates the QR
/// code, restarts on startFailed when asked, retries transient errors silently, enforces a deadline and
/// cancels the order when told to or when destroyed while it is live.
///
/// Contract:
/// - State changes only through one private setState(), which logs "old -> new" (category
///   "bankid.order") and emits stateChanged() only on a change.
/// - At most one /auth|/collect request is in flight; the first collect goes out as soon as the order
///   response arrives, the next ones every pollIntervalMs measured from the previous send (so a slow
///   answer never causes two collects in flight, nor a burst).
/// - qrContentChanged() fires when the order response arrives (qrTime 0) and then on each new whole second
///   of the injected clock (origin: the order response's arrival) while no collect has answered yet or
///   the hint is outstandingTransaction; only for StartMethod::QrCode.
/// - qrStartSecret never leaves the session (not emitted, not logged).
/// - Timers (poll interval, deadline, retry backoff) run on real time (QTimer); the injected clock gives
///   QR seconds, the start window and elapsedMs(), so tests can step QR time by hand.
/// - An abandoned order is always cancelled at BankID: cancel(), the deadline, a failed collect and the
///   destructor in every live state send /cancel through a CancelJob that belongs to the RpClient (so it
///   outlives the session); an order request still in flight is cancelled once its orderRef arrives.
/// - An order request (/auth, /sign, ...) is re-sent only when BankID certainly never acted on it
///   (RpError::requestNeverProcessed()); otherwise the session fails with OrderFailure::orderStateUnknown.
/// - Each order, also one made by an auto-restart, gets the whole Options::deadlineMs.
/// - A completion with risk "high" is a failure (OrderFailure::Kind::RiskBlocked), never completed().
/// - The client is held by QPointer: a deleted client fails the session, never crashes it.
///
/// \code
///   bankid::OrderSession session(&client, &clock);
///   connect(&session, &bankid::OrderSession::qrContentChanged, qrWidget, &QrWidget::setPayload);
///   connect(&session, &bankid::OrderSession::completed, this, &Desk::onCompleted);
///   connect(&session, &bankid::OrderSession::failed, this, &Desk::onFailed);
///   session.start(request, {.startMethod = bankid::StartMethod::QrCode, .maxAutoRestarts = 2});
/// \endcode
class OrderSession : public QObject
{
    Q_OBJECT

public:
    /// The session's lifecycle.
    enum class State {
        Idle,       ///< nothing started yet
        Starting,   ///< the order request (/auth, /sign, ...) is on its way, or being retried/restarted
        Pending,    ///< BankID accepted the order; /collect is polled
        Cancelling, ///< cancel() was called; /cancel is on its way (or the order response is awaited)
        Complete,   ///< collect answered "complete"; completed() was emitted (terminal)
        Failed,     ///< a failed hint, an error or the deadline ended it; failed() was emitted (terminal)
        Cancelled,  ///< cancelled by us (terminal)
    };
    Q_ENUM(State)

    /// Per-order behaviour.
    struct Options
    {
        StartMethod startMethod = StartMethod::QrCode;
        /// Collect interval; BankID's 2 s (api digest §7) is also the floor: clamped to >= MinPollIntervalMs.
        int pollIntervalMs = 2000;
        /// Overall deadline from start() to an outcome, restarts included; BankID's own is ~3 min.
        int deadlineMs = 200000;
        /// New orders after a startFailed (QR not scanned / app not started in time); QrCode and
        /// SameDevice only. 0 = show the failure at once.
        int maxAutoRestarts = 0;
        /// Silent retries of retriable errors (503, 429, network, timeout) per request, with backoff.
        int maxTransientRetries = 3;
    };

    /// The floor for Options::pollIntervalMs: BankID's guideline is one collect every 2 s, and its own
    /// backend throttles to one per >= 2 s (api digest §7).
    static constexpr int MinPollIntervalMs = 2000;
    /// How long a QR code / autostart token can be picked up before startFailed (~30 s, UNCONFIRMED).
    static constexpr int StartWindowMs = 30000;

    OrderSession(RpClient *client, const MonotonicClock *clock, QObject *parent = nullptr);
    /// A live session cancels its order at BankID (see the class contract).
    ~OrderSession() override;

    /// Starts a new order. Ignored (with a warning) while Starting, Pending or Cancelling; allowed again
    /// from any terminal state.
    void start(const OrderRequest &request, const Options &options);
    /// Cancels the order: sends /cancel if BankID gave an orderRef; ends in Cancelled. No-op when idle or
    /// finished.
    void cancel();

    State state() const { return m_state; }
    /// True while Starting, Pending or Cancelling.
    bool isActive() const;
    const Options &options() const { return m_options; }
    QString orderRef() const { return m_order.orderRef; }
    QString autoStartToken() const { return m_order.autoStartToken; }
    /// The desktop autostart URL for the current order (empty without an autoStartToken).
    QUrl launchUrl() const;
    /// The last pending hintCode (or the failed one).
    QString hintCode() const { return m_hint; }
    int restartCount() const { return m_restartCount; }
    /// Milliseconds left of the ~30 s window to scan the QR / start the app; 0 when not Pending.
    qint64 startWindowRemainingMs() const;
    /// Milliseconds since start(), by the injected clock.
    qint64 elapsedMs() const;
    /// The completion data once Complete.
    const std::optional<CompletionData> &completion() const { return m_completion; }
    /// The final /collect response exactly as parsed from the wire (orderRef, status "complete",
    /// completionData with every member, unknown ones included) once Complete; empty before. Receipts keep it.
    const QJsonObject &completedCollectResponse() const { return m_completedCollectResponse; }
    /// The failure once Failed.
    const std::optional<OrderFailure> &failure() const { return m_failure; }
    /// Once Cancelled: whether BankID confirmed the cancel (see CancelJob); false when no order existed.
    bool cancelConfirmed() const { return m_cancelConfirmed; }

    /// "idle", "starting", ...: for logs.
    static QString stateName(State state);

signals:
    void stateChanged(bankid::OrderSession::State state);
    /// A new pending hintCode arrived, with the RFA message to show for it and the start method.
    void hintChanged(const QString &hintCode, bankid::Rfa rfa);
    /// The animated QR payload for the current second.
    void qrContentChanged(const QString &content);
    void completed(const bankid::CompletionData &completion);
    void failed(const bankid::OrderFailure &failure);
    /// A new order replaced one that failed with startFailed; restartCount counts from 1.
    void restarted(int restartCount);

private:
    void setState(State state);
    void sendOrder();
    void sendCollect();
    void sendCancel();
    void onOrderFinished(RpCall *call);
    /// Fails after an order request that must not be re-sent; marks orderStateUnknown where it may have
    /// reached BankID.
    void failOrderRequest(const RpError &error);
    /// False (and a deferred failure) when the client was deleted under the session.
    bool clientAvailable();
    void onClientDestroyed();
    void onCollectFinished(RpCall *call);
    void onNextRequestTimer();
    void onDeadline();
    /// Retries `error` silently if allowed, else fails. Returns true if a retry was scheduled.
    bool retryOrFail(const RpError &error);
    void scheduleNextCollect(int minimumDelayMs);
    void updateQr();
    void fail(const OrderFailure &failure);
    void stopTimers();
    /// Detaches and aborts the in-flight order/collect call, if any.
    void dropCurrentCall();
    /// /cancel that nobody waits for (the CancelJob belongs to the client).
    void cancelInBackground();

    QPointer<RpClient> m_client; // QPointer: a session may outlive the client it was given
    const MonotonicClock *m_clock;
    OrderRequest m_request;
    Options m_options;
    State m_state = State::Idle;
    OrderResponse m_order;
    QString m_hint;
    bool m_hintSeen = false; // a pending hint (possibly empty) was reported for this order
    bool m_collectAnswered = false;
    bool m_cancelConfirmed = false;
    int m_restartCount = 0;
    int m_transientRetries = 0;
    qint64 m_startedAtMs = 0;
    qint64 m_orderReceivedAtMs = 0;
    qint64 m_lastQrSecond = -1;
    qint64 m_lastCollectSentAt = 0;
    QElapsedTimer m_realTime;
    QPointer<RpCall> m_currentCall;
    QPointer<CancelJob> m_cancelJob;
    QTimer m_nextRequestTimer;
    QTimer m_deadlineTimer;
    QTimer m_qrTimer;
    std::optional<CompletionData> m_completion;
    QJsonObject m_completedCollectResponse;
    std::optional<OrderFailure> m_failure;
};

} // namespace bankid

Q_DECLARE_METATYPE(bankid::OrderSession::State)
