// The RP API surface of the simulator over real mutual TLS: endpoints, validation, HTTP errors, TLS rules.

#include "SimulatorTestClient.h"
#include "StateDirectory.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace bankid::sim;
using namespace simtest;

namespace {

QByteArray b64(const QByteArray &text)
{
    return text.toBase64();
}

QByteArray filler(int base64Length)
{
    // base64 text of exactly `base64Length` characters (a multiple of 4) decoding to ASCII.
    return b64(QByteArray(base64Length / 4 * 3, 'a'));
}

const QRegularExpression uuidPattern(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));

} // namespace

class TestSimulatorApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void baseUrlHasNoTrailingSlash();
    void orderEndpointsAnswer_data();
    void orderEndpointsAnswer();
    void collectAndCancelHappyPath();
    void validationRejects_data();
    void validationRejects();
    void httpErrors_data();
    void httpErrors();
    void curlSeesExactBytes();
    void tlsRejectsClient_data();
    void tlsRejectsClient();
    void trustedExtraCaIsAccepted();
    void acceptAnyClientCertificate();
    void serverIdentityOverride_data();
    void serverIdentityOverride();
    void otherRpCertificateCannotCollect();

private:
    std::unique_ptr<SimulatorFixture> m_fixture;
};

void TestSimulatorApi::initTestCase()
{
    m_fixture = std::make_unique<SimulatorFixture>(fastOptions(UserMode::Manual));
    QVERIFY(m_fixture->start());
}

void TestSimulatorApi::baseUrlHasNoTrailingSlash()
{
    Simulator &sim = m_fixture->simulator();
    QVERIFY(sim.port() != 0);
    QCOMPARE(sim.baseUrl().toString(), QStringLiteral("https://127.0.0.1:%1/rp/v6.0").arg(sim.port()));
    QCOMPARE(sim.controlUrl().toString(), QStringLiteral("https://127.0.0.1:%1/sim/v1").arg(sim.port()));
}

void TestSimulatorApi::orderEndpointsAnswer_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("phone");
    const QByteArray ip = QByteArrayLiteral("\"endUserIp\":\"192.168.0.1\"");
    QTest::newRow("auth_minimal") << QStringLiteral("auth") << QByteArray("{" + ip + "}") << false;
    QTest::newRow("auth_ipv6") << QStringLiteral("auth") << QByteArray(R"({"endUserIp":"2001:db8::1"})") << false;
    QTest::newRow("auth_all_optional_fields")
        << QStringLiteral("auth")
        << QByteArray("{" + ip + ",\"userVisibleData\":\"" + b64("Log in to *Desk*") + "\",\"userNonVisibleData\":\""
                      + b64("nonce") + "\",\"userVisibleDataFormat\":\"simpleMarkdownV1\",\"returnUrl\":"
                      "\"https://desk.example/return?n=1\",\"returnRisk\":true,\"requirement\":{\"pinCode\":true,"
                      "\"mrtd\":false,\"cardReader\":\"class1\",\"certificatePolicies\":[\"1.2.3.4.5\",\"1.2.752.78.*\"],"
                      "\"personalNumber\":\"198506155129\"},\"app\":{\"appIdentifier\":\"se.example.desk\","
                      "\"deviceOS\":\"Debian 12\",\"deviceModelName\":\"PC\",\"deviceIdentifier\":\"abc\"}}")
        << false;
    QTest::newRow("auth_visible_at_limit_1500")
        << QStringLiteral("auth") << QByteArray("{" + ip + ",\"userVisibleData\":\"" + filler(1500) + "\"}") << false;
    QTest::newRow("auth_web_device_data")
        << QStringLiteral("auth")
        << QByteArray("{" + ip + ",\"web\":{\"referringDomain\":\"desk.example.se\",\"userAgent\":\"Mozilla/5.0\"}}")
        << false;
    QTest::newRow("sign_minimal") << QStringLiteral("sign")
                                  << QByteArray("{" + ip + ",\"userVisibleData\":\"" + b64("Sign this") + "\"}") << false;
    QTest::newRow("sign_at_limits_40000_200000")
        << QStringLiteral("sign")
        << QByteArray("{" + ip + ",\"userVisibleData\":\"" + filler(40000) + "\",\"userNonVisibleData\":\""
                      + filler(200000) + "\"}")
        << false;
    QTest::newRow("payment_card_with_money")
        << QStringLiteral("payment")
        << QByteArray("{" + ip + ",\"userVisibleTransaction\":{\"transactionType\":\"card\",\"recipient\":{\"name\":"
                      "\"Shop AB\"},\"money\":{\"amount\":\"1000,00\",\"currency\":\"SEK\"},\"riskWarning\":\"New shop\"},"
                      "\"riskFlags\":[\"newCard\",\"largeAmount\"]}")
        << false;
    QTest::newRow("payment_npa_without_money")
        << QStringLiteral("payment")
        << QByteArray("{" + ip + ",\"userVisibleTransaction\":{\"transactionType\":\"npa\",\"recipient\":{\"name\":"
                      "\"Bank\"}}}")
        << false;
    QTest::newRow("phone_auth") << QStringLiteral("phone/auth")
                                << QByteArray(R"({"personalNumber":"197202294430","callInitiator":"user"})") << true;
    QTest::newRow("phone_sign")
        << QStringLiteral("phone/sign")
        << QByteArray("{\"personalNumber\":\"200008249013\",\"callInitiator\":\"RP\",\"userVisibleData\":\"" + b64("Ok?")
                      + "\",\"requirement\":{\"pinCode\":true}}")
        << true;
}

