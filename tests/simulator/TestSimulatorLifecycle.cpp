// Order lifecycles of the simulator over real mutual TLS: the automatic and the manual user, the control
// API, QR verification, timeouts, retention, same-person rules and cancel semantics.

#include "QrPayload.h"
#include "SimulatorTestClient.h"

#include <QDeadlineTimer>
#include <QJsonArray>

using namespace bankid::sim;
using namespace simtest;

namespace {

QJsonObject ref(const QString &orderRef)
{
    return QJsonObject{{QStringLiteral("orderRef"), orderRef}};
}

QByteArray b64(const QByteArray &text)
{
    return text.toBase64();
}

} // namespace

class TestSimulatorLifecycle : public QObject
{
    Q_OBJECT

private slots:
    void autoUserCompletesWithHintSequence_data();
    void autoUserCompletesWithHintSequence();
    void manualScanWithCorrectQrThenApprove();
    void manualScanRejectsBadQr_data();
    void manualScanRejectsBadQr();
    void manualScanRejectsStaleQr();
    void manualOpenByAutoStartToken();
    void manualActions_data();
    void manualActions();
    void choosePersonSignsAsThatPerson();
    void controlApiRejectsWrongUse_data();
    void controlApiRejectsWrongUse();
    void timeouts_data();
    void timeouts();
    void retention_data();
    void retention();
    void samePersonRules_data();
    void samePersonRules();
    void cancelSemantics();
    void controlApiListsOrdersAndSwitchesMode();

private:
    static QString create(HttpClient &client, const QString &endpoint, const QJsonObject &body)
    {
        const HttpResult r = client.rp(endpoint, body);
        if (r.status != 200)
            qWarning("create %s failed: %d %s", qPrintable(endpoint), r.status, r.body.constData());
        return r.json.value(QStringLiteral("orderRef")).toString();
    }
    static HttpResult collect(HttpClient &client, const QString &orderRef)
    {
        return client.rp(QStringLiteral("collect"), ref(orderRef));
    }
    static QString stateOf(HttpClient &client, const QString &orderRef)
    {
        const HttpResult r = collect(client, orderRef);
        if (r.status != 200)
            return QStringLiteral("http%1").arg(r.status);
        return r.json.value(QStringLiteral("status")).toString() + QLatin1Char('/')
               + r.json.value(QStringLiteral("hintCode")).toString();
    }
    /// Waits (event loop running) until collect says `state` ("pending/userSign", "complete/", "http400").
    static bool waitForState(HttpClient &client, const QString &orderRef, const QString &state, int timeoutMs = 5000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            if (stateOf(client, orderRef) == state)
                return true;
            QTest::qWait(20);
        }
        return stateOf(client, orderRef) == state;
    }
};

