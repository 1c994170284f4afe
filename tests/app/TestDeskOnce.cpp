// bankid-desk --once end to end: the BUILT bankid-desk binary (offscreen) against the BUILT bankid-simulator
// binary (its own process, real mutual TLS on loopback), steered through the simulator's control API
// (/sim/v1, with the simulator-issued client certificate). Every desk run has its own HOME and XDG folders, so
// it never reads the developer's settings, password store or audit log.
//
// Covers: auth and phone-auth complete (exit 0, exactly one JSON object on stdout, the right person; the
// signature only with --with-evidence), the person cancels (exit 1, the failure object), usage and
// configuration errors (exit 2, stdout empty), an unreachable server and an untrusted server certificate
// (exit 3, stdout empty), SIGTERM/SIGINT while the order is pending (the order is cancelled at the simulator
// before the desk exits 4, also when the /cancel answer is slow), and --help/--version without any display.
// Binaries come from BANKID_BIN_DIR (set by ctest).
#include "AbuseSimulatorProcess.h"
#include "CertificateFactory.h"
#include "CliProcess.h"
#include "TestConfig.h"
#include "TestPerson.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <sys/types.h>

using bankid::test::CliProcess;
using bankid::test::CliRun;

namespace {
const QString PasswordVariable = QStringLiteral("BANKID_DESK_ONCE_TEST_PASSWORD");
const QString PhonePerson = QStringLiteral("199001012385");
} // namespace

class TestDeskOnce : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void authCompletes_data();
    void authCompletes();
    void phoneAuthCompletes();
    void personCancels();
    void usageErrors_data();
    void usageErrors();
    void networkErrors_data();
    void networkErrors();
    void signalCancelsFirst_data();
    void signalCancelsFirst();
    void helpAndVersionWithoutDisplay_data();
    void helpAndVersionWithoutDisplay();

private:
    QProcessEnvironment environment() const;
    QStringList connectionArguments() const;
    /// A call to the simulator's control API; the parsed answer (an empty object on failure, with a warning).
    QJsonObject control(const QByteArray &verb, const QString &path, const QJsonObject &body = {});
    QJsonArray orders() { return control("GET", QStringLiteral("orders")).value(QLatin1String("orders")).toArray(); }
    /// Waits for a pending order on the simulator; its orderRef (empty on timeout).
    QString waitForPendingOrder(int timeoutMs = 30000);
    static QJsonObject singleJsonObject(const CliRun &run);

    QString m_program;
    QTemporaryDir m_dir;
    std::unique_ptr<AbuseSimulatorProcess> m_simulator;
    QNetworkAccessManager m_nam;
    QSslConfiguration m_controlTls;
    int m_run = 0;
};

void TestDeskOnce::initTestCase()
{
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
    const QString binDir = qEnvironmentVariable("BANKID_BIN_DIR", QStringLiteral(BANKID_BIN_DIR));
    m_program = QDir(binDir).filePath(QStringLiteral("bankid-desk"));
    if (!QFileInfo(m_program).isExecutable())
        QSKIP(qPrintable(QStringLiteral("bankid-desk is not built at %1: build the bankid-desk target first").arg(m_program)));
    if (!QFileInfo(AbuseSimulatorProcess::program()).isExecutable())
        QSKIP("bankid-simulator is not built: build the bankid-simulator target first");

    m_simulator = std::make_unique<AbuseSimulatorProcess>();
    QString error;
    QVERIFY2(m_simulator->start(&error), qPrintable(error));

    // The control API wants the simulator-issued client certificate; only the simulator's CA is trusted.
    const QString state = QDir(m_simulator->stateDir()).filePath(QStringLiteral("state"));
    const auto cas = QSslCertificate::fromPath(QDir(state).filePath(QStringLiteral("ca.pem")));
    QVERIFY(!cas.isEmpty());
    QFile p12(QDir(state).filePath(QStringLiteral("client.p12")));
    QVERIFY(p12.open(QIODevice::ReadOnly));
    QSslKey key;
    QSslCertificate certificate;
    QVERIFY(QSslCertificate::importPkcs12(&p12, &key, &certificate, nullptr, "qwerty123"));
    m_controlTls = QSslConfiguration::defaultConfiguration();
    m_controlTls.setCaCertificates(cas);
    m_controlTls.setLocalCertificate(certificate);
    m_controlTls.setPrivateKey(key);
    QVERIFY2(!control("GET", QStringLiteral("persons")).isEmpty(), "the control API answers");
}

