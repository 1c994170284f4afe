// SettingsDialog against a real in-process simulator: field enabling, certificate details and expiry
// warnings from real PKCS#12 files, "Test connection" success and the failing TLS side, and saving.
#include "AppSettings.h"
#include "CertificateFactory.h"
#include "ConnectionManager.h"
#include "DeskOptions.h"
#include "OrderSession.h"
#include "Screenshots.h"
#include "SettingsDialog.h"
#include "Simulator.h"
#include "TestConfig.h"
#include "Translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QScrollArea>
#include <QTest>

using namespace bankid;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void environmentSwitchEnablesFields_data();
    void environmentSwitchEnablesFields();
    void certificateDetails_data();
    void certificateDetails();
    void testConnection_data();
    void testConnection();
    void acceptSaves();
    void pollIntervalNeverBelowTheCoreFloor();
    void returnRiskIsOnByDefault();
    void growsSoNoTextIsCut();
    void lockedFieldsShowTheReason();
    void tokenUriIsAcceptedWithItsCertificateFile();

private:
    static void select(QComboBox *combo, DeskEnvironment environment)
    {
        combo->setCurrentIndex(combo->findData(static_cast<int>(environment)));
    }
    QString writeP12(const QString &name, const QDateTime &notBefore, const QDateTime &notAfter);

    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<ConnectionManager> m_connections;
    sim::CertifiedKey m_ca;
};

void TestSettingsDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_connections = std::make_unique<ConnectionManager>(m_settings.get(), DeskOptions());
    sim::SimulatorOptions options;
    options.stateDir = m_dir.filePath(QStringLiteral("simulator"));
    options.userMode = sim::UserMode::Manual;
    m_connections->setSimulatorOptions(options);
    QSignalSpy ready(m_connections.get(), &ConnectionManager::ready);
    m_connections->configure();
    QTRY_COMPARE(ready.count(), 1);
    QVERIFY(m_connections->simulator());
    QString error;
    m_ca = sim::CertificateFactory::createCa(QStringLiteral("Desk Test RP CA"), 3650, &error);
    QVERIFY2(!m_ca.isNull(), qPrintable(error));
}

void TestSettingsDialog::cleanupTestCase()
{
    m_connections.reset();
}

QString TestSettingsDialog::writeP12(const QString &name, const QDateTime &notBefore, const QDateTime &notAfter)
{
    QString error;
    const auto client = sim::CertificateFactory::issueClient(m_ca, name, notBefore, notAfter, &error);
    if (client.isNull())
        return {};
    const QByteArray p12 = sim::CertificateFactory::toPkcs12(client, QStringLiteral("desk-pw"), &error);
    const QString path = m_dir.filePath(name + QStringLiteral(".p12"));
    QFile file(path);
    if (p12.isEmpty() || !file.open(QIODevice::WriteOnly) || file.write(p12) != p12.size())
        return {};
    return path;
}

void TestSettingsDialog::environmentSwitchEnablesFields_data()
{
    QTest::addColumn<int>("environment");
    QTest::addColumn<bool>("customFields");
    QTest::addColumn<bool>("certificateFields");
    QTest::newRow("simulator: no fields needed") << int(DeskEnvironment::Simulator) << false << false;
    QTest::newRow("test: certificate only") << int(DeskEnvironment::Test) << false << true;
    QTest::newRow("production: certificate only") << int(DeskEnvironment::Production) << false << true;
    QTest::newRow("custom: URL, CA and certificate") << int(DeskEnvironment::Custom) << true << true;
}

void TestSettingsDialog::environmentSwitchEnablesFields()
{
    QFETCH(int, environment);
    QFETCH(bool, customFields);
    QFETCH(bool, certificateFields);
    SettingsDialog dialog(m_settings.get(), m_connections.get());
    dialog.show();
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("environmentComboBox"));
    // Start from another entry so every row really switches.
    select(combo, environment == int(DeskEnvironment::Custom) ? DeskEnvironment::Simulator : DeskEnvironment::Custom);
    select(combo, static_cast<DeskEnvironment>(environment));
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("urlLineEdit"))->isEnabled(), customFields);
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("caLineEdit"))->isEnabled(), customFields);
    QCOMPARE(dialog.findChild<QPushButton *>(QStringLiteral("caBrowsePushButton"))->isEnabled(), customFields);
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("certificateLineEdit"))->isEnabled(), certificateFields);
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"))->isEnabled(), certificateFields);
    QCOMPARE(int(dialog.profile().environment), environment);
}

