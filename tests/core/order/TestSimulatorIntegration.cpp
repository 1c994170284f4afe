// The core client against the in-process BankID simulator over real mutual TLS on loopback.
//
// The client is configured exactly like an operator would configure it for a custom server
// (RpConfig::forCustomServer with the simulator's base URL, its ca.pem and client.p12 / "qwerty123"). Every endpoint is exercised with raw RpClient calls, and
// OrderSession is driven through every user-visible flow: the automatic user, and a manual user acted
// out through the simulator's programmatic control (scan of the QR content the session emitted, open by
// autoStartToken, approve, cancel, wrong codes, declined calls), start failures and restarts, cancels and
// the same-person rules.

#include "ApiTypes.h"
#include "SimulatorClientConfig.h"
#include "ClientIdentity.h"
#include "OrderSession.h"
#include "QrContent.h"
#include "RpCall.h"
#include "RpClient.h"
#include "RpConfig.h"
#include "Simulator.h"
#include "SteadyClock.h"
#include "TestPerson.h"
#include "UserMessages.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QUuid>
#include <QXmlStreamReader>
#include <QtTest>

#include <memory>

using namespace bankid;
using bankid::sim::OrderBook;
using bankid::sim::Simulator;
using bankid::sim::SimulatorOptions;
using bankid::sim::TestPerson;
using bankid::sim::UserMode;

namespace {

constexpr int PollMs = OrderSession::MinPollIntervalMs;
const QString AnnaNumber = QStringLiteral("198506155129");
const QString LarsNumber = QStringLiteral("197202294430");

/// The order requests used by the rows, by name. Every one passes the core's RequestValidator.
OrderRequest makeRequest(const QString &kind)
{
    OrderRequest request;
    if (kind.startsWith(QLatin1String("phone"))) {
        request.flow = kind.startsWith(QLatin1String("phone_auth")) ? Flow::PhoneAuth : Flow::PhoneSign;
        const bool byUser = kind.endsWith(QLatin1String("_user"));
        request.personalNumber = byUser ? AnnaNumber : LarsNumber;
        request.callInitiator = byUser ? CallInitiator::User : CallInitiator::RP;
        if (request.flow == Flow::PhoneSign)
            request.userVisibleData = QStringLiteral("Telefonärende 42: jag godkänner flytten").toUtf8();
        return request;
    }
    request.endUserIp = QStringLiteral("192.0.2.10");
    request.app = AppDeviceData{QStringLiteral("se.bankid-desk.tests"), QStringLiteral("linux"), {}, {}};
    if (kind.startsWith(QLatin1String("auth"))) {
        request.flow = Flow::Auth;
        request.userVisibleData = QStringLiteral("Logga in på BankID Desk").toUtf8();
        request.requirement.mrtd = kind == QLatin1String("auth_mrtd") ? std::optional<bool>(true) : std::nullopt;
        request.returnRisk = kind == QLatin1String("auth_risk");
    } else if (kind == QLatin1String("sign")) {
        request.flow = Flow::Sign;
        request.userVisibleData = QStringLiteral("Jag godkänner avtalet om 1 000 kr, ränta 3 %.").toUtf8();
        request.userNonVisibleData = QByteArrayLiteral("contract-id=4711;hash=abc");
    } else if (kind == QLatin1String("payment_card")) {
        request.flow = Flow::Payment;
        request.userVisibleTransaction = UserVisibleTransaction{QStringLiteral("card"), QStringLiteral("Kaffebaren AB"),
                                                                QStringLiteral("49,00"), QStringLiteral("SEK"), {}};
        request.riskFlags = QStringList{QStringLiteral("newCard")};
    } else if (kind == QLatin1String("payment_npa")) {
        request.flow = Flow::Payment;
        request.userVisibleTransaction =
            UserVisibleTransaction{QStringLiteral("npa"), QStringLiteral("Banken AB"), {}, {}, {}};
    }
    return request;
}

/// Who the automatic user signs as: the named person for phone orders, else the simulator's default.
QString expectedSigner(const QString &kind)
{
    if (kind.startsWith(QLatin1String("phone")))
        return kind.endsWith(QLatin1String("_user")) ? AnnaNumber : LarsNumber;
    return TestPerson::builtIn().first().personalNumber;
}

StartMethod startMethodFor(const OrderRequest &request)
{
    return isPhoneFlow(request.flow) ? StartMethod::Phone : StartMethod::QrCode;
}

/// Records what an OrderSession reports, in order.
struct SessionProbe
{
    QStringList hints;
    QStringList rfas;
    QStringList qrContents;
    QStringList pendingOrderRefs; ///< orderRef each time the session became Pending
    int restarts = 0;
    int completedCount = 0;
    int failedCount = 0;

    void attach(OrderSession *session)
    {
        QObject::connect(session, &OrderSession::hintChanged, session, [this](const QString &hint, Rfa rfa) {
            hints << hint;
            rfas << rfaId(rfa);
        });
        QObject::connect(session, &OrderSession::qrContentChanged, session,
                         [this](const QString &content) { qrContents << content; });
        QObject::connect(session, &OrderSession::stateChanged, session, [this, session](OrderSession::State state) {
            if (state == OrderSession::State::Pending)
                pendingOrderRefs << session->orderRef();
        });
        QObject::connect(session, &OrderSession::restarted, session, [this](int count) { restarts = count; });
        QObject::connect(session, &OrderSession::completed, session, [this] { ++completedCount; });
        QObject::connect(session, &OrderSession::failed, session, [this] { ++failedCount; });
    }
};

} // namespace