void TestSimulatorApi::orderEndpointsAnswer()
{
    QFETCH(QString, endpoint);
    QFETCH(QByteArray, body);
    QFETCH(bool, phone);
    const HttpResult r = m_fixture->client().rp(endpoint, body);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.contentType, QByteArrayLiteral("application/json"));
    // Compact: no whitespace anywhere (UUIDs contain none), and nothing but the object.
    QVERIFY2(!r.body.contains(' ') && !r.body.contains('\n'), r.body.constData());
    QCOMPARE(QJsonDocument::fromJson(r.body).object(), r.json);
    const QStringList expectedKeys = phone ? QStringList{QStringLiteral("orderRef")}
                                           : QStringList{QStringLiteral("autoStartToken"), QStringLiteral("orderRef"),
                                                         QStringLiteral("qrStartSecret"), QStringLiteral("qrStartToken")};
    QCOMPARE(r.json.keys(), expectedKeys);
    for (const QString &key : expectedKeys)
        QVERIFY2(uuidPattern.match(r.json.value(key).toString()).hasMatch(), qPrintable(key));
    // Clean up so the named persons do not collide with later rows.
    const HttpResult cancelled = m_fixture->client().rp(QStringLiteral("cancel"),
                                                        QJsonObject{{QStringLiteral("orderRef"), r.json.value(QStringLiteral("orderRef"))}});
    QCOMPARE(cancelled.status, 200);
}

void TestSimulatorApi::collectAndCancelHappyPath()
{
    HttpClient &client = m_fixture->client();
    const HttpResult created = client.rp(QStringLiteral("auth"), authBody());
    QCOMPARE(created.status, 200);
    const QString orderRef = created.json.value(QStringLiteral("orderRef")).toString();
    const HttpResult collected = client.rp(QStringLiteral("collect"), QJsonObject{{QStringLiteral("orderRef"), orderRef}});
    QCOMPARE(collected.status, 200);
    QCOMPARE(collected.body, QByteArray("{\"orderRef\":\"" + orderRef.toLatin1()
                                        + "\",\"status\":\"pending\",\"hintCode\":\"outstandingTransaction\"}"));
    const HttpResult cancelled = client.rp(QStringLiteral("cancel"), QJsonObject{{QStringLiteral("orderRef"), orderRef}});
    QCOMPARE(cancelled.status, 200);
    QCOMPARE(cancelled.body, QByteArrayLiteral("{}"));
}