void TestSettingsDialog::certificateDetails_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("notBeforeDays");
    QTest::addColumn<int>("notAfterDays");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("details");  // expected part of the details label
    QTest::addColumn<QString>("warning");  // expected part of the warning label ("" = no warning)

    QTest::newRow("valid for a year") << QStringLiteral("Desk RP valid") << -1 << 365 << QStringLiteral("desk-pw")
                                      << QStringLiteral("CN=Desk RP valid") << QString();
    QTest::newRow("expires in 10 days") << QStringLiteral("Desk RP soon") << -300 << 10 << QStringLiteral("desk-pw")
                                        << QStringLiteral("CN=Desk RP soon") << QStringLiteral("expires in");
    QTest::newRow("expired") << QStringLiteral("Desk RP old") << -400 << -30 << QStringLiteral("desk-pw")
                             << QStringLiteral("CN=Desk RP old") << QStringLiteral("expired");
    QTest::newRow("password missing") << QStringLiteral("Desk RP locked") << -1 << 365 << QString()
                                      << QStringLiteral("enter its password") << QString();
    QTest::newRow("wrong password") << QStringLiteral("Desk RP wrong") << -1 << 365 << QStringLiteral("nope")
                                    << QStringLiteral("wrong password") << QString();
}

void TestSettingsDialog::certificateDetails()
{
    QFETCH(QString, name);
    QFETCH(int, notBeforeDays);
    QFETCH(int, notAfterDays);
    QFETCH(QString, password);
    QFETCH(QString, details);
    QFETCH(QString, warning);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString path = writeP12(name, now.addDays(notBeforeDays), now.addDays(notAfterDays));
    QVERIFY(!path.isEmpty());

    SettingsDialog dialog(m_settings.get(), m_connections.get());
    select(dialog.findChild<QComboBox *>(QStringLiteral("environmentComboBox")), DeskEnvironment::Test);
    auto *certificate = dialog.findChild<QLineEdit *>(QStringLiteral("certificateLineEdit"));
    auto *passwordEdit = dialog.findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"));
    QCOMPARE(passwordEdit->echoMode(), QLineEdit::Password);
    passwordEdit->setText(password);
    certificate->setText(path);
    emit certificate->editingFinished();

    const QString shown = dialog.findChild<QLabel *>(QStringLiteral("certificateDetailsLabel"))->text();
    QVERIFY2(shown.contains(details), qPrintable(shown));
    const QString shownWarning = dialog.findChild<QLabel *>(QStringLiteral("certificateWarningLabel"))->text();
    if (warning.isEmpty())
        QVERIFY2(shownWarning.isEmpty(), qPrintable(shownWarning));
    else
        QVERIFY2(shownWarning.contains(warning), qPrintable(shownWarning));
    if (password == QLatin1String("desk-pw")) {
        QVERIFY(!dialog.identity().isNull());
        QVERIFY(shown.contains(QStringLiteral("CN=Desk Test RP CA"))); // the issuer
    }
}

void TestSettingsDialog::testConnection_data()
{
    QTest::addColumn<int>("environment");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("caFile");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected");

    sim::Simulator *simulator = m_connections->simulator();
    const QString simulatorUrl = simulator->baseUrl().toString();
    QTest::newRow("embedded simulator works") << int(DeskEnvironment::Simulator) << QString() << QString() << true
                                              << QStringLiteral("TLS and authentication work: BankID answered");
    QTest::newRow("custom URL with the simulator's CA works")
        << int(DeskEnvironment::Custom) << simulatorUrl << simulator->caCertificatePath() << true
        << QStringLiteral("TLS and authentication work");
    QTest::newRow("wrong CA: the server side fails")
        << int(DeskEnvironment::Custom) << simulatorUrl
        << QStringLiteral(BANKID_SOURCE_DIR "/resources/certs/bankid-test-root.pem") << false
        << QStringLiteral("the server's certificate is not trusted");
    QTest::newRow("nothing listening: cannot reach")
        << int(DeskEnvironment::Custom) << QStringLiteral("https://127.0.0.1:1/rp/v6.0") << simulator->caCertificatePath()
        << false << QStringLiteral("cannot reach 127.0.0.1:1");
}