class TestSimulatorIntegration : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void endpointsRoundTrip_data();
    void endpointsRoundTrip();
    void autoUserCompletes_data();
    void autoUserCompletes();
    void qrContentIsWhatTheServerExpects();
    void manualUserFlows_data();
    void manualUserFlows();
    void startFailed_data();
    void startFailed();
    void autoRestartMakesNewOrder();
    void sessionCancelCancelsAtSimulator();
    void destroyingLiveSessionCancels_data();
    void destroyingLiveSessionCancels();
    void secondOrderOfSamePersonCancelsFirst();
    void personalNumberAlreadyInProgress();
    void completionDataMembers_data();
    void completionDataMembers();

private:
    /// Options with short delays; manual user unless said otherwise.
    SimulatorOptions fastOptions(UserMode mode) const;
    /// Starts a fresh simulator (reusing the state dir's certificates) and a client configured like a user
    /// would. Check QTest::currentTestFailed() afterwards.
    void startSimulator(const SimulatorOptions &options);
    /// Waits for `call` (created just now, so not finished yet) and takes ownership.
    std::unique_ptr<RpCall> await(RpCall *call, int timeoutMs = 10000);
    /// The simulator's JSON view of one order (empty when unknown or forgotten).
    QJsonObject simulatorOrder(const QString &orderRef);
    OrderSession::Options sessionOptions(StartMethod method) const;

    QTemporaryDir m_stateDir;
    SteadyClock m_clock;
    std::unique_ptr<Simulator> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<RpClient> m_client;
};

#define START_SIMULATOR(options)                                                                                       \
    do {                                                                                                               \
        startSimulator(options);                                                                                       \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

void TestSimulatorIntegration::initTestCase()
{
    qRegisterMetaType<OrderSession::State>();
    qRegisterMetaType<OrderFailure>();
    qRegisterMetaType<CompletionData>();
    qRegisterMetaType<Rfa>();
    QVERIFY2(m_stateDir.isValid(), qPrintable(m_stateDir.errorString()));
}

void TestSimulatorIntegration::cleanup()
{
    m_client.reset();
    m_nam.reset();
    m_sim.reset();
}

SimulatorOptions TestSimulatorIntegration::fastOptions(UserMode mode) const
{
    SimulatorOptions options;
    options.stateDir = m_stateDir.path();
    options.userMode = mode;
    options.pickUpDelayMs = 300;
    // Longer than one poll interval, so that a collect is guaranteed to see "started" (and "userMrtd").
    options.startedDurationMs = mode == UserMode::Manual ? PollMs + 600 : 200;
    options.signDelayMs = 300;
    return options;
}

void TestSimulatorIntegration::startSimulator(const SimulatorOptions &options)
{
    m_client.reset();
    m_nam.reset();
    m_sim = std::make_unique<Simulator>(options);
    QString error;
    QVERIFY2(m_sim->start(&error), qPrintable(error));

    const auto configured = test::simulatorClientConfig(*m_sim, &error);
    QVERIFY2(configured, qPrintable(error));
    RpConfig config = *configured;
    QVERIFY2(config.validationError().isEmpty(), qPrintable(config.validationError()));
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<RpClient>(m_nam.get(), config);
}

std::unique_ptr<RpCall> TestSimulatorIntegration::await(RpCall *call, int timeoutMs)
{
    call->setAutoDelete(false);
    QSignalSpy spy(call, &RpCall::finished);
    if (!call->isFinished())
        spy.wait(timeoutMs);
    return std::unique_ptr<RpCall>(call);
}

QJsonObject TestSimulatorIntegration::simulatorOrder(const QString &orderRef)
{
    const QJsonArray orders = m_sim->orders();
    for (const QJsonValue &value : orders) {
        if (value.toObject().value(QLatin1String("orderRef")).toString() == orderRef)
            return value.toObject();
    }
    return {};
}

OrderSession::Options TestSimulatorIntegration::sessionOptions(StartMethod method) const
{
    OrderSession::Options options;
    options.startMethod = method;
    options.pollIntervalMs = PollMs;
    options.deadlineMs = 60000;
    return options;
}

// ---------------------------------------------------------------------------------------------------------
// Raw endpoints: order, collect, cancel, and what the simulator saw.

void TestSimulatorIntegration::endpointsRoundTrip_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("simulatorKind");

    QTest::newRow("auth") << QStringLiteral("auth") << QStringLiteral("auth");
    QTest::newRow("sign") << QStringLiteral("sign") << QStringLiteral("sign");
    QTest::newRow("payment_card_with_money") << QStringLiteral("payment_card") << QStringLiteral("payment");
    QTest::newRow("payment_npa_without_money") << QStringLiteral("payment_npa") << QStringLiteral("payment");
    QTest::newRow("phone_auth_callInitiator_user") << QStringLiteral("phone_auth_user") << QStringLiteral("phone/auth");
    QTest::newRow("phone_sign_callInitiator_RP") << QStringLiteral("phone_sign_rp") << QStringLiteral("phone/sign");
}

