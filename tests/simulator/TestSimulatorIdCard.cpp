// The simulator's BankID Verify API v1 (ID cards, issue #11) over real mutual TLS: codes minted through the
// control API and in C++, the verify answer member by member, ages from the personal number, one use per
// code, expiry, forged / unknown / malformed codes, the certificate rules, faults on "verify", and the
// evidence: a §9 authentication signature + OCSP that core's EvidenceVerifier accepts, and an enveloping
// XAdES verification signature checked with libxmlsec1 (core's XmlDsigVerifier) and OpenSSL.

#include "EvidenceVerifier.h"
#include "SimulatorTestClient.h"
#include "TestConfig.h"
#include "TestPerson.h"
#include "XmlDsigVerifier.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>
#include <QXmlStreamReader>

#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

using namespace bankid::sim;
using namespace simtest;

namespace {

const QRegularExpression codeShape(QStringLiteral("^BANKIDF\\.[0-9A-F]{64}$"));
const QRegularExpression uuidShape(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
const QRegularExpression timeShape(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));

/// The calendar day ages are counted on (the simulator uses the same rule).
QDate swedishToday()
{
    return QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(QByteArrayLiteral("Europe/Stockholm"))).date();
}

HttpResult verify(HttpClient &client, const Simulator &simulator, const QByteArray &body,
                  const QByteArray &contentType = QByteArrayLiteral("application/json"))
{
    QUrl url = simulator.idCardBaseUrl();
    url.setPath(url.path() + QStringLiteral("/verify"));
    return client.send(QByteArrayLiteral("POST"), url, body, contentType);
}

HttpResult verifyCode(HttpClient &client, const Simulator &simulator, const QByteArray &code)
{
    return verify(client, simulator,
                  QJsonDocument(QJsonObject{{QStringLiteral("qrCode"), QString::fromLatin1(code)}}).toJson(QJsonDocument::Compact));
}

QByteArray mintOverHttp(HttpClient &client, const QString &personalNumber)
{
    const HttpResult minted = client.control("POST", QStringLiteral("persons/%1/id-card").arg(personalNumber));
    return minted.status == 200 ? minted.json.value(QStringLiteral("qrCode")).toString().toLatin1() : QByteArray();
}

QStringList keys(const QJsonObject &object)
{
    QStringList names = object.keys();
    names.sort();
    return names;
}

/// One element of a parsed document: where it is, its attributes and its own text.
struct XmlElement {
    QString namespaceUri;
    QString name;
    QXmlStreamAttributes attributes;
    QString text;
    QString parentId; ///< the Id attribute of the parent element
    QString attribute(const QString &attributeName) const { return attributes.value(attributeName).toString(); }
};

/// Every element in document order; empty when the XML does not parse.
QList<XmlElement> elementsOf(const QByteArray &xml)
{
    QList<XmlElement> elements;
    QList<int> open;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            elements.append({reader.namespaceUri().toString(), reader.name().toString(), reader.attributes(), {},
                             open.isEmpty() ? QString() : elements.at(open.last()).attribute(QStringLiteral("Id"))});
            open.append(int(elements.size()) - 1);
        } else if (reader.isCharacters() && !open.isEmpty()) {
            elements[open.last()].text += reader.text();
        } else if (reader.isEndElement()) {
            open.removeLast();
        }
    }
    return reader.hasError() ? QList<XmlElement>() : elements;
}

QList<XmlElement> named(const QList<XmlElement> &elements, const QString &namespaceUri, const QString &name)
{
    QList<XmlElement> found;
    for (const XmlElement &element : elements) {
        if (element.namespaceUri == namespaceUri && element.name == name)
            found.append(element);
    }
    return found;
}

/// OpenSSL chain check of `leaf` through `intermediates` to `root` (the only trust anchor) at `at`.
QString verifyChain(const QSslCertificate &leaf, const QList<QSslCertificate> &intermediates, const QSslCertificate &root,
                    const QDateTime &at)
{
    auto toX509 = [](const QSslCertificate &certificate) {
        const QByteArray der = certificate.toDer();
        const unsigned char *data = reinterpret_cast<const unsigned char *>(der.constData());
        return d2i_X509(nullptr, &data, long(der.size()));
    };
    X509 *leafX = toX509(leaf);
    X509 *rootX = toX509(root);
    X509_STORE *store = X509_STORE_new();
    X509_STORE_add_cert(store, rootX);
    STACK_OF(X509) *untrusted = sk_X509_new_null();
    for (const QSslCertificate &certificate : intermediates)
        sk_X509_push(untrusted, toX509(certificate));
    X509_STORE_CTX *context = X509_STORE_CTX_new();
    X509_STORE_CTX_init(context, store, leafX, untrusted);
    X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(context), time_t(at.toSecsSinceEpoch()));
    const bool ok = X509_verify_cert(context) == 1;
    const QString why = ok ? QString() : QString::fromLatin1(X509_verify_cert_error_string(X509_STORE_CTX_get_error(context)));
    X509_STORE_CTX_free(context);
    sk_X509_pop_free(untrusted, X509_free);
    X509_STORE_free(store);
    X509_free(rootX);
    X509_free(leafX);
    return why;
}

} // namespace