void TestSettingsDialog::testConnection()
{
    QFETCH(int, environment);
    QFETCH(QString, url);
    QFETCH(QString, caFile);
    QFETCH(bool, ok);
    QFETCH(QString, expected);
    SettingsDialog dialog(m_settings.get(), m_connections.get());
    dialog.show();
    select(dialog.findChild<QComboBox *>(QStringLiteral("environmentComboBox")), static_cast<DeskEnvironment>(environment));
    if (environment == int(DeskEnvironment::Custom)) {
        dialog.findChild<QLineEdit *>(QStringLiteral("urlLineEdit"))->setText(url);
        dialog.findChild<QLineEdit *>(QStringLiteral("caLineEdit"))->setText(caFile);
        // The simulator's own RP identity, with its password typed in as an operator would.
        dialog.findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"))->setText(QStringLiteral("qwerty123"));
        auto *certificate = dialog.findChild<QLineEdit *>(QStringLiteral("certificateLineEdit"));
        certificate->setText(m_connections->simulator()->clientP12Path());
        emit certificate->editingFinished();
    }
    QSignalSpy tested(m_connections.get(), &ConnectionManager::connectionTested);
    auto *button = dialog.findChild<QPushButton *>(QStringLiteral("testPushButton"));
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 1, 15000);
    QCOMPARE(tested.first().at(0).toBool(), ok);
    const QString result = dialog.findChild<QLabel *>(QStringLiteral("testResultLabel"))->text();
    QVERIFY2(result.contains(expected), qPrintable(result));
    QVERIFY(button->isEnabled());
}

void TestSettingsDialog::acceptSaves()
{
    SettingsDialog dialog(m_settings.get(), m_connections.get());
    select(dialog.findChild<QComboBox *>(QStringLiteral("environmentComboBox")), DeskEnvironment::Custom);
    dialog.findChild<QLineEdit *>(QStringLiteral("urlLineEdit"))->setText(QStringLiteral("https://rp.example/rp/v6.0"));
    dialog.findChild<QLineEdit *>(QStringLiteral("caLineEdit"))->setText(QStringLiteral("/etc/rp/ca.pem"));
    dialog.findChild<QLineEdit *>(QStringLiteral("endUserIpLineEdit"))->setText(QStringLiteral("192.0.2.10"));
    dialog.findChild<QSpinBox *>(QStringLiteral("pollSpinBox"))->setValue(3);
    dialog.findChild<QSpinBox *>(QStringLiteral("restartsSpinBox"))->setValue(5);
    auto *language = dialog.findChild<QComboBox *>(QStringLiteral("languageComboBox"));
    language->setCurrentIndex(language->findData(QStringLiteral("sv")));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    AppSettings reread(m_settings->fileName());
    QCOMPARE(reread.environment(), DeskEnvironment::Custom);
    QCOMPARE(reread.customUrl(), QStringLiteral("https://rp.example/rp/v6.0"));
    QCOMPARE(reread.customCaFile(), QStringLiteral("/etc/rp/ca.pem"));
    QCOMPARE(reread.endUserIpOverride(), QStringLiteral("192.0.2.10"));
    QCOMPARE(reread.pollIntervalSeconds(), 3);
    QCOMPARE(reread.autoRestarts(), 5);
    QCOMPARE(reread.language(), QStringLiteral("sv"));
    // No password ever lands in the settings file.
    QFile file(m_settings->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("qwerty123"));

    SettingsDialog invalid(m_settings.get(), m_connections.get());
    invalid.findChild<QLineEdit *>(QStringLiteral("endUserIpLineEdit"))->setText(QStringLiteral("desk.local"));
    invalid.accept();
    QVERIFY2(invalid.result() != int(QDialog::Accepted), "a hostname is not an endUserIp");
    QVERIFY(invalid.findChild<QLabel *>(QStringLiteral("testResultLabel"))->text().contains(QStringLiteral("desk.local")));
}

