// The administrator's system file (ManagedSettings) under AppSettings: the precedence locked > operator >
// administrator's default > built-in, every lockable setting, refused setters, malformed values, the
// command line against locks (LockedOptions), ConnectionManager's defensive profile, the example file
// in docs/examples, and the real system path through XDG_CONFIG_DIRS.
#include "AppSettings.h"
#include "ConnectionManager.h"
#include "DeskOptions.h"
#include "LockedOptions.h"
#include "ManagedSettings.h"
#include "TestConfig.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace bankid;

namespace {

// What the typed getter of `key` returns, as text (lists joined with ",").
QString read(const AppSettings &settings, const QString &key)
{
    if (key == SettingKey::Environment) return deskEnvironmentName(settings.environment());
    if (key == SettingKey::CustomUrl) return settings.customUrl();
    if (key == SettingKey::CustomCaFile) return settings.customCaFile();
    if (key == SettingKey::CertificateFile) return settings.certificateFile();
    if (key == SettingKey::KeyFile) return settings.keyFile();
    if (key == SettingKey::RememberPassword) return settings.rememberPassword() ? QStringLiteral("true") : QStringLiteral("false");
    if (key == SettingKey::EndUserIp) return settings.endUserIpOverride();
    if (key == SettingKey::PollInterval) return QString::number(settings.pollIntervalSeconds());
    if (key == SettingKey::ReturnRisk) return settings.returnRisk() ? QStringLiteral("true") : QStringLiteral("false");
    if (key == SettingKey::AutoRestarts) return QString::number(settings.autoRestarts());
    if (key == SettingKey::IdCardAgeLimit) return QString::number(settings.idCardAgeLimit());
    if (key == SettingKey::AuditLogFile) return settings.auditLogFile();
    if (key == SettingKey::Language) return settings.language();
    if (key == SettingKey::AllowedTasks) {
        QStringList allowed;
        for (const QString &task : AppSettings::taskKeys()) {
            if (settings.isTaskAllowed(task))
                allowed << task;
        }
        return allowed.join(QLatin1Char(','));
    }
    return QStringLiteral("<no getter for %1>").arg(key);
}

// The typed setter of `key`; nullopt when the setting has none (audit file, allowed tasks: the operator
// cannot set them from the desk).
std::optional<bool> write(AppSettings &settings, const QString &key, const QString &value)
{
    if (key == SettingKey::Environment) return settings.setEnvironment(*deskEnvironmentFromName(value));
    if (key == SettingKey::CustomUrl) return settings.setCustomUrl(value);
    if (key == SettingKey::CustomCaFile) return settings.setCustomCaFile(value);
    if (key == SettingKey::CertificateFile) return settings.setCertificateFile(value);
    if (key == SettingKey::KeyFile) return settings.setKeyFile(value);
    if (key == SettingKey::RememberPassword) return settings.setRememberPassword(value == QLatin1String("true"));
    if (key == SettingKey::EndUserIp) return settings.setEndUserIpOverride(value);
    if (key == SettingKey::PollInterval) return settings.setPollIntervalSeconds(value.toInt());
    if (key == SettingKey::ReturnRisk) return settings.setReturnRisk(value == QLatin1String("true"));
    if (key == SettingKey::AutoRestarts) return settings.setAutoRestarts(value.toInt());
    if (key == SettingKey::IdCardAgeLimit) return settings.setIdCardAgeLimit(value.toInt());
    if (key == SettingKey::Language) return settings.setLanguage(value);
    return std::nullopt;
}

struct Case
{
    QString key;
    QString systemText; ///< as written in the system file
    QString systemRead; ///< what the getter returns for it
    QString userValue;  ///< written by the operator (user file), and what the getter returns for it
};

QList<Case> cases()
{
    return {
        {SettingKey::Environment, QStringLiteral("production"), QStringLiteral("production"), QStringLiteral("test")},
        {SettingKey::CustomUrl, QStringLiteral("https://proxy.example.se/rp/v6.0"), QStringLiteral("https://proxy.example.se/rp/v6.0"),
         QStringLiteral("https://other.example.se/rp/v6.0")},
        {SettingKey::CustomCaFile, QStringLiteral("/etc/bankid-desk/ca.pem"), QStringLiteral("/etc/bankid-desk/ca.pem"), QStringLiteral("/home/op/ca.pem")},
        {SettingKey::CertificateFile, QStringLiteral("\"pkcs11:token=Desk;object=rp-key\""), QStringLiteral("pkcs11:token=Desk;object=rp-key"),
         QStringLiteral("/home/op/rp.p12")},
        {SettingKey::KeyFile, QStringLiteral("/etc/bankid-desk/rp.pem"), QStringLiteral("/etc/bankid-desk/rp.pem"), QStringLiteral("/home/op/key.pem")},
        {SettingKey::RememberPassword, QStringLiteral("false"), QStringLiteral("false"), QStringLiteral("true")},
        {SettingKey::EndUserIp, QStringLiteral("203.0.113.10"), QStringLiteral("203.0.113.10"), QStringLiteral("192.0.2.7")},
        {SettingKey::PollInterval, QStringLiteral("5"), QStringLiteral("5"), QStringLiteral("3")},
        {SettingKey::ReturnRisk, QStringLiteral("no"), QStringLiteral("false"), QStringLiteral("true")},
        {SettingKey::AutoRestarts, QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("4")},
        {SettingKey::IdCardAgeLimit, QStringLiteral("20"), QStringLiteral("20"), QStringLiteral("25")},
        {SettingKey::AuditLogFile, QStringLiteral("/var/log/bankid-desk/audit.jsonl"), QStringLiteral("/var/log/bankid-desk/audit.jsonl"),
         QStringLiteral("/home/op/audit.jsonl")},
        {SettingKey::AllowedTasks, QStringLiteral("login, Caller"), QStringLiteral("login,caller"), QStringLiteral("sign-text")},
        {SettingKey::Language, QStringLiteral("sv"), QStringLiteral("sv"), QStringLiteral("en")},
    };
}

} // namespace

