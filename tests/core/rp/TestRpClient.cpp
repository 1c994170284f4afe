// RpClient/RpCall against a scripted HTTPS server with real mutual TLS on loopback: the exact bytes sent,
// keep-alive reuse, timeouts, the request deadline and size cap, an order request sent once, invalid bodies,
// BankID error bodies and which statuses are retried, local validation and reply hygiene.

#include "RpClient.h"
#include "RequestValidator.h"
#include "ScriptedHttpsServer.h"
#include "TestPki.h"

#include <QTcpServer>
#include <QtTest>

using namespace bankid;
using bankid::test::CannedResponse;
using bankid::test::ScriptedHttpsServer;
using bankid::test::TestPki;

namespace {

const QString OrderRef = QStringLiteral("131daac9-16c6-4618-beb0-365768f37288");
const QByteArray OrderBody = R"({"orderRef":"131daac9-16c6-4618-beb0-365768f37288","autoStartToken":"7c40b5c9-fa74-49cf-b98c-bfe651f9a7c6","qrStartToken":"67df3917-fa0d-44e5-b327-edcc928297f8","qrStartSecret":"d28db9a7-4cde-429e-a983-359be676944c"})";

OrderRequest authRequest()
{
    OrderRequest request;
    request.flow = Flow::Auth;
    request.endUserIp = QStringLiteral("192.0.2.1");
    return request;
}

} // namespace

class TestRpClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void requestBytes_data();
    void requestBytes();
    void keepAliveReusesOneConnection();
    void transferTimeout();
    void requestDeadlineStopsADrippingServer();
    void oversizedAnswerIsAborted_data();
    void oversizedAnswerIsAborted();
    void orderRequestIsSentOnce_data();
    void orderRequestIsSentOnce();
    void statusDecidesRetries_data();
    void statusDecidesRetries();
    void unreachableServerNeverGotTheRequest();
    void invalidBodies_data();
    void invalidBodies();
    void bankIdErrors_data();
    void bankIdErrors();
    void localValidationNeverSends();
    void emptyOrderRefNeverSends();
    void unusableConfigNeverSends();
    void abortReportsCancelled();
    void trailingSlashInBaseUrl();
    void repliesAndCallsAreDeleted();

private:
    RpConfig configFor(const QUrl &baseUrl) const;
    /// Waits for `call` to finish (it must not auto-delete).
    bool waitFor(RpCall *call, int timeoutMs = 10000);

    TestPki m_pki;
    std::unique_ptr<ScriptedHttpsServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<RpClient> m_client;
};

void TestRpClient::initTestCase()
{
    if (!m_pki.isValid())
        QSKIP(qPrintable(QStringLiteral("cannot mint test certificates: ") + m_pki.errorString()));
    QVERIFY2(m_pki.createStandardSet(), qPrintable(m_pki.errorString()));
}

RpConfig TestRpClient::configFor(const QUrl &baseUrl) const
{
    RpConfig config = RpConfig::forEnvironment(Environment::Custom,
                                               ClientIdentity::fromParts(m_pki.client().certificate, m_pki.client().key));
    config.baseUrl = baseUrl;
    config.caCertificates = {m_pki.serverCa().certificate};
    return config;
}

void TestRpClient::init()
{
    m_server = std::make_unique<ScriptedHttpsServer>();
    QVERIFY(m_server->listen(m_pki.server(), {m_pki.clientCa().certificate}));
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<RpClient>(m_nam.get(), configFor(m_server->baseUrl()));
}

void TestRpClient::cleanup()
{
    m_client.reset();
    m_nam.reset();
    m_server.reset();
}

bool TestRpClient::waitFor(RpCall *call, int timeoutMs)
{
    call->setAutoDelete(false);
    if (call->isFinished())
        return true;
    QSignalSpy spy(call, &RpCall::finished);
    return spy.wait(timeoutMs) && spy.size() == 1;
}

