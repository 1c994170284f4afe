#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace bankid {

/// The settings keys an administrator can set and lock (the same keys as in the operator's own file).
namespace SettingKey {
inline const QString Environment = QStringLiteral("connection/environment");
inline const QString CustomUrl = QStringLiteral("connection/customUrl");
inline const QString CustomCaFile = QStringLiteral("connection/customCaFile");
inline const QString CertificateFile = QStringLiteral("certificate/file");
inline const QString KeyFile = QStringLiteral("certificate/keyFile");
inline const QString RememberPassword = QStringLiteral("certificate/rememberPasswordInKeychain");
inline const QString EndUserIp = QStringLiteral("order/endUserIp");
inline const QString PollInterval = QStringLiteral("order/pollIntervalSeconds");
inline const QString ReturnRisk = QStringLiteral("order/returnRisk");
inline const QString AutoRestarts = QStringLiteral("order/autoRestarts");
inline const QString IdCardAgeLimit = QStringLiteral("idCard/ageLimit");
inline const QString AuditLogFile = QStringLiteral("audit/file");
inline const QString AllowedTasks = QStringLiteral("ui/allowedTasks");
inline const QString Language = QStringLiteral("ui/language");
} // namespace SettingKey

/// The administrator's system-wide settings file: defaults for the desk's settings and which of them are
/// locked, with a reason the operator sees.
///
/// The file is QSettings' system scope, `QSettings(NativeFormat, SystemScope, "BankID Desk", "bankid-desk")`:
/// on Linux `<first folder of $XDG_CONFIG_DIRS, default /etc/xdg>/BankID Desk/bankid-desk.conf`. Format:
/// \code
///   [connection]
///   environment=production                  ; any lockable key: the administrator's value
///   [locked]
///   keys=connection/environment, ui/allowedTasks   ; or * for every key this file sets
///   reason="Set by IT (ticket 4711); call 1234 to change it."
/// \endcode
/// A value set here and not listed under locked/keys is a default: the operator's own value wins.
///
/// Contract: a malformed value (an unknown environment, an age limit out of range, a relative audit path,
/// ...) is ignored as if absent, and so is not locked; problems() names the file, key, value and what is
/// expected, and each is logged once as a warning (category bankid.desk.settings). A missing or unreadable
/// file means nothing is managed. The file is read once, at construction.
class ManagedSettings
{
    Q_DECLARE_TR_FUNCTIONS(bankid::ManagedSettings)

public:
    /// The system file (see the class comment).
    ManagedSettings();
    /// An INI file of its own (tests); an empty path manages nothing.
    explicit ManagedSettings(const QString &path);

    /// Where the system file is read from on this machine.
    static QString systemFilePath();
    /// The keys the file may set and lock (SettingKey).
    static QStringList lockableKeys();

    /// The file read (empty when none was given).
    QString fileName() const { return m_fileName; }
    /// Whether the file gives a (valid) value for `key`.
    bool hasValue(const QString &key) const { return m_values.contains(key); }
    /// The validated value for `key` (normalised: an environment name in lower case, a list of task keys,
    /// an int, a bool, an address or "" for detect), or an invalid QVariant.
    QVariant value(const QString &key) const { return m_values.value(key); }
    /// Whether `key` is locked: listed under locked/keys and given a valid value.
    bool isLocked(const QString &key) const { return m_locked.contains(key); }
    bool hasLocks() const { return !m_locked.isEmpty(); }
    /// The administrator's locked/reason, or a generic sentence when the file gives none.
    QString reason() const;
    /// The administrator's locked/reason as written (empty when none).
    QString givenReason() const { return m_reason; }
    /// What an operator reads beside a locked field: "Locked by your administrator: <reason>".
    QString lockedDescription() const;
    /// The file's problems, one sentence each (see the contract).
    QStringList problems() const { return m_problems; }

private:
    void load(const QString &path, bool systemScope);
    void problem(const QString &message);

    QString m_fileName;
    QHash<QString, QVariant> m_values;
    QSet<QString> m_locked;
    QString m_reason;
    QStringList m_problems;
};

} // namespace bankid
