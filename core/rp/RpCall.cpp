#include "RpCall.h"

#include "JsonDuplicateKeys.h"
#include "OneShotUploadDevice.h"
#include "PersonalNumber.h"
#include "RpClient.h"
#include "RpConfig.h"
#include "RpLogging.h"
#include "TcpReceiveCounter.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QTimerEvent>


namespace bankid {

RpCall::RpCall(Endpoint endpoint, Flow flow, const QString &path, const QString &orderRef, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_flow(flow)
    , m_path(path)
    , m_orderRef(orderRef)
{
    m_timer.start();
}

RpCall::~RpCall()
{
    if (m_reply) {
        // Destroyed mid-flight (e.g. its RpClient went away): drop the reply without calling back into us.
        m_reply->disconnect(this);
        m_reply->abort();
        delete m_reply;
    }
}

void RpCall::send(QNetworkAccessManager *nam, const QNetworkRequest &request, const QByteArray &body,
                  int transferTimeoutMs, int requestDeadlineMs, const QString &logSummary)
{
    m_transferTimeoutMs = transferTimeoutMs;
    m_requestDeadlineMs = requestDeadlineMs;
    m_logSummary = logSummary;
    m_timer.restart();
    QNetworkReply *reply = nullptr;
    if (m_endpoint == Endpoint::Collect) {
        reply = nam->post(request, body); // idempotent: QNAM may re-send it on a stale connection
    } else {
        // An order must not be created twice; a /cancel re-sent by QNAM would hide that the first one
        // may have arrived (CancelJob re-sends it itself and knows what invalidParameters then means); an ID
        // card code is valid once, so a silent re-send would turn a verified card into "already used".
        auto *device = new OneShotUploadDevice(body, this);
        reply = nam->post(request, device);
        device->setParent(reply); // lives exactly as long as QNAM may read it
        m_uploadDevice = device;
    }
    reply->setParent(this);
    // QNAM stops reading from the socket once this much is buffered: the size cap bounds memory.
    reply->setReadBufferSize(RpConfig::MaxResponseBytes + 1);
    m_reply = reply;
    m_deadlineTimer.start(requestDeadlineMs, Qt::PreciseTimer, this);
    connect(reply, &QNetworkReply::socketStartedConnecting, this, [this] { m_newConnection = true; });
    connect(reply, &QNetworkReply::encrypted, this, [this] { m_encrypted = true; });
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    // QNAM's HTTP thread takes the read buffer size only once its request exists (Qt 6.4 forwards a
    // change to it, but does not copy the value set before the start: measured, a streamed answer then
    // reached 2.4 MB in the reply before the abort): set it again once the request went out, so the HTTP
    // thread stops at the cap (exactly cap + 1 bytes buffered) and TCP holds back the rest.
    connect(reply, &QNetworkReply::requestSent, this, [this, reply] {
        reply->setReadBufferSize(RpConfig::MaxResponseBytes + 1);
        startHeadGuard();
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this] {
        m_headReceived = true;
        m_headGuardTimer.stop(); // the head is complete: the size cap takes over
        checkResponseSize();
    });
    connect(reply, &QNetworkReply::readyRead, this, &RpCall::checkResponseSize);
    connect(reply, &QNetworkReply::finished, this, &RpCall::onReplyFinished);
    qCDebug(lcRp).noquote() << "POST" << request.url().path() << m_logSummary;
}

void RpCall::startHeadGuard()
{
    if (!m_reply || m_headReceived || !TcpReceiveCounter::isSupported() || m_headGuardTimer.isActive())
        return;
    m_headCounter = std::make_unique<TcpReceiveCounter>(quint16(m_reply->url().port(443)));
    m_headGuardTimer.start(HeadGuardIntervalMs, Qt::CoarseTimer, this);
}

void RpCall::checkHeadWait()
{
    if (!m_reply || !m_headCounter || m_finished)
        return;
    const qint64 received = m_headCounter->receivedSinceStart();
    if (received <= MaxHeadWaitBytes)
        return;
    // The kernel counts bytes before QNAM's thread has parsed them, and that thread hands the parsed head
    // over through queued calls this thread may not have run yet: deliver those first, so a complete head
    // followed by a big body is left to the size cap (the same kind, the precise message).
    QCoreApplication::sendPostedEvents(m_reply, QEvent::MetaCall);
    if (!m_reply || m_headReceived || m_finished)
        return;
    m_headGuardTimer.stop();
    m_headWaitBytes = received;
    m_reply->abort(); // finished() -> onReplyFinished() reports it
}

void RpCall::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_headGuardTimer.timerId()) {
        checkHeadWait();
        return;
    }
    if (event->timerId() != m_deadlineTimer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_deadlineTimer.stop();
    if (m_reply && !m_finished) {
        m_deadlineExceeded = true;
        m_reply->abort(); // finished() -> onReplyFinished() reports the deadline
    }
}

void RpCall::checkResponseSize()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_tooLargeBytes > 0)
        return;
    const qint64 announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    const qint64 buffered = reply->bytesAvailable();
    const qint64 size = std::max(announced, buffered);
    if (size <= RpConfig::MaxResponseBytes)
        return;
    m_tooLargeBytes = size;
    reply->abort();
}

void RpCall::failLater(const RpError &error)
{
    m_error = error;
    m_finishScheduled = true;
    QTimer::singleShot(0, this, [this] {
        if (!m_finished)
            finishWith(m_error);
    });
}