void TestSimulatorIntegration::endpointsRoundTrip()
{
    QFETCH(QString, kind);
    QFETCH(QString, simulatorKind);
    START_SIMULATOR(fastOptions(UserMode::Manual));
    const OrderRequest request = makeRequest(kind);

    QSignalSpy created(m_sim.get(), &Simulator::orderCreated);
    QSignalSpy removed(m_sim.get(), &Simulator::orderRemoved);

    const auto order = await(m_client->start(request));
    QVERIFY(order->isFinished());
    QVERIFY2(order->ok(), qPrintable(order->error().technicalMessage()));
    QCOMPARE(order->httpStatus(), 200);
    QCOMPARE(order->path(), endpointPath(request.flow));
    const OrderResponse response = order->orderResponse();
    QVERIFY2(!QUuid::fromString(response.orderRef).isNull(), qPrintable(response.orderRef));
    if (isPhoneFlow(request.flow)) {
        QVERIFY(response.autoStartToken.isEmpty());
        QVERIFY(response.qrStartToken.isEmpty());
        QVERIFY(response.qrStartSecret.isEmpty());
    } else {
        QVERIFY(!QUuid::fromString(response.autoStartToken).isNull());
        QVERIFY(!QUuid::fromString(response.qrStartToken).isNull());
        QVERIFY(!QUuid::fromString(response.qrStartSecret).isNull());
    }
    QCOMPARE(created.size(), 1);
    QCOMPARE(created.first().first().toString(), response.orderRef);

    // What the server understood of the request.
    const QJsonObject seen = simulatorOrder(response.orderRef);
    QCOMPARE(seen.value(QLatin1String("kind")).toString(), simulatorKind);
    QCOMPARE(seen.value(QLatin1String("status")).toString(), QStringLiteral("pending"));
    if (isPhoneFlow(request.flow)) {
        QCOMPARE(seen.value(QLatin1String("personalNumber")).toString(), request.personalNumber);
    } else {
        QCOMPARE(seen.value(QLatin1String("endUserIp")).toString(), request.endUserIp);
        QCOMPARE(seen.value(QLatin1String("qrStartToken")).toString(), response.qrStartToken);
        QCOMPARE(seen.value(QLatin1String("autoStartToken")).toString(), response.autoStartToken);
    }

    const auto collect = await(m_client->collect(response.orderRef));
    QVERIFY2(collect->ok(), qPrintable(collect->error().technicalMessage()));
    QCOMPARE(collect->collectResponse().orderRef, response.orderRef);
    QCOMPARE(collect->collectResponse().status, CollectStatus::Pending);
    QCOMPARE(collect->collectResponse().hintCode, QStringLiteral("outstandingTransaction"));
    QVERIFY(!collect->collectResponse().completion.has_value());

    const auto cancel = await(m_client->cancel(response.orderRef));
    QVERIFY2(cancel->ok(), qPrintable(cancel->error().technicalMessage()));
    QCOMPARE(cancel->httpStatus(), 200);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().first().toString(), response.orderRef);
    QVERIFY(simulatorOrder(response.orderRef).isEmpty());

    // A cancelled order is gone: collecting or cancelling it again is the RP's mistake (invalidParameters).
    for (bool again : {false, true}) {
        const auto late = await(again ? m_client->cancel(response.orderRef) : m_client->collect(response.orderRef));
        QVERIFY(late->isFinished());
        QCOMPARE(late->error().kind(), RpError::Kind::Api);
        QCOMPARE(late->error().httpStatus(), 400);
        QCOMPARE(late->error().errorCode(), QStringLiteral("invalidParameters"));
        QVERIFY(!late->error().retriable());
        QCOMPARE(late->error().rfa(), Rfa::Rfa22);
    }
}

// ---------------------------------------------------------------------------------------------------------
// OrderSession with the automatic user.

void TestSimulatorIntegration::autoUserCompletes_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("auth") << QStringLiteral("auth");
    QTest::newRow("sign") << QStringLiteral("sign");
    QTest::newRow("payment_card") << QStringLiteral("payment_card");
    QTest::newRow("payment_npa") << QStringLiteral("payment_npa");
    QTest::newRow("phone_auth_user") << QStringLiteral("phone_auth_user");
    QTest::newRow("phone_sign_rp") << QStringLiteral("phone_sign_rp");
}

