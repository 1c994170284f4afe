// The real bankid-cli binary with the RP key on a SoftHSM2 token (--cert pkcs11:..., the PIN from
// --password-env / --password-file) against the real bankid-simulator binary: an auth completes over mutual
// TLS with the token key; a wrong PIN, a missing token and --cert-file without a token URI each give their
// own message and exit code 2. Skipped with the reason when SoftHSM2 or OpenSSL's pkcs11 engine is missing.

#include "AbuseSimulatorProcess.h"
#include "CliProcess.h"
#include "SoftHsmToken.h"
#include "TestConfig.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace bankid;

namespace {

const QString PinVariable = QStringLiteral("BANKID_TEST_TOKEN_PIN");
const QString Pin = QStringLiteral("86420135");
const QString WrongPin = QStringLiteral("13579246");

} // namespace

class TestPkcs11Cli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void authWithTokenKeyAndTokenCertificate();
    void authWithTokenKeyAndCertificateFile();
    void wrongPin();
    void missingToken();
    void certFileNeedsTokenUri();
    void keyWithTokenUriRefused();

private:
    test::CliRun run(const QStringList &arguments, const QString &pin);
    QStringList connection() const;

    QString m_program;
    QTemporaryDir m_dir;
    test::SoftHsmToken m_hsm;
    AbuseSimulatorProcess m_simulator{{QStringLiteral("--user"), QStringLiteral("auto")}};
};

void TestPkcs11Cli::initTestCase()
{
    if (const QString why = test::SoftHsmToken::skipReason(); !why.isEmpty())
        QSKIP(qPrintable(why));
    m_program = QDir(qEnvironmentVariable("BANKID_BIN_DIR", QStringLiteral(BANKID_BIN_DIR))).filePath(QStringLiteral("bankid-cli"));
    QVERIFY2(QFile::exists(m_program), qPrintable(m_program + QStringLiteral(" is not built")));
    QVERIFY2(m_dir.isValid() && m_hsm.isValid(), qPrintable(m_hsm.errorString()));
    QString error;
    QVERIFY2(m_simulator.start(&error), qPrintable(error));

    const QString state = m_simulator.stateDir() + QStringLiteral("/state/");
    QVERIFY2(m_hsm.makeClientCredential(state + QStringLiteral("ca.pem"), state + QStringLiteral("ca-key.pem"),
                                        QStringLiteral("rp-cli"), false),
             qPrintable(m_hsm.errorString()));
    QVERIFY2(m_hsm.createToken(QStringLiteral("Desk"), Pin), qPrintable(m_hsm.errorString()));
    QVERIFY2(m_hsm.importKey(QStringLiteral("Desk"), m_hsm.keyPath(QStringLiteral("rp-cli")), QStringLiteral("rp"),
                             QStringLiteral("01"), Pin), qPrintable(m_hsm.errorString()));
    QVERIFY2(m_hsm.importCertificate(QStringLiteral("Desk"), m_hsm.certificatePath(QStringLiteral("rp-cli")),
                                     QStringLiteral("rp"), QStringLiteral("01"), Pin), qPrintable(m_hsm.errorString()));
}

QStringList TestPkcs11Cli::connection() const
{
    return {QStringLiteral("--url"), QStringLiteral("https://127.0.0.1:%1/rp/v6.0").arg(m_simulator.port()),
            QStringLiteral("--ca"), m_simulator.stateDir() + QStringLiteral("/state/ca.pem"),
            QStringLiteral("--end-user-ip"), QStringLiteral("192.0.2.30"), QStringLiteral("--no-qr")};
}

test::CliRun TestPkcs11Cli::run(const QStringList &arguments, const QString &pin)
{
    QProcessEnvironment env = m_hsm.environment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.insert(PinVariable, pin);
    test::CliProcess process(m_program, arguments, env);
    return process.wait(60000);
}