void TestSettingsDialog::pollIntervalNeverBelowTheCoreFloor()
{
    QCOMPARE(AppSettings::MinPollIntervalSeconds * 1000, OrderSession::MinPollIntervalMs);
    // A value stored by an older desk (1 s was allowed) is raised to the floor when read.
    const QString path = m_dir.filePath(QStringLiteral("old-settings.ini"));
    {
        QSettings old(path, QSettings::IniFormat);
        old.setValue(QStringLiteral("order/pollIntervalSeconds"), 1);
    }
    AppSettings settings(path);
    QCOMPARE(settings.pollIntervalSeconds(), 2);
    settings.setPollIntervalSeconds(1);
    QCOMPARE(settings.pollIntervalSeconds(), 2);

    SettingsDialog dialog(&settings, m_connections.get());
    auto *poll = dialog.findChild<QSpinBox *>(QStringLiteral("pollSpinBox"));
    QVERIFY(poll);
    QCOMPARE(poll->minimum(), 2);
    QCOMPARE(poll->value(), 2);
    poll->setValue(1); // the spin box refuses it
    QCOMPARE(poll->value(), 2);
    dialog.accept();
    QCOMPARE(AppSettings(path).pollIntervalSeconds(), 2);
}

void TestSettingsDialog::returnRiskIsOnByDefault()
{
    const QString path = m_dir.filePath(QStringLiteral("fresh-settings.ini"));
    AppSettings settings(path);
    QVERIFY(settings.returnRisk());
    SettingsDialog dialog(&settings, m_connections.get());
    auto *returnRisk = dialog.findChild<QCheckBox *>(QStringLiteral("returnRiskCheckBox"));
    QVERIFY(returnRisk);
    QVERIFY(returnRisk->isChecked());
    returnRisk->setChecked(false);
    dialog.accept();
    QVERIFY(!AppSettings(path).returnRisk());
}

void TestSettingsDialog::growsSoNoTextIsCut()
{
    // Issue 9, finding 8: a longer text (a test report, a certificate warning) makes the dialog grow
    // instead of cutting the text; every wrapped label gets at least the height its width needs.
    SettingsDialog dialog(m_settings.get(), m_connections.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QSize before = dialog.size();
    auto *result = dialog.findChild<QLabel *>(QStringLiteral("testResultLabel"));
    QVERIFY(result);
    QStringList lines;
    for (int line = 1; line <= 8; ++line)
        lines << QStringLiteral("Failed: line %1 of a long report that wraps at the dialog's width.").arg(line);
    result->setText(lines.join(QLatin1Char(' ')));
    // It grows, unless it already fills the screen's height (then the sections scroll).
    const int screenRoom = dialog.screen()->availableGeometry().height() - 40;
    auto *sections = dialog.findChild<QScrollArea *>(QStringLiteral("sectionsScrollArea"));
    QVERIFY(sections);
    QVERIFY2(sections->widget()->width() >= sections->widget()->minimumSizeHint().width(),
             "the sections are cut at the right edge");
    QTRY_VERIFY2(dialog.height() > before.height() || dialog.height() >= screenRoom,
                 qPrintable(QStringLiteral("%1 px high before, %2 after, room %3")
                                .arg(before.height()).arg(dialog.height()).arg(screenRoom)));
    QCoreApplication::processEvents();
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (!label->isVisible() || !label->wordWrap() || label->text().isEmpty())
            continue;
        QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                 qPrintable(QStringLiteral("%1: %2 px high, needs %3")
                                .arg(label->objectName())
                                .arg(label->height())
                                .arg(label->heightForWidth(label->width()))));
    }
}

