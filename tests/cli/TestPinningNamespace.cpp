// Pinning beats a rogue CA in the system store, end to end: inside a private mount namespace
// (`unshare -m`) a fake /etc/ssl/certs holds only a rogue root, and the server presents a certificate from
// that root. curl, which trusts the system store, accepts the server there (the control); bankid-cli, given
// the CA it should pin, must refuse it and say the server's certificate is not trusted (exit 3).
// Needs root (mount namespaces); elsewhere it skips and says why.
#include "CertificateFactory.h"
#include "Simulator.h"
#include "TestConfig.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace bankid;

class TestPinningNamespace : public QObject
{
    Q_OBJECT

private slots:
    void rogueSystemCaIsIgnored();
};

void TestPinningNamespace::rogueSystemCaIsIgnored()
{
    if (::geteuid() != 0)
        QSKIP("needs root: a private mount namespace (unshare -m) replaces /etc/ssl/certs");
    if (QProcess::execute(QStringLiteral("unshare"), {QStringLiteral("-m"), QStringLiteral("true")}) != 0)
        QSKIP("this machine does not allow mount namespaces (unshare -m failed)");
    if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
        QSKIP("curl is needed for the control half of the proof");
    const QString cli = QStringLiteral(BANKID_BIN_DIR "/bankid-cli");
    QVERIFY2(QFile::exists(cli), "bankid-cli is not built");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    const auto rogueRoot = sim::CertificateFactory::createCa(QStringLiteral("Rogue System Root"), 30, &error);
    QVERIFY2(!rogueRoot.isNull(), qPrintable(error));
    const auto rogueServer = sim::CertificateFactory::issueServer(
        rogueRoot, {QStringLiteral("127.0.0.1"), QStringLiteral("localhost")}, 30, &error);
    QVERIFY2(!rogueServer.isNull(), qPrintable(error));

    // The simulator keeps its own CA (ca.pem, the one a client pins) but serves the rogue certificate.
    sim::SimulatorOptions options;
    options.stateDir = dir.filePath(QStringLiteral("state"));
    options.userMode = sim::UserMode::Manual;
    options.serverIdentityOverride = rogueServer;
    sim::Simulator simulator(options);
    QVERIFY2(simulator.start(&error), qPrintable(error));

    // The fake system store: a CA bundle file (curl, OpenSSL) and a hashed directory entry (Qt, c_rehash).
    const QString fakeCerts = dir.filePath(QStringLiteral("fake-certs"));
    QVERIFY(QDir().mkpath(fakeCerts));
    for (const QString &name : {QStringLiteral("ca-certificates.crt"), QStringLiteral("rogue-root.pem")}) {
        QFile file(QDir(fakeCerts).filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(rogueRoot.certificatePem);
    }
    QCOMPARE(QProcess::execute(QStringLiteral("openssl"), {QStringLiteral("rehash"), fakeCerts}), 0);

    const QString url = simulator.baseUrl().toString();
    const QString script = QStringLiteral(
        "set -u\n"
        "mount --bind \"$FAKE\" /etc/ssl/certs || exit 90\n"
        "code=$(curl -s -o /dev/null -w '%{http_code}' --cert \"$CERT\" --key \"$KEY\" "
        "  -H 'Content-Type: application/json' -d '{\"orderRef\":\"00000000-0000-0000-0000-000000000000\"}' \"$URL/collect\")\n"
        "echo \"curl=$code\"\n"
        "BANKID_TEST_PW=qwerty123 \"$CLI\" collect 00000000-0000-0000-0000-000000000000 --url \"$URL\" --ca \"$PINNED\" "
        "  --cert \"$P12\" --password-env BANKID_TEST_PW\n"
        "echo \"cli=$?\"\n");
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("FAKE"), fakeCerts);
    environment.insert(QStringLiteral("CERT"), simulator.clientCertificatePath());
    environment.insert(QStringLiteral("KEY"), simulator.clientKeyPath());
    environment.insert(QStringLiteral("P12"), simulator.clientP12Path());
    environment.insert(QStringLiteral("PINNED"), simulator.caCertificatePath());
    environment.insert(QStringLiteral("URL"), url);
    environment.insert(QStringLiteral("CLI"), cli);
    process.setProcessEnvironment(environment);
    // The simulator answers on this thread's event loop, so the child is waited for without blocking it.
    process.start(QStringLiteral("unshare"), {QStringLiteral("-m"), QStringLiteral("sh"), QStringLiteral("-c"), script});
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, 60000);
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(process.exitCode() != 90, qPrintable(QStringLiteral("mount --bind failed: ") + err));

    // Control: with the rogue root in the system store, curl trusts the server (TLS works, BankID-style 400).
    QVERIFY2(out.contains(QStringLiteral("curl=400")), qPrintable(out + err));
    // The pinned client refuses the same server: network/TLS error, the server side named.
    QVERIFY2(out.contains(QStringLiteral("cli=3")), qPrintable(out + err));
    QVERIFY2(err.contains(QStringLiteral("not trusted")), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestPinningNamespace)
#include "TestPinningNamespace.moc"