class TestSimulatorIdCard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mintsCodesThroughControlApiAndCpp();
    void controlRouteRefusesWrongUse_data();
    void controlRouteRefusesWrongUse();
    void controlRouteNeedsTheSimulatorsCertificate();
    void verifyAnswersEveryMember();
    void ageComesFromThePersonalNumber_data();
    void ageComesFromThePersonalNumber();
    void builtInElsaIsAlways17();
    void codeWorksOnlyOnce();
    void codeExpires();
    void forgedAndUnknownCodesAreNotValid();
    void malformedRequestsAreRefused_data();
    void malformedRequestsAreRefused();
    void clientCertificateIsRequired();
    void faultRuleOnVerifyApplies();
    void verificationSignatureIsValidXades();
    void authenticationEvidenceVerifies();
    void verifyServiceCertificateIsPersisted();
    void executablePrintsVerifyApiAndHonoursLifetimeFlag();
};

void TestSimulatorIdCard::mintsCodesThroughControlApiAndCpp()
{
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    QCOMPARE(fx.simulator().idCardBaseUrl().toString(),
             QStringLiteral("https://127.0.0.1:%1/rp/v1").arg(fx.simulator().port()));
    const QString karl = TestPerson::builtIn().first().personalNumber;
    const QByteArray overHttp = mintOverHttp(fx.client(), karl);
    QVERIFY2(codeShape.match(QString::fromLatin1(overHttp)).hasMatch(), overHttp.constData());
    QString error;
    const QByteArray inProcess = fx.simulator().mintIdCardCode(karl, &error);
    QVERIFY2(codeShape.match(QString::fromLatin1(inProcess)).hasMatch(), qPrintable(error));
    QVERIFY(inProcess != overHttp);
    QCOMPARE(verifyCode(fx.client(), fx.simulator(), overHttp).status, 200);
    QCOMPARE(verifyCode(fx.client(), fx.simulator(), inProcess).status, 200);

    QVERIFY(fx.simulator().mintIdCardCode(QStringLiteral("200001012384"), &error).isEmpty());
    QVERIFY2(error.contains(QLatin1String("no such test person")), qPrintable(error));
    QVERIFY(fx.simulator().mintIdCardCode(QStringLiteral("1990"), &error).isEmpty());
    QVERIFY2(error.contains(QLatin1String("personalNumber")), qPrintable(error));
}

void TestSimulatorIdCard::controlRouteRefusesWrongUse_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errorCode");

    QTest::newRow("unknown_person") << QByteArray("POST") << QStringLiteral("persons/200001012384/id-card") << 404
                                    << QStringLiteral("notFound");
    QTest::newRow("malformed_number") << QByteArray("POST") << QStringLiteral("persons/19900101/id-card") << 400
                                      << QStringLiteral("invalidParameters");
    QTest::newRow("get_not_allowed") << QByteArray("GET") << QStringLiteral("persons/199001012385/id-card") << 405
                                     << QStringLiteral("methodNotAllowed");
}

void TestSimulatorIdCard::controlRouteRefusesWrongUse()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QString, errorCode);
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    const HttpResult result = fx.client().control(verb, path);
    QCOMPARE(result.status, status);
    QCOMPARE(result.errorCode(), errorCode);
}

void TestSimulatorIdCard::controlRouteNeedsTheSimulatorsCertificate()
{
    // With --accept-any-client-cert the TLS layer lets a foreign RP in: it may verify, but not mint.
    SimulatorOptions options = fastOptions(UserMode::Manual);
    options.acceptAnyClientCert = true;
    SimulatorFixture fx(options);
    QVERIFY(fx.start());
    HttpClient foreign(fx.simulator(), CertificateFactory::issueClient(CertificateFactory::createCa(QStringLiteral("Any CA")),
                                                                       QStringLiteral("Foreign RP")));
    const QString karl = TestPerson::builtIn().first().personalNumber;
    const HttpResult refused = foreign.control("POST", QStringLiteral("persons/%1/id-card").arg(karl));
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.errorCode(), QStringLiteral("forbidden"));
    const QByteArray code = mintOverHttp(fx.client(), karl);
    QVERIFY(!code.isEmpty());
    QCOMPARE(verifyCode(foreign, fx.simulator(), code).status, 200);
}