void TestRpClient::requestBytes_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("endpoint");
    QTest::addColumn<QByteArray>("expectedBody");

    QTest::newRow("auth") << QStringLiteral("auth") << QByteArray("auth") << QByteArray(R"({"endUserIp":"192.0.2.1"})");
    QTest::newRow("sign_with_visible_data") << QStringLiteral("sign") << QByteArray("sign")
                                            << QByteArray(R"({"endUserIp":"192.0.2.1","userVisibleData":"w4VrZXIgdGlsbCBCb2Rlbg=="})");
    QTest::newRow("collect") << QStringLiteral("collect") << QByteArray("collect")
                             << QByteArray(R"({"orderRef":"131daac9-16c6-4618-beb0-365768f37288"})");
    QTest::newRow("cancel") << QStringLiteral("cancel") << QByteArray("cancel")
                            << QByteArray(R"({"orderRef":"131daac9-16c6-4618-beb0-365768f37288"})");
}

void TestRpClient::requestBytes()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, endpoint);
    QFETCH(QByteArray, expectedBody);

    RpCall *call = nullptr;
    if (kind == QLatin1String("auth")) {
        m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, OrderBody));
        call = m_client->start(authRequest());
    } else if (kind == QLatin1String("sign")) {
        OrderRequest request = authRequest();
        request.flow = Flow::Sign;
        request.userVisibleData = QStringLiteral("Åker till Boden").toUtf8();
        QVERIFY(!RequestValidator::validate(request));
        m_server->enqueue(QStringLiteral("sign"), CannedResponse::json(200, OrderBody));
        call = m_client->start(request);
    } else if (kind == QLatin1String("collect")) {
        m_server->enqueue(QStringLiteral("collect"),
                          CannedResponse::json(200, R"({"orderRef":"131daac9-16c6-4618-beb0-365768f37288","status":"pending","hintCode":"outstandingTransaction"})"));
        call = m_client->collect(OrderRef);
    } else {
        m_server->enqueue(QStringLiteral("cancel"), CannedResponse::json(200, "{}"));
        call = m_client->cancel(OrderRef);
    }
    QVERIFY(waitFor(call));
    QVERIFY2(call->ok(), qPrintable(call->error().technicalMessage()));
    QCOMPARE(call->httpStatus(), 200);

    QCOMPARE(m_server->requestCount(), 1);
    const auto request = m_server->requests().first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.target, QByteArray("/rp/v6.0/") + endpoint);
    QCOMPARE(request.version, QByteArray("HTTP/1.1"));
    QCOMPARE(request.headerValues("Content-Type"), QList<QByteArray>{"application/json"});
    QVERIFY2(!request.rawHead.contains("charset"), request.rawHead.constData());
    QCOMPARE(request.headerValues("Content-Length"), QList<QByteArray>{QByteArray::number(expectedBody.size())});
    QCOMPARE(request.body, expectedBody);
    QVERIFY2(request.clientCertificatePresented, "the RP certificate must be presented");

    if (kind == QLatin1String("auth") || kind == QLatin1String("sign")) {
        QCOMPARE(call->orderResponse().orderRef, OrderRef);
        QCOMPARE(call->orderResponse().qrStartToken, QStringLiteral("67df3917-fa0d-44e5-b327-edcc928297f8"));
    } else if (kind == QLatin1String("collect")) {
        QCOMPARE(call->collectResponse().status, CollectStatus::Pending);
        QCOMPARE(call->collectResponse().hintCode, QStringLiteral("outstandingTransaction"));
    }
    delete call;
}

void TestRpClient::keepAliveReusesOneConnection()
{
    constexpr int requests = 6;
    for (int i = 0; i < requests; ++i) {
        m_server->enqueue(QStringLiteral("collect"),
                          CannedResponse::json(200, R"({"orderRef":"131daac9-16c6-4618-beb0-365768f37288","status":"pending","hintCode":"userSign"})"));
    }
    for (int i = 0; i < requests; ++i) {
        RpCall *call = m_client->collect(OrderRef);
        QVERIFY(waitFor(call));
        QVERIFY2(call->ok(), qPrintable(call->error().technicalMessage()));
        delete call;
    }
    QCOMPARE(m_server->requestCount(), requests);
    QCOMPARE(m_server->connectionCount(), 1);
    QCOMPARE(m_server->encryptedConnectionCount(), 1);
    for (const auto &request : m_server->requests())
        QCOMPARE(request.connection, 1);
}

