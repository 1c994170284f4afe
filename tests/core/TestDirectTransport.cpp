// RpClient's Direct transport (HttpsConnectionPool / HttpsConnection) against the scripted HTTPS server with
// real mutual TLS on loopback: what only a hand-written HTTP/1.1 client has to get right - chunked bodies,
// Connection: close, stale keep-alive connections (one transparent re-send, never after answer bytes),
// malformed answers, the pool's limits and reuse, one write per request, HTTP/1.1 when h2 is offered, and
// the automatic fall-back to the injected QNAM when a proxy applies. Rows that hold for both transports
// run for both.

#include "RpClient.h"
#include "ScriptedHttpsServer.h"
#include "TestPki.h"

#include <QNetworkProxy>
#include <QtTest>

using namespace bankid;
using bankid::test::CannedResponse;
using bankid::test::ScriptedHttpsServer;
using bankid::test::TestPki;
using Transport = bankid::RpConfig::Transport;

namespace {

const QString OrderRef = QStringLiteral("131daac9-16c6-4618-beb0-365768f37288");
const QByteArray PendingBody = R"({"orderRef":"131daac9-16c6-4618-beb0-365768f37288","status":"pending","hintCode":"userSign"})";

CannedResponse pending(int delayMs = 0)
{
    return CannedResponse::json(200, PendingBody, delayMs);
}

CannedResponse raw(const QByteArray &bytes, bool close = false)
{
    CannedResponse response;
    response.raw = bytes;
    response.closeAfterResponse = close;
    return response;
}

} // namespace

class TestDirectTransport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void chunkedResponse_data();
    void chunkedResponse();
    void connectionCloseMeansNewConnection_data();
    void connectionCloseMeansNewConnection();
    void staleKeepAliveIsResentOnce_data();
    void staleKeepAliveIsResentOnce();
    void closedPersistentlyIsResentOnlyOnce();
    void idleConnectionClosedByServer();
    void partialAnswerThenCloseIsNotResent();
    void malformedAnswers_data();
    void malformedAnswers();
    void poolOpensUpToConcurrencyThenReuses();
    void poolNeverExceedsSixConnections();
    void smallRequestArrivesInOneRead();
    void noGrowthOverManyRequests();
    void http11WhenServerOffersH2_data();
    void http11WhenServerOffersH2();
    void proxySelectsNetworkAccessManager_data();
    void proxySelectsNetworkAccessManager();

private:
    RpConfig config(Transport transport = Transport::Direct) const;
    std::unique_ptr<RpClient> client(Transport transport = Transport::Direct);
    /// Runs one collect to completion and returns the finished call (owned by the caller).
    std::unique_ptr<RpCall> collect(RpClient *client, int timeoutMs = 10000);

    TestPki m_pki;
    std::unique_ptr<ScriptedHttpsServer> m_server;
    QNetworkAccessManager m_nam;
};

void TestDirectTransport::initTestCase()
{
    if (!m_pki.isValid())
        QSKIP(qPrintable(QStringLiteral("cannot mint test certificates: ") + m_pki.errorString()));
    QVERIFY2(m_pki.createStandardSet(), qPrintable(m_pki.errorString()));
}

void TestDirectTransport::init()
{
    m_server = std::make_unique<ScriptedHttpsServer>();
    if (QByteArray(QTest::currentTestFunction()) != "http11WhenServerOffersH2")
        QVERIFY(m_server->listen(m_pki.server(), {m_pki.clientCa().certificate}));
}

void TestDirectTransport::cleanup()
{
    m_server.reset();
}

RpConfig TestDirectTransport::config(Transport transport) const
{
    RpConfig config = RpConfig::forEnvironment(Environment::Custom,
                                               ClientIdentity::fromParts(m_pki.client().certificate, m_pki.client().key));
    config.baseUrl = m_server->baseUrl();
    config.caCertificates = {m_pki.serverCa().certificate};
    config.transport = transport;
    return config;
}

