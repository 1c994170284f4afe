#pragma once

#include "ApiTypes.h"
#include "AuditEntry.h"
#include "AuditLog.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>

#include <memory>

namespace bankid {

class OrderSession;

/// Writes one audit log entry per desk order: it follows an OrderSession from start() to its end and
/// appends who ran it, the flow, the environment, the masked personal number (+ the log's keyed hash), the
/// hint sequence, the outcome, the RFA shown, the orderRef and the times (AuditEntry).
///
/// Contract:
/// - track() is called once per session right after the session is created; the recorder connects its
///   own slots, so the window disconnecting itself from a session does not blind it.
/// - The entry is appended when the session reaches Complete, Failed or Cancelled, or when the session
///   is destroyed while still live (the desk ended it: new order, task switch, settings): outcome
///   Cancelled with detail "ended by the desk". Exactly one entry per tracked session.
/// - An order blocked for risk high (OrderFailure::Kind::RiskBlocked) is outcome Failed with detail
///   "risk:high" (transactionRiskBlocked, a hintCode, is recorded like every failed hintCode).
/// - The personal number (from the request, else from completionData) is kept in memory only until the
///   entry is written; the log gets PersonalNumber::mask() and AuditLog::personalNumberHash().
/// - The log is opened on the first entry; a failure to write is reported through recordFailed() (and
///   "bankid.audit" warnings), never silently dropped; a torn tail cut before an entry through logRepaired().
///
/// - recordIdCardVerification() appends one entry per ID card verification (Verify ID card page) at once:
///   flow "verify-id-card", the masked personal number + keyed hash, outcome Complete (age limit met),
///   Failed (not met) or Error (not verified: RpError kind and errorCode), outcomeDetail "ageLimit=N met" /
///   "ageLimit=N not met" followed by BankID's verifiedAt and identifiedAt, and BankID's verificationId in the
///   orderRef field. Nothing else about the holder (no name, no age) is written.
///
/// \code
///   auto *recorder = new bankid::AuditRecorder(logPath, this);
///   connect(recorder, &bankid::AuditRecorder::recordFailed, this, &Window::showProblem);
///   auto *session = new bankid::OrderSession(client, &clock, this);
///   recorder->track(session, request, QStringLiteral("simulator"));
///   session->start(request, options);
/// \endcode
class AuditRecorder : public QObject
{
    Q_OBJECT

public:
    explicit AuditRecorder(const QString &logPath, QObject *parent = nullptr);
    ~AuditRecorder() override;

    /// One ID card verification, as the Verify ID card page knows it (see recordIdCardVerification()).
    struct IdCardRecord
    {
        QString environment;     ///< "simulator", "test", ...
        QString personalNumber;  ///< in clear; only masked and hashed into the log; empty when not verified
        int ageLimit = 0;
        bool meetsAgeLimit = false;
        AuditEntry::Outcome outcome = AuditEntry::Outcome::Error;
        QString detail;          ///< Error: the RpError kind name and errorCode
        QString verificationId;  ///< BankID's verification.verificationId
        QDateTime requestedAt;   ///< UTC, when the desk sent the code
        QDateTime verifiedAt;    ///< BankID's verification.verifiedAt
        QDateTime identifiedAt;  ///< BankID's authentication.identifiedAt
    };

    /// Appends the entry of one ID card verification now (see the class contract).
    void recordIdCardVerification(const IdCardRecord &record);
    /// Follows `session` (not started yet) for the order `request` in `environment` ("simulator", "test", ...).
    void track(OrderSession *session, const OrderRequest &request, const QString &environment);
    QString logPath() const { return m_log->path(); }
    /// Number of sessions followed whose entry is not written yet.
    int pendingCount() const { return int(m_tracked.size()); }

signals:
    /// An entry was appended as line `seq`.
    void recorded(const bankid::AuditEntry &entry, qint64 seq);
    /// An entry could not be appended; `message` names the file and the reason.
    void recordFailed(const QString &message);
    /// The log ended in a torn line (a crash while writing) that was cut before this entry; `report` says so.
    void logRepaired(const QString &report);

private:
    struct Tracked
    {
        AuditEntry entry;
        QString personalNumber; ///< in clear, in memory only, until write()
    };

    void onStateChanged(OrderSession *session);
    void write(OrderSession *session, AuditEntry::Outcome outcome, const QString &detail, const QString &rfa);
    void writeTracked(Tracked tracked);

    std::unique_ptr<AuditLog> m_log;
    QHash<OrderSession *, Tracked> m_tracked;
    qint64 m_reportedRepairBytes = 0;
};

} // namespace bankid