void TestRpClient::transferTimeout()
{
    RpConfig config = configFor(m_server->baseUrl());
    config.transferTimeoutMs = 400;
    RpClient client(m_nam.get(), config);
    m_server->enqueue(QStringLiteral("collect"), CannedResponse::json(200, R"({"orderRef":"x","status":"pending","hintCode":"userSign"})", 5000));
    RpCall *call = client.collect(OrderRef);
    QVERIFY(waitFor(call));
    QCOMPARE(call->error().kind(), RpError::Kind::Timeout);
    QVERIFY(call->error().retriable());
    QCOMPARE(call->error().rfa(), Rfa::Rfa5);
    QVERIFY2(call->error().technicalMessage().contains(QStringLiteral("400 ms")), qPrintable(call->error().technicalMessage()));
    QVERIFY2(call->durationMs() < 3000, "the transfer timeout must cut the exchange short");
    delete call;
}

void TestRpClient::requestDeadlineStopsADrippingServer()
{
    // After the headers, one body byte every 100 ms keeps QNAM's inactivity timer (1 s here) from ever
    // firing; the total deadline must end the request anyway.
    RpConfig config = configFor(m_server->baseUrl());
    config.transferTimeoutMs = 1000;
    config.requestDeadlineMs = 1500;
    RpClient client(m_nam.get(), config);
    CannedResponse drip = CannedResponse::json(200, R"({"orderRef":"131daac9-16c6-4618-beb0-365768f37288","status":"pending","hintCode":"userSign"})");
    drip.dripIntervalMs = 100;
    m_server->enqueue(QStringLiteral("collect"), drip);
    RpCall *call = client.collect(OrderRef);
    QVERIFY(waitFor(call, 15000));
    QCOMPARE(RpError::kindName(call->error().kind()), RpError::kindName(RpError::Kind::Timeout));
    QVERIFY2(call->error().technicalMessage().contains(QStringLiteral("request deadline of 1500 ms")),
             qPrintable(call->error().technicalMessage()));
    QVERIFY2(call->durationMs() < 6000, qPrintable(QStringLiteral("took %1 ms").arg(call->durationMs())));
    delete call;
}

void TestRpClient::oversizedAnswerIsAborted_data()
{
    QTest::addColumn<bool>("announced");
    QTest::newRow("content_length_5MB") << true;
    QTest::newRow("streamed_5MB_until_close") << false;
}

void TestRpClient::oversizedAnswerIsAborted()
{
    QFETCH(bool, announced);
    const QByteArray body = R"({"orderRef":")" + QByteArray(5 * 1024 * 1024, 'a') + R"(","status":"pending","hintCode":"userSign"})";
    QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
    head += announced ? "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" : QByteArray("Connection: close\r\n\r\n");
    CannedResponse response;
    response.raw = head + body;
    response.closeAfterResponse = !announced;
    m_server->enqueue(QStringLiteral("collect"), response);
    RpCall *call = m_client->collect(OrderRef);
    QVERIFY(waitFor(call, 15000));
    QCOMPARE(RpError::kindName(call->error().kind()), RpError::kindName(RpError::Kind::InvalidResponse));
    QVERIFY2(call->error().technicalMessage().contains(QStringLiteral("larger than the limit of 1048576 bytes")),
             qPrintable(call->error().technicalMessage()));
    QVERIFY(call->collectResponse().orderRef.isEmpty());
    delete call;
}

void TestRpClient::orderRequestIsSentOnce_data()
{
    QTest::addColumn<CannedResponse::Breakage>("breakage");
    QTest::newRow("close_after_reading_the_request") << CannedResponse::Breakage::CloseWithoutAnswer;
    QTest::newRow("partial_200") << CannedResponse::Breakage::TruncatedBody;
    QTest::newRow("timeout") << CannedResponse::Breakage::LateAnswer;
}

