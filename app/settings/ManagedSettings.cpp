#include "ManagedSettings.h"

#include "AppSettings.h"

#include <QDir>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QSettings>
#include <QUrl>

#include <functional>
#include <optional>

Q_LOGGING_CATEGORY(lcManagedSettings, "bankid.desk.settings")

namespace bankid {

namespace {

const QString LockedKeys = QStringLiteral("locked/keys");
const QString LockedReason = QStringLiteral("locked/reason");

// QSettings' INI reader turns an unquoted value with commas into a list: join it back for text values.
QString text(const QVariant &raw)
{
    return (raw.metaType().id() == QMetaType::QStringList ? raw.toStringList().join(QStringLiteral(", "))
                                                          : raw.toString())
        .trimmed();
}

std::optional<int> integer(const QVariant &raw, int minimum, int maximum)
{
    bool ok = false;
    const int value = text(raw).toInt(&ok);
    if (!ok || value < minimum || value > maximum)
        return std::nullopt;
    return value;
}

std::optional<bool> boolean(const QVariant &raw)
{
    const QString value = text(raw).toLower();
    if (value == QLatin1String("true") || value == QLatin1String("yes") || value == QLatin1String("1"))
        return true;
    if (value == QLatin1String("false") || value == QLatin1String("no") || value == QLatin1String("0"))
        return false;
    return std::nullopt;
}

// One validator per lockable key: the normalised value, or nullopt with `expected` saying what is allowed.
struct Rule
{
    QString key;
    std::function<std::optional<QVariant>(const QVariant &raw, QString *expected)> check;
};

const QList<Rule> &rules()
{
    static const QList<Rule> all{
        {SettingKey::Environment,
         [](const QVariant &raw, QString *expected) -> std::optional<QVariant> {
             *expected = ManagedSettings::tr("simulator, test, production or custom");
             if (const auto environment = deskEnvironmentFromName(text(raw)))
                 return deskEnvironmentName(*environment);
             return std::nullopt;
         }},
        {SettingKey::CustomUrl,
         [](const QVariant &raw, QString *expected) -> std::optional<QVariant> {
             *expected = ManagedSettings::tr("an absolute https:// URL");
             const QUrl url(text(raw), QUrl::StrictMode);
             if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty())
                 return std::nullopt;
             return text(raw);
         }},
        {SettingKey::CustomCaFile,
         [](const QVariant &raw, QString *expected) -> std::optional<QVariant> {
             *expected = ManagedSettings::tr("the absolute path of a PEM file");
             return QDir::isAbsolutePath(text(raw)) ? std::optional<QVariant>(text(raw)) : std::nullopt;
         }},
        {SettingKey::CertificateFile,
         [](const QVariant &raw, QString *expected) -> std::optional<QVariant> {
             *expected = ManagedSettings::tr("the absolute path of a certificate file or a pkcs11: URI");
             const QString location = text(raw);
             if (location.startsWith(QLatin1String("pkcs11:"), Qt::CaseInsensitive) || QDir::isAbsolutePath(location))
                 return location;
             return std::nullopt;
         }},
        {SettingKey::KeyFile,
         [](const QVariant &raw, QString *expected) -> std::optional<QVariant> {
             *expected = ManagedSettings::tr("empty or the absolute path of a file");
             const QString path = text(raw);
             return path.isEmpty() || QDir::isAbsolutePath(path) ? std::optional<QVariant>(path) : std::nullopt;
         }},
        {SettingKey::RememberPassword,
         [](const QVariant &raw, QString *expected) -> std::optional<QVariant> {
             *expected = ManagedSettings::tr("true or false");
             if (const auto value = boolean(raw))
                 return *value;
             return std::nullopt;
         }},
        {SettingKey::EndUserIp,
         [](const QVariant &raw, QString *expected) -> std::optional<QVariant> {
             *expected = ManagedSettings::tr("detect or an IPv4/IPv6 address");
             const QString value = text(raw);
             if (value.isEmpty() || value.compare(QLatin1String("detect"), Qt::CaseInsensitive) == 0)
                 return QString();
             if (QHostAddress(value).isNull())
                 return std::nullopt;
             return value;
         }},
        {SettingKey::PollInterval,
         [](const QVariant &raw, QString *expected) -> std::optional<QVariant> {
             *expected = ManagedSettings::tr("whole seconds from %1 to %2")
                             .arg(AppSettings::MinPollIntervalSeconds)
                             .arg(AppSettings::MaxPollIntervalSeconds);
             if (const auto value = integer(raw, AppSettings::MinPollIntervalSeconds, AppSettings::MaxPollIntervalSeconds))
                 return *value;
             return std::nullopt;
         }},
        {SettingKey::ReturnRisk,
         [](const QVariant &raw, QString *expected) -> std::optional<QVariant> {
             *expected = ManagedSettings::tr("true or false");
             if (const auto value = boolean(raw))
                 return *value;
             return std::nullopt;
         }},
        {SettingKey::AutoRestarts,
         [](const QVariant &raw, QString *expected) -> std::optional<QVariant> {
             *expected = ManagedSettings::tr("a number from 0 to %1").arg(AppSettings::MaxAutoRestarts);
             if (const auto value = integer(raw, 0, AppSettings::MaxAutoRestarts))
                 return *value;
             return std::nullopt;
         }},
        {SettingKey::IdCardAgeLimit,
         [](const QVariant &raw, QString *expected) -> std::optional<QVariant> {
             *expected = ManagedSettings::tr("whole years from %1 to %2")
                             .arg(AppSettings::MinIdCardAgeLimit)
                             .arg(AppSettings::MaxIdCardAgeLimit);
             if (const auto value = integer(raw, AppSettings::MinIdCardAgeLimit, AppSettings::MaxIdCardAgeLimit))
                 return *value;
             return std::nullopt;
         }},
        {SettingKey::AuditLogFile,
         [](const QVariant &raw, QString *expected) -> std::optional<QVariant> {
             *expected = ManagedSettings::tr("an absolute file path");
             return QDir::isAbsolutePath(text(raw)) ? std::optional<QVariant>(text(raw)) : std::nullopt;
         }},
        {SettingKey::AllowedTasks,
         [](const QVariant &raw, QString *expected) -> std::optional<QVariant> {
             *expected = ManagedSettings::tr("a comma-separated list of %1").arg(AppSettings::taskKeys().join(QStringLiteral(", ")));
             QStringList tasks;
             for (const QString &entry : raw.toStringList()) {
                 const QString task = entry.trimmed().toLower();
                 if (!AppSettings::taskKeys().contains(task))
                     return std::nullopt; // a typo must not silently drop or keep a task
                 if (!tasks.contains(task))
                     tasks << task;
             }
             return tasks.isEmpty() ? std::nullopt : std::optional<QVariant>(tasks);
         }},
        {SettingKey::Language,
         [](const QVariant &raw, QString *expected) -> std::optional<QVariant> {
             *expected = ManagedSettings::tr("sv, en or system");
             const QString value = text(raw).toLower();
             if (value == QLatin1String("sv") || value == QLatin1String("en"))
                 return value;
             if (value.isEmpty() || value == QLatin1String("system"))
                 return QString();
             return std::nullopt;
         }},
    };
    return all;
}

} // namespace