std::unique_ptr<RpClient> TestDirectTransport::client(Transport transport)
{
    auto rp = std::make_unique<RpClient>(&m_nam, config(transport));
    m_nam.clearConnectionCache(); // every test starts from no kept-alive QNAM connection
    return rp;
}

std::unique_ptr<RpCall> TestDirectTransport::collect(RpClient *client, int timeoutMs)
{
    RpCall *call = client->collect(OrderRef);
    call->setAutoDelete(false);
    std::unique_ptr<RpCall> owner(call);
    QSignalSpy spy(call, &RpCall::finished);
    if (!spy.wait(timeoutMs))
        return {};
    return owner;
}

void TestDirectTransport::chunkedResponse_data()
{
    QTest::addColumn<int>("transport");
    QTest::newRow("direct") << int(Transport::Direct);
    QTest::newRow("qnam") << int(Transport::NetworkAccessManager);
}

void TestDirectTransport::chunkedResponse()
{
    QFETCH(int, transport);
    const QByteArray first = PendingBody.left(20);
    const QByteArray rest = PendingBody.mid(20);
    const QByteArray chunked = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                               + QByteArray::number(first.size(), 16) + ";ext=1\r\n" + first + "\r\n"
                               + QByteArray::number(rest.size(), 16) + "\r\n" + rest + "\r\n0\r\n\r\n";
    m_server->enqueue(QStringLiteral("collect"), raw(chunked));
    m_server->enqueue(QStringLiteral("collect"), pending());
    auto rp = client(Transport(transport));
    const auto call = collect(rp.get());
    QVERIFY(call);
    QVERIFY2(call->ok(), qPrintable(call->error().technicalMessage()));
    QCOMPARE(call->rawBody(), PendingBody);
    QCOMPARE(call->collectResponse().hintCode, QStringLiteral("userSign"));
    // The chunked answer left the connection reusable.
    const auto second = collect(rp.get());
    QVERIFY(second && second->ok());
    QCOMPARE(m_server->connectionCount(), 1);
}

void TestDirectTransport::connectionCloseMeansNewConnection_data()
{
    chunkedResponse_data();
}

void TestDirectTransport::connectionCloseMeansNewConnection()
{
    QFETCH(int, transport);
    CannedResponse closing = pending();
    closing.closeAfterResponse = true;
    m_server->enqueue(QStringLiteral("collect"), closing);
    m_server->enqueue(QStringLiteral("collect"), pending());
    auto rp = client(Transport(transport));
    const auto first = collect(rp.get());
    QVERIFY(first);
    QVERIFY2(first->ok(), qPrintable(first->error().technicalMessage()));
    const auto second = collect(rp.get());
    QVERIFY(second);
    QVERIFY2(second->ok(), qPrintable(second->error().technicalMessage()));
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(m_server->requests().at(0).connection, 1);
    QCOMPARE(m_server->requests().at(1).connection, 2);
    QCOMPARE(rp->resentRequestCount(), 0); // a clean close is not a stale connection
}

void TestDirectTransport::staleKeepAliveIsResentOnce_data()
{
    chunkedResponse_data();
}

void TestDirectTransport::staleKeepAliveIsResentOnce()
{
    // The server drops the kept-alive connection when the second request arrives, before answering: the
    // request is re-sent once on a fresh connection and the caller never notices (QNAM does the same).
    QFETCH(int, transport);
    m_server->enqueue(QStringLiteral("collect"), pending());
    CannedResponse drop;
    drop.closeWithoutAnswer = true;
    m_server->enqueue(QStringLiteral("collect"), drop);
    m_server->enqueue(QStringLiteral("collect"), pending());
    auto rp = client(Transport(transport));
    const auto first = collect(rp.get());
    QVERIFY(first && first->ok());
    const auto second = collect(rp.get());
    QVERIFY(second);
    QVERIFY2(second->ok(), qPrintable(second->error().technicalMessage()));
    QCOMPARE(m_server->requestsTo(QStringLiteral("collect")).size(), 3); // counted on the server
    QCOMPARE(m_server->requests().at(1).connection, 1);
    QCOMPARE(m_server->requests().at(2).connection, 2);
    QCOMPARE(m_server->connectionCount(), 2);
    if (Transport(transport) == Transport::Direct)
        QCOMPARE(rp->resentRequestCount(), 1);
}