void TestDeskOnce::init()
{
    if (!m_simulator)
        return;
    control("POST", QStringLiteral("user"), {{QStringLiteral("mode"), QStringLiteral("manual")}});
    control("DELETE", QStringLiteral("faults"));
}

void TestDeskOnce::cleanupTestCase()
{
    m_simulator.reset();
}

QProcessEnvironment TestDeskOnce::environment() const
{
    // A fresh home per run: no saved settings, no keychain entry, no audit log of an earlier run.
    const QString root = m_dir.filePath(QStringLiteral("run-%1").arg(m_run));
    for (const char *folder : {"home", "config", "data", "cache", "runtime"})
        QDir().mkpath(QDir(root).filePath(QLatin1String(folder)));
    QFile::setPermissions(QDir(root).filePath(QStringLiteral("runtime")), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), QDir(root).filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir(root).filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), QDir(root).filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), QDir(root).filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), QDir(root).filePath(QStringLiteral("runtime")));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(PasswordVariable, QStringLiteral("qwerty123"));
    return env;
}

QStringList TestDeskOnce::connectionArguments() const
{
    const QString state = QDir(m_simulator->stateDir()).filePath(QStringLiteral("state"));
    return {QStringLiteral("--url"), QStringLiteral("https://127.0.0.1:%1/rp/v6.0").arg(m_simulator->port()),
            QStringLiteral("--ca"), QDir(state).filePath(QStringLiteral("ca.pem")),
            QStringLiteral("--cert"), QDir(state).filePath(QStringLiteral("client.p12")),
            QStringLiteral("--password-env"), PasswordVariable};
}

QJsonObject TestDeskOnce::control(const QByteArray &verb, const QString &path, const QJsonObject &body)
{
    QNetworkRequest request(QUrl(QStringLiteral("https://127.0.0.1:%1/sim/v1/%2").arg(m_simulator->port()).arg(path)));
    request.setSslConfiguration(m_controlTls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    const QByteArray data = verb == "GET" || verb == "DELETE" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, data);
    const bool done = QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000);
    const QByteArray answer = done ? reply->readAll() : QByteArray();
    if (!done || reply->error() != QNetworkReply::NoError)
        qWarning("control %s %s: %s %s", verb.constData(), qPrintable(path), qPrintable(reply->errorString()), answer.constData());
    reply->deleteLater();
    return QJsonDocument::fromJson(answer).object();
}

QString TestDeskOnce::waitForPendingOrder(int timeoutMs)
{
    QString orderRef;
    [[maybe_unused]] const bool found = QTest::qWaitFor([&] {
        for (const QJsonValue &order : orders()) {
            if (order.toObject().value(QLatin1String("status")).toString() == QLatin1String("pending"))
                orderRef = order.toObject().value(QLatin1String("orderRef")).toString();
        }
        if (orderRef.isEmpty())
            QTest::qWait(200);
        return !orderRef.isEmpty();
    }, timeoutMs);
    return orderRef;
}

// stdout must be exactly one JSON object on one line: nothing before, nothing after.
QJsonObject TestDeskOnce::singleJsonObject(const CliRun &run)
{
    if (run.out.count(QLatin1Char('\n')) != 1 || !run.out.endsWith(QLatin1Char('\n')))
        return {};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    return error.error == QJsonParseError::NoError && document.isObject() ? document.object() : QJsonObject();
}

// ---------------------------------------------------------------------------------------------------------

void TestDeskOnce::authCompletes_data()
{
    QTest::addColumn<bool>("withEvidence");
    QTest::newRow("identity only") << false;
    QTest::newRow("with-evidence") << true;
}