void TestSimulatorIntegration::autoUserCompletes()
{
    QFETCH(QString, kind);
    START_SIMULATOR(fastOptions(UserMode::Auto));
    const OrderRequest request = makeRequest(kind);

    OrderSession session(m_client.get(), &m_clock);
    SessionProbe probe;
    probe.attach(&session);
    session.start(request, sessionOptions(startMethodFor(request)));
    QCOMPARE(session.state(), OrderSession::State::Starting);
    QTRY_VERIFY_WITH_TIMEOUT(!session.isActive(), 15000);

    QVERIFY2(session.state() == OrderSession::State::Complete,
             qPrintable(session.failure() ? session.failure()->technicalMessage : QStringLiteral("not complete")));
    QCOMPARE(probe.completedCount, 1);
    QCOMPARE(probe.failedCount, 0);
    QVERIFY(session.completion().has_value());
    const CompletionData &completion = *session.completion();
    const TestPerson person = TestPerson::forNumber(expectedSigner(kind));
    QCOMPARE(completion.personalNumber, person.personalNumber);
    QCOMPARE(completion.name, person.name());
    QCOMPARE(completion.givenName, person.givenName);
    QCOMPARE(completion.surname, person.surname);
    QCOMPARE(completion.bankIdIssueDate, person.bankIdIssueDate.toString(Qt::ISODate));
    QCOMPARE(completion.deviceIpAddress,
             isPhoneFlow(request.flow) ? QStringLiteral("192.0.2.1") : request.endUserIp);
    QVERIFY(!completion.deviceUhi.isEmpty());
    QVERIFY(!completion.signature.isEmpty());
    QVERIFY(!completion.ocspResponse.isEmpty());

    QCOMPARE(probe.pendingOrderRefs, QStringList{session.orderRef()});
    const QJsonObject seen = simulatorOrder(session.orderRef());
    QCOMPARE(seen.value(QLatin1String("status")).toString(), QStringLiteral("complete"));
    QVERIFY(!probe.hints.isEmpty());
    if (isPhoneFlow(request.flow)) {
        QVERIFY2(probe.qrContents.isEmpty(), "phone orders have no QR code");
    } else {
        // The first QR content belongs to this order and is its second 0.
        QVERIFY(!probe.qrContents.isEmpty());
        const QString prefix = QStringLiteral("bankid.") + seen.value(QLatin1String("qrStartToken")).toString()
                               + QStringLiteral(".0.");
        QVERIFY2(probe.qrContents.first().startsWith(prefix), qPrintable(probe.qrContents.first()));
    }
}

// ---------------------------------------------------------------------------------------------------------
// The animated QR content is exactly what the server verifies.

void TestSimulatorIntegration::qrContentIsWhatTheServerExpects()
{
    START_SIMULATOR(fastOptions(UserMode::Manual));
    OrderSession session(m_client.get(), &m_clock);
    SessionProbe probe;
    probe.attach(&session);
    session.start(makeRequest(QStringLiteral("auth")), sessionOptions(StartMethod::QrCode));

    // Three whole seconds of animation: qrTime 0, 1, 2, each with its own auth code.
    QTRY_VERIFY_WITH_TIMEOUT(probe.qrContents.size() >= 3, 10000);
    const QString token = simulatorOrder(session.orderRef()).value(QLatin1String("qrStartToken")).toString();
    QVERIFY(!token.isEmpty());
    for (int second = 0; second < 3; ++second) {
        const QStringList parts = probe.qrContents.at(second).split(QLatin1Char('.'));
        QCOMPARE(parts.size(), 4);
        QCOMPARE(parts.at(0), QStringLiteral("bankid"));
        QCOMPARE(parts.at(1), token);
        QCOMPARE(parts.at(2), QString::number(second));
        QCOMPARE(parts.at(3).size(), 64);
    }
    QCOMPARE(QSet<QString>(probe.qrContents.cbegin(), probe.qrContents.cend()).size(), probe.qrContents.size());

    // The current content is the one the server itself would show, and scanning it is accepted.
    const QString latest = probe.qrContents.last();
    QCOMPARE(latest.section(QLatin1Char('.'), 2, 2).toLongLong(), qint64(probe.qrContents.size() - 1));
    const OrderBook::Result scan = m_sim->scan(latest.toLatin1());
    QVERIFY2(scan.ok, qPrintable(scan.message));
    QCOMPARE(QString::fromLatin1(scan.orderRef), session.orderRef());

    // Once the order is picked up the QR code is no longer animated.
    QTRY_COMPARE_WITH_TIMEOUT(session.hintCode(), QStringLiteral("started"), 10000);
    const qsizetype shown = probe.qrContents.size();
    QTRY_COMPARE_WITH_TIMEOUT(session.hintCode(), QStringLiteral("userSign"), 10000);
    QCOMPARE(probe.qrContents.size(), shown);
    session.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), OrderSession::State::Cancelled, 10000);
}

// ---------------------------------------------------------------------------------------------------------
// The manual user, acted out through the simulator's programmatic control.