void RpCall::abort()
{
    if (m_finished)
        return;
    if (m_reply) {
        m_abortedByCaller = true;
        m_reply->abort(); // emits finished() -> onReplyFinished(), which defers our own finished()
        return;
    }
    if (m_finishScheduled) {
        m_error = RpError::cancelled(m_path);
        return; // the already scheduled finish reports it
    }
    failLater(RpError::cancelled(m_path));
}

void RpCall::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    reply->disconnect(this);
    m_reply = nullptr;
    m_deadlineTimer.stop();
    m_headGuardTimer.stop();
    m_headCounter.reset();
    reply->deleteLater();

    RpError::Outcome outcome;
    outcome.endpoint = m_path;
    outcome.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    outcome.body = reply->isOpen() ? reply->readAll() : QByteArray(); // an aborted reply is closed
    outcome.networkError = reply->error();
    outcome.networkErrorString = reply->errorString();
    outcome.sslErrors = m_sslErrors;
    outcome.tls = !m_newConnection ? RpError::TlsProgress::Reused
                  : m_encrypted    ? RpError::TlsProgress::EstablishedForThisRequest
                                   : RpError::TlsProgress::NotEstablished;
    outcome.abortedByCaller = m_abortedByCaller;
    outcome.requestWritten = m_uploadDevice && m_uploadDevice->wasRead();
    outcome.transferTimeoutMs = m_transferTimeoutMs;
    outcome.deadlineExceeded = m_deadlineExceeded;
    outcome.requestDeadlineMs = m_requestDeadlineMs;
    outcome.responseTooLarge = m_tooLargeBytes > 0;
    outcome.responseBytes = m_tooLargeBytes;
    outcome.responseLimitBytes = RpConfig::MaxResponseBytes;
    outcome.responseHeadTooLarge = m_headWaitBytes > 0;
    outcome.headWaitBytes = m_headWaitBytes;
    outcome.headWaitLimitBytes = MaxHeadWaitBytes;
    if (outcome.httpStatus >= 300 && outcome.httpStatus < 400)
        outcome.redirectLocation = reply->rawHeader(QByteArrayLiteral("Location")).left(512);
    if (outcome.responseTooLarge || outcome.responseHeadTooLarge)
        outcome.body.clear();
    finishExchange(outcome);
}

void RpCall::finishExchange(RpError::Outcome outcome)
{
    if (auto *client = qobject_cast<RpClient *>(parent())) {
        outcome.serverAnsweredBefore = client->m_serverAnswered;
        if (outcome.httpStatus > 0)
            client->m_serverAnswered = true;
    }
    m_httpStatus = outcome.httpStatus;

    if (outcome.httpStatus == 200 && outcome.networkError == QNetworkReply::NoError) {
        const QJsonDocument document = QJsonDocument::fromJson(outcome.body);
        if (document.isObject()) {
            QString schemaError;
            // Checked before the members are read: what QJsonDocument hides must not decide the outcome.
            if (const std::optional<QString> member = JsonDuplicateKeys::firstDuplicate(outcome.body)) {
                schemaError = QStringLiteral("the /%1 answer has the member '%2' more than once, so it means two "
                                             "things; it is refused rather than read either way")
                                  .arg(m_path, member->left(64));
            }
            if (schemaError.isEmpty()) {
                switch (m_endpoint) {
                case Endpoint::Order:
                    if (auto parsed = OrderResponse::fromJson(document.object(), m_flow, &schemaError))
                        m_orderResponse = *parsed;
                    break;
                case Endpoint::Collect:
                    if (auto parsed = CollectResponse::fromJson(document.object(), &schemaError)) {
                        // An answer about another order is never this order's outcome (a confused proxy or
                        // server): it must not complete the wrong session.
                        if (parsed->orderRef != m_orderRef)
                            schemaError = QStringLiteral("/collect answered for orderRef \"%1\", not for the order asked "
                                                         "about (\"%2\")")
                                              .arg(parsed->orderRef.left(64), m_orderRef);
                        else
                            m_collectResponse = *parsed;
                    }
                    break;
                case Endpoint::Cancel: break;
                case Endpoint::IdCardVerify:
                    if (auto parsed = IdCardVerification::fromJson(document.object(), &schemaError)) {
                        m_idCardVerification = *parsed;
                        m_logSummary += QStringLiteral(" user.personalNumber=")
                                        + PersonalNumber::mask(parsed->user.personalNumber);
                    }
                    break;
                }
            }
            outcome.schemaError = schemaError;
        }
    }

    // finished() is always deferred so that a synchronous abort() never re-enters its caller.
    m_error = RpError::fromExchange(outcome);
    m_finishScheduled = true;
    QTimer::singleShot(0, this, [this] { finishWith(m_error); });
}

void RpCall::finishWith(const RpError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_duration = m_timer.elapsed();
    if (!m_error.isError()) {
        qCInfo(lcRp).noquote() << "POST" << m_path << "->" << m_httpStatus << QStringLiteral("(%1 ms)").arg(m_duration)
                                   << m_logSummary;
    } else if (m_error.kind() == RpError::Kind::Cancelled) {
        qCInfo(lcRp).noquote() << "POST" << m_path << "cancelled" << QStringLiteral("(%1 ms)").arg(m_duration)
                                   << m_logSummary;
    } else {
        qCWarning(lcRp).noquote() << "POST" << m_path << "->" << (m_httpStatus ? QString::number(m_httpStatus) : QStringLiteral("no response"))
                                      << QStringLiteral("(%1 ms)").arg(m_duration) << m_logSummary
                                      << RpError::kindName(m_error.kind()) + QLatin1Char(':') << m_error.technicalMessage();
    }
    emit finished();
    if (m_autoDelete)
        deleteLater();
}

} // namespace bankid