void TestSimulatorIdCard::verifyAnswersEveryMember()
{
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    const TestPerson anna = TestPerson::builtIn().at(1);
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    const QByteArray code = mintOverHttp(fx.client(), anna.personalNumber);
    const HttpResult r = verifyCode(fx.client(), fx.simulator(), code);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.contentType, QByteArray("application/json"));
    QVERIFY2(!r.body.contains('\n') && !r.body.contains("\": "), r.body.constData()); // compact JSON

    QCOMPARE(keys(r.json), (QStringList{QStringLiteral("authentication"), QStringLiteral("transactionType"),
                                        QStringLiteral("user"), QStringLiteral("verification")}));
    QCOMPARE(r.json.value(QStringLiteral("transactionType")).toString(), QStringLiteral("ID-kort-validering"));

    const QJsonObject user = r.json.value(QStringLiteral("user")).toObject();
    QCOMPARE(keys(user), (QStringList{QStringLiteral("age"), QStringLiteral("givenName"), QStringLiteral("name"),
                                      QStringLiteral("personalNumber"), QStringLiteral("surname")}));
    QCOMPARE(user.value(QStringLiteral("personalNumber")).toString(), anna.personalNumber);
    QCOMPARE(user.value(QStringLiteral("givenName")).toString(), anna.givenName);
    QCOMPARE(user.value(QStringLiteral("surname")).toString(), anna.surname);
    QCOMPARE(user.value(QStringLiteral("name")).toString(), QStringLiteral("Anna Andersson"));
    QVERIFY(user.value(QStringLiteral("age")).isDouble());
    QCOMPARE(user.value(QStringLiteral("age")).toInt(-1), anna.ageOn(swedishToday()));
    QVERIFY(!r.body.contains(QByteArray("\"age\":" + QByteArray::number(anna.ageOn(swedishToday())) + "."))); // an integer

    const QJsonObject verification = r.json.value(QStringLiteral("verification")).toObject();
    QCOMPARE(keys(verification), (QStringList{QStringLiteral("signature"), QStringLiteral("verificationId"),
                                              QStringLiteral("verifiedAt")}));
    QVERIFY(uuidShape.match(verification.value(QStringLiteral("verificationId")).toString()).hasMatch());
    const QString verifiedAt = verification.value(QStringLiteral("verifiedAt")).toString();
    QVERIFY2(timeShape.match(verifiedAt).hasMatch(), qPrintable(verifiedAt));
    QVERIFY(QDateTime::fromString(verifiedAt, Qt::ISODateWithMs) >= before);
    QVERIFY(QByteArray::fromBase64(verification.value(QStringLiteral("signature")).toString().toLatin1())
                .startsWith("<?xml"));

    const QJsonObject authentication = r.json.value(QStringLiteral("authentication")).toObject();
    QCOMPARE(keys(authentication), (QStringList{QStringLiteral("identifiedAt"), QStringLiteral("ocspResponse"),
                                                QStringLiteral("orderRef"), QStringLiteral("signature")}));
    const QString identifiedAt = authentication.value(QStringLiteral("identifiedAt")).toString();
    QVERIFY2(timeShape.match(identifiedAt).hasMatch(), qPrintable(identifiedAt));
    QVERIFY(QDateTime::fromString(identifiedAt, Qt::ISODateWithMs) >= before);
    QVERIFY(QDateTime::fromString(identifiedAt, Qt::ISODateWithMs) <= QDateTime::fromString(verifiedAt, Qt::ISODateWithMs));
    QVERIFY(uuidShape.match(authentication.value(QStringLiteral("orderRef")).toString()).hasMatch());
    QVERIFY(!authentication.value(QStringLiteral("signature")).toString().isEmpty());
    QVERIFY(!authentication.value(QStringLiteral("ocspResponse")).toString().isEmpty());
}

void TestSimulatorIdCard::ageComesFromThePersonalNumber_data()
{
    QTest::addColumn<QString>("personalNumber");
    QTest::addColumn<int>("age");
    QTest::addColumn<bool>("overHttp");

    const QDate today = swedishToday();
    QTest::newRow("17") << TestPerson::numberFor(today.addYears(-17).addDays(-40), 101) << 17 << false;
    QTest::newRow("18_tomorrow") << TestPerson::numberFor(today.addYears(-18).addDays(1), 102) << 17 << false;
    QTest::newRow("exactly_18_today") << TestPerson::numberFor(today.addYears(-18), 103) << 18 << true;
    QTest::newRow("25") << TestPerson::numberFor(today.addYears(-25).addDays(-100), 104) << 25 << false;
    // A coordination number (samordningsnummer): the day plus 60.
    const QDate born = today.addYears(-25).addDays(-3);
    QString coordination = born.toString(QStringLiteral("yyyyMM")) + QString::number(born.day() + 60) + QStringLiteral("105");
    for (int check = 0; check < 10; ++check) {
        if (TestPerson::hasValidChecksum(coordination.left(11) + QString::number(check)))
            coordination = coordination.left(11) + QString::number(check);
    }
    QTest::newRow("coordination_number_25") << coordination << 25 << true;
}

void TestSimulatorIdCard::ageComesFromThePersonalNumber()
{
    QFETCH(QString, personalNumber);
    QFETCH(int, age);
    QFETCH(bool, overHttp);
    QVERIFY(TestPerson::hasValidChecksum(personalNumber));
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    if (overHttp) {
        const HttpResult added = fx.client().control(
            "POST", QStringLiteral("persons"),
            QJsonObject{{QStringLiteral("personalNumber"), personalNumber}, {QStringLiteral("givenName"), QStringLiteral("Ada")},
                        {QStringLiteral("surname"), QStringLiteral("Åberg")}});
        QCOMPARE(added.status, 201);
        QCOMPARE(added.json.value(QStringLiteral("name")).toString(), QStringLiteral("Ada Åberg"));
    } else {
        QString error;
        QVERIFY2(fx.simulator().addPerson({personalNumber, QStringLiteral("Ada"), QStringLiteral("Åberg"), {}}, &error),
                 qPrintable(error));
    }
    const HttpResult r = verifyCode(fx.client(), fx.simulator(), mintOverHttp(fx.client(), personalNumber));
    QCOMPARE(r.status, 200);
    const QJsonObject user = r.json.value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("age")).toInt(-1), age);
    QCOMPARE(user.value(QStringLiteral("name")).toString(), QStringLiteral("Ada Åberg"));
    QCOMPARE(user.value(QStringLiteral("personalNumber")).toString(), personalNumber);
}