class TestLockedSettings : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void everyLockableKeyIsCovered();
    void precedence_data();
    void precedence();
    void eachLockableSetting_data();
    void eachLockableSetting();
    void endUserIpPolicyDetect();
    void starLocksEverythingTheFileSets();
    void malformedValuesFallBackWithAWarning_data();
    void malformedValuesFallBackWithAWarning();
    void lockProblemsAreNamed();
    void unreadableOrMissingFileManagesNothing();
    void reasonWithCommasIsKept();
    void refusal_data();
    void refusal();
    void effectiveProfileLockedWinsOverCommandLine();
    void exampleFileReadsCleanly();
    void realSystemPathFromXdgConfigDirs();
    void realSystemPathInAFreshProcess();
    void childReadsTheSystemFile();

private:
    QString systemFile(const QString &body);
    QString userFile(const QString &body = QString());

    std::unique_ptr<QTemporaryDir> m_dir;
    int m_files = 0;
};

void TestLockedSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestLockedSettings::systemFile(const QString &body)
{
    const QString path = m_dir->filePath(QStringLiteral("system-%1.conf").arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(body.toUtf8()) != body.toUtf8().size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QString TestLockedSettings::userFile(const QString &body)
{
    const QString path = m_dir->filePath(QStringLiteral("user-%1.ini").arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(body.toUtf8()) != body.toUtf8().size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

static QStringList args(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *argument : list)
        result << QString::fromUtf8(argument);
    return result;
}

// The INI text for one key: "[group]\nname=value\n".
static QString entry(const QString &key, const QString &value)
{
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    return QStringLiteral("[%1]\n%2=%3\n").arg(key.left(slash), key.mid(slash + 1), value);
}

void TestLockedSettings::everyLockableKeyIsCovered()
{
    QStringList covered;
    for (const Case &c : cases())
        covered << c.key;
    covered.sort();
    QStringList lockable = ManagedSettings::lockableKeys();
    lockable.sort();
    QCOMPARE(covered, lockable);
}

void TestLockedSettings::precedence_data()
{
    QTest::addColumn<bool>("systemValue");
    QTest::addColumn<bool>("locked");
    QTest::addColumn<bool>("userValue");
    QTest::addColumn<QString>("expected");
    QTest::newRow("built-in default only") << false << false << false << "simulator";
    QTest::newRow("administrator's default") << true << false << false << "production";
    QTest::newRow("operator's value beats the administrator's default") << true << false << true << "test";
    QTest::newRow("operator's value, no system file entry") << false << false << true << "test";
    QTest::newRow("locked value beats the operator's value") << true << true << true << "production";
    QTest::newRow("locked value, operator never chose") << true << true << false << "production";
}

void TestLockedSettings::precedence()
{
    QFETCH(bool, systemValue);
    QFETCH(bool, locked);
    QFETCH(bool, userValue);
    QFETCH(QString, expected);
    QString system = systemValue ? entry(SettingKey::Environment, QStringLiteral("production")) : QString();
    if (locked)
        system += QStringLiteral("[locked]\nkeys=connection/environment\nreason=Decided by IT.\n");
    const AppSettings settings(userFile(userValue ? entry(SettingKey::Environment, QStringLiteral("test")) : QString()),
                               systemFile(system));
    QCOMPARE(deskEnvironmentName(settings.environment()), expected);
    QCOMPARE(settings.isLocked(SettingKey::Environment), locked);
}

void TestLockedSettings::eachLockableSetting_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("systemText");
    QTest::addColumn<QString>("systemRead");
    QTest::addColumn<QString>("userValue");
    for (const Case &c : cases())
        QTest::newRow(qPrintable(c.key)) << c.key << c.systemText << c.systemRead << c.userValue;
}

void TestLockedSettings::eachLockableSetting()
{
    QFETCH(QString, key);
    QFETCH(QString, systemText);
    QFETCH(QString, systemRead);
    QFETCH(QString, userValue);
    // The operator's own file holds a value of its own (written as the desk writes it).
    const QString userPath = userFile();
    {
        QSettings user(userPath, QSettings::IniFormat);
        user.setValue(key, key == SettingKey::AllowedTasks ? QVariant(userValue.split(QLatin1Char(','))) : QVariant(userValue));
    }
    const QString expectedUser = userValue;

    // A default: the operator's value wins; the setter works.
    {
        AppSettings settings(userPath, systemFile(entry(key, systemText)));
        QVERIFY(!settings.isLocked(key));
        QCOMPARE(read(settings, key), expectedUser);
    }
    // Only the administrator's default: it is what the getter returns.
    {
        AppSettings settings(userFile(), systemFile(entry(key, systemText)));
        QCOMPARE(read(settings, key), systemRead);
        QVERIFY(settings.managed().problems().isEmpty());
    }
    // Locked: the administrator's value wins and the setter refuses, writing nothing.
    {
        AppSettings settings(userPath, systemFile(entry(key, systemText) + QStringLiteral("[locked]\nkeys=%1\n").arg(key)));
        QVERIFY(settings.isLocked(key));
        QCOMPARE(read(settings, key), systemRead);
        if (const auto written = write(settings, key, userValue))
            QVERIFY2(!*written, "a setter of a locked setting must refuse");
        settings.sync();
        QCOMPARE(read(settings, key), systemRead);
        QVERIFY(settings.managed().problems().isEmpty());
    }
    // The operator's file still holds the operator's value (a lock does not destroy it).
    {
        AppSettings settings(userPath);
        QCOMPARE(read(settings, key), expectedUser);
        if (const auto written = write(settings, key, userValue))
            QVERIFY(*written);
    }
}

void TestLockedSettings::endUserIpPolicyDetect()
{
    // "detect" locked: the operator's fixed address is not used, the desk detects.
    const AppSettings settings(userFile(entry(SettingKey::EndUserIp, QStringLiteral("192.0.2.7"))),
                               systemFile(QStringLiteral("[order]\nendUserIp=detect\n[locked]\nkeys=order/endUserIp\n")));
    QVERIFY(settings.isLocked(SettingKey::EndUserIp));
    QCOMPARE(settings.endUserIpOverride(), QString());
}

void TestLockedSettings::starLocksEverythingTheFileSets()
{
    const AppSettings settings(userFile(), systemFile(QStringLiteral("[connection]\nenvironment=test\n[idCard]\nageLimit=25\n"
                                                                     "[locked]\nkeys=*\nreason=Counter policy.\n")));
    QVERIFY(settings.isLocked(SettingKey::Environment));
    QVERIFY(settings.isLocked(SettingKey::IdCardAgeLimit));
    QVERIFY(!settings.isLocked(SettingKey::CustomUrl)); // not set by the file: not locked
    QCOMPARE(settings.managed().reason(), QStringLiteral("Counter policy."));
    QCOMPARE(settings.managed().lockedDescription(), QStringLiteral("Locked by your administrator: Counter policy."));
}

void TestLockedSettings::malformedValuesFallBackWithAWarning_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("builtIn");
    QTest::newRow("environment") << SettingKey::Environment << "prodution" << "simulator";
    QTest::newRow("custom URL not https") << SettingKey::CustomUrl << "http://proxy.example.se/" << "";
    QTest::newRow("CA file relative") << SettingKey::CustomCaFile << "ca.pem" << "";
    QTest::newRow("certificate relative") << SettingKey::CertificateFile << "rp.p12" << "";
    QTest::newRow("key file relative") << SettingKey::KeyFile << "key.pem" << "";
    QTest::newRow("remember not a bool") << SettingKey::RememberPassword << "maybe" << "false";
    QTest::newRow("end-user IP") << SettingKey::EndUserIp << "300.1.2.3" << "";
    QTest::newRow("poll interval below the floor") << SettingKey::PollInterval << "1" << "2";
    QTest::newRow("return risk") << SettingKey::ReturnRisk << "sometimes" << "true";
    QTest::newRow("auto restarts") << SettingKey::AutoRestarts << "99" << "2";
    QTest::newRow("age limit not a number") << SettingKey::IdCardAgeLimit << "twenty" << "18";
    QTest::newRow("age limit out of range") << SettingKey::IdCardAgeLimit << "151" << "18";
    QTest::newRow("unknown task") << SettingKey::AllowedTasks << "login, logout"
                                  << AppSettings::taskKeys().join(QLatin1Char(','));
    QTest::newRow("language") << SettingKey::Language << "de" << "";
    QTest::newRow("audit file relative") << SettingKey::AuditLogFile << "audit.jsonl" << "";
}

void TestLockedSettings::malformedValuesFallBackWithAWarning()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, builtIn);
    const QString path = systemFile(entry(key, value) + QStringLiteral("[locked]\nkeys=%1\n").arg(key));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("%1 = '.*' is ignored: expected").arg(QRegularExpression::escape(key))));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("locked/keys names %1 but the file gives it no valid value")
                                                              .arg(QRegularExpression::escape(key))));
    AppSettings settings(userFile(), path);
    QVERIFY(!settings.isLocked(key));
    QCOMPARE(settings.managed().problems().size(), 2);
    QVERIFY2(settings.managed().problems().first().contains(QDir::toNativeSeparators(path)), qPrintable(settings.managed().problems().first()));
    if (key == SettingKey::AuditLogFile)
        return;
    QCOMPARE(read(settings, key), builtIn);
    // Not locked: the operator can set it.
    for (const Case &c : cases()) {
        if (c.key != key)
            continue;
        if (const auto written = write(settings, key, c.userValue)) {
            QVERIFY(*written);
            QCOMPARE(read(settings, key), c.userValue);
        }
    }
}

