// End-to-end tests of `bankid-cli verify-id-card`: the built binary, run with QProcess,
//  - with --simulator --new-test-card: mints and verifies a test card in its own embedded simulator (text and
//    --json output, the evidence checked against that simulator's signing root, the 17-year-old built-in
//    person below --age-limit 18);
//  - against a simulator in this test process (--url naming its Verify API base, --ca, --cert, --root): a
//    code minted here verifies once (as an argument and as a scanner line on stdin) and is refused after;
//  - usage errors refused before anything is sent (exit 2), and an unreachable server (exit 3).
// Isolation as TestSignFileCli: XDG_DATA_HOME and HOME point into this test's temporary folder.

#include "CliProcess.h"
#include "IsolatedCliEnvironment.h"
#include "Simulator.h"
#include "SimulatorFixture.h"
#include "TestConfig.h"
#include "TestPerson.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace bankid;
using bankid::test::CliProcess;
using bankid::test::CliRun;
using bankid::test::SimulatorFixture;

class TestIdCardCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void newTestCardVerifies();
    void newTestCardJson();
    void seventeenIsBelowTheLimit();
    void verifiesAgainstAServerOnce();
    void readsOneScannerLineFromStdin();
    void usageErrors_data();
    void usageErrors();
    void unreachableServerIsANetworkError();

private:
    QProcessEnvironment environment() const;
    CliRun run(const QStringList &arguments, const QByteArray &stdinBytes = {}, int timeoutMs = 60000) const;
    /// The connection options for the simulator of this test process.
    QStringList serverOptions() const;

    QString m_program;
    QTemporaryDir m_dir;
    SimulatorFixture m_fixture;
};

void TestIdCardCli::initTestCase()
{
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
    const QString binDir = qEnvironmentVariable("BANKID_BIN_DIR", QStringLiteral(BANKID_BIN_DIR));
    m_program = QDir(binDir).filePath(QStringLiteral("bankid-cli"));
    if (!QFileInfo(m_program).isExecutable())
        QSKIP(qPrintable(QStringLiteral("bankid-cli is not built at %1: build the bankid-cli target first").arg(m_program)));
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("data"))));
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("home"))));
    QVERIFY2(m_fixture.isValid(), qPrintable(m_fixture.errorString()));
    const QString error = m_fixture.start(m_fixture.manualOptions());
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

QProcessEnvironment TestIdCardCli::environment() const
{
    QProcessEnvironment env = test::isolatedCliEnvironment(m_dir.filePath(QStringLiteral("data")), m_dir.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("BANKID_TEST_P12_PASSWORD"), QString::fromLatin1(sim::Simulator::clientPassword));
    return env;
}

CliRun TestIdCardCli::run(const QStringList &arguments, const QByteArray &stdinBytes, int timeoutMs) const
{
    CliProcess process(m_program, arguments, environment());
    if (!stdinBytes.isNull()) {
        process.process().write(stdinBytes);
        process.process().closeWriteChannel();
    }
    return process.wait(timeoutMs);
}

QStringList TestIdCardCli::serverOptions() const
{
    const sim::Simulator *simulator = m_fixture.simulator();
    return {QStringLiteral("--url"), simulator->idCardBaseUrl().toString(), QStringLiteral("--ca"), simulator->caCertificatePath(),
            QStringLiteral("--cert"), simulator->clientP12Path(), QStringLiteral("--password-env"),
            QStringLiteral("BANKID_TEST_P12_PASSWORD"), QStringLiteral("--root"), simulator->signingRootPath()};
}

void TestIdCardCli::newTestCardVerifies()
{
    const sim::TestPerson person = sim::TestPerson::builtIn().first();
    const CliRun result = run({QStringLiteral("verify-id-card"), QStringLiteral("--simulator"), QStringLiteral("--new-test-card"),
                               person.personalNumber, QStringLiteral("--age-limit"), QStringLiteral("18")});
    QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
    QVERIFY2(result.err.contains(QStringLiteral("test ID card code: BANKIDF.")), result.describe().constData());
    QVERIFY2(result.out.contains(QStringLiteral("genuine")), result.describe().constData());
    QVERIFY2(result.out.contains(person.name()), result.describe().constData());
    QVERIFY2(result.out.contains(person.personalNumber), result.describe().constData());
    QVERIFY2(result.out.contains(QStringLiteral("Age limit:         18, met")), result.describe().constData());
    QVERIFY2(result.out.contains(QStringLiteral("every required check passed")), result.describe().constData());
    QVERIFY2(!result.out.contains(QStringLiteral("FAILED")), result.describe().constData());
}

