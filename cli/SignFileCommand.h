#pragma once

#include "DocumentDigest.h"
#include "ExitCode.h"
#include "Receipt.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace bankid {

/// The document-specific parts of `bankid-cli sign-file FILE [connection options] [--same-device] [--no-qr]
/// [--json]`; CliApplication runs the order itself exactly like `sign` (QR in the terminal, RFA texts,
/// cancel on Ctrl-C) with the request DocumentSignRequest::build() makes.
///
/// Contract:
/// - prepare() runs BEFORE any order (and before the embedded simulator starts): FILE must be a readable
///   regular file and its folder writable (the receipt goes next to it), else one sentence naming the path
///   (exit 2, ExitCode::Usage). It then digests the file.
/// - saveReceipt() writes the receipt with ReceiptWriter (never over an existing one) and says what
///   happened: exit 0 with the receipt path on stdout (with --json: one object {status, orderRef, receipt,
///   receiptExisted, signer {name, personalNumberMasked}, document {fileName, size, sha256}}); when the
///   first name was taken, `notice` (stderr) says so and names the one used. When writing fails: exit 1
///   (ExitCode::OrderFailed), `error` names the reason and `output` is the whole receipt JSON, so it can be
///   redirected and nothing is lost. The signer's personal number is masked in this summary (the receipt
///   file itself holds it in full, by design).
///
///     QString error;
///     const auto digest = SignFileCommand::prepare(options.documentFile, &error);
///     if (!digest)
///         return finish(ExitCode::Usage, error);
///     ...
///     const SignFileCommand::Result result = SignFileCommand::saveReceipt(receipt, options.documentFile, json);
class SignFileCommand
{
    Q_DECLARE_TR_FUNCTIONS(bankid::SignFileCommand)

public:
    /// What saveReceipt() produced.
    struct Result {
        ExitCode code = ExitCode::Complete;
        QString output; ///< for stdout
        QString notice; ///< for stderr, also on success (a receipt already existed)
        QString error;  ///< for stderr when code is not Complete
        QString receiptPath; ///< the file written; empty when writing failed
    };

    /// Checks the words after "sign-file" (exactly FILE); returns an empty string when valid, else one
    /// sentence naming the problem.
    static QString parse(const QStringList &words, QString *file);
    /// The fail-fast checks, then the digest; nullopt with `error` naming the path when something is wrong.
    static std::optional<DocumentDigest> prepare(const QString &file, QString *error);
    /// Writes `receipt` next to `documentFile` and describes the outcome.
    static Result saveReceipt(const Receipt &receipt, const QString &documentFile, bool json);
};

} // namespace bankid