void TestLockedSettings::lockProblemsAreNamed()
{
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("ui/mainWindowGeometry cannot be set here")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("locked/keys names order/speed, which cannot be locked")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("unknown key locked/why")));
    const AppSettings settings(userFile(), systemFile(QStringLiteral("[ui]\nmainWindowGeometry=x\n[connection]\nenvironment=test\n"
                                                                     "[locked]\nkeys=order/speed, connection/environment\nwhy=x\n")));
    QCOMPARE(settings.managed().problems().size(), 3);
    QVERIFY(settings.isLocked(SettingKey::Environment)); // the good part of the file still applies
}

void TestLockedSettings::unreadableOrMissingFileManagesNothing()
{
    const AppSettings missing(userFile(), m_dir->filePath(QStringLiteral("absent.conf")));
    QVERIFY(!missing.managed().hasLocks());
    QVERIFY(missing.managed().problems().isEmpty());
    QCOMPARE(missing.environment(), DeskEnvironment::Simulator);

    // Binary garbage: QSettings reports a format error; nothing is managed, nothing crashes.
    QByteArray garbage(4096, '\0');
    for (int i = 0; i < garbage.size(); ++i)
        garbage[i] = char((i * 131) % 256);
    const QString path = m_dir->filePath(QStringLiteral("garbage.conf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[locked\nkeys=connection/environment\n[connection]\nenvironment=\"test\n");
    file.write(garbage);
    file.close();
    const AppSettings settings(userFile(), path);
    for (const QString &problem : settings.managed().problems())
        QVERIFY2(problem.contains(QStringLiteral("garbage.conf")), qPrintable(problem));
    // Whatever Qt made of it, a lock only ever holds a validated value.
    QVERIFY(!settings.isLocked(SettingKey::Environment) || settings.environment() == DeskEnvironment::Test);
}

void TestLockedSettings::reasonWithCommasIsKept()
{
    const AppSettings settings(userFile(), systemFile(QStringLiteral("[connection]\nenvironment=test\n[locked]\nkeys=connection/environment\n"
                                                                     "reason=Set by IT, call 1234, ask for Eva\n")));
    QCOMPARE(settings.managed().reason(), QStringLiteral("Set by IT, call 1234, ask for Eva"));
    const AppSettings noReason(userFile(), systemFile(QStringLiteral("[connection]\nenvironment=test\n[locked]\nkeys=connection/environment\n")));
    QVERIFY2(noReason.managed().reason().contains(QStringLiteral("system-")), qPrintable(noReason.managed().reason()));
}

void TestLockedSettings::refusal_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("lockedKey"); // empty: not refused
    QTest::newRow("--environment") << args({"--environment", "test"}) << SettingKey::Environment;
    QTest::newRow("--environment repeating the locked value") << args({"--environment", "production"}) << QString();
    QTest::newRow("--url against a locked environment") << args({"--url", "https://x.example.se/rp/v6.0", "--ca", "/tmp/ca.pem"})
                                                         << SettingKey::Environment;
    QTest::newRow("--cert") << args({"--cert", "/home/op/rp.p12"}) << SettingKey::CertificateFile;
    QTest::newRow("--cert repeating the locked URI with its file")
        << args({"--cert", "pkcs11:token=Desk;object=rp-key", "--cert-file", "/etc/bankid-desk/rp.pem"}) << QString();
    QTest::newRow("--cert-file") << args({"--cert", "pkcs11:token=Desk;object=rp-key", "--cert-file", "/home/op/other.pem"})
                                 << SettingKey::KeyFile;
    QTest::newRow("--lang") << args({"--lang", "en"}) << SettingKey::Language;
    QTest::newRow("--lang repeating") << args({"--lang", "sv"}) << QString();
    QTest::newRow("--password-env is never refused") << args({"--password-env", "HOME"}) << QString();
    QTest::newRow("--start auth (login allowed)") << args({"--start", "auth"}) << QString();
    QTest::newRow("--start phone-auth (caller allowed)") << args({"--start", "phone-auth"}) << QString();
    QTest::newRow("--start sign (sign-text not allowed)") << args({"--start", "sign"}) << SettingKey::AllowedTasks;
    QTest::newRow("no options") << args({}) << QString();
}