void TestSimulatorIdCard::builtInElsaIsAlways17()
{
    const TestPerson elsa = TestPerson::builtIn().last();
    QCOMPARE(elsa.name(), QStringLiteral("Elsa Ek"));
    QVERIFY(TestPerson::hasValidChecksum(elsa.personalNumber));
    QCOMPARE(elsa.birthDate(), QDate::currentDate().addYears(-17).addDays(-40));
    QCOMPARE(elsa.ageOn(swedishToday()), 17);
    QCOMPARE(TestPerson::builtIn().first().name(), QStringLiteral("Karl Karlsson")); // still the default signer

    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    const HttpResult persons = fx.client().control("GET", QStringLiteral("persons"));
    QCOMPARE(persons.json.value(QStringLiteral("persons")).toArray().size(), TestPerson::builtIn().size());
    const HttpResult r = verifyCode(fx.client(), fx.simulator(), mintOverHttp(fx.client(), elsa.personalNumber));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("age")).toInt(), 17);
}

void TestSimulatorIdCard::codeWorksOnlyOnce()
{
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    const QByteArray code = fx.simulator().mintIdCardCode(TestPerson::builtIn().first().personalNumber);
    QCOMPARE(verifyCode(fx.client(), fx.simulator(), code).status, 200);
    for (int attempt = 0; attempt < 2; ++attempt) {
        const HttpResult again = verifyCode(fx.client(), fx.simulator(), code);
        QCOMPARE(again.status, 400);
        QCOMPARE(again.errorCode(), QStringLiteral("invalidParameters"));
        QCOMPARE(again.details(), QStringLiteral("qrCode already used"));
    }
}

void TestSimulatorIdCard::codeExpires()
{
    SimulatorOptions options = fastOptions(UserMode::Manual);
    options.idCardCodeLifetimeMs = 500;
    SimulatorFixture fx(options);
    QVERIFY(fx.start());
    const QString karl = TestPerson::builtIn().first().personalNumber;
    const QByteArray stale = fx.simulator().mintIdCardCode(karl);
    QTest::qWait(650);
    const HttpResult expired = verifyCode(fx.client(), fx.simulator(), stale);
    QCOMPARE(expired.status, 400);
    QCOMPARE(expired.errorCode(), QStringLiteral("invalidParameters"));
    QCOMPARE(expired.details(), QStringLiteral("qrCode expired"));
    QCOMPARE(verifyCode(fx.client(), fx.simulator(), stale).details(), QStringLiteral("qrCode expired"));
    // A fresh code within its lifetime still works.
    QCOMPARE(verifyCode(fx.client(), fx.simulator(), fx.simulator().mintIdCardCode(karl)).status, 200);
}

void TestSimulatorIdCard::forgedAndUnknownCodesAreNotValid()
{
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    const QByteArray code = fx.simulator().mintIdCardCode(TestPerson::builtIn().first().personalNumber);
    QByteArray forged = code;
    const int at = 8 + 40; // a digit of the MAC
    forged[at] = forged.at(at) == 'A' ? 'B' : 'A';
    QByteArray otherRandom = code;
    otherRandom[10] = otherRandom.at(10) == '0' ? '1' : '0';
    const QByteArray unknown = "BANKIDF." + QByteArray(64, '7');
    const QByteArray shortHex = "BANKIDF.74226FAAE";
    for (const QByteArray &candidate : {forged, otherRandom, unknown, shortHex}) {
        const HttpResult r = verifyCode(fx.client(), fx.simulator(), candidate);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("invalidParameters"));
        QCOMPARE(r.details(), QStringLiteral("qrCode not valid"));
    }
    // A code from another simulator (another secret) is not valid here either; the genuine one still works.
    SimulatorFixture other(fastOptions(UserMode::Manual));
    QVERIFY(other.start());
    const QByteArray foreign = other.simulator().mintIdCardCode(TestPerson::builtIn().first().personalNumber);
    QCOMPARE(verifyCode(fx.client(), fx.simulator(), foreign).details(), QStringLiteral("qrCode not valid"));
    QCOMPARE(verifyCode(fx.client(), fx.simulator(), code).status, 200);
}

