// End-to-end tests of the built bankid-cli binary, run with QProcess and stdout on a pipe (non-interactive).
//
// Covers: orders against the embedded simulator (--simulator), the official QR vector, usage errors (exit 2),
// certificate file errors (exit 2 naming the file), and commands against a simulator started by this test
// (manual user, real mutual TLS): collect and cancel of an order made through the core RpClient, an
// unreachable server and an untrusted server certificate (exit 3), an order the user cancels (exit 1,
// with the RFA text in English or Swedish), SIGINT/SIGTERM sent to the process cancelling the pending order
// at the simulator before it exits, a failed collect whose abandoned order is still cancelled before exit,
// and BankID's risk verdict (high or blocked: exit 1, one sentence). The binary's path comes from BANKID_BIN_DIR (environment, set by
// ctest) or TestConfig.h. Nothing depends on log lines (those need --verbose). XDG_DATA_HOME and HOME point
// into the test's temporary folder (the embedded simulator's state lives there).

#include "CertificateFactory.h"
#include "CliProcess.h"
#include "RpCall.h"
#include "RpClient.h"
#include "ScriptedHttpsServer.h"
#include "Simulator.h"
#include "SimulatorFixture.h"
#include "TestConfig.h"
#include "TestPerson.h"
#include "TestPki.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <memory>

using namespace bankid;
using bankid::sim::CertificateFactory;
using bankid::sim::OrderBook;
using bankid::sim::Simulator;
using bankid::sim::TestPerson;
using bankid::test::CliProcess;
using bankid::test::CliRun;

namespace {

const QString PasswordVariable = QStringLiteral("BANKID_CLI_TEST_PASSWORD");
const QString UnsetVariable = QStringLiteral("BANKID_CLI_TEST_SURELY_UNSET_VARIABLE");

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void hugeAnswerKeepsMemoryBounded();

    void qrContentPrintsOfficialVector_data();
    void qrContentPrintsOfficialVector();
    void usageErrors_data();
    void usageErrors();
    void helpNamesRequiredCallInitiatorAndPollFloor();
    void badCertificateFile_data();
    void badCertificateFile();
    void inputFileNotRegularOrTooLarge_data();
    void inputFileNotRegularOrTooLarge();
    void embeddedSimulatorAuth();
    void embeddedSimulatorSignJson();
    void embeddedSimulatorPhoneAuth_data();
    void embeddedSimulatorPhoneAuth();
    void collectPrintsPending();
    void cancelCancelsAtSimulator();
    void unreachableServer_data();
    void unreachableServer();
    void untrustedServerCertificate();
    void userCancelsOrder_data();
    void userCancelsOrder();
    void signalCancelsPendingOrder_data();
    void signalCancelsPendingOrder();
    void failedCollectStillCancelsOrder();
    void orderRiskDecidesOutcome_data();
    void orderRiskDecidesOutcome();
    void collectOfHighRiskOrderFails();

private:
    QProcessEnvironment environment() const;
    CliRun run(const QStringList &arguments, int timeoutMs = 30000);
    /// Starts the test's own simulator (manual user) and a core client for it.
    void startSimulator();
    /// --url --ca --cert --password-env for the test's simulator.
    QStringList connectionArguments() const;
    /// Creates an auth order through the core RpClient; empty on failure.
    QString createOrder();
    /// The simulator's orders that are still pending (status "pending"), as JSON for failure messages.
    QByteArray pendingOrders() const;

    QString m_program;
    QTemporaryDir m_dir;
    test::SimulatorFixture m_fixture;
};

#define START_SIMULATOR()                                                                                              \
    do {                                                                                                               \
        startSimulator();                                                                                              \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

void TestCli::initTestCase()
{
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("data"))));
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("home"))));
    const QString binDir = qEnvironmentVariable("BANKID_BIN_DIR", QStringLiteral(BANKID_BIN_DIR));
    m_program = QDir(binDir).filePath(QStringLiteral("bankid-cli"));
    if (!QFileInfo(m_program).isExecutable())
        QSKIP(qPrintable(QStringLiteral("bankid-cli is not built at %1: build the bankid-cli target first").arg(m_program)));
}

void TestCli::cleanup()
{
    m_fixture.stop();
}

QProcessEnvironment TestCli::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    env.remove(UnsetVariable);
    env.insert(PasswordVariable, QStringLiteral("qwerty123"));
    // --simulator keeps its state in the desk's embedded-simulator folder under XDG_DATA_HOME: this test's
    // own temporary folder, never the real user data folder, and never shared with a parallel test.
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
    return env;
}

CliRun TestCli::run(const QStringList &arguments, int timeoutMs)
{
    CliProcess process(m_program, arguments, environment());
    return process.wait(timeoutMs);
}