void TestSimulatorIntegration::manualUserFlows_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<StartMethod>("method");
    QTest::addColumn<QString>("pickUp");     ///< scan | open | answerCall
    QTest::addColumn<QStringList>("steps");  ///< wait:<hint> | approve | userCancel | wrongCode | expectPending | confirmCall | decline
    QTest::addColumn<QStringList>("hints");  ///< every pending hint the session reported, in order
    QTest::addColumn<QStringList>("rfas");
    QTest::addColumn<QString>("outcome");    ///< "complete" or the failed hintCode
    QTest::addColumn<QString>("failureRfa");

    const QStringList approve{QStringLiteral("wait:userSign"), QStringLiteral("approve")};
    const QStringList qrHints{QStringLiteral("outstandingTransaction"), QStringLiteral("started"), QStringLiteral("userSign")};

    QTest::newRow("qr_scanned_then_approved")
        << QStringLiteral("auth") << StartMethod::QrCode << QStringLiteral("scan") << approve << qrHints
        << QStringList{QStringLiteral("RFA1"), QStringLiteral("RFA15B"), QStringLiteral("RFA9")}
        << QStringLiteral("complete") << QString();
    QTest::newRow("same_device_opened_by_autoStartToken_then_approved")
        << QStringLiteral("sign") << StartMethod::SameDevice << QStringLiteral("open") << approve << qrHints
        << QStringList{QStringLiteral("RFA13"), QStringLiteral("RFA15A"), QStringLiteral("RFA9")}
        << QStringLiteral("complete") << QString();
    QTest::newRow("mrtd_required_shows_userMrtd")
        << QStringLiteral("auth_mrtd") << StartMethod::QrCode << QStringLiteral("scan") << approve
        << QStringList{QStringLiteral("outstandingTransaction"), QStringLiteral("started"), QStringLiteral("userMrtd"),
                       QStringLiteral("userSign")}
        << QStringList{QStringLiteral("RFA1"), QStringLiteral("RFA15B"), QStringLiteral("RFA23"), QStringLiteral("RFA9")}
        << QStringLiteral("complete") << QString();
    QTest::newRow("userCancel_fails_RFA6")
        << QStringLiteral("auth") << StartMethod::QrCode << QStringLiteral("scan")
        << QStringList{QStringLiteral("wait:userSign"), QStringLiteral("userCancel")} << qrHints
        << QStringList{QStringLiteral("RFA1"), QStringLiteral("RFA15B"), QStringLiteral("RFA9")}
        << QStringLiteral("userCancel") << QStringLiteral("RFA6");
    QTest::newRow("three_wrong_codes_fail_certificateErr_RFA16")
        << QStringLiteral("sign") << StartMethod::QrCode << QStringLiteral("scan")
        << QStringList{QStringLiteral("wait:userSign"), QStringLiteral("wrongCode"), QStringLiteral("wrongCode"),
                       QStringLiteral("expectPending"), QStringLiteral("wrongCode")}
        << qrHints << QStringList{QStringLiteral("RFA1"), QStringLiteral("RFA15B"), QStringLiteral("RFA9")}
        << QStringLiteral("certificateErr") << QStringLiteral("RFA16");
    QTest::newRow("phone_auth_call_confirmed_then_approved")
        << QStringLiteral("phone_auth_user") << StartMethod::Phone << QStringLiteral("answerCall")
        << QStringList{QStringLiteral("wait:userCallConfirm"), QStringLiteral("confirmCall"),
                       QStringLiteral("wait:userSign"), QStringLiteral("approve")}
        << QStringList{QStringLiteral("outstandingTransaction"), QStringLiteral("userCallConfirm"), QStringLiteral("userSign")}
        << QStringList{QStringLiteral("RFA1"), QStringLiteral("RFA21"), QStringLiteral("RFA9")}
        << QStringLiteral("complete") << QString();
    QTest::newRow("phone_sign_call_declined_RFA22")
        << QStringLiteral("phone_sign_rp") << StartMethod::Phone << QStringLiteral("answerCall")
        << QStringList{QStringLiteral("wait:userCallConfirm"), QStringLiteral("decline")}
        << QStringList{QStringLiteral("outstandingTransaction"), QStringLiteral("userCallConfirm")}
        << QStringList{QStringLiteral("RFA1"), QStringLiteral("RFA21")} << QStringLiteral("userDeclinedCall")
        << QStringLiteral("RFA22");
}

void TestSimulatorIntegration::manualUserFlows()
{
    QFETCH(QString, kind);
    QFETCH(StartMethod, method);
    QFETCH(QString, pickUp);
    QFETCH(QStringList, steps);
    QFETCH(QStringList, hints);
    QFETCH(QStringList, rfas);
    QFETCH(QString, outcome);
    QFETCH(QString, failureRfa);
    START_SIMULATOR(fastOptions(UserMode::Manual));

    OrderSession session(m_client.get(), &m_clock);
    SessionProbe probe;
    probe.attach(&session);
    session.start(makeRequest(kind), sessionOptions(method));
    QTRY_COMPARE_WITH_TIMEOUT(session.hintCode(), QStringLiteral("outstandingTransaction"), 10000);
    const QByteArray orderRef = session.orderRef().toLatin1();

    OrderBook::Result picked;
    if (pickUp == QLatin1String("scan")) {
        QVERIFY(!probe.qrContents.isEmpty());
        picked = m_sim->scan(probe.qrContents.last().toLatin1());
    } else if (pickUp == QLatin1String("open")) {
        QVERIFY(probe.qrContents.isEmpty());
        QVERIFY(!session.autoStartToken().isEmpty());
        QCOMPARE(session.launchUrl().scheme(), QStringLiteral("bankid"));
        QVERIFY(session.launchUrl().toString().contains(session.autoStartToken()));
        picked = m_sim->open(session.autoStartToken().toLatin1());
    } else {
        picked = m_sim->orderBook()->act(orderRef, OrderBook::Action::Open);
    }
    QVERIFY2(picked.ok, qPrintable(picked.message));
    QCOMPARE(picked.orderRef, orderRef);

    for (const QString &step : steps) {
        if (step.startsWith(QLatin1String("wait:"))) {
            QTRY_COMPARE_WITH_TIMEOUT(session.hintCode(), step.mid(5), 10000);
            continue;
        }
        if (step == QLatin1String("expectPending")) {
            QCOMPARE(simulatorOrder(session.orderRef()).value(QLatin1String("status")).toString(), QStringLiteral("pending"));
            QCOMPARE(session.state(), OrderSession::State::Pending);
            continue;
        }
        OrderBook::Result result;
        if (step == QLatin1String("approve"))
            result = m_sim->approve(orderRef);
        else if (step == QLatin1String("userCancel"))
            result = m_sim->userCancel(orderRef);
        else if (step == QLatin1String("wrongCode"))
            result = m_sim->wrongCode(orderRef);
        else if (step == QLatin1String("confirmCall"))
            result = m_sim->confirmCall(orderRef);
        else if (step == QLatin1String("decline"))
            result = m_sim->decline(orderRef);
        else
            QFAIL(qPrintable(QStringLiteral("unknown step ") + step));
        QVERIFY2(result.ok, qPrintable(step + QStringLiteral(": ") + result.message));
    }

    QTRY_VERIFY_WITH_TIMEOUT(!session.isActive(), 10000);
    QCOMPARE(probe.hints, hints);
    QCOMPARE(probe.rfas, rfas);
    QCOMPARE(probe.pendingOrderRefs.size(), 1);
    if (outcome == QLatin1String("complete")) {
        QVERIFY2(session.state() == OrderSession::State::Complete,
                 qPrintable(session.failure() ? session.failure()->technicalMessage : QStringLiteral("not complete")));
        QCOMPARE(probe.completedCount, 1);
        QCOMPARE(session.completion()->personalNumber, expectedSigner(kind));
        QCOMPARE(session.completion()->stepUpMrtd.has_value(), kind == QLatin1String("auth_mrtd"));
    } else {
        QCOMPARE(session.state(), OrderSession::State::Failed);
        QCOMPARE(probe.failedCount, 1);
        const OrderFailure failure = *session.failure();
        QCOMPARE(failure.kind, OrderFailure::Kind::HintCode);
        QCOMPARE(failure.hintCode, outcome);
        QCOMPARE(rfaId(failure.rfa), failureRfa);
        QCOMPARE(simulatorOrder(session.orderRef()).value(QLatin1String("hintCode")).toString(), outcome);
    }
}