void TestPkcs11Cli::authWithTokenKeyAndTokenCertificate()
{
    const test::CliRun result = run(QStringList{QStringLiteral("auth")} + connection()
                                        + QStringList{QStringLiteral("--cert"), QStringLiteral("pkcs11:token=Desk;object=rp"),
                                                      QStringLiteral("--password-env"), PinVariable, QStringLiteral("--json")},
                                    Pin);
    // stderr first: the JSON on stdout is long and QTest cuts long messages.
    QVERIFY2(result.finished && result.exitCode == 0,
             qPrintable(QStringLiteral("exit %1, stderr: %2").arg(result.exitCode).arg(result.err.right(3000))));
    QVERIFY2(result.out.contains(QStringLiteral("\"complete\"")), result.describe().constData());
    QVERIFY2(!result.out.contains(Pin) && !result.err.contains(Pin), result.describe().constData());
}

void TestPkcs11Cli::authWithTokenKeyAndCertificateFile()
{
    QFile pinFile(m_dir.filePath(QStringLiteral("pin.txt")));
    QVERIFY(pinFile.open(QIODevice::WriteOnly));
    pinFile.write(Pin.toUtf8() + '\n');
    pinFile.close();
    const test::CliRun result = run(QStringList{QStringLiteral("auth")} + connection()
                                        + QStringList{QStringLiteral("--cert"), QStringLiteral("pkcs11:token=Desk;id=%01"),
                                                      QStringLiteral("--cert-file"), m_hsm.certificatePath(QStringLiteral("rp-cli")),
                                                      QStringLiteral("--password-file"), pinFile.fileName()},
                                    QString());
    QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
}

void TestPkcs11Cli::wrongPin()
{
    // A separate process: the token has not been logged in there, so the PIN is really checked.
    const test::CliRun result = run(QStringList{QStringLiteral("auth")} + connection()
                                        + QStringList{QStringLiteral("--cert"), QStringLiteral("pkcs11:token=Desk;object=rp"),
                                                      QStringLiteral("--password-env"), PinVariable},
                                    WrongPin);
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("--cert: wrong PIN for the PKCS#11 token"))
                 && result.err.contains(QStringLiteral("\"Desk\"")),
             result.describe().constData());
    QVERIFY2(!result.err.contains(WrongPin) && !result.out.contains(WrongPin), result.describe().constData());
}

void TestPkcs11Cli::missingToken()
{
    const test::CliRun result = run(QStringList{QStringLiteral("auth")} + connection()
                                        + QStringList{QStringLiteral("--cert"), QStringLiteral("pkcs11:token=Elsewhere;object=rp"),
                                                      QStringLiteral("--password-env"), PinVariable},
                                    Pin);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("is not present")) && result.err.contains(QStringLiteral("\"Elsewhere\"")),
             result.describe().constData());
}

void TestPkcs11Cli::certFileNeedsTokenUri()
{
    const test::CliRun result = run(QStringList{QStringLiteral("auth")} + connection()
                                        + QStringList{QStringLiteral("--cert"), m_hsm.certificatePath(QStringLiteral("rp-cli")),
                                                      QStringLiteral("--cert-file"), m_hsm.certificatePath(QStringLiteral("rp-cli"))},
                                    Pin);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("--cert-file")) && result.err.contains(QStringLiteral("--cert a pkcs11: URI")),
             result.describe().constData());
}

void TestPkcs11Cli::keyWithTokenUriRefused()
{
    const test::CliRun result = run(QStringList{QStringLiteral("auth")} + connection()
                                        + QStringList{QStringLiteral("--cert"), QStringLiteral("pkcs11:token=Desk;object=rp"),
                                                      QStringLiteral("--key"), m_hsm.keyPath(QStringLiteral("rp-cli"))},
                                    Pin);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("--key")) && result.err.contains(QStringLiteral("--cert-file")),
             result.describe().constData());
}

QTEST_GUILESS_MAIN(TestPkcs11Cli)
#include "TestPkcs11Cli.moc"