void TestCli::startSimulator()
{
    QVERIFY2(m_fixture.isValid(), qPrintable(m_fixture.errorString()));
    sim::SimulatorOptions options = m_fixture.manualOptions();
    options.startedDurationMs = 300;
    const QString error = m_fixture.start(options);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

QStringList TestCli::connectionArguments() const
{
    return {QStringLiteral("--url"), m_fixture.simulator()->baseUrl().toString(), QStringLiteral("--ca"), m_fixture.simulator()->caCertificatePath(),
            QStringLiteral("--cert"), m_fixture.simulator()->clientP12Path(), QStringLiteral("--password-env"), PasswordVariable};
}

QString TestCli::createOrder()
{
    OrderRequest request;
    request.flow = Flow::Auth;
    request.endUserIp = QStringLiteral("192.0.2.30");
    RpCall *call = m_fixture.client()->start(request);
    call->setAutoDelete(false);
    const std::unique_ptr<RpCall> owner(call);
    QSignalSpy finished(call, &RpCall::finished);
    if (!finished.wait(10000) || !call->ok()) {
        qWarning("order through the core client failed: %s", qPrintable(call->error().technicalMessage()));
        return {};
    }
    return call->orderResponse().orderRef;
}

QByteArray TestCli::pendingOrders() const
{
    QJsonArray pending;
    for (const QJsonValue &order : m_fixture.simulator()->orders()) {
        if (order.toObject().value(QLatin1String("status")).toString() == QLatin1String("pending"))
            pending.append(order);
    }
    return pending.isEmpty() ? QByteArray() : QJsonDocument(pending).toJson(QJsonDocument::Compact);
}

// ---------------------------------------------------------------------------------------------------------

void TestCli::qrContentPrintsOfficialVector_data()
{
    QTest::addColumn<QString>("seconds");
    QTest::addColumn<QString>("authCode");
    // api digest §5: the official vector.
    QTest::newRow("second_0") << QStringLiteral("0")
                              << QStringLiteral("dc69358e712458a66a7525beef148ae8526b1c71610eff2c16cdffb4cdac9bf8");
    QTest::newRow("second_1") << QStringLiteral("1")
                              << QStringLiteral("949d559bf23403952a94d103e67743126381eda00f0b3cbddbf7c96b1adcbce2");
    QTest::newRow("second_2") << QStringLiteral("2")
                              << QStringLiteral("a9e5ec59cb4eee4ef4117150abc58fad7a85439a6a96ccbecc3668b41795b3f3");
}

void TestCli::qrContentPrintsOfficialVector()
{
    QFETCH(QString, seconds);
    QFETCH(QString, authCode);
    const CliRun result = run({QStringLiteral("qr-content"), QStringLiteral("--start-token"),
                               QStringLiteral("67df3917-fa0d-44e5-b327-edcc928297f8"), QStringLiteral("--start-secret"),
                               QStringLiteral("d28db9a7-4cde-429e-a983-359be676944c"), QStringLiteral("--seconds"), seconds});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    QCOMPARE(result.out, QStringLiteral("bankid.67df3917-fa0d-44e5-b327-edcc928297f8.") + seconds + u'.' + authCode + u'\n');
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    const QString url = QStringLiteral("https://127.0.0.1:9/rp/v6.0");
    const QString cert = m_dir.filePath(QStringLiteral("never-read.p12"));
    QTest::newRow("unknown_command") << QStringList{QStringLiteral("frobnicate")}
                                     << QStringLiteral("unknown command 'frobnicate'");
    QTest::newRow("url_without_ca") << QStringList{QStringLiteral("auth"), QStringLiteral("--url"), url,
                                                   QStringLiteral("--cert"), cert}
                                    << QStringLiteral("--url needs --ca");
    QTest::newRow("bad_end_user_ip") << QStringList{QStringLiteral("auth"), QStringLiteral("--simulator"),
                                                    QStringLiteral("--end-user-ip"), QStringLiteral("300.1.2.3")}
                                     << QStringLiteral("--end-user-ip: '300.1.2.3' is not an IPv4 or IPv6 address");
    QTest::newRow("missing_cert") << QStringList{QStringLiteral("auth"), QStringLiteral("--text"), QStringLiteral("x")}
                                  << QStringLiteral("--cert is required");
    // BankID's 2 s collect interval is a floor (OrderSession::MinPollIntervalMs), not a suggestion.
    for (const char *interval : {"500", "1000", "1999", "two"}) {
        QTest::addRow("poll_interval_%s", interval)
            << QStringList{QStringLiteral("auth"), QStringLiteral("--simulator"), QStringLiteral("--poll-interval"),
                           QLatin1String(interval)}
            << QStringLiteral("--poll-interval must be at least 2000 ms");
    }
    // Phone orders: who called whom is never guessed.
    const QString personalNumber = QStringLiteral("199001012385");
    QTest::newRow("phone_auth_without_call_initiator")
        << QStringList{QStringLiteral("phone-auth"), QStringLiteral("--simulator"), QStringLiteral("--personal-number"),
                       personalNumber}
        << QStringLiteral("phone-auth needs --call-initiator user (the person called you) or --call-initiator RP "
                          "(you called the person)");
    QTest::newRow("phone_sign_without_call_initiator")
        << QStringList{QStringLiteral("phone-sign"), QStringLiteral("--simulator"), QStringLiteral("--personal-number"),
                       personalNumber, QStringLiteral("--text"), QStringLiteral("x")}
        << QStringLiteral("phone-sign needs --call-initiator user");
    for (const char *initiator : {"rp", "User", "bank", ""}) {
        QTest::addRow("call_initiator_'%s'", initiator)
            << QStringList{QStringLiteral("phone-auth"), QStringLiteral("--simulator"), QStringLiteral("--personal-number"),
                           personalNumber, QStringLiteral("--call-initiator"), QLatin1String(initiator)}
            << QStringLiteral("--call-initiator must be user (the person called you) or RP (you called the person), "
                              "not '%1'")
                   .arg(QLatin1String(initiator));
    }
    QTest::newRow("call_initiator_on_auth")
        << QStringList{QStringLiteral("auth"), QStringLiteral("--simulator"), QStringLiteral("--call-initiator"),
                       QStringLiteral("user")}
        << QStringLiteral("--call-initiator applies only to phone-auth and phone-sign");
    QTest::newRow("password_env_of_unset_variable")
        << QStringList{QStringLiteral("auth"), QStringLiteral("--url"), url, QStringLiteral("--ca"), cert,
                       QStringLiteral("--cert"), cert, QStringLiteral("--password-env"), UnsetVariable}
        << QStringLiteral("--password-env: the environment variable %1 is not set").arg(UnsetVariable);
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun result = run(arguments);
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QVERIFY2(result.exitCode == 2, result.describe().constData());
    QVERIFY2(result.err.startsWith(QLatin1String("bankid-cli: ")), result.describe().constData());
    QVERIFY2(result.err.contains(message), result.describe().constData());
    QVERIFY2(result.out.isEmpty(), result.describe().constData());
}

void TestCli::helpNamesRequiredCallInitiatorAndPollFloor()
{
    const CliRun result = run({QStringLiteral("--help")});
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    // QCommandLineParser wraps long descriptions: compare with the line breaks and indentation folded.
    const QString help = result.out.simplified();
    QVERIFY2(help.contains(QLatin1String("phone-auth, phone-sign (required): who called whom, user (the person "
                                         "called you) or RP (you called the person).")),
             result.describe().constData());
    QVERIFY2(!help.contains(QLatin1String("default: user")), result.describe().constData());
    QVERIFY2(help.contains(QLatin1String("Milliseconds between collects, at least 2000 (default: 2000).")),
             result.describe().constData());
}

void TestCli::badCertificateFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content"); ///< empty: the file does not exist
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("reason");

    QTest::newRow("not_a_certificate") << QStringLiteral("garbage.p12") << QByteArray("this is not PKCS#12 nor PEM\n")
                                       << QStringLiteral("qwerty123") << QStringLiteral("is not a supported client certificate");
    QTest::newRow("missing_file") << QStringLiteral("missing.p12") << QByteArray() << QStringLiteral("qwerty123")
                                  << QStringLiteral("does not exist");
    QTest::newRow("wrong_password") << QStringLiteral("client.p12") << QByteArray("copy") << QStringLiteral("not-the-password")
                                    << QStringLiteral("wrong password");
}