// ---------------------------------------------------------------------------------------------------------
// startFailed and the automatic restart.

void TestSimulatorIntegration::startFailed_data()
{
    QTest::addColumn<StartMethod>("method");
    QTest::addColumn<Rfa>("rfa");
    QTest::newRow("qr_code_not_scanned_RFA17B") << StartMethod::QrCode << Rfa::Rfa17B;
    QTest::newRow("same_device_app_not_started_RFA17A") << StartMethod::SameDevice << Rfa::Rfa17A;
}

void TestSimulatorIntegration::startFailed()
{
    QFETCH(StartMethod, method);
    QFETCH(Rfa, rfa);
    SimulatorOptions options = fastOptions(UserMode::Manual);
    options.startFailedTimeoutMs = 1500;
    START_SIMULATOR(options);

    OrderSession session(m_client.get(), &m_clock);
    SessionProbe probe;
    probe.attach(&session);
    session.start(makeRequest(QStringLiteral("auth")), sessionOptions(method));
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), OrderSession::State::Failed, 8000);
    QCOMPARE(probe.failedCount, 1);
    QCOMPARE(probe.restarts, 0);
    const OrderFailure failure = *session.failure();
    QCOMPARE(failure.kind, OrderFailure::Kind::HintCode);
    QCOMPARE(failure.hintCode, QStringLiteral("startFailed"));
    QCOMPARE(failure.rfa, rfa);
    QVERIFY(!UserMessages::englishText(rfa).isEmpty());
    QCOMPARE(probe.rfas.first(), rfaId(method == StartMethod::QrCode ? Rfa::Rfa1 : Rfa::Rfa13));
}

void TestSimulatorIntegration::autoRestartMakesNewOrder()
{
    SimulatorOptions options = fastOptions(UserMode::Manual);
    options.startFailedTimeoutMs = 1500;
    START_SIMULATOR(options);

    OrderSession session(m_client.get(), &m_clock);
    SessionProbe probe;
    probe.attach(&session);
    OrderSession::Options sessionOpts = sessionOptions(StartMethod::QrCode);
    sessionOpts.maxAutoRestarts = 1;
    session.start(makeRequest(QStringLiteral("auth")), sessionOpts);

    QTRY_COMPARE_WITH_TIMEOUT(probe.restarts, 1, 8000);
    QTRY_COMPARE_WITH_TIMEOUT(probe.pendingOrderRefs.size(), 2, 10000);
    const QString first = probe.pendingOrderRefs.at(0);
    const QString second = probe.pendingOrderRefs.at(1);
    QVERIFY(first != second);
    QCOMPARE(session.orderRef(), second);
    QCOMPARE(session.restartCount(), 1);
    QCOMPARE(probe.failedCount, 0);
    const QJsonObject old = simulatorOrder(first);
    QCOMPARE(old.value(QLatin1String("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(old.value(QLatin1String("hintCode")).toString(), QStringLiteral("startFailed"));

    // The QR code now shows the new order; scanning it completes the session.
    const QString token = simulatorOrder(second).value(QLatin1String("qrStartToken")).toString();
    QTRY_VERIFY_WITH_TIMEOUT(probe.qrContents.last().startsWith(QStringLiteral("bankid.") + token + u'.'), 3000);
    const OrderBook::Result scan = m_sim->scan(probe.qrContents.last().toLatin1());
    QVERIFY2(scan.ok, qPrintable(scan.message));
    QCOMPARE(QString::fromLatin1(scan.orderRef), second);
    QTRY_COMPARE_WITH_TIMEOUT(session.hintCode(), QStringLiteral("userSign"), 10000);
    QVERIFY(m_sim->approve(second.toLatin1()).ok);
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), OrderSession::State::Complete, 10000);
    QCOMPARE(probe.completedCount, 1);
}

// ---------------------------------------------------------------------------------------------------------
// Cancelling: explicitly, and by destroying a live session.

void TestSimulatorIntegration::sessionCancelCancelsAtSimulator()
{
    START_SIMULATOR(fastOptions(UserMode::Manual));
    OrderSession session(m_client.get(), &m_clock);
    session.start(makeRequest(QStringLiteral("sign")), sessionOptions(StartMethod::QrCode));
    QTRY_COMPARE_WITH_TIMEOUT(session.hintCode(), QStringLiteral("outstandingTransaction"), 10000);
    const QString orderRef = session.orderRef();
    QVERIFY(!simulatorOrder(orderRef).isEmpty());

    QSignalSpy removed(m_sim.get(), &Simulator::orderRemoved);
    session.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), OrderSession::State::Cancelled, 10000);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().first().toString(), orderRef);
    QVERIFY(simulatorOrder(orderRef).isEmpty());

    const auto collect = await(m_client->collect(orderRef));
    QCOMPARE(collect->error().kind(), RpError::Kind::Api);
    QCOMPARE(collect->error().errorCode(), QStringLiteral("invalidParameters"));
}

