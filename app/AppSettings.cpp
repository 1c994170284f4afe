#include "AppSettings.h"

#include <QSettings>
#include <QStandardPaths>

namespace bankid {

namespace {

// Keys: grouped the way the settings dialog is, so the INI file reads like it.
const QString KeyEnvironment = QStringLiteral("connection/environment");
const QString KeyCustomUrl = QStringLiteral("connection/customUrl");
const QString KeyCustomCa = QStringLiteral("connection/customCaFile");
const QString KeyCertificate = QStringLiteral("certificate/file");
const QString KeyKey = QStringLiteral("certificate/keyFile");
const QString KeyRemember = QStringLiteral("certificate/rememberPasswordInKeychain");
const QString KeyEndUserIp = QStringLiteral("order/endUserIp");
const QString KeyPollInterval = QStringLiteral("order/pollIntervalSeconds");
const QString KeyReturnRisk = QStringLiteral("order/returnRisk");
const QString KeyAutoRestarts = QStringLiteral("order/autoRestarts");
const QString KeyIdCardAgeLimit = QStringLiteral("idCard/ageLimit");
const QString KeyIdCardCamera = QStringLiteral("idCard/camera");
const QString KeyIdCardCameraOn = QStringLiteral("idCard/cameraOn");
const QString KeyAuditLogFile = QStringLiteral("audit/file");
const QString KeyAllowedTasks = QStringLiteral("ui/allowedTasks");
const QString KeyLanguage = QStringLiteral("ui/language");
const QString KeyGeometry = QStringLiteral("ui/mainWindowGeometry");
const QString KeyState = QStringLiteral("ui/mainWindowState");

int boundedInt(const QSettings &settings, const QString &key, int fallback, int minimum, int maximum)
{
    bool ok = false;
    const int value = settings.value(key, fallback).toInt(&ok);
    return ok ? qBound(minimum, value, maximum) : fallback;
}

} // namespace

QString deskEnvironmentName(DeskEnvironment environment)
{
    switch (environment) {
    case DeskEnvironment::Simulator: return QStringLiteral("simulator");
    case DeskEnvironment::Test: return QStringLiteral("test");
    case DeskEnvironment::Production: return QStringLiteral("production");
    case DeskEnvironment::Custom: return QStringLiteral("custom");
    }
    return {};
}

std::optional<DeskEnvironment> deskEnvironmentFromName(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    for (const DeskEnvironment environment : {DeskEnvironment::Simulator, DeskEnvironment::Test,
                                              DeskEnvironment::Production, DeskEnvironment::Custom}) {
        if (lower == deskEnvironmentName(environment))
            return environment;
    }
    return std::nullopt;
}

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>())
{
}

AppSettings::AppSettings(const QString &iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
}

AppSettings::~AppSettings() = default;

DeskEnvironment AppSettings::environment() const
{
    return deskEnvironmentFromName(m_settings->value(KeyEnvironment).toString()).value_or(DeskEnvironment::Simulator);
}

void AppSettings::setEnvironment(DeskEnvironment environment)
{
    m_settings->setValue(KeyEnvironment, deskEnvironmentName(environment));
}

QString AppSettings::customUrl() const { return m_settings->value(KeyCustomUrl).toString(); }
void AppSettings::setCustomUrl(const QString &url) { m_settings->setValue(KeyCustomUrl, url.trimmed()); }
QString AppSettings::customCaFile() const { return m_settings->value(KeyCustomCa).toString(); }
void AppSettings::setCustomCaFile(const QString &path) { m_settings->setValue(KeyCustomCa, path); }
QString AppSettings::certificateFile() const { return m_settings->value(KeyCertificate).toString(); }
void AppSettings::setCertificateFile(const QString &path) { m_settings->setValue(KeyCertificate, path); }
QString AppSettings::keyFile() const { return m_settings->value(KeyKey).toString(); }
void AppSettings::setKeyFile(const QString &path) { m_settings->setValue(KeyKey, path); }
bool AppSettings::rememberPassword() const { return m_settings->value(KeyRemember, false).toBool(); }
void AppSettings::setRememberPassword(bool remember) { m_settings->setValue(KeyRemember, remember); }
QString AppSettings::endUserIpOverride() const { return m_settings->value(KeyEndUserIp).toString(); }
void AppSettings::setEndUserIpOverride(const QString &address) { m_settings->setValue(KeyEndUserIp, address.trimmed()); }