void TestSimulatorApi::validationRejects_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("detailsStart");
    const QByteArray ip = QByteArrayLiteral("\"endUserIp\":\"10.0.0.1\"");
    auto auth = [&ip](const QByteArray &rest) { return QByteArray("{" + ip + "," + rest + "}"); };
    const QByteArray payTx = QByteArrayLiteral("\"userVisibleTransaction\":");
    QTest::newRow("body_not_json") << "auth" << QByteArray("endUserIp=1.2.3.4") << "body: not valid JSON";
    QTest::newRow("body_json_array") << "auth" << QByteArray("[]") << "body: must be a JSON object";
    QTest::newRow("auth_missing_endUserIp") << "auth" << QByteArray("{}") << "endUserIp: missing";
    QTest::newRow("auth_endUserIp_not_string") << "auth" << QByteArray(R"({"endUserIp":1})") << "endUserIp: must be a string";
    QTest::newRow("auth_endUserIp_three_octets") << "auth" << QByteArray(R"({"endUserIp":"1.2.3"})") << "endUserIp:";
    QTest::newRow("auth_endUserIp_octet_999") << "auth" << QByteArray(R"({"endUserIp":"999.1.1.1"})") << "endUserIp:";
    QTest::newRow("auth_endUserIp_hostname") << "auth" << QByteArray(R"({"endUserIp":"localhost"})") << "endUserIp:";
    QTest::newRow("auth_endUserIp_bad_ipv6") << "auth" << QByteArray(R"({"endUserIp":"2001:db8:::1"})") << "endUserIp:";
    QTest::newRow("auth_unknown_top_level_member")
        << "auth" << auth(R"("personalNumber":"199001012385")") << "personalNumber: unknown member";
    QTest::newRow("auth_visible_not_base64") << "auth" << auth(R"("userVisibleData":"!!!!")") << "userVisibleData: not valid base64";
    QTest::newRow("auth_visible_bad_padding") << "auth" << auth(R"("userVisibleData":"SGVq=")") << "userVisibleData: not valid base64";
    QTest::newRow("auth_visible_empty") << "auth" << auth(R"("userVisibleData":"")") << "userVisibleData: must not be empty";
    QTest::newRow("auth_visible_over_1500")
        << "auth" << auth("\"userVisibleData\":\"" + filler(1504) + "\"") << "userVisibleData: too long: 1504";
    QTest::newRow("auth_visible_not_utf8")
        << "auth" << auth("\"userVisibleData\":\"" + b64("\xff\xfe\xfd") + "\"") << "userVisibleData: the decoded text";
    QTest::newRow("auth_nonvisible_over_1500")
        << "auth" << auth("\"userNonVisibleData\":\"" + filler(1504) + "\"") << "userNonVisibleData: too long";
    QTest::newRow("auth_format_plaintext")
        << "auth" << auth("\"userVisibleData\":\"" + b64("x") + "\",\"userVisibleDataFormat\":\"plaintext\"")
        << "userVisibleDataFormat:";
    QTest::newRow("sign_missing_visible") << "sign" << QByteArray("{" + ip + "}") << "userVisibleData: missing";
    QTest::newRow("sign_visible_over_40000")
        << "sign" << auth("\"userVisibleData\":\"" + filler(40004) + "\"") << "userVisibleData: too long: 40004";
    QTest::newRow("sign_nonvisible_over_200000")
        << "sign" << auth("\"userVisibleData\":\"eA==\",\"userNonVisibleData\":\"" + filler(200004) + "\"")
        << "userNonVisibleData: too long: 200004";
    QTest::newRow("requirement_not_object") << "auth" << auth(R"("requirement":[])") << "requirement: must be an object";
    QTest::newRow("requirement_personalNumber_11_digits")
        << "auth" << auth(R"("requirement":{"personalNumber":"19900101238"})") << "requirement.personalNumber: must be 12 digits";
    QTest::newRow("requirement_personalNumber_hyphen")
        << "auth" << auth(R"("requirement":{"personalNumber":"19900101-2385"})") << "requirement.personalNumber:";
    QTest::newRow("requirement_unknown_member")
        << "auth" << auth(R"("requirement":{"allowFingerprint":true})") << "requirement.allowFingerprint: unknown member";
    QTest::newRow("requirement_cardReader_class3")
        << "auth" << auth(R"("requirement":{"cardReader":"class3"})") << "requirement.cardReader:";
    QTest::newRow("requirement_pinCode_string")
        << "auth" << auth(R"("requirement":{"pinCode":"yes"})") << "requirement.pinCode: must be true or false";
    QTest::newRow("requirement_policy_not_oid")
        << "auth" << auth(R"("requirement":{"certificatePolicies":["abc"]})") << "requirement.certificatePolicies:";
    QTest::newRow("requirement_policy_early_wildcard")
        << "auth" << auth(R"("requirement":{"certificatePolicies":["1.*"]})") << "requirement.certificatePolicies:";
    QTest::newRow("returnUrl_over_512")
        << "auth" << auth("\"returnUrl\":\"https://e.se/" + QByteArray(501, 'x') + "\"") << "returnUrl: must be 1..512";
    QTest::newRow("returnUrl_empty") << "auth" << auth(R"("returnUrl":"")") << "returnUrl: must be 1..512";
    QTest::newRow("returnRisk_string") << "auth" << auth(R"("returnRisk":"true")") << "returnRisk: must be true or false";
    QTest::newRow("web_and_app") << "auth" << auth(R"("web":{"userAgent":"x"},"app":{"deviceOS":"y"})") << "web, app:";
    QTest::newRow("web_nothing_filled") << "auth" << auth(R"("web":{})") << "web: at least one member";
    QTest::newRow("web_domain_uppercase")
        << "auth" << auth(R"("web":{"referringDomain":"Example.COM"})") << "web.referringDomain:";
    QTest::newRow("web_userAgent_over_256")
        << "auth" << auth("\"web\":{\"userAgent\":\"" + QByteArray(257, 'u') + "\"}") << "web.userAgent: too long";
    QTest::newRow("web_unknown_member") << "auth" << auth(R"("web":{"ip":"1.2.3.4"})") << "web.ip: unknown member";
    QTest::newRow("app_deviceIdentifier_over_64")
        << "auth" << auth("\"app\":{\"deviceIdentifier\":\"" + QByteArray(65, 'd') + "\"}") << "app.deviceIdentifier: too long";
    QTest::newRow("payment_missing_transaction") << "payment" << QByteArray("{" + ip + "}") << "userVisibleTransaction: missing";
    QTest::newRow("payment_type_unknown")
        << "payment" << auth(payTx + R"({"transactionType":"cash","recipient":{"name":"A"}})")
        << "userVisibleTransaction.transactionType:";
    QTest::newRow("payment_missing_recipient")
        << "payment" << auth(payTx + R"({"transactionType":"card"})") << "userVisibleTransaction.recipient: missing";
    QTest::newRow("payment_empty_recipient_name")
        << "payment" << auth(payTx + R"({"transactionType":"card","recipient":{"name":" "}})")
        << "userVisibleTransaction.recipient.name:";
    QTest::newRow("payment_npa_with_money")
        << "payment"
        << auth(payTx + R"({"transactionType":"npa","recipient":{"name":"A"},"money":{"amount":"1","currency":"SEK"}})")
        << "userVisibleTransaction.money: not allowed for transactionType \"npa\"";
    QTest::newRow("payment_amount_with_dot")
        << "payment"
        << auth(payTx + R"({"transactionType":"card","recipient":{"name":"A"},"money":{"amount":"10.00","currency":"SEK"}})")
        << "userVisibleTransaction.money.amount:";
    QTest::newRow("payment_currency_lowercase")
        << "payment"
        << auth(payTx + R"({"transactionType":"card","recipient":{"name":"A"},"money":{"amount":"10","currency":"sek"}})")
        << "userVisibleTransaction.money.currency:";
    QTest::newRow("payment_unknown_risk_flag")
        << "payment" << auth(payTx + R"({"transactionType":"npa","recipient":{"name":"A"}},"riskFlags":["shady"])")
        << "riskFlags: unknown flag \"shady\"";
    QTest::newRow("phone_missing_personalNumber")
        << "phone/auth" << QByteArray(R"({"callInitiator":"user"})") << "personalNumber: missing";
    QTest::newRow("phone_personalNumber_10_digits")
        << "phone/auth" << QByteArray(R"({"personalNumber":"9001012385","callInitiator":"user"})") << "personalNumber: must be 12 digits";
    QTest::newRow("phone_missing_callInitiator")
        << "phone/auth" << QByteArray(R"({"personalNumber":"199001012385"})") << "callInitiator: missing";
    QTest::newRow("phone_callInitiator_bank")
        << "phone/auth" << QByteArray(R"({"personalNumber":"199001012385","callInitiator":"bank"})") << "callInitiator: must be";
    QTest::newRow("phone_endUserIp_not_allowed")
        << "phone/auth" << QByteArray(R"({"personalNumber":"199001012385","callInitiator":"RP","endUserIp":"1.2.3.4"})")
        << "endUserIp: unknown member";
    QTest::newRow("phone_requirement_mrtd_not_allowed")
        << "phone/auth" << QByteArray(R"({"personalNumber":"199001012385","callInitiator":"RP","requirement":{"mrtd":true}})")
        << "requirement.mrtd: unknown member";
    QTest::newRow("phone_sign_missing_visible")
        << "phone/sign" << QByteArray(R"({"personalNumber":"199001012385","callInitiator":"RP"})") << "userVisibleData: missing";
    QTest::newRow("collect_missing_orderRef") << "collect" << QByteArray("{}") << "orderRef: missing";
    QTest::newRow("collect_orderRef_number") << "collect" << QByteArray(R"({"orderRef":5})") << "orderRef: must be a string";
    QTest::newRow("collect_extra_member")
        << "collect" << QByteArray(R"({"orderRef":"x","extra":1})") << "extra: unknown member";
    QTest::newRow("collect_unknown_order")
        << "collect" << QByteArray(R"({"orderRef":"00000000-0000-4000-8000-000000000000"})") << "orderRef: no such order";
    QTest::newRow("cancel_unknown_order")
        << "cancel" << QByteArray(R"({"orderRef":"00000000-0000-4000-8000-000000000000"})") << "orderRef: no such order";
}

