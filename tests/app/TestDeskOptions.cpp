// DeskOptions: every option of the desk app's command line, and every error, one row each.
#include "DeskOptions.h"

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
};

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

QTEST_GUILESS_MAIN(TestDeskOptions)
#include "TestDeskOptions.moc"
