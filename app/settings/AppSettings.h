#pragma once

#include "ManagedSettings.h"
#include "OrderSession.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QSettings;

namespace bankid {

/// Where the desk app sends its orders (the desk's own choice; core's Environment has no simulator).
enum class DeskEnvironment {
    Simulator,  ///< the embedded simulator, started in-process on a free loopback port (the default)
    Test,       ///< BankID's test system with the bundled test root
    Production, ///< BankID's production system with the bundled production root
    Custom,     ///< a URL and a CA file given by the operator
};

/// "simulator", "test", "production", "custom": settings and command-line spelling.
QString deskEnvironmentName(DeskEnvironment environment);
/// Inverse of deskEnvironmentName() (case-insensitive); nullopt for anything else.
std::optional<DeskEnvironment> deskEnvironmentFromName(const QString &name);

/// The desk app's persistent settings: a typed wrapper over QSettings, so keys and defaults live in one
/// place, over the administrator's system file (ManagedSettings).
///
/// Contract: getters return the documented default for a missing or unreadable value and clamp numbers
/// into their allowed range. Precedence, per key: a value the administrator locked > the operator's own
/// value > the administrator's default > the built-in default. A setter of a locked setting writes
/// nothing, returns false and logs that the key is locked. NOTHING secret is stored here: the RP
/// certificate password goes to the system keychain (PasswordStore) or is asked each time.
///
/// \code
///   bankid::AppSettings settings;                       // QSettings with the app's organisation/name
///   options.pollIntervalMs = settings.pollIntervalSeconds() * 1000;
///   settings.setEnvironment(bankid::DeskEnvironment::Test);
/// \endcode
class AppSettings
{
public:
    static constexpr int DefaultPollIntervalSeconds = 2;
    /// The core's collect floor (BankID: one collect per >= 2 s), so the desk never offers less; a stored
    /// value below it is raised when read.
    static constexpr int MinPollIntervalSeconds = OrderSession::MinPollIntervalMs / 1000;
    static_assert(OrderSession::MinPollIntervalMs % 1000 == 0, "the setting is in whole seconds");
    static constexpr int MaxPollIntervalSeconds = 10;
    static constexpr int DefaultAutoRestarts = 2;
    static constexpr int MaxAutoRestarts = 5;
    /// Verify ID card: the age limit the holder must meet (the common Swedish limits are 18, 20 and 25).
    static constexpr int DefaultIdCardAgeLimit = 18;
    static constexpr int MinIdCardAgeLimit = 1;
    static constexpr int MaxIdCardAgeLimit = 150;

    /// The application's QSettings (QCoreApplication organisation and application names) over the
    /// system file ManagedSettings() reads.
    AppSettings();
    /// An INI file of its own (tests, portable setups) over `systemIniPath` as the administrator's file
    /// (empty: none, so a test does not depend on the machine's /etc/xdg).
    explicit AppSettings(const QString &iniPath, const QString &systemIniPath = QString());
    ~AppSettings();

    AppSettings(const AppSettings &) = delete;
    AppSettings &operator=(const AppSettings &) = delete;

    // Setters of lockable settings return false (and write nothing) when the administrator locked them.
    DeskEnvironment environment() const;
    bool setEnvironment(DeskEnvironment environment);
    /// Custom environment: the RP API base URL.
    QString customUrl() const;
    bool setCustomUrl(const QString &url);
    /// Custom environment: the PEM file of the CA(s) to pin.
    QString customCaFile() const;
    bool setCustomCaFile(const QString &path);
    /// The RP certificate (PKCS#12 or PEM) for test, production and custom.
    QString certificateFile() const;
    bool setCertificateFile(const QString &path);
    /// A separate PEM key file (empty: the key is in the certificate file).
    QString keyFile() const;
    bool setKeyFile(const QString &path);
    /// Whether the certificate password is kept in the system keychain (only ever there).
    bool rememberPassword() const;
    bool setRememberPassword(bool remember);
    /// The endUserIp override; empty = detect (the administrator's file spells it "detect").
    QString endUserIpOverride() const;
    bool setEndUserIpOverride(const QString &address);
    /// "sv", "en" or empty for the system language.
    QString language() const;
    bool setLanguage(const QString &language);
    /// Seconds between collects, MinPollIntervalSeconds (2)..10 (default 2).
    int pollIntervalSeconds() const;
    bool setPollIntervalSeconds(int seconds);
    /// Whether orders ask BankID for its risk assessment (returnRisk: true; default on, api digest §10). Phone
    /// orders never carry it: /phone/auth and /phone/sign do not accept returnRisk.
    bool returnRisk() const;
    bool setReturnRisk(bool returnRisk);
    /// New orders after a startFailed, 0..5 (default 2: an expired QR code is renewed rather than ending a demo).
    int autoRestarts() const;
    bool setAutoRestarts(int count);
    /// Verify ID card: the age limit chosen last (an administrator may set the default or lock it), MinIdCardAgeLimit..MaxIdCardAgeLimit (default 18).
    int idCardAgeLimit() const;
    bool setIdCardAgeLimit(int years);
    /// Verify ID card: the id (QCameraDevice::id()) of the camera chosen last; empty = the system default.
    QByteArray idCardCamera() const;
    void setIdCardCamera(const QByteArray &cameraId);
    /// Verify ID card: whether the camera was left on, so it starts with the page (default off: a camera
    /// runs only once the operator asked for it).
    bool idCardCameraOn() const;
    void setIdCardCameraOn(bool on);
    /// The audit log file (one JSON line per order and ID card verification); default
    /// AppDataLocation + "/audit.jsonl".
    QString auditLogFile() const;
    /// The desk's task keys, in the task list's order: "login", "caller", "sign-text", "sign-document",
    /// "verify-receipt", "verify-id-card".
    static QStringList taskKeys();
    /// Whether the task with this key (taskKeys()) may be used at this desk; every task is allowed unless an
    /// administrator restricts them.
    bool isTaskAllowed(const QString &taskKey) const;
    /// QWidget::saveGeometry() / QMainWindow::saveState() of the main window.
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    /// The administrator's file: which settings are locked and why.
    const ManagedSettings &managed() const { return *m_managed; }
    /// Whether the administrator locked `key` (SettingKey).
    bool isLocked(const QString &key) const { return m_managed->isLocked(key); }

    /// Writes pending changes to storage.
    void sync();
    /// The underlying settings file (for messages and tests).
    QString fileName() const;

private:
    /// The value by the precedence in the class contract; invalid when nobody set `key`.
    QVariant value(const QString &key) const;
    /// Writes `value` unless `key` is locked (then logs it and returns false).
    bool store(const QString &key, const QVariant &value);

    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ManagedSettings> m_managed;
};

} // namespace bankid
