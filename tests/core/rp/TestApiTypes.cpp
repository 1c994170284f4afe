// ApiTypes: endpoint names, request bodies against JSON fixtures, tolerant response parsing with
// errors that name the member.
#include "ApiTypes.h"

#include "TestConfig.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace bankid;

namespace {

QJsonObject fixture(const QString &name)
{
    QFile file(QStringLiteral(BANKID_TEST_DATA_DIR "/api/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad fixture %s: %s", qPrintable(name), qPrintable(error.errorString()));
    return document.object();
}


/// The request each request_*.json fixture was written for.
OrderRequest requestFor(const QString &fixtureName)
{
    OrderRequest request;
    if (fixtureName == QLatin1String("request_auth_app.json")) {
        request.flow = Flow::Auth;
        request.endUserIp = QStringLiteral("192.0.2.10");
        request.userVisibleData = QStringLiteral("Logga in på Kundportalen").toUtf8();
        request.requirement.pinCode = true;
        request.requirement.certificatePolicies = {QStringLiteral("1.2.3.4.25")};
        request.returnRisk = true;
        request.app = AppDeviceData{QStringLiteral("se.example.bankiddesk"), QStringLiteral("Debian 12"),
                                    QStringLiteral("Desk"), QStringLiteral("b3a1f2")};
        // Members /auth does not take: toJson must leave them out.
        request.riskFlags = {QStringLiteral("newCard")};
        request.callInitiator = CallInitiator::RP;
    } else if (fixtureName == QLatin1String("request_sign_markdown_web.json")) {
        request.flow = Flow::Sign;
        request.endUserIp = QStringLiteral("2001:db8::1");
        request.userVisibleData = QByteArrayLiteral("# Avtal\n\n*Belopp:* 100 kr");
        request.userVisibleDataIsMarkdown = true;
        request.userNonVisibleData = QByteArrayLiteral("internal-ref-42");
        request.requirement.cardReader = QStringLiteral("class1");
        request.requirement.personalNumber = QStringLiteral("19811218-9876"); // normalised on the wire
        request.requirement.mrtd = false;
        request.returnUrl = QStringLiteral("https://rp.example/done?nonce=n1");
        request.web = WebDeviceData{QStringLiteral("rp.example"), QStringLiteral("Mozilla/5.0"), QString()};
    } else if (fixtureName == QLatin1String("request_payment_card.json")) {
        request.flow = Flow::Payment;
        request.endUserIp = QStringLiteral("198.51.100.7");
        request.userVisibleTransaction = UserVisibleTransaction{QStringLiteral("card"), QStringLiteral("Webbshoppen AB"),
                                                                QStringLiteral("1000,00"), QStringLiteral("SEK"),
                                                                QStringLiteral("Ny mottagare")};
        request.riskFlags = {QStringLiteral("newRecipient"), QStringLiteral("largeAmount")};
    } else if (fixtureName == QLatin1String("request_phone_sign.json")) {
        request.flow = Flow::PhoneSign;
        request.personalNumber = QStringLiteral("198112189876");
        request.callInitiator = CallInitiator::RP;
        request.userVisibleData = QStringLiteral("Jag godkänner villkoren").toUtf8();
        request.requirement.certificatePolicies = {QStringLiteral("1.2.3.4.25")};
        request.requirement.pinCode = true;
        request.requirement.cardReader = QStringLiteral("class2");
        // Not accepted by the phone endpoints: toJson must leave them out.
        request.requirement.mrtd = true;
        request.requirement.personalNumber = QStringLiteral("198112189876");
        request.endUserIp = QStringLiteral("192.0.2.1");
        request.returnRisk = true;
        request.returnUrl = QStringLiteral("https://rp.example/");
        request.web = WebDeviceData{QStringLiteral("rp.example"), QString(), QString()};
    }
    return request;
}

} // namespace

class TestApiTypes : public QObject
{
    Q_OBJECT

private slots:
    void flowNames_data();
    void flowNames();
    void unknownFlowName();
    void callInitiatorNames();
    void requestToJson_data();
    void requestToJson();
    void emptyRequirementOmitted();
    void paymentMoneyOmittedWhenUnset();
    void orderResponse_data();
    void orderResponse();
    void pendingWithoutHintIsAccepted();
    void collectRoundTrip_data();
    void collectRoundTrip();
    void collectFields();
    void collectKeepsUnknownMembers();
    void responseErrors_data();
    void responseErrors();
};

void TestApiTypes::flowNames_data()
{
    QTest::addColumn<Flow>("flow");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("phone");
    QTest::newRow("auth") << Flow::Auth << "auth" << "auth" << false;
    QTest::newRow("sign") << Flow::Sign << "sign" << "sign" << false;
    QTest::newRow("payment") << Flow::Payment << "payment" << "payment" << false;
    QTest::newRow("phone_auth") << Flow::PhoneAuth << "phone/auth" << "phone-auth" << true;
    QTest::newRow("phone_sign") << Flow::PhoneSign << "phone/sign" << "phone-sign" << true;
}

void TestApiTypes::flowNames()
{
    QFETCH(Flow, flow);
    QFETCH(QString, path);
    QFETCH(QString, name);
    QFETCH(bool, phone);
    QCOMPARE(endpointPath(flow), path);
    QCOMPARE(flowName(flow), name);
    QCOMPARE(isPhoneFlow(flow), phone);
    QCOMPARE(flowFromName(name), std::optional<Flow>(flow));
    QCOMPARE(flowFromName(path), std::optional<Flow>(flow));
    QCOMPARE(flowFromName(name.toUpper()), std::optional<Flow>(flow));
}

void TestApiTypes::unknownFlowName()
{
    QVERIFY(!flowFromName(QStringLiteral("collect")));
    QVERIFY(!flowFromName(QString()));
}

void TestApiTypes::callInitiatorNames()
{
    QCOMPARE(callInitiatorName(CallInitiator::User), QStringLiteral("user"));
    QCOMPARE(callInitiatorName(CallInitiator::RP), QStringLiteral("RP"));
    QCOMPARE(callInitiatorFromName(QStringLiteral("RP")), std::optional<CallInitiator>(CallInitiator::RP));
    QVERIFY(!callInitiatorFromName(QStringLiteral("rp")));
}

void TestApiTypes::requestToJson_data()
{
    QTest::addColumn<QString>("fixtureName");
    QTest::newRow("auth_app_returnRisk_requirement") << "request_auth_app.json";
    QTest::newRow("sign_markdown_web_nonvisible") << "request_sign_markdown_web.json";
    QTest::newRow("payment_card_money_riskFlags") << "request_payment_card.json";
    QTest::newRow("phone_sign_filters_members") << "request_phone_sign.json";
}

void TestApiTypes::requestToJson()
{
    QFETCH(QString, fixtureName);
    const QJsonObject actual = requestFor(fixtureName).toJson();
    const QJsonObject expected = fixture(fixtureName);
    QVERIFY2(actual == expected, qPrintable(QString::fromUtf8(QJsonDocument(actual).toJson(QJsonDocument::Compact))));
}

void TestApiTypes::emptyRequirementOmitted()
{
    OrderRequest request;
    request.flow = Flow::Auth;
    request.endUserIp = QStringLiteral("192.0.2.1");
    const QJsonObject json = request.toJson();
    QCOMPARE(json, QJsonObject({{QStringLiteral("endUserIp"), QStringLiteral("192.0.2.1")}}));

    // A phone request whose requirement holds only members the phone endpoints refuse: no requirement{}.
    OrderRequest phone;
    phone.flow = Flow::PhoneAuth;
    phone.personalNumber = QStringLiteral("198112189876");
    phone.requirement.mrtd = true;
    const QJsonObject phoneJson = phone.toJson();
    QVERIFY(!phoneJson.contains(QStringLiteral("requirement")));
    QCOMPARE(phoneJson.value(QStringLiteral("callInitiator")).toString(), QStringLiteral("user"));
}

void TestApiTypes::paymentMoneyOmittedWhenUnset()
{
    UserVisibleTransaction transaction{QStringLiteral("npa"), QStringLiteral("Banken"), QString(), QString(), QString()};
    const QJsonObject json = transaction.toJson();
    QVERIFY(!json.contains(QStringLiteral("money")));
    QVERIFY(!json.contains(QStringLiteral("riskWarning")));
    QCOMPARE(json.value(QStringLiteral("recipient")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("Banken"));
}

void TestApiTypes::orderResponse_data()
{
    QTest::addColumn<QString>("fixtureName");
    QTest::addColumn<Flow>("flow");
    QTest::newRow("auth_all_four_members") << "order_response.json" << Flow::Auth;
    QTest::newRow("payment_all_four_members") << "order_response.json" << Flow::Payment;
    QTest::newRow("phone_orderRef_only") << "order_response_phone.json" << Flow::PhoneAuth;
}

void TestApiTypes::orderResponse()
{
    QFETCH(QString, fixtureName);
    QFETCH(Flow, flow);
    const QJsonObject json = fixture(fixtureName);
    QString error;
    const auto response = OrderResponse::fromJson(json, flow, &error);
    QVERIFY2(response, qPrintable(error));
    QCOMPARE(response->orderRef, QStringLiteral("131daac9-16c6-4618-beb0-365768f37288"));
    // toJson() is for logs and output: everything but the secret, which only the QR code may use.
    QJsonObject withoutSecret = json;
    withoutSecret.remove(QStringLiteral("qrStartSecret"));
    QCOMPARE(response->toJson(), withoutSecret);
    QVERIFY(!QJsonDocument(response->toJson()).toJson().contains("d28db9a7"));
    if (!isPhoneFlow(flow))
        QCOMPARE(response->qrStartSecret, QStringLiteral("d28db9a7-4cde-429e-a983-359be676944c"));
}

void TestApiTypes::pendingWithoutHintIsAccepted()
{
    QString error;
    const auto response = CollectResponse::fromJson(QJsonObject{{QStringLiteral("orderRef"), QStringLiteral("o")},
                                                                {QStringLiteral("status"), QStringLiteral("pending")}},
                                                    &error);
    QVERIFY2(response, qPrintable(error));
    QCOMPARE(response->status, CollectStatus::Pending);
    QVERIFY(response->hintCode.isEmpty());
}

void TestApiTypes::collectRoundTrip_data()
{
    QTest::addColumn<QString>("fixtureName");
    QTest::newRow("pending_outstandingTransaction") << "collect_pending.json";
    QTest::newRow("failed_unknown_hint_kept") << "collect_failed_unknown_hint.json";
    QTest::newRow("complete_all_members") << "collect_complete.json";
    QTest::newRow("complete_minimal") << "collect_complete_minimal.json";
}

void TestApiTypes::collectRoundTrip()
{
    QFETCH(QString, fixtureName);
    const QJsonObject json = fixture(fixtureName);
    QString error;
    const auto response = CollectResponse::fromJson(json, &error);
    QVERIFY2(response, qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(response->raw, json);
    QCOMPARE(response->toJson(), json);
}

void TestApiTypes::collectFields()
{
    QString error;
    const auto failed = CollectResponse::fromJson(fixture(QStringLiteral("collect_failed_unknown_hint.json")), &error);
    QVERIFY(failed);
    QCOMPARE(failed->status, CollectStatus::Failed);
    QCOMPARE(failed->hintCode, QStringLiteral("someFutureHint"));
    QVERIFY(!failed->completion);

    const auto complete = CollectResponse::fromJson(fixture(QStringLiteral("collect_complete.json")), &error);
    QVERIFY(complete);
    QCOMPARE(complete->status, CollectStatus::Complete);
    QVERIFY(complete->hintCode.isEmpty());
    QVERIFY(complete->completion);
    const CompletionData &data = *complete->completion;
    QCOMPARE(data.personalNumber, QStringLiteral("198112189876"));
    QCOMPARE(data.name, QStringLiteral("Karl Karlsson"));
    QCOMPARE(data.givenName, QStringLiteral("Karl"));
    QCOMPARE(data.surname, QStringLiteral("Karlsson"));
    QCOMPARE(data.deviceIpAddress, QStringLiteral("192.168.0.1"));
    QCOMPARE(data.deviceUhi, QStringLiteral("OZvYM9VvyiAmG7NA5jU5zqGcVpo="));
    QCOMPARE(data.bankIdIssueDate, QStringLiteral("2020-02-01"));
    QCOMPARE(data.stepUpMrtd, std::optional<bool>(true));
    QCOMPARE(data.signature, QStringLiteral("PHNhbXBsZS8+"));
    QCOMPARE(data.ocspResponse, QStringLiteral("MIIBsample"));
    QCOMPARE(data.risk, QStringLiteral("low"));

    const auto minimal = CollectResponse::fromJson(fixture(QStringLiteral("collect_complete_minimal.json")), &error);
    QVERIFY(minimal && minimal->completion);
    QVERIFY(!minimal->completion->stepUpMrtd);
    QVERIFY(minimal->completion->risk.isEmpty());
}

void TestApiTypes::collectKeepsUnknownMembers()
{
    const QJsonObject json = fixture(QStringLiteral("collect_complete_extra_members.json"));
    QString error;
    const auto response = CollectResponse::fromJson(json, &error);
    QVERIFY2(response, qPrintable(error));
    QCOMPARE(response->raw.value(QStringLiteral("futureTopLevel")).toObject().value(QStringLiteral("a")).toInt(), 1);
    QVERIFY(response->completion->raw.contains(QStringLiteral("futureMember")));
}

void TestApiTypes::responseErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("kind"); // 0 = collect, 1 = auth order, 2 = phone order, 3 = completionData alone
    QTest::addColumn<QString>("error");

    QTest::newRow("collect_status_missing") << QByteArray(R"({"orderRef":"o"})") << 0
                                            << "collect response: member 'status' is missing";
    QTest::newRow("collect_status_unknown") << QByteArray(R"({"orderRef":"o","status":"xyz"})") << 0
                                            << "collect response: member 'status' has unknown value 'xyz'";
    QTest::newRow("collect_status_not_string") << QByteArray(R"({"orderRef":"o","status":3})") << 0
                                               << "collect response: member 'status' is not a string";
    QTest::newRow("collect_orderRef_missing") << QByteArray(R"({"status":"pending","hintCode":"noClient"})") << 0
                                              << "collect response: member 'orderRef' is missing";
    QTest::newRow("collect_failed_without_hint") << QByteArray(R"({"orderRef":"o","status":"failed"})") << 0
                                                 << "collect response: member 'hintCode' is missing";
    QTest::newRow("collect_complete_without_data") << QByteArray(R"({"orderRef":"o","status":"complete"})") << 0
                                                   << "collect response: member 'completionData' is missing";
    QTest::newRow("collect_completion_not_object")
        << QByteArray(R"({"orderRef":"o","status":"complete","completionData":[]})") << 0
        << "collect response: member 'completionData' is not an object";
    QTest::newRow("collect_user_name_missing")
        << QByteArray(R"({"orderRef":"o","status":"complete","completionData":{"user":{"personalNumber":"1",
           "givenName":"K","surname":"K"},"device":{"ipAddress":"1.2.3.4"},"signature":"s","ocspResponse":"o"}})")
        << 0 << "collect response: member 'completionData.user.name' is missing";
    QTest::newRow("collect_stepUp_mrtd_not_bool")
        << QByteArray(R"({"orderRef":"o","status":"complete","completionData":{"user":{"personalNumber":"1",
           "name":"K K","givenName":"K","surname":"K"},"device":{"ipAddress":"1.2.3.4"},"stepUp":{"mrtd":"yes"},
           "signature":"s","ocspResponse":"o"}})")
        << 0 << "collect response: member 'completionData.stepUp.mrtd' is not a boolean";
    QTest::newRow("order_qrStartSecret_missing")
        << QByteArray(R"({"orderRef":"o","autoStartToken":"a","qrStartToken":"q"})") << 1
        << "auth response: member 'qrStartSecret' is missing";
    QTest::newRow("order_orderRef_empty") << QByteArray(R"({"orderRef":"","autoStartToken":"a","qrStartToken":"q",
        "qrStartSecret":"s"})") << 1 << "auth response: member 'orderRef' is empty";
    QTest::newRow("phone_order_orderRef_missing") << QByteArray(R"({})") << 2
                                                  << "phone/sign response: member 'orderRef' is missing";
    QTest::newRow("completion_device_missing")
        << QByteArray(R"({"user":{"personalNumber":"1","name":"K K","givenName":"K","surname":"K"},
           "signature":"s","ocspResponse":"o"})")
        << 3 << "completionData: member 'device' is missing";
}

void TestApiTypes::responseErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(int, kind);
    QFETCH(QString, error);
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    QVERIFY(!object.isEmpty() || json == "{}");
    QString actual;
    bool parsed = true;
    switch (kind) {
    case 0: parsed = CollectResponse::fromJson(object, &actual).has_value(); break;
    case 1: parsed = OrderResponse::fromJson(object, Flow::Auth, &actual).has_value(); break;
    case 2: parsed = OrderResponse::fromJson(object, Flow::PhoneSign, &actual).has_value(); break;
    default: parsed = CompletionData::fromJson(object, &actual).has_value(); break;
    }
    QVERIFY(!parsed);
    QCOMPARE(actual, error);
}

QTEST_APPLESS_MAIN(TestApiTypes)
#include "TestApiTypes.moc"
