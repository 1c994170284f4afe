#pragma once

#include "ExitCode.h"

#include <QString>

namespace bankid {

/// What a one-shot bankid-cli command (audit verify, verify, verify-signature) produced; CliApplication
/// prints `output` on stdout, `error` on stderr, and exits with `code`.
///
/// Contract: `error` is one sentence, set when the command could not do its work (Usage: an unreadable file,
/// a bad option value); a verification that ran and found problems puts them in `output` and sets
/// ExitCode::OrderFailed with an empty `error`.
///
///     const CommandResult result = VerifyReceiptCommand::run(arguments);
///     writeOut(result.output);
///     return finish(result.code, result.error);
struct CommandResult {
    ExitCode code = ExitCode::Complete;
    QString output; ///< for stdout
    QString error;  ///< for stderr
};

} // namespace bankid