void TestSimulatorLifecycle::autoUserCompletesWithHintSequence_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QStringList>("hints");
    QTest::addColumn<QString>("funcId");
    QTest::addColumn<QString>("signer");
    const QString ip = QStringLiteral("192.168.0.1");
    const QStringList qrHints = {QStringLiteral("started"), QStringLiteral("userSign"), QString()};
    QTest::newRow("auth_qr") << "auth" << QJsonObject{{QStringLiteral("endUserIp"), ip}} << qrHints << "Identification"
                             << "199001012385";
    QTest::newRow("auth_mrtd_returnRisk")
        << "auth"
        << QJsonObject{{QStringLiteral("endUserIp"), ip},
                       {QStringLiteral("returnRisk"), true},
                       {QStringLiteral("userVisibleData"), QString::fromLatin1(b64("Logga in"))},
                       {QStringLiteral("requirement"), QJsonObject{{QStringLiteral("mrtd"), true}}}}
        << QStringList{QStringLiteral("started"), QStringLiteral("userMrtd"), QStringLiteral("userSign"), QString()}
        << "Identification"
        << "199001012385";
    QTest::newRow("sign_named_person")
        << "sign"
        << QJsonObject{{QStringLiteral("endUserIp"), ip},
                       {QStringLiteral("userVisibleData"), QString::fromLatin1(b64("Jag godkänner avtalet"))},
                       {QStringLiteral("userNonVisibleData"), QString::fromLatin1(b64("<hash>"))},
                       {QStringLiteral("requirement"), QJsonObject{{QStringLiteral("personalNumber"), QStringLiteral("198506155129")}}}}
        << qrHints << "Signing"
        << "198506155129";
    QTest::newRow("payment")
        << "payment"
        << QJsonObject{{QStringLiteral("endUserIp"), ip},
                       {QStringLiteral("userVisibleTransaction"),
                        QJsonObject{{QStringLiteral("transactionType"), QStringLiteral("npa")},
                                    {QStringLiteral("recipient"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Bank")}}}}}}
        << qrHints << "Signing"
        << "199001012385";
    const QStringList phoneHints = {QStringLiteral("userCallConfirm"), QStringLiteral("userSign"), QString()};
    QTest::newRow("phone_auth") << "phone/auth"
                                << QJsonObject{{QStringLiteral("personalNumber"), QStringLiteral("197202294430")},
                                               {QStringLiteral("callInitiator"), QStringLiteral("user")}}
                                << phoneHints << "Identification"
                                << "197202294430";
    QTest::newRow("phone_sign") << "phone/sign"
                                << QJsonObject{{QStringLiteral("personalNumber"), QStringLiteral("200008249013")},
                                               {QStringLiteral("callInitiator"), QStringLiteral("RP")},
                                               {QStringLiteral("userVisibleData"), QString::fromLatin1(b64("Ok?"))}}
                                << phoneHints << "Signing"
                                << "200008249013";
}

void TestSimulatorLifecycle::autoUserCompletesWithHintSequence()
{
    QFETCH(QString, endpoint);
    QFETCH(QJsonObject, body);
    QFETCH(QStringList, hints);
    QFETCH(QString, funcId);
    QFETCH(QString, signer);
    SimulatorFixture fx(fastOptions(UserMode::Auto));
    QVERIFY(fx.start());
    QSignalSpy changes(&fx.simulator(), &Simulator::orderChanged);
    const QString orderRef = create(fx.client(), endpoint, body);
    QVERIFY(!orderRef.isEmpty());
    QCOMPARE(stateOf(fx.client(), orderRef), QStringLiteral("pending/outstandingTransaction"));
    QTRY_VERIFY_WITH_TIMEOUT(!changes.isEmpty() && changes.last().at(1).toString() == QLatin1String("complete"), 5000);
    QStringList seen;
    for (const auto &change : std::as_const(changes)) {
        QCOMPARE(change.at(0).toString(), orderRef);
        seen.append(change.at(2).toString());
    }
    QCOMPARE(seen, hints);

    const HttpResult done = collect(fx.client(), orderRef);
    QCOMPARE(done.status, 200);
    QCOMPARE(done.json.value(QStringLiteral("status")).toString(), QStringLiteral("complete"));
    QVERIFY(!done.json.contains(QStringLiteral("hintCode")));
    const QJsonObject data = done.json.value(QStringLiteral("completionData")).toObject();
    const QJsonObject user = data.value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("personalNumber")).toString(), signer);
    QCOMPARE(user.value(QStringLiteral("name")).toString(),
             user.value(QStringLiteral("givenName")).toString() + QLatin1Char(' ') + user.value(QStringLiteral("surname")).toString());
    const QJsonObject device = data.value(QStringLiteral("device")).toObject();
    const QString expectedIp = body.value(QStringLiteral("endUserIp")).toString(QStringLiteral("192.0.2.1"));
    QCOMPARE(device.value(QStringLiteral("ipAddress")).toString(), expectedIp);
    QCOMPARE(device.value(QStringLiteral("uhi")).toString().size(), 28);
    QVERIFY(QDate::fromString(data.value(QStringLiteral("bankIdIssueDate")).toString(), Qt::ISODate).isValid());
    const bool mrtd = body.value(QStringLiteral("requirement")).toObject().value(QStringLiteral("mrtd")).toBool();
    QCOMPARE(data.contains(QStringLiteral("stepUp")), mrtd);
    if (mrtd)
        QCOMPARE(data.value(QStringLiteral("stepUp")).toObject().value(QStringLiteral("mrtd")).toBool(), true);
    QCOMPARE(data.contains(QStringLiteral("risk")), body.value(QStringLiteral("returnRisk")).toBool());
    const QByteArray xml = QByteArray::fromBase64(data.value(QStringLiteral("signature")).toString().toLatin1());
    QVERIFY(xml.contains("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">"));
    QVERIFY(xml.contains(QByteArray("<funcId>" + funcId.toLatin1() + "</funcId>")));
    const QString visible = body.value(QStringLiteral("userVisibleData")).toString();
    if (!visible.isEmpty())
        QVERIFY(xml.contains(QByteArray(">" + visible.toLatin1() + "</usrVisibleData>")));
    const QString nonVisible = body.value(QStringLiteral("userNonVisibleData")).toString();
    if (!nonVisible.isEmpty())
        QVERIFY(xml.contains(QByteArray("<usrNonVisibleData>" + nonVisible.toLatin1() + "</usrNonVisibleData>")));
    QVERIFY(!QByteArray::fromBase64(data.value(QStringLiteral("ocspResponse")).toString().toLatin1()).isEmpty());
}

void TestSimulatorLifecycle::manualScanWithCorrectQrThenApprove()
{
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    const QString orderRef = create(fx.client(), QStringLiteral("auth"), authBody());
    const QByteArray qr = fx.simulator().currentQrData(orderRef.toLatin1());
    QVERIFY(qr.startsWith("bankid."));
    const HttpResult scanned =
        fx.client().control("POST", QStringLiteral("scan"), QJsonObject{{QStringLiteral("qrData"), QString::fromLatin1(qr)}});
    QCOMPARE(scanned.status, 200);
    QCOMPARE(scanned.json.value(QStringLiteral("orderRef")).toString(), orderRef);
    QCOMPARE(scanned.json.value(QStringLiteral("pickedUp")).toBool(), true);
    QCOMPARE(stateOf(fx.client(), orderRef), QStringLiteral("pending/started"));
    QVERIFY(waitForState(fx.client(), orderRef, QStringLiteral("pending/userSign")));
    const HttpResult approved = fx.client().control("POST", QStringLiteral("orders/%1/approve").arg(orderRef));
    QCOMPARE(approved.status, 200);
    QCOMPARE(approved.json.value(QStringLiteral("status")).toString(), QStringLiteral("complete"));
    QCOMPARE(stateOf(fx.client(), orderRef), QStringLiteral("complete/"));
}

void TestSimulatorLifecycle::manualScanRejectsBadQr_data()
{
    QTest::addColumn<QString>("mutation");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("forged_hmac") << "forge" << 400 << "invalidQrCode" << "auth code does not match";
    QTest::newRow("qrTime_in_future") << "future" << 400 << "invalidQrCode" << "lies in the future";
    QTest::newRow("not_a_bankid_qr") << "garbage" << 400 << "invalidQrCode" << "expected bankid.";
    QTest::newRow("unknown_qrStartToken") << "token" << 404 << "unknownOrder" << "no order has this qrStartToken";
    QTest::newRow("scanned_twice") << "twice" << 409 << "alreadyPickedUp" << "already picked up";
}

void TestSimulatorLifecycle::manualScanRejectsBadQr()
{
    QFETCH(QString, mutation);
    QFETCH(int, status);
    QFETCH(QString, errorCode);
    QFETCH(QString, messagePart);
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    const QString orderRef = create(fx.client(), QStringLiteral("auth"), authBody());
    QByteArray qr = fx.simulator().currentQrData(orderRef.toLatin1());
    const auto parts = QrPayload::parse(qr);
    QVERIFY(parts.has_value());
    if (mutation == QLatin1String("forge"))
        qr = QrPayload::build(parts->qrStartToken, "not-the-secret", parts->qrTime);
    else if (mutation == QLatin1String("future"))
        qr = "bankid." + parts->qrStartToken + ".9." + QrPayload::authCode("unused", 9);
    else if (mutation == QLatin1String("garbage"))
        qr = "https://example.com/qr";
    else if (mutation == QLatin1String("token"))
        qr = QrPayload::build("00000000-0000-4000-8000-000000000000", "x", parts->qrTime);
    else if (mutation == QLatin1String("twice"))
        QCOMPARE(fx.simulator().scan(qr).ok, true);
    if (mutation == QLatin1String("future")) {
        // A correct HMAC for a future second, so only the time check can reject it.
        const Order *order = fx.simulator().orderBook()->find(orderRef.toLatin1());
        qr = QrPayload::build(order->qrStartToken, order->qrStartSecret, 9);
    }
    const HttpResult r =
        fx.client().control("POST", QStringLiteral("scan"), QJsonObject{{QStringLiteral("qrData"), QString::fromLatin1(qr)}});
    QCOMPARE(r.status, status);
    QCOMPARE(r.errorCode(), errorCode);
    QVERIFY2(r.details().contains(messagePart), qPrintable(r.details()));
    if (mutation != QLatin1String("twice"))
        QCOMPARE(stateOf(fx.client(), orderRef), QStringLiteral("pending/outstandingTransaction"));
}

void TestSimulatorLifecycle::manualScanRejectsStaleQr()
{
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    const QString orderRef = create(fx.client(), QStringLiteral("sign"),
                                    QJsonObject{{QStringLiteral("endUserIp"), QStringLiteral("10.1.1.1")},
                                                {QStringLiteral("userVisibleData"), QString::fromLatin1(b64("x"))}});
    const QByteArray firstSecond = fx.simulator().currentQrData(orderRef.toLatin1());
    QVERIFY(firstSecond.contains(".0."));
    // Wait until the code is two seconds old; a code of the previous second is still accepted (+-1 s).
    QTRY_VERIFY_WITH_TIMEOUT(fx.simulator().currentQrData(orderRef.toLatin1()).contains(".2."), 4000);
    const HttpResult r = fx.client().control("POST", QStringLiteral("scan"),
                                             QJsonObject{{QStringLiteral("qrData"), QString::fromLatin1(firstSecond)}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("qrCodeTooOld"));
    QVERIFY2(r.details().startsWith(QLatin1String("QR code is invalid because it is too old")), qPrintable(r.details()));
    // The previous second's code still works.
    const QByteArray current = fx.simulator().currentQrData(orderRef.toLatin1());
    const auto parts = QrPayload::parse(current);
    const Order *order = fx.simulator().orderBook()->find(orderRef.toLatin1());
    const QByteArray previous = QrPayload::build(order->qrStartToken, order->qrStartSecret, parts->qrTime - 1);
    QCOMPARE(fx.simulator().scan(previous).ok, true);
}

void TestSimulatorLifecycle::manualOpenByAutoStartToken()
{
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    const HttpResult created = fx.client().rp(QStringLiteral("auth"), authBody());
    const QString orderRef = created.json.value(QStringLiteral("orderRef")).toString();
    const HttpResult wrong = fx.client().control("POST", QStringLiteral("open"),
                                                 QJsonObject{{QStringLiteral("autoStartToken"), QStringLiteral("nope")}});
    QCOMPARE(wrong.status, 404);
    const HttpResult opened = fx.client().control(
        "POST", QStringLiteral("open"),
        QJsonObject{{QStringLiteral("autoStartToken"), created.json.value(QStringLiteral("autoStartToken"))},
                    {QStringLiteral("deviceIpAddress"), QStringLiteral("203.0.113.9")}});
    QCOMPARE(opened.status, 200);
    QCOMPARE(stateOf(fx.client(), orderRef), QStringLiteral("pending/started"));
    QVERIFY(waitForState(fx.client(), orderRef, QStringLiteral("pending/userSign")));
    QVERIFY(fx.simulator().approve(orderRef.toLatin1()).ok);
    // The app reported another address than endUserIp: what a session-fixation check must notice.
    const HttpResult done = collect(fx.client(), orderRef);
    QCOMPARE(done.json.value(QStringLiteral("completionData")).toObject().value(QStringLiteral("device")).toObject()
                 .value(QStringLiteral("ipAddress")).toString(),
             QStringLiteral("203.0.113.9"));
}

void TestSimulatorLifecycle::manualActions_data()
{
    QTest::addColumn<bool>("phone");
    QTest::addColumn<QStringList>("actions");
    QTest::addColumn<QString>("finalState");
    QTest::newRow("cancel_gives_userCancel") << false << QStringList{QStringLiteral("cancel")} << "failed/userCancel";
    QTest::newRow("two_wrong_codes_still_userSign")
        << false << QStringList{QStringLiteral("wrongCode"), QStringLiteral("wrongCode")} << "pending/userSign";
    QTest::newRow("three_wrong_codes_certificateErr")
        << false << QStringList{QStringLiteral("wrongCode"), QStringLiteral("wrongCode"), QStringLiteral("wrongCode")}
        << "failed/certificateErr";
    QTest::newRow("wrong_code_then_approve")
        << false << QStringList{QStringLiteral("wrongCode"), QStringLiteral("approve")} << "complete/";
    QTest::newRow("phone_decline_userDeclinedCall") << true << QStringList{QStringLiteral("decline")} << "failed/userDeclinedCall";
    QTest::newRow("phone_confirm_call_then_approve")
        << true << QStringList{QStringLiteral("confirmCall"), QStringLiteral("approve")} << "complete/";
    QTest::newRow("phone_confirm_call_then_cancel")
        << true << QStringList{QStringLiteral("confirmCall"), QStringLiteral("cancel")} << "failed/userCancel";
}

void TestSimulatorLifecycle::manualActions()
{
    QFETCH(bool, phone);
    QFETCH(QStringList, actions);
    QFETCH(QString, finalState);
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    const QString orderRef =
        phone ? create(fx.client(), QStringLiteral("phone/auth"),
                       QJsonObject{{QStringLiteral("personalNumber"), QStringLiteral("199001012385")},
                                   {QStringLiteral("callInitiator"), QStringLiteral("RP")}})
              : create(fx.client(), QStringLiteral("auth"), authBody());
    const HttpResult opened = fx.client().control("POST", QStringLiteral("orders/%1/open").arg(orderRef));
    QCOMPARE(opened.status, 200);
    QVERIFY(waitForState(fx.client(), orderRef,
                         phone ? QStringLiteral("pending/userCallConfirm") : QStringLiteral("pending/userSign")));
    for (const QString &action : std::as_const(actions)) {
        const HttpResult r = fx.client().control("POST", QStringLiteral("orders/%1/%2").arg(orderRef, action));
        QVERIFY2(r.status == 200, r.body.constData());
    }
    QCOMPARE(stateOf(fx.client(), orderRef), finalState);
}

void TestSimulatorLifecycle::choosePersonSignsAsThatPerson()
{
    SimulatorFixture fx(fastOptions(UserMode::Auto));
    QVERIFY(fx.start());
    const QString orderRef = create(fx.client(), QStringLiteral("auth"), authBody());
    const HttpResult chosen = fx.client().control("POST", QStringLiteral("orders/%1/person").arg(orderRef),
                                                  QJsonObject{{QStringLiteral("personalNumber"), QStringLiteral("200008249013")}});
    QCOMPARE(chosen.status, 200);
    QVERIFY(waitForState(fx.client(), orderRef, QStringLiteral("complete/")));
    const QJsonObject user = collect(fx.client(), orderRef).json.value(QStringLiteral("completionData")).toObject()
                                 .value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("personalNumber")).toString(), QStringLiteral("200008249013"));
    QCOMPARE(user.value(QStringLiteral("name")).toString(), QStringLiteral("Åsa Öberg"));
}

void TestSimulatorLifecycle::controlApiRejectsWrongUse_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errorCode");
    QTest::newRow("approve_before_pickup") << "auth" << QByteArray("POST") << "orders/{ref}/approve" << QJsonObject{} << 409
                                           << "notPickedUp";
    QTest::newRow("decline_non_phone") << "auth-open" << QByteArray("POST") << "orders/{ref}/decline" << QJsonObject{}
                                       << 409 << "wrongState";
    QTest::newRow("person_conflicts_with_requirement")
        << "named" << QByteArray("POST") << "orders/{ref}/person"
        << QJsonObject{{QStringLiteral("personalNumber"), QStringLiteral("199001012385")}} << 409 << "wrongPerson";
    QTest::newRow("person_malformed") << "auth" << QByteArray("POST") << "orders/{ref}/person"
                                      << QJsonObject{{QStringLiteral("personalNumber"), QStringLiteral("1990")}} << 400
                                      << "invalidParameters";
    QTest::newRow("unknown_action") << "auth" << QByteArray("POST") << "orders/{ref}/teleport" << QJsonObject{} << 404
                                    << "notFound";
    QTest::newRow("unknown_order") << "auth" << QByteArray("POST") << "orders/nope/approve" << QJsonObject{} << 404
                                   << "unknownOrder";
    QTest::newRow("scan_without_qrData") << "auth" << QByteArray("POST") << "scan" << QJsonObject{} << 400
                                         << "invalidParameters";
    QTest::newRow("get_on_scan") << "auth" << QByteArray("GET") << "scan" << QJsonObject{} << 405 << "methodNotAllowed";
    QTest::newRow("unknown_control_path") << "auth" << QByteArray("GET") << "whatever" << QJsonObject{} << 404 << "notFound";
}

void TestSimulatorLifecycle::controlApiRejectsWrongUse()
{
    QFETCH(QString, setup);
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, errorCode);
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    QJsonObject orderBody = authBody();
    if (setup == QLatin1String("named"))
        orderBody.insert(QStringLiteral("requirement"),
                         QJsonObject{{QStringLiteral("personalNumber"), QStringLiteral("198506155129")}});
    const QString orderRef = create(fx.client(), QStringLiteral("auth"), orderBody);
    if (setup == QLatin1String("auth-open"))
        QVERIFY(fx.simulator().orderBook()->act(orderRef.toLatin1(), OrderBook::Action::Open).ok);
    const HttpResult r = fx.client().control(verb, QString(path).replace(QLatin1String("{ref}"), orderRef), body);
    QCOMPARE(r.status, status);
    QCOMPARE(r.errorCode(), errorCode);
    QVERIFY(!r.details().isEmpty());
}

void TestSimulatorLifecycle::timeouts_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("pickUp");
    QTest::addColumn<QString>("finalState");
    QTest::newRow("manual_unscanned_startFailed") << int(UserMode::Manual) << false << "failed/startFailed";
    QTest::newRow("auto_user_too_slow_startFailed") << int(UserMode::Auto) << false << "failed/startFailed";
    QTest::newRow("picked_up_never_signed_expiredTransaction") << int(UserMode::Manual) << true
                                                               << "failed/expiredTransaction";
}

