// OrderSession over a real RpClient and the scripted HTTPS server (mutual TLS on loopback), with a
// FakeClock for QR seconds: state and hint sequences, completion, failures, cancel, destruction, polling
// discipline, silent retries, deadline, auto-restart and the animated QR content; an order created at
// most once (never re-sent unless it certainly never arrived) and cancelled whenever it is abandoned.

#include "FakeClock.h"
#include "OrderSession.h"
#include "PersonalNumber.h"
#include "QrContent.h"
#include "RpClient.h"
#include "ScriptedHttpsServer.h"
#include "TestPki.h"

#include <QtTest>

using namespace bankid;
using bankid::test::CannedResponse;
using bankid::test::FakeClock;
using bankid::test::RecordedRequest;
using bankid::test::ScriptedHttpsServer;
using bankid::test::TestPki;
using State = bankid::OrderSession::State;

namespace {

const QString OrderRef = QStringLiteral("131daac9-16c6-4618-beb0-365768f37288");
const QString QrToken = QStringLiteral("67df3917-fa0d-44e5-b327-edcc928297f8");
const QString QrSecret = QStringLiteral("d28db9a7-4cde-429e-a983-359be676944c");

QByteArray orderBody(const QString &orderRef = OrderRef)
{
    return QStringLiteral(R"({"orderRef":"%1","autoStartToken":"7c40b5c9-fa74-49cf-b98c-bfe651f9a7c6","qrStartToken":"%2","qrStartSecret":"%3"})")
        .arg(orderRef, QrToken, QrSecret)
        .toUtf8();
}

CannedResponse pending(const QString &hint, int delayMs = 0)
{
    return CannedResponse::json(200, QStringLiteral(R"({"orderRef":"%1","status":"pending","hintCode":"%2"})").arg(OrderRef, hint).toUtf8(), delayMs);
}

CannedResponse failedWith(const QString &hint)
{
    return CannedResponse::json(200, QStringLiteral(R"({"orderRef":"%1","status":"failed","hintCode":"%2"})").arg(OrderRef, hint).toUtf8());
}

CannedResponse complete(const QString &risk = {})
{
    const QString riskMember = risk.isEmpty() ? QString() : QStringLiteral(R"(,"risk":"%1")").arg(risk);
    return CannedResponse::json(200, QStringLiteral(R"({"orderRef":"%1","status":"complete","completionData":{)"
                                                    R"("user":{"personalNumber":"190000000000","name":"Karl Karlsson","givenName":"Karl","surname":"Karlsson"},)"
                                                    R"("device":{"ipAddress":"192.0.2.1","uhi":"OZvYM9VvyiAmG7NA5jU5zqGcVpo="},)"
                                                    R"("bankIdIssueDate":"2020-02-01","signature":"PHNpZ24+","ocspResponse":"MIIH"%2}})")
                                         .arg(OrderRef, riskMember)
                                         .toUtf8());
}

/// A server handler for an order nobody picks up: every collect says outstandingTransaction; cancel works.
std::optional<CannedResponse> outstandingUntilCancelled(const RecordedRequest &request)
{
    if (request.endpoint == "collect")
        return pending(QStringLiteral("outstandingTransaction"));
    if (request.endpoint == "cancel")
        return CannedResponse::json(200, "{}");
    return std::nullopt;
}

OrderRequest authRequest()
{
    OrderRequest request;
    request.flow = Flow::Auth;
    request.endUserIp = QStringLiteral("192.0.2.1");
    return request;
}

OrderSession::Options fastOptions(StartMethod method = StartMethod::QrCode)
{
    OrderSession::Options options;
    options.startMethod = method;
    options.pollIntervalMs = OrderSession::MinPollIntervalMs; // the floor; keeps the suite short
    options.deadlineMs = 60000;
    return options;
}

} // namespace

class TestOrderSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void collectSequences_data();
    void collectSequences();
    void startErrorFailsWithoutRetry();
    void cancelSendsCancel();
    void cancelWhileStartingCancelsTheCreatedOrder();
    void destroyingPendingSessionSendsCancel();
    void neverTwoCollectsInFlight();
    void maintenanceIsRetriedSilently();
    void internalErrorIsNotRetried();
    void deadline();
    void autoRestartOnStartFailed();
    void qrContentFollowsTheClock();
    void logsNeverContainSecrets();
    void orderNotResentWhenItMayHaveArrived_data();
    void orderNotResentWhenItMayHaveArrived();
    void loadBalancerUnavailableIsRetried();
    void gatewayErrorOnCollectIsRetried();
    void restartedOrderGetsItsOwnDeadline();
    void abandonedOrderIsCancelled_data();
    void abandonedOrderIsCancelled();
    void resentCancelAnsweredInvalidParametersCountsAsCancelled();
    void collectForAnotherOrderNeverCompletes();
    void pendingWithoutHintKeepsTheQr();
    void highRiskIsBlocked();
    void deletedClientFailsTheSession();

private:
    TestPki m_pki;
    std::unique_ptr<ScriptedHttpsServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<RpClient> m_client;
    FakeClock m_clock;
};

