// bankid-simulator: serves the BankID RP API v6.0 simulator until SIGINT/SIGTERM (see README.md).

#include "BankIdVersion.h"
#include "FaultRule.h"
#include "Simulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace bankid::sim;

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    // Only async-signal-safe work here: wake the event loop through the pipe.
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
}

bool parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint number = text.mid(colon + 1).toUInt(&ok);
    if (!ok || number > 65535 || !address->setAddress(host))
        return false;
    *port = quint16(number);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bankid-simulator"));
    QCoreApplication::setOrganizationName(QStringLiteral("BankIdDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BANKID_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A local BankID RP API v6.0 server over mutual TLS (see the bankid-simulator(1) manual page)."));
    parser.addHelpOption();
    // --help and --version print and exit in parser.process() below, before any certificate or socket work
    // (and with no display: this is a QCoreApplication).
    parser.addVersionOption();
    const QCommandLineOption stateDir(QStringLiteral("state-dir"),
                                      QStringLiteral("Folder for ca.pem, server and client certificates "
                                                     "(default: <AppDataLocation>/bankid-simulator)."),
                                      QStringLiteral("DIR"));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address and port, e.g. 127.0.0.1:8443 or [::1]:0 (0 = any free "
                                                   "port). Default 127.0.0.1:8443."),
                                    QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8443"));
    const QCommandLineOption hostname(QStringLiteral("hostname"),
                                      QStringLiteral("Extra DNS name or IP for the server certificate (repeatable)."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption trust(QStringLiteral("trust-client-ca"),
                                   QStringLiteral("Also accept client certificates issued by the CA(s) in this PEM file "
                                                  "(repeatable)."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption acceptAny(QStringLiteral("accept-any-client-cert"),
                                       QStringLiteral("Accept any client certificate (a request without one gets 401)."));
    const QCommandLineOption user(QStringLiteral("user"),
                                  QStringLiteral("auto: a simulated user scans and signs after 2 s; manual: only the "
                                                 "control API acts."),
                                  QStringLiteral("auto|manual"), QStringLiteral("auto"));
    const QCommandLineOption risk(QStringLiteral("risk"),
                                  QStringLiteral("BankID's risk verdict on every order: low, moderate or high "
                                                 "(completionData.risk when returnRisk is true), or blocked (the order "
                                                 "fails with transactionRiskBlocked when approved). Default low."),
                                  QStringLiteral("low|moderate|high|blocked"), QStringLiteral("low"));
    const QCommandLineOption latency(QStringLiteral("latency-ms"),
                                     QStringLiteral("Delay before every RP API answer (default 250)."), QStringLiteral("N"),
                                     QStringLiteral("250"));
    const QCommandLineOption fault(QStringLiteral("fault"),
                                   QStringLiteral("Fault rule <endpoint>:<500|502|503|429|408|html|truncate|close|processed-close|partial|delay=MS>"
                                                  "[:count=N][:p=P] (repeatable)."),
                                   QStringLiteral("SPEC"));
    const QCommandLineOption idCardLifetime(QStringLiteral("id-card-lifetime-ms"),
                                            QStringLiteral("An ID card QR code (POST /sim/v1/persons/{pn}/id-card) can "
                                                           "be verified once within N ms (default 30000)."),
                                            QStringLiteral("N"), QStringLiteral("30000"));
    const QCommandLineOption handshakeTimeout(QStringLiteral("handshake-timeout-ms"),
                                              QStringLiteral("Abort a TLS handshake not finished within N ms "
                                                             "(default 10000)."),
                                              QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption idleTimeout(QStringLiteral("idle-timeout-ms"),
                                         QStringLiteral("A request must be complete N ms after its first byte (else "
                                                        "408 + close); idle connections close after N ms (default "
                                                        "15000)."),
                                         QStringLiteral("N"), QStringLiteral("15000"));
    const QCommandLineOption maxConnections(QStringLiteral("max-connections"),
                                            QStringLiteral("Connections served normally; more get 503 + close, 64 "
                                                           "more are closed at once (default 1000)."),
                                            QStringLiteral("N"), QStringLiteral("1000"));
    parser.addOptions({stateDir, listen, hostname, trust, acceptAny, user, risk, latency, fault, idCardLifetime,
                       handshakeTimeout, idleTimeout, maxConnections});
    parser.process(app);

    QTextStream err(stderr);
    SimulatorOptions options;
    options.stateDir = parser.value(stateDir);
    if (!parseListen(parser.value(listen), &options.listenAddress, &options.port)) {
        err << "--listen: expected HOST:PORT (e.g. 127.0.0.1:8443 or [::1]:0), got \"" << parser.value(listen) << "\"\n";
        return 2;
    }
    options.extraHostnames = parser.values(hostname);
    options.trustedClientCaFiles = parser.values(trust);
    options.acceptAnyClientCert = parser.isSet(acceptAny);
    const QString mode = parser.value(user);
    if (mode != QLatin1String("auto") && mode != QLatin1String("manual")) {
        err << "--user: expected auto or manual, got \"" << mode << "\"\n";
        return 2;
    }
    options.userMode = mode == QLatin1String("auto") ? UserMode::Auto : UserMode::Manual;
    const auto riskVerdict = orderRiskFromName(parser.value(risk));
    if (!riskVerdict) {
        err << "--risk: expected low, moderate, high or blocked, got \"" << parser.value(risk) << "\"\n";
        return 2;
    }
    options.risk = *riskVerdict;
    bool ok = false;
    options.latencyMs = parser.value(latency).toInt(&ok);
    if (!ok || options.latencyMs < 0) {
        err << "--latency-ms: expected a whole number >= 0, got \"" << parser.value(latency) << "\"\n";
        return 2;
    }
    const auto positive = [&parser, &err](const QCommandLineOption &option, int *target) {
        bool valid = false;
        const int value = parser.value(option).toInt(&valid);
        if (!valid || value < 1) {
            err << "--" << option.names().constFirst() << ": expected a whole number >= 1, got \"" << parser.value(option)
                << "\"\n";
            return false;
        }
        *target = value;
        return true;
    };
    if (!positive(handshakeTimeout, &options.handshakeTimeoutMs) || !positive(idleTimeout, &options.idleTimeoutMs)
        || !positive(maxConnections, &options.maxConnections) || !positive(idCardLifetime, &options.idCardCodeLifetimeMs))
        return 2;
    for (const QString &spec : parser.values(fault)) {
        QString error;
        const auto rule = FaultRule::parse(spec, &error);
        if (!rule) {
            err << "--fault: " << error << "\n";
            return 2;
        }
        options.faults.append(*rule);
    }

    Simulator simulator(options);
    QString error;
    if (!simulator.start(&error)) {
        err << "bankid-simulator: " << error << "\n";
        return 1;
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0) {
        err << "bankid-simulator: cannot create the signal pipe\n";
        return 1;
    }
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&app]() {
        char byte = 0;
        [[maybe_unused]] const ssize_t got = ::read(signalPipe[0], &byte, 1);
        app.quit();
    });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    QTextStream out(stdout);
    const QString base = simulator.baseUrl().toString();
    out << "BankID RP API v6.0 simulator\n"
        << "  base URL:        " << base << "\n"
        << "  Verify API:      " << simulator.idCardBaseUrl().toString() << " (ID cards: POST /verify)\n"
        << "  control API:     " << simulator.controlUrl().toString() << "\n"
        << "  user mode:       " << mode << ", risk " << orderRiskName(options.risk) << ", latency " << options.latencyMs
        << " ms\n"
        << "  CA certificate:  " << simulator.caCertificatePath() << "\n"
        << "  client.p12:      " << simulator.clientP12Path() << " (password " << Simulator::clientPassword << ")\n"
        << "  client.pem:      " << simulator.clientCertificatePath() << "\n"
        << "  client-key.pem:  " << simulator.clientKeyPath() << " (unencrypted)\n"
        << "  signing root:    " << simulator.signingRootPath() << " (verify signatures with --root)\n"
        << "Try:\n"
        << "  curl --cacert '" << simulator.caCertificatePath() << "' --cert '" << simulator.clientCertificatePath()
        << "' --key '" << simulator.clientKeyPath() << "' -H 'Content-Type: application/json' -d "
        << "'{\"endUserIp\":\"127.0.0.1\"}' " << base << "/auth\n"
        << "Ready. Stop with Ctrl+C.\n";
    out.flush();

    const int code = app.exec();
    out << "bankid-simulator: stopped\n";
    return code;
}