void TestSimulatorApi::validationRejects()
{
    QFETCH(QString, endpoint);
    QFETCH(QByteArray, body);
    QFETCH(QString, detailsStart);
    const HttpResult r = m_fixture->client().rp(endpoint, body);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.contentType, QByteArrayLiteral("application/json"));
    QCOMPARE(r.errorCode(), QStringLiteral("invalidParameters"));
    QVERIFY2(r.details().startsWith(detailsStart), qPrintable(r.details()));
}

void TestSimulatorApi::httpErrors_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errorCode");
    QTest::newRow("get_auth_405") << QByteArray("GET") << "/rp/v6.0/auth" << QByteArray() << 405 << "methodNotAllowed";
    QTest::newRow("put_collect_405") << QByteArray("PUT") << "/rp/v6.0/collect" << QByteArray("application/json") << 405
                                     << "methodNotAllowed";
    QTest::newRow("delete_cancel_405") << QByteArray("DELETE") << "/rp/v6.0/cancel" << QByteArray() << 405
                                       << "methodNotAllowed";
    QTest::newRow("text_plain_415") << QByteArray("POST") << "/rp/v6.0/auth" << QByteArray("text/plain") << 415
                                    << "unsupportedMediaType";
    QTest::newRow("charset_suffix_415") << QByteArray("POST") << "/rp/v6.0/collect"
                                        << QByteArray("application/json; charset=UTF-8") << 415 << "unsupportedMediaType";
    QTest::newRow("unknown_endpoint_404") << QByteArray("POST") << "/rp/v6.0/identify" << QByteArray("application/json")
                                          << 404 << "notFound";
    QTest::newRow("old_version_404") << QByteArray("POST") << "/rp/v5.1/auth" << QByteArray("application/json") << 404
                                     << "notFound";
    QTest::newRow("root_404") << QByteArray("GET") << "/" << QByteArray() << 404 << "notFound";
    QTest::newRow("sub_path_404") << QByteArray("POST") << "/rp/v6.0/auth/extra" << QByteArray("application/json") << 404
                                  << "notFound";
}

