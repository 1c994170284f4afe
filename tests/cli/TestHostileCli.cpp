// The real bankid-cli binary against a scripted BankID server (real mutual TLS on loopback) that floods,
// stalls or answers with terminal control sequences:
// - flooding/stalling answers to the order: the process ends with exit 3 and the error naming the guard,
//   in bounded time, with bounded memory: the child's peak RSS (wait4) is asserted below 100 MB and printed
//   with qInfo() ("hostile-cli <row>: exit, ms, peak RSS"), and the server saw one order request;
// - a completed order whose name holds ESC sequences, a NUL and a bidi override (and error details with
//   controls): stdout/stderr carry none of them raw, and everything after the NUL is still printed, in the
//   human output and as valid JSON with the same value under --json.

#include "HostileChildRun.h"
#include "HostileResponses.h"
#include "ScriptedHttpsServer.h"
#include "TestConfig.h"
#include "TestPki.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace bankid;
using bankid::test::CannedResponse;
using bankid::test::HostileChildRun;
using bankid::test::HostileResponses;
using bankid::test::ScriptedHttpsServer;
using bankid::test::TestPki;

namespace {

const QByteArray OrderBody = R"({"orderRef":"131daac9-16c6-4618-beb0-365768f37288","autoStartToken":"7c40b5c9-fa74-49cf-b98c-bfe651f9a7c6","qrStartToken":"67df3917-fa0d-44e5-b327-edcc928297f8","qrStartSecret":"d28db9a7-4cde-429e-a983-359be676944c"})";

// The name as BankID's JSON would carry it: clear-screen, a NUL, a right-to-left override.
const QByteArray HostileName = R"(\u001b[2JKarl\u0000 Karlsson \u202eevil)";
const QString HostileNameDecoded = QStringLiteral("\x1b[2JKarl") + QChar(0) + QStringLiteral(" Karlsson \u202eevil");

QByteArray hostileCompletion()
{
    return R"({"orderRef":"131daac9-16c6-4618-beb0-365768f37288","status":"complete","completionData":{"user":{"personalNumber":"190000000000","name":")"
           + HostileName + R"(","givenName":"Karl\u001b]0;pwned\u0007","surname":"Karlsson"},"device":{"ipAddress":"192.0.2.1\u009b2J"},"bankIdIssueDate":"2020-02-01\r\u0008X","signature":"PHNpZ24+","ocspResponse":"MIIH"}})";
}

constexpr long RssBoundKb = 100 * 1024;

/// The bytes a terminal would act on; none may reach it raw.
void verifyNoTerminalControls(const QByteArray &bytes, const char *stream)
{
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        QVERIFY2(byte == '\n' || byte >= 0x20, qPrintable(QStringLiteral("%1 holds the control byte 0x%2")
                                                             .arg(QLatin1String(stream)).arg(byte, 2, 16, QLatin1Char('0'))));
        QVERIFY2(byte != 0x7f, stream);
    }
    const QString text = QString::fromUtf8(bytes);
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        QVERIFY2(!(c >= 0x80 && c <= 0x9f), qPrintable(QStringLiteral("%1 holds a C1 control").arg(QLatin1String(stream))));
        QVERIFY2(!(c >= 0x202a && c <= 0x202e) && !(c >= 0x2066 && c <= 0x2069),
                 qPrintable(QStringLiteral("%1 holds a bidi control").arg(QLatin1String(stream))));
    }
}

} // namespace

class TestHostileCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void floodsAndStallsEndBounded_data();
    void floodsAndStallsEndBounded();
    void hostileNamePrintsSafely();
    void hostileNameAsJson();
    void hostileErrorDetails();

private:
    QProcessEnvironment environment() const;
    /// auth against m_server with the test PKI's files.
    HostileChildRun runCli(const QStringList &extraArguments, int timeoutMs = 60000);

    QString m_program;
    QTemporaryDir m_dir;
    TestPki m_pki;
    QString m_caFile;
    QString m_certFile;
    QString m_keyFile;
    std::unique_ptr<ScriptedHttpsServer> m_server;
};