void TestSimulatorLifecycle::timeouts()
{
    QFETCH(int, mode);
    QFETCH(bool, pickUp);
    QFETCH(QString, finalState);
    SimulatorOptions options = fastOptions(UserMode(mode));
    options.pickUpDelayMs = 5000; // the automatic user would scan after startFailed
    options.startFailedTimeoutMs = 300;
    options.expiryMs = 700;
    SimulatorFixture fx(options);
    QVERIFY(fx.start());
    QSignalSpy changes(&fx.simulator(), &Simulator::orderChanged);
    const QString orderRef = create(fx.client(), QStringLiteral("auth"), authBody());
    if (pickUp)
        QVERIFY(fx.simulator().scan(fx.simulator().currentQrData(orderRef.toLatin1())).ok);
    // The timer fires on its own: the signal arrives without anybody collecting.
    QTRY_VERIFY_WITH_TIMEOUT(!changes.isEmpty() && changes.last().at(1).toString() == QLatin1String("failed"), 3000);
    QCOMPARE(stateOf(fx.client(), orderRef), finalState);
}

void TestSimulatorLifecycle::retention_data()
{
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("finalState");
    QTest::newRow("complete_kept_then_forgotten") << "complete" << "complete/";
    QTest::newRow("failed_kept_then_forgotten") << "userCancel" << "failed/userCancel";
    QTest::newRow("never_picked_up_forgotten") << "startFailed" << "failed/startFailed";
}

