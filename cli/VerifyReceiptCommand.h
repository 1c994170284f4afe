#pragma once

#include "CommandResult.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace bankid {

/// `bankid-cli verify FILE [RECEIPT] [--root PEM]... [--at ISO-8601] [--json]`: verifies a signed document
/// against its receipt offline (ReceiptVerifier; no network) and prints every check (name, ok / FAILED /
/// not run, detail), then the document, the signer (name and personal number: this is the user's own
/// verification of their evidence, as verify-signature shows it), the signing time and the trusted roots.
///
/// Contract:
/// - RECEIPT defaults to Receipt::defaultPathFor(FILE). When FILE is itself a receipt name
///   ("X.bankid-receipt.json", "X.bankid-receipt-N.json") and no RECEIPT is given, the document is X.
/// - Trust: only the --root certificates. With no --root and a receipt whose environment is "simulator", the
///   local simulator signing roots (EvidenceRoots::localSimulatorRootPaths()) are trusted and the output says
///   it is simulator evidence, not a BankID signature. Otherwise no root: the certificate chain check fails
///   naming the missing root.
/// - Exit 0 (Complete) only when every check passed; 1 (OrderFailed) when any check failed or did not run —
///   a missing or unreadable document or receipt is such a failed check, naming the path; 2 (Usage) for
///   command-line errors: no FILE, too many words, a bad --at, a --root file that cannot be read or holds no
///   certificate (the reason in `error`, for stderr).
/// - --json: stdout is ReceiptReport::toJson().
///
///     VerifyReceiptCommand::Arguments arguments;
///     if (const QString problem = VerifyReceiptCommand::parse(words, roots, at, &arguments); !problem.isEmpty())
///         return fail(ExitCode::Usage, problem);
///     const auto result = VerifyReceiptCommand::run(arguments);
///     writeOut(result.output);
class VerifyReceiptCommand
{
    Q_DECLARE_TR_FUNCTIONS(bankid::VerifyReceiptCommand)

public:
    /// The parsed command line, paths resolved (document and receipt both set).
    struct Arguments {
        QString documentFile;
        QString receiptFile;
        QStringList rootFiles;
        std::optional<QDateTime> asOf;
        bool json = false;
    };

    using Result = CommandResult;

    /// Checks the words after "verify" (FILE [RECEIPT]) and the option values; returns an empty string when
    /// valid, else one sentence naming the argument and the problem.
    static QString parse(const QStringList &words, const QStringList &rootFiles, const QString &at,
                         Arguments *arguments);
    static Result run(const Arguments &arguments);
};

} // namespace bankid