void TestOrderSession::initTestCase()
{
    if (!m_pki.isValid())
        QSKIP(qPrintable(QStringLiteral("cannot mint test certificates: ") + m_pki.errorString()));
    QVERIFY2(m_pki.createStandardSet(), qPrintable(m_pki.errorString()));
}

void TestOrderSession::init()
{
    m_server = std::make_unique<ScriptedHttpsServer>();
    QVERIFY(m_server->listen(m_pki.server(), {m_pki.clientCa().certificate}));
    m_server->setFallback(CannedResponse::bankIdError(400, QStringLiteral("invalidParameters"), QStringLiteral("unscripted")));
    m_nam = std::make_unique<QNetworkAccessManager>();
    RpConfig config = RpConfig::forEnvironment(Environment::Custom,
                                               ClientIdentity::fromParts(m_pki.client().certificate, m_pki.client().key));
    config.baseUrl = m_server->baseUrl();
    config.caCertificates = {m_pki.serverCa().certificate};
    m_client = std::make_unique<RpClient>(m_nam.get(), config);
}

void TestOrderSession::cleanup()
{
    m_client.reset();
    m_nam.reset();
    m_server.reset();
}

void TestOrderSession::collectSequences_data()
{
    QTest::addColumn<int>("startMethod");
    QTest::addColumn<QStringList>("collects"); // "pending:<hint>", "failed:<hint>", "complete"
    QTest::addColumn<QList<int>>("states");
    QTest::addColumn<QStringList>("hints");    // "<hint>=<RFA>"
    QTest::addColumn<QString>("failedHint");
    QTest::addColumn<QString>("failedRfa");

    const int qr = int(StartMethod::QrCode);
    const int same = int(StartMethod::SameDevice);
    const QList<int> toComplete{int(State::Starting), int(State::Pending), int(State::Complete)};
    const QList<int> toFailed{int(State::Starting), int(State::Pending), int(State::Failed)};
    QTest::newRow("qr_outstanding_userSign_complete")
        << qr << QStringList{QStringLiteral("pending:outstandingTransaction"), QStringLiteral("pending:userSign"), QStringLiteral("complete")} << toComplete
        << QStringList{QStringLiteral("outstandingTransaction=RFA1"), QStringLiteral("userSign=RFA9")} << QString() << QString();
    QTest::newRow("same_device_started_complete")
        << same << QStringList{QStringLiteral("pending:started"), QStringLiteral("complete")} << toComplete << QStringList{QStringLiteral("started=RFA15A")}
        << QString() << QString();
    QTest::newRow("same_device_outstanding_is_rfa13")
        << same << QStringList{QStringLiteral("pending:outstandingTransaction"), QStringLiteral("failed:userCancel")} << toFailed
        << QStringList{QStringLiteral("outstandingTransaction=RFA13")} << QStringLiteral("userCancel") << QStringLiteral("RFA6");
    QTest::newRow("failed_expiredTransaction") << qr << QStringList{QStringLiteral("failed:expiredTransaction")} << toFailed
                                               << QStringList{} << QStringLiteral("expiredTransaction")
                                               << QStringLiteral("RFA8");
    QTest::newRow("failed_certificateErr") << qr << QStringList{QStringLiteral("pending:userSign"), QStringLiteral("failed:certificateErr")} << toFailed
                                           << QStringList{QStringLiteral("userSign=RFA9")} << QStringLiteral("certificateErr")
                                           << QStringLiteral("RFA16");
    QTest::newRow("unknown_pending_hint_tolerated")
        << qr << QStringList{QStringLiteral("pending:somethingNew"), QStringLiteral("complete")} << toComplete << QStringList{QStringLiteral("somethingNew=RFA21")}
        << QString() << QString();
    QTest::newRow("startFailed_without_restart_qr") << qr << QStringList{QStringLiteral("failed:startFailed")} << toFailed << QStringList{}
                                                    << QStringLiteral("startFailed") << QStringLiteral("RFA17B");
}

