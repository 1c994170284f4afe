#pragma once

#include "AppSettings.h"
#include "ClientIdentity.h"
#include "DeskOptions.h"
#include "RpClient.h"
#include "RpConfig.h"
#include "SimulatorOptions.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace bankid {

class PasswordStore;
class RpError;

namespace sim {
class Simulator;
}

/// Builds the desk's connection to BankID from AppSettings and DeskOptions (the command line wins) and
/// owns what it needs: the RpClient with a QNetworkAccessManager of its own, and in the simulator environment the
/// in-process sim::Simulator (loopback, free port, real mutual TLS, manual user so the demo phone panel
/// drives it).
///
/// Contract:
/// - configure() (re)builds everything and ends in exactly one of ready() or configurationFailed(); it may
///   first emit passwordRequired() when the RP certificate needs a password that neither --password-env,
///   this session's memory nor the keychain supplied. Answer with supplyPassword() or declinePassword().
/// - client() is nullptr until ready(). A reconfigure retires the previous RpClient: client() no longer
///   returns it, but it lives on until its calls in flight (a /cancel sent while its session was ended, an
///   order whose orderRef a destroyed session still waits for to cancel it) are answered or hit their
///   deadline (RpConfig::requestDeadlineMs), and only then is deleted. Sessions hold clients through a
///   QPointer. A running simulator is kept across reconfigures while the environment stays "simulator".
/// - Every RpClient (current, retired, connection test) has its own QNetworkAccessManager: QNAM keeps
///   TLS connections keyed by host and port, so a shared one would carry a connection made with another
///   CA or RP certificate over to the next client.
/// - callsInFlight() counts the calls of all clients; idle() says it dropped to 0 (the window waits for it
///   before the application quits, so a /cancel is not cut off).
/// - testConnection() sends a /collect for the nil UUID: BankID's 400 invalidParameters proves TLS and the
///   RP certificate work; the report names the TLS side that fails otherwise.
///
/// \code
///   bankid::ConnectionManager connections(&settings, options);
///   connect(&connections, &bankid::ConnectionManager::ready, &window, &MainWindow::onConnectionReady);
///   connect(&connections, &bankid::ConnectionManager::passwordRequired, &window, &MainWindow::askPassword);
///   connections.configure();
/// \endcode
class ConnectionManager : public QObject
{
    Q_OBJECT

public:
    /// Where to connect and with which identity: what the settings dialog edits and configure() uses.
    struct Profile
    {
        DeskEnvironment environment = DeskEnvironment::Simulator;
        QString url;      ///< Custom only
        QString caFile;   ///< Custom only
        QString certificateFile; ///< a file, or a pkcs11: URI (ClientIdentity::isTokenUri())
        QString keyFile;         ///< the PEM key file; for a token URI the certificate file (may be empty)
    };

    /// The orderRef testConnection() collects: never a real order, so BankID answers 400.
    static constexpr const char *NilOrderRef = "00000000-0000-0000-0000-000000000000";

    ConnectionManager(AppSettings *settings, const DeskOptions &options, QObject *parent = nullptr);
    ~ConnectionManager() override;

    /// Simulator options for the embedded simulator (tests: a temporary state dir, short delays). The
    /// state dir defaults to AppDataLocation + "/simulator"; listen address and port are always
    /// 127.0.0.1:0, the user mode Manual unless set here. Takes effect when the simulator (re)starts.
    void setSimulatorOptions(const sim::SimulatorOptions &options);

    /// The profile from the settings with the command line applied, except where the administrator locked
    /// a setting (the locked value wins; see LockedOptions).
    Profile effectiveProfile() const;
    /// (Re)builds the connection; see the class contract.
    void configure();
    /// The answer to passwordRequired(); `remember` stores it in the keychain (when available).
    void supplyPassword(const QByteArray &password, bool remember);
    /// The operator gave up: configurationFailed() follows.
    void declinePassword();
    /// Keeps a password for `certificatePath` in memory for this run (the settings dialog's entry).
    void rememberPasswordForSession(const QString &certificatePath, const QByteArray &password);

    bool isReady() const { return m_client != nullptr; }
    RpClient *client() const;
    /// Calls in flight over every client this manager owns: the current one, retired ones still finishing,
    /// connection tests.
    int callsInFlight() const;
    /// The embedded simulator; nullptr unless the environment is Simulator and it runs.
    sim::Simulator *simulator() const;
    DeskEnvironment environment() const { return m_profile.environment; }
    /// For display: "Simulator (demo)", "BankID test", "BankID production", "Custom (https://host/...)".
    QString environmentName() const;
    static QString environmentDisplayName(DeskEnvironment environment);
    /// The endUserIp to send: the override, else 127.0.0.1 for the simulator, else EndUserAddress::detect().
    QString endUserIp() const;
    /// The loaded RP identity (null before ready()).
    const ClientIdentity &identity() const { return m_config.identity; }
    const RpConfig &config() const { return m_config; }
    /// The last configurationFailed() message.
    QString lastError() const { return m_lastError; }

    /// Builds an RpConfig for `profile` (the simulator profile needs a running simulator); nullopt with
    /// `error` naming the field otherwise. Does not ask for passwords: `password` is used as given.
    std::optional<RpConfig> buildConfig(const Profile &profile, const QByteArray &password, QString *error) const;

    /// Tests the current connection (see the class contract); answers with connectionTested().
    void testConnection();
    /// Tests an arbitrary configuration (the settings dialog's unsaved values).
    void testConnection(const RpConfig &config);
    /// The report for a finished test /collect: `ok` when the server answered at the API level.
    static QString describeTestResult(const RpError &error, const QUrl &baseUrl, bool *ok);

signals:
    void ready();
    void configurationFailed(const QString &message);
    /// The RP certificate at `certificatePath` needs a password; `problem` is empty the first time and
    /// says "wrong password" after a failed attempt.
    void passwordRequired(const QString &certificatePath, const QString &problem);
    void connectionTested(bool ok, const QString &report);
    /// callsInFlight() dropped to 0. Emitted one event-loop turn after the last call finished, and only if
    /// none was started meanwhile (a finished() handler may send a follow-up /cancel).
    void idle();

private:
    bool ensureSimulator(QString *error);
    void stopSimulator();
    void continueWithPassword(const QByteArray &password, bool fromKeychain);
    void finishConfiguration(RpConfig config);
    void fail(const QString &message);
    /// A new RpClient for `config`, a child of this, with a QNetworkAccessManager of its own.
    RpClient *newClient(const RpConfig &config);
    /// Takes `client` out of service: deleted now when nothing is in flight, else once it is idle.
    void retireClient(RpClient *client);
    void onClientIdle(RpClient *client);

    AppSettings *m_settings;
    DeskOptions m_options;
    sim::SimulatorOptions m_simulatorOptions;
    bool m_simulatorOptionsSet = false;
    std::unique_ptr<sim::Simulator> m_simulator;
    QPointer<RpClient> m_client;
    /// Clients out of service whose calls are still in flight; they delete themselves when idle.
    QList<QPointer<RpClient>> m_retiredClients;
    RpConfig m_config;
    Profile m_profile;
    QString m_lastError;
    PasswordStore *m_passwords;
    QHash<QString, QByteArray> m_sessionPasswords; // this run only, never written anywhere
    bool m_waitingForPassword = false;
    bool m_rememberSupplied = false;
    int m_configureGeneration = 0;
};

} // namespace bankid