void TestSimulatorLifecycle::retention()
{
    QFETCH(QString, outcome);
    QFETCH(QString, finalState);
    SimulatorOptions options = fastOptions(UserMode::Manual);
    options.startFailedTimeoutMs = 200;
    options.completeRetentionMs = 600;
    options.failedRetentionMs = 600;
    options.neverPickedUpRetentionMs = 800;
    SimulatorFixture fx(options);
    QVERIFY(fx.start());
    QSignalSpy removed(&fx.simulator(), &Simulator::orderRemoved);
    const QString orderRef = create(fx.client(), QStringLiteral("auth"), authBody());
    if (outcome != QLatin1String("startFailed")) {
        QVERIFY(fx.simulator().scan(fx.simulator().currentQrData(orderRef.toLatin1())).ok);
        QVERIFY(outcome == QLatin1String("complete") ? fx.simulator().approve(orderRef.toLatin1()).ok
                                                     : fx.simulator().userCancel(orderRef.toLatin1()).ok);
    }
    QVERIFY(waitForState(fx.client(), orderRef, finalState));
    // Within the window every collect returns the same final answer, byte for byte.
    const QByteArray first = collect(fx.client(), orderRef).body;
    QCOMPARE(collect(fx.client(), orderRef).body, first);
    QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 3000);
    const HttpResult late = collect(fx.client(), orderRef);
    QCOMPARE(late.status, 400);
    QCOMPARE(late.errorCode(), QStringLiteral("invalidParameters"));
}

