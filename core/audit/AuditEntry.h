#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace bankid {

/// One order the desk ran, as the audit log keeps it: who ran it, which flow against which environment,
/// whose personal number (masked, plus a keyed hash for correlation), the hint sequence BankID reported,
/// how it ended and when. A value type; AuditLog adds the chain fields (v, seq, time, prev) when it
/// appends it.
///
/// Contract: it never holds a personal number in clear. personalNumberMasked is PersonalNumber::mask()
/// ("19900101****") and personalNumberHash the hex HMAC-SHA256 that AuditLog::personalNumberHash() computes
/// with the log's own key (see AuditLog for why a keyed hash and not a plain one).
///
/// \code
///   bankid::AuditEntry entry;
///   entry.operatorName = bankid::AuditEntry::currentOperator();
///   entry.flow = bankid::flowName(request.flow);
///   entry.personalNumberMasked = bankid::PersonalNumber::mask(number);
///   entry.personalNumberHash = log.personalNumberHash(number);
///   entry.outcome = bankid::AuditEntry::Outcome::Complete;
///   log.append(entry, &error);
/// \endcode
struct AuditEntry
{
    Q_DECLARE_TR_FUNCTIONS(bankid::AuditEntry)

public:
    /// How the order ended.
    enum class Outcome {
        Complete,  ///< collect answered "complete"
        Failed,    ///< collect answered "failed"; outcomeDetail is the hintCode (userCancel, startFailed, ...)
        Error,     ///< an error ended it; outcomeDetail is the RpError kind name ("api:internalError", "timeout", "deadline")
        Cancelled, ///< the desk cancelled it (operator, task switch, closing the window); outcomeDetail says how
    };

    QString operatorName;         ///< the OS user who ran the desk
    QString flow;                 ///< flowName(): "auth", "phone-auth", ...
    QString environment;          ///< "simulator", "test", "production", "custom"
    QString personalNumberMasked; ///< "19900101****"; empty when no number was involved
    QString personalNumberHash;   ///< hex HMAC-SHA256 of the 12-digit number with the log's key; empty with no number
    QStringList hints;            ///< the pending/failed hintCodes in the order they arrived
    Outcome outcome = Outcome::Cancelled;
    QString outcomeDetail;        ///< hintCode, error kind or how it was cancelled (see Outcome)
    QString rfa;                  ///< rfaId() of the message shown at the end ("RFA6"); empty when none
    QString orderRef;             ///< BankID's orderRef (the last one after automatic restarts); empty if never created
    QDateTime startedAt;          ///< UTC, when the desk started the order
    QDateTime finishedAt;         ///< UTC, when the outcome was known
    QString appVersion;           ///< the desk's version

    /// The entry fields as JSON (times as UTC ISO-8601 with milliseconds). The chain fields are not part of it.
    QJsonObject toJson() const;
    /// Reads the entry fields of one log line; nullopt with the first bad member named in `error`.
    static std::optional<AuditEntry> fromJson(const QJsonObject &json, QString *error);

    /// "complete", "failed", "error", "cancelled": the stable spelling in the log.
    static QString outcomeName(Outcome outcome);
    static std::optional<Outcome> outcomeFromName(const QString &name);
    /// A translated one-line description for views: "complete", "failed (userCancel)", ...
    QString outcomeText() const;

    /// The OS user name of this process: the passwd entry of the real user id (USER, LOGNAME or USERNAME
    /// only when there is none, as they are set by whoever starts the process); "unknown" if nothing.
    static QString currentOperator();

    friend bool operator==(const AuditEntry &, const AuditEntry &) = default;
};

/// UTC ISO-8601 with milliseconds, "2026-01-31T12:00:00.123Z": the one time format of the audit log.
QString auditTimestamp(const QDateTime &time);

} // namespace bankid

Q_DECLARE_METATYPE(bankid::AuditEntry)