void TestDeskOnce::authCompletes()
{
    QFETCH(bool, withEvidence);
    ++m_run;
    control("POST", QStringLiteral("user"), {{QStringLiteral("mode"), QStringLiteral("auto")}});
    QStringList arguments = QStringList{QStringLiteral("--start"), QStringLiteral("auth"), QStringLiteral("--once"),
                                        QStringLiteral("--json")}
                            + connectionArguments();
    if (withEvidence)
        arguments << QStringLiteral("--with-evidence");
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    CliProcess process(m_program, arguments, environment());
    const CliRun result = process.wait(90000);
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    const QJsonObject json = singleJsonObject(result);
    QVERIFY2(!json.isEmpty(), result.describe().constData());

    // The auto user signs as the first built-in person.
    const bankid::sim::TestPerson person = bankid::sim::TestPerson::builtIn().first();
    QCOMPARE(json.value(QLatin1String("outcome")).toString(), QStringLiteral("verified"));
    QCOMPARE(json.value(QLatin1String("personalNumber")).toString(), person.personalNumber);
    QCOMPARE(json.value(QLatin1String("name")).toString(), person.name());
    QVERIFY(!json.value(QLatin1String("givenName")).toString().isEmpty());
    QVERIFY(!json.value(QLatin1String("surname")).toString().isEmpty());
    QCOMPARE(json.value(QLatin1String("flow")).toString(), QStringLiteral("auth"));
    QCOMPARE(json.value(QLatin1String("environment")).toString(), QStringLiteral("custom"));
    QVERIFY(!json.value(QLatin1String("orderRef")).toString().isEmpty());
    const QString completedAt = json.value(QLatin1String("completedAt")).toString();
    QVERIFY2(completedAt.endsWith(QLatin1Char('Z')), qPrintable(completedAt));
    const QDateTime completed = QDateTime::fromString(completedAt, Qt::ISODate);
    QVERIFY2(completed.isValid() && completed >= before && completed <= QDateTime::currentDateTimeUtc().addSecs(1),
             qPrintable(completedAt));
    QCOMPARE(json.contains(QLatin1String("signature")), withEvidence);
    QCOMPARE(json.contains(QLatin1String("ocspResponse")), withEvidence);
    if (withEvidence) {
        const QByteArray signature = QByteArray::fromBase64(json.value(QLatin1String("signature")).toString().toLatin1());
        QVERIFY2(signature.contains("Signature"), signature.left(200).constData());
        QVERIFY(!QByteArray::fromBase64(json.value(QLatin1String("ocspResponse")).toString().toLatin1()).isEmpty());
    } else {
        QVERIFY2(!result.out.contains(QLatin1String("signature")), result.describe().constData());
    }
}

void TestDeskOnce::phoneAuthCompletes()
{
    ++m_run;
    control("POST", QStringLiteral("user"), {{QStringLiteral("mode"), QStringLiteral("auto")}});
    CliProcess process(m_program,
                       QStringList{QStringLiteral("--start"), QStringLiteral("phone-auth"), QStringLiteral("--personal-number"),
                                   PhonePerson, QStringLiteral("--call-initiator"), QStringLiteral("RP"), QStringLiteral("--once"),
                                   QStringLiteral("--json")}
                           + connectionArguments(),
                       environment());
    const CliRun result = process.wait(90000);
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    const QJsonObject json = singleJsonObject(result);
    QVERIFY2(!json.isEmpty(), result.describe().constData());
    QCOMPARE(json.value(QLatin1String("personalNumber")).toString(), PhonePerson);
    QCOMPARE(json.value(QLatin1String("flow")).toString(), QStringLiteral("phone-auth"));
    QVERIFY(!json.contains(QLatin1String("signature")));
    // The personal number never shows in clear on stderr (masked in logs).
    QVERIFY2(!result.err.contains(PhonePerson), result.describe().constData());
}

