// The real OrderSession/RpClient (in-process) against a scripted BankID server that lies, stalls or floods,
// over real mutual TLS on loopback. Each case must end in a defined RpError kind and OrderSession end state
// well within the order's deadline, and the server must see at most one order request. Each row prints its
// outcome with qInfo() ("hostile <row>: <state> <kind> <ms> ms"), which is the table of the hardening report.

#include "HostileResponses.h"
#include "OrderSession.h"
#include "RpClient.h"
#include "ScriptedHttpsServer.h"
#include "SteadyClock.h"
#include "TestPki.h"

#include <QtTest>

using namespace bankid;
using bankid::test::CannedResponse;
using bankid::test::HostileResponses;
using bankid::test::ScriptedHttpsServer;
using bankid::test::TestPki;

namespace {

const QString OrderRef = QStringLiteral("131daac9-16c6-4618-beb0-365768f37288");
const QByteArray OrderBody = R"({"orderRef":"131daac9-16c6-4618-beb0-365768f37288","autoStartToken":"7c40b5c9-fa74-49cf-b98c-bfe651f9a7c6","qrStartToken":"67df3917-fa0d-44e5-b327-edcc928297f8","qrStartSecret":"d28db9a7-4cde-429e-a983-359be676944c"})";
const QByteArray CompletionMembers = R"("user":{"personalNumber":"190000000000","name":"Karl Karlsson","givenName":"Karl","surname":"Karlsson"},"device":{"ipAddress":"192.0.2.1"},"bankIdIssueDate":"2020-02-01","signature":"PHNpZ24+","ocspResponse":"MIIH")";

// Short guards, so that a stalled case proves its bound in seconds: the session's deadline is far above
// the request deadline, so a case ended by the deadline would show up as Kind::Deadline, not Timeout.
constexpr int TransferTimeoutMs = 2000;
constexpr int RequestDeadlineMs = 4000;
constexpr int SessionDeadlineMs = 30000;

QByteArray completeBody(const QByteArray &completionMembers = CompletionMembers)
{
    return R"({"orderRef":"131daac9-16c6-4618-beb0-365768f37288","status":"complete","completionData":{)" + completionMembers + "}}";
}

QByteArray okAnswer(const QByteArray &body)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
           + "\r\n\r\n" + body;
}

CannedResponse rawAnswer(const QByteArray &raw)
{
    CannedResponse response;
    response.raw = raw;
    return response;
}

OrderRequest authRequest()
{
    OrderRequest request;
    request.flow = Flow::Auth;
    request.endUserIp = QStringLiteral("192.0.2.1");
    return request;
}

/// How one session against a hostile server ended.
struct SessionEnd
{
    OrderSession::State state = OrderSession::State::Idle;
    QString kind;      ///< RpError::kindName() of the failure's error; "deadline"/"hint" for other failures
    QString message;   ///< the failure's technical message
    qint64 elapsedMs = 0;
    bool ended = false;
};

} // namespace

class TestHostileServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void hostileAnswers_data();
    void hostileAnswers();
    void serverCertificateChangesBetweenConnections_data();
    void serverCertificateChangesBetweenConnections();

private:
    RpConfig config() const;
    /// Runs one auth order through a fresh RpClient/OrderSession until it ends (or `waitMs` passes).
    SessionEnd runOrder(int waitMs = SessionDeadlineMs + 10000);

    TestPki m_pki;
    QHash<QString, TestPki::Credential> m_servers;
    std::unique_ptr<ScriptedHttpsServer> m_server;
};

void TestHostileServer::initTestCase()
{
    if (!m_pki.isValid())
        QSKIP(qPrintable(QStringLiteral("cannot mint test certificates: ") + m_pki.errorString()));
    QVERIFY2(m_pki.createStandardSet(), qPrintable(m_pki.errorString()));
    QHash<QString, TestPki::Credential> clients;
    QVERIFY2(m_pki.createTlsFailureSet(&m_servers, &clients), qPrintable(m_pki.errorString()));
}