void TestIdCardCli::newTestCardJson()
{
    const sim::TestPerson person = sim::TestPerson::builtIn().at(1);
    const CliRun result = run({QStringLiteral("verify-id-card"), QStringLiteral("--simulator"), QStringLiteral("--new-test-card"),
                               person.personalNumber, QStringLiteral("--json")});
    QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
    QJsonParseError parseError;
    const QJsonObject json = QJsonDocument::fromJson(result.out.toUtf8(), &parseError).object();
    QVERIFY2(parseError.error == QJsonParseError::NoError, result.describe().constData());
    QCOMPARE(json.value(QStringLiteral("verified")).toBool(), true);
    const QJsonObject user = json.value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("personalNumber")).toString(), person.personalNumber);
    QCOMPARE(user.value(QStringLiteral("givenName")).toString(), person.givenName);
    QCOMPARE(user.value(QStringLiteral("surname")).toString(), person.surname);
    QCOMPARE(user.value(QStringLiteral("name")).toString(), person.name());
    QVERIFY(user.value(QStringLiteral("age")).isDouble());
    QVERIFY(json.value(QStringLiteral("ageLimit")).isNull());
    const QJsonObject evidence = json.value(QStringLiteral("evidence")).toObject();
    QCOMPARE(evidence.value(QStringLiteral("allPassed")).toBool(), true);
    QCOMPARE(evidence.value(QStringLiteral("checks")).toArray().size(), 16);
}

void TestIdCardCli::seventeenIsBelowTheLimit()
{
    QString elsa;
    for (const sim::TestPerson &person : sim::TestPerson::builtIn()) {
        if (person.name() == QLatin1String("Elsa Ek"))
            elsa = person.personalNumber;
    }
    QVERIFY2(!elsa.isEmpty(), "the simulator has no built-in Elsa Ek");
    const CliRun result = run({QStringLiteral("verify-id-card"), QStringLiteral("--simulator"), QStringLiteral("--new-test-card"),
                               elsa, QStringLiteral("--age-limit"), QStringLiteral("18")});
    QVERIFY2(result.finished && result.exitCode == 1, result.describe().constData());
    QVERIFY2(result.out.contains(QStringLiteral("Age:               17")), result.describe().constData());
    QVERIFY2(result.out.contains(QStringLiteral("18, NOT MET")), result.describe().constData());
    QVERIFY2(result.err.contains(QStringLiteral("the holder is 17, below the age limit of 18")), result.describe().constData());
}

void TestIdCardCli::verifiesAgainstAServerOnce()
{
    const sim::TestPerson person = sim::TestPerson::builtIn().at(2);
    QString error;
    const QByteArray code = m_fixture.simulator()->mintIdCardCode(person.personalNumber, &error);
    QVERIFY2(!code.isEmpty(), qPrintable(error));
    const QStringList arguments = QStringList{QStringLiteral("verify-id-card"), QString::fromLatin1(code)} + serverOptions();
    const CliRun first = run(arguments);
    QVERIFY2(first.finished && first.exitCode == 0, first.describe().constData());
    QVERIFY2(first.out.contains(person.name()), first.describe().constData());
    QVERIFY2(first.out.contains(QStringLiteral("every required check passed")), first.describe().constData());

    const CliRun again = run(arguments + QStringList{QStringLiteral("--json")});
    QVERIFY2(again.finished && again.exitCode == 1, again.describe().constData());
    QVERIFY2(again.err.contains(QStringLiteral("BankID refused the ID card code: qrCode already used (HTTP 400, invalidParameters)")),
             again.describe().constData());
    const QJsonObject json = QJsonDocument::fromJson(again.out.toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("verified")).toBool(true), false);
    QCOMPARE(json.value(QStringLiteral("errorCode")).toString(), QStringLiteral("invalidParameters"));
    QCOMPARE(json.value(QStringLiteral("details")).toString(), QStringLiteral("qrCode already used"));
}

void TestIdCardCli::readsOneScannerLineFromStdin()
{
    QString error;
    const QByteArray code = m_fixture.simulator()->mintIdCardCode(sim::TestPerson::builtIn().first().personalNumber, &error);
    QVERIFY2(!code.isEmpty(), qPrintable(error));
    // A keyboard-wedge scanner types the code and Enter; what follows the first line is never read.
    const CliRun result = run(QStringList{QStringLiteral("verify-id-card"), QStringLiteral("-")} + serverOptions(),
                              code + "\r\nBANKIDF.SECOND\r\n");
    QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
    QVERIFY2(result.out.contains(QStringLiteral("genuine")), result.describe().constData());
}

void TestIdCardCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");

    const QString verify = QStringLiteral("verify-id-card");
    const QString simulator = QStringLiteral("--simulator");
    QTest::newRow("no_code") << QStringList{verify, simulator} << QByteArray() << QStringLiteral("verify-id-card needs QRCODE");
    QTest::newRow("two_codes") << QStringList{verify, QStringLiteral("BANKIDF.AA"), QStringLiteral("BANKIDF.BB"), simulator}
                               << QByteArray() << QStringLiteral("takes one QRCODE, not also 'BANKIDF.BB'");
    QTest::newRow("wrong_prefix") << QStringList{verify, QStringLiteral("https://example.com"), simulator} << QByteArray()
                                  << QStringLiteral("QRCODE: the code does not start with \"BANKIDF.\"");
    QTest::newRow("space_in_code") << QStringList{verify, QStringLiteral("BANKIDF.AB CD"), simulator} << QByteArray()
                                   << QStringLiteral("QRCODE: the code contains a whitespace character (U+0020) at position 11");
    QTest::newRow("age_limit_zero") << QStringList{verify, QStringLiteral("BANKIDF.AA"), simulator, QStringLiteral("--age-limit"), QStringLiteral("0")}
                                    << QByteArray() << QStringLiteral("--age-limit must be a whole number of years from 1 to 150, not '0'");
    QTest::newRow("age_limit_text") << QStringList{verify, QStringLiteral("BANKIDF.AA"), simulator, QStringLiteral("--age-limit"), QStringLiteral("adult")}
                                    << QByteArray() << QStringLiteral("--age-limit must be a whole number");
    QTest::newRow("test_card_without_simulator")
        << QStringList{verify, QStringLiteral("--new-test-card"), QStringLiteral("199001012385"), QStringLiteral("--cert"), QStringLiteral("x.p12")}
        << QByteArray() << QStringLiteral("--new-test-card needs --simulator");
    QTest::newRow("test_card_bad_number") << QStringList{verify, simulator, QStringLiteral("--new-test-card"), QStringLiteral("199001012384")}
                                          << QByteArray() << QStringLiteral("--new-test-card: ");
    QTest::newRow("order_option") << QStringList{verify, QStringLiteral("BANKIDF.AA"), simulator, QStringLiteral("--text"), QStringLiteral("hi")}
                                  << QByteArray() << QStringLiteral("--text does not apply to verify-id-card");
    QTest::newRow("age_limit_elsewhere") << QStringList{QStringLiteral("auth"), simulator, QStringLiteral("--age-limit"), QStringLiteral("18")}
                                         << QByteArray() << QStringLiteral("apply only to verify-id-card");
    QTest::newRow("stdin_empty") << QStringList{verify, QStringLiteral("-"), simulator} << QByteArray("")
                                 << QStringLiteral("stdin: the code is empty");
    QTest::newRow("stdin_only_enter") << QStringList{verify, QStringLiteral("-"), simulator} << QByteArray("\r\n")
                                      << QStringLiteral("stdin: the code is empty");
    QTest::newRow("stdin_space_before_enter") << QStringList{verify, QStringLiteral("-"), simulator} << QByteArray("BANKIDF.AA \n")
                                              << QStringLiteral("stdin: the code contains a whitespace character (U+0020) at position 11");
    QTest::newRow("stdin_too_long") << QStringList{verify, QStringLiteral("-"), simulator} << QByteArray("BANKIDF.") + QByteArray(5000, 'A')
                                    << QStringLiteral("the line on stdin is longer than 1026 bytes");
    QTest::newRow("stdin_not_utf8") << QStringList{verify, QStringLiteral("-"), simulator} << QByteArray("BANKIDF.\xff\xfe\n")
                                    << QStringLiteral("stdin: the code contains a non-ASCII character (U+FFFD) at position 9");
    QTest::newRow("missing_ca_file") << QStringList{verify, QStringLiteral("BANKIDF.AA"), QStringLiteral("--url"), QStringLiteral("https://127.0.0.1:1/rp/v1"),
                                                    QStringLiteral("--ca"), QStringLiteral("/nonexistent.pem"), QStringLiteral("--cert"), QStringLiteral("x.p12")}
                                     << QByteArray() << QStringLiteral("--ca: ");
    QTest::newRow("missing_root_file") << QStringList{verify, QStringLiteral("BANKIDF.AA"), simulator, QStringLiteral("--root"), QStringLiteral("/nonexistent.pem")}
                                       << QByteArray() << QStringLiteral("--root: ");
}

void TestIdCardCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    const CliRun result = run(arguments, input, 30000);
    QVERIFY2(result.finished && result.exitCode == 2, result.describe().constData());
    QVERIFY2(result.err.contains(message), result.describe().constData());
    QVERIFY2(!result.err.contains(QStringLiteral("embedded simulator at")), result.describe().constData());
}

void TestIdCardCli::unreachableServerIsANetworkError()
{
    QTcpServer closed; // a port nobody listens on once the server is gone
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    QStringList arguments{QStringLiteral("verify-id-card"), QStringLiteral("BANKIDF.00112233")};
    arguments += serverOptions();
    arguments[3] = QStringLiteral("https://127.0.0.1:%1/rp/v1").arg(port);
    const CliRun result = run(arguments);
    QVERIFY2(result.finished && result.exitCode == 3, result.describe().constData());
}

QTEST_GUILESS_MAIN(TestIdCardCli)
#include "TestIdCardCli.moc"