void TestCli::badCertificateFile()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QString, password);
    QFETCH(QString, reason);
    START_SIMULATOR();

    const QString path = m_dir.filePath(file);
    QFile::remove(path);
    if (content == "copy") {
        QVERIFY(QFile::copy(m_fixture.simulator()->clientP12Path(), path));
    } else if (!content.isEmpty()) {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(content);
    }
    QStringList arguments{QStringLiteral("auth"), QStringLiteral("--text"), QStringLiteral("x")};
    arguments << QStringLiteral("--url") << m_fixture.simulator()->baseUrl().toString() << QStringLiteral("--ca")
              << m_fixture.simulator()->caCertificatePath() << QStringLiteral("--cert") << path << QStringLiteral("--password-env")
              << QStringLiteral("BANKID_CLI_TEST_OTHER_PASSWORD");
    CliProcess process(m_program, arguments, [&] {
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("BANKID_CLI_TEST_OTHER_PASSWORD"), password);
        return env;
    }());
    const CliRun result = process.wait(30000);
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 2, result.describe().constData());
    QVERIFY2(result.err.contains(QStringLiteral("--cert: ")), result.describe().constData());
    QVERIFY2(result.err.contains(path), result.describe().constData());
    QVERIFY2(result.err.contains(reason), result.describe().constData());
    QVERIFY2(!result.err.contains(password) || password == QLatin1String("qwerty123"),
             "the password must never be printed");
    QVERIFY(m_fixture.simulator()->orders().isEmpty());
}

