#pragma once

#include "AuditEntry.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace bankid {

/// Checks an audit log written by AuditLog: every whole line parses as a v1 entry, seq runs 1, 2, 3, ...
/// and each line's prev is the SHA-256 of the line before it. Reports the FIRST problem, with its line
/// number (1-based) and kind, and how many entries verified before it.
///
/// Contract:
/// - A last line without '\n' is a torn write (a crash mid-append): tolerated, not counted, reported in
///   tornTail/tornLine; the log "verifies up to the last whole entry". A non-empty file without any '\n'
///   holds no whole entry and fails as Malformed at line 1 ("no complete entry"). An empty file (0 bytes)
///   is ok with 0 entries ("the audit log is empty: nothing to verify").
/// - verifyFile() reads regular files only, at most BoundedFileReader::MaxAuditLogBytes (else Unreadable).
/// - Kinds: a line changed after it was written (Edited: the next line's prev does not match it), lines
///   missing (Removed: a seq gap whose seqs appear nowhere later), lines moved (Reordered: seq out of order),
///   a line copied (Duplicated), a line that is not an entry at all (Malformed).
/// - Limits of an unanchored chain: removing the newest entries, or rewriting the newest line, leaves a
///   valid shorter chain. Report::headSeq/headHash are the anchor to note and compare later.
/// - The verifier needs no key: the personal number hashes are carried, not checked.
///
/// \code
///   const bankid::AuditVerifier::Report report = bankid::AuditVerifier::verifyFile(path);
///   if (!report.ok())
///       qCWarning(lc).noquote() << "line" << report.line << report.message;
/// \endcode
class AuditVerifier
{
    Q_DECLARE_TR_FUNCTIONS(bankid::AuditVerifier)

public:
    /// The first problem found.
    enum class Problem {
        None,       ///< every whole line verified
        Unreadable, ///< the file could not be read (line is 0)
        Malformed,  ///< `line` is not a v1 audit entry (not JSON, a member missing or of the wrong type)
        Edited,     ///< `line` was changed after it was written: the next line's prev is not its SHA-256
        Removed,    ///< entries are missing just before `line`: its seq jumps and the missing seqs appear nowhere
        Reordered,  ///< `line` is out of order: its seq is lower than expected, or a missing seq comes later
        Duplicated, ///< `line` repeats a seq an earlier line already had
    };

    /// One parsed line of the log.
    struct Record
    {
        int line = 0;          ///< 1-based line number
        qint64 seq = 0;
        QDateTime time;        ///< when it was appended (UTC)
        AuditEntry entry;
        bool verified = false; ///< the chain holds up to and including this line
    };

    /// The verdict.
    struct Report
    {
        Problem problem = Problem::None;
        int line = 0;                ///< the line the problem is at (see Problem); 0 when none
        QString message;             ///< one sentence naming the line and what is wrong; empty when ok
        qint64 verifiedEntries = 0;  ///< whole entries verified before the problem (all of them when ok)
        bool tornTail = false;       ///< the last line had no '\n' (a crash mid-write); not counted
        int tornLine = 0;            ///< its line number
        qint64 headSeq = 0;          ///< seq of the last verified entry (0: none)
        QString headHash;            ///< hex SHA-256 of that line: the anchor for later comparisons
        QList<Record> records;       ///< every line that parsed, in file order

        bool ok() const { return problem == Problem::None; }
        /// One line for a terminal or a dialog: "12 entries verified ..." or "line 7: edited: ...".
        QString summary() const;
    };

    /// Reads and verifies the log at `path`.
    static Report verifyFile(const QString &path);
    /// Verifies the bytes of a log.
    static Report verifyBytes(const QByteArray &content);

    /// "none", "unreadable", "malformed", "edited", "removed", "reordered", "duplicated".
    static QString problemName(Problem problem);
};

} // namespace bankid
