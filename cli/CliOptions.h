#pragma once

#include "ApiTypes.h"
#include "Environment.h"
#include "OrderSession.h"
#include "VerifyIdCardCommand.h"
#include "VerifyReceiptCommand.h"
#include "VerifySignatureCommand.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace bankid {

/// What bankid-cli was asked to do, parsed and checked from the command line.
///
/// Contract: parse() never reads a password from argv: only from an environment variable
/// (--password-env VAR) or a file (--password-file FILE), so it never shows in `ps` or shell history.
///
///     CliOptions options;
///     if (const QString problem = options.parse(QCoreApplication::arguments()); !problem.isEmpty())
///         return fail(ExitCode::Usage, problem);
class CliOptions
{
    Q_DECLARE_TR_FUNCTIONS(bankid::CliOptions)

public:
    /// The sub-command.
    enum class Command {
        Order,      ///< auth, sign, payment, phone-auth, phone-sign
        Collect,    ///< one collect of an existing orderRef
        Cancel,     ///< cancel an existing orderRef
        QrContent,  ///< print the animated QR content for a token, secret and second
        Help,       ///< --help was given: the help text is in helpText
        Version,    ///< --version was given
        Audit,      ///< audit verify [FILE]: check the desk's audit log (AuditCommand)
        VerifySignature, ///< verify-signature SIG: check BankID evidence (VerifySignatureCommand)
        SignFile,   ///< sign-file FILE: a Flow::Sign order over the file's digest, then a receipt (SignFileCommand)
        VerifyReceipt, ///< verify FILE [RECEIPT]: check a document against its receipt (VerifyReceiptCommand)
        VerifyIdCard, ///< verify-id-card QRCODE|-: ask BankID's Verify API about an ID card (VerifyIdCardCommand)
    };

    /// Parses `arguments` (argv including the program name). Returns an empty string when valid,
    /// else one sentence naming the option and what is wrong.
    QString parse(const QStringList &arguments);

    Command command = Command::Help;
    Flow flow = Flow::Auth;
    QString helpText;

    // Where to connect.
    bool useSimulator = false;
    Environment environment = Environment::Test;
    QString url;
    QString caFile;
    QString certFile;
    QString keyFile;
    QString certCompanionFile; ///< --cert-file: the certificate of a key on a token (--cert pkcs11:...)
    QByteArray password; ///< from --password-env / --password-file only; never logged

    // The order.
    QString endUserIp;
    QString text;
    bool markdown = false;
    QByteArray nonVisibleData;
    QString personalNumber;
    /// Phone flows: who called whom; parse() refuses a phone order without it (there is no default).
    std::optional<CallInitiator> callInitiator;
    bool sameDevice = false;
    bool pinCode = false;
    bool mrtd = false;
    QString transactionType;
    QString recipient;
    QString amount;
    QString currency;
    int pollIntervalMs = OrderSession::MinPollIntervalMs; ///< never below it (parse() refuses less)
    int autoRestarts = 0;

    // Output.
    QString language; ///< "sv", "en" or empty for the system locale
    bool json = false;
    bool noQr = false;
    bool verbose = false; ///< show the libraries' log lines (bankid.*) on stderr

    // collect / cancel
    QString orderRef;

    // audit verify [FILE]
    QString auditFile; ///< empty: the desk's log

    // verify-signature SIG [--ocsp OCSP] [--root PEM]... [--at ISO-8601]
    VerifySignatureCommand::Arguments verifySignature;

    // sign-file FILE (with the connection and order options of sign)
    QString documentFile;

    // verify FILE [RECEIPT] [--root PEM]... [--at ISO-8601]
    VerifyReceiptCommand::Arguments verifyReceipt;
    // verify-id-card QRCODE|- [--age-limit N] [--root PEM]... (with the connection options; --url is the
    // Verify API base) or verify-id-card --simulator --new-test-card PNR
    VerifyIdCardCommand::Arguments verifyIdCard;

    // qr-content
    QString startToken;
    QString startSecret;
    qint64 seconds = 0;
};

} // namespace bankid