void TestHostileServer::init()
{
    m_server = std::make_unique<ScriptedHttpsServer>();
    QVERIFY(m_server->listen(m_pki.server(), {m_pki.clientCa().certificate}));
}

void TestHostileServer::cleanup()
{
    m_server.reset();
}

RpConfig TestHostileServer::config() const
{
    RpConfig config = RpConfig::forEnvironment(Environment::Custom,
                                               ClientIdentity::fromParts(m_pki.client().certificate, m_pki.client().key));
    config.baseUrl = m_server->baseUrl(QStringLiteral("localhost"));
    config.caCertificates = {m_pki.serverCa().certificate};
    config.transferTimeoutMs = TransferTimeoutMs;
    config.requestDeadlineMs = RequestDeadlineMs;
    return config;
}

SessionEnd TestHostileServer::runOrder(int waitMs)
{
    QNetworkAccessManager nam;
    RpClient client(&nam, config());
    SteadyClock clock;
    OrderSession session(&client, &clock);
    SessionEnd end;
    QElapsedTimer timer;
    QEventLoop loop;
    auto finish = [&] {
        end.ended = true;
        end.elapsedMs = timer.elapsed();
        end.state = session.state();
        loop.quit();
    };
    connect(&session, &OrderSession::completed, &loop, [&] {
        end.kind = RpError::kindName(RpError::Kind::None);
        finish();
    });
    connect(&session, &OrderSession::failed, &loop, [&](const OrderFailure &failure) {
        switch (failure.kind) {
        case OrderFailure::Kind::Error: end.kind = RpError::kindName(failure.error.kind()); break;
        case OrderFailure::Kind::Deadline: end.kind = QStringLiteral("deadline"); break;
        default: end.kind = QStringLiteral("hint"); break;
        }
        end.message = failure.technicalMessage;
        finish();
    });
    QTimer::singleShot(waitMs, &loop, &QEventLoop::quit);
    OrderSession::Options options;
    options.deadlineMs = SessionDeadlineMs;
    timer.start();
    session.start(authRequest(), options);
    loop.exec();
    if (!end.ended)
        end.state = session.state();
    // Let the background /cancel (and any late re-send, which must not happen) reach the server.
    QTest::qWait(300);
    return end;
}