void TestDeskOnce::personCancels()
{
    ++m_run;
    CliProcess process(m_program,
                       QStringList{QStringLiteral("--start"), QStringLiteral("auth"), QStringLiteral("--once"), QStringLiteral("--json")}
                           + connectionArguments(),
                       environment());
    const QString orderRef = waitForPendingOrder();
    QVERIFY2(!orderRef.isEmpty(), qPrintable(process.errSoFar()));
    control("POST", QStringLiteral("orders/%1/open").arg(orderRef));
    control("POST", QStringLiteral("orders/%1/cancel").arg(orderRef));

    const CliRun result = process.wait(60000);
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 1, result.describe().constData());
    const QJsonObject json = singleJsonObject(result);
    QVERIFY2(!json.isEmpty(), result.describe().constData());
    QCOMPARE(json.value(QLatin1String("outcome")).toString(), QStringLiteral("failed"));
    QCOMPARE(json.value(QLatin1String("hintCode")).toString(), QStringLiteral("userCancel"));
    QCOMPARE(json.value(QLatin1String("orderRef")).toString(), orderRef);
    QVERIFY(!json.contains(QLatin1String("personalNumber")));
    // Exactly one order: no "Try again", no auto-restart.
    int mine = 0;
    for (const QJsonValue &order : orders())
        mine += order.toObject().value(QLatin1String("status")).toString() == QLatin1String("pending");
    QCOMPARE(mine, 0);
}

void TestDeskOnce::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("once without start") << QStringList{QStringLiteral("--once"), QStringLiteral("--json")}
                                        << QStringLiteral("--once needs --start");
    QTest::newRow("personal-number with auth")
        << QStringList{QStringLiteral("--start"), QStringLiteral("auth"), QStringLiteral("--once"),
                       QStringLiteral("--personal-number"), PhonePerson}
        << QStringLiteral("--personal-number only applies with --start phone-auth");
    QTest::newRow("bad personal number")
        << QStringList{QStringLiteral("--start"), QStringLiteral("phone-auth"), QStringLiteral("--once"),
                       QStringLiteral("--personal-number"), QStringLiteral("199001012384"), QStringLiteral("--call-initiator"),
                       QStringLiteral("RP")}
        << QStringLiteral("--personal-number 19900101****");
    QTest::newRow("cert-file without token")
        << QStringList{QStringLiteral("--start"), QStringLiteral("auth"), QStringLiteral("--once"), QStringLiteral("--cert"),
                       QStringLiteral("rp.p12"), QStringLiteral("--cert-file"), QStringLiteral("rp.pem")}
        << QStringLiteral("--cert-file only applies when --cert is a pkcs11: URI");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--start"), QStringLiteral("auth"), QStringLiteral("--once"),
                                                   QStringLiteral("--twice")}
                                    << QStringLiteral("twice");
    // Configuration (found once the desk runs, not by the parser): the RP certificate does not exist.
    QTest::newRow("certificate file missing")
        << QStringList{QStringLiteral("--start"), QStringLiteral("auth"), QStringLiteral("--once"), QStringLiteral("--url"),
                       QStringLiteral("https://127.0.0.1:9/rp/v6.0"), QStringLiteral("--ca"), QStringLiteral("/nonexistent/ca.pem"),
                       QStringLiteral("--cert"), QStringLiteral("/nonexistent/rp.p12"), QStringLiteral("--password-env"),
                       PasswordVariable}
        << QStringLiteral("/nonexistent/");
}

void TestDeskOnce::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    ++m_run;
    CliProcess process(m_program, arguments, environment());
    const CliRun result = process.wait(60000);
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 2, result.describe().constData());
    QVERIFY2(result.out.isEmpty(), result.describe().constData());
    QVERIFY2(result.err.contains(expected), result.describe().constData());
}

void TestDeskOnce::networkErrors_data()
{
    QTest::addColumn<QString>("problem");
    QTest::newRow("server unreachable") << QStringLiteral("unreachable");
    QTest::newRow("server certificate from another CA") << QStringLiteral("wrong-ca");
}