QString AppSettings::language() const
{
    const QString language = m_settings->value(KeyLanguage).toString();
    return language == QLatin1String("sv") || language == QLatin1String("en") ? language : QString();
}

void AppSettings::setLanguage(const QString &language) { m_settings->setValue(KeyLanguage, language); }

int AppSettings::pollIntervalSeconds() const
{
    return boundedInt(*m_settings, KeyPollInterval, DefaultPollIntervalSeconds, MinPollIntervalSeconds,
                      MaxPollIntervalSeconds);
}

void AppSettings::setPollIntervalSeconds(int seconds)
{
    m_settings->setValue(KeyPollInterval, qBound(MinPollIntervalSeconds, seconds, MaxPollIntervalSeconds));
}

bool AppSettings::returnRisk() const { return m_settings->value(KeyReturnRisk, true).toBool(); }
void AppSettings::setReturnRisk(bool returnRisk) { m_settings->setValue(KeyReturnRisk, returnRisk); }

int AppSettings::autoRestarts() const
{
    return boundedInt(*m_settings, KeyAutoRestarts, DefaultAutoRestarts, 0, MaxAutoRestarts);
}

void AppSettings::setAutoRestarts(int count) { m_settings->setValue(KeyAutoRestarts, qBound(0, count, MaxAutoRestarts)); }
int AppSettings::idCardAgeLimit() const
{
    return boundedInt(*m_settings, KeyIdCardAgeLimit, DefaultIdCardAgeLimit, MinIdCardAgeLimit, MaxIdCardAgeLimit);
}

void AppSettings::setIdCardAgeLimit(int years)
{
    m_settings->setValue(KeyIdCardAgeLimit, qBound(MinIdCardAgeLimit, years, MaxIdCardAgeLimit));
}

QByteArray AppSettings::idCardCamera() const { return m_settings->value(KeyIdCardCamera).toByteArray(); }
void AppSettings::setIdCardCamera(const QByteArray &cameraId) { m_settings->setValue(KeyIdCardCamera, cameraId); }
bool AppSettings::idCardCameraOn() const { return m_settings->value(KeyIdCardCameraOn, false).toBool(); }
void AppSettings::setIdCardCameraOn(bool on) { m_settings->setValue(KeyIdCardCameraOn, on); }
QByteArray AppSettings::windowGeometry() const { return m_settings->value(KeyGeometry).toByteArray(); }
void AppSettings::setWindowGeometry(const QByteArray &geometry) { m_settings->setValue(KeyGeometry, geometry); }
QByteArray AppSettings::windowState() const { return m_settings->value(KeyState).toByteArray(); }
void AppSettings::setWindowState(const QByteArray &state) { m_settings->setValue(KeyState, state); }
void AppSettings::sync() { m_settings->sync(); }
QString AppSettings::fileName() const { return m_settings->fileName(); }

QString AppSettings::auditLogFile() const
{
    const QString stored = m_settings->value(KeyAuditLogFile).toString();
    return !stored.isEmpty() ? stored
                             : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QLatin1String("/audit.jsonl");
}

QStringList AppSettings::taskKeys()
{
    return {QStringLiteral("login"), QStringLiteral("caller"), QStringLiteral("sign-text"),
            QStringLiteral("sign-document"), QStringLiteral("verify-receipt"), QStringLiteral("verify-id-card")};
}

bool AppSettings::isTaskAllowed(const QString &taskKey) const
{
    const QStringList allowed = m_settings->value(KeyAllowedTasks).toStringList();
    return allowed.isEmpty() || allowed.contains(taskKey);
}

} // namespace bankid