void TestCli::inputFileNotRegularOrTooLarge_data()
{
    QTest::addColumn<QString>("option"); ///< --cert, --ca, --password-file or verify-signature (its SIG)
    QTest::addColumn<QString>("kind");   ///< fifo, device or oversized
    QTest::addColumn<QString>("reason");

    const QString notRegular = QStringLiteral("is not a regular file");
    const struct
    {
        const char *option;
        const char *limit; ///< BoundedFileReader's bound for that file, as the message names it
    } readers[] = {{"--cert", "4194304"}, {"--ca", "4194304"}, {"--password-file", "4096"}, {"verify-signature", "4194304"}};
    for (const auto &reader : readers) {
        QTest::addRow("%s_fifo", reader.option) << QString::fromLatin1(reader.option) << QStringLiteral("fifo") << notRegular;
        QTest::addRow("%s_dev_zero", reader.option) << QString::fromLatin1(reader.option) << QStringLiteral("device") << notRegular;
        QTest::addRow("%s_oversized", reader.option) << QString::fromLatin1(reader.option) << QStringLiteral("oversized")
                                                     << QStringLiteral("larger than the limit of %1 bytes").arg(QLatin1String(reader.limit));
    }
}

// A FIFO would block open() or read() for ever (and with it the event loop that turns Ctrl+C into an exit),
// /dev/zero would be read without end: every user-given file is refused unless it is a regular file of
// bounded size, with exit 2 and a sentence naming it. The FIFO never gets a writer: a hang is a timeout.
void TestCli::inputFileNotRegularOrTooLarge()
{
    QFETCH(QString, option);
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    START_SIMULATOR();

    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    QString path;
    if (kind == QLatin1String("fifo")) {
        path = dir.filePath(QStringLiteral("fifo"));
        QVERIFY2(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0, "mkfifo failed");
    } else if (kind == QLatin1String("device")) {
        path = QStringLiteral("/dev/zero");
        QVERIFY(QFileInfo::exists(path));
    } else {
        path = dir.filePath(QStringLiteral("oversized"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(64 * 1024 * 1024)); // sparse: no 64 MB are written
    }

    QStringList arguments;
    if (option == QLatin1String("verify-signature")) {
        arguments = {option, path};
    } else {
        arguments = {QStringLiteral("auth"), QStringLiteral("--text"), QStringLiteral("x"), QStringLiteral("--url"),
                     m_fixture.simulator()->baseUrl().toString(), QStringLiteral("--ca"),
                     option == QLatin1String("--ca") ? path : m_fixture.simulator()->caCertificatePath(),
                     QStringLiteral("--cert"),
                     option == QLatin1String("--cert") ? path : m_fixture.simulator()->clientP12Path()};
        if (option == QLatin1String("--password-file"))
            arguments << option << path;
        else
            arguments << QStringLiteral("--password-env") << PasswordVariable;
    }
    // Generous for a loaded machine; a program that hangs on the FIFO never finishes at all.
    const CliRun result = run(arguments, 20000);
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QVERIFY2(result.exitCode == 2, result.describe().constData());
    QVERIFY2(result.err.contains(path), result.describe().constData());
    QVERIFY2(result.err.contains(reason), result.describe().constData());
    if (option.startsWith(QLatin1String("--")))
        QVERIFY2(result.err.contains(option + QLatin1String(": ")), result.describe().constData());
    QVERIFY(m_fixture.simulator()->orders().isEmpty());
}

// ---------------------------------------------------------------------------------------------------------
// The embedded simulator (automatic user).

void TestCli::embeddedSimulatorAuth()
{
    const CliRun result = run({QStringLiteral("auth"), QStringLiteral("--simulator"), QStringLiteral("--text"), QStringLiteral("x")});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    const TestPerson person = TestPerson::builtIn().first();
    QVERIFY2(result.out.contains(person.name()), result.describe().constData());
    QVERIFY2(result.out.contains(person.personalNumber), result.describe().constData());
    QVERIFY2(!result.out.contains(u'\x1b'), "no terminal control sequences when stdout is a pipe");
}

void TestCli::embeddedSimulatorSignJson()
{
    const CliRun result = run({QStringLiteral("sign"), QStringLiteral("--simulator"), QStringLiteral("--text"),
                               QStringLiteral("x"), QStringLiteral("--json")});
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString() + u' ' + result.out));
    QVERIFY(document.isObject());
    const QJsonObject object = document.object();
    QCOMPARE(object.value(QLatin1String("status")).toString(), QStringLiteral("complete"));
    QVERIFY(!object.value(QLatin1String("orderRef")).toString().isEmpty());
    const QJsonObject completion = object.value(QLatin1String("completionData")).toObject();
    QCOMPARE(completion.value(QLatin1String("user")).toObject().value(QLatin1String("personalNumber")).toString(),
             TestPerson::builtIn().first().personalNumber);
    QVERIFY(!completion.value(QLatin1String("signature")).toString().isEmpty());
}

