// Simulator fault injection -> the OrderSession outcome, the RpError kind and the exact RFA text, over real
// mutual TLS on loopback. Every wait is bounded (QTRY with a timeout), so a hang is a failure, not a stall.
//
// Each row injects one FaultRule (simulator/FaultRule.h syntax) into a simulator whose automatic user
// completes orders quickly, then runs one OrderSession. Rows that expect a silent recovery check that the
// session completed without ever failing and that the rule was used up; rows that expect a failure check
// the RpError (kind, HTTP status, errorCode, retriable()), the RFA and UserMessages::englishText, and how
// many requests reached the endpoint (so "not retried" and "retried N times" are measured, not assumed).

#include "ApiTypes.h"
#include "OrderSession.h"
#include "RpCall.h"
#include "RpClient.h"
#include "RpConfig.h"
#include "SessionRecorder.h"
#include "Simulator.h"
#include "SimulatorFixture.h"
#include "SteadyClock.h"
#include "UserMessages.h"

#include <QJsonArray>
#include <QtTest>

#include <memory>

using namespace bankid;

namespace {

const QString SomethingWentWrong = QStringLiteral("Something went wrong. Please try again.");

OrderRequest authRequest()
{
    OrderRequest request;
    request.flow = Flow::Auth;
    request.endUserIp = QStringLiteral("192.0.2.20");
    request.userVisibleData = QStringLiteral("Felinjicering").toUtf8();
    return request;
}

} // namespace

class TestFaultHandling : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void sessionOutcome_data();
    void sessionOutcome();
    void singleCallErrorKinds_data();
    void singleCallErrorKinds();

private:
    void startSimulator(int transferTimeoutMs);
    /// Requests QNAM finished for `path` ("auth", "collect", "cancel").
    int requestsTo(const QString &path) const { return m_requestsByPath.value(path); }

    test::SimulatorFixture m_fixture;
    SteadyClock m_clock;
    QHash<QString, int> m_requestsByPath;
};

void TestFaultHandling::initTestCase()
{
    qRegisterMetaType<OrderFailure>();
    qRegisterMetaType<RpError::Kind>();
    QVERIFY2(m_fixture.isValid(), qPrintable(m_fixture.errorString()));
}

void TestFaultHandling::cleanup()
{
    m_fixture.stop();
    m_requestsByPath.clear();
}

void TestFaultHandling::startSimulator(int transferTimeoutMs)
{
    const QString error = m_fixture.start(m_fixture.autoOptions(),
                                          [transferTimeoutMs](RpConfig &config) { config.transferTimeoutMs = transferTimeoutMs; });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Count the requests the session sent, per endpoint, whichever transport carries them.
    connect(m_fixture.client(), &RpClient::requestSent, this, [this](const QString &path) { ++m_requestsByPath[path]; });
}

// ---------------------------------------------------------------------------------------------------------