void TestOrderSession::collectSequences()
{
    QFETCH(int, startMethod);
    QFETCH(QStringList, collects);
    QFETCH(QList<int>, states);
    QFETCH(QStringList, hints);
    QFETCH(QString, failedHint);
    QFETCH(QString, failedRfa);

    m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, orderBody()));
    for (const QString &step : collects) {
        const QString hint = step.section(QLatin1Char(':'), 1);
        if (step.startsWith(QLatin1String("pending")))
            m_server->enqueue(QStringLiteral("collect"), pending(hint));
        else if (step.startsWith(QLatin1String("failed")))
            m_server->enqueue(QStringLiteral("collect"), failedWith(hint));
        else
            m_server->enqueue(QStringLiteral("collect"), complete());
    }

    OrderSession session(m_client.get(), &m_clock);
    QSignalSpy stateSpy(&session, &OrderSession::stateChanged);
    QSignalSpy hintSpy(&session, &OrderSession::hintChanged);
    QSignalSpy completedSpy(&session, &OrderSession::completed);
    QSignalSpy failedSpy(&session, &OrderSession::failed);
    session.start(authRequest(), fastOptions(StartMethod(startMethod)));

    const int timeout = 3000 + 1500 * int(collects.size());
    QTRY_COMPARE_WITH_TIMEOUT(stateSpy.size(), int(states.size()), timeout);
    QList<int> seen;
    for (const auto &args : stateSpy)
        seen << int(args.at(0).value<State>());
    QCOMPARE(seen, states);
    QStringList seenHints;
    for (const auto &args : hintSpy)
        seenHints << args.at(0).toString() + QLatin1Char('=') + rfaId(args.at(1).value<Rfa>());
    QCOMPARE(seenHints, hints);
    QCOMPARE(session.orderRef(), OrderRef);
    QCOMPARE(m_server->requestsTo(QStringLiteral("collect")).size(), collects.size());

    if (failedHint.isEmpty()) {
        QCOMPARE(completedSpy.size(), 1);
        QCOMPARE(failedSpy.size(), 0);
        const auto data = completedSpy.first().at(0).value<CompletionData>();
        QCOMPARE(data.name, QStringLiteral("Karl Karlsson"));
        QCOMPARE(session.completion()->deviceIpAddress, QStringLiteral("192.0.2.1"));
    } else {
        QCOMPARE(failedSpy.size(), 1);
        const auto failure = failedSpy.first().at(0).value<OrderFailure>();
        QCOMPARE(failure.kind, OrderFailure::Kind::HintCode);
        QCOMPARE(failure.hintCode, failedHint);
        QCOMPARE(rfaId(failure.rfa), failedRfa);
        QVERIFY(failure.technicalMessage.contains(failedHint));
    }
    // Polling stopped: no collect after the terminal answer, and no /cancel for a finished order.
    QTest::qWait(1300);
    QCOMPARE(m_server->requestsTo(QStringLiteral("collect")).size(), collects.size());
    QCOMPARE(m_server->requestsTo(QStringLiteral("cancel")).size(), 0);
}

void TestOrderSession::startErrorFailsWithoutRetry()
{
    m_server->enqueue(QStringLiteral("auth"), CannedResponse::bankIdError(400, QStringLiteral("alreadyInProgress"), QStringLiteral("busy")));
    OrderSession session(m_client.get(), &m_clock);
    QSignalSpy failedSpy(&session, &OrderSession::failed);
    session.start(authRequest(), fastOptions());
    QVERIFY(failedSpy.wait(5000));
    const auto failure = failedSpy.first().at(0).value<OrderFailure>();
    QCOMPARE(failure.kind, OrderFailure::Kind::Error);
    QCOMPARE(failure.error.errorCode(), QStringLiteral("alreadyInProgress"));
    QCOMPARE(failure.rfa, Rfa::Rfa4);
    QCOMPARE(session.state(), State::Failed);
    QCOMPARE(m_server->requestsTo(QStringLiteral("auth")).size(), 1);
}

void TestOrderSession::cancelSendsCancel()
{
    m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, orderBody()));
    m_server->setHandler(outstandingUntilCancelled);
    OrderSession session(m_client.get(), &m_clock);
    QSignalSpy stateSpy(&session, &OrderSession::stateChanged);
    session.start(authRequest(), fastOptions());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestsTo(QStringLiteral("collect")).size(), 1, 5000);
    QTRY_VERIFY(session.hintCode() == QLatin1String("outstandingTransaction"));
    session.cancel();
    QCOMPARE(session.state(), State::Cancelling);
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), State::Cancelled, 5000);
    const auto cancels = m_server->requestsTo(QStringLiteral("cancel"));
    QCOMPARE(cancels.size(), 1);
    QCOMPARE(cancels.first().body, QStringLiteral(R"({"orderRef":"%1"})").arg(OrderRef).toUtf8());
    const qsizetype collects = m_server->requestsTo(QStringLiteral("collect")).size();
    QTest::qWait(1300);
    QCOMPARE(m_server->requestsTo(QStringLiteral("collect")).size(), collects);
    QCOMPARE(stateSpy.last().at(0).value<State>(), State::Cancelled);
    session.cancel(); // no-op once cancelled
    QCOMPARE(m_server->requestsTo(QStringLiteral("cancel")).size(), 1);
}

void TestOrderSession::cancelWhileStartingCancelsTheCreatedOrder()
{
    CannedResponse slowOrder = CannedResponse::json(200, orderBody(), 400);
    m_server->enqueue(QStringLiteral("auth"), slowOrder);
    m_server->enqueue(QStringLiteral("cancel"), CannedResponse::json(200, "{}"));
    OrderSession session(m_client.get(), &m_clock);
    session.start(authRequest(), fastOptions());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestsInFlight(), 1, 5000);
    session.cancel();
    QCOMPARE(session.state(), State::Cancelling);
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), State::Cancelled, 5000);
    QCOMPARE(m_server->requestsTo(QStringLiteral("cancel")).size(), 1);
    QCOMPARE(m_server->requestsTo(QStringLiteral("collect")).size(), 0);
}