void TestRpClient::orderRequestIsSentOnce()
{
    // QNAM re-sends a request whose connection closes before any answer byte; an /auth must never be.
    QFETCH(CannedResponse::Breakage, breakage);
    RpConfig config = configFor(m_server->baseUrl());
    config.transferTimeoutMs = 800;
    RpClient client(m_nam.get(), config);
    const CannedResponse response = CannedResponse::broken(breakage, OrderBody);
    m_server->enqueue(QStringLiteral("auth"), response);
    m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, OrderBody)); // a second order, if asked
    RpCall *call = client.start(authRequest());
    QVERIFY(waitFor(call, 15000));
    QVERIFY(!call->ok());
    QVERIFY2(!call->error().requestNeverProcessed(), qPrintable(call->error().technicalMessage()));
    QTest::qWait(1000); // room for a late re-send
    QCOMPARE(m_server->requestsTo(QStringLiteral("auth")).size(), 1);
    delete call;
}

void TestRpClient::statusDecidesRetries_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("retriable");
    QTest::addColumn<bool>("neverProcessed");

    const QByteArray html = "<html><body><h1>Service Unavailable</h1></body></html>";
    QTest::newRow("503_html_from_a_load_balancer") << 503 << QByteArray("text/html") << html << true << true;
    QTest::newRow("429_empty") << 429 << QByteArray("text/plain") << QByteArray() << true << true;
    QTest::newRow("502_html_gateway") << 502 << QByteArray("text/html") << html << true << false;
    QTest::newRow("504_html_gateway") << 504 << QByteArray("text/html") << html << true << false;
    QTest::newRow("500_bankid_internalError") << 500 << QByteArray("application/json")
                                              << QByteArray(R"({"errorCode":"internalError","details":"x"})") << false << false;
    QTest::newRow("400_html") << 400 << QByteArray("text/html") << html << false << false;
}

void TestRpClient::statusDecidesRetries()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(bool, retriable);
    QFETCH(bool, neverProcessed);
    CannedResponse response = CannedResponse::json(status, body);
    response.contentType = contentType;
    m_server->enqueue(QStringLiteral("auth"), response);
    RpCall *call = m_client->start(authRequest());
    QVERIFY(waitFor(call));
    QCOMPARE(RpError::kindName(call->error().kind()), RpError::kindName(RpError::Kind::Api));
    QCOMPARE(call->error().httpStatus(), status);
    QCOMPARE(call->error().retriable(), retriable);
    QCOMPARE(call->error().requestNeverProcessed(), neverProcessed);
    if (!body.isEmpty() && contentType != "application/json")
        QVERIFY2(call->error().technicalMessage().contains(QStringLiteral("Service Unavailable")),
                 qPrintable(call->error().technicalMessage()));
    delete call;
}

void TestRpClient::unreachableServerNeverGotTheRequest()
{
    // A port nobody listens on: connection refused, nothing was written.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    RpClient client(m_nam.get(), configFor(QUrl(QStringLiteral("https://127.0.0.1:%1/rp/v6.0").arg(port))));
    RpCall *call = client.start(authRequest());
    QVERIFY(waitFor(call));
    QCOMPARE(RpError::kindName(call->error().kind()), RpError::kindName(RpError::Kind::Connection));
    QVERIFY(call->error().retriable());
    QVERIFY(call->error().requestNeverProcessed());
    delete call;
}

void TestRpClient::invalidBodies_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("messageContains");

    QTest::newRow("html_200_page") << QStringLiteral("auth") << QByteArray("text/html")
                                   << QByteArray("<html><head><title>Welcome</title></head><body>Proxy</body></html>")
                                   << QStringLiteral("not JSON");
    QTest::newRow("collect_for_another_order")
        << QStringLiteral("collect") << QByteArray("application/json")
        << QByteArray(R"({"orderRef":"another-order","status":"pending","hintCode":"userSign"})") << QStringLiteral("another-order");
    QTest::newRow("truncated_json") << QStringLiteral("auth") << QByteArray("application/json")
                                    << QByteArray(R"({"orderRef":"131daac9-16c6-4618-beb0-365768f37288","autoStartTo)")
                                    << QStringLiteral("not JSON");
    QTest::newRow("json_array") << QStringLiteral("auth") << QByteArray("application/json") << QByteArray("[]")
                                << QStringLiteral("not an object");
    QTest::newRow("order_missing_qrStartSecret")
        << QStringLiteral("auth") << QByteArray("application/json")
        << QByteArray(R"({"orderRef":"a","autoStartToken":"b","qrStartToken":"c"})") << QStringLiteral("qrStartSecret");
    QTest::newRow("collect_missing_status") << QStringLiteral("collect") << QByteArray("application/json")
                                            << QByteArray(R"({"orderRef":"a"})") << QStringLiteral("status");
    QTest::newRow("empty_body") << QStringLiteral("collect") << QByteArray("application/json") << QByteArray()
                                << QStringLiteral("not JSON");
}