void TestDirectTransport::closedPersistentlyIsResentOnlyOnce()
{
    m_server->enqueue(QStringLiteral("collect"), pending());
    CannedResponse drop;
    drop.closeWithoutAnswer = true;
    for (int i = 0; i < 4; ++i)
        m_server->enqueue(QStringLiteral("collect"), drop);
    auto rp = client();
    const auto first = collect(rp.get());
    QVERIFY(first && first->ok());
    const auto second = collect(rp.get());
    QVERIFY(second);
    // The re-sent request went out on a NEW connection, which the server also closed. The certificate was
    // accepted before, so this is a Connection failure (retriable by the session), as with QNAM; nothing
    // is re-sent a second time.
    QCOMPARE(m_server->requestsTo(QStringLiteral("collect")).size(), 3);
    QCOMPARE(rp->resentRequestCount(), 1);
    QCOMPARE(RpError::kindName(second->error().kind()), RpError::kindName(RpError::Kind::Connection));
    QVERIFY(second->error().retriable());
    QCOMPARE(second->httpStatus(), 0);
    QTest::qWait(200);
    QCOMPARE(m_server->requestsTo(QStringLiteral("collect")).size(), 3);
}

void TestDirectTransport::idleConnectionClosedByServer()
{
    m_server->enqueue(QStringLiteral("collect"), pending());
    m_server->enqueue(QStringLiteral("collect"), pending());
    auto rp = client();
    const auto first = collect(rp.get());
    QVERIFY(first && first->ok());
    QCOMPARE(rp->openConnectionCount(), 1);
    QCOMPARE(m_server->closeIdleConnections(), 1); // keep-alive expiry on the server
    QTRY_COMPARE_WITH_TIMEOUT(rp->openConnectionCount(), 0, 5000);
    const auto second = collect(rp.get());
    QVERIFY(second);
    QVERIFY2(second->ok(), qPrintable(second->error().technicalMessage()));
    QCOMPARE(m_server->connectionCount(), 2);
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(rp->resentRequestCount(), 0); // noticed while idle: nothing had to be re-sent
}

void TestDirectTransport::partialAnswerThenCloseIsNotResent()
{
    m_server->enqueue(QStringLiteral("collect"), pending());
    m_server->enqueue(QStringLiteral("collect"),
                      raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"orderRef\":", true));
    m_server->enqueue(QStringLiteral("collect"), pending());
    auto rp = client();
    const auto first = collect(rp.get());
    QVERIFY(first && first->ok());
    const auto second = collect(rp.get());
    QVERIFY(second);
    QCOMPARE(RpError::kindName(second->error().kind()), RpError::kindName(RpError::Kind::Connection));
    QCOMPARE(second->httpStatus(), 200);
    QVERIFY2(second->error().technicalMessage().contains(QStringLiteral("before the whole answer")),
             qPrintable(second->error().technicalMessage()));
    QTest::qWait(200);
    QCOMPARE(m_server->requestsTo(QStringLiteral("collect")).size(), 2); // answer bytes arrived: never re-sent
    QCOMPARE(rp->resentRequestCount(), 0);
}

void TestDirectTransport::malformedAnswers_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("messageContains");

    QTest::newRow("garbage_status_line") << QByteArray("HELLO\r\n\r\n") << QStringLiteral("malformed status line");
    QTest::newRow("bad_chunk_size") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n")
                                    << QStringLiteral("invalid chunk size");
    QTest::newRow("conflicting_content_length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 4\r\n\r\n{}") << QStringLiteral("conflicting Content-Length");
    QTest::newRow("folded_header") << QByteArray("HTTP/1.1 200 OK\r\nX-A: 1\r\n b\r\nContent-Length: 2\r\n\r\n{}")
                                   << QStringLiteral("obsolete header line folding");
}