void TestOrderSession::destroyingPendingSessionSendsCancel()
{
    m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, orderBody()));
    m_server->enqueue(QStringLiteral("collect"), pending(QStringLiteral("outstandingTransaction")));
    m_server->enqueue(QStringLiteral("cancel"), CannedResponse::json(200, "{}"));
    auto *session = new OrderSession(m_client.get(), &m_clock);
    session->start(authRequest(), fastOptions());
    QTRY_COMPARE_WITH_TIMEOUT(session->hintCode(), QStringLiteral("outstandingTransaction"), 5000);
    delete session;
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestsTo(QStringLiteral("cancel")).size(), 1, 5000);
    QCOMPARE(m_server->requestsTo(QStringLiteral("cancel")).first().body,
             QStringLiteral(R"({"orderRef":"%1"})").arg(OrderRef).toUtf8());
    // The fire-and-forget call cleans itself up under the client.
    QTRY_VERIFY(m_client->findChildren<RpCall *>().isEmpty());
}

void TestOrderSession::neverTwoCollectsInFlight()
{
    m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, orderBody()));
    m_server->setHandler([](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.endpoint == "collect")
            return pending(QStringLiteral("userSign"), 2600); // slower than the 2 s poll interval
        return std::nullopt;
    });
    OrderSession session(m_client.get(), &m_clock);
    session.start(authRequest(), fastOptions());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestsTo(QStringLiteral("collect")).size(), 3, 12000);
    QCOMPARE(m_server->maxConcurrentRequests(), 1);
    // Consecutive collects are never closer than the interval (measured from the previous send).
    const auto collects = m_server->requestsTo(QStringLiteral("collect"));
    for (qsizetype i = 1; i < collects.size(); ++i) {
        const qint64 gap = collects.at(i).receivedAtMs - collects.at(i - 1).receivedAtMs;
        QVERIFY2(gap >= 2500, qPrintable(QStringLiteral("collects %1 ms apart").arg(gap)));
    }
    QCOMPARE(session.state(), State::Pending);
}

void TestOrderSession::maintenanceIsRetriedSilently()
{
    m_server->enqueue(QStringLiteral("auth"), CannedResponse::bankIdError(503, QStringLiteral("maintenance"), QStringLiteral("down")));
    m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, orderBody()));
    m_server->enqueue(QStringLiteral("collect"), CannedResponse::bankIdError(503, QStringLiteral("maintenance"), QStringLiteral("down")));
    m_server->enqueue(QStringLiteral("collect"), complete());
    OrderSession session(m_client.get(), &m_clock);
    QSignalSpy failedSpy(&session, &OrderSession::failed);
    QSignalSpy completedSpy(&session, &OrderSession::completed);
    session.start(authRequest(), fastOptions());
    QTRY_COMPARE_WITH_TIMEOUT(completedSpy.size(), 1, 8000);
    QCOMPARE(failedSpy.size(), 0);
    QCOMPARE(m_server->requestsTo(QStringLiteral("auth")).size(), 2);
    QCOMPARE(m_server->requestsTo(QStringLiteral("collect")).size(), 2);
}

void TestOrderSession::internalErrorIsNotRetried()
{
    m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, orderBody()));
    m_server->enqueue(QStringLiteral("collect"), CannedResponse::bankIdError(500, QStringLiteral("internalError"), QStringLiteral("oops")));
    m_server->enqueue(QStringLiteral("cancel"), CannedResponse::json(200, "{}"));
    OrderSession session(m_client.get(), &m_clock);
    QSignalSpy failedSpy(&session, &OrderSession::failed);
    session.start(authRequest(), fastOptions());
    QVERIFY(failedSpy.wait(5000));
    const auto failure = failedSpy.first().at(0).value<OrderFailure>();
    QCOMPARE(failure.kind, OrderFailure::Kind::Error);
    QCOMPARE(failure.error.errorCode(), QStringLiteral("internalError"));
    QCOMPARE(failure.rfa, Rfa::Rfa5);
    QTest::qWait(1500);
    QCOMPARE(m_server->requestsTo(QStringLiteral("collect")).size(), 1);
    // The order may still be live at BankID after an unexplained collect error: it is cancelled.
    QCOMPARE(m_server->requestsTo(QStringLiteral("cancel")).size(), 1);
}

void TestOrderSession::deadline()
{
    m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, orderBody()));
    m_server->setHandler(outstandingUntilCancelled);
    OrderSession session(m_client.get(), &m_clock);
    QSignalSpy failedSpy(&session, &OrderSession::failed);
    OrderSession::Options options = fastOptions();
    options.deadlineMs = 1500;
    session.start(authRequest(), options);
    QVERIFY(failedSpy.wait(5000));
    const auto failure = failedSpy.first().at(0).value<OrderFailure>();
    QCOMPARE(failure.kind, OrderFailure::Kind::Deadline);
    QCOMPARE(failure.rfa, Rfa::Rfa8);
    QVERIFY(failure.technicalMessage.contains(QStringLiteral("1500 ms")));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestsTo(QStringLiteral("cancel")).size(), 1, 5000);
    const qsizetype collects = m_server->requestsTo(QStringLiteral("collect")).size();
    QTest::qWait(1200);
    QCOMPARE(m_server->requestsTo(QStringLiteral("collect")).size(), collects);
}

