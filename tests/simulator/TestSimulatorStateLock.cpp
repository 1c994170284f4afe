// Several bankid-simulator processes started at the same moment on one fresh state folder (the desk's demo
// mode and `bankid-cli --simulator` share theirs on purpose) must end up with ONE set of keys: Simulator::start
// creates the folder's CA, server/client certificates and signing PKI under a QLockFile. Without the lock each
// process would generate its own, the last writer's files would win on disk, and the others would serve with a
// CA nobody can trust any more. Checked from the outside: every process answers a real mutual-TLS request made
// with the files on disk (curl --cacert ca.pem --cert client.pem --key client-key.pem).

#include "TestConfig.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

class TestSimulatorStateLock : public QObject
{
    Q_OBJECT

private slots:
    void simultaneousStartsShareOneSetOfKeys();
};

void TestSimulatorStateLock::simultaneousStartsShareOneSetOfKeys()
{
    const QString program = QStringLiteral(BANKID_BIN_DIR "/bankid-simulator");
    if (!QFileInfo(program).isExecutable())
        QSKIP("bankid-simulator is not built (build the bankid-simulator target)");
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty())
        QSKIP("curl is not installed: it is the independent client this test checks the served keys with");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString state = dir.filePath(QStringLiteral("shared-state")); // does not exist yet: all race to create it

    constexpr int Count = 3;
    std::vector<std::unique_ptr<QProcess>> simulators;
    for (int i = 0; i < Count; ++i) {
        auto process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::SeparateChannels);
        simulators.push_back(std::move(process));
    }
    for (auto &process : simulators) // started back to back, before any can have finished its keys
        process->start(program, {QStringLiteral("--state-dir"), state, QStringLiteral("--listen"),
                                 QStringLiteral("127.0.0.1:0"), QStringLiteral("--latency-ms"), QStringLiteral("0")});

    // Each prints its base URL, then "Ready." once serving.
    QStringList baseUrls;
    static const QRegularExpression baseLine(QStringLiteral("base URL: +(\\S+)"));
    for (auto &process : simulators) {
        QByteArray out;
        const bool ready = QTest::qWaitFor([&] {
            out += process->readAllStandardOutput();
            return out.contains("Ready.") || process->state() == QProcess::NotRunning;
        }, 60000);
        QVERIFY2(ready && out.contains("Ready."),
                 qPrintable(QStringLiteral("a simulator did not get ready: ") + QString::fromUtf8(out)
                            + QString::fromUtf8(process->readAllStandardError())));
        const auto match = baseLine.match(QString::fromUtf8(out));
        QVERIFY2(match.hasMatch(), out.constData());
        baseUrls << match.captured(1);
    }

    const QDir files(state);
    for (const QString &base : std::as_const(baseUrls)) {
        QProcess client;
        client.start(curl, {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                            QStringLiteral("-w"), QStringLiteral("%{http_code}"), QStringLiteral("--cacert"),
                            files.filePath(QStringLiteral("ca.pem")), QStringLiteral("--cert"),
                            files.filePath(QStringLiteral("client.pem")), QStringLiteral("--key"),
                            files.filePath(QStringLiteral("client-key.pem")), QStringLiteral("-H"),
                            QStringLiteral("Content-Type: application/json"), QStringLiteral("-d"),
                            QStringLiteral(R"({"orderRef":"none"})"), base + QStringLiteral("/collect")});
        QVERIFY(client.waitForFinished(30000));
        // 400 invalidParameters: the request got through mutual TLS with the keys on disk. 000: the handshake
        // failed, i.e. this simulator serves keys that are not the ones in the folder.
        QCOMPARE(client.readAllStandardOutput(), QByteArray("400"));
    }

    for (auto &process : simulators) {
        process->terminate();
        QVERIFY(process->waitForFinished(10000));
    }
}

QTEST_GUILESS_MAIN(TestSimulatorStateLock)
#include "TestSimulatorStateLock.moc"