void TestSimulatorApi::httpErrors()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, errorCode);
    QUrl url = m_fixture->simulator().baseUrl();
    url.setPath(path);
    const HttpResult r = m_fixture->client().send(verb, url, QByteArrayLiteral("{\"endUserIp\":\"1.2.3.4\"}"), contentType);
    QCOMPARE(r.status, status);
    QCOMPARE(r.errorCode(), errorCode);
    QCOMPARE(r.contentType, QByteArrayLiteral("application/json"));
    if (status == 405)
        QCOMPARE(r.header("Allow"), QByteArrayLiteral("POST"));
}

void TestSimulatorApi::curlSeesExactBytes()
{
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty())
        QSKIP("curl is not installed; the QNAM rows cover the same statuses");
    Simulator &sim = m_fixture->simulator();
    auto run = [&](const QStringList &extra) {
        // Asynchronously: the simulator answers from this thread's event loop, so no blocking wait here.
        QProcess process;
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(curl, QStringList{QStringLiteral("-s"), QStringLiteral("-i"), QStringLiteral("--cacert"),
                                        sim.caCertificatePath(), QStringLiteral("--cert"), sim.clientCertificatePath(),
                                        QStringLiteral("--key"), sim.clientKeyPath()}
                                + extra);
        if (!finished.wait(20000))
            process.kill();
        return process.readAllStandardOutput();
    };
    // No Content-Type at all ("-H Content-Type:" removes curl's default) -> 415.
    const QByteArray noType = run({QStringLiteral("-H"), QStringLiteral("Content-Type:"), QStringLiteral("-d"),
                                   QStringLiteral("{}"), sim.baseUrl().toString() + QStringLiteral("/auth")});
    QVERIFY2(noType.startsWith("HTTP/1.1 415 Unsupported Media Type\r\n"), noType.constData());
    // A collect answer byte by byte: status line, exact headers, compact body.
    const QByteArray unknown = run({QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"),
                                    QStringLiteral("-d"), QStringLiteral(R"({"orderRef":"nope"})"),
                                    sim.baseUrl().toString() + QStringLiteral("/collect")});
    const QByteArray body = R"x({"details":"orderRef: no such order (unknown, cancelled, or no longer retained)","errorCode":"invalidParameters"})x";
    QCOMPARE(unknown, QByteArray("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: "
                                 + QByteArray::number(body.size()) + "\r\n\r\n" + body));
}