void TestSimulatorIdCard::malformedRequestsAreRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("details");

    const QByteArray json = QByteArrayLiteral("application/json");
    const QString invalid = QStringLiteral("Invalid qrCode");
    const QString bad = QStringLiteral("invalidParameters");
    const QByteArray hex(64, 'A');
    QTest::newRow("no_prefix") << QByteArray("{\"qrCode\":\"" + hex + "\"}") << json << 400 << bad << invalid;
    QTest::newRow("lower_case_prefix") << QByteArray("{\"qrCode\":\"bankidf." + hex + "\"}") << json << 400 << bad << invalid;
    QTest::newRow("leading_space") << QByteArray("{\"qrCode\":\" BANKIDF." + hex + "\"}") << json << 400 << bad << invalid;
    QTest::newRow("trailing_newline") << QByteArray("{\"qrCode\":\"BANKIDF." + hex + "\\n\"}") << json << 400 << bad
                                      << invalid;
    QTest::newRow("inner_tab") << QByteArray("{\"qrCode\":\"BANKIDF.\\t" + hex + "\"}") << json << 400 << bad << invalid;
    QTest::newRow("non_ascii") << QByteArray("{\"qrCode\":\"BANKIDF.\xc3\xa4" + hex + "\"}") << json << 400 << bad << invalid;
    QTest::newRow("too_long") << QByteArray("{\"qrCode\":\"BANKIDF." + QByteArray(1017, 'A') + "\"}") << json << 400 << bad
                              << invalid;
    QTest::newRow("number") << QByteArray("{\"qrCode\":12}") << json << 400 << bad << invalid;
    QTest::newRow("null") << QByteArray("{\"qrCode\":null}") << json << 400 << bad << invalid;
    QTest::newRow("missing") << QByteArray("{}") << json << 400 << bad << invalid;
    QTest::newRow("unknown_member") << QByteArray("{\"qrCode\":\"BANKIDF." + hex + "\",\"extra\":1}") << json << 400 << bad
                                    << QStringLiteral("extra: unknown member (not allowed here)");
    QTest::newRow("not_json") << QByteArray("qrCode=BANKIDF.") << json << 400 << bad << QString();
    QTest::newRow("charset_content_type") << QByteArray("{\"qrCode\":\"BANKIDF." + hex + "\"}")
                                          << QByteArray("application/json; charset=UTF-8") << 415
                                          << QStringLiteral("unsupportedMediaType") << QString();
}

void TestSimulatorIdCard::malformedRequestsAreRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, errorCode);
    QFETCH(QString, details);
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    const HttpResult r = verify(fx.client(), fx.simulator(), body, contentType);
    QCOMPARE(r.status, status);
    QCOMPARE(r.errorCode(), errorCode);
    if (!details.isEmpty())
        QCOMPARE(r.details(), details);

    // The length limit is inclusive: exactly 1024 characters is well-formed (and then simply not a valid code).
    const QByteArray longest = "{\"qrCode\":\"BANKIDF." + QByteArray(1016, 'A') + "\"}";
    QCOMPARE(verify(fx.client(), fx.simulator(), longest).details(), QStringLiteral("qrCode not valid"));

    // The rest of the RP API's rules: POST only, unknown paths.
    QUrl url = fx.simulator().idCardBaseUrl();
    url.setPath(url.path() + QStringLiteral("/verify"));
    const HttpResult get = fx.client().send("GET", url, {}, {});
    QCOMPARE(get.status, 405);
    QCOMPARE(get.header("Allow"), QByteArray("POST"));
    url.setPath(fx.simulator().idCardBaseUrl().path() + QStringLiteral("/collect"));
    QCOMPARE(fx.client().send("POST", url, "{}", "application/json").status, 404);
}

void TestSimulatorIdCard::clientCertificateIsRequired()
{
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    const QByteArray code = fx.simulator().mintIdCardCode(TestPerson::builtIn().first().personalNumber);
    HttpClient anonymous(fx.simulator(), std::nullopt, false);
    const HttpResult refused = verifyCode(anonymous, fx.simulator(), code);
    QCOMPARE(refused.status, 0); // the TLS handshake fails, as on the RP API
    QVERIFY(refused.error != QNetworkReply::NoError);

    SimulatorOptions options = fastOptions(UserMode::Manual);
    options.acceptAnyClientCert = true;
    SimulatorFixture any(options);
    QVERIFY(any.start());
    HttpClient anonymousToAny(any.simulator(), std::nullopt, false);
    const HttpResult unauthorized =
        verifyCode(anonymousToAny, any.simulator(), any.simulator().mintIdCardCode(TestPerson::builtIn().first().personalNumber));
    QCOMPARE(unauthorized.status, 401);
    QCOMPARE(unauthorized.errorCode(), QStringLiteral("unauthorized"));
    // The refused request did not use up the code.
    QCOMPARE(verifyCode(fx.client(), fx.simulator(), code).status, 200);
}

