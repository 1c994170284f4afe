// bankid-cli: BankID orders from a terminal. See CliOptions for the command line and README for examples.
#include "CliApplication.h"
#include "CliOptions.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace {

int g_signalPipe[2] = {-1, -1};

// Async-signal-safe: only write() a byte; the event loop turns it into CliApplication::interrupt().
void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bankid-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("BankID Desk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BANKID_DESK_VERSION));

    bankid::CliOptions options;
    if (const QString problem = options.parse(QCoreApplication::arguments()); !problem.isEmpty()) {
        std::fprintf(stderr, "bankid-cli: %s\n", problem.toUtf8().constData());
        return static_cast<int>(bankid::ExitCode::Usage);
    }

    // The libraries log every request and transition at info level: useful with -v, noise otherwise.
    // QT_LOGGING_RULES still overrides this.
    if (!options.verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("bankid.*.info=false\nbankid.*.debug=false"));

    bankid::CliApplication cli(options);
    if (::pipe(g_signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &cli, [&cli] {
            char byte = 0;
            [[maybe_unused]] const auto read = ::read(g_signalPipe[0], &byte, 1);
            cli.interrupt();
        });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    QTimer::singleShot(0, &cli, &bankid::CliApplication::start);
    return app.exec();
}