void TestLockedSettings::refusal()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, lockedKey);
    const AppSettings settings(userFile(), systemFile(QStringLiteral(
        "[connection]\nenvironment=production\n"
        "[certificate]\nfile=\"pkcs11:token=Desk;object=rp-key\"\nkeyFile=/etc/bankid-desk/rp.pem\n"
        "[ui]\nlanguage=sv\nallowedTasks=login, caller\n"
        "[locked]\nkeys=*\nreason=\"Set by IT, call 1234.\"\n")));
    DeskOptions options;
    // --cert-file is set by hand: DeskOptions parses it once the desk's command line has it.
    QStringList parsed = arguments;
    QString companion;
    if (const qsizetype at = parsed.indexOf(QStringLiteral("--cert-file")); at >= 0) {
        companion = parsed.at(at + 1);
        parsed.remove(at, 2);
    }
    const QString parseError = options.parse(QStringList{QStringLiteral("bankid-desk")} + parsed);
    QVERIFY2(parseError.isEmpty(), qPrintable(parseError));
    if (!companion.isEmpty())
        options.certCompanionFile = companion;
    const QString refused = LockedOptions::refusal(options, settings);
    if (!refused.isEmpty())
        qInfo().noquote() << "refused:" << refused;
    if (lockedKey.isEmpty()) {
        QVERIFY2(refused.isEmpty(), qPrintable(refused));
        return;
    }
    QVERIFY2(refused.contains(lockedKey), qPrintable(refused));
    QVERIFY2(refused.contains(QStringLiteral("Set by IT, call 1234.")), qPrintable(refused));
    QVERIFY2(refused.startsWith(lockedKey == SettingKey::KeyFile ? QStringLiteral("--cert-file") : arguments.first()),
             qPrintable(refused));
    QVERIFY2(!refused.contains(QLatin1Char('\n')), "one sentence");
}