void TestSimulatorLifecycle::samePersonRules_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::newRow("second_pickup_cancels_older_order") << "pickup";
    QTest::newRow("named_phone_order_alreadyInProgress") << "phone";
    QTest::newRow("requirement_personalNumber_alreadyInProgress") << "requirement";
    QTest::newRow("different_persons_do_not_interfere") << "different";
}

void TestSimulatorLifecycle::samePersonRules()
{
    QFETCH(QString, scenario);
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    HttpClient &client = fx.client();
    const QString karl = QStringLiteral("199001012385");
    const QJsonObject phoneKarl{{QStringLiteral("personalNumber"), karl}, {QStringLiteral("callInitiator"), QStringLiteral("user")}};
    if (scenario == QLatin1String("pickup")) {
        const QString older = create(client, QStringLiteral("auth"), authBody());
        QVERIFY(fx.simulator().orderBook()->act(older.toLatin1(), OrderBook::Action::Open, karl).ok);
        const QString newer = create(client, QStringLiteral("auth"), authBody());
        QVERIFY(fx.simulator().orderBook()->act(newer.toLatin1(), OrderBook::Action::Open, karl).ok);
        QCOMPARE(stateOf(client, older), QStringLiteral("failed/cancelled"));
        QCOMPARE(stateOf(client, newer), QStringLiteral("pending/started"));
    } else if (scenario == QLatin1String("phone") || scenario == QLatin1String("requirement")) {
        const QString older = create(client, QStringLiteral("phone/auth"), phoneKarl);
        QVERIFY(!older.isEmpty());
        const HttpResult second =
            scenario == QLatin1String("phone")
                ? client.rp(QStringLiteral("phone/sign"),
                            QJsonObject{{QStringLiteral("personalNumber"), karl},
                                        {QStringLiteral("callInitiator"), QStringLiteral("RP")},
                                        {QStringLiteral("userVisibleData"), QString::fromLatin1(b64("x"))}})
                : client.rp(QStringLiteral("auth"),
                            QJsonObject{{QStringLiteral("endUserIp"), QStringLiteral("10.0.0.2")},
                                        {QStringLiteral("requirement"), QJsonObject{{QStringLiteral("personalNumber"), karl}}}});
        QCOMPARE(second.status, 400);
        QCOMPARE(second.errorCode(), QStringLiteral("alreadyInProgress"));
        QCOMPARE(stateOf(client, older), QStringLiteral("failed/cancelled")); // aborted too: neither survives
        QCOMPARE(client.rp(QStringLiteral("phone/auth"), phoneKarl).status, 200); // Karl is free again
    } else {
        const QString a = create(client, QStringLiteral("phone/auth"), phoneKarl);
        const QString b = create(client, QStringLiteral("phone/auth"),
                                 QJsonObject{{QStringLiteral("personalNumber"), QStringLiteral("198506155129")},
                                             {QStringLiteral("callInitiator"), QStringLiteral("user")}});
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        QCOMPARE(stateOf(client, a), QStringLiteral("pending/outstandingTransaction"));
        QCOMPARE(stateOf(client, b), QStringLiteral("pending/outstandingTransaction"));
    }
}