void TestSimulatorIdCard::faultRuleOnVerifyApplies()
{
    SimulatorOptions options = fastOptions(UserMode::Manual);
    QString error;
    const auto startupRule = FaultRule::parse(QStringLiteral("verify:500:count=1"), &error);
    QVERIFY2(startupRule, qPrintable(error));
    options.faults = {*startupRule};
    SimulatorFixture fx(options);
    QVERIFY(fx.start());
    const QByteArray code = fx.simulator().mintIdCardCode(TestPerson::builtIn().first().personalNumber);
    const HttpResult failed = verifyCode(fx.client(), fx.simulator(), code);
    QCOMPARE(failed.status, 500);
    QCOMPARE(failed.errorCode(), QStringLiteral("internalError"));

    const HttpResult added = fx.client().control("POST", QStringLiteral("faults"),
                                                 QJsonObject{{QStringLiteral("spec"), QStringLiteral("verify:503:count=1")}});
    QCOMPARE(added.status, 201);
    const HttpResult maintenance = verifyCode(fx.client(), fx.simulator(), code);
    QCOMPARE(maintenance.status, 503);
    QCOMPARE(maintenance.errorCode(), QStringLiteral("maintenance"));
    // A fault on another endpoint leaves verify alone; refused attempts did not use up the code.
    QVERIFY(fx.simulator().addFault(QStringLiteral("auth:503"), &error) > 0);
    QCOMPARE(verifyCode(fx.client(), fx.simulator(), code).status, 200);
}

void TestSimulatorIdCard::verificationSignatureIsValidXades()
{
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    const TestPerson anna = TestPerson::builtIn().at(1);
    const HttpResult r = verifyCode(fx.client(), fx.simulator(), mintOverHttp(fx.client(), anna.personalNumber));
    QCOMPARE(r.status, 200);
    const QJsonObject verification = r.json.value(QStringLiteral("verification")).toObject();
    const QByteArray xml = QByteArray::fromBase64(verification.value(QStringLiteral("signature")).toString().toLatin1());

    const QList<XmlElement> elements = elementsOf(xml);
    QVERIFY(!elements.isEmpty());
    const QString ds = QStringLiteral("http://www.w3.org/2000/09/xmldsig#");
    const QString xades = QStringLiteral("http://uri.etsi.org/01903/v1.3.2#");
    const QString ours = QStringLiteral("urn:bankid-desk:simulator:id-card-verification:1");
    const auto only = [&elements](const QString &namespaceUri, const QString &name) {
        const QList<XmlElement> found = named(elements, namespaceUri, name);
        return found.size() == 1 ? found.first() : XmlElement{};
    };
    QCOMPARE(elements.first().namespaceUri, ds);
    QCOMPARE(elements.first().name, QStringLiteral("Signature"));
    QCOMPARE(elements.first().attribute(QStringLiteral("Id")), QStringLiteral("verificationSignature"));

    // KeyInfo: signer, bank CA, root; the root is the simulator's signing root.
    QList<QSslCertificate> chain;
    for (const XmlElement &certificate : named(elements, ds, QStringLiteral("X509Certificate")))
        chain.append(QSslCertificate(QByteArray::fromBase64(certificate.text.toLatin1()), QSsl::Der));
    QCOMPARE(chain.size(), 3);
    QCOMPARE(chain.at(0).subjectInfo(QSslCertificate::CommonName).value(0),
             QStringLiteral("BankID Desk Simulator Verify Service"));
    QCOMPARE(chain.at(2), fx.simulator().signingRoot());
    QCOMPARE(only(ds, QStringLiteral("CanonicalizationMethod")).attribute(QStringLiteral("Algorithm")),
             QStringLiteral("http://www.w3.org/2001/10/xml-exc-c14n#"));
    const QList<XmlElement> references = named(elements, ds, QStringLiteral("Reference"));
    QCOMPARE(references.size(), 2);
    QCOMPARE(references.at(1).attribute(QStringLiteral("Type")), QStringLiteral("http://uri.etsi.org/01903#SignedProperties"));

    // libxmlsec1: both Reference digests and the SignatureValue with the signer's key.
    const auto checked = bankid::XmlDsigVerifier::verify(xml, chain.at(0).toDer());
    QVERIFY2(checked.ran, qPrintable(checked.error));
    QCOMPARE(checked.references.size(), 2);
    QCOMPARE(checked.references.at(0).uri, QStringLiteral("#verificationData"));
    QCOMPARE(checked.references.at(1).uri, QStringLiteral("#signedProperties"));
    for (const auto &reference : checked.references)
        QVERIFY2(reference.ok, qPrintable(reference.uri + QStringLiteral(": ") + reference.detail));
    QVERIFY2(checked.signatureValueOk, qPrintable(checked.signatureValueDetail));

    // XAdES signed properties: SigningTime = verifiedAt, CertDigest = SHA-256 of the signer certificate.
    QCOMPARE(only(xades, QStringLiteral("SignedProperties")).attribute(QStringLiteral("Id")), QStringLiteral("signedProperties"));
    QCOMPARE(only(xades, QStringLiteral("QualifyingProperties")).attribute(QStringLiteral("Target")),
             QStringLiteral("#verificationSignature"));
    const QString signingTime = only(xades, QStringLiteral("SigningTime")).text;
    QCOMPARE(signingTime, verification.value(QStringLiteral("verifiedAt")).toString());
    const QList<XmlElement> digests = named(elements, ds, QStringLiteral("DigestValue"));
    QCOMPARE(digests.size(), 3); // two References, then the CertDigest's
    QCOMPARE(digests.at(2).text.toLatin1(), QCryptographicHash::hash(chain.at(0).toDer(), QCryptographicHash::Sha256).toBase64());

    // The chain to the signing root at SigningTime (OpenSSL, the root as the only anchor).
    const QString chainProblem = verifyChain(chain.at(0), {chain.at(1)}, fx.simulator().signingRoot(),
                                             QDateTime::fromString(signingTime, Qt::ISODateWithMs));
    QVERIFY2(chainProblem.isEmpty(), qPrintable(chainProblem));
    QVERIFY(!verifyChain(chain.at(0), {chain.at(1)}, fx.simulator().caCertificate(), QDateTime::currentDateTimeUtc()).isEmpty());

    // The signed object names this verification.
    QCOMPARE(only(ours, QStringLiteral("idCardVerification")).parentId, QStringLiteral("verificationData"));
    const auto text = [&](const QString &name) { return only(ours, name).text; };
    QCOMPARE(text(QStringLiteral("transactionType")), QStringLiteral("ID-kort-validering"));
    QCOMPARE(text(QStringLiteral("verificationId")), verification.value(QStringLiteral("verificationId")).toString());
    QCOMPARE(text(QStringLiteral("verifiedAt")), signingTime);
    QCOMPARE(text(QStringLiteral("personalNumber")), anna.personalNumber);
    QCOMPARE(text(QStringLiteral("givenName")), anna.givenName);
    QCOMPARE(text(QStringLiteral("surname")), anna.surname);
    QCOMPARE(text(QStringLiteral("age")).toInt(), r.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("age")).toInt());
    QCOMPARE(text(QStringLiteral("authenticationOrderRef")),
             r.json.value(QStringLiteral("authentication")).toObject().value(QStringLiteral("orderRef")).toString());

    // One changed byte in the signed object (or the signed properties) breaks its reference digest.
    const QByteArray personalNumberElement = "<personalNumber>" + anna.personalNumber.toLatin1();
    QVERIFY(xml.contains(personalNumberElement));
    QByteArray tampered = xml;
    tampered.replace(personalNumberElement, QByteArray("<personalNumber>" + anna.personalNumber.left(11).toLatin1() + 'X'));
    const auto broken = bankid::XmlDsigVerifier::verify(tampered, chain.at(0).toDer());
    QVERIFY(broken.ran);
    QVERIFY(!broken.references.at(0).ok);
    QVERIFY(broken.references.at(1).ok);
    QByteArray tamperedTime = xml;
    tamperedTime.replace("<xades:SigningTime>2", "<xades:SigningTime>3");
    QVERIFY(tamperedTime != xml);
    const auto brokenTime = bankid::XmlDsigVerifier::verify(tamperedTime, chain.at(0).toDer());
    QVERIFY(!brokenTime.references.at(1).ok);
}