void TestCli::embeddedSimulatorPhoneAuth_data()
{
    QTest::addColumn<QString>("callInitiator");
    QTest::newRow("user_called") << QStringLiteral("user");
    QTest::newRow("rp_called") << QStringLiteral("RP");
}

void TestCli::embeddedSimulatorPhoneAuth()
{
    QFETCH(QString, callInitiator);
    const TestPerson person = TestPerson::builtIn().first();
    const CliRun result = run({QStringLiteral("phone-auth"), QStringLiteral("--simulator"), QStringLiteral("--personal-number"),
                               person.personalNumber, QStringLiteral("--call-initiator"), callInitiator});
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    QVERIFY2(result.out.contains(person.name()), result.describe().constData());
}

// ---------------------------------------------------------------------------------------------------------
// A simulator started by the test (manual user).

void TestCli::collectPrintsPending()
{
    START_SIMULATOR();
    const QString orderRef = createOrder();
    QVERIFY(!orderRef.isEmpty());

    CliProcess process(m_program, QStringList{QStringLiteral("collect"), orderRef, QStringLiteral("--lang"), QStringLiteral("en")}
                                      + connectionArguments(),
                       environment());
    const CliRun result = process.wait(30000);
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    QCOMPARE(result.out, QStringLiteral("pending outstandingTransaction Start your BankID app.\n"));
    QCOMPARE(m_fixture.simulator()->orders().size(), 1); // collect leaves the order alone
}

void TestCli::cancelCancelsAtSimulator()
{
    START_SIMULATOR();
    const QString orderRef = createOrder();
    QVERIFY(!orderRef.isEmpty());
    QSignalSpy removed(m_fixture.simulator(), &Simulator::orderRemoved);

    CliProcess process(m_program, QStringList{QStringLiteral("cancel"), orderRef} + connectionArguments(), environment());
    const CliRun result = process.wait(30000);
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    QVERIFY2(result.out.contains(orderRef), result.describe().constData());
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().first().toString(), orderRef);
    QVERIFY(m_fixture.simulator()->orders().isEmpty());

    // Cancelling it again: BankID refuses (invalidParameters), which is about the order: exit 1.
    CliProcess again(m_program, QStringList{QStringLiteral("cancel"), orderRef} + connectionArguments(), environment());
    const CliRun second = again.wait(30000);
    QVERIFY2(second.exitCode == 1, second.describe().constData());
    QVERIFY2(second.err.contains(QLatin1String("invalidParameters")), second.describe().constData());
}

void TestCli::unreachableServer_data()
{
    QTest::addColumn<QString>("command");
    QTest::newRow("collect") << QStringLiteral("collect");
    QTest::newRow("auth_after_silent_retries") << QStringLiteral("auth");
}

void TestCli::unreachableServer()
{
    QFETCH(QString, command);
    START_SIMULATOR();
    // A port that was just free and is closed again: connection refused.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();

    QStringList arguments = connectionArguments();
    arguments[1] = QStringLiteral("https://127.0.0.1:%1/rp/v6.0").arg(port);
    if (command == QLatin1String("collect"))
        arguments.prepend(QStringLiteral("131daac9-16c6-4618-beb0-365768f37288"));
    else
        arguments << QStringLiteral("--text") << QStringLiteral("x");
    arguments.prepend(command);
    CliProcess process(m_program, arguments, environment());
    const CliRun result = process.wait(30000);
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 3, result.describe().constData());
    QVERIFY2(result.err.contains(QLatin1String("cannot reach the BankID server")), result.describe().constData());
}