void TestHostileCli::initTestCase()
{
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("data"))));
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("home"))));
    const QString binDir = qEnvironmentVariable("BANKID_BIN_DIR", QStringLiteral(BANKID_BIN_DIR));
    m_program = QDir(binDir).filePath(QStringLiteral("bankid-cli"));
    if (!QFileInfo(m_program).isExecutable())
        QSKIP(qPrintable(QStringLiteral("bankid-cli is not built at %1: build the bankid-cli target first").arg(m_program)));
    if (!m_pki.isValid())
        QSKIP(qPrintable(QStringLiteral("cannot mint test certificates: ") + m_pki.errorString()));
    QVERIFY2(m_pki.createStandardSet(), qPrintable(m_pki.errorString()));
    m_caFile = m_pki.writeFile(QStringLiteral("server-ca.pem"), m_pki.serverCa().certificate.toPem());
    m_certFile = m_pki.writeFile(QStringLiteral("client.pem"), m_pki.client().certificate.toPem());
    m_keyFile = m_pki.writeFile(QStringLiteral("client-key.pem"), m_pki.client().key.toPem());
    QVERIFY(!m_caFile.isEmpty() && !m_certFile.isEmpty() && !m_keyFile.isEmpty());
}

void TestHostileCli::init()
{
    m_server = std::make_unique<ScriptedHttpsServer>();
    QVERIFY(m_server->listen(m_pki.server(), {m_pki.clientCa().certificate}));
    m_server->enqueue(QStringLiteral("cancel"), CannedResponse::json(200, "{}"));
}

void TestHostileCli::cleanup()
{
    m_server.reset();
}

QProcessEnvironment TestHostileCli::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
    return env;
}

HostileChildRun TestHostileCli::runCli(const QStringList &extraArguments, int timeoutMs)
{
    const QStringList arguments = QStringList{QStringLiteral("auth"), QStringLiteral("--url"), m_server->baseUrl().toString(),
                                              QStringLiteral("--ca"), m_caFile, QStringLiteral("--cert"), m_certFile,
                                              QStringLiteral("--key"), m_keyFile, QStringLiteral("--lang"), QStringLiteral("en")}
                                  + extraArguments;
    return HostileChildRun::run(m_program, arguments, environment(), timeoutMs);
}

void TestHostileCli::floodsAndStallsEndBounded_data()
{
    QTest::addColumn<CannedResponse>("answer");
    QTest::addColumn<QString>("errContains");
    QTest::addColumn<int>("maxMs");

    // bankid-cli runs with the product defaults: transfer timeout 10 s, request deadline 20 s.
    const QString overCap = QStringLiteral("larger than the limit of 1048576 bytes");
    QTest::newRow("endless_chunked_body") << HostileResponses::endlessChunkedBody() << overCap << 15000;
    QTest::newRow("body_100MB_content_length") << HostileResponses::hugeBody(100 * 1024 * 1024, true) << overCap << 15000;
    QTest::newRow("body_100MB_close_delimited") << HostileResponses::hugeBody(100 * 1024 * 1024, false) << overCap << 15000;
    QTest::newRow("header_1MB_single") << HostileResponses::hugeHeader(1024 * 1024, OrderBody)
                                       << QStringLiteral("(the transfer timeout)") << 25000;
    const QString headGuard = QStringLiteral("without finishing the head of its answer");
    QTest::newRow("header_endless") << HostileResponses::endlessHeader() << headGuard << 15000;
    QTest::newRow("continue_endless") << HostileResponses::endlessInterimContinues() << headGuard << 15000;
    QTest::newRow("drip_one_byte_per_second") << HostileResponses::slowDrip(1000)
                                              << QStringLiteral("request deadline of 20000 ms") << 35000;
}