void TestSimulatorApi::tlsRejectsClient_data()
{
    QTest::addColumn<bool>("presentCertificate");
    QTest::addColumn<bool>("foreignCa");
    QTest::newRow("no_client_certificate") << false << false;
    QTest::newRow("client_certificate_from_another_ca") << true << true;
}

void TestSimulatorApi::tlsRejectsClient()
{
    QFETCH(bool, presentCertificate);
    QFETCH(bool, foreignCa);
    std::optional<CertifiedKey> identity;
    if (foreignCa)
        identity = CertificateFactory::issueClient(CertificateFactory::createCa(QStringLiteral("Foreign CA")),
                                                   QStringLiteral("Foreign RP"));
    HttpClient client(m_fixture->simulator(), identity, presentCertificate);
    const HttpResult r = client.rp(QStringLiteral("auth"), authBody());
    QCOMPARE(r.status, 0); // no HTTP answer at all: the handshake failed
    QVERIFY2(r.error != QNetworkReply::NoError, qPrintable(r.errorString));
    QVERIFY(r.body.isEmpty());
}

void TestSimulatorApi::trustedExtraCaIsAccepted()
{
    QTemporaryDir temp;
    const CertifiedKey partnerCa = CertificateFactory::createCa(QStringLiteral("Partner RP CA"));
    QFile caFile(temp.filePath(QStringLiteral("partner-ca.pem")));
    QVERIFY(caFile.open(QIODevice::WriteOnly));
    caFile.write(partnerCa.certificatePem);
    caFile.close();
    SimulatorOptions options = fastOptions(UserMode::Manual);
    options.trustedClientCaFiles = {caFile.fileName()};
    SimulatorFixture fx(options);
    QVERIFY(fx.start());
    HttpClient partner(fx.simulator(), CertificateFactory::issueClient(partnerCa, QStringLiteral("Partner RP")));
    QCOMPARE(partner.rp(QStringLiteral("auth"), authBody()).status, 200);
    QCOMPARE(fx.client().rp(QStringLiteral("auth"), authBody()).status, 200); // the simulator's own client too

    SimulatorOptions broken = options;
    broken.stateDir.clear();
    broken.trustedClientCaFiles = {temp.filePath(QStringLiteral("missing.pem"))};
    SimulatorFixture bad(broken);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("trust-client-ca.*missing.pem")));
    QVERIFY(!bad.start());
    QVERIFY(bad.error().contains(QLatin1String("missing.pem")));
}