void TestSimulatorIdCard::authenticationEvidenceVerifies()
{
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    const TestPerson lars = TestPerson::builtIn().at(2);
    const HttpResult r = verifyCode(fx.client(), fx.simulator(), mintOverHttp(fx.client(), lars.personalNumber));
    QCOMPARE(r.status, 200);
    const QJsonObject authentication = r.json.value(QStringLiteral("authentication")).toObject();
    bankid::EvidenceVerifier::Options options;
    options.roots = {fx.simulator().signingRoot()};
    const bankid::VerificationReport report =
        bankid::EvidenceVerifier::verify(authentication.value(QStringLiteral("signature")).toString().toLatin1(),
                                         authentication.value(QStringLiteral("ocspResponse")).toString().toLatin1(), options);
    QVERIFY2(report.allPassed(), qPrintable(report.failures().join(QLatin1Char('\n'))));
    for (const QString &name : {QStringLiteral("ocsp signature"), QStringLiteral("ocsp status"), QStringLiteral("ocsp nonce"),
                                QStringLiteral("ocsp time")})
        QVERIFY2(report.check(name).passed(), qPrintable(name + QStringLiteral(": ") + report.check(name).detail));
    QCOMPARE(report.funcId, QStringLiteral("Identification"));
    QCOMPARE(report.signerPersonalNumber, lars.personalNumber);
    QCOMPARE(report.signerName, lars.name());
    QVERIFY(report.signingTime);
    const QDateTime identifiedAt = QDateTime::fromString(authentication.value(QStringLiteral("identifiedAt")).toString(),
                                                         Qt::ISODateWithMs);
    QVERIFY(qAbs(report.signingTime->secsTo(identifiedAt)) <= 1);

    // A revoked holder's card still verifies, but its OCSP evidence says so.
    QVERIFY(fx.simulator().setPersonRevoked(lars.personalNumber, true));
    const HttpResult revoked = verifyCode(fx.client(), fx.simulator(), mintOverHttp(fx.client(), lars.personalNumber));
    const QJsonObject revokedAuth = revoked.json.value(QStringLiteral("authentication")).toObject();
    const auto revokedReport =
        bankid::EvidenceVerifier::verify(revokedAuth.value(QStringLiteral("signature")).toString().toLatin1(),
                                         revokedAuth.value(QStringLiteral("ocspResponse")).toString().toLatin1(), options);
    QVERIFY(revokedReport.check(QStringLiteral("ocsp status")).failed());
}