void TestOrderSession::autoRestartOnStartFailed()
{
    for (int i = 0; i < 3; ++i) {
        m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, orderBody()));
        m_server->enqueue(QStringLiteral("collect"), failedWith(QStringLiteral("startFailed")));
    }
    OrderSession session(m_client.get(), &m_clock);
    QSignalSpy restartedSpy(&session, &OrderSession::restarted);
    QSignalSpy failedSpy(&session, &OrderSession::failed);
    QSignalSpy qrSpy(&session, &OrderSession::qrContentChanged);
    OrderSession::Options options = fastOptions();
    options.maxAutoRestarts = 2;
    session.start(authRequest(), options);
    QVERIFY(failedSpy.wait(8000));
    QCOMPARE(restartedSpy.size(), 2);
    QCOMPARE(restartedSpy.at(0).at(0).toInt(), 1);
    QCOMPARE(restartedSpy.at(1).at(0).toInt(), 2);
    QCOMPARE(session.restartCount(), 2);
    const auto failure = failedSpy.first().at(0).value<OrderFailure>();
    QCOMPARE(failure.hintCode, QStringLiteral("startFailed"));
    QCOMPARE(failure.rfa, Rfa::Rfa17B);
    QCOMPARE(m_server->requestsTo(QStringLiteral("auth")).size(), 3);
    QCOMPARE(qrSpy.size(), 3); // a fresh QR (qrTime 0) for every new order
}

void TestOrderSession::qrContentFollowsTheClock()
{
    bool scanned = false;
    m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, orderBody()));
    m_server->setHandler([&scanned](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.endpoint == "collect")
            return pending(scanned ? QStringLiteral("userSign") : QStringLiteral("outstandingTransaction"));
        return std::nullopt;
    });
    OrderSession session(m_client.get(), &m_clock);
    QSignalSpy qrSpy(&session, &OrderSession::qrContentChanged);
    session.start(authRequest(), fastOptions());
    QTRY_COMPARE_WITH_TIMEOUT(qrSpy.size(), 1, 5000);
    QCOMPARE(qrSpy.at(0).at(0).toString(), QrContent::at(QrToken, QrSecret, 0));
    QVERIFY(!qrSpy.at(0).at(0).toString().contains(QrSecret));
    QCOMPARE(session.startWindowRemainingMs(), qint64(OrderSession::StartWindowMs));

    m_clock.advance(1000);
    QTRY_COMPARE_WITH_TIMEOUT(qrSpy.size(), 2, 3000);
    QCOMPARE(qrSpy.at(1).at(0).toString(), QrContent::at(QrToken, QrSecret, 1));
    m_clock.advance(1500); // 2.5 s: whole second 2
    QTRY_COMPARE_WITH_TIMEOUT(qrSpy.size(), 3, 3000);
    QCOMPARE(qrSpy.at(2).at(0).toString(), QrContent::at(QrToken, QrSecret, 2));
    QCOMPARE(session.startWindowRemainingMs(), qint64(OrderSession::StartWindowMs - 2500));
    QTest::qWait(1100); // the clock did not move: no new content
    QCOMPARE(qrSpy.size(), 3);

    scanned = true; // the next collect says userSign: the QR stops
    QTRY_COMPARE_WITH_TIMEOUT(session.hintCode(), QStringLiteral("userSign"), 4000);
    m_clock.advance(3000);
    QTest::qWait(1200);
    QCOMPARE(qrSpy.size(), 3);
    session.cancel();
}

namespace {
QStringList *g_log = nullptr;
QtMessageHandler g_previous = nullptr;
void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (g_log)
        g_log->append(message);
    if (g_previous)
        g_previous(type, context, message);
}
} // namespace

void TestOrderSession::logsNeverContainSecrets()
{
    // A valid personal number (Luhn) whose last four digits must never be logged.
    const QString nine = QStringLiteral("900101123");
    const QString personalNumber = QStringLiteral("19") + nine + QString::number(PersonalNumber::luhnCheckDigit(nine));
    QCOMPARE(PersonalNumber::check(personalNumber), PersonalNumber::Rule::Ok);

    m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, orderBody()));
    m_server->enqueue(QStringLiteral("collect"), pending(QStringLiteral("outstandingTransaction")));
    m_server->enqueue(QStringLiteral("collect"), complete());

    QStringList log;
    QLoggingCategory::setFilterRules(QStringLiteral("bankid.*=true"));
    g_log = &log;
    g_previous = qInstallMessageHandler(captureMessage);
    {
        OrderSession session(m_client.get(), &m_clock);
        QSignalSpy completedSpy(&session, &OrderSession::completed);
        OrderRequest request = authRequest();
        request.requirement.personalNumber = personalNumber;
        session.start(request, fastOptions());
        QVERIFY(completedSpy.wait(6000));
    }
    qInstallMessageHandler(g_previous);
    g_log = nullptr;
    QLoggingCategory::setFilterRules(QString());

    const QString all = log.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral("POST")), "the exchanges were logged");
    QVERIFY2(all.contains(OrderRef), "orderRef is fine to log");
    QVERIFY2(all.contains(PersonalNumber::mask(personalNumber)), "the personal number is logged masked");
    QVERIFY2(!all.contains(personalNumber), "the full personal number must never be logged");
    QVERIFY2(!all.contains(QrSecret), "qrStartSecret must never be logged");
    QCOMPARE(m_server->requestsTo(QStringLiteral("auth")).size(), 1);
    QVERIFY(m_server->requestsTo(QStringLiteral("auth")).first().body.contains(personalNumber.toUtf8()));
}