void TestRpClient::invalidBodies()
{
    QFETCH(QString, endpoint);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, messageContains);

    CannedResponse response = CannedResponse::json(200, body);
    response.contentType = contentType;
    m_server->enqueue(endpoint, response);
    RpCall *call = endpoint == QLatin1String("auth") ? m_client->start(authRequest()) : m_client->collect(OrderRef);
    QVERIFY(waitFor(call));
    QCOMPARE(RpError::kindName(call->error().kind()), RpError::kindName(RpError::Kind::InvalidResponse));
    QCOMPARE(call->httpStatus(), 200);
    QVERIFY2(call->error().technicalMessage().contains(messageContains), qPrintable(call->error().technicalMessage()));
    QCOMPARE(call->error().rfa(), Rfa::Rfa22);
    delete call;
}

void TestRpClient::bankIdErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<Rfa>("rfa");
    QTest::addColumn<bool>("retriable");

    QTest::newRow("400_alreadyInProgress") << 400 << QStringLiteral("alreadyInProgress") << Rfa::Rfa4 << false;
    QTest::newRow("400_invalidParameters") << 400 << QStringLiteral("invalidParameters") << Rfa::Rfa22 << false;
    QTest::newRow("401_unauthorized") << 401 << QStringLiteral("unauthorized") << Rfa::Rfa22 << false;
    QTest::newRow("403_unauthorized") << 403 << QStringLiteral("unauthorized") << Rfa::Rfa22 << false;
    QTest::newRow("404_notFound") << 404 << QStringLiteral("notFound") << Rfa::Rfa22 << false;
    QTest::newRow("405_methodNotAllowed") << 405 << QStringLiteral("methodNotAllowed") << Rfa::Rfa22 << false;
    QTest::newRow("408_requestTimeout") << 408 << QStringLiteral("requestTimeout") << Rfa::Rfa5 << false;
    QTest::newRow("415_unsupportedMediaType") << 415 << QStringLiteral("unsupportedMediaType") << Rfa::Rfa22 << false;
    QTest::newRow("429_tooManyRequests") << 429 << QStringLiteral("tooManyRequests") << Rfa::Rfa5 << true;
    QTest::newRow("500_internalError") << 500 << QStringLiteral("internalError") << Rfa::Rfa5 << false;
    QTest::newRow("503_maintenance") << 503 << QStringLiteral("maintenance") << Rfa::Rfa5 << true;
    QTest::newRow("400_unknown_code") << 400 << QStringLiteral("somethingNew") << Rfa::Rfa22 << false;
}

void TestRpClient::bankIdErrors()
{
    QFETCH(int, status);
    QFETCH(QString, errorCode);
    QFETCH(Rfa, rfa);
    QFETCH(bool, retriable);

    const QString details = QStringLiteral("details for %1").arg(errorCode);
    m_server->enqueue(QStringLiteral("auth"), CannedResponse::bankIdError(status, errorCode, details));
    RpCall *call = m_client->start(authRequest());
    QVERIFY(waitFor(call));
    QCOMPARE(RpError::kindName(call->error().kind()), RpError::kindName(RpError::Kind::Api));
    QCOMPARE(call->httpStatus(), status);
    QCOMPARE(call->error().httpStatus(), status);
    QCOMPARE(call->error().errorCode(), errorCode);
    QCOMPARE(call->error().details(), details);
    QCOMPARE(rfaId(call->error().rfa()), rfaId(rfa));
    QCOMPARE(call->error().retriable(), retriable);
    delete call;
}