void TestSimulatorIntegration::destroyingLiveSessionCancels_data()
{
    QTest::addColumn<bool>("whileStarting");
    QTest::newRow("while_pending") << false;
    QTest::newRow("while_starting_order_in_flight") << true;
}

void TestSimulatorIntegration::destroyingLiveSessionCancels()
{
    QFETCH(bool, whileStarting);
    SimulatorOptions options = fastOptions(UserMode::Manual);
    if (whileStarting)
        options.latencyMs = 300; // the order response is still on its way when the session dies
    START_SIMULATOR(options);

    QSignalSpy created(m_sim.get(), &Simulator::orderCreated);
    QSignalSpy removed(m_sim.get(), &Simulator::orderRemoved);
    auto session = std::make_unique<OrderSession>(m_client.get(), &m_clock);
    session->start(makeRequest(QStringLiteral("auth")), sessionOptions(StartMethod::QrCode));
    if (whileStarting) {
        QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, 10000);
        QCOMPARE(session->state(), OrderSession::State::Starting);
    } else {
        QTRY_COMPARE_WITH_TIMEOUT(session->hintCode(), QStringLiteral("outstandingTransaction"), 10000);
    }
    QCOMPARE(created.size(), 1);
    const QString orderRef = created.first().first().toString();
    session.reset();

    QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 10000);
    QCOMPARE(removed.first().first().toString(), orderRef);
    QVERIFY(m_sim->orders().isEmpty());
}

// ---------------------------------------------------------------------------------------------------------
// Same-person rules.

void TestSimulatorIntegration::secondOrderOfSamePersonCancelsFirst()
{
    START_SIMULATOR(fastOptions(UserMode::Manual));
    OrderSession first(m_client.get(), &m_clock);
    SessionProbe firstProbe;
    firstProbe.attach(&first);
    first.start(makeRequest(QStringLiteral("auth")), sessionOptions(StartMethod::QrCode));
    QTRY_COMPARE_WITH_TIMEOUT(first.hintCode(), QStringLiteral("outstandingTransaction"), 10000);
    QVERIFY(m_sim->scan(firstProbe.qrContents.last().toLatin1()).ok);
    QTRY_COMPARE_WITH_TIMEOUT(first.hintCode(), QStringLiteral("started"), 10000);

    OrderSession second(m_client.get(), &m_clock);
    SessionProbe secondProbe;
    secondProbe.attach(&second);
    second.start(makeRequest(QStringLiteral("sign")), sessionOptions(StartMethod::QrCode));
    QTRY_COMPARE_WITH_TIMEOUT(second.hintCode(), QStringLiteral("outstandingTransaction"), 10000);
    // The same (default) person picks the new order up: the older one fails with "cancelled".
    QVERIFY(m_sim->scan(secondProbe.qrContents.last().toLatin1()).ok);

    QTRY_COMPARE_WITH_TIMEOUT(first.state(), OrderSession::State::Failed, 10000);
    QCOMPARE(first.failure()->kind, OrderFailure::Kind::HintCode);
    QCOMPARE(first.failure()->hintCode, QStringLiteral("cancelled"));
    QCOMPARE(first.failure()->rfa, Rfa::Rfa3);
    QCOMPARE(UserMessages::englishText(first.failure()->rfa), QStringLiteral("The action was cancelled. Please try again."));

    QTRY_COMPARE_WITH_TIMEOUT(second.hintCode(), QStringLiteral("userSign"), 10000);
    QVERIFY(m_sim->approve(second.orderRef().toLatin1()).ok);
    QTRY_COMPARE_WITH_TIMEOUT(second.state(), OrderSession::State::Complete, 10000);
}