void TestSettingsDialog::lockedFieldsShowTheReason()
{
    const QString reason = QStringLiteral("Set by IT Service Desk; call 08-123 45 67 to change it.");
    const QString systemPath = m_dir.filePath(QStringLiteral("locked-system.conf"));
    {
        QFile system(systemPath);
        QVERIFY(system.open(QIODevice::WriteOnly));
        system.write("[connection]\nenvironment=custom\ncustomUrl=https://bankid-proxy.example.se/rp/v6.0\n"
                     "customCaFile=/etc/bankid-desk/proxy-ca.pem\n"
                     "[certificate]\nfile=\"pkcs11:token=BankID%20RP;object=rp-key\"\nkeyFile=/etc/bankid-desk/rp.pem\n"
                     "[order]\nendUserIp=detect\n[audit]\nfile=/var/log/bankid-desk/audit.jsonl\n"
                     "[ui]\nallowedTasks=login, caller\n[idCard]\nageLimit=20\n"
                     "[locked]\nkeys=connection/environment, connection/customUrl, connection/customCaFile, certificate/file, "
                     "certificate/keyFile, order/endUserIp, audit/file, ui/allowedTasks, idCard/ageLimit\n"
                     "reason=\"" + reason.toUtf8() + "\"\n");
    }
    const QString userPath = m_dir.filePath(QStringLiteral("locked-user.ini"));
    AppSettings settings(userPath, systemPath);
    QVERIFY2(settings.managed().problems().isEmpty(), qPrintable(settings.managed().problems().join(QLatin1Char('\n'))));
    SettingsDialog dialog(&settings, m_connections.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    auto *environment = dialog.findChild<QComboBox *>(QStringLiteral("environmentComboBox"));
    QCOMPARE(environment->currentData().toInt(), int(DeskEnvironment::Custom));
    QVERIFY(!environment->isEnabled());
    for (const char *name : {"urlLineEdit", "caLineEdit", "certificateLineEdit", "keyLineEdit", "endUserIpLineEdit"}) {
        auto *edit = dialog.findChild<QLineEdit *>(QLatin1String(name));
        QVERIFY2(edit->isReadOnly(), name);
        // Read-only, not disabled: the keyboard still reaches it, and with it the reason.
        QVERIFY2(edit->isEnabled() && (edit->focusPolicy() & Qt::TabFocus), name);
        QVERIFY2(edit->toolTip().contains(reason), name);
        QVERIFY2(edit->accessibleDescription().contains(reason), name);
    }
    for (const char *name : {"caBrowsePushButton", "certificateBrowsePushButton", "keyBrowsePushButton"})
        QVERIFY2(!dialog.findChild<QPushButton *>(QLatin1String(name))->isEnabled(), name);
    // Not locked: still editable.
    QVERIFY(dialog.findChild<QComboBox *>(QStringLiteral("languageComboBox"))->isEnabled());
    QVERIFY(!dialog.findChild<QSpinBox *>(QStringLiteral("pollSpinBox"))->isReadOnly());
    // Labels say so; the notice gives the reason and the locked settings the dialog does not show.
    QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("urlLineEdit"))->text().contains(QStringLiteral("bankid-proxy")));
    auto *keyLabel = dialog.findChild<QLabel *>(QStringLiteral("keyLabel"));
    QVERIFY2(keyLabel->text().contains(QStringLiteral("(locked)")) && keyLabel->text().remove(QLatin1Char('&')).contains(QStringLiteral("token")),
             qPrintable(keyLabel->text()));
    auto *notice = dialog.findChild<QLabel *>(QStringLiteral("lockedNoticeLabel"));
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(reason), qPrintable(notice->text()));
    QVERIFY2(notice->text().contains(QStringLiteral("audit log")) && notice->text().contains(QStringLiteral("age limit (20)"))
                 && notice->text().contains(QStringLiteral("login, caller")),
             qPrintable(notice->text()));
    QCOMPARE(notice->accessibleDescription(), notice->text());
    QVERIFY(notice->textInteractionFlags() & Qt::TextSelectableByKeyboard);
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("passwordLabel"))->text().contains(QStringLiteral("PIN")));

    for (const QLocale::Language language : {QLocale::English, QLocale::Swedish}) {
        QVERIFY(Translations::install(QLocale(language)));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        QCoreApplication::processEvents();
        test::saveScreenshot(&dialog, language == QLocale::Swedish ? QStringLiteral("SettingsDialog-locked-sv.png")
                                                                  : QStringLiteral("SettingsDialog-locked-en.png"));
        // A language switch keeps the locks visible.
        QVERIFY(notice->text().contains(reason));
        QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("urlLineEdit"))->toolTip().contains(reason));
    }
    QVERIFY(Translations::install(QLocale(QLocale::English)));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);

    // OK keeps the locked values out of the operator's file and saves the rest.
    dialog.findChild<QSpinBox *>(QStringLiteral("pollSpinBox"))->setValue(4);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QSettings user(userPath, QSettings::IniFormat);
    QVERIFY(!user.contains(QStringLiteral("connection/environment")));
    QVERIFY(!user.contains(QStringLiteral("certificate/file")));
    QCOMPARE(user.value(QStringLiteral("order/pollIntervalSeconds")).toInt(), 4);

    // Without a system file: no notice, nothing locked.
    SettingsDialog plain(m_settings.get(), m_connections.get());
    plain.show();
    QVERIFY(!plain.findChild<QLabel *>(QStringLiteral("lockedNoticeLabel"))->isVisible());
    QVERIFY(!plain.findChild<QLineEdit *>(QStringLiteral("urlLineEdit"))->isReadOnly());
}