void TestRpClient::localValidationNeverSends()
{
    OrderRequest request = authRequest();
    request.endUserIp.clear();
    RpCall *call = m_client->start(request);
    call->setAutoDelete(false);
    QSignalSpy spy(call, &RpCall::finished);
    QCOMPARE(spy.size(), 0); // asynchronous, even when refused locally
    QVERIFY(spy.wait(2000));
    QCOMPARE(call->error().kind(), RpError::Kind::Validation);
    QCOMPARE(call->error().field(), QStringLiteral("endUserIp"));
    QVERIFY(!call->error().rule().isEmpty());
    QVERIFY(call->error().technicalMessage().contains(QStringLiteral("before sending")));
    QTest::qWait(100);
    QCOMPARE(m_server->requestCount(), 0);
    QCOMPARE(m_server->connectionCount(), 0);
    QCOMPARE(spy.size(), 1);
    delete call;
}

void TestRpClient::emptyOrderRefNeverSends()
{
    RpCall *call = m_client->collect(QString());
    QVERIFY(waitFor(call));
    QCOMPARE(call->error().kind(), RpError::Kind::Validation);
    QCOMPARE(call->error().field(), QStringLiteral("orderRef"));
    QCOMPARE(m_server->connectionCount(), 0);
    delete call;
}

void TestRpClient::unusableConfigNeverSends()
{
    RpConfig config = configFor(m_server->baseUrl());
    config.caCertificates.clear();
    RpClient client(m_nam.get(), config);
    RpCall *call = client.collect(OrderRef);
    QVERIFY(waitFor(call));
    QCOMPARE(call->error().kind(), RpError::Kind::Configuration);
    QVERIFY(call->error().technicalMessage().contains(QStringLiteral("caCertificates")));
    QCOMPARE(m_server->connectionCount(), 0);
    delete call;
}

void TestRpClient::abortReportsCancelled()
{
    m_server->enqueue(QStringLiteral("collect"), CannedResponse::json(200, R"({"orderRef":"x","status":"pending","hintCode":"userSign"})", 3000));
    RpCall *call = m_client->collect(OrderRef);
    call->setAutoDelete(false);
    QSignalSpy spy(call, &RpCall::finished);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestsInFlight(), 1, 5000);
    call->abort();
    call->abort(); // idempotent
    QVERIFY(spy.wait(2000));
    QCOMPARE(call->error().kind(), RpError::Kind::Cancelled);
    QTest::qWait(50);
    QCOMPARE(spy.size(), 1);
    delete call;
}

void TestRpClient::trailingSlashInBaseUrl()
{
    QUrl base = m_server->baseUrl();
    base.setPath(base.path() + QLatin1Char('/'));
    RpClient client(m_nam.get(), configFor(base));
    m_server->enqueue(QStringLiteral("cancel"), CannedResponse::json(200, "{}"));
    RpCall *call = client.cancel(OrderRef);
    QVERIFY(waitFor(call));
    QVERIFY2(call->ok(), qPrintable(call->error().technicalMessage()));
    QCOMPARE(m_server->requests().first().target, QByteArray("/rp/v6.0/cancel"));
    delete call;
}

void TestRpClient::repliesAndCallsAreDeleted()
{
    m_server->enqueue(QStringLiteral("cancel"), CannedResponse::json(200, "{}"));
    m_server->enqueue(QStringLiteral("cancel"), CannedResponse::json(200, "{}"));

    // With auto-delete off the call stays, but its reply is gone once finished.
    RpCall *kept = m_client->cancel(OrderRef);
    QVERIFY(waitFor(kept));
    QTRY_VERIFY(kept->findChildren<QNetworkReply *>().isEmpty());
    delete kept;

    // By default the call deletes itself after finished(); nothing accumulates under the client.
    QPointer<RpCall> call = m_client->cancel(OrderRef);
    QSignalSpy spy(call.data(), &RpCall::finished);
    QVERIFY(spy.wait(5000));
    QTRY_VERIFY(call.isNull());
    QTRY_VERIFY(m_client->findChildren<RpCall *>().isEmpty());
    QTRY_VERIFY(m_client->findChildren<QNetworkReply *>().isEmpty());
}

QTEST_GUILESS_MAIN(TestRpClient)
#include "TestRpClient.moc"