void TestSimulatorLifecycle::cancelSemantics()
{
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    HttpClient &client = fx.client();
    const QString pending = create(client, QStringLiteral("auth"), authBody());
    QCOMPARE(client.rp(QStringLiteral("cancel"), ref(pending)).body, QByteArrayLiteral("{}"));
    const HttpResult again = client.rp(QStringLiteral("cancel"), ref(pending));
    QCOMPARE(again.status, 400);
    QCOMPARE(again.errorCode(), QStringLiteral("invalidParameters"));
    // Collect after an RP cancel: invalidParameters (UNCONFIRMED upstream; pybankid expects it).
    QCOMPARE(collect(client, pending).errorCode(), QStringLiteral("invalidParameters"));

    const QString completed = create(client, QStringLiteral("auth"), authBody());
    QVERIFY(fx.simulator().scan(fx.simulator().currentQrData(completed.toLatin1())).ok);
    QVERIFY(fx.simulator().approve(completed.toLatin1()).ok);
    const HttpResult cancelComplete = client.rp(QStringLiteral("cancel"), ref(completed));
    QCOMPARE(cancelComplete.status, 400);
    QVERIFY2(cancelComplete.details().contains(QLatin1String("already complete")), qPrintable(cancelComplete.details()));
    QCOMPARE(stateOf(client, completed), QStringLiteral("complete/"));

    const QString failed = create(client, QStringLiteral("auth"), authBody());
    QVERIFY(fx.simulator().scan(fx.simulator().currentQrData(failed.toLatin1())).ok);
    QVERIFY(fx.simulator().userCancel(failed.toLatin1()).ok);
    QCOMPARE(client.rp(QStringLiteral("cancel"), ref(failed)).status, 400);
    QCOMPARE(stateOf(client, failed), QStringLiteral("failed/userCancel"));
}