void TestSettingsDialog::tokenUriIsAcceptedWithItsCertificateFile()
{
    AppSettings settings(m_dir.filePath(QStringLiteral("token-user.ini")));
    SettingsDialog dialog(&settings, m_connections.get());
    dialog.show();
    select(dialog.findChild<QComboBox *>(QStringLiteral("environmentComboBox")), DeskEnvironment::Test);
    auto *certificate = dialog.findChild<QLineEdit *>(QStringLiteral("certificateLineEdit"));
    auto *keyLabel = dialog.findChild<QLabel *>(QStringLiteral("keyLabel"));
    auto *passwordLabel = dialog.findChild<QLabel *>(QStringLiteral("passwordLabel"));
    QVERIFY(keyLabel->text().contains(QStringLiteral("Key file")));
    QVERIFY(passwordLabel->text().contains(QStringLiteral("Password")));

    const QString uri = QStringLiteral("pkcs11:token=BankID%20RP;object=rp-key;type=private");
    certificate->setText(uri);
    emit certificate->editingFinished();
    // A URI is no file: no "file not found"; the rows name the token's certificate file and its PIN.
    QVERIFY2(keyLabel->text().remove(QLatin1Char('&')).contains(QStringLiteral("token")), qPrintable(keyLabel->text()));
    QVERIFY2(passwordLabel->text().contains(QStringLiteral("PIN")), qPrintable(passwordLabel->text()));
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"))->accessibleName(), QStringLiteral("Token PIN"));
    auto *details = dialog.findChild<QLabel *>(QStringLiteral("certificateDetailsLabel"));
    QVERIFY2(details->text().contains(QStringLiteral("PIN")) && details->text().contains(QStringLiteral("read from the token")),
             qPrintable(details->text()));
    auto *companion = dialog.findChild<QLineEdit *>(QStringLiteral("keyLineEdit"));
    companion->setText(QStringLiteral("/etc/bankid-desk/rp.pem"));
    emit companion->editingFinished();
    QVERIFY2(details->text().contains(QStringLiteral("rp.pem")), qPrintable(details->text()));
    QCOMPARE(dialog.profile().certificateFile, uri);
    QCOMPARE(dialog.profile().keyFile, QStringLiteral("/etc/bankid-desk/rp.pem"));

    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    AppSettings reread(settings.fileName());
    QCOMPARE(reread.certificateFile(), uri);
    QCOMPARE(reread.keyFile(), QStringLiteral("/etc/bankid-desk/rp.pem"));

    // Back to a file: the rows are the key file and the password again.
    certificate->setText(QStringLiteral("/etc/bankid-desk/rp.p12"));
    QVERIFY(keyLabel->text().contains(QStringLiteral("Key file")));
    QVERIFY(passwordLabel->text().contains(QStringLiteral("Password")));
}

QTEST_MAIN(TestSettingsDialog)
#include "TestSettingsDialog.moc"