void TestDirectTransport::malformedAnswers()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, messageContains);
    m_server->enqueue(QStringLiteral("collect"), raw(bytes));
    m_server->enqueue(QStringLiteral("collect"), pending());
    auto rp = client();
    const auto call = collect(rp.get());
    QVERIFY(call);
    QCOMPARE(RpError::kindName(call->error().kind()), RpError::kindName(RpError::Kind::InvalidResponse));
    QVERIFY2(call->error().technicalMessage().contains(messageContains), qPrintable(call->error().technicalMessage()));
    QCOMPARE(call->error().rfa(), Rfa::Rfa22);
    // The untrustworthy connection was dropped; the next call works on a new one.
    const auto next = collect(rp.get());
    QVERIFY(next && next->ok());
    QCOMPARE(m_server->requests().last().connection, 2);
}

void TestDirectTransport::poolOpensUpToConcurrencyThenReuses()
{
    m_server->setHandler([](const bankid::test::RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.endpoint == "collect")
            return pending(150); // long enough for all four to overlap
        return std::nullopt;
    });
    auto rp = client();
    for (int round = 0; round < 3; ++round) {
        std::vector<std::unique_ptr<RpCall>> calls;
        for (int i = 0; i < 4; ++i) {
            RpCall *call = rp->collect(OrderRef);
            call->setAutoDelete(false);
            calls.emplace_back(call);
        }
        for (const auto &call : calls)
            QTRY_VERIFY_WITH_TIMEOUT(call->isFinished(), 10000);
        for (const auto &call : calls)
            QVERIFY2(call->ok(), qPrintable(call->error().technicalMessage()));
        QCOMPARE(rp->openConnectionCount(), 4);
    }
    QCOMPARE(m_server->maxConcurrentRequests(), 4);
    QCOMPARE(m_server->connectionCount(), 4); // the first round opened them, the next two reused them
    QCOMPARE(m_server->requestCount(), 12);
}

void TestDirectTransport::poolNeverExceedsSixConnections()
{
    m_server->setHandler([](const bankid::test::RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.endpoint == "collect")
            return pending(100);
        return std::nullopt;
    });
    auto rp = client();
    std::vector<std::unique_ptr<RpCall>> calls;
    for (int i = 0; i < 8; ++i) { // bankid-bench's lanes
        RpCall *call = rp->collect(OrderRef);
        call->setAutoDelete(false);
        calls.emplace_back(call);
    }
    for (const auto &call : calls)
        QTRY_VERIFY_WITH_TIMEOUT(call->isFinished(), 10000);
    for (const auto &call : calls)
        QVERIFY2(call->ok(), qPrintable(call->error().technicalMessage()));
    QCOMPARE(m_server->connectionCount(), 6);
    QCOMPARE(m_server->maxConcurrentRequests(), 6);
    QCOMPARE(m_server->requestCount(), 8);
}

void TestDirectTransport::smallRequestArrivesInOneRead()
{
    // Head and body go out in one write(): one TLS record, one read on the server (no Nagle wait between).
    for (int i = 0; i < 5; ++i)
        m_server->enqueue(QStringLiteral("collect"), pending());
    auto rp = client();
    for (int i = 0; i < 5; ++i) {
        const auto call = collect(rp.get());
        QVERIFY(call && call->ok());
    }
    for (const auto &request : m_server->requests())
        QCOMPARE(request.reads, 1);
}

void TestDirectTransport::noGrowthOverManyRequests()
{
    m_server->setHandler([](const bankid::test::RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.endpoint == "collect")
            return pending();
        return std::nullopt;
    });
    auto rp = client();
    constexpr int requests = 200;
    for (int i = 0; i < requests; ++i) {
        RpCall *call = rp->collect(OrderRef); // auto-deleting, as the desk uses them
        QSignalSpy spy(call, &RpCall::finished);
        QVERIFY(spy.wait(5000));
        QVERIFY(rp->openConnectionCount() <= 1);
    }
    QCOMPARE(m_server->requestCount(), requests);
    QCOMPARE(m_server->connectionCount(), 1);
    QCOMPARE(m_server->openConnectionCount(), 1);
    QCOMPARE(rp->openConnectionCount(), 1);
    QCOMPARE(rp->resentRequestCount(), 0);
    QTRY_VERIFY(rp->findChildren<RpCall *>().isEmpty());
}

