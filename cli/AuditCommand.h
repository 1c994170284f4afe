#pragma once

#include "CommandResult.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace bankid {

/// `bankid-cli audit verify [FILE]`: checks the desk's tamper-evident audit log (AuditVerifier) and says
/// where it breaks. FILE defaults to the desk's log, AuditLog::deskLogPath().
///
/// Contract: exit 0 when every whole entry verified (a torn last line from a crash is tolerated and
/// mentioned), 1 when a problem was found (printed with its line number and kind), 2 for a usage error or
/// a file that cannot be read. The verdict goes to stdout (with --json: one JSON object); reasons for
/// exit 2 go to stderr through the caller.
///
///     QString file;
///     if (const QString problem = AuditCommand::parse(words, &file); !problem.isEmpty())
///         return fail(ExitCode::Usage, problem);
///     const AuditCommand::Result result = AuditCommand::verify(file, json);
///     writeOut(result.output);
class AuditCommand
{
    Q_DECLARE_TR_FUNCTIONS(bankid::AuditCommand)

public:
    using Result = CommandResult;

    /// Parses the words after "audit" ("verify [FILE]"); returns an empty string when valid, else one
    /// sentence naming what is wrong. `file` is left empty when not given.
    static QString parse(const QStringList &words, QString *file);
    /// Verifies `file` (empty: the desk's log). `json`: print one JSON object instead of a sentence.
    static Result verify(const QString &file, bool json);
};

} // namespace bankid
