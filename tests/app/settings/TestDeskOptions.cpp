// DeskOptions: every option of the desk app's command line, and every error, one row each.
#include "DeskOptions.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using bankid::DeskEnvironment;
using bankid::DeskOptions;
using bankid::Flow;

class TestDeskOptions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void helpAndVersion();
    void passwordComesFromTheEnvironment();
    void passwordComesFromAFile_data();
    void passwordComesFromAFile();
    void onceOptions();
    void phoneAuthPersonalNumber();
    void certFileWithTokenUri();

private:
    QTemporaryDir m_dir;
};

namespace {
// 19900101-2385: a valid number (the simulator's and TestCli's test person).
const QString PersonalNumber = QStringLiteral("199001012385");
}

void TestDeskOptions::initTestCase()
{
    qputenv("BANKID_DESK_TEST_PASSWORD", "s3cret pass");
    qunsetenv("BANKID_DESK_TEST_UNSET");
}

// -1 = not set (nullopt) for the enum columns.
void TestDeskOptions::valid_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("environment");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("ca");
    QTest::addColumn<QString>("cert");
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("startFlow");
    QTest::addColumn<bool>("fullScreenQr");
    QTest::addColumn<bool>("verbose");

    QTest::newRow("no options: saved settings") << QStringList{} << -1 << QString() << QString() << QString()
                                                << QString() << -1 << false << false;
    QTest::newRow("environment simulator") << QStringList{QStringLiteral("--environment"), QStringLiteral("simulator")}
                                           << int(DeskEnvironment::Simulator) << QString() << QString() << QString()
                                           << QString() << -1 << false << false;
    QTest::newRow("environment test with cert")
        << QStringList{QStringLiteral("--environment"), QStringLiteral("test"), QStringLiteral("--cert"), QStringLiteral("/x/rp.p12")}
        << int(DeskEnvironment::Test) << QString() << QString() << QStringLiteral("/x/rp.p12") << QString() << -1 << false << false;
    QTest::newRow("environment production, any case")
        << QStringList{QStringLiteral("--environment=Production")} << int(DeskEnvironment::Production) << QString()
        << QString() << QString() << QString() << -1 << false << false;
    QTest::newRow("url with ca implies custom")
        << QStringList{QStringLiteral("--url"), QStringLiteral("https://127.0.0.1:8443/rp/v6.0"), QStringLiteral("--ca"), QStringLiteral("/x/ca.pem")}
        << int(DeskEnvironment::Custom) << QStringLiteral("https://127.0.0.1:8443/rp/v6.0") << QStringLiteral("/x/ca.pem")
        << QString() << QString() << -1 << false << false;
    QTest::newRow("lang sv") << QStringList{QStringLiteral("--lang"), QStringLiteral("sv")} << -1 << QString() << QString()
                             << QString() << QStringLiteral("sv") << -1 << false << false;
    QTest::newRow("lang en") << QStringList{QStringLiteral("--lang=en")} << -1 << QString() << QString() << QString()
                             << QStringLiteral("en") << -1 << false << false;
    QTest::newRow("start auth") << QStringList{QStringLiteral("--start"), QStringLiteral("auth")} << -1 << QString()
                                << QString() << QString() << QString() << int(Flow::Auth) << false << false;
    QTest::newRow("start sign") << QStringList{QStringLiteral("--start"), QStringLiteral("sign")} << -1 << QString()
                                << QString() << QString() << QString() << int(Flow::Sign) << false << false;
    QTest::newRow("start phone-auth") << QStringList{QStringLiteral("--start"), QStringLiteral("phone-auth")} << -1
                                      << QString() << QString() << QString() << QString() << int(Flow::PhoneAuth)
                                      << false << false;
    QTest::newRow("fullscreen-qr") << QStringList{QStringLiteral("--fullscreen-qr")} << -1 << QString() << QString()
                                   << QString() << QString() << -1 << true << false;
    QTest::newRow("verbose") << QStringList{QStringLiteral("--verbose")} << -1 << QString() << QString() << QString()
                             << QString() << -1 << false << true;
}

void TestDeskOptions::valid()
{
    QFETCH(QStringList, arguments);
    DeskOptions options;
    const QString problem = options.parse(QStringList{QStringLiteral("bankid-desk")} + arguments);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QFETCH(int, environment);
    QCOMPARE(options.environment.has_value(), environment >= 0);
    if (environment >= 0)
        QCOMPARE(int(*options.environment), environment);
    QTEST(options.url, "url");
    QTEST(options.caFile, "ca");
    QTEST(options.certFile, "cert");
    QTEST(options.language, "language");
    QFETCH(int, startFlow);
    QCOMPARE(options.startFlow.has_value(), startFlow >= 0);
    if (startFlow >= 0)
        QCOMPARE(int(*options.startFlow), startFlow);
    QTEST(options.fullScreenQr, "fullScreenQr");
    QTEST(options.verbose, "verbose");
    QVERIFY(!options.hasPassword);
    QVERIFY(!options.helpRequested);
}