void TestLockedSettings::effectiveProfileLockedWinsOverCommandLine()
{
    AppSettings settings(userFile(), systemFile(QStringLiteral(
        "[connection]\nenvironment=custom\ncustomUrl=https://proxy.example.se/rp/v6.0\ncustomCaFile=/etc/ca.pem\n"
        "[certificate]\nfile=/etc/rp.p12\n[locked]\nkeys=*\n")));
    DeskOptions options; // as if LockedOptions had not been asked
    options.environment = DeskEnvironment::Test;
    options.url = QStringLiteral("https://evil.example/rp/v6.0");
    options.caFile = QStringLiteral("/tmp/evil.pem");
    options.certFile = QStringLiteral("/tmp/other.p12");
    options.certCompanionFile = QStringLiteral("/tmp/other.pem");
    ConnectionManager connections(&settings, options);
    const ConnectionManager::Profile profile = connections.effectiveProfile();
    QCOMPARE(profile.environment, DeskEnvironment::Custom);
    QCOMPARE(profile.url, QStringLiteral("https://proxy.example.se/rp/v6.0"));
    QCOMPARE(profile.caFile, QStringLiteral("/etc/ca.pem"));
    QCOMPARE(profile.certificateFile, QStringLiteral("/etc/rp.p12"));
    QCOMPARE(profile.keyFile, QString());

    // Nothing locked: the command line wins as before, --cert with its companion.
    AppSettings open(userFile(), systemFile(QStringLiteral("[certificate]\nfile=/etc/rp.p12\nkeyFile=/etc/rp.pem\n")));
    ConnectionManager openConnections(&open, options);
    QCOMPARE(openConnections.effectiveProfile().environment, DeskEnvironment::Test);
    QCOMPARE(openConnections.effectiveProfile().certificateFile, QStringLiteral("/tmp/other.p12"));
    QCOMPARE(openConnections.effectiveProfile().keyFile, QStringLiteral("/tmp/other.pem"));
    QVERIFY(ClientIdentity::isTokenUri(QStringLiteral("PKCS11:token=x")));
    QVERIFY(!ClientIdentity::isTokenUri(QStringLiteral("/etc/pkcs11:x.p12")));
}