ManagedSettings::ManagedSettings()
{
    load(QString(), true);
}

ManagedSettings::ManagedSettings(const QString &path)
{
    if (!path.isEmpty())
        load(path, false);
}

QString ManagedSettings::systemFilePath()
{
    return QSettings(QSettings::NativeFormat, QSettings::SystemScope, QStringLiteral("BankID Desk"),
                     QStringLiteral("bankid-desk"))
        .fileName();
}

QStringList ManagedSettings::lockableKeys()
{
    QStringList keys;
    for (const Rule &rule : rules())
        keys << rule.key;
    return keys;
}

void ManagedSettings::problem(const QString &message)
{
    m_problems << message;
    qCWarning(lcManagedSettings).noquote() << message;
}

void ManagedSettings::load(const QString &path, bool systemScope)
{
    // NativeFormat is INI with the .conf suffix on Linux (IniFormat would read bankid-desk.ini).
    QSettings file = systemScope ? QSettings(QSettings::NativeFormat, QSettings::SystemScope, QStringLiteral("BankID Desk"),
                                             QStringLiteral("bankid-desk"))
                                 : QSettings(path, QSettings::IniFormat);
    file.setFallbacksEnabled(false); // this one file only, not "BankID Desk.conf" beside it
    m_fileName = file.fileName();
    if (file.status() != QSettings::NoError) {
        problem(tr("%1: cannot be read as an INI file; no setting is managed").arg(QDir::toNativeSeparators(m_fileName)));
        return;
    }
    const QStringList present = file.allKeys();
    for (const QString &key : present) {
        if (key.startsWith(QLatin1String("locked/")) && key != LockedKeys && key != LockedReason)
            problem(tr("%1: unknown key %2 (the [locked] group takes keys and reason)").arg(QDir::toNativeSeparators(m_fileName), key));
        else if (!key.startsWith(QLatin1String("locked/")) && !lockableKeys().contains(key))
            problem(tr("%1: %2 cannot be set here and is ignored (settable: %3)")
                        .arg(QDir::toNativeSeparators(m_fileName), key, lockableKeys().join(QStringLiteral(", "))));
    }
    for (const Rule &rule : rules()) {
        if (!file.contains(rule.key))
            continue;
        const QVariant raw = file.value(rule.key);
        QString expected;
        if (const auto value = rule.check(raw, &expected))
            m_values.insert(rule.key, *value);
        else
            problem(tr("%1: %2 = '%3' is ignored: expected %4")
                        .arg(QDir::toNativeSeparators(m_fileName), rule.key, text(raw), expected));
    }
    m_reason = text(file.value(LockedReason));
    const QVariant lockedRaw = file.value(LockedKeys);
    for (const QString &entry : lockedRaw.toStringList()) {
        const QString key = entry.trimmed();
        if (key.isEmpty())
            continue;
        if (key == QLatin1String("*")) {
            for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
                m_locked.insert(it.key());
        } else if (!lockableKeys().contains(key)) {
            problem(tr("%1: locked/keys names %2, which cannot be locked (lockable: %3)")
                        .arg(QDir::toNativeSeparators(m_fileName), key, lockableKeys().join(QStringLiteral(", "))));
        } else if (!m_values.contains(key)) {
            problem(tr("%1: locked/keys names %2 but the file gives it no valid value, so it is not locked")
                        .arg(QDir::toNativeSeparators(m_fileName), key));
        } else {
            m_locked.insert(key);
        }
    }
}

QString ManagedSettings::reason() const
{
    return !m_reason.isEmpty() ? m_reason : tr("set in %1").arg(QDir::toNativeSeparators(m_fileName));
}

QString ManagedSettings::lockedDescription() const
{
    return tr("Locked by your administrator: %1").arg(reason());
}

} // namespace bankid