void TestFaultHandling::sessionOutcome_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("transferTimeoutMs");
    QTest::addColumn<int>("maxTransientRetries");
    QTest::addColumn<bool>("completes");
    QTest::addColumn<RpError::Kind>("kind");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<Rfa>("rfa");
    QTest::addColumn<QString>("englishText");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<int>("requests"); ///< requests to `endpoint` for a failure; minimum for a recovery

    const QString none;
    const int t = RpConfig::DefaultTransferTimeoutMs;
    // Silent recoveries.
    QTest::newRow("collect_503_twice_then_ok_completes_silently")
        << QStringLiteral("collect:503:count=2") << t << 3 << true << RpError::Kind::None << 0 << none << Rfa::None
        << none << QStringLiteral("collect") << 3;
    QTest::newRow("collect_429_once_is_retried")
        << QStringLiteral("collect:429:count=1") << t << 3 << true << RpError::Kind::None << 0 << none << Rfa::None
        << none << QStringLiteral("collect") << 2;
    QTest::newRow("collect_connection_closed_once_recovers_silently")
        << QStringLiteral("collect:close:count=1") << t << 3 << true << RpError::Kind::None << 0 << none << Rfa::None
        << none << QStringLiteral("collect") << 2;
    QTest::newRow("collect_slower_than_transfer_timeout_once_is_retried")
        << QStringLiteral("collect:delay=2500:count=1") << 800 << 3 << true << RpError::Kind::None << 0 << none
        << Rfa::None << none << QStringLiteral("collect") << 2;
    QTest::newRow("auth_503_twice_at_start_is_retried")
        << QStringLiteral("auth:503:count=2") << t << 3 << true << RpError::Kind::None << 0 << none << Rfa::None
        << none << QStringLiteral("auth") << 3;

    // Failures: not retried.
    QTest::newRow("collect_500_internalError_RFA5")
        << QStringLiteral("collect:500:count=1") << t << 3 << false << RpError::Kind::Api << 500
        << QStringLiteral("internalError") << Rfa::Rfa5 << SomethingWentWrong << QStringLiteral("collect") << 1;
    QTest::newRow("collect_408_requestTimeout_RFA5")
        << QStringLiteral("collect:408:count=1") << t << 3 << false << RpError::Kind::Api << 408
        << QStringLiteral("requestTimeout") << Rfa::Rfa5 << SomethingWentWrong << QStringLiteral("collect") << 1;
    QTest::newRow("auth_500_internalError_RFA5")
        << QStringLiteral("auth:500:count=1") << t << 3 << false << RpError::Kind::Api << 500
        << QStringLiteral("internalError") << Rfa::Rfa5 << SomethingWentWrong << QStringLiteral("auth") << 1;
    // A gateway's HTML error page (the simulator's "html" fault is a 502): the status decides, and a
    // gateway error on an idempotent collect is retried.
    QTest::newRow("collect_502_html_gateway_page_is_retried")
        << QStringLiteral("collect:html:count=1") << t << 3 << true << RpError::Kind::None << 0 << none << Rfa::None
        << none << QStringLiteral("collect") << 2;
    QTest::newRow("collect_truncated_json_InvalidResponse_RFA22")
        << QStringLiteral("collect:truncate:count=1") << t << 3 << false << RpError::Kind::InvalidResponse << 200
        << QString() << Rfa::Rfa22 << SomethingWentWrong << QStringLiteral("collect") << 1;

    // Failures: retried until the retries run out.
    QTest::newRow("collect_429_persistent_RFA5_after_retries")
        << QStringLiteral("collect:429") << t << 1 << false << RpError::Kind::Api << 429
        << QStringLiteral("tooManyRequests") << Rfa::Rfa5 << SomethingWentWrong << QStringLiteral("collect") << 2;
    QTest::newRow("collect_503_persistent_RFA5_after_retries")
        << QStringLiteral("collect:503") << t << 2 << false << RpError::Kind::Api << 503
        << QStringLiteral("maintenance") << Rfa::Rfa5 << SomethingWentWrong << QStringLiteral("collect") << 3;
    QTest::newRow("collect_delay_over_transfer_timeout_Timeout_RFA5")
        << QStringLiteral("collect:delay=3000") << 700 << 1 << false << RpError::Kind::Timeout << 0 << QString()
        << Rfa::Rfa5 << SomethingWentWrong << QStringLiteral("collect") << 2;
    QTest::newRow("collect_connection_closed_persistent_Connection_RFA5")
        << QStringLiteral("collect:close") << t << 2 << false << RpError::Kind::Connection << 0 << QString()
        << Rfa::Rfa5 << SomethingWentWrong << QStringLiteral("collect") << 3;
}

void TestFaultHandling::sessionOutcome()
{
    QFETCH(QString, fault);
    QFETCH(int, transferTimeoutMs);
    QFETCH(int, maxTransientRetries);
    QFETCH(bool, completes);
    QFETCH(RpError::Kind, kind);
    QFETCH(int, httpStatus);
    QFETCH(QString, errorCode);
    QFETCH(Rfa, rfa);
    QFETCH(QString, englishText);
    QFETCH(QString, endpoint);
    QFETCH(int, requests);

    startSimulator(transferTimeoutMs);
    if (QTest::currentTestFailed())
        return;
    QString error;
    QVERIFY2(m_fixture.simulator()->addFault(fault, &error) > 0, qPrintable(error));

    OrderSession session(m_fixture.client(), &m_clock);
    test::SessionRecorder recorded;
    recorded.attach(&session);
    OrderSession::Options options;
    options.startMethod = StartMethod::QrCode;
    options.pollIntervalMs = OrderSession::MinPollIntervalMs;
    options.deadlineMs = 30000;
    options.maxTransientRetries = maxTransientRetries;
    session.start(authRequest(), options);

    // Bounded: backoff (<= 2 s for 429 with a 1 s poll interval) times the retries, plus the auto user.
    QTRY_VERIFY_WITH_TIMEOUT(!session.isActive(), 20000);

    if (completes) {
        QVERIFY2(session.state() == OrderSession::State::Complete,
                 qPrintable(session.failure() ? session.failure()->technicalMessage : QStringLiteral("not complete")));
        QCOMPARE(recorded.completedCount, 1);
        QCOMPARE(recorded.failedCount, 0);
        QVERIFY2(!recorded.states.contains(OrderSession::State::Failed), "a silent retry must never surface as a failure");
        QVERIFY2(m_fixture.simulator()->faults().isEmpty(), "the injected fault was not used up");
        QVERIFY2(requestsTo(endpoint) >= requests,
                 qPrintable(QStringLiteral("only %1 requests to /%2").arg(requestsTo(endpoint)).arg(endpoint)));
        return;
    }

    QCOMPARE(session.state(), OrderSession::State::Failed);
    QCOMPARE(recorded.failedCount, 1);
    QCOMPARE(recorded.completedCount, 0);
    const OrderFailure failure = *session.failure();
    QCOMPARE(failure.kind, OrderFailure::Kind::Error);
    QVERIFY2(failure.error.kind() == kind,
             qPrintable(QStringLiteral("got %1 (%2)").arg(RpError::kindName(failure.error.kind()),
                                                         failure.error.technicalMessage())));
    QCOMPARE(failure.error.httpStatus(), httpStatus);
    QCOMPARE(failure.error.errorCode(), errorCode);
    QCOMPARE(failure.error.endpoint(), endpoint);
    QCOMPARE(failure.rfa, rfa);
    QCOMPARE(failure.error.rfa(), rfa);
    QCOMPARE(UserMessages::englishText(failure.rfa), englishText);
    QVERIFY(!failure.technicalMessage.isEmpty());
    QCOMPARE(requestsTo(endpoint), requests);
}