void TestCli::untrustedServerCertificate()
{
    START_SIMULATOR();
    QString error;
    const auto rogue = CertificateFactory::createCa(QStringLiteral("Rogue CA for TestCli"), 30, &error);
    QVERIFY2(!rogue.isNull(), qPrintable(error));
    const QString roguePath = m_dir.filePath(QStringLiteral("rogue-ca.pem"));
    QFile file(roguePath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(rogue.certificatePem);
    file.close();

    QStringList arguments = connectionArguments();
    arguments[3] = roguePath;
    arguments.prepend(QStringLiteral("auth"));
    arguments << QStringLiteral("--text") << QStringLiteral("x");
    CliProcess process(m_program, arguments, environment());
    const CliRun result = process.wait(30000);
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 3, result.describe().constData());
    QVERIFY2(result.err.contains(QLatin1String("the BankID server's certificate is not trusted")),
             result.describe().constData());
    QVERIFY(m_fixture.simulator()->orders().isEmpty());
}

void TestCli::userCancelsOrder_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("pendingText");
    QTest::addColumn<QString>("cancelledText");
    QTest::newRow("english") << QStringLiteral("en") << QStringLiteral("Start your BankID app.")
                             << QStringLiteral("The action was cancelled.");
    QTest::newRow("swedish") << QStringLiteral("sv") << QStringLiteral("Starta BankID-appen.")
                             << QStringLiteral("Åtgärden avbröts.");
}

void TestCli::userCancelsOrder()
{
    QFETCH(QString, language);
    QFETCH(QString, pendingText);
    QFETCH(QString, cancelledText);
    START_SIMULATOR();
    QSignalSpy created(m_fixture.simulator(), &Simulator::orderCreated);

    CliProcess process(m_program,
                       QStringList{QStringLiteral("auth"), QStringLiteral("--text"), QStringLiteral("x"),
                                   QStringLiteral("--poll-interval"), QStringLiteral("2000"), QStringLiteral("--lang"),
                                   language}
                           + connectionArguments(),
                       environment());
    QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, 15000);
    const QByteArray orderRef = created.first().first().toString().toLatin1();
    // The CLI reports the first pending hint (outstandingTransaction, RFA1) before the user acts.
    QTRY_VERIFY2_WITH_TIMEOUT(process.errSoFar().contains(QStringLiteral("RFA1 ") + pendingText),
                              qPrintable(process.errSoFar()), 10000);
    const OrderBook::Result opened = m_fixture.simulator()->orderBook()->act(orderRef, OrderBook::Action::Open);
    QVERIFY2(opened.ok, qPrintable(opened.message));
    const OrderBook::Result cancelled = m_fixture.simulator()->userCancel(orderRef);
    QVERIFY2(cancelled.ok, qPrintable(cancelled.message));

    const CliRun result = process.wait(15000);
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 1, result.describe().constData());
    QVERIFY2(result.err.contains(QStringLiteral("bankid-cli: ") + cancelledText + QStringLiteral(" (")),
             result.describe().constData());
    QVERIFY2(result.err.contains(QLatin1String("userCancel")), result.describe().constData());
    QVERIFY2(result.out.isEmpty(), result.describe().constData());
}

void TestCli::signalCancelsPendingOrder_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<QString>("cancelFault"); ///< a simulator fault on /cancel, or empty
    QTest::newRow("SIGINT") << int(SIGINT) << QString();
    QTest::newRow("SIGTERM") << int(SIGTERM) << QString();
    // The answer to /cancel takes a while: the CLI still waits for it before it exits.
    QTest::newRow("SIGINT_slow_cancel_answer") << int(SIGINT) << QStringLiteral("cancel:delay=3000:count=1");
}

// Ctrl+C (or a SIGTERM from a supervisor) while the order waits to be picked up: the real bankid-cli process
// cancels the order at BankID and exits 1 ("cancelled") once the cancel is answered, never leaving the order
// pending. The simulator's user is manual, so nobody scans the QR code meanwhile.
void TestCli::signalCancelsPendingOrder()
{
    QFETCH(int, signalNumber);
    QFETCH(QString, cancelFault);
    START_SIMULATOR();
    if (!cancelFault.isEmpty()) {
        QString error;
        QVERIFY2(m_fixture.simulator()->addFault(cancelFault, &error) > 0, qPrintable(error));
    }
    QSignalSpy created(m_fixture.simulator(), &Simulator::orderCreated);
    QSignalSpy removed(m_fixture.simulator(), &Simulator::orderRemoved);

    CliProcess process(m_program,
                       QStringList{QStringLiteral("auth"), QStringLiteral("--text"), QStringLiteral("x"),
                                   QStringLiteral("--lang"), QStringLiteral("en")}
                           + connectionArguments(),
                       environment());
    QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, 15000);
    const QString orderRef = created.first().first().toString();
    // Pending: the CLI collected and reported outstandingTransaction (RFA1).
    QTRY_VERIFY2_WITH_TIMEOUT(process.errSoFar().contains(QLatin1String("RFA1 ")), qPrintable(process.errSoFar()), 15000);
    QVERIFY(removed.isEmpty());

    QCOMPARE(::kill(pid_t(process.process().processId()), signalNumber), 0);
    const CliRun result = process.wait(30000);
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitStatus == QProcess::NormalExit, "the signal must be handled, not kill the process");
    QVERIFY2(result.exitCode == 1, result.describe().constData());
    QVERIFY2(result.err.contains(QLatin1String("bankid-cli: cancelling the order")), result.describe().constData());
    QVERIFY2(result.err.contains(QLatin1String("bankid-cli: The action was cancelled.")), result.describe().constData());
    // The simulator removes an order when the RP cancels it; nothing else removes one this young.
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().first().toString(), orderRef);
    const QByteArray pending = pendingOrders();
    QVERIFY2(pending.isEmpty(), pending.constData());
}

