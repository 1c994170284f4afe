#pragma once

#include "CommandResult.h"
#include "VerificationCheck.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace bankid {

/// `bankid-cli verify-signature SIG [--ocsp OCSP] [--root PEM]... [--at ISO-8601] [--json]`: verifies a bare
/// completionData `signature` (SIG: a file with the base64 text or the decoded XML; "-" reads stdin) with
/// EvidenceVerifier and prints every check (reference digests, signature value, chain, OCSP), the signer
/// (name, personal number), funcId, usrVisibleData and usrNonVisibleData.
///
/// Contract: only the --root certificates are trusted (none given: the chain check fails naming the missing
/// root, while digests and signature value are still checked). --at without a UTC offset means UTC.
/// Exit 0 when every check that ran passed (ExitCode::Complete), 1 when a check failed (ExitCode::OrderFailed;
/// each failure is named), 2 for usage errors and unreadable files (the reason in `error`, for stderr).
/// With --json stdout holds one JSON object (EvidenceVerifier's report: "checks": [{name, ok, detail}], ...).
///
///     VerifySignatureCommand::Arguments arguments;
///     if (const QString problem = VerifySignatureCommand::parse(words, ocsp, roots, at, &arguments); !problem.isEmpty())
///         return fail(ExitCode::Usage, problem);
///     const auto result = VerifySignatureCommand::run(arguments);
///     writeOut(result.output);
class VerifySignatureCommand
{
    Q_DECLARE_TR_FUNCTIONS(bankid::VerifySignatureCommand)

public:
    /// The parsed command line.
    struct Arguments {
        QString signatureFile;
        QString ocspFile;      ///< empty: no OCSP response
        QStringList rootFiles; ///< PEM files, each with one or more certificates
        std::optional<QDateTime> asOf;
        bool json = false;
    };

    using Result = CommandResult;

    /// Checks the words after "verify-signature" (exactly SIG) and the option values; returns an empty
    /// string when valid, else one sentence naming the option and the problem.
    static QString parse(const QStringList &words, const QString &ocspFile, const QStringList &rootFiles,
                         const QString &at, Arguments *arguments);
    /// The --at value (shared with `verify`): ISO 8601, UTC when it has no offset; empty `at` leaves `asOf`
    /// unset. Returns an empty string when valid, else the sentence naming --at and the value.
    static QString parseAt(const QString &at, std::optional<QDateTime> *asOf);
    static Result run(const Arguments &arguments);
    /// "ok", "FAILED" or "not run" (translated): the label of one check in the text output (also `verify`'s).
    static QString outcomeLabel(const VerificationCheck &check);
};

} // namespace bankid