void TestOrderSession::orderNotResentWhenItMayHaveArrived_data()
{
    QTest::addColumn<std::optional<CannedResponse::Breakage>>("breakage"); // none: a gateway's HTML 502
    QTest::newRow("close_after_reading_the_request") << std::optional(CannedResponse::Breakage::CloseWithoutAnswer);
    QTest::newRow("partial_200") << std::optional(CannedResponse::Breakage::TruncatedBody);
    QTest::newRow("timeout") << std::optional(CannedResponse::Breakage::LateAnswer);
    QTest::newRow("502_gateway") << std::optional<CannedResponse::Breakage>();
}

void TestOrderSession::orderNotResentWhenItMayHaveArrived()
{
    QFETCH(std::optional<CannedResponse::Breakage>, breakage);
    RpConfig config = m_client->config();
    config.transferTimeoutMs = 800;
    RpClient client(m_nam.get(), config);
    CannedResponse response;
    if (breakage) {
        response = CannedResponse::broken(*breakage, orderBody());
    } else {
        response = CannedResponse::json(502, "<html><body>Bad Gateway</body></html>");
        response.contentType = "text/html";
    }
    m_server->enqueue(QStringLiteral("auth"), response);
    m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, orderBody())); // a second order, if asked

    OrderSession session(&client, &m_clock);
    QSignalSpy failedSpy(&session, &OrderSession::failed);
    session.start(authRequest(), fastOptions());
    QVERIFY(failedSpy.wait(15000));
    const auto failure = failedSpy.first().at(0).value<OrderFailure>();
    QCOMPARE(failure.kind, OrderFailure::Kind::Error);
    QVERIFY(failure.orderStateUnknown);
    QCOMPARE(failure.rfa, Rfa::Rfa5);
    QVERIFY2(failure.technicalMessage.contains(QStringLiteral("whether BankID created an order is unknown")),
             qPrintable(failure.technicalMessage));
    QTest::qWait(2500); // longer than the first retry backoff: nothing more may come
    QCOMPARE(m_server->requestsTo(QStringLiteral("auth")).size(), 1);
}

void TestOrderSession::loadBalancerUnavailableIsRetried()
{
    // A load balancer's HTML 503 is judged by its status: no order was made, so it is sent again.
    CannedResponse unavailable = CannedResponse::json(503, "<html><body>Service Unavailable</body></html>");
    unavailable.contentType = "text/html";
    m_server->enqueue(QStringLiteral("auth"), unavailable);
    m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, orderBody()));
    m_server->enqueue(QStringLiteral("collect"), complete());
    OrderSession session(m_client.get(), &m_clock);
    QSignalSpy completedSpy(&session, &OrderSession::completed);
    session.start(authRequest(), fastOptions());
    QVERIFY(completedSpy.wait(8000));
    QCOMPARE(m_server->requestsTo(QStringLiteral("auth")).size(), 2);
}

void TestOrderSession::gatewayErrorOnCollectIsRetried()
{
    m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, orderBody()));
    CannedResponse gateway = CannedResponse::json(504, "<html><body>Gateway Timeout</body></html>");
    gateway.contentType = "text/html";
    m_server->enqueue(QStringLiteral("collect"), gateway);
    m_server->enqueue(QStringLiteral("collect"), complete());
    OrderSession session(m_client.get(), &m_clock);
    QSignalSpy completedSpy(&session, &OrderSession::completed);
    session.start(authRequest(), fastOptions());
    QVERIFY(completedSpy.wait(10000));
    QCOMPARE(m_server->requestsTo(QStringLiteral("collect")).size(), 2);
}

void TestOrderSession::restartedOrderGetsItsOwnDeadline()
{
    // The first order fails with startFailed after 3.5 s; the restarted one completes 2 s later: 5.5 s
    // after start(), past the 5 s deadline of the FIRST order, well within the second order's own.
    m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, orderBody()));
    m_server->enqueue(QStringLiteral("collect"), CannedResponse::json(200, QStringLiteral(R"({"orderRef":"%1","status":"failed","hintCode":"startFailed"})").arg(OrderRef).toUtf8(), 3500));
    m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, orderBody()));
    m_server->enqueue(QStringLiteral("collect"), pending(QStringLiteral("userSign")));
    m_server->enqueue(QStringLiteral("collect"), complete());
    OrderSession session(m_client.get(), &m_clock);
    QSignalSpy completedSpy(&session, &OrderSession::completed);
    QSignalSpy failedSpy(&session, &OrderSession::failed);
    OrderSession::Options options = fastOptions();
    options.deadlineMs = 5000;
    options.maxAutoRestarts = 1;
    session.start(authRequest(), options);
    QTRY_COMPARE_WITH_TIMEOUT(completedSpy.size() + failedSpy.size(), 1, 15000);
    QVERIFY2(failedSpy.isEmpty(), failedSpy.isEmpty() ? "" : qPrintable(failedSpy.first().at(0).value<OrderFailure>().technicalMessage));
    QCOMPARE(session.restartCount(), 1);
    QVERIFY2(session.elapsedMs() >= 0, "the session ran");
}

