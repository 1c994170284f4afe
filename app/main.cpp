// bankid-desk: the BankID Relying Party desk app. See DeskOptions for the command line and README.
#include "AppSettings.h"
#include "ConnectionManager.h"
#include "DeskOptions.h"
#include "MainWindow.h"
#include "Translations.h"

#include <QApplication>
#include <QIcon>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("bankid-desk"));
    QApplication::setApplicationDisplayName(QStringLiteral("BankID Desk"));
    QApplication::setOrganizationName(QStringLiteral("BankID Desk"));
    QApplication::setApplicationVersion(QStringLiteral(BANKID_DESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("bankid-desk"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/bankid-desk/icons/bankid-desk.svg")));

    bankid::DeskOptions options;
    if (const QString problem = options.parse(QApplication::arguments()); !problem.isEmpty()) {
        std::fprintf(stderr, "bankid-desk: %s\n", problem.toUtf8().constData());
        return 2;
    }
    if (options.helpRequested) {
        std::fprintf(stdout, "%s", options.helpText.toUtf8().constData());
        return 0;
    }
    if (options.versionRequested) {
        std::fprintf(stdout, "bankid-desk %s\n", BANKID_DESK_VERSION);
        return 0;
    }

    // The libraries log every request and transition at info level: useful with --verbose, noise
    // otherwise. QT_LOGGING_RULES still overrides this.
    if (!options.verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("bankid.*.info=false\nbankid.*.debug=false"));

    bankid::AppSettings settings;
    // --lang, else the saved choice, else the system language.
    const QString language = !options.language.isEmpty() ? options.language : settings.language();
    const QLocale locale = language.isEmpty() ? QLocale::system()
        : QLocale(language == QLatin1String("sv") ? QLocale::Swedish : QLocale::English);
    bankid::Translations::install(locale);

    bankid::ConnectionManager connections(&settings, options);
    bankid::MainWindow window(&connections, &settings, options);
    window.show();
    // Configure once the event loop runs, so a password prompt has a visible parent.
    QTimer::singleShot(0, &connections, &bankid::ConnectionManager::configure);
    return app.exec();
}