void TestLockedSettings::exampleFileReadsCleanly()
{
    const QString example = QStringLiteral(BANKID_SOURCE_DIR "/docs/examples/bankid-desk.conf");
    QVERIFY(QFile::exists(example));
    const ManagedSettings managed(example);
    QVERIFY2(managed.problems().isEmpty(), qPrintable(managed.problems().join(QLatin1Char('\n'))));
    // Every key the desk can lock appears in the example.
    for (const QString &key : ManagedSettings::lockableKeys())
        QVERIFY2(managed.hasValue(key), qPrintable(key));
    QCOMPARE(managed.value(SettingKey::CertificateFile).toString(), QStringLiteral("pkcs11:token=BankID%20RP;object=rp-key;type=private"));
    QCOMPARE(managed.value(SettingKey::AllowedTasks).toStringList(),
             (QStringList{QStringLiteral("login"), QStringLiteral("caller"), QStringLiteral("verify-id-card")}));
    QCOMPARE(managed.value(SettingKey::EndUserIp).toString(), QString());
    QVERIFY(managed.isLocked(SettingKey::AuditLogFile));
    QVERIFY(!managed.isLocked(SettingKey::Language));
    QCOMPARE(managed.reason(), QStringLiteral("Set by IT Service Desk for all counters; call 08-123 45 67 to change it."));
}

