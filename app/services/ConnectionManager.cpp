#include "ConnectionManager.h"

#include "EndUserAddress.h"
#include "PasswordStore.h"
#include "RpCall.h"
#include "RpClient.h"
#include "RpError.h"
#include "Simulator.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTimer>

Q_LOGGING_CATEGORY(lcConnection, "bankid.desk.connection")

namespace bankid {

ConnectionManager::ConnectionManager(AppSettings *settings, const DeskOptions &options, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_options(options)
    , m_passwords(new PasswordStore(this))
{
    connect(m_passwords, &PasswordStore::readFinished, this,
            [this](const QString &key, const QByteArray &password, const QString &error) {
                if (!m_waitingForPassword || key != m_profile.certificateFile)
                    return;
                if (error.isEmpty() && !password.isEmpty()) {
                    continueWithPassword(password, true);
                } else {
                    m_rememberSupplied = false;
                    emit passwordRequired(key, {});
                }
            });
}

ConnectionManager::~ConnectionManager()
{
    // Each client before its QNetworkAccessManager (both are children): a client's calls own QNAM replies.
    // Whatever is still in flight now is aborted; the main window waited for idle() before quitting.
    qDeleteAll(findChildren<RpClient *>(Qt::FindDirectChildrenOnly));
}

RpClient *ConnectionManager::newClient(const RpConfig &config)
{
    auto *nam = new QNetworkAccessManager(this);
    auto *client = new RpClient(nam, config, this);
    connect(client, &QObject::destroyed, nam, &QObject::deleteLater);
    connect(client, &RpClient::idle, this, [this, client] { onClientIdle(client); });
    return client;
}

void ConnectionManager::retireClient(RpClient *client)
{
    if (!client)
        return;
    if (client->inFlightCount() == 0) {
        delete client;
        return;
    }
    qCInfo(lcConnection).noquote() << "previous client kept until its" << client->inFlightCount()
                                   << "call(s) in flight finish";
    m_retiredClients.append(client);
}

void ConnectionManager::onClientIdle(RpClient *client)
{
    // One turn later: a handler of the call that just finished may have sent a follow-up (a /cancel).
    QTimer::singleShot(0, client, [this, client] {
        if (client->inFlightCount() != 0)
            return;
        if (m_retiredClients.removeAll(client) > 0) {
            qCInfo(lcConnection) << "previous client idle: deleted";
            client->deleteLater();
        }
        if (callsInFlight() == 0)
            emit idle();
    });
}

int ConnectionManager::callsInFlight() const
{
    int calls = 0;
    for (const RpClient *client : findChildren<RpClient *>(Qt::FindDirectChildrenOnly))
        calls += client->inFlightCount();
    return calls;
}

void ConnectionManager::setSimulatorOptions(const sim::SimulatorOptions &options)
{
    m_simulatorOptions = options;
    m_simulatorOptionsSet = true;
}

ConnectionManager::Profile ConnectionManager::effectiveProfile() const
{
    // The command line wins over the operator's settings, but never over a value the administrator locked:
    // LockedOptions refuses such a command line before this runs; this is the second line of defence.
    const auto option = [this](const QString &key, const QString &given, const QString &saved) {
        return given.isEmpty() || m_settings->isLocked(key) ? saved : given;
    };
    Profile profile;
    profile.environment = m_settings->isLocked(SettingKey::Environment)
        ? m_settings->environment()
        : m_options.environment.value_or(m_settings->environment());
    profile.url = option(SettingKey::CustomUrl, m_options.url, m_settings->customUrl());
    profile.caFile = option(SettingKey::CustomCaFile, m_options.caFile, m_settings->customCaFile());
    profile.certificateFile = option(SettingKey::CertificateFile, m_options.certFile, m_settings->certificateFile());
    // --cert brings its own companion (--cert-file, possibly none); the saved one belongs to the saved location.
    const bool certFromCommandLine = !m_options.certFile.isEmpty() && !m_settings->isLocked(SettingKey::CertificateFile);
    profile.keyFile = certFromCommandLine && !m_settings->isLocked(SettingKey::KeyFile) ? m_options.certCompanionFile
                                                                                         : m_settings->keyFile();
    return profile;
}

bool ConnectionManager::ensureSimulator(QString *error)
{
    if (m_simulator && m_simulator->isRunning())
        return true;
    sim::SimulatorOptions options = m_simulatorOptions;
    if (!m_simulatorOptionsSet)
        options.userMode = sim::UserMode::Manual; // the demo phone panel plays the person
    if (options.stateDir.isEmpty())
        options.stateDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/simulator");
    options.listenAddress = QHostAddress(QHostAddress::LocalHost);
    options.port = 0;
    if (!QDir().mkpath(options.stateDir)) {
        *error = tr("cannot create the simulator's folder %1").arg(QDir::toNativeSeparators(options.stateDir));
        return false;
    }
    m_simulator = std::make_unique<sim::Simulator>(options);
    if (!m_simulator->start(error)) {
        m_simulator.reset();
        *error = tr("the embedded simulator did not start: %1").arg(*error);
        return false;
    }
    qCInfo(lcConnection).noquote() << "embedded simulator at" << m_simulator->baseUrl().toString();
    return true;
}

void ConnectionManager::stopSimulator()
{
    m_simulator.reset();
}

std::optional<RpConfig> ConnectionManager::buildConfig(const Profile &profile, const QByteArray &password,
                                                       QString *error) const
{
    RpConfig config;
    switch (profile.environment) {
    case DeskEnvironment::Simulator: {
        if (!m_simulator) {
            *error = tr("the embedded simulator is not running");
            return std::nullopt;
        }
        const auto simulatorConfig = RpConfig::forCustomServer(
            m_simulator->baseUrl(), m_simulator->caCertificatePath(), m_simulator->clientP12Path(),
            sim::Simulator::clientPassword, error);
        if (!simulatorConfig)
            return std::nullopt;
        config = *simulatorConfig;
        // The simulator's Verify API (ID cards) on the same listener, named rather than derived.
        config.idCardBaseUrl = m_simulator->idCardBaseUrl();
        break;
    }
    case DeskEnvironment::Test:
    case DeskEnvironment::Production:
    case DeskEnvironment::Custom: {
        if (profile.environment == DeskEnvironment::Custom) {
            config = RpConfig::forEnvironment(Environment::Custom);
            const QUrl url(profile.url, QUrl::StrictMode);
            if (profile.url.isEmpty() || !url.isValid() || url.scheme() != QLatin1String("https")) {
                *error = tr("Custom URL: '%1' is not an https:// URL").arg(profile.url);
                return std::nullopt;
            }
            config.baseUrl = url;
            if (profile.caFile.isEmpty()) {
                *error = tr("Custom CA file: a custom server needs a CA certificate file to trust");
                return std::nullopt;
            }
            QString caError;
            const auto roots = RpConfig::loadCaFile(profile.caFile, &caError);
            if (!roots) {
                *error = tr("Custom CA file: %1").arg(caError);
                return std::nullopt;
            }
            config.caCertificates = *roots;
        } else {
            config = RpConfig::forEnvironment(profile.environment == DeskEnvironment::Test ? Environment::Test
                                                                                           : Environment::Production);
        }
        if (profile.certificateFile.isEmpty()) {
            *error = tr("RP certificate: choose the certificate file BankID issued to you (Settings)");
            return std::nullopt;
        }
        config.identity = ClientIdentity::load(profile.certificateFile, password, profile.keyFile);
        if (config.identity.isNull()) {
            *error = tr("RP certificate: %1").arg(config.identity.error().message());
            return std::nullopt;
        }
        break;
    }
    }
    if (const QString problem = config.validationError(); !problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    return config;
}

void ConnectionManager::configure()
{
    ++m_configureGeneration;
    m_waitingForPassword = false;
    RpClient *previous = m_client;
    m_client = nullptr;
    retireClient(previous);
    m_config = RpConfig();
    m_profile = effectiveProfile();
    qCInfo(lcConnection).noquote() << "configuring environment" << deskEnvironmentName(m_profile.environment);

    if (m_profile.environment == DeskEnvironment::Simulator) {
        QString error;
        if (!ensureSimulator(&error))
            return fail(error);
        const auto config = buildConfig(m_profile, {}, &error);
        if (!config)
            return fail(error);
        return finishConfiguration(*config);
    }
    stopSimulator();

    // Try without a password first: an unencrypted PEM key needs none.
    const QString path = m_profile.certificateFile;
    QByteArray password;
    if (m_options.hasPassword && m_options.certFile == path)
        password = m_options.password;
    else if (m_options.hasPassword && m_options.certFile.isEmpty())
        password = m_options.password;
    else
        password = m_sessionPasswords.value(path);

    QString error;
    if (const auto config = buildConfig(m_profile, password, &error))
        return finishConfiguration(*config);
    const auto probe = ClientIdentity::load(path, password, m_profile.keyFile);
    if (path.isEmpty() || probe.error().kind() != ClientIdentityError::Kind::WrongPassword)
        return fail(error);

    // A password is needed: the keychain first (when the operator chose it), else ask.
    m_waitingForPassword = true;
    m_rememberSupplied = false;
    if (m_settings->rememberPassword() && PasswordStore::isAvailable() && password.isEmpty())
        m_passwords->read(path);
    else
        emit passwordRequired(path, password.isEmpty() ? QString() : probe.error().message());
}

void ConnectionManager::supplyPassword(const QByteArray &password, bool remember)
{
    if (!m_waitingForPassword)
        return;
    m_rememberSupplied = remember;
    continueWithPassword(password, false);
}

void ConnectionManager::declinePassword()
{
    if (!m_waitingForPassword)
        return;
    m_waitingForPassword = false;
    const QString &location = m_profile.certificateFile;
    fail(ClientIdentity::isTokenUri(location)
             ? tr("RP key on a token: no PIN given for %1").arg(location) // a URI, not a path to convert
             : tr("RP certificate: no password given for %1").arg(QDir::toNativeSeparators(location)));
}

void ConnectionManager::rememberPasswordForSession(const QString &certificatePath, const QByteArray &password)
{
    if (password.isEmpty())
        m_sessionPasswords.remove(certificatePath);
    else
        m_sessionPasswords.insert(certificatePath, password);
}

void ConnectionManager::continueWithPassword(const QByteArray &password, bool fromKeychain)
{
    const QString path = m_profile.certificateFile;
    QString error;
    const auto config = buildConfig(m_profile, password, &error);
    if (!config) {
        const auto probe = ClientIdentity::load(path, password, m_profile.keyFile);
        if (probe.error().kind() == ClientIdentityError::Kind::WrongPassword) {
            // A stale keychain entry or a typo: ask (again), saying why.
            emit passwordRequired(path, fromKeychain ? tr("the password stored in the keychain is wrong")
                                                     : probe.error().message());
            return;
        }
        m_waitingForPassword = false;
        return fail(error);
    }
    m_waitingForPassword = false;
    m_sessionPasswords.insert(path, password);
    if (m_rememberSupplied && PasswordStore::isAvailable())
        m_passwords->write(path, password);
    finishConfiguration(*config);
}

void ConnectionManager::finishConfiguration(RpConfig config)
{
    m_config = config;
    m_client = newClient(m_config);
    m_lastError.clear();
    qCInfo(lcConnection).noquote() << "ready:" << environmentName() << m_config.baseUrl.toString();
    emit ready();
}

void ConnectionManager::fail(const QString &message)
{
    m_lastError = message;
    qCWarning(lcConnection).noquote() << "configuration failed:" << message;
    emit configurationFailed(message);
}

RpClient *ConnectionManager::client() const
{
    return m_client;
}

sim::Simulator *ConnectionManager::simulator() const
{
    return m_profile.environment == DeskEnvironment::Simulator ? m_simulator.get() : nullptr;
}

QString ConnectionManager::environmentDisplayName(DeskEnvironment environment)
{
    switch (environment) {
    case DeskEnvironment::Simulator: return tr("Simulator (demo)");
    case DeskEnvironment::Test: return tr("BankID test");
    case DeskEnvironment::Production: return tr("BankID production");
    case DeskEnvironment::Custom: return tr("Custom URL");
    }
    return {};
}

QString ConnectionManager::environmentName() const
{
    if (m_profile.environment == DeskEnvironment::Custom)
        return tr("Custom (%1)").arg(m_profile.url);
    return environmentDisplayName(m_profile.environment);
}

QString ConnectionManager::endUserIp() const
{
    if (const QString override = m_settings->endUserIpOverride(); !override.isEmpty())
        return override;
    if (m_profile.environment == DeskEnvironment::Simulator)
        return QStringLiteral("127.0.0.1");
    return EndUserAddress::detect();
}

void ConnectionManager::testConnection()
{
    if (!m_client) {
        emit connectionTested(false, m_lastError.isEmpty() ? tr("not connected: the settings are incomplete")
                                                           : m_lastError);
        return;
    }
    testConnection(m_config);
}

void ConnectionManager::testConnection(const RpConfig &config)
{
    // A client (and connection) of its own, so a test never disturbs the orders of the current one and never
    // reuses a TLS connection the current configuration made.
    RpClient *client = newClient(config);
    RpCall *call = client->collect(QString::fromLatin1(NilOrderRef));
    const QUrl baseUrl = config.baseUrl;
    connect(call, &RpCall::finished, this, [this, call, client, baseUrl] {
        bool ok = false;
        const QString report = call->ok() ? tr("TLS and authentication work: BankID answered")
                                          : describeTestResult(call->error(), baseUrl, &ok);
        if (call->ok())
            ok = true;
        qCInfo(lcConnection).noquote() << "connection test:" << report;
        client->deleteLater();
        emit connectionTested(ok, report);
    });
}

QString ConnectionManager::describeTestResult(const RpError &error, const QUrl &baseUrl, bool *ok)
{
    *ok = false;
    const QString host = baseUrl.host() + (baseUrl.port() > 0 ? QStringLiteral(":%1").arg(baseUrl.port()) : QString());
    switch (error.kind()) {
    case RpError::Kind::None:
        *ok = true;
        return tr("TLS and authentication work: BankID answered");
    case RpError::Kind::Api:
        if (error.httpStatus() == 400 && error.errorCode() == QLatin1String("invalidParameters")) {
            *ok = true;
            return tr("TLS and authentication work: BankID answered");
        }
        if (error.httpStatus() == 401 || error.httpStatus() == 403)
            return tr("the server rejected the RP certificate (HTTP %1 %2)").arg(error.httpStatus()).arg(error.errorCode());
        return tr("TLS works, but the server answered HTTP %1 %2: %3")
            .arg(error.httpStatus())
            .arg(error.errorCode(), error.technicalMessage());
    case RpError::Kind::ServerCertificateUntrusted:
        return tr("the server's certificate is not trusted (%1)").arg(error.technicalMessage());
    case RpError::Kind::ClientCertificateRejected:
        return tr("the server rejected the RP certificate (%1)").arg(error.technicalMessage());
    case RpError::Kind::Connection:
    case RpError::Kind::Timeout:
        return tr("cannot reach %1 (%2)").arg(host, error.technicalMessage());
    case RpError::Kind::Configuration:
        return tr("the settings are incomplete: %1").arg(error.technicalMessage());
    case RpError::Kind::Tls:
        return tr("the TLS handshake with %1 failed (%2)").arg(host, error.technicalMessage());
    case RpError::Kind::InvalidResponse:
        return tr("%1 answered, but not like BankID (%2)").arg(host, error.technicalMessage());
    case RpError::Kind::Validation:
    case RpError::Kind::Cancelled:
        return error.technicalMessage();
    }
    return error.technicalMessage();
}

} // namespace bankid