void TestHostileServer::hostileAnswers_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<CannedResponse>("answer");
    QTest::addColumn<OrderSession::State>("state");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("messageContains");
    QTest::addColumn<int>("maxMs");

    using S = OrderSession::State;
    const QString invalid = RpError::kindName(RpError::Kind::InvalidResponse);
    const QString timeout = RpError::kindName(RpError::Kind::Timeout);
    const QString none = RpError::kindName(RpError::Kind::None);
    const QString auth = QStringLiteral("auth");
    const QString collect = QStringLiteral("collect");
    const QString overCap = QStringLiteral("larger than the limit of 1048576 bytes");
    // Generous bounds: they prove "no hang", the figures are printed.
    const int quick = 10000;
    const int deadlineBound = RequestDeadlineMs + 6000;

    // Stalling and flooding.
    QTest::newRow("drip_one_byte_per_second") << auth << HostileResponses::slowDrip(1000) << S::Failed << timeout
                                              << QStringLiteral("request deadline of 4000 ms") << deadlineBound;
    // On /collect a timeout is retried (maxTransientRetries 3, with backoff): four stalled collects, then the
    // session fails, still well within its deadline, and cancels the order.
    QTest::newRow("collect_drip_retried") << collect << HostileResponses::slowDrip(1000) << S::Failed << timeout
                                          << QStringLiteral("(gave up after 3 retries)") << 4 * deadlineBound;
    QTest::newRow("endless_chunked_body") << auth << HostileResponses::endlessChunkedBody() << S::Failed << invalid << overCap << quick;
    QTest::newRow("continue_x10000_then_answer")
        << auth << HostileResponses::interimContinues(10000, okAnswer(OrderBody)) << S::Complete << none << QString() << quick;
    QTest::newRow("continue_x10000_instead_of_answer")
        << auth << HostileResponses::interimContinues(10000, {}) << S::Failed << timeout << QString() << deadlineBound;
    // Interim answers and an endless head line are head bytes: the head guard stops them at its limit.
    const QString headGuard = QStringLiteral("without finishing the head of its answer");
    QTest::newRow("continue_endless") << auth << HostileResponses::endlessInterimContinues() << S::Failed << invalid
                                      << headGuard << quick;
    QTest::newRow("body_100MB_content_length")
        << auth << HostileResponses::hugeBody(100 * 1024 * 1024, true) << S::Failed << invalid << overCap << quick;
    QTest::newRow("body_100MB_close_delimited")
        << auth << HostileResponses::hugeBody(100 * 1024 * 1024, false) << S::Failed << invalid << overCap << quick;
    // A head that ends but breaks Qt 6.4's header limits stalls without an error: the transfer timeout ends it.
    const QString stalled = QStringLiteral("(the transfer timeout)");
    QTest::newRow("header_1MB_single") << auth << HostileResponses::hugeHeader(1024 * 1024, OrderBody) << S::Failed
                                       << timeout << stalled << deadlineBound;
    QTest::newRow("header_1MB_many") << auth << HostileResponses::manyHeaders(20000, OrderBody) << S::Failed << timeout
                                     << stalled << deadlineBound;
    QTest::newRow("header_endless") << auth << HostileResponses::endlessHeader() << S::Failed << invalid << headGuard
                                    << quick;

    // Lies in the JSON.
    QTest::newRow("invalid_utf8_in_hintCode")
        << collect << rawAnswer(okAnswer("{\"orderRef\":\"131daac9-16c6-4618-beb0-365768f37288\",\"status\":\"pending\",\"hintCode\":\"user\xff\xfeSign\"}"))
        << S::Failed << invalid << QStringLiteral("invalid UTF8 string") << quick;
    QTest::newRow("orderRef_number") << auth
                                     << CannedResponse::json(200, R"({"orderRef":123,"autoStartToken":"a","qrStartToken":"b","qrStartSecret":"c"})")
                                     << S::Failed << invalid << QStringLiteral("'orderRef' is not a string") << quick;
    QTest::newRow("status_number") << collect
                                   << CannedResponse::json(200, R"({"orderRef":"131daac9-16c6-4618-beb0-365768f37288","status":1})")
                                   << S::Failed << invalid << QStringLiteral("'status' is not a string") << quick;
    QTest::newRow("hintCode_true") << collect
                                   << CannedResponse::json(200, R"({"orderRef":"131daac9-16c6-4618-beb0-365768f37288","status":"pending","hintCode":true})")
                                   << S::Failed << invalid << QStringLiteral("'hintCode' is not a string") << quick;
    QTest::newRow("complete_without_completionData")
        << collect << CannedResponse::json(200, R"({"orderRef":"131daac9-16c6-4618-beb0-365768f37288","status":"complete"})")
        << S::Failed << invalid << QStringLiteral("'completionData' is missing") << quick;
    QTest::newRow("complete_without_orderRef")
        << collect << CannedResponse::json(200, R"({"status":"complete","completionData":{)" + CompletionMembers + "}}")
        << S::Failed << invalid << QStringLiteral("'orderRef' is missing") << quick;
    QTest::newRow("completionData_user_missing")
        << collect << CannedResponse::json(200, completeBody(R"("device":{"ipAddress":"192.0.2.1"},"signature":"PHNpZ24+","ocspResponse":"MIIH")"))
        << S::Failed << invalid << QStringLiteral("'completionData.user' is missing") << quick;
    QTest::newRow("completionData_name_number")
        << collect
        << CannedResponse::json(200, completeBody(QByteArray(CompletionMembers).replace(R"("name":"Karl Karlsson")", R"("name":42)")))
        << S::Failed << invalid << QStringLiteral("'completionData.user.name' is not a string") << quick;
    QTest::newRow("completionData_device_string")
        << collect
        << CannedResponse::json(200, completeBody(QByteArray(CompletionMembers).replace(R"({"ipAddress":"192.0.2.1"})", R"("192.0.2.1")")))
        << S::Failed << invalid << QStringLiteral("'completionData.device' is not an object") << quick;
    QTest::newRow("completionData_not_object")
        << collect << CannedResponse::json(200, R"({"orderRef":"131daac9-16c6-4618-beb0-365768f37288","status":"complete","completionData":[]})")
        << S::Failed << invalid << QStringLiteral("'completionData' is not an object") << quick;
    QTest::newRow("collect_for_another_order")
        << collect << CannedResponse::json(200, QByteArray(completeBody()).replace("131daac9-16c6-4618-beb0-365768f37288", "another-order"))
        << S::Failed << invalid << QStringLiteral("another-order") << quick;

    // Ambiguous answers: refused, never resolved by whichever key the parser keeps.
    QTest::newRow("duplicate_status")
        << collect
        << CannedResponse::json(200, R"({"orderRef":"131daac9-16c6-4618-beb0-365768f37288","status":"pending","status":"complete","completionData":{)" + CompletionMembers + "}}")
        << S::Failed << invalid << QStringLiteral("member 'status' more than once") << quick;
    QTest::newRow("duplicate_escaped_status")
        << collect
        << CannedResponse::json(200, R"({"orderRef":"131daac9-16c6-4618-beb0-365768f37288","status":"pending","st\u0061tus":"complete","completionData":{)" + CompletionMembers + "}}")
        << S::Failed << invalid << QStringLiteral("member 'status' more than once") << quick;
    QTest::newRow("duplicate_nested_personalNumber")
        << collect
        << CannedResponse::json(200, completeBody(QByteArray(CompletionMembers).replace(R"("personalNumber":"190000000000")",
                                                                                        R"("personalNumber":"190000000000","personalNumber":"200001010000")")))
        << S::Failed << invalid << QStringLiteral("member 'completionData.user.personalNumber' more than once") << quick;
    QTest::newRow("duplicate_errorCode_in_error")
        << auth << CannedResponse::json(400, R"({"errorCode":"maintenance","errorCode":"invalidParameters","details":"x"})")
        << S::Failed << RpError::kindName(RpError::Kind::Api)
        << QStringLiteral("HTTP 400 invalidParameters (errorCode implied by the status; the body had none): the body is not "
                          "BankID's JSON: it has the member 'errorCode' more than once")
        << quick;
    QTest::newRow("duplicate_orderRef_in_order")
        << auth
        << CannedResponse::json(200, QByteArray(OrderBody).replace("{", R"({"orderRef":"6a5d2b52-0000-4000-8000-000000000000",)"))
        << S::Failed << invalid << QStringLiteral("member 'orderRef' more than once") << quick;

    // Redirects: never followed; the status and the target are named.
    for (const int status : {301, 302, 307, 308}) {
        QTest::addRow("redirect_%d", status)
            << auth << HostileResponses::redirect(status, "https://elsewhere.example/rp/v6.0/auth", OrderBody) << S::Failed
            << invalid << QStringLiteral("HTTP %1, a redirect to \"https://elsewhere.example/rp/v6.0/auth\"").arg(status) << quick;
    }
}