// A collect that fails on a closed connection (every time: the session gives up after its silent retries) ends
// the order with a network error (exit 3), and the order is abandoned: the session cancels it, over a new
// connection. The CLI must not exit before that /cancel is answered. Three runs, so that a race that only
// sometimes loses the cancel shows; afterwards the simulator holds no pending order.
void TestCli::failedCollectStillCancelsOrder()
{
    START_SIMULATOR();
    QString error;
    QVERIFY2(m_fixture.simulator()->addFault(QStringLiteral("collect:close"), &error) > 0, qPrintable(error));
    QSignalSpy created(m_fixture.simulator(), &Simulator::orderCreated);
    QSignalSpy removed(m_fixture.simulator(), &Simulator::orderRemoved);

    for (int run = 1; run <= 3; ++run) {
        CliProcess process(m_program,
                           QStringList{QStringLiteral("auth"), QStringLiteral("--text"), QStringLiteral("x"),
                                       QStringLiteral("--lang"), QStringLiteral("en")}
                               + connectionArguments(),
                           environment());
        const CliRun result = process.wait(90000);
        QVERIFY2(result.finished, result.describe().constData());
        QVERIFY2(result.exitCode == 3, result.describe().constData());
        QCOMPARE(created.size(), run);
    }
    QSet<QString> createdRefs;
    for (const QList<QVariant> &arguments : std::as_const(created))
        createdRefs.insert(arguments.first().toString());
    QSet<QString> removedRefs;
    for (const QList<QVariant> &arguments : std::as_const(removed))
        removedRefs.insert(arguments.first().toString());
    QCOMPARE(removedRefs, createdRefs); // each run cancelled its own order
    const QByteArray pending = pendingOrders();
    QVERIFY2(pending.isEmpty(), pending.constData());
}

void TestCli::orderRiskDecidesOutcome_data()
{
    QTest::addColumn<int>("risk"); ///< sim::OrderRisk
    QTest::addColumn<int>("exitCode");
    QTest::newRow("low") << int(sim::OrderRisk::Low) << 0;
    // completionData.risk "high": OrderSession fails the order (OrderFailure::Kind::RiskBlocked).
    QTest::newRow("high") << int(sim::OrderRisk::High) << 1;
    // BankID blocks it itself: failed transactionRiskBlocked.
    QTest::newRow("blocked") << int(sim::OrderRisk::Blocked) << 1;
}

// The CLI always asks for BankID's risk verdict (returnRisk:true: the "low" row prints it) and treats "high"
// or transactionRiskBlocked as a failed order: exit 1, one sentence, nothing of the person on stdout.
void TestCli::orderRiskDecidesOutcome()
{
    QFETCH(int, risk);
    QFETCH(int, exitCode);
    QVERIFY2(m_fixture.isValid(), qPrintable(m_fixture.errorString()));
    sim::SimulatorOptions options = m_fixture.autoOptions();
    options.risk = sim::OrderRisk(risk);
    const QString error = m_fixture.start(options);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    CliProcess process(m_program,
                       QStringList{QStringLiteral("auth"), QStringLiteral("--text"), QStringLiteral("x"),
                                   QStringLiteral("--lang"), QStringLiteral("en")}
                           + connectionArguments(),
                       environment());
    const CliRun result = process.wait(60000);
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == exitCode, result.describe().constData());
    const QString sentence = QStringLiteral("bankid-cli: BankID rates this order as high risk: it is blocked. Do not trust it.");
    if (exitCode == 0) {
        QVERIFY2(result.out.contains(QLatin1String("Risk:              low")), result.describe().constData());
        QVERIFY2(!result.err.contains(sentence), result.describe().constData());
    } else {
        QVERIFY2(result.err.contains(sentence), result.describe().constData());
        QVERIFY2(result.out.isEmpty(), result.describe().constData());
    }
}

