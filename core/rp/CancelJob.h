#pragma once

#include <QBasicTimer>
#include <QObject>
#include <QString>

namespace bankid {

class RpClient;
class RpError;

/// Cancels one order at BankID and keeps at it until BankID confirms or it is clear it cannot: /cancel,
/// re-sent after a transient failure (connection, timeout, 429/502/503/504) or a 500 internalError / 408
/// requestTimeout answer (see worthResending()) with backoff, at most MaxAttempts times. Created by RpClient::cancelOrder() as the client's child, so it outlives the
/// session or window that abandoned the order; RpClient counts it in inFlightCount() until finished().
///
/// Contract:
/// - finished(confirmed) is emitted exactly once; then the job deletes itself.
/// - confirmed is true when BankID answered the /cancel, or when a re-sent /cancel (whose earlier answer
///   was lost) is answered invalidParameters: the first one reached BankID, so the order is gone.
class CancelJob : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxAttempts = 3;

    QString orderRef() const { return m_orderRef; }
    int attempts() const { return m_attempts; }

signals:
    void finished(bool confirmed);

private:
    friend class RpClient;
    CancelJob(RpClient *client, const QString &orderRef);

    void send();
    /// Whether a /cancel that failed with `error` is sent again (while attempts remain).
    static bool worthResending(const RpError &error);
    void timerEvent(QTimerEvent *event) override;
    void finish(bool confirmed);

    RpClient *m_client; // the parent
    QString m_orderRef;
    QBasicTimer m_backoff;
    int m_attempts = 0;
};

} // namespace bankid