void TestHostileServer::hostileAnswers()
{
    QFETCH(QString, endpoint);
    QFETCH(CannedResponse, answer);
    QFETCH(OrderSession::State, state);
    QFETCH(QString, kind);
    QFETCH(QString, messageContains);
    QFETCH(int, maxMs);

    // As many times as a request may be sent (the first try and OrderSession's 3 silent retries): a row whose
    // request is retried meets the same server every time, and a second order would find an answer too.
    for (int i = 0; i < 4; ++i)
        m_server->enqueue(endpoint, answer);
    if (endpoint != QLatin1String("auth"))
        m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, OrderBody));
    m_server->enqueue(QStringLiteral("collect"), CannedResponse::json(200, completeBody()));
    m_server->enqueue(QStringLiteral("cancel"), CannedResponse::json(200, "{}"));

    const SessionEnd end = runOrder();
    qInfo().noquote() << "hostile" << QTest::currentDataTag() << ":" << OrderSession::stateName(end.state) << end.kind
                      << end.elapsedMs << "ms" << "|" << end.message.left(200);
    QVERIFY2(end.ended, "the session did not end");
    QCOMPARE(OrderSession::stateName(end.state), OrderSession::stateName(state));
    QCOMPARE(end.kind, kind);
    QVERIFY2(end.message.contains(messageContains), qPrintable(end.message));
    QVERIFY2(end.elapsedMs < maxMs, qPrintable(QStringLiteral("ended after %1 ms").arg(end.elapsedMs)));
    QCOMPARE(m_server->requestsTo(QStringLiteral("auth")).size(), 1);
}

