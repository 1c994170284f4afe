#include "OrderSession.h"

#include "LaunchUrl.h"
#include "QrContent.h"
#include "RpCall.h"
#include "RpClient.h"
#include "UserMessages.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcOrderSession, "bankid.order")

namespace bankid {

namespace {

const QLatin1String OutstandingTransaction("outstandingTransaction");
const QLatin1String StartFailed("startFailed");

/// Backoff before the n-th silent retry (n >= 1): 500 ms, 1 s, 2 s, 4 s, 4 s, ...
int backoffMs(int attempt)
{
    return std::min(500 << std::min(attempt - 1, 3), 4000);
}

} // namespace

OrderSession::OrderSession(RpClient *client, const MonotonicClock *clock, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_clock(clock)
{
    Q_ASSERT(client && clock);
    m_realTime.start();
    for (QTimer *timer : {&m_nextRequestTimer, &m_deadlineTimer, &m_qrTimer}) {
        timer->setSingleShot(true);
        timer->setTimerType(Qt::PreciseTimer);
    }
    connect(&m_nextRequestTimer, &QTimer::timeout, this, &OrderSession::onNextRequestTimer);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &OrderSession::onDeadline);
    connect(&m_qrTimer, &QTimer::timeout, this, &OrderSession::updateQr);
    connect(client, &QObject::destroyed, this, &OrderSession::onClientDestroyed);
}

OrderSession::~OrderSession()
{
    stopTimers();
    if (m_cancelJob)
        m_cancelJob->disconnect(this); // /cancel already under way: it finishes on its own (client's child)
    if (!m_client)
        return;
    switch (m_state) {
    case State::Starting:
    case State::Cancelling:
        if (RpCall *orderCall = m_currentCall) {
            // The order may be created after we are gone: cancel it as soon as its orderRef is known.
            m_currentCall = nullptr;
            orderCall->disconnect(this);
            m_client->cancelOrderWhenCreated(orderCall);
        } else if (m_state == State::Cancelling && !m_cancelJob) {
            cancelInBackground(); // a cancel that was waiting to be sent
        }
        return;
    case State::Pending:
        dropCurrentCall();
        cancelInBackground();
        return;
    case State::Idle:
    case State::Complete:
    case State::Failed:
    case State::Cancelled: return;
    }
}

bool OrderSession::isActive() const
{
    return m_state == State::Starting || m_state == State::Pending || m_state == State::Cancelling;
}

void OrderSession::start(const OrderRequest &request, const Options &options)
{
    if (isActive()) {
        qCWarning(lcOrderSession).noquote() << "start() ignored: the session is" << stateName(m_state)
                                            << "- cancel() it first";
        return;
    }
    m_request = request;
    m_options = options;
    m_options.pollIntervalMs = std::max(options.pollIntervalMs, MinPollIntervalMs);
    m_options.maxAutoRestarts = std::max(options.maxAutoRestarts, 0);
    m_options.maxTransientRetries = std::max(options.maxTransientRetries, 0);
    m_order = {};
    m_hint.clear();
    m_collectAnswered = false;
    m_restartCount = 0;
    m_transientRetries = 0;
    m_cancelConfirmed = false;
    m_completion.reset();
    m_completedCollectResponse = {};
    m_failure.reset();
    m_startedAtMs = m_clock->elapsedMs();
    m_deadlineTimer.start(std::max(options.deadlineMs, 0));
    setState(State::Starting);
    sendOrder();
}

void OrderSession::cancel()
{
    switch (m_state) {
    case State::Idle:
    case State::Cancelling:
    case State::Complete:
    case State::Failed:
    case State::Cancelled: return;
    case State::Starting:
        stopTimers();
        if (m_currentCall) {
            // Let the order response arrive so that the order it created can be cancelled by orderRef.
            setState(State::Cancelling);
        } else {
            setState(State::Cancelled);
        }
        return;
    case State::Pending:
        stopTimers();
        dropCurrentCall();
        setState(State::Cancelling);
        sendCancel();
        return;
    }
}

QUrl OrderSession::launchUrl() const
{
    return m_order.autoStartToken.isEmpty() ? QUrl() : LaunchUrl::autostartUrl(m_order.autoStartToken);
}

qint64 OrderSession::startWindowRemainingMs() const
{
    if (m_state != State::Pending)
        return 0;
    return std::max<qint64>(0, StartWindowMs - (m_clock->elapsedMs() - m_orderReceivedAtMs));
}

qint64 OrderSession::elapsedMs() const
{
    return m_state == State::Idle ? 0 : m_clock->elapsedMs() - m_startedAtMs;
}

QString OrderSession::stateName(State state)
{
    switch (state) {
    case State::Idle: return QStringLiteral("idle");
    case State::Starting: return QStringLiteral("starting");
    case State::Pending: return QStringLiteral("pending");
    case State::Cancelling: return QStringLiteral("cancelling");
    case State::Complete: return QStringLiteral("complete");
    case State::Failed: return QStringLiteral("failed");
    case State::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

void OrderSession::setState(State state)
{
    if (state == m_state)
        return;
    qCInfo(lcOrderSession).noquote() << "order" << (m_order.orderRef.isEmpty() ? QStringLiteral("-") : m_order.orderRef)
                                     << stateName(m_state) << "->" << stateName(state);
    m_state = state;
    emit stateChanged(state);
}

void OrderSession::sendOrder()
{
    m_order = {};
    m_hint.clear();
    m_hintSeen = false;
    m_collectAnswered = false;
    m_lastQrSecond = -1;
    if (!clientAvailable())
        return;
    RpCall *call = m_client->start(m_request);
    m_currentCall = call;
    connect(call, &RpCall::finished, this, [this, call] { onOrderFinished(call); });
}

void OrderSession::sendCollect()
{
    if (m_currentCall || m_state != State::Pending)
        return; // never two collects in flight
    if (!clientAvailable())
        return;
    m_lastCollectSentAt = m_realTime.elapsed();
    RpCall *call = m_client->collect(m_order.orderRef);
    m_currentCall = call;
    connect(call, &RpCall::finished, this, [this, call] { onCollectFinished(call); });
}

void OrderSession::sendCancel()
{
    if (!m_client) {
        qCWarning(lcOrderSession).noquote() << "order" << m_order.orderRef << "cannot be cancelled: its RP client is gone";
        setState(State::Cancelled);
        return;
    }
    CancelJob *job = m_client->cancelOrder(m_order.orderRef);
    m_cancelJob = job;
    connect(job, &CancelJob::finished, this, [this](bool confirmed) {
        m_cancelConfirmed = confirmed;
        setState(State::Cancelled);
    });
}

void OrderSession::onClientDestroyed()
{
    // The client took its calls with it: nothing will answer them. An order at BankID, if any, can no
    // longer be cancelled from here; it ends by itself at BankID's own timeout.
    stopTimers();
    m_currentCall = nullptr;
    switch (m_state) {
    case State::Starting:
    case State::Pending: {
        qCWarning(lcOrderSession).noquote() << "order" << (m_order.orderRef.isEmpty() ? QStringLiteral("-") : m_order.orderRef)
                                            << "lost its RP client";
        OrderFailure failure;
        failure.kind = OrderFailure::Kind::Error;
        failure.error = RpError::configuration(QStringLiteral("the RP client of this session was deleted"));
        failure.rfa = Rfa::Rfa22;
        failure.technicalMessage = failure.error.technicalMessage();
        fail(failure);
        return;
    }
    case State::Cancelling: setState(State::Cancelled); return;
    case State::Idle:
    case State::Complete:
    case State::Failed:
    case State::Cancelled: return;
    }
}

bool OrderSession::clientAvailable()
{
    if (m_client)
        return true;
    OrderFailure failure;
    failure.kind = OrderFailure::Kind::Error;
    failure.error = RpError::configuration(QStringLiteral("the RP client of this session was deleted"));
    failure.rfa = Rfa::Rfa22;
    failure.technicalMessage = failure.error.technicalMessage();
    // Defer: this runs from inside sendOrder()/sendCollect(), whose callers still expect the old state.
    QTimer::singleShot(0, this, [this, failure] {
        if (m_state == State::Starting || m_state == State::Pending)
            fail(failure);
    });
    return false;
}

void OrderSession::onOrderFinished(RpCall *call)
{
    m_currentCall = nullptr;
    if (m_state == State::Cancelling) {
        if (call->ok()) {
            m_order = call->orderResponse();
            sendCancel();
        } else {
            setState(State::Cancelled);
        }
        return;
    }
    if (m_state != State::Starting)
        return;
    if (!call->ok()) {
        const RpError &error = call->error();
        // Re-sending an order request could create a second order for the person: only when BankID
        // certainly never acted on the first (no connection, or 503/429).
        if (error.requestNeverProcessed()) {
            retryOrFail(error);
            return;
        }
        failOrderRequest(error);
        return;
    }
    m_transientRetries = 0;
    m_order = call->orderResponse();
    m_orderReceivedAtMs = m_clock->elapsedMs();
    setState(State::Pending);
    updateQr();
    sendCollect();
}

void OrderSession::failOrderRequest(const RpError &error)
{
    OrderFailure failure;
    failure.kind = OrderFailure::Kind::Error;
    failure.error = error;
    failure.rfa = error.rfa();
    failure.technicalMessage = error.technicalMessage();
    const bool answeredWithoutOrder = error.kind() == RpError::Kind::Api && error.httpStatus() < 500;
    const bool neverSent = error.kind() == RpError::Kind::Validation || error.kind() == RpError::Kind::Configuration
                           || error.kind() == RpError::Kind::Cancelled;
    const bool certificateRefused = error.kind() == RpError::Kind::ServerCertificateUntrusted
                                    || error.kind() == RpError::Kind::ClientCertificateRejected;
    if (!answeredWithoutOrder && !neverSent && !certificateRefused) {
        failure.orderStateUnknown = true;
        failure.rfa = Rfa::Rfa5;
        failure.technicalMessage += QStringLiteral(
            " - the order request may have reached BankID, so it was not sent again; whether BankID created an "
            "order is unknown (if it did, it ends by itself when nobody starts it)");
    }
    fail(failure);
}

void OrderSession::onCollectFinished(RpCall *call)
{
    m_currentCall = nullptr;
    if (m_state != State::Pending)
        return;
    if (!call->ok()) {
        retryOrFail(call->error());
        return;
    }
    m_transientRetries = 0;
    m_collectAnswered = true;
    const CollectResponse &response = call->collectResponse();
    switch (response.status) {
    case CollectStatus::Pending:
        // A pending answer without hintCode is an unknown pending hint (RFA21), reported once.
        if (response.hintCode != m_hint || !m_hintSeen) {
            m_hintSeen = true;
            m_hint = response.hintCode;
            const Rfa rfa = UserMessages::forPending(m_hint, m_options.startMethod);
            qCInfo(lcOrderSession).noquote() << "order" << m_order.orderRef << "hint" << m_hint << rfaId(rfa);
            emit hintChanged(m_hint, rfa);
        }
        updateQr();
        scheduleNextCollect(0);
        return;
    case CollectStatus::Complete:
        stopTimers();
        m_completion = response.completion.value_or(CompletionData{});
        m_completedCollectResponse = response.raw;
        if (m_completion->risk == QLatin1String("high")) {
            // BankID's guideline: treat risk "high" as a failure. The completion stays readable for the
            // record (completion()), but the session does not complete.
            OrderFailure failure;
            failure.kind = OrderFailure::Kind::RiskBlocked;
            failure.rfa = Rfa::Rfa22;
            failure.technicalMessage = QStringLiteral("/collect: order %1 completed with risk \"high\": BankID rates it "
                                                      "as high risk, so it is treated as blocked")
                                           .arg(m_order.orderRef);
            fail(failure);
            return;
        }
        setState(State::Complete);
        emit completed(*m_completion);
        return;
    case CollectStatus::Failed: {
        m_hint = response.hintCode;
        const bool restartable = m_options.startMethod != StartMethod::Phone && !isPhoneFlow(m_request.flow);
        if (m_hint == StartFailed && restartable && m_restartCount < m_options.maxAutoRestarts) {
            ++m_restartCount;
            m_qrTimer.stop();
            qCInfo(lcOrderSession).noquote() << "order" << m_order.orderRef << "startFailed: restart"
                                             << m_restartCount << "of" << m_options.maxAutoRestarts;
            setState(State::Starting);
            // The new order gets the whole deadline: the person may scan it at its last second and still
            // need the usual time to finish.
            m_deadlineTimer.start(std::max(m_options.deadlineMs, 0));
            emit restarted(m_restartCount);
            sendOrder();
            return;
        }
        OrderFailure failure;
        failure.kind = OrderFailure::Kind::HintCode;
        failure.hintCode = m_hint;
        failure.rfa = UserMessages::forFailed(m_hint, m_options.startMethod);
        failure.technicalMessage = QStringLiteral("/collect: order %1 failed with hintCode %2").arg(m_order.orderRef, m_hint);
        fail(failure);
        return;
    }
    }
}

bool OrderSession::retryOrFail(const RpError &error)
{
    if (error.retriable() && m_transientRetries < m_options.maxTransientRetries) {
        ++m_transientRetries;
        int delay = backoffMs(m_transientRetries);
        if (error.errorCode() == QLatin1String("tooManyRequests"))
            delay = std::max(delay, 2 * m_options.pollIntervalMs); // rate limited: slow down noticeably
        qCInfo(lcOrderSession).noquote() << "transient error, retry" << m_transientRetries << "of"
                                         << m_options.maxTransientRetries << "in" << delay << "ms:"
                                         << error.technicalMessage();
        if (m_state == State::Pending)
            scheduleNextCollect(delay);
        else
            m_nextRequestTimer.start(delay);
        return true;
    }
    OrderFailure failure;
    failure.kind = OrderFailure::Kind::Error;
    failure.error = error;
    failure.rfa = error.rfa();
    failure.technicalMessage = error.technicalMessage();
    if (error.retriable())
        failure.technicalMessage += QStringLiteral(" (gave up after %1 retries)").arg(m_transientRetries);
    // After a collect error the order may still be live at BankID: cancel it rather than let it dangle.
    if (m_state == State::Pending)
        cancelInBackground();
    fail(failure);
    return false;
}

void OrderSession::scheduleNextCollect(int minimumDelayMs)
{
    const qint64 sinceLastSend = m_realTime.elapsed() - m_lastCollectSentAt;
    const qint64 delay = std::max<qint64>(minimumDelayMs, m_options.pollIntervalMs - sinceLastSend);
    m_nextRequestTimer.start(int(std::max<qint64>(delay, 0)));
}

void OrderSession::onNextRequestTimer()
{
    if (m_state == State::Starting && !m_currentCall)
        sendOrder();
    else if (m_state == State::Pending)
        sendCollect();
}

void OrderSession::onDeadline()
{
    if (m_state != State::Starting && m_state != State::Pending)
        return;
    const bool hadOrder = !m_order.orderRef.isEmpty();
    if (m_state == State::Starting && m_currentCall && m_client) {
        // The order request is on its way and may still create an order: cancel that once known.
        RpCall *orderCall = m_currentCall;
        m_currentCall = nullptr;
        orderCall->disconnect(this);
        m_client->cancelOrderWhenCreated(orderCall);
    } else {
        dropCurrentCall();
    }
    if (hadOrder)
        cancelInBackground();
    OrderFailure failure;
    failure.kind = OrderFailure::Kind::Deadline;
    failure.hintCode = m_hint;
    // With an order out, the app did not finish in time (as expiredTransaction, RFA8); without one,
    // BankID could not be reached in time (RFA5).
    failure.rfa = hadOrder ? Rfa::Rfa8 : Rfa::Rfa5;
    failure.technicalMessage = QStringLiteral("the order did not finish within the session deadline of %1 ms")
                                   .arg(m_options.deadlineMs);
    fail(failure);
}

void OrderSession::updateQr()
{
    const bool show = m_state == State::Pending && m_options.startMethod == StartMethod::QrCode
                      && !m_order.qrStartToken.isEmpty()
                      && (!m_collectAnswered || m_hint == OutstandingTransaction || m_hint.isEmpty());
    if (!show) {
        m_qrTimer.stop();
        return;
    }
    const qint64 sinceOrder = std::max<qint64>(0, m_clock->elapsedMs() - m_orderReceivedAtMs);
    const qint64 second = sinceOrder / 1000;
    if (second != m_lastQrSecond) {
        m_lastQrSecond = second;
        emit qrContentChanged(QrContent::at(m_order.qrStartToken, m_order.qrStartSecret, second));
    }
    // Wake at the next whole second of the clock (a fake clock that did not move just re-arms).
    if (!m_qrTimer.isActive())
        m_qrTimer.start(int(1000 - sinceOrder % 1000));
}

void OrderSession::fail(const OrderFailure &failure)
{
    stopTimers();
    m_failure = failure;
    qCWarning(lcOrderSession).noquote() << "order" << (m_order.orderRef.isEmpty() ? QStringLiteral("-") : m_order.orderRef)
                                        << "failed:" << rfaId(failure.rfa) << failure.technicalMessage;
    setState(State::Failed);
    emit failed(failure);
}

void OrderSession::stopTimers()
{
    m_nextRequestTimer.stop();
    m_deadlineTimer.stop();
    m_qrTimer.stop();
}

void OrderSession::dropCurrentCall()
{
    if (RpCall *call = m_currentCall) {
        m_currentCall = nullptr;
        call->disconnect(this);
        call->abort();
    }
}

void OrderSession::cancelInBackground()
{
    if (m_client && !m_order.orderRef.isEmpty())
        m_client->cancelOrder(m_order.orderRef); // the client's child: outlives this session
}

} // namespace bankid