// The collect command runs no OrderSession: it applies the same rule to the one answer it gets.
void TestCli::collectOfHighRiskOrderFails()
{
    QVERIFY2(m_fixture.isValid(), qPrintable(m_fixture.errorString()));
    sim::SimulatorOptions options = m_fixture.manualOptions();
    options.risk = sim::OrderRisk::High;
    const QString error = m_fixture.start(options);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    OrderRequest request;
    request.flow = Flow::Auth;
    request.endUserIp = QStringLiteral("192.0.2.30");
    request.returnRisk = true;
    RpCall *call = m_fixture.client()->start(request);
    call->setAutoDelete(false);
    const std::unique_ptr<RpCall> owner(call);
    QSignalSpy finished(call, &RpCall::finished);
    QVERIFY(finished.wait(10000));
    QVERIFY2(call->ok(), qPrintable(call->error().technicalMessage()));
    const QByteArray orderRef = call->orderResponse().orderRef.toLatin1();
    const OrderBook::Result opened = m_fixture.simulator()->orderBook()->act(orderRef, OrderBook::Action::Open);
    QVERIFY2(opened.ok, qPrintable(opened.message));
    const OrderBook::Result approved = m_fixture.simulator()->approve(orderRef);
    QVERIFY2(approved.ok, qPrintable(approved.message));

    CliProcess process(m_program,
                       QStringList{QStringLiteral("collect"), QString::fromLatin1(orderRef), QStringLiteral("--lang"),
                                   QStringLiteral("en")}
                           + connectionArguments(),
                       environment());
    const CliRun result = process.wait(30000);
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 1, result.describe().constData());
    QVERIFY2(result.out.contains(QLatin1String("Risk:              high")), result.describe().constData());
    QVERIFY2(result.err.contains(QLatin1String("bankid-cli: BankID rates this order as high risk: it is blocked. Do not "
                                               "trust it.")),
             result.describe().constData());
}

void TestCli::hugeAnswerKeepsMemoryBounded()
{
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("under AddressSanitizer a process's peak RSS measures its allocator and shadow memory, not our "
          "buffers; the release build of the suite runs this check");
#endif
    // A server that streams 96 MB as one collect answer (no Content-Length, closed at the end): the real
    // bankid-cli must stop reading at the 1 MiB cap, not buffer it. Its peak RSS (getrusage of the waited-for
    // child) stays far below the answer's size.
    test::TestPki pki;
    if (!pki.isValid())
        QSKIP(qPrintable(QStringLiteral("cannot mint test certificates: ") + pki.errorString()));
    QVERIFY2(pki.createStandardSet(), qPrintable(pki.errorString()));
    const QString ca = pki.writeFile(QStringLiteral("server-ca.pem"), pki.serverCa().certificate.toPem());
    const QString cert = pki.writeFile(QStringLiteral("client.pem"), pki.client().certificate.toPem());
    const QString key = pki.writeFile(QStringLiteral("client-key.pem"), pki.client().key.toPem());
    QVERIFY(!ca.isEmpty() && !cert.isEmpty() && !key.isEmpty());

    test::ScriptedHttpsServer server;
    QVERIFY(server.listen(pki.server(), {pki.clientCa().certificate}));
    // Built only when the request arrives, after bankid-cli has been exec'd: a child forked while this
    // process held the answer would count these pages in its own peak RSS.
    constexpr qsizetype answerBytes = 96 * 1024 * 1024;
    server.setHandler([](const test::RecordedRequest &) -> std::optional<test::CannedResponse> {
        test::CannedResponse huge;
        huge.raw = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{\"orderRef\":\""
                   + QByteArray(answerBytes, 'a');
        huge.closeAfterResponse = true;
        return huge;
    });

    CliProcess process(m_program,
                       {QStringLiteral("collect"), QStringLiteral("131daac9-16c6-4618-beb0-365768f37288"), QStringLiteral("--url"),
                        server.baseUrl().toString(), QStringLiteral("--ca"), ca, QStringLiteral("--cert"), cert,
                        QStringLiteral("--key"), key, QStringLiteral("--lang"), QStringLiteral("en")},
                       environment());
    const test::CliRun result = process.wait(60000);
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode != 0, result.describe().constData());
    QVERIFY2(result.err.contains(QStringLiteral("larger than the limit of 1048576 bytes")), result.describe().constData());
    rusage usage {};
    QCOMPARE(getrusage(RUSAGE_CHILDREN, &usage), 0);
    const long peakMb = usage.ru_maxrss / 1024;
    qInfo("bankid-cli peak RSS against a 96 MB answer: %ld MB", peakMb);
    QVERIFY2(peakMb < 64, qPrintable(QStringLiteral("peak RSS %1 MB: the answer was buffered").arg(peakMb)));
}

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
