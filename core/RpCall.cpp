#include "RpCall.h"

#include "HttpsConnectionPool.h"
#include "RpClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QTimerEvent>

Q_LOGGING_CATEGORY(lcRpCall, "bankid.rp")

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
    if (m_ticket && m_pool)
        m_pool->cancel(m_ticket);
}

void RpCall::send(QNetworkAccessManager *nam, const QNetworkRequest &request, const QByteArray &body,
                  int transferTimeoutMs, const QString &logSummary)
{
    m_transferTimeoutMs = transferTimeoutMs;
    m_logSummary = logSummary;
    m_timer.restart();
    QNetworkReply *reply = nam->post(request, body);
    reply->setParent(this);
    m_reply = reply;
    connect(reply, &QNetworkReply::socketStartedConnecting, this, [this] { m_newConnection = true; });
    connect(reply, &QNetworkReply::encrypted, this, [this] { m_encrypted = true; });
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    connect(reply, &QNetworkReply::finished, this, &RpCall::onReplyFinished);
    qCDebug(lcRpCall).noquote() << "POST" << request.url().path() << m_logSummary;
}

void RpCall::sendDirect(HttpsConnectionPool *pool, const QByteArray &request, const QString &target,
                        int transferTimeoutMs, const QString &logSummary)
{
    m_transferTimeoutMs = transferTimeoutMs;
    m_logSummary = logSummary;
    m_timer.restart();
    m_pool = pool;
    m_transferTimer.start(transferTimeoutMs, Qt::PreciseTimer, this);
    qCDebug(lcRpCall).noquote() << "POST" << target << m_logSummary;
    const QPointer<RpCall> self(this);
    const quint64 ticket = pool->submit(request, [self](const HttpsConnection::Result &result) {
        if (self)
            self->onDirectFinished(result);
    });
    if (!m_finishScheduled) // else the pool answered synchronously (the socket failed at once)
        m_ticket = ticket;
}

void RpCall::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_transferTimer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_transferTimer.stop();
    if (m_ticket)
        endDirect(false);
}

void RpCall::endDirect(bool abortedByCaller)
{
    m_transferTimer.stop();
    if (m_pool)
        m_pool->cancel(m_ticket);
    m_ticket = 0;
    RpError::Outcome outcome;
    outcome.endpoint = m_path;
    outcome.abortedByCaller = abortedByCaller;
    // The values QNAM reports for the same events, so that fromExchange() cannot tell the transports apart.
    outcome.networkError = abortedByCaller ? QNetworkReply::OperationCanceledError : QNetworkReply::TimeoutError;
    outcome.networkErrorString = abortedByCaller ? QStringLiteral("Operation canceled")
                                                 : QStringLiteral("no complete answer within %1 ms").arg(m_transferTimeoutMs);
    outcome.transferTimeoutMs = m_transferTimeoutMs;
    finishExchange(outcome);
}

void RpCall::onDirectFinished(const HttpsConnection::Result &result)
{
    m_transferTimer.stop();
    m_ticket = 0;
    if (m_finished || m_finishScheduled)
        return;
    RpError::Outcome outcome;
    outcome.endpoint = m_path;
    outcome.httpStatus = result.httpStatus;
    outcome.body = result.body;
    outcome.networkError = result.networkError;
    outcome.networkErrorString = result.errorString;
    outcome.sslErrors = result.sslErrors;
    outcome.tls = result.tls;
    outcome.transferTimeoutMs = m_transferTimeoutMs;
    finishExchange(outcome);
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
    if (m_ticket) {
        endDirect(true); // defers our own finished() like the QNAM path
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
    reply->deleteLater();

    RpError::Outcome outcome;
    outcome.endpoint = m_path;
    outcome.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    outcome.body = reply->readAll();
    outcome.networkError = reply->error();
    outcome.networkErrorString = reply->errorString();
    outcome.sslErrors = m_sslErrors;
    outcome.tls = !m_newConnection ? RpError::TlsProgress::Reused
                  : m_encrypted    ? RpError::TlsProgress::EstablishedForThisRequest
                                   : RpError::TlsProgress::NotEstablished;
    outcome.abortedByCaller = m_abortedByCaller;
    outcome.transferTimeoutMs = m_transferTimeoutMs;
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
    m_rawBody = outcome.body;

    if (outcome.httpStatus == 200 && outcome.networkError == QNetworkReply::NoError) {
        const QJsonDocument document = QJsonDocument::fromJson(outcome.body);
        if (document.isObject()) {
            QString schemaError;
            switch (m_endpoint) {
            case Endpoint::Order:
                if (auto parsed = OrderResponse::fromJson(document.object(), m_flow, &schemaError))
                    m_orderResponse = *parsed;
                break;
            case Endpoint::Collect:
                if (auto parsed = CollectResponse::fromJson(document.object(), &schemaError))
                    m_collectResponse = *parsed;
                break;
            case Endpoint::Cancel: break;
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
        qCInfo(lcRpCall).noquote() << "POST" << m_path << "->" << m_httpStatus << QStringLiteral("(%1 ms)").arg(m_duration)
                                   << m_logSummary;
    } else if (m_error.kind() == RpError::Kind::Cancelled) {
        qCInfo(lcRpCall).noquote() << "POST" << m_path << "cancelled" << QStringLiteral("(%1 ms)").arg(m_duration)
                                   << m_logSummary;
    } else {
        qCWarning(lcRpCall).noquote() << "POST" << m_path << "->" << (m_httpStatus ? QString::number(m_httpStatus) : QStringLiteral("no response"))
                                      << QStringLiteral("(%1 ms)").arg(m_duration) << m_logSummary
                                      << RpError::kindName(m_error.kind()) + QLatin1Char(':') << m_error.technicalMessage();
    }
    emit finished();
    if (m_autoDelete)
        deleteLater();
}

} // namespace bankid
