#pragma once

#include "AuditEntry.h"

#include <QByteArray>
#include <QJsonValue>
#include <QCoreApplication>
#include <QFile>
#include <QMutex>
#include <QString>

#include <optional>

namespace bankid {

/// The desk's tamper-evident audit log: an append-only JSON-lines file, one compact JSON object per line,
/// each line chained to the one before it by SHA-256.
///
/// Line format (v1), chain members first, then AuditEntry::toJson():
///   {"v":1,"seq":7,"time":"2026-01-31T12:00:00.123Z","prev":"<64 hex>","operator":"anna",...}\n
/// - seq counts from 1 without gaps; time is the UTC append time with milliseconds.
/// - prev is the lower-case hex SHA-256 of the previous line's exact bytes without its '\n' (64 zeros for
///   the first line), so editing, removing or reordering a line breaks the chain at the next line
///   (AuditVerifier says where). An unanchored chain cannot reveal that the NEWEST entries were removed or
///   that the newest line was rewritten: AuditVerifier reports the head (last seq and its hash), which an
///   auditor can note and compare later.
///
/// Durability and concurrency contract:
/// - The file is opened for appending (QFile, QIODevice::Append: O_APPEND on POSIX; owner-only permissions,
///   0600); each append() writes the whole line, '\n' included, in one unbuffered write and then flushes
///   it to disk (PlatformFileDurability: fsync / FlushFileBuffers), so a successful append() survives a
///   crash or power loss. The folder is synced when the file or the key is created.
/// - Every append() holds an exclusive lock on the log file itself (PlatformFileLock: flock(LOCK_EX) on
///   POSIX, LockFileEx on Windows; plus an in-object mutex for threads sharing one AuditLog) while it reads
///   the last line, writes and flushes: two AuditLog objects on the same file, in one process or in two,
///   never interleave lines nor fork the chain, and a writer killed mid-append leaves no lock behind (the
///   operating system drops it; see PlatformFileLock for why not QLockFile).
/// - A torn last line (no '\n': a crash or a full disk in the middle of a write) is cut off, under the lock,
///   by open() and append() before the next line is written; ONLY a tail that is not newline-terminated is
///   ever removed, and only when it is what a crash leaves (a prefix of a line, or zeros); any other
///   unterminated tail makes append() refuse. The cut is reported: repairReport() and a warning in "bankid.audit". A whole last line
///   that does not parse is never touched: append() refuses and names the problem instead.
///
/// Personal numbers: never stored in clear. An entry holds PersonalNumber::mask() ("19900101****") and,
/// for correlating the orders of one person, personalNumberHash(): HMAC-SHA256 of the 12 digits with a
/// random 256-bit key that belongs to this log, kept in the sidecar file "<log base name>.key" (audit.key
/// for audit.jsonl; mode 0600). Why keyed: the mask already gives away the date of birth, leaving ~1,000
/// valid numbers (Luhn), so a plain SHA-256 would be reversed in a millisecond. With the key kept apart,
/// the log can be handed to an auditor without the numbers; whoever holds the key can still answer "is
/// 19900101-1234 in this log?"; deleting the key makes the hashes meaningless for good.
///
/// \code
///   bankid::AuditLog log(bankid::AuditLog::deskLogPath());
///   QString error;
///   if (!log.open(&error))
///       qCWarning(lc).noquote() << error;
///   entry.personalNumberHash = log.personalNumberHash(number);
///   const qint64 seq = log.append(entry, &error); // 0 on failure, error says why
/// \endcode
class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(bankid::AuditLog)

public:
    /// The line format version written in "v".
    static constexpr int FormatVersion = 1;
    /// Bytes of the per-log HMAC key.
    static constexpr int KeyBytes = 32;
    /// The largest "seq" a line may carry: 2^53, up to which a JSON number (a double) holds every integer.
    static constexpr qint64 MaxSeq = qint64(1) << 53;

    /// The "seq" member of a line read back from a file: a whole JSON number in 1..MaxSeq; nullopt for anything
    /// else (missing, not a number, fractional, out of range), so a tampered line can never reach an
    /// out-of-range (undefined) conversion to qint64.
    static std::optional<qint64> sequenceNumber(const QJsonValue &seq);

    explicit AuditLog(const QString &path);
    ~AuditLog();
    AuditLog(const AuditLog &) = delete;
    AuditLog &operator=(const AuditLog &) = delete;

    /// Creates the folder, the key (first use) and the file if needed, opens them and cuts a torn tail.
    /// False with a sentence naming the file in `error`. Calling it again on an open log is a no-op.
    bool open(QString *error);
    bool isOpen() const { return m_file.isOpen(); }
    QString path() const { return m_path; }
    /// The sidecar key file of this log.
    QString keyPath() const { return keyPathFor(m_path); }

    /// Appends `entry` as the next line; opens the log first if needed. Returns the line's seq (>= 1), or 0
    /// with the reason in `error` (nothing, or only a torn tail that the next append cuts, is left behind).
    qint64 append(const AuditEntry &entry, QString *error);

    /// Lower-case hex HMAC-SHA256 of PersonalNumber::normalized(number) with this log's key; empty when the
    /// log is not open or `number` is empty.
    QString personalNumberHash(const QString &number) const;

    /// Bytes of torn tail that open()/append() cut off so far (0: none).
    qint64 repairedTornBytes() const { return m_repairedTornBytes; }
    /// One sentence describing the last torn-tail repair; empty when none happened.
    QString repairReport() const { return m_repairReport; }

    /// Where the desk keeps its log: QStandardPaths::AppDataLocation of the application "bankid-desk" of
    /// the organisation "BankID Desk" (GenericDataLocation + "/BankID Desk/bankid-desk", which is how Qt
    /// composes AppDataLocation on Linux) + "/audit.jsonl". The CLI uses it for `audit verify` without FILE.
    static QString deskLogPath();
    /// "<folder>/<base name>.key" for "<folder>/<base name>.<ext>".
    static QString keyPathFor(const QString &logPath);
    /// Lower-case hex SHA-256 of `line` (without its '\n'): what the next line's prev holds.
    static QByteArray lineHash(const QByteArray &line);
    /// 64 '0': the prev of the first line.
    static QByteArray firstPrev();

private:
    struct Tail
    {
        qint64 seq = 0;     ///< seq of the last whole line; 0 for an empty file
        QByteArray hash;    ///< lineHash() of the last whole line; firstPrev() for an empty file
    };

    bool loadOrCreateKey(QString *error);
    /// With the lock held: cuts a torn tail and reads the last whole line. False with `error`.
    bool readTail(Tail *tail, QString *error);
    /// "<what> <file>: <reason>"
    QString failure(const QString &what, const QString &reason) const;

    QString m_path;
    QFile m_file;
    QByteArray m_key;
    QMutex m_mutex;
    qint64 m_repairedTornBytes = 0;
    QString m_repairReport;
};

} // namespace bankid