// ---------------------------------------------------------------------------------------------------------
// The same faults on one bare RpCall: the error kind and retriable() the session's decisions rest on.

void TestFaultHandling::singleCallErrorKinds_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("transferTimeoutMs");
    QTest::addColumn<RpError::Kind>("kind");
    QTest::addColumn<bool>("retriable");

    const int t = RpConfig::DefaultTransferTimeoutMs;
    QTest::newRow("503_maintenance") << QStringLiteral("collect:503:count=1") << t << RpError::Kind::Api << true;
    QTest::newRow("429_tooManyRequests") << QStringLiteral("collect:429:count=1") << t << RpError::Kind::Api << true;
    QTest::newRow("500_internalError") << QStringLiteral("collect:500:count=1") << t << RpError::Kind::Api << false;
    QTest::newRow("408_requestTimeout") << QStringLiteral("collect:408:count=1") << t << RpError::Kind::Api << false;
    QTest::newRow("truncated_json") << QStringLiteral("collect:truncate:count=1") << t << RpError::Kind::InvalidResponse
                                    << false;
    QTest::newRow("slower_than_transfer_timeout") << QStringLiteral("collect:delay=2000:count=1") << 500
                                                  << RpError::Kind::Timeout << true;
    // QNAM itself re-sends a request once when a kept-alive connection is closed before any answer: a
    // single close is invisible to RpCall (the fault is used up, the re-sent request succeeds).
    QTest::newRow("closed_once_is_resent_by_qnam") << QStringLiteral("collect:close:count=1") << t
                                                   << RpError::Kind::None << false;
    // Closed again on QNAM's fresh connection: a transport failure, which RpError::retriable() retries.
    QTest::newRow("closed_persistently_Connection") << QStringLiteral("collect:close") << t
                                                    << RpError::Kind::Connection << true;
}

void TestFaultHandling::singleCallErrorKinds()
{
    QFETCH(QString, fault);
    QFETCH(int, transferTimeoutMs);
    QFETCH(RpError::Kind, kind);
    QFETCH(bool, retriable);

    startSimulator(transferTimeoutMs);
    if (QTest::currentTestFailed())
        return;

    // An order first, so the collect under test reuses an established keep-alive connection (as in a session).
    RpCall *order = m_fixture.client()->start(authRequest());
    order->setAutoDelete(false);
    QSignalSpy orderDone(order, &RpCall::finished);
    QVERIFY(orderDone.wait(10000));
    const std::unique_ptr<RpCall> orderOwner(order);
    QVERIFY2(order->ok(), qPrintable(order->error().technicalMessage()));

    QString error;
    QVERIFY2(m_fixture.simulator()->addFault(fault, &error) > 0, qPrintable(error));
    RpCall *collect = m_fixture.client()->collect(order->orderResponse().orderRef);
    collect->setAutoDelete(false);
    const std::unique_ptr<RpCall> collectOwner(collect);
    QSignalSpy collectDone(collect, &RpCall::finished);
    QVERIFY(collectDone.wait(10000));
    QVERIFY2(collect->error().kind() == kind,
             qPrintable(QStringLiteral("got %1 (%2)").arg(RpError::kindName(collect->error().kind()),
                                                         collect->error().technicalMessage())));
    QCOMPARE(collect->error().retriable(), retriable);
    QCOMPARE(collect->error().technicalMessage().isEmpty(), kind == RpError::Kind::None);
    if (fault.contains(QLatin1String(":count=")))
        QVERIFY2(m_fixture.simulator()->faults().isEmpty(), "the one-off fault was not used");

    // Without the fault, the next collect of the same order works again.
    m_fixture.simulator()->clearFaults();
    RpCall *again = m_fixture.client()->collect(order->orderResponse().orderRef);
    again->setAutoDelete(false);
    const std::unique_ptr<RpCall> againOwner(again);
    QSignalSpy againDone(again, &RpCall::finished);
    QVERIFY(againDone.wait(10000));
    QVERIFY2(again->ok(), qPrintable(again->error().technicalMessage()));
}

QTEST_GUILESS_MAIN(TestFaultHandling)
#include "TestFaultHandling.moc"
