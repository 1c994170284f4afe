#pragma once

#include <QCoreApplication>

#include "ApiTypes.h"
#include "AppSettings.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace bankid {

/// The desk app's command line, parsed and checked. Every option overrides the saved settings for this
/// run only; nothing given on the command line is written back.
///
/// Contract: parse() never takes a password from argv (only --password-env VAR or --password-file FILE name
/// where it is), so it never shows in `ps` or shell history. --password-file reads the first line of the file
/// (trailing CR/LF removed, at most MaxPasswordFileLineBytes). --cert-file needs --cert with a pkcs11: URI.
/// --personal-number (checked like the Identify caller page: 12- or 10-digit forms, date, check digit) needs
/// --start phone-auth and --call-initiator; --once needs --start; --json and --with-evidence need --once. An error is one sentence naming the option; main() prints it on
/// stderr and exits with status 2.
///
/// \code
///   bankid::DeskOptions options;
///   if (const QString problem = options.parse(QCoreApplication::arguments()); !problem.isEmpty())
///       return usageError(problem);
///   if (options.startFlow) window.startTask(*options.startFlow);
/// \endcode
class DeskOptions
{
    Q_DECLARE_TR_FUNCTIONS(bankid::DeskOptions)

public:
    /// Parses `arguments` (argv including the program name). Empty when valid, else the problem.
    QString parse(const QStringList &arguments);
    /// What the desk does, its six tasks one per line: --help and the About dialog show the same text.
    static QString tasksDescription();

    /// --help or --version was given: print helpText / the version and exit 0.
    bool helpRequested = false;
    bool versionRequested = false;
    QString helpText;

    /// --environment (or Custom implied by --url); nullopt = the saved setting.
    std::optional<DeskEnvironment> environment;
    QString url;          ///< --url (custom RP API base URL)
    QString caFile;       ///< --ca
    QString certFile;     ///< --cert: a file, or a pkcs11: URI of a key on a token
    QString certCompanionFile; ///< --cert-file: the certificate file when --cert is a pkcs11: URI
    QString passwordEnv;  ///< --password-env: the variable's name
    QString passwordFile; ///< --password-file: the file whose first line is the password or PIN
    QByteArray password;  ///< the value of --password-env or --password-file; never logged
    bool hasPassword = false;
    QString language;     ///< --lang: "sv", "en" or empty
    std::optional<Flow> startFlow; ///< --start auth|sign|phone-auth
    bool fullScreenQr = false;     ///< --fullscreen-qr
    bool verbose = false;          ///< --verbose: the libraries' info logs on stderr
    /// --once: run exactly one order (the --start task), print its outcome on stdout as one JSON object and
    /// exit with OnceRun::ExitCode. Needs --start. --json is accepted (JSON is the one output format).
    bool once = false;
    bool withEvidence = false;     ///< --with-evidence (--once only): add signature and ocspResponse
    QString personalNumber;        ///< --personal-number (--start phone-auth only): 12 digits, checked
    std::optional<CallInitiator> callInitiator; ///< --call-initiator RP|user (with --personal-number)

    /// The longest first line --password-file reads (bytes, line end excluded).
    static constexpr int MaxPasswordFileLineBytes = 1024;
};

} // namespace bankid
