#include "DeskOptions.h"

#include "ClientIdentity.h"
#include "PersonalNumber.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QFile>

namespace bankid {

QString DeskOptions::tasksDescription()
{
    return tr("BankID Desk: six tasks with Swedish BankID at a service desk.\n"
              "  Log in: the person in front of you logs in with BankID.\n"
              "  Identify caller: identify the person you are on the phone with, or let them sign.\n"
              "  Sign text: the person signs a text you write.\n"
              "  Sign document: the person signs a document; a receipt is saved next to it.\n"
              "  Verify receipt: check a signed document against its receipt, offline.\n"
              "  Verify ID card: check a visitor's digital ID card and their age.");
}

QString DeskOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tasksDescription() + QStringLiteral("\n\n")
        + tr("Without options it uses the saved settings (by default the embedded simulator)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("environment"), tr("Where to send orders: simulator, test or production (default: the saved setting)."), QStringLiteral("ENV")},
        {QStringLiteral("url"), tr("Custom RP API base URL (implies a custom environment; needs --ca)."), QStringLiteral("URL")},
        {QStringLiteral("ca"), tr("PEM file with the CA certificate(s) to pin for --url."), QStringLiteral("FILE")},
        {QStringLiteral("cert"), tr("RP client certificate: PKCS#12 (.p12/.pfx) or PEM file, or a pkcs11: URI of a key on a token."), QStringLiteral("FILE|URI")},
        {QStringLiteral("cert-file"), tr("With a pkcs11: URI in --cert: the certificate file (PEM or DER); default: the certificate on the token."), QStringLiteral("FILE")},
        {QStringLiteral("password-env"), tr("Read the certificate password (or the token PIN) from this environment variable."), QStringLiteral("VAR")},
        {QStringLiteral("password-file"), tr("Read the certificate password (or the token PIN) from the first line of this file."), QStringLiteral("FILE")},
        {QStringLiteral("lang"), tr("Language: sv or en (default: the saved setting, else the system's)."), QStringLiteral("LANG")},
        {QStringLiteral("start"), tr("Start an order at launch: auth, sign or phone-auth."), QStringLiteral("TASK")},
        {QStringLiteral("personal-number"), tr("With --start phone-auth: the caller's personal number (YYYYMMDDNNNN)."), QStringLiteral("NUMBER")},
        {QStringLiteral("call-initiator"), tr("With --personal-number: who called whom, RP (the desk called) or user (the person called)."), QStringLiteral("RP|user")},
        {QStringLiteral("once"), tr("Run exactly one order (needs --start), print the verified identity on standard output as one JSON object and exit: 0 verified, 1 failed or cancelled by the person, 2 usage or configuration, 3 network or TLS, 4 closed by the operator.")},
        {QStringLiteral("json"), tr("With --once: write the result as JSON (the only format, accepted for clarity).")},
        {QStringLiteral("with-evidence"), tr("With --once: add BankID's signature and OCSP response (base64) to the JSON.")},
        {QStringLiteral("fullscreen-qr"), tr("Open the full-screen QR code window with the first order.")},
        {QStringLiteral("verbose"), tr("Log each request and state change on standard error.")},
    });

    if (!parser.parse(arguments))
        return parser.errorText();
    // --help-all (added by addHelpOption) would list Qt's GUI options, which only QCommandLineParser::process()
    // prints (and exits): here it shows the desk's help like --help, so it never opens a window.
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        helpRequested = true;
        helpText = parser.helpText();
        return {};
    }
    if (parser.isSet(QStringLiteral("version"))) {
        versionRequested = true;
        return {};
    }
    if (!parser.positionalArguments().isEmpty())
        return tr("unexpected argument '%1'; try --help").arg(parser.positionalArguments().first());

    verbose = parser.isSet(QStringLiteral("verbose"));
    fullScreenQr = parser.isSet(QStringLiteral("fullscreen-qr"));
    url = parser.value(QStringLiteral("url")).trimmed();
    caFile = parser.value(QStringLiteral("ca"));
    certFile = parser.value(QStringLiteral("cert"));

    if (parser.isSet(QStringLiteral("environment"))) {
        const QString name = parser.value(QStringLiteral("environment"));
        const auto parsed = deskEnvironmentFromName(name);
        if (!parsed || *parsed == DeskEnvironment::Custom)
            return tr("--environment must be simulator, test or production (use --url for anything else), not '%1'")
                .arg(name);
        environment = *parsed;
    }
    if (parser.isSet(QStringLiteral("url"))) {
        if (environment)
            return tr("--url implies a custom environment: leave out --environment %1")
                .arg(deskEnvironmentName(*environment));
        const QUrl parsedUrl(url, QUrl::StrictMode);
        if (url.isEmpty() || !parsedUrl.isValid() || parsedUrl.scheme() != QLatin1String("https") || parsedUrl.host().isEmpty())
            return tr("--url must be an absolute https:// URL such as https://127.0.0.1:8443/rp/v6.0, not '%1'").arg(url);
        environment = DeskEnvironment::Custom;
        if (caFile.isEmpty())
            return tr("--url needs --ca: a custom server is only trusted through a CA you name");
    } else if (parser.isSet(QStringLiteral("ca"))) {
        return tr("--ca only applies with --url (the test and production roots are built in)");
    }
    if (environment == DeskEnvironment::Simulator && parser.isSet(QStringLiteral("cert")))
        return tr("--environment simulator brings its own certificate: leave out --cert");

    if (parser.isSet(QStringLiteral("cert-file"))) {
        certCompanionFile = parser.value(QStringLiteral("cert-file"));
        if (!parser.isSet(QStringLiteral("cert")))
            return tr("--cert-file only applies with --cert pkcs11:… (the certificate of a key on a token)");
        // RFC 7512: the scheme is case-insensitive (ClientIdentity::isTokenUri says the same).
        if (!ClientIdentity::isTokenUri(certFile))
            return tr("--cert-file only applies when --cert is a pkcs11: URI; '%1' is a file that holds its own certificate")
                .arg(certFile);
        if (certCompanionFile.isEmpty())
            return tr("--cert-file needs the name of a certificate file");
    }

    if (parser.isSet(QStringLiteral("password-env")) && parser.isSet(QStringLiteral("password-file")))
        return tr("give either --password-env or --password-file, not both");
    if (parser.isSet(QStringLiteral("password-file"))) {
        passwordFile = parser.value(QStringLiteral("password-file"));
        if (passwordFile.isEmpty())
            return tr("--password-file needs the name of a file");
        QFile file(passwordFile);
        if (!file.open(QIODevice::ReadOnly))
            return tr("--password-file: cannot read %1: %2").arg(passwordFile, file.errorString());
        // One line more than the limit tells a too long line from one of exactly the limit.
        QByteArray line = file.readLine(MaxPasswordFileLineBytes + 3);
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        if (line.size() > MaxPasswordFileLineBytes)
            return tr("--password-file: the first line of %1 is longer than %2 bytes").arg(passwordFile).arg(MaxPasswordFileLineBytes);
        if (file.error() != QFileDevice::NoError)
            return tr("--password-file: cannot read %1: %2").arg(passwordFile, file.errorString());
        password = line;
        hasPassword = true;
    }
    if (parser.isSet(QStringLiteral("password-env"))) {
        passwordEnv = parser.value(QStringLiteral("password-env"));
        if (passwordEnv.isEmpty())
            return tr("--password-env needs the name of an environment variable");
        const QByteArray variable = passwordEnv.toLocal8Bit();
        if (!qEnvironmentVariableIsSet(variable.constData()))
            return tr("--password-env: the environment variable %1 is not set").arg(passwordEnv);
        password = qgetenv(variable.constData());
        hasPassword = true;
    }

    if (parser.isSet(QStringLiteral("lang"))) {
        language = parser.value(QStringLiteral("lang"));
        if (language != QLatin1String("sv") && language != QLatin1String("en"))
            return tr("--lang must be sv or en, not '%1'").arg(language);
    }

    if (parser.isSet(QStringLiteral("start"))) {
        const QString task = parser.value(QStringLiteral("start"));
        if (task == QLatin1String("auth"))
            startFlow = Flow::Auth;
        else if (task == QLatin1String("sign"))
            startFlow = Flow::Sign;
        else if (task == QLatin1String("phone-auth"))
            startFlow = Flow::PhoneAuth;
        else
            return tr("--start must be auth, sign or phone-auth, not '%1'").arg(task);
    }

    if (parser.isSet(QStringLiteral("personal-number"))) {
        if (startFlow != Flow::PhoneAuth)
            return tr("--personal-number only applies with --start phone-auth");
        const QString input = parser.value(QStringLiteral("personal-number"));
        // The 10-digit forms people say aloud are accepted too (as on the Identify caller page).
        const QString expanded = PersonalNumber::expandedDigits(input, QDate::currentDate());
        PersonalNumber::Rule failed = PersonalNumber::Rule::Format;
        const auto number = PersonalNumber::parse(expanded.isEmpty() ? input : expanded, &failed);
        if (!number)
            return tr("--personal-number %1: %2").arg(PersonalNumber::mask(input), PersonalNumber::ruleMessage(failed));
        personalNumber = number->digits();
    }
    if (parser.isSet(QStringLiteral("call-initiator"))) {
        if (!parser.isSet(QStringLiteral("personal-number")))
            return tr("--call-initiator only applies with --start phone-auth --personal-number");
        const QString name = parser.value(QStringLiteral("call-initiator"));
        callInitiator = callInitiatorFromName(name);
        if (!callInitiator)
            return tr("--call-initiator must be user (the person called you) or RP (you called the person), not '%1'").arg(name);
    } else if (!personalNumber.isEmpty()) {
        return tr("--personal-number needs --call-initiator user (the person called you) or --call-initiator RP (you called the person)");
    }

    once = parser.isSet(QStringLiteral("once"));
    withEvidence = parser.isSet(QStringLiteral("with-evidence"));
    if (once && !startFlow)
        return tr("--once needs --start auth, sign or phone-auth: it runs exactly one order");
    if (!once && parser.isSet(QStringLiteral("json")))
        return tr("--json only applies with --once");
    if (!once && withEvidence)
        return tr("--with-evidence only applies with --once");
    return {};
}

} // namespace bankid
