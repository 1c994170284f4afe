#include "CliOptions.h"

#include "ClientIdentity.h"

#include "AgeCheck.h"
#include "AuditCommand.h"
#include "BoundedFileReader.h"
#include "OrderSession.h"
#include "SignFileCommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>

namespace bankid {

namespace {

// Reads the RP certificate password from where --password-env / --password-file point.
// A trailing newline (as `echo pw > file` writes) is not part of the password.
QString readPassword(const QCommandLineParser &parser, QByteArray *password)
{
    if (parser.isSet(QStringLiteral("password-env")) && parser.isSet(QStringLiteral("password-file")))
        return CliOptions::tr("--password-env and --password-file are mutually exclusive");
    if (parser.isSet(QStringLiteral("password-env"))) {
        const QString variable = parser.value(QStringLiteral("password-env"));
        if (!qEnvironmentVariableIsSet(variable.toLocal8Bit().constData()))
            return CliOptions::tr("--password-env: the environment variable %1 is not set").arg(variable);
        *password = qgetenv(variable.toLocal8Bit().constData());
    } else if (parser.isSet(QStringLiteral("password-file"))) {
        const QString path = parser.value(QStringLiteral("password-file"));
        QString reason;
        const std::optional<QByteArray> data = BoundedFileReader::read(path, BoundedFileReader::MaxPasswordBytes, &reason);
        if (!data)
            return CliOptions::tr("--password-file: %1").arg(reason);
        *password = *data;
        while (password->endsWith('\n') || password->endsWith('\r'))
            password->chop(1);
    }
    return {};
}

} // namespace

QString CliOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Starts and follows Swedish BankID orders from a terminal (BankID RP API v6.0).\n\n"
        "Commands:\n"
        "  auth | sign | payment | phone-auth | phone-sign   start an order and follow it to the end\n"
        "  collect ORDERREF                                 collect an order once and print its status\n"
        "  cancel ORDERREF                                  cancel an order\n"
        "  qr-content --start-token T --start-secret S --seconds N   print the animated QR content of one second\n"
        "  audit verify [FILE]                              check an audit log (default: the desk's own)\n"
        "  verify-signature SIG [--ocsp F] [--root PEM]... [--at TIME]   verify a completionData signature\n"
        "  sign-file FILE                                   sign a document by its SHA-256; writes FILE.bankid-receipt.json\n"
        "  verify FILE [RECEIPT] [--root PEM]... [--at TIME]   verify a document against its receipt, offline\n"
        "  verify-id-card QRCODE|- [--age-limit N] [--root PEM]...   verify a digital ID card (Verify API v1; - reads\n"
        "                                                   one line from stdin, e.g. a scanner); --url is the Verify API\n"
        "                                                   base there, e.g. https://127.0.0.1:8443/rp/v1\n"
        "  verify-id-card --simulator --new-test-card PNR   mint a test card in the embedded simulator and verify it\n\n"
        "BankID's signing roots are not bundled: give them to verify and verify-signature with --root. A receipt\n"
        "made with --simulator verifies against the local simulator's signing root when no --root is given.\n\n"
        "Exit codes: 0 complete (verify: every check passed), 1 order failed (verify: a check failed or did not\n"
        "run; sign-file: also when the receipt could not be written; verify-id-card: BankID refused the code, the\n"
        "holder is below --age-limit, or the evidence failed a check), 2 usage or configuration error, 3 network\n"
        "or TLS error."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), tr("The command to run (see above)."));
    parser.addOptions({
        {QStringLiteral("simulator"), tr("Start the BankID simulator in this process (simulated user) and use it.")},
        {QStringLiteral("env"), tr("BankID environment: test or production (default: test)."), QStringLiteral("ENV")},
        {QStringLiteral("url"), tr("Custom RP API base URL (needs --ca), e.g. https://127.0.0.1:8443/rp/v6.0; for verify-id-card the Verify API base URL, e.g. https://127.0.0.1:8443/rp/v1."), QStringLiteral("URL")},
        {QStringLiteral("ca"), tr("PEM file with the CA certificate(s) to pin for --url."), QStringLiteral("FILE")},
        {QStringLiteral("cert"), tr("RP client certificate: PKCS#12 (.p12/.pfx) or PEM, or a PKCS#11 URI "
                                    "(pkcs11:token=...;object=...) for a key on a token (the PIN then comes from "
                                    "--password-env / --password-file; module: BANKID_PKCS11_MODULE)."),
         QStringLiteral("FILE|URI")},
        {QStringLiteral("cert-file"), tr("Certificate file (PEM or DER) for a --cert pkcs11: URI, when the "
                                         "certificate is not on the token."), QStringLiteral("FILE")},
        {QStringLiteral("key"), tr("PEM private key, when not inside the --cert file."), QStringLiteral("FILE")},
        {QStringLiteral("password-env"), tr("Read the certificate password (or the token PIN) from this environment variable."), QStringLiteral("VAR")},
        {QStringLiteral("password-file"), tr("Read the certificate password (or the token PIN) from this file."), QStringLiteral("FILE")},
        {QStringLiteral("end-user-ip"), tr("endUserIp to send (default: this machine's address)."), QStringLiteral("IP")},
        {QStringLiteral("text"), tr("Text shown to the person in the BankID app (userVisibleData)."), QStringLiteral("TEXT")},
        {QStringLiteral("markdown"), tr("Send --text as simpleMarkdownV1.")},
        {QStringLiteral("non-visible-data"), tr("userNonVisibleData (sent base64-encoded)."), QStringLiteral("DATA")},
        {QStringLiteral("personal-number"), tr("Personal number, 12 digits: required for phone flows; for the others it restricts who may complete the order."), QStringLiteral("YYYYMMDDNNNN")},
        {QStringLiteral("call-initiator"), tr("phone-auth, phone-sign (required): who called whom, user (the person called you) or RP (you called the person)."), QStringLiteral("WHO")},
        {QStringLiteral("same-device"), tr("Start BankID on this device (autostart link) instead of showing a QR code.")},
        {QStringLiteral("pin-code"), tr("Require the security code (no biometrics).")},
        {QStringLiteral("mrtd"), tr("Require a scan of a passport or national ID card.")},
        {QStringLiteral("return-risk"), tr("Ask BankID for the risk level of the order: always done (high risk fails the order); accepted for older scripts.")},
        {QStringLiteral("transaction-type"), tr("payment: card or npa (default: card)."), QStringLiteral("TYPE")},
        {QStringLiteral("recipient"), tr("payment: recipient name."), QStringLiteral("NAME")},
        {QStringLiteral("amount"), tr("payment: amount such as 100,00."), QStringLiteral("AMOUNT")},
        {QStringLiteral("currency"), tr("payment: ISO 4217 currency (default: SEK)."), QStringLiteral("CODE")},
        {QStringLiteral("poll-interval"), tr("Milliseconds between collects, at least %1 (default: %1).").arg(OrderSession::MinPollIntervalMs), QStringLiteral("MS")},
        {QStringLiteral("auto-restart"), tr("Start a new order up to N times when the QR code was not scanned in time."), QStringLiteral("N")},
        {QStringLiteral("lang"), tr("Language of the messages: sv or en (default: the system's)."), QStringLiteral("LANG")},
        {QStringLiteral("json"), tr("Print the result as JSON on standard output.")},
        {QStringLiteral("no-qr"), tr("Do not draw the QR code (print its content instead).")},
        {QStringLiteral("verbose"), tr("Log each request and state change on standard error.")},
        {QStringLiteral("start-token"), tr("qr-content: the qrStartToken."), QStringLiteral("TOKEN")},
        {QStringLiteral("start-secret"), tr("qr-content: the qrStartSecret."), QStringLiteral("SECRET")},
        {QStringLiteral("seconds"), tr("qr-content: whole seconds since the order response arrived."), QStringLiteral("N")},
        {QStringLiteral("ocsp"), tr("verify-signature: the completionData ocspResponse (base64 or DER file)."), QStringLiteral("FILE")},
        {QStringLiteral("root"), tr("verify, verify-signature: a trusted root certificate (PEM file); repeatable."), QStringLiteral("PEM")},
        {QStringLiteral("at"), tr("verify, verify-signature: verify as of this ISO 8601 time (default: the signing time)."), QStringLiteral("TIME")},
        {QStringLiteral("age-limit"), tr("verify-id-card: the holder must be at least this old (years, %1 to %2).").arg(MinAgeLimit).arg(MaxAgeLimit), QStringLiteral("N")},
        {QStringLiteral("new-test-card"), tr("verify-id-card --simulator: mint a test ID card for this personal number and verify it."), QStringLiteral("PNR")},
    });

    if (!parser.parse(arguments))
        return parser.errorText();
    verbose = parser.isSet(QStringLiteral("verbose"));
    // Before the per-command branches below return: --lang applies to every command (verify, audit, ...).
    language = parser.value(QStringLiteral("lang"));
    if (!language.isEmpty() && language != QLatin1String("sv") && language != QLatin1String("en"))
        return tr("--lang must be sv or en, not '%1'").arg(language);
    if (parser.isSet(QStringLiteral("help"))) {
        command = Command::Help;
        helpText = parser.helpText();
        return {};
    }
    if (parser.isSet(QStringLiteral("version"))) {
        command = Command::Version;
        return {};
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return tr("no command given; try --help");
    const QString name = positional.first();
    if (name == QLatin1String("audit")) {
        command = Command::Audit;
        json = parser.isSet(QStringLiteral("json"));
        return AuditCommand::parse(positional.mid(1), &auditFile);
    }
    if (name == QLatin1String("verify-signature")) {
        command = Command::VerifySignature;
        verifySignature.json = parser.isSet(QStringLiteral("json"));
        return VerifySignatureCommand::parse(positional.mid(1), parser.value(QStringLiteral("ocsp")),
                                             parser.values(QStringLiteral("root")), parser.value(QStringLiteral("at")),
                                             &verifySignature);
    }
    if (name == QLatin1String("verify")) {
        command = Command::VerifyReceipt;
        verifyReceipt.json = parser.isSet(QStringLiteral("json"));
        return VerifyReceiptCommand::parse(positional.mid(1), parser.values(QStringLiteral("root")),
                                           parser.value(QStringLiteral("at")), &verifyReceipt);
    }
    const bool signFile = name == QLatin1String("sign-file");
    const bool verifyIdCardCommand = name == QLatin1String("verify-id-card");
    const int expectedPositionals = (name == QLatin1String("collect") || name == QLatin1String("cancel")) ? 2 : 1;
    if (signFile) {
        if (const QString problem = SignFileCommand::parse(positional.mid(1), &documentFile); !problem.isEmpty())
            return problem;
    } else if (verifyIdCardCommand) {
        verifyIdCard.json = parser.isSet(QStringLiteral("json"));
        if (const QString problem = VerifyIdCardCommand::parse(positional.mid(1), parser.value(QStringLiteral("age-limit")),
                                                              parser.value(QStringLiteral("new-test-card")),
                                                              parser.isSet(QStringLiteral("simulator")),
                                                              parser.values(QStringLiteral("root")), &verifyIdCard);
            !problem.isEmpty())
            return problem;
        // An ID card verification is no order: the order options would be silently ignored, so they are refused.
        for (const char *option : {"text", "markdown", "non-visible-data", "personal-number", "call-initiator", "same-device",
                                   "pin-code", "mrtd", "transaction-type", "recipient", "amount", "currency",
                                   "poll-interval", "auto-restart", "end-user-ip", "no-qr", "ocsp", "at"}) {
            if (parser.isSet(QLatin1String(option)))
                return tr("--%1 does not apply to verify-id-card").arg(QLatin1String(option));
        }
    } else if (parser.isSet(QStringLiteral("age-limit")) || parser.isSet(QStringLiteral("new-test-card"))) {
        return tr("--age-limit and --new-test-card apply only to verify-id-card");
    } else if (positional.size() != expectedPositionals) {
        return expectedPositionals == 2 ? tr("%1 needs exactly one ORDERREF").arg(name)
                                        : tr("unexpected argument '%1'").arg(positional.value(1));
    }

    if (signFile) {
        command = Command::SignFile;
        flow = Flow::Sign;
        // The document decides what is shown and signed: options that would change it do not apply.
        for (const char *option : {"text", "markdown", "non-visible-data"}) {
            if (parser.isSet(QLatin1String(option)))
                return tr("--%1 does not apply to sign-file: the text shown and the data signed are made from the "
                          "document")
                    .arg(QLatin1String(option));
        }
        for (const char *option : {"call-initiator", "transaction-type", "recipient", "amount", "currency"}) {
            if (parser.isSet(QLatin1String(option)))
                return tr("--%1 does not apply to sign-file, which starts a sign order").arg(QLatin1String(option));
        }
    } else if (verifyIdCardCommand) {
        command = Command::VerifyIdCard;
    } else if (name == QLatin1String("collect") || name == QLatin1String("cancel")) {
        command = name == QLatin1String("collect") ? Command::Collect : Command::Cancel;
        orderRef = positional.at(1);
    } else if (name == QLatin1String("qr-content")) {
        command = Command::QrContent;
        startToken = parser.value(QStringLiteral("start-token"));
        startSecret = parser.value(QStringLiteral("start-secret"));
        if (startToken.isEmpty() || startSecret.isEmpty() || !parser.isSet(QStringLiteral("seconds")))
            return tr("qr-content needs --start-token, --start-secret and --seconds");
        bool ok = false;
        seconds = parser.value(QStringLiteral("seconds")).toLongLong(&ok);
        if (!ok || seconds < 0)
            return tr("--seconds must be a whole number of seconds, 0 or more");
        return {};
    } else if (const auto parsedFlow = flowFromName(name)) {
        command = Command::Order;
        flow = *parsedFlow;
    } else {
        return tr("unknown command '%1'; try --help").arg(name);
    }

    useSimulator = parser.isSet(QStringLiteral("simulator"));
    url = parser.value(QStringLiteral("url"));
    caFile = parser.value(QStringLiteral("ca"));
    certFile = parser.value(QStringLiteral("cert"));
    keyFile = parser.value(QStringLiteral("key"));
    certCompanionFile = parser.value(QStringLiteral("cert-file"));
    const bool tokenKey = ClientIdentity::isTokenUri(certFile);
    if (!certCompanionFile.isEmpty() && !tokenKey)
        return tr("--cert-file is only for a key on a token: give --cert a pkcs11: URI, or put the certificate in "
                  "--cert (and the key in --key)");
    if (!keyFile.isEmpty() && tokenKey)
        return tr("--key cannot be used with a --cert pkcs11: URI (the key is on the token); give the certificate "
                  "file with --cert-file");
    if (parser.isSet(QStringLiteral("env"))) {
        const auto parsed = environmentFromName(parser.value(QStringLiteral("env")));
        if (!parsed || *parsed == Environment::Custom)
            return tr("--env must be test or production (use --url for anything else), not '%1'")
                .arg(parser.value(QStringLiteral("env")));
        environment = *parsed;
    }
    if (!url.isEmpty())
        environment = Environment::Custom;
    if (useSimulator && (!url.isEmpty() || !certFile.isEmpty() || parser.isSet(QStringLiteral("env"))))
        return tr("--simulator brings its own URL, CA and certificate: leave out --url, --env and --cert");
    if (!url.isEmpty() && caFile.isEmpty())
        return tr("--url needs --ca: a custom server is only trusted through a CA you name");
    if (!useSimulator && certFile.isEmpty())
        return tr("--cert is required (the RP certificate), unless --simulator is used");
    if (const QString problem = readPassword(parser, &password); !problem.isEmpty())
        return problem;

    endUserIp = parser.value(QStringLiteral("end-user-ip"));
    if (!endUserIp.isEmpty() && QHostAddress(endUserIp).isNull())
        return tr("--end-user-ip: '%1' is not an IPv4 or IPv6 address").arg(endUserIp);
    text = parser.value(QStringLiteral("text"));
    markdown = parser.isSet(QStringLiteral("markdown"));
    nonVisibleData = parser.value(QStringLiteral("non-visible-data")).toUtf8();
    personalNumber = parser.value(QStringLiteral("personal-number"));
    // Who called whom is part of what BankID tells the person on a phone order: never guessed.
    if (isPhoneFlow(flow)) {
        if (!parser.isSet(QStringLiteral("call-initiator")))
            return tr("%1 needs --call-initiator user (the person called you) or --call-initiator RP (you called "
                      "the person)")
                .arg(name);
        const QString initiator = parser.value(QStringLiteral("call-initiator"));
        callInitiator = callInitiatorFromName(initiator);
        if (!callInitiator)
            return tr("--call-initiator must be user (the person called you) or RP (you called the person), not '%1'")
                .arg(initiator);
    } else if (parser.isSet(QStringLiteral("call-initiator"))) {
        return tr("--call-initiator applies only to phone-auth and phone-sign");
    }
    sameDevice = parser.isSet(QStringLiteral("same-device"));
    pinCode = parser.isSet(QStringLiteral("pin-code"));
    mrtd = parser.isSet(QStringLiteral("mrtd"));
    transactionType = parser.value(QStringLiteral("transaction-type"));
    recipient = parser.value(QStringLiteral("recipient"));
    amount = parser.value(QStringLiteral("amount"));
    currency = parser.value(QStringLiteral("currency"));
    if (parser.isSet(QStringLiteral("poll-interval"))) {
        bool ok = false;
        pollIntervalMs = parser.value(QStringLiteral("poll-interval")).toInt(&ok);
        if (!ok || pollIntervalMs < OrderSession::MinPollIntervalMs)
            return tr("--poll-interval must be at least %1 ms (BankID asks for one collect every 2 s)")
                .arg(OrderSession::MinPollIntervalMs);
    }
    if (parser.isSet(QStringLiteral("auto-restart"))) {
        bool ok = false;
        autoRestarts = parser.value(QStringLiteral("auto-restart")).toInt(&ok);
        if (!ok || autoRestarts < 0 || autoRestarts > 10)
            return tr("--auto-restart must be a number from 0 to 10");
    }
    json = parser.isSet(QStringLiteral("json"));
    noQr = parser.isSet(QStringLiteral("no-qr"));
    if (sameDevice && isPhoneFlow(flow))
        return tr("--same-device does not apply to phone flows: the person is on a call");
    return {};
}

} // namespace bankid