void TestHostileCli::floodsAndStallsEndBounded()
{
#if defined(__SANITIZE_ADDRESS__)
    // Under AddressSanitizer a process's peak RSS measures its allocator, quarantine and shadow memory, not
    // our buffers: the bound is checked in the release build; the outcome and the time are checked in both.
    constexpr bool rssIsOurs = false;
#else
    constexpr bool rssIsOurs = true;
#endif
    QFETCH(CannedResponse, answer);
    QFETCH(QString, errContains);
    QFETCH(int, maxMs);
    m_server->enqueue(QStringLiteral("auth"), answer);

    const HostileChildRun run = runCli({}, 60000);
    qInfo("hostile-cli %s: exit %d after %lld ms, peak RSS %ld MB (wait4; the program's own VmHWM %ld MB, the test "
          "process at the fork %ld MB)",
          QTest::currentDataTag(), run.exitCode, qlonglong(run.elapsedMs), run.peakRssKb / 1024, run.peakOwnRssKb / 1024,
          run.testRssAtForkKb / 1024);
    QVERIFY2(run.started, qPrintable(run.error));
    QVERIFY2(run.finished, run.describe().constData());
    QVERIFY2(run.exitCode == 3, run.describe().constData());
    QVERIFY2(QString::fromUtf8(run.err).contains(errContains), run.describe().constData());
    QVERIFY2(run.elapsedMs < maxMs, qPrintable(QStringLiteral("took %1 ms").arg(run.elapsedMs)));
    QVERIFY2(!rssIsOurs || run.peakRssKb < RssBoundKb, qPrintable(QStringLiteral("peak RSS %1 MB").arg(run.peakRssKb / 1024)));
    QCOMPARE(m_server->requestsTo(QStringLiteral("auth")).size(), 1);
}

void TestHostileCli::hostileNamePrintsSafely()
{
    m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, OrderBody));
    m_server->enqueue(QStringLiteral("collect"), CannedResponse::json(200, hostileCompletion()));
    const HostileChildRun run = runCli({});
    QVERIFY2(run.started, qPrintable(run.error));
    QVERIFY2(run.finished && run.exitCode == 0, run.describe().constData());
    verifyNoTerminalControls(run.out, "stdout");
    verifyNoTerminalControls(run.err, "stderr");
    const QString out = QString::fromUtf8(run.out);
    // Visible escapes instead of the controls; the text after the NUL and the lines after the name are there.
    QVERIFY2(out.contains(QStringLiteral(R"(Identified:        \x1b[2JKarl\x00 Karlsson \u202eevil)")), run.describe().constData());
    QVERIFY2(out.contains(QStringLiteral("Personal number:   190000000000")), run.describe().constData());
    QVERIFY2(out.contains(QStringLiteral(R"(BankID issued:     2020-02-01\x0d\x08X)")), run.describe().constData());
    QVERIFY2(out.contains(QStringLiteral(R"(Device IP address: 192.0.2.1\u009b2J)")), run.describe().constData());
}

void TestHostileCli::hostileNameAsJson()
{
    m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, OrderBody));
    m_server->enqueue(QStringLiteral("collect"), CannedResponse::json(200, hostileCompletion()));
    const HostileChildRun run = runCli({QStringLiteral("--json")});
    QVERIFY2(run.started, qPrintable(run.error));
    QVERIFY2(run.finished && run.exitCode == 0, run.describe().constData());
    verifyNoTerminalControls(run.out, "stdout");
    verifyNoTerminalControls(run.err, "stderr");
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + QLatin1Char(' ') + QString::fromUtf8(run.out)));
    const QJsonObject user = document.object().value(QLatin1String("completionData")).toObject().value(QLatin1String("user")).toObject();
    QCOMPARE(user.value(QLatin1String("name")).toString(), HostileNameDecoded); // the same value, escaped on the wire
}

void TestHostileCli::hostileErrorDetails()
{
    // BankID's details are for logs; whatever a server puts there must not drive the terminal either.
    m_server->enqueue(QStringLiteral("auth"),
                      CannedResponse::json(400, R"({"errorCode":"invalidParameters","details":"\u001b[31mred\u0000tail\nbankid-cli: forged line \u202e"})"));
    const HostileChildRun run = runCli({});
    QVERIFY2(run.started, qPrintable(run.error));
    QVERIFY2(run.finished, run.describe().constData());
    QVERIFY2(run.exitCode == 1, run.describe().constData());
    verifyNoTerminalControls(run.out, "stdout");
    verifyNoTerminalControls(run.err, "stderr");
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(QStringLiteral(R"(\x1b[31mred\x00tail\x0abankid-cli: forged line \u202e)")), run.describe().constData());
    QCOMPARE(err.count(QStringLiteral("\nbankid-cli: forged line")), 0);
}

QTEST_GUILESS_MAIN(TestHostileCli)
#include "TestHostileCli.moc"