void TestDeskOnce::networkErrors()
{
    QFETCH(QString, problem);
    ++m_run;
    QStringList arguments = connectionArguments();
    if (problem == QLatin1String("unreachable")) {
        QTcpServer probe; // a port that was just free and is closed again: connection refused
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        arguments[1] = QStringLiteral("https://127.0.0.1:%1/rp/v6.0").arg(probe.serverPort());
        probe.close();
    } else {
        QString error;
        const auto rogue = bankid::sim::CertificateFactory::createCa(QStringLiteral("Rogue CA for TestDeskOnce"), 30, &error);
        QVERIFY2(!rogue.isNull(), qPrintable(error));
        const QString roguePath = m_dir.filePath(QStringLiteral("rogue-ca.pem"));
        QFile file(roguePath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(rogue.certificatePem);
        file.close();
        arguments[3] = roguePath;
    }
    const int ordersBefore = int(orders().size());
    CliProcess process(m_program,
                       QStringList{QStringLiteral("--start"), QStringLiteral("auth"), QStringLiteral("--once"), QStringLiteral("--json")}
                           + arguments,
                       environment());
    const CliRun result = process.wait(90000);
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 3, result.describe().constData());
    QVERIFY2(result.out.isEmpty(), result.describe().constData());
    QCOMPARE(int(orders().size()), ordersBefore);
}

void TestDeskOnce::signalCancelsFirst_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<QString>("cancelFault");
    QTest::newRow("SIGTERM") << int(SIGTERM) << QString();
    QTest::newRow("SIGINT") << int(SIGINT) << QString();
    // The /cancel answer takes 3 s: the desk still waits for it before it exits.
    QTest::newRow("SIGTERM, slow cancel answer") << int(SIGTERM) << QStringLiteral("cancel:delay=3000:count=1");
}

void TestDeskOnce::signalCancelsFirst()
{
    QFETCH(int, signalNumber);
    QFETCH(QString, cancelFault);
    ++m_run;
    if (!cancelFault.isEmpty())
        QVERIFY(!control("POST", QStringLiteral("faults"), {{QStringLiteral("spec"), cancelFault}}).isEmpty());
    CliProcess process(m_program,
                       QStringList{QStringLiteral("--start"), QStringLiteral("auth"), QStringLiteral("--once"), QStringLiteral("--json")}
                           + connectionArguments(),
                       environment());
    const QString orderRef = waitForPendingOrder();
    QVERIFY2(!orderRef.isEmpty(), qPrintable(process.errSoFar()));
    QVERIFY(::kill(pid_t(process.process().processId()), signalNumber) == 0);

    const CliRun result = process.wait(60000);
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitStatus == QProcess::NormalExit && result.exitCode == 4, result.describe().constData());
    QVERIFY2(result.out.isEmpty(), result.describe().constData());
    // Only /cancel removes an order from the simulator: the desk cancelled it before it exited.
    for (const QJsonValue &order : orders())
        QVERIFY2(order.toObject().value(QLatin1String("orderRef")).toString() != orderRef,
                 QJsonDocument(order.toObject()).toJson(QJsonDocument::Compact).constData());
}

void TestDeskOnce::helpAndVersionWithoutDisplay_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected"); // on stdout (exit 0) or stderr
    QTest::newRow("--version") << QStringLiteral("--version") << 0 << QStringLiteral("bankid-desk ");
    QTest::newRow("-v") << QStringLiteral("-v") << 0 << QStringLiteral("bankid-desk ");
    QTest::newRow("--help") << QStringLiteral("--help") << 0 << QStringLiteral("--once");
    QTest::newRow("--help-all") << QStringLiteral("--help-all") << 0 << QStringLiteral("--once");
    QTest::newRow("usage error") << QStringLiteral("--once") << 2 << QStringLiteral("--once needs --start");
}

void TestDeskOnce::helpAndVersionWithoutDisplay()
{
    QFETCH(QString, option);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    ++m_run;
    QProcessEnvironment env = environment();
    for (const char *variable : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        env.remove(QLatin1String(variable));
    CliProcess process(m_program, {option}, env);
    const CliRun result = process.wait(30000);
    QVERIFY2(result.finished && result.exitStatus == QProcess::NormalExit, result.describe().constData());
    QVERIFY2(result.exitCode == exitCode, result.describe().constData());
    if (exitCode == 0) {
        QVERIFY2(result.out.contains(expected), result.describe().constData());
        if (!option.startsWith(QLatin1String("--help")))
            QCOMPARE(result.out.count(QLatin1Char('\n')), 1);
    } else {
        QVERIFY2(result.out.isEmpty() && result.err.contains(expected), result.describe().constData());
    }
}

QTEST_GUILESS_MAIN(TestDeskOnce)
#include "TestDeskOnce.moc"