void TestLockedSettings::realSystemPathFromXdgConfigDirs()
{
    // Qt 6.4 reads XDG_CONFIG_DIRS (its first folder) each time a system-scope QSettings is made (measured:
    // no per-process cache of the system path unless QSettings::setPath() was called), so setting it here
    // before AppSettings() is the real lookup, not a test hook. XDG_CONFIG_HOME keeps the user file away
    // from the real home.
    const QByteArray savedDirs = qgetenv("XDG_CONFIG_DIRS");
    const QByteArray savedHome = qgetenv("XDG_CONFIG_HOME");
    const QString systemDir = m_dir->filePath(QStringLiteral("etc-xdg"));
    const QString homeDir = m_dir->filePath(QStringLiteral("home-config"));
    QVERIFY(QDir().mkpath(systemDir + QStringLiteral("/BankID Desk")));
    QFile file(systemDir + QStringLiteral("/BankID Desk/bankid-desk.conf"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[connection]\nenvironment=test\n[idCard]\nageLimit=20\n[locked]\nkeys=connection/environment\nreason=From the real path.\n");
    file.close();
    qputenv("XDG_CONFIG_DIRS", (systemDir + QStringLiteral(":/nonexistent")).toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", homeDir.toLocal8Bit());
    QCoreApplication::setOrganizationName(QStringLiteral("BankID Desk"));
    QCoreApplication::setApplicationName(QStringLiteral("bankid-desk"));
    {
        QCOMPARE(ManagedSettings::systemFilePath(), QDir(systemDir).filePath(QStringLiteral("BankID Desk/bankid-desk.conf")));
        AppSettings settings;
        QCOMPARE(settings.managed().fileName(), ManagedSettings::systemFilePath());
        QVERIFY(settings.fileName().startsWith(homeDir));
        QVERIFY(settings.isLocked(SettingKey::Environment));
        QCOMPARE(settings.environment(), DeskEnvironment::Test);
        QCOMPARE(settings.idCardAgeLimit(), 20); // a default
        QVERIFY(settings.setIdCardAgeLimit(25));
        QVERIFY(!settings.setEnvironment(DeskEnvironment::Production));
        settings.sync();
    }
    {
        AppSettings settings; // a second start: the operator's 25 wins over the default, the lock holds
        QCOMPARE(settings.idCardAgeLimit(), 25);
        QCOMPARE(settings.environment(), DeskEnvironment::Test);
        QCOMPARE(settings.managed().reason(), QStringLiteral("From the real path."));
    }
    savedDirs.isNull() ? qunsetenv("XDG_CONFIG_DIRS") : qputenv("XDG_CONFIG_DIRS", savedDirs);
    savedHome.isNull() ? qunsetenv("XDG_CONFIG_HOME") : qputenv("XDG_CONFIG_HOME", savedHome);
}

void TestLockedSettings::realSystemPathInAFreshProcess()
{
    // The same lookup in a new process whose environment carries XDG_CONFIG_DIRS from its start (as a desk
    // login would): this binary runs itself with only childReadsTheSystemFile.
    const QString systemDir = m_dir->filePath(QStringLiteral("fresh-etc-xdg"));
    QVERIFY(QDir().mkpath(systemDir + QStringLiteral("/BankID Desk")));
    QFile file(systemDir + QStringLiteral("/BankID Desk/bankid-desk.conf"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[connection]\nenvironment=production\n[ui]\nallowedTasks=verify-id-card\n[locked]\nkeys=*\n"
               "reason=Fresh process.\n");
    file.close();
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_DIRS"), systemDir);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("fresh-home")));
    environment.insert(QStringLiteral("BANKID_LOCKED_SETTINGS_CHILD"), QStringLiteral("1"));
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("childReadsTheSystemFile")});
    QVERIFY(child.waitForFinished(60000));
    const QByteArray output = child.readAll();
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
    QVERIFY2(output.contains("PASS   : TestLockedSettings::childReadsTheSystemFile()"), output.constData());
}

void TestLockedSettings::childReadsTheSystemFile()
{
    if (qEnvironmentVariable("BANKID_LOCKED_SETTINGS_CHILD") != QLatin1String("1"))
        QSKIP("runs as the child of realSystemPathInAFreshProcess");
    QCoreApplication::setOrganizationName(QStringLiteral("BankID Desk"));
    QCoreApplication::setApplicationName(QStringLiteral("bankid-desk"));
    const AppSettings settings;
    QVERIFY(settings.managed().fileName().startsWith(qEnvironmentVariable("XDG_CONFIG_DIRS")));
    QVERIFY(settings.isLocked(SettingKey::Environment));
    QCOMPARE(settings.environment(), DeskEnvironment::Production);
    QVERIFY(settings.isTaskAllowed(QStringLiteral("verify-id-card")));
    QVERIFY(!settings.isTaskAllowed(QStringLiteral("login")));
    QCOMPARE(settings.managed().reason(), QStringLiteral("Fresh process."));
}

QTEST_MAIN(TestLockedSettings)
#include "TestLockedSettings.moc"