void TestSimulatorIntegration::personalNumberAlreadyInProgress()
{
    START_SIMULATOR(fastOptions(UserMode::Manual));
    OrderRequest request = makeRequest(QStringLiteral("auth"));
    request.requirement.personalNumber = AnnaNumber;

    OrderSession first(m_client.get(), &m_clock);
    first.start(request, sessionOptions(StartMethod::QrCode));
    QTRY_COMPARE_WITH_TIMEOUT(first.hintCode(), QStringLiteral("outstandingTransaction"), 10000);
    QCOMPARE(simulatorOrder(first.orderRef()).value(QLatin1String("personalNumber")).toString(), AnnaNumber);

    QSignalSpy created(m_sim.get(), &Simulator::orderCreated);
    OrderSession second(m_client.get(), &m_clock);
    SessionProbe secondProbe;
    secondProbe.attach(&second);
    second.start(request, sessionOptions(StartMethod::QrCode));
    QTRY_COMPARE_WITH_TIMEOUT(second.state(), OrderSession::State::Failed, 10000);
    QCOMPARE(created.size(), 0); // "No order is created."
    QVERIFY(secondProbe.pendingOrderRefs.isEmpty());
    const OrderFailure failure = *second.failure();
    QCOMPARE(failure.kind, OrderFailure::Kind::Error);
    QCOMPARE(failure.error.kind(), RpError::Kind::Api);
    QCOMPARE(failure.error.httpStatus(), 400);
    QCOMPARE(failure.error.errorCode(), QStringLiteral("alreadyInProgress"));
    QCOMPARE(failure.rfa, Rfa::Rfa4);
    QCOMPARE(UserMessages::englishText(failure.rfa),
             QStringLiteral("An identification or signature is already in progress for your personal identity number. "
                            "Please try again."));

    // The simulator also aborts the order already in progress (facts §3; UNCONFIRMED for the real server).
    QTRY_COMPARE_WITH_TIMEOUT(first.state(), OrderSession::State::Failed, 10000);
    QCOMPARE(first.failure()->hintCode, QStringLiteral("cancelled"));
    QCOMPARE(first.failure()->rfa, Rfa::Rfa3);
}

// ---------------------------------------------------------------------------------------------------------
// completionData members.

void TestSimulatorIntegration::completionDataMembers_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("stepUpMrtd");
    QTest::addColumn<QString>("risk");
    QTest::addColumn<QString>("funcId");

    QTest::newRow("auth_plain_no_stepUp_no_risk") << QStringLiteral("auth") << false << QString()
                                                  << QStringLiteral("Identification");
    QTest::newRow("auth_mrtd_stepUp") << QStringLiteral("auth_mrtd") << true << QString()
                                      << QStringLiteral("Identification");
    QTest::newRow("auth_returnRisk_risk") << QStringLiteral("auth_risk") << false << QStringLiteral("low")
                                          << QStringLiteral("Identification");
    QTest::newRow("sign_signature_holds_usrVisibleData") << QStringLiteral("sign") << false << QString()
                                                         << QStringLiteral("Signing");
}

void TestSimulatorIntegration::completionDataMembers()
{
    QFETCH(QString, kind);
    QFETCH(bool, stepUpMrtd);
    QFETCH(QString, risk);
    QFETCH(QString, funcId);
    START_SIMULATOR(fastOptions(UserMode::Auto));
    const OrderRequest request = makeRequest(kind);

    OrderSession session(m_client.get(), &m_clock);
    session.start(request, sessionOptions(StartMethod::QrCode));
    QTRY_VERIFY_WITH_TIMEOUT(!session.isActive(), 15000);
    QVERIFY2(session.state() == OrderSession::State::Complete,
             qPrintable(session.failure() ? session.failure()->technicalMessage : QStringLiteral("not complete")));
    const CompletionData completion = *session.completion();

    QCOMPARE(completion.stepUpMrtd.has_value(), stepUpMrtd);
    QCOMPARE(completion.raw.contains(QLatin1String("stepUp")), stepUpMrtd);
    if (stepUpMrtd)
        QCOMPARE(*completion.stepUpMrtd, true);
    QCOMPARE(completion.risk, risk);
    QCOMPARE(completion.raw.contains(QLatin1String("risk")), !risk.isEmpty());

    // signature: base64 of an XMLDSig document whose bankIdSignedData holds what we sent, base64 as sent.
    const QByteArray xml = QByteArray::fromBase64(completion.signature.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    QVERIFY2(!xml.isEmpty(), "signature is not base64");
    QXmlStreamReader reader(xml);
    QString visible;
    QString nonVisible;
    QString seenFuncId;
    bool sawSignature = false;
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (reader.name() == QLatin1String("Signature"))
            sawSignature = reader.namespaceUri() == QLatin1String("http://www.w3.org/2000/09/xmldsig#");
        else if (reader.name() == QLatin1String("usrVisibleData"))
            visible = reader.readElementText();
        else if (reader.name() == QLatin1String("usrNonVisibleData"))
            nonVisible = reader.readElementText();
        else if (reader.name() == QLatin1String("funcId"))
            seenFuncId = reader.readElementText();
    }
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    QVERIFY(sawSignature);
    QCOMPARE(visible, QString::fromLatin1(request.userVisibleData.toBase64()));
    QCOMPARE(QByteArray::fromBase64(visible.toLatin1()), request.userVisibleData);
    QCOMPARE(nonVisible, QString::fromLatin1(request.userNonVisibleData.toBase64()));
    QCOMPARE(seenFuncId, funcId);
}

QTEST_GUILESS_MAIN(TestSimulatorIntegration)
#include "TestSimulatorIntegration.moc"