void TestSimulatorLifecycle::controlApiListsOrdersAndSwitchesMode()
{
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    HttpClient &client = fx.client();
    const QString manualOrder = create(client, QStringLiteral("auth"), authBody());
    const HttpResult listed = client.control("GET", QStringLiteral("orders"));
    QCOMPARE(listed.status, 200);
    const QJsonArray orders = listed.json.value(QStringLiteral("orders")).toArray();
    QCOMPARE(orders.size(), 1);
    const QJsonObject order = orders.first().toObject();
    QCOMPARE(order.value(QStringLiteral("orderRef")).toString(), manualOrder);
    QCOMPARE(order.value(QStringLiteral("kind")).toString(), QStringLiteral("auth"));
    QVERIFY(!order.contains(QStringLiteral("qrStartSecret"))); // never handed out by the control API
    QCOMPARE(client.control("GET", QStringLiteral("orders/%1").arg(manualOrder)).json.value(QStringLiteral("hintCode")).toString(),
             QStringLiteral("outstandingTransaction"));
    QCOMPARE(client.control("GET", QStringLiteral("persons")).json.value(QStringLiteral("persons")).toArray().size(),
             TestPerson::builtIn().size());
    QCOMPARE(client.control("POST", QStringLiteral("user"), QJsonObject{{QStringLiteral("mode"), QStringLiteral("robot")}}).status,
             400);
    QCOMPARE(client.control("POST", QStringLiteral("user"), QJsonObject{{QStringLiteral("mode"), QStringLiteral("auto")}}).status,
             200);
    const QString autoOrder = create(client, QStringLiteral("auth"), authBody());
    QVERIFY(waitForState(client, autoOrder, QStringLiteral("complete/")));
    QCOMPARE(stateOf(client, manualOrder), QStringLiteral("pending/outstandingTransaction")); // mode applies to new orders
}

QTEST_GUILESS_MAIN(TestSimulatorLifecycle)
#include "TestSimulatorLifecycle.moc"