void TestSimulatorIdCard::verifyServiceCertificateIsPersisted()
{
    QTemporaryDir dir;
    SimulatorOptions options = fastOptions(UserMode::Manual);
    options.stateDir = dir.path();
    const QString certPath = QDir(dir.path()).filePath(QStringLiteral("signing-verify-service.pem"));
    const QString keyPath = QDir(dir.path()).filePath(QStringLiteral("signing-verify-service-key.pem"));
    QByteArray first;
    {
        SimulatorFixture fx(options);
        QVERIFY(fx.start());
        QVERIFY(QFileInfo::exists(certPath));
        QCOMPARE(QFileInfo(keyPath).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        QFile file(certPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        first = file.readAll();
    }
    SimulatorFixture again(options);
    QVERIFY(again.start());
    QFile file(certPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), first);
    const HttpResult r = verifyCode(again.client(), again.simulator(),
                                    again.simulator().mintIdCardCode(TestPerson::builtIn().first().personalNumber));
    const QByteArray xml = QByteArray::fromBase64(
        r.json.value(QStringLiteral("verification")).toObject().value(QStringLiteral("signature")).toString().toLatin1());
    QVERIFY(xml.contains(QSslCertificate(first).toDer().toBase64()));
}

void TestSimulatorIdCard::executablePrintsVerifyApiAndHonoursLifetimeFlag()
{
    const QString program = QStringLiteral(BANKID_BIN_DIR "/bankid-simulator");
    if (!QFileInfo(program).isExecutable())
        QSKIP("bankid-simulator is not built (build the bankid-simulator target)");
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty())
        QSKIP("curl is not installed: it is the independent client this test uses");

    QProcess refused;
    refused.start(program, {QStringLiteral("--id-card-lifetime-ms"), QStringLiteral("0")});
    QVERIFY(refused.waitForFinished(10000));
    QCOMPARE(refused.exitCode(), 2);
    QVERIFY(refused.readAllStandardError().contains("--id-card-lifetime-ms"));

    QTemporaryDir dir;
    QProcess simulator;
    simulator.start(program, {QStringLiteral("--state-dir"), dir.path(), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                              QStringLiteral("--latency-ms"), QStringLiteral("0"), QStringLiteral("--id-card-lifetime-ms"),
                              QStringLiteral("1500")});
    QByteArray out;
    QVERIFY(QTest::qWaitFor([&] {
        out += simulator.readAllStandardOutput();
        return out.contains("Ready.") || simulator.state() == QProcess::NotRunning;
    }, 60000));
    static const QRegularExpression verifyLine(QStringLiteral("Verify API: +(https://127\\.0\\.0\\.1:\\d+/rp/v1)\\s"));
    static const QRegularExpression controlLine(QStringLiteral("control API: +(\\S+)"));
    const auto verifyMatch = verifyLine.match(QString::fromUtf8(out));
    const auto controlMatch = controlLine.match(QString::fromUtf8(out));
    QVERIFY2(verifyMatch.hasMatch() && controlMatch.hasMatch(), out.constData());

    const QDir files(dir.path());
    auto post = [&](const QString &url, const QByteArray &body) {
        QProcess client;
        client.start(curl, {QStringLiteral("-s"), QStringLiteral("--cacert"), files.filePath(QStringLiteral("ca.pem")),
                            QStringLiteral("--cert"), files.filePath(QStringLiteral("client.pem")), QStringLiteral("--key"),
                            files.filePath(QStringLiteral("client-key.pem")), QStringLiteral("-H"),
                            QStringLiteral("Content-Type: application/json"), QStringLiteral("-d"), QString::fromLatin1(body), url});
        client.waitForFinished(30000);
        return QJsonDocument::fromJson(client.readAllStandardOutput()).object();
    };
    const QString karl = TestPerson::builtIn().first().personalNumber;
    const QString mintUrl = controlMatch.captured(1) + QStringLiteral("/persons/%1/id-card").arg(karl);
    QElapsedTimer sinceMint;
    sinceMint.start();
    const QByteArray expiring = post(mintUrl, "{}").value(QStringLiteral("qrCode")).toString().toLatin1();
    const QByteArray fresh = post(mintUrl, "{}").value(QStringLiteral("qrCode")).toString().toLatin1();
    QVERIFY(codeShape.match(QString::fromLatin1(fresh)).hasMatch());
    const QString verifyUrl = verifyMatch.captured(1) + QStringLiteral("/verify");
    QCOMPARE(post(verifyUrl, "{\"qrCode\":\"" + fresh + "\"}").value(QStringLiteral("transactionType")).toString(),
             QStringLiteral("ID-kort-validering"));
    QTest::qWait(int(qMax<qint64>(0, 1800 - sinceMint.elapsed())));
    QCOMPARE(post(verifyUrl, "{\"qrCode\":\"" + expiring + "\"}").value(QStringLiteral("details")).toString(),
             QStringLiteral("qrCode expired"));
    simulator.terminate();
    QVERIFY(simulator.waitForFinished(10000));
}

QTEST_GUILESS_MAIN(TestSimulatorIdCard)
#include "TestSimulatorIdCard.moc"