void TestDeskOptions::invalid_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected"); // a part of the message that names the option

    QTest::newRow("environment unknown") << QStringList{QStringLiteral("--environment"), QStringLiteral("staging")}
                                         << QStringLiteral("--environment must be simulator, test or production");
    QTest::newRow("environment custom needs url") << QStringList{QStringLiteral("--environment"), QStringLiteral("custom")}
                                                  << QStringLiteral("use --url");
    QTest::newRow("environment without value") << QStringList{QStringLiteral("--environment")}
                                               << QStringLiteral("environment");
    QTest::newRow("url without ca") << QStringList{QStringLiteral("--url"), QStringLiteral("https://h/rp/v6.0")}
                                    << QStringLiteral("--url needs --ca");
    QTest::newRow("url not https")
        << QStringList{QStringLiteral("--url"), QStringLiteral("http://h/rp/v6.0"), QStringLiteral("--ca"), QStringLiteral("c.pem")}
        << QStringLiteral("--url must be an absolute https:// URL");
    QTest::newRow("url not absolute")
        << QStringList{QStringLiteral("--url"), QStringLiteral("rp/v6.0"), QStringLiteral("--ca"), QStringLiteral("c.pem")}
        << QStringLiteral("--url must be an absolute https:// URL");
    QTest::newRow("url with environment")
        << QStringList{QStringLiteral("--environment"), QStringLiteral("test"), QStringLiteral("--url"),
                       QStringLiteral("https://h/rp/v6.0"), QStringLiteral("--ca"), QStringLiteral("c.pem")}
        << QStringLiteral("--url implies a custom environment");
    QTest::newRow("ca without url") << QStringList{QStringLiteral("--ca"), QStringLiteral("c.pem")}
                                    << QStringLiteral("--ca only applies with --url");
    QTest::newRow("cert with simulator")
        << QStringList{QStringLiteral("--environment"), QStringLiteral("simulator"), QStringLiteral("--cert"), QStringLiteral("rp.p12")}
        << QStringLiteral("leave out --cert");
    QTest::newRow("password-env variable unset")
        << QStringList{QStringLiteral("--password-env"), QStringLiteral("BANKID_DESK_TEST_UNSET")}
        << QStringLiteral("--password-env: the environment variable BANKID_DESK_TEST_UNSET is not set");
    QTest::newRow("password-env empty name") << QStringList{QStringLiteral("--password-env=")}
                                             << QStringLiteral("--password-env needs the name");
    QTest::newRow("lang de") << QStringList{QStringLiteral("--lang"), QStringLiteral("de")}
                             << QStringLiteral("--lang must be sv or en, not 'de'");
    QTest::newRow("start payment") << QStringList{QStringLiteral("--start"), QStringLiteral("payment")}
                                   << QStringLiteral("--start must be auth, sign or phone-auth, not 'payment'");
    QTest::newRow("positional argument") << QStringList{QStringLiteral("auth")}
                                         << QStringLiteral("unexpected argument 'auth'");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--simulator")}
                                    << QStringLiteral("Unknown option 'simulator'");
    // --once and its companions (issue #12).
    QTest::newRow("once without start") << QStringList{QStringLiteral("--once"), QStringLiteral("--json")}
                                        << QStringLiteral("--once needs --start auth, sign or phone-auth");
    QTest::newRow("json without once") << QStringList{QStringLiteral("--start"), QStringLiteral("auth"), QStringLiteral("--json")}
                                       << QStringLiteral("--json only applies with --once");
    QTest::newRow("with-evidence without once")
        << QStringList{QStringLiteral("--start"), QStringLiteral("auth"), QStringLiteral("--with-evidence")}
        << QStringLiteral("--with-evidence only applies with --once");
    QTest::newRow("personal-number without start")
        << QStringList{QStringLiteral("--personal-number"), PersonalNumber}
        << QStringLiteral("--personal-number only applies with --start phone-auth");
    QTest::newRow("personal-number with start auth")
        << QStringList{QStringLiteral("--start"), QStringLiteral("auth"), QStringLiteral("--personal-number"), PersonalNumber,
                       QStringLiteral("--call-initiator"), QStringLiteral("RP")}
        << QStringLiteral("--personal-number only applies with --start phone-auth");
    QTest::newRow("personal-number check digit")
        << QStringList{QStringLiteral("--start"), QStringLiteral("phone-auth"), QStringLiteral("--personal-number"),
                       QStringLiteral("199001012384"), QStringLiteral("--call-initiator"), QStringLiteral("RP")}
        << QStringLiteral("--personal-number 19900101****: ");
    QTest::newRow("personal-number no date")
        << QStringList{QStringLiteral("--start"), QStringLiteral("phone-auth"), QStringLiteral("--personal-number"),
                       QStringLiteral("199013012385"), QStringLiteral("--call-initiator"), QStringLiteral("RP")}
        << QStringLiteral("--personal-number 19901301****: ");
    QTest::newRow("personal-number without call-initiator")
        << QStringList{QStringLiteral("--start"), QStringLiteral("phone-auth"), QStringLiteral("--personal-number"), PersonalNumber}
        << QStringLiteral("--personal-number needs --call-initiator user");
    QTest::newRow("call-initiator rp (case)")
        << QStringList{QStringLiteral("--start"), QStringLiteral("phone-auth"), QStringLiteral("--personal-number"), PersonalNumber,
                       QStringLiteral("--call-initiator"), QStringLiteral("rp")}
        << QStringLiteral("--call-initiator must be user (the person called you) or RP (you called the person), not 'rp'");
    QTest::newRow("call-initiator without personal-number")
        << QStringList{QStringLiteral("--start"), QStringLiteral("phone-auth"), QStringLiteral("--call-initiator"), QStringLiteral("RP")}
        << QStringLiteral("--call-initiator only applies with --start phone-auth --personal-number");
    QTest::newRow("cert-file without cert") << QStringList{QStringLiteral("--cert-file"), QStringLiteral("rp.pem")}
                                            << QStringLiteral("--cert-file only applies with --cert pkcs11:");
    QTest::newRow("cert-file with a certificate file")
        << QStringList{QStringLiteral("--environment"), QStringLiteral("test"), QStringLiteral("--cert"), QStringLiteral("rp.p12"),
                       QStringLiteral("--cert-file"), QStringLiteral("rp.pem")}
        << QStringLiteral("--cert-file only applies when --cert is a pkcs11: URI; 'rp.p12'");
    QTest::newRow("token URI with simulator")
        << QStringList{QStringLiteral("--environment"), QStringLiteral("simulator"), QStringLiteral("--cert"),
                       QStringLiteral("pkcs11:token=rp;object=key")}
        << QStringLiteral("leave out --cert");
    QTest::newRow("password-env and password-file")
        << QStringList{QStringLiteral("--password-env"), QStringLiteral("BANKID_DESK_TEST_PASSWORD"),
                       QStringLiteral("--password-file"), QStringLiteral("pin.txt")}
        << QStringLiteral("either --password-env or --password-file, not both");
    QTest::newRow("password-file missing")
        << QStringList{QStringLiteral("--password-file"), QStringLiteral("/nonexistent/bankid-desk-pin.txt")}
        << QStringLiteral("--password-file: cannot read /nonexistent/bankid-desk-pin.txt");
}