void TestOrderSession::abandonedOrderIsCancelled_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("destroyed_while_the_order_request_is_in_flight") << QStringLiteral("destroy-starting");
    QTest::newRow("destroyed_while_pending") << QStringLiteral("destroy-pending");
    QTest::newRow("destroyed_while_cancelling_awaiting_the_order") << QStringLiteral("destroy-cancelling-order");
    QTest::newRow("destroyed_while_its_cancel_is_in_flight") << QStringLiteral("destroy-cancelling-cancel");
    QTest::newRow("deadline_while_the_order_request_is_in_flight") << QStringLiteral("deadline-starting");
    QTest::newRow("client_replaced_while_its_cancel_is_in_flight") << QStringLiteral("replace-client");
}

void TestOrderSession::abandonedOrderIsCancelled()
{
    QFETCH(QString, how);
    const bool slowOrder = how.endsWith(QLatin1String("starting")) || how == QLatin1String("destroy-cancelling-order");
    m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, orderBody(), slowOrder ? 1200 : 0));
    m_server->setHandler([&how](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.endpoint == "collect")
            return pending(QStringLiteral("outstandingTransaction"));
        if (request.endpoint == "cancel") {
            const bool slowCancel = how == QLatin1String("destroy-cancelling-cancel") || how == QLatin1String("replace-client");
            return CannedResponse::json(200, "{}", slowCancel ? 1200 : 0);
        }
        return std::nullopt;
    });
    auto *client = new RpClient(m_nam.get(), m_client->config());
    QPointer<OrderSession> session = new OrderSession(client, &m_clock);
    OrderSession::Options options = fastOptions();
    if (how == QLatin1String("deadline-starting"))
        options.deadlineMs = 300;
    session->start(authRequest(), options);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestsTo(QStringLiteral("auth")).size(), 1, 5000);

    if (how == QLatin1String("destroy-starting")) {
        QCOMPARE(session->state(), State::Starting);
        delete session;
    } else if (how == QLatin1String("destroy-pending")) {
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), State::Pending, 5000);
        delete session;
    } else if (how == QLatin1String("destroy-cancelling-order")) {
        session->cancel();
        QCOMPARE(session->state(), State::Cancelling);
        delete session;
    } else if (how == QLatin1String("destroy-cancelling-cancel") || how == QLatin1String("replace-client")) {
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), State::Pending, 5000);
        session->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestsTo(QStringLiteral("cancel")).size(), 1, 5000);
        QCOMPARE(session->state(), State::Cancelling);
        delete session;
    } else {
        QSignalSpy failedSpy(session.data(), &OrderSession::failed);
        QVERIFY(failedSpy.wait(5000));
        QCOMPARE(failedSpy.first().at(0).value<OrderFailure>().kind, OrderFailure::Kind::Deadline);
    }
    if (how == QLatin1String("replace-client")) {
        // What the desk does when the settings replace the client: delete it once it is idle.
        QVERIFY(client->inFlightCount() > 0);
        QSignalSpy idleSpy(client, &RpClient::idle);
        QVERIFY(idleSpy.wait(8000));
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestsTo(QStringLiteral("cancel")).size(), 1, 8000);
    QCOMPARE(m_server->requestsTo(QStringLiteral("cancel")).first().body,
             QStringLiteral(R"({"orderRef":"%1"})").arg(OrderRef).toUtf8());
    QTRY_COMPARE_WITH_TIMEOUT(client->inFlightCount(), 0, 8000); // the cancel was answered
    QCOMPARE(m_server->requestsInFlight(), 0);
    QCOMPARE(m_server->requestsTo(QStringLiteral("auth")).size(), 1);
    delete session;
    delete client;
}

void TestOrderSession::resentCancelAnsweredInvalidParametersCountsAsCancelled()
{
    m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, orderBody()));
    CannedResponse lost;
    lost.closeWithoutAnswer = true; // the first /cancel reached BankID, its answer was lost
    m_server->setHandler([lost, calls = 0](const RecordedRequest &request) mutable -> std::optional<CannedResponse> {
        if (request.endpoint == "collect")
            return pending(QStringLiteral("outstandingTransaction"));
        if (request.endpoint == "cancel")
            return ++calls == 1 ? lost : CannedResponse::bankIdError(400, QStringLiteral("invalidParameters"), QStringLiteral("Order already cancelled"));
        return std::nullopt;
    });
    OrderSession session(m_client.get(), &m_clock);
    session.start(authRequest(), fastOptions());
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), State::Pending, 5000);
    session.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), State::Cancelled, 10000);
    QCOMPARE(m_server->requestsTo(QStringLiteral("cancel")).size(), 2);
    QVERIFY(session.cancelConfirmed());
}

