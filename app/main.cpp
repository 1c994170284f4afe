// bankid-desk: the BankID Relying Party desk app. See DeskOptions for the command line and README.
#include "AppSettings.h"
#include "BankIdVersion.h"
#include "ConnectionManager.h"
#include "DeskOptions.h"
#include "LockedOptions.h"
#include "MainWindow.h"
#include "OnceRun.h"
#include "ReservedStandardOutput.h"
#include "TerminationSignals.h"
#include "Translations.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFile>
#include <QIcon>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

void setApplicationNames()
{
    QCoreApplication::setApplicationName(QStringLiteral("bankid-desk"));
    QCoreApplication::setOrganizationName(QStringLiteral("BankID Desk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BANKID_VERSION));
}

/// --lang, else the saved choice, else the system language.
QLocale chosenLocale(const QString &language, const bankid::AppSettings &settings)
{
    const QString chosen = !language.isEmpty() ? language : settings.language();
    return chosen.isEmpty() ? QLocale::system()
                            : QLocale(chosen == QLatin1String("sv") ? QLocale::Swedish : QLocale::English);
}

/// The value of --lang, found before parsing: the help text is built while parsing, so its translation
/// must be installed first. An invalid value falls back to English here and is reported by the parse.
QString languageArgument(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--lang") && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arguments.at(i).startsWith(QLatin1String("--lang=")))
            return arguments.at(i).mid(7);
    }
    return {};
}

/// A single-dash argument may be one of QGuiApplication's own options (-platform, -style, -reverse …),
/// which only QApplication removes from the arguments.
bool mayHoldQtOption(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--"))
            return false;
        if (argument.size() > 2 && argument.startsWith(QLatin1Char('-')) && argument.at(1) != QLatin1Char('-'))
            return true;
    }
    return false;
}

enum class Parsed { Run, Exit, Retry };

/// Parses the command line; prints help, the version or the usage error. Exit: main() returns `*status`.
Parsed parseAndReport(bankid::DeskOptions &options, const QStringList &arguments, bool allowRetry, int *status)
{
    const QString problem = options.parse(arguments);
    if (!problem.isEmpty()) {
        if (allowRetry && mayHoldQtOption(arguments))
            return Parsed::Retry; // report it once QApplication took its own options out
        std::fprintf(stderr, "bankid-desk: %s\n", problem.toUtf8().constData());
        *status = bankid::OnceRun::Usage;
        return Parsed::Exit;
    }
    if (options.helpRequested) {
        std::fprintf(stdout, "%s", options.helpText.toUtf8().constData());
        *status = 0;
        return Parsed::Exit;
    }
    if (options.versionRequested) {
        std::fprintf(stdout, "bankid-desk %s\n", BANKID_VERSION);
        *status = 0;
        return Parsed::Exit;
    }
    return Parsed::Run;
}

} // namespace

int main(int argc, char *argv[])
{
    // --help, --version and usage errors need no display: parse under a QCoreApplication first (with the
    // translation installed, so the help text is in the chosen language), and only then create the
    // QApplication, which aborts without a display. Only when an argument may be one of Qt's GUI options
    // (single dash) is an error left for the second parse, after QApplication has removed those.
    bankid::DeskOptions options;
    bool parsed = false;
    {
        QCoreApplication core(argc, argv);
        setApplicationNames();
        const QStringList arguments = QCoreApplication::arguments();
        // The libraries log every request and transition at info level: useful with --verbose, noise
        // otherwise. QT_LOGGING_RULES still overrides this.
        if (!arguments.contains(QLatin1String("--verbose")))
            QLoggingCategory::setFilterRules(QStringLiteral("bankid.*.info=false\nbankid.*.debug=false"));
        {
            const bankid::AppSettings settings;
            bankid::Translations::install(chosenLocale(languageArgument(arguments), settings));
        }
        int status = 0;
        switch (parseAndReport(options, arguments, true, &status)) {
        case Parsed::Exit:
            bankid::Translations::remove();
            return status;
        case Parsed::Run:
            parsed = true;
            // An option that would change what the administrator locked is refused here, before anything
            // (a window, a connection) starts, and with no display needed.
            if (const QString refused = bankid::LockedOptions::refusal(options, bankid::AppSettings()); !refused.isEmpty()) {
                std::fprintf(stderr, "bankid-desk: %s\n", refused.toUtf8().constData());
                bankid::Translations::remove();
                return bankid::OnceRun::Usage;
            }
            break;
        case Parsed::Retry:
            options = bankid::DeskOptions();
            break;
        }
        bankid::Translations::remove(); // the translators belong to this application object's life
    }

    QApplication app(argc, argv);
    setApplicationNames();
    QApplication::setApplicationDisplayName(QStringLiteral("BankID Desk"));
    QApplication::setDesktopFileName(QStringLiteral("bankid-desk"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/bankid-desk/icons/bankid-desk.svg")));

    if (!parsed) {
        int status = 0;
        if (parseAndReport(options, QApplication::arguments(), false, &status) == Parsed::Exit)
            return status;
    }

    if (options.verbose)
        QLoggingCategory::setFilterRules(QString());
    else
        QLoggingCategory::setFilterRules(QStringLiteral("bankid.*.info=false\nbankid.*.debug=false"));

    bankid::AppSettings settings;
    if (const QString refused = bankid::LockedOptions::refusal(options, settings); !refused.isEmpty()) {
        std::fprintf(stderr, "bankid-desk: %s\n", refused.toUtf8().constData()); // the first parse was retried
        return bankid::OnceRun::Usage;
    }
    bankid::Translations::install(chosenLocale(options.language, settings));

    bankid::ConnectionManager connections(&settings, options);
    bankid::MainWindow window(&connections, &settings, options);

    // SIGINT/SIGTERM close the window like the operator would: the order is cancelled at BankID first.
    bankid::TerminationSignals termination;
    if (!termination.isInstalled())
        qWarning("bankid-desk: %s", qPrintable(termination.errorString()));
    QObject::connect(&termination, &bankid::TerminationSignals::terminationRequested, &window, [&window](int) {
        window.close();
    });

    // --once: stdout carries the one JSON object and nothing else. Qt's messages go to stderr anyway; anything
    // else that writes to descriptor 1 (a library, a plugin) is sent there too.
    QFile standardOutput;
    std::unique_ptr<bankid::OnceRun> once;
    if (options.once) {
        QApplication::setQuitOnLastWindowClosed(false); // the exit code is OnceRun's
        bankid::ReservedStandardOutput reserved;
        QString error;
        if (!reserved.reserve(&error)
            || !standardOutput.open(reserved.descriptor(), QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
            std::fprintf(stderr, "bankid-desk: %s\n", qPrintable(error.isEmpty() ? standardOutput.errorString() : error));
            return bankid::OnceRun::Usage;
        }
        once = std::make_unique<bankid::OnceRun>(&window, &connections, options, &standardOutput);
        QObject::connect(once.get(), &bankid::OnceRun::finished, &app, [&termination](int code) {
            termination.acknowledge();
            QCoreApplication::exit(code);
        }, Qt::QueuedConnection);
    }

    window.show();
    // Configure once the event loop runs, so a password prompt has a visible parent.
    QTimer::singleShot(0, &connections, &bankid::ConnectionManager::configure);
    return app.exec();
}