void TestDeskOptions::invalid()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    DeskOptions options;
    const QString problem = options.parse(QStringList{QStringLiteral("bankid-desk")} + arguments);
    QVERIFY2(problem.contains(expected), qPrintable(problem));
}

void TestDeskOptions::helpAndVersion()
{
    DeskOptions help;
    QVERIFY(help.parse({QStringLiteral("bankid-desk"), QStringLiteral("--help")}).isEmpty());
    QVERIFY(help.helpRequested);
    for (const char *option : {"--environment", "--url", "--ca", "--cert", "--password-env", "--lang", "--start",
                               "--fullscreen-qr"})
        QVERIFY2(help.helpText.contains(QLatin1String(option)), option);
    DeskOptions version;
    QVERIFY(version.parse({QStringLiteral("bankid-desk"), QStringLiteral("--version")}).isEmpty());
    QVERIFY(version.versionRequested);
}

void TestDeskOptions::passwordComesFromTheEnvironment()
{
    DeskOptions options;
    const QString problem = options.parse({QStringLiteral("bankid-desk"), QStringLiteral("--environment"),
                                           QStringLiteral("test"), QStringLiteral("--cert"), QStringLiteral("rp.p12"),
                                           QStringLiteral("--password-env"), QStringLiteral("BANKID_DESK_TEST_PASSWORD")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(options.hasPassword);
    QCOMPARE(options.password, QByteArray("s3cret pass"));
    QCOMPARE(options.passwordEnv, QStringLiteral("BANKID_DESK_TEST_PASSWORD"));
}

void TestDeskOptions::passwordComesFromAFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QByteArray>("password"); // empty with `problem`
    QTest::addColumn<QString>("problem");
    QTest::newRow("LF") << QByteArray("1234 56\nsecond line\n") << QByteArray("1234 56") << QString();
    QTest::newRow("CRLF") << QByteArray("qwerty123\r\n") << QByteArray("qwerty123") << QString();
    QTest::newRow("no line end") << QByteArray("qwerty123") << QByteArray("qwerty123") << QString();
    QTest::newRow("empty file") << QByteArray() << QByteArray() << QString();
    QTest::newRow("1024 bytes") << QByteArray(1024, 'x') + "\n" << QByteArray(1024, 'x') << QString();
    QTest::newRow("1025 bytes") << QByteArray(1025, 'x') + "\n" << QByteArray()
                                << QStringLiteral("is longer than 1024 bytes");
}

void TestDeskOptions::passwordComesFromAFile()
{
    QFETCH(QByteArray, content);
    QFETCH(QByteArray, password);
    QFETCH(QString, problem);
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
    const QString path = m_dir.filePath(QStringLiteral("pin.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
    file.close();
    DeskOptions options;
    const QString error = options.parse({QStringLiteral("bankid-desk"), QStringLiteral("--password-file"), path});
    if (!problem.isEmpty()) {
        QVERIFY2(error.contains(problem) && error.contains(path), qPrintable(error));
        QVERIFY(!options.hasPassword);
        return;
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(options.hasPassword);
    QCOMPARE(options.password, password);
    QCOMPARE(options.passwordFile, path);
}

void TestDeskOptions::onceOptions()
{
    DeskOptions plain;
    QVERIFY(plain.parse({QStringLiteral("bankid-desk"), QStringLiteral("--start"), QStringLiteral("auth")}).isEmpty());
    QVERIFY(!plain.once);
    QVERIFY(!plain.withEvidence);

    DeskOptions once;
    const QString problem = once.parse({QStringLiteral("bankid-desk"), QStringLiteral("--start"), QStringLiteral("auth"),
                                        QStringLiteral("--once"), QStringLiteral("--json"), QStringLiteral("--with-evidence")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(once.once);
    QVERIFY(once.withEvidence);
    QCOMPARE(once.startFlow, std::optional<Flow>(Flow::Auth));

    DeskOptions withoutJson; // --json is the default and only format
    QVERIFY(withoutJson.parse({QStringLiteral("bankid-desk"), QStringLiteral("--start=sign"), QStringLiteral("--once")}).isEmpty());
    QVERIFY(withoutJson.once);
}

void TestDeskOptions::phoneAuthPersonalNumber()
{
    for (const QString &input : {PersonalNumber, QStringLiteral("19900101-2385"), QStringLiteral("900101-2385")}) {
        DeskOptions options;
        const QString problem = options.parse({QStringLiteral("bankid-desk"), QStringLiteral("--start"),
                                               QStringLiteral("phone-auth"), QStringLiteral("--personal-number"), input,
                                               QStringLiteral("--call-initiator"), QStringLiteral("RP"), QStringLiteral("--once")});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(options.personalNumber, PersonalNumber);
        QCOMPARE(options.callInitiator, std::optional<bankid::CallInitiator>(bankid::CallInitiator::RP));
    }
    DeskOptions user;
    QVERIFY(user.parse({QStringLiteral("bankid-desk"), QStringLiteral("--start"), QStringLiteral("phone-auth"),
                        QStringLiteral("--personal-number"), PersonalNumber, QStringLiteral("--call-initiator=user")})
                .isEmpty());
    QCOMPARE(user.callInitiator, std::optional<bankid::CallInitiator>(bankid::CallInitiator::User));
}

void TestDeskOptions::certFileWithTokenUri()
{
    for (const QString &uri : {QStringLiteral("pkcs11:token=rp;object=key"), QStringLiteral("PKCS11:object=key")}) {
        DeskOptions options;
        const QString problem = options.parse({QStringLiteral("bankid-desk"), QStringLiteral("--environment"),
                                               QStringLiteral("test"), QStringLiteral("--cert"), uri,
                                               QStringLiteral("--cert-file"), QStringLiteral("/x/rp-cert.pem")});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(options.certFile, uri);
        QCOMPARE(options.certCompanionFile, QStringLiteral("/x/rp-cert.pem"));
    }
    DeskOptions help;
    QVERIFY(help.parse({QStringLiteral("bankid-desk"), QStringLiteral("--help")}).isEmpty());
    for (const char *option : {"--cert-file", "--password-file", "--once", "--json", "--with-evidence",
                               "--personal-number", "--call-initiator", "pkcs11:"})
        QVERIFY2(help.helpText.contains(QLatin1String(option)), option);
}

QTEST_GUILESS_MAIN(TestDeskOptions)
#include "TestDeskOptions.moc"