void TestSimulatorApi::acceptAnyClientCertificate()
{
    SimulatorOptions options = fastOptions(UserMode::Manual);
    options.acceptAnyClientCert = true;
    SimulatorFixture fx(options);
    QVERIFY(fx.start());
    HttpClient foreign(fx.simulator(), CertificateFactory::issueClient(CertificateFactory::createCa(QStringLiteral("Any CA")),
                                                                       QStringLiteral("FP Testcert stand-in")));
    QCOMPARE(foreign.rp(QStringLiteral("auth"), authBody()).status, 200);
    HttpClient anonymous(fx.simulator(), std::nullopt, false);
    const HttpResult r = anonymous.rp(QStringLiteral("auth"), authBody());
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), QStringLiteral("unauthorized"));
}

void TestSimulatorApi::serverIdentityOverride_data()
{
    QTest::addColumn<QStringList>("sans");
    QTest::addColumn<int>("daysFromNowStart");
    QTest::addColumn<int>("daysFromNowEnd");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("valid_override_accepted") << QStringList{QStringLiteral("127.0.0.1")} << -1 << 10 << true;
    QTest::newRow("expired_certificate_rejected") << QStringList{QStringLiteral("127.0.0.1")} << -10 << -1 << false;
    QTest::newRow("wrong_host_rejected") << QStringList{QStringLiteral("other.example")} << -1 << 10 << false;
}

void TestSimulatorApi::serverIdentityOverride()
{
    QFETCH(QStringList, sans);
    QFETCH(int, daysFromNowStart);
    QFETCH(int, daysFromNowEnd);
    QFETCH(bool, accepted);
    QTemporaryDir temp;
    StateDirectory state(temp.path());
    QString error;
    QVERIFY2(state.ensure({}, &error), qPrintable(error));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    SimulatorOptions options = fastOptions(UserMode::Manual);
    options.stateDir = temp.path();
    options.serverIdentityOverride =
        CertificateFactory::issueServer(state.ca(), sans, now.addDays(daysFromNowStart), now.addDays(daysFromNowEnd));
    SimulatorFixture fx(options);
    QVERIFY(fx.start());
    const HttpResult r = fx.client().rp(QStringLiteral("auth"), authBody());
    if (accepted) {
        QCOMPARE(r.status, 200);
    } else {
        QCOMPARE(r.status, 0);
        QCOMPARE(r.error, QNetworkReply::SslHandshakeFailedError);
    }
}

void TestSimulatorApi::otherRpCertificateCannotCollect()
{
    Simulator &sim = m_fixture->simulator();
    StateDirectory state(sim.stateDir());
    QString error;
    QVERIFY(state.ensure({}, &error));
    HttpClient otherRp(sim, CertificateFactory::issueClient(state.ca(), QStringLiteral("Second RP")));
    const HttpResult created = m_fixture->client().rp(QStringLiteral("auth"), authBody());
    const QJsonObject ref{{QStringLiteral("orderRef"), created.json.value(QStringLiteral("orderRef"))}};
    const HttpResult collected = otherRp.rp(QStringLiteral("collect"), ref);
    QCOMPARE(collected.status, 400);
    QCOMPARE(collected.errorCode(), QStringLiteral("invalidParameters"));
    QVERIFY2(collected.details().contains(QLatin1String("different RP certificate")), qPrintable(collected.details()));
    QCOMPARE(otherRp.rp(QStringLiteral("cancel"), ref).status, 400);
    QCOMPARE(m_fixture->client().rp(QStringLiteral("collect"), ref).status, 200);
}

QTEST_GUILESS_MAIN(TestSimulatorApi)
#include "TestSimulatorApi.moc"
