#include "AppSettings.h"

#include <QLoggingCategory>
#include <QSettings>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcAppSettings, "bankid.desk.settings.user")

namespace bankid {

namespace {

// Keys: grouped the way the settings dialog is, so the INI file reads like it. The lockable ones are in
// ManagedSettings.h (SettingKey), shared with the administrator's file.
const QString KeyEnvironment = SettingKey::Environment;
const QString KeyCustomUrl = SettingKey::CustomUrl;
const QString KeyCustomCa = SettingKey::CustomCaFile;
const QString KeyCertificate = SettingKey::CertificateFile;
const QString KeyKey = SettingKey::KeyFile;
const QString KeyRemember = SettingKey::RememberPassword;
const QString KeyEndUserIp = SettingKey::EndUserIp;
const QString KeyPollInterval = SettingKey::PollInterval;
const QString KeyReturnRisk = SettingKey::ReturnRisk;
const QString KeyAutoRestarts = SettingKey::AutoRestarts;
const QString KeyIdCardAgeLimit = SettingKey::IdCardAgeLimit;
const QString KeyIdCardCamera = QStringLiteral("idCard/camera");
const QString KeyIdCardCameraOn = QStringLiteral("idCard/cameraOn");
const QString KeyAuditLogFile = SettingKey::AuditLogFile;
const QString KeyAllowedTasks = SettingKey::AllowedTasks;
const QString KeyLanguage = SettingKey::Language;
const QString KeyGeometry = QStringLiteral("ui/mainWindowGeometry");
const QString KeyState = QStringLiteral("ui/mainWindowState");

int boundedInt(const QVariant &stored, int fallback, int minimum, int maximum)
{
    bool ok = false;
    const int value = stored.toInt(&ok);
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
    , m_managed(std::make_unique<ManagedSettings>())
{
    m_settings->setFallbacksEnabled(false); // the system file is ManagedSettings' (validated, with locks)
}

AppSettings::AppSettings(const QString &iniPath, const QString &systemIniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
    , m_managed(std::make_unique<ManagedSettings>(systemIniPath))
{
}

AppSettings::~AppSettings() = default;

QVariant AppSettings::value(const QString &key) const
{
    if (m_managed->isLocked(key))
        return m_managed->value(key);
    if (m_settings->contains(key))
        return m_settings->value(key);
    return m_managed->value(key); // the administrator's default, or invalid
}

bool AppSettings::store(const QString &key, const QVariant &value)
{
    if (m_managed->isLocked(key)) {
        qCInfo(lcAppSettings).noquote() << key << "is locked by the administrator in" << m_managed->fileName()
                                        << "and was not changed";
        return false;
    }
    m_settings->setValue(key, value);
    return true;
}

DeskEnvironment AppSettings::environment() const
{
    return deskEnvironmentFromName(value(KeyEnvironment).toString()).value_or(DeskEnvironment::Simulator);
}

bool AppSettings::setEnvironment(DeskEnvironment environment)
{
    return store(KeyEnvironment, deskEnvironmentName(environment));
}

QString AppSettings::customUrl() const { return value(KeyCustomUrl).toString(); }
bool AppSettings::setCustomUrl(const QString &url) { return store(KeyCustomUrl, url.trimmed()); }
QString AppSettings::customCaFile() const { return value(KeyCustomCa).toString(); }
bool AppSettings::setCustomCaFile(const QString &path) { return store(KeyCustomCa, path); }
QString AppSettings::certificateFile() const { return value(KeyCertificate).toString(); }
bool AppSettings::setCertificateFile(const QString &path) { return store(KeyCertificate, path); }
QString AppSettings::keyFile() const { return value(KeyKey).toString(); }
bool AppSettings::setKeyFile(const QString &path) { return store(KeyKey, path); }
bool AppSettings::rememberPassword() const { return value(KeyRemember).toBool(); }
bool AppSettings::setRememberPassword(bool remember) { return store(KeyRemember, remember); }

QString AppSettings::endUserIpOverride() const
{
    const QString address = value(KeyEndUserIp).toString().trimmed();
    return address.compare(QLatin1String("detect"), Qt::CaseInsensitive) == 0 ? QString() : address;
}

bool AppSettings::setEndUserIpOverride(const QString &address) { return store(KeyEndUserIp, address.trimmed()); }

QString AppSettings::language() const
{
    const QString language = value(KeyLanguage).toString();
    return language == QLatin1String("sv") || language == QLatin1String("en") ? language : QString();
}

bool AppSettings::setLanguage(const QString &language) { return store(KeyLanguage, language); }

int AppSettings::pollIntervalSeconds() const
{
    return boundedInt(value(KeyPollInterval), DefaultPollIntervalSeconds, MinPollIntervalSeconds, MaxPollIntervalSeconds);
}

bool AppSettings::setPollIntervalSeconds(int seconds)
{
    return store(KeyPollInterval, qBound(MinPollIntervalSeconds, seconds, MaxPollIntervalSeconds));
}

bool AppSettings::returnRisk() const
{
    const QVariant stored = value(KeyReturnRisk);
    return stored.isValid() ? stored.toBool() : true;
}

bool AppSettings::setReturnRisk(bool returnRisk) { return store(KeyReturnRisk, returnRisk); }

int AppSettings::autoRestarts() const
{
    return boundedInt(value(KeyAutoRestarts), DefaultAutoRestarts, 0, MaxAutoRestarts);
}

bool AppSettings::setAutoRestarts(int count) { return store(KeyAutoRestarts, qBound(0, count, MaxAutoRestarts)); }

int AppSettings::idCardAgeLimit() const
{
    return boundedInt(value(KeyIdCardAgeLimit), DefaultIdCardAgeLimit, MinIdCardAgeLimit, MaxIdCardAgeLimit);
}

bool AppSettings::setIdCardAgeLimit(int years)
{
    return store(KeyIdCardAgeLimit, qBound(MinIdCardAgeLimit, years, MaxIdCardAgeLimit));
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
    const QString stored = value(KeyAuditLogFile).toString();
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
    const QStringList allowed = value(KeyAllowedTasks).toStringList();
    return allowed.isEmpty() || allowed.contains(taskKey);
}

} // namespace bankid