void TestDirectTransport::http11WhenServerOffersH2_data()
{
    chunkedResponse_data();
}

void TestDirectTransport::http11WhenServerOffersH2()
{
    QFETCH(int, transport);
    m_server->setAlpnProtocols({QByteArrayLiteral("h2"), QByteArrayLiteral("http/1.1")});
    QVERIFY(m_server->listen(m_pki.server(), {m_pki.clientCa().certificate}));
    m_server->enqueue(QStringLiteral("collect"), pending());
    auto rp = client(Transport(transport));
    const auto call = collect(rp.get());
    QVERIFY(call);
    QVERIFY2(call->ok(), qPrintable(call->error().technicalMessage()));
    QCOMPARE(m_server->requests().first().alpn, QByteArray("http/1.1"));
    QCOMPARE(m_server->requests().first().version, QByteArray("HTTP/1.1"));
}

void TestDirectTransport::proxySelectsNetworkAccessManager_data()
{
    QTest::addColumn<QString>("proxySetting");
    QTest::addColumn<bool>("remoteHost"); // a real BankID host name instead of the loopback server
    QTest::addColumn<int>("requested");
    QTest::addColumn<int>("expected");

    const int direct = int(Transport::Direct);
    const int qnam = int(Transport::NetworkAccessManager);
    QTest::newRow("no_proxy_direct") << QStringLiteral("none") << false << direct << direct;
    QTest::newRow("no_proxy_qnam_requested") << QStringLiteral("none") << false << qnam << qnam;
    QTest::newRow("nam_proxy") << QStringLiteral("nam") << false << direct << qnam;
    QTest::newRow("nam_explicit_no_proxy") << QStringLiteral("nam-none") << true << direct << direct;
    QTest::newRow("application_proxy_remote_host") << QStringLiteral("application") << true << direct << qnam;
    // Qt never applies the application proxy to loopback, so neither do we.
    QTest::newRow("application_proxy_loopback_bypassed") << QStringLiteral("application") << false << direct << direct;
    QTest::newRow("nam_no_proxy_beats_application_proxy") << QStringLiteral("nam-none+application") << true << direct
                                                          << direct;
}

void TestDirectTransport::proxySelectsNetworkAccessManager()
{
    QFETCH(QString, proxySetting);
    QFETCH(bool, remoteHost);
    QFETCH(int, requested);
    QFETCH(int, expected);

    const QNetworkProxy proxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), 9);
    QNetworkAccessManager nam;
    if (proxySetting == QLatin1String("nam"))
        nam.setProxy(proxy);
    else if (proxySetting.startsWith(QLatin1String("nam-none")))
        nam.setProxy(QNetworkProxy::NoProxy);
    if (proxySetting.endsWith(QLatin1String("application")))
        QNetworkProxy::setApplicationProxy(proxy);
    const auto restore = qScopeGuard([] { QNetworkProxy::setApplicationProxy(QNetworkProxy()); });

    RpConfig rpConfig = config(Transport(requested));
    if (remoteHost)
        rpConfig.baseUrl = QUrl(QStringLiteral("https://appapi2.test.bankid.com/rp/v6.0")); // never contacted
    RpClient rp(&nam, rpConfig);
    QCOMPARE(int(rp.transport()), expected);
    if (proxySetting == QLatin1String("nam")) {
        // And it really goes through the proxy (nothing listens on port 9): a connection error, not TLS.
        RpCall *call = rp.collect(OrderRef);
        call->setAutoDelete(false);
        const std::unique_ptr<RpCall> owner(call);
        QSignalSpy spy(call, &RpCall::finished);
        QVERIFY(spy.wait(10000));
        QVERIFY(call->error().isError());
        QCOMPARE(m_server->requestCount(), 0);
    }
}

QTEST_GUILESS_MAIN(TestDirectTransport)
#include "TestDirectTransport.moc"