void TestOrderSession::collectForAnotherOrderNeverCompletes()
{
    m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, orderBody()));
    QByteArray other = complete().body;
    other.replace(OrderRef.toUtf8(), "00000000-0000-0000-0000-000000000000");
    m_server->enqueue(QStringLiteral("collect"), CannedResponse::json(200, other));
    m_server->enqueue(QStringLiteral("cancel"), CannedResponse::json(200, "{}"));
    OrderSession session(m_client.get(), &m_clock);
    QSignalSpy completedSpy(&session, &OrderSession::completed);
    QSignalSpy failedSpy(&session, &OrderSession::failed);
    session.start(authRequest(), fastOptions());
    QVERIFY(failedSpy.wait(8000));
    QCOMPARE(completedSpy.size(), 0);
    const auto failure = failedSpy.first().at(0).value<OrderFailure>();
    QCOMPARE(RpError::kindName(failure.error.kind()), RpError::kindName(RpError::Kind::InvalidResponse));
    QVERIFY2(failure.technicalMessage.contains(QStringLiteral("00000000-0000")), qPrintable(failure.technicalMessage));
    QVERIFY(!session.completion().has_value());
    // Our own order may still be live: it is cancelled.
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestsTo(QStringLiteral("cancel")).size(), 1, 5000);
}

void TestOrderSession::pendingWithoutHintKeepsTheQr()
{
    m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, orderBody()));
    m_server->setHandler([](const RecordedRequest &request) -> std::optional<CannedResponse> {
        if (request.endpoint == "collect")
            return CannedResponse::json(200, QStringLiteral(R"({"orderRef":"%1","status":"pending"})").arg(OrderRef).toUtf8());
        if (request.endpoint == "cancel")
            return CannedResponse::json(200, "{}");
        return std::nullopt;
    });
    OrderSession session(m_client.get(), &m_clock);
    QSignalSpy hintSpy(&session, &OrderSession::hintChanged);
    QSignalSpy qrSpy(&session, &OrderSession::qrContentChanged);
    session.start(authRequest(), fastOptions());
    QVERIFY(hintSpy.wait(5000));
    QCOMPARE(hintSpy.first().at(0).toString(), QString());
    QCOMPARE(hintSpy.first().at(1).value<Rfa>(), Rfa::Rfa21);
    const qsizetype shown = qrSpy.size();
    m_clock.advance(1000);
    QTRY_COMPARE_WITH_TIMEOUT(qrSpy.size(), shown + 1, 3000); // the QR code keeps animating
    QTest::qWait(2500); // another collect without hint: no second hintChanged
    QCOMPARE(hintSpy.size(), 1);
    QCOMPARE(session.state(), State::Pending);
    session.cancel();
}

void TestOrderSession::highRiskIsBlocked()
{
    m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, orderBody()));
    m_server->enqueue(QStringLiteral("collect"), complete(QStringLiteral("high")));
    OrderSession session(m_client.get(), &m_clock);
    QSignalSpy completedSpy(&session, &OrderSession::completed);
    QSignalSpy failedSpy(&session, &OrderSession::failed);
    session.start(authRequest(), fastOptions());
    QVERIFY(failedSpy.wait(8000));
    QCOMPARE(completedSpy.size(), 0);
    QCOMPARE(session.state(), State::Failed);
    const auto failure = failedSpy.first().at(0).value<OrderFailure>();
    QCOMPARE(failure.kind, OrderFailure::Kind::RiskBlocked);
    QVERIFY(failure.isRiskBlocked());
    QVERIFY(failure.technicalMessage.contains(QStringLiteral("high risk")));
    QVERIFY(session.completion().has_value()); // kept for the record
    QCOMPARE(session.completion()->risk, QStringLiteral("high"));

    OrderFailure blockedHint;
    blockedHint.kind = OrderFailure::Kind::HintCode;
    blockedHint.hintCode = QStringLiteral("transactionRiskBlocked");
    QVERIFY(blockedHint.isRiskBlocked());
}

void TestOrderSession::deletedClientFailsTheSession()
{
    m_server->enqueue(QStringLiteral("auth"), CannedResponse::json(200, orderBody()));
    m_server->setHandler(outstandingUntilCancelled);
    auto *client = new RpClient(m_nam.get(), m_client->config());
    OrderSession session(client, &m_clock);
    QSignalSpy failedSpy(&session, &OrderSession::failed);
    session.start(authRequest(), fastOptions());
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), State::Pending, 5000);
    delete client;
    QTRY_COMPARE_WITH_TIMEOUT(failedSpy.size(), 1, 5000);
    QCOMPARE(session.state(), State::Failed);
    QVERIFY(failedSpy.first().at(0).value<OrderFailure>().technicalMessage.contains(QStringLiteral("deleted")));
    session.cancel(); // no-op, no crash
    QTest::qWait(2500); // no timer may touch the deleted client
}

QTEST_GUILESS_MAIN(TestOrderSession)
#include "TestOrderSession.moc"