void TestHostileServer::serverCertificateChangesBetweenConnections_data()
{
    QTest::addColumn<QString>("laterServer");
    QTest::addColumn<int>("problem");
    QTest::newRow("later_cert_from_untrusted_ca") << QStringLiteral("unpinned-ca") << int(RpError::ServerCertificateProblem::UntrustedIssuer);
    QTest::newRow("later_cert_for_another_host") << QStringLiteral("other-host") << int(RpError::ServerCertificateProblem::HostnameMismatch);
}

void TestHostileServer::serverCertificateChangesBetweenConnections()
{
    // The order is answered on a connection with the trusted certificate, which the server then closes;
    // the collect needs a new connection, where the server presents another certificate.
    QFETCH(QString, laterServer);
    QFETCH(int, problem);
    QVERIFY2(m_servers.contains(laterServer), qPrintable(laterServer));
    CannedResponse order = CannedResponse::json(200, OrderBody);
    order.closeAfterResponse = true;
    m_server->enqueue(QStringLiteral("auth"), order);
    m_server->enqueue(QStringLiteral("collect"), CannedResponse::json(200, completeBody()));
    const TestPki::Credential later = m_servers.value(laterServer);
    connect(m_server.get(), &ScriptedHttpsServer::requestReceived, this, [this, later](const test::RecordedRequest &request) {
        if (request.endpoint == "auth")
            m_server->setServerCredential(later);
    });

    QNetworkAccessManager nam;
    RpClient client(&nam, config());
    SteadyClock clock;
    OrderSession session(&client, &clock);
    QSignalSpy failed(&session, &OrderSession::failed);
    QElapsedTimer timer;
    timer.start();
    OrderSession::Options options;
    options.deadlineMs = SessionDeadlineMs;
    session.start(authRequest(), options);
    QVERIFY(failed.wait(SessionDeadlineMs));
    const qint64 elapsed = timer.elapsed();
    const OrderFailure failure = failed.first().first().value<OrderFailure>();
    qInfo().noquote() << "hostile" << QTest::currentDataTag() << ":" << OrderSession::stateName(session.state())
                      << RpError::kindName(failure.error.kind()) << elapsed << "ms" << "|" << failure.technicalMessage.left(200);
    QCOMPARE(session.state(), OrderSession::State::Failed);
    QCOMPARE(RpError::kindName(failure.error.kind()), RpError::kindName(RpError::Kind::ServerCertificateUntrusted));
    QCOMPARE(int(failure.error.serverCertificateProblem()), problem);
    QVERIFY2(elapsed < 10000, qPrintable(QStringLiteral("ended after %1 ms").arg(elapsed)));
    QTest::qWait(500); // room for a re-sent order, which must not come
    QCOMPARE(m_server->requestsTo(QStringLiteral("auth")).size(), 1);
    QCOMPARE(m_server->requestsTo(QStringLiteral("collect")).size(), 0); // nothing reached the other certificate's server
    QVERIFY2(m_server->handshakeFailureCount() >= 1, "the collect's connection must fail in the handshake");
}

QTEST_GUILESS_MAIN(TestHostileServer)
#include "TestHostileServer.moc"
