#include "DeskOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace bankid {

QString DeskOptions::tasksDescription()
{
    return tr("BankID Desk: five tasks with Swedish BankID at a service desk.\n"
              "  Log in: the person in front of you logs in with BankID.\n"
              "  Identify caller: identify the person you are on the phone with, or let them sign.\n"
              "  Sign text: the person signs a text you write.\n"
              "  Sign document: the person signs a document; a receipt is saved next to it.\n"
              "  Verify receipt: check a signed document against its receipt, offline.");
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
        {QStringLiteral("cert"), tr("RP client certificate: PKCS#12 (.p12/.pfx) or PEM."), QStringLiteral("FILE")},
        {QStringLiteral("password-env"), tr("Read the certificate password from this environment variable."), QStringLiteral("VAR")},
        {QStringLiteral("lang"), tr("Language: sv or en (default: the saved setting, else the system's)."), QStringLiteral("LANG")},
        {QStringLiteral("start"), tr("Start an order at launch: auth, sign or phone-auth."), QStringLiteral("TASK")},
        {QStringLiteral("fullscreen-qr"), tr("Open the full-screen QR code window with the first order.")},
        {QStringLiteral("verbose"), tr("Log each request and state change on standard error.")},
    });

    if (!parser.parse(arguments))
        return parser.errorText();
    if (parser.isSet(QStringLiteral("help"))) {
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
    return {};
}

} // namespace bankid
