// bankid-cli: BankID orders from a terminal. See CliOptions for the command line and README for examples.
#include "BankIdVersion.h"
#include "CliApplication.h"
#include "CliOptions.h"
#include "TerminalSafeText.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace {

int g_signalPipe[2] = {-1, -1};

// Async-signal-safe: only write() a byte; the event loop turns it into CliApplication::interrupt().
void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

// Log lines quote servers (BankID's details, orderRefs, excerpts of answers): formatted as Qt's default
// handler would, on one line each, and nothing in them may drive the terminal (TerminalSafeText).
void writeTerminalSafeLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray line = (bankid::TerminalSafeText::line(qFormatLogMessage(type, context, message)) + u'\n').toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
    if (type == QtFatalMsg)
        std::abort();
}

} // namespace

int main(int argc, char *argv[])
{
    qInstallMessageHandler(writeTerminalSafeLog);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bankid-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("BankID Desk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BANKID_VERSION));

    bankid::CliOptions options;
    if (const QString problem = options.parse(QCoreApplication::arguments()); !problem.isEmpty()) {
        // The problem may quote an argument, which may hold anything.
        std::fprintf(stderr, "bankid-cli: %s\n", bankid::TerminalSafeText::lines(problem).toUtf8().constData());
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
