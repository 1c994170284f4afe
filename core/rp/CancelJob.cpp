#include "CancelJob.h"

#include "RpCall.h"
#include "RpClient.h"
#include "RpLogging.h"

#include <QTimerEvent>


namespace bankid {

CancelJob::CancelJob(RpClient *client, const QString &orderRef)
    : QObject(client)
    , m_client(client)
    , m_orderRef(orderRef)
{
}

void CancelJob::send()
{
    ++m_attempts;
    RpCall *call = m_client->cancel(m_orderRef);
    connect(call, &RpCall::finished, this, [this, call] {
        const RpError &error = call->error();
        if (call->ok()) {
            finish(true);
            return;
        }
        if (m_attempts > 1 && error.kind() == RpError::Kind::Api && error.errorCode() == QLatin1String("invalidParameters")) {
            qCInfo(lcRp).noquote() << "cancel of order" << m_orderRef << "re-sent and answered invalidParameters:"
                                          << "the earlier /cancel reached BankID";
            finish(true);
            return;
        }
        if (worthResending(error) && m_attempts < MaxAttempts) {
            const int delayMs = 500 << (m_attempts - 1);
            qCInfo(lcRp).noquote() << "cancel of order" << m_orderRef << "failed, again in" << delayMs
                                          << "ms:" << error.technicalMessage();
            m_backoff.start(delayMs, this);
            return;
        }
        qCWarning(lcRp).noquote() << "cancel of order" << m_orderRef << "failed after" << m_attempts
                                         << "attempt(s):" << error.technicalMessage();
        finish(false);
    });
}

bool CancelJob::worthResending(const RpError &error)
{
    if (error.retriable())
        return true;
    // BankID's "no automatic retry" for 500 internalError and 408 requestTimeout (api digest §4) guards against
    // doing an order twice. A /cancel cannot be done twice (a second one for a cancelled order is answered
    // invalidParameters, which counts as confirmed above), while giving up leaves the order running at
    // BankID until it times out. So /cancel is re-sent after these too (our reading; UNCONFIRMED by BankID).
    if (error.kind() != RpError::Kind::Api)
        return false;
    return error.errorCode() == QLatin1String("internalError") || error.errorCode() == QLatin1String("requestTimeout");
}

void CancelJob::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_backoff.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_backoff.stop();
    send();
}

void CancelJob::finish(bool confirmed)
{
    emit finished(confirmed);
    deleteLater();
}

} // namespace bankid
