// RpClient::verifyIdCard against a scripted HTTPS server with real mutual TLS on loopback: the exact request
// (POST <Verify API base>/verify, {"qrCode"}), exactly one request per verification whatever the server does,
// every error row mapped by RpError::fromExchange, ambiguous or malformed answers refused, the Verify API
// base URL per environment and derived for a custom server, and logs that never show the code or a personal
// number in full.

#include "HostileResponses.h"
#include "RpClient.h"
#include "ScriptedHttpsServer.h"
#include "TestPki.h"

#include <QtTest>

using namespace bankid;
using bankid::test::CannedResponse;
using bankid::test::HostileResponses;
using bankid::test::ScriptedHttpsServer;
using bankid::test::TestPki;

Q_DECLARE_METATYPE(bankid::RpError::Kind)
Q_DECLARE_METATYPE(bankid::Environment)

namespace {

const QString code = QStringLiteral("BANKIDF.0F1E2D3C4B5A69788796A5B4C3D2E1F00112233445566778899AABBCCDDEEFF");
const QByteArray verifiedAnswer = R"({"transactionType":"ID-kort-validering","user":{"personalNumber":"198506155129","givenName":"Anna","surname":"Andersson","name":"Anna Andersson","age":41},"verification":{"verificationId":"0b7e5a52-4a9c-4f0e-8b37-6f0d2f7f1c11","verifiedAt":"2026-12-05T01:30:00.125Z","signature":"PGE+"},"authentication":{"identifiedAt":"2026-12-05T01:29:40.000Z","orderRef":"e3c1b0aa-9a5b-4b8e-9d1e-3c7c2f9f0a01","signature":"PGI+","ocspResponse":"MAM="}})";

QStringList g_logLines;
QtMessageHandler g_previousHandler = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_logLines.append(message);
    if (type >= QtWarningMsg && g_previousHandler)
        g_previousHandler(type, context, message);
}

} // namespace

class TestIdCardClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void environmentUrls_data();
    void environmentUrls();
    void derivedUrls_data();
    void derivedUrls();
    void customServerConfigDerivesTheVerifyApi();
    void verifiedCardRequestAndAnswer();
    void errorsAreMappedAndSentOnce_data();
    void errorsAreMappedAndSentOnce();
    void brokenConnectionIsNeverResent_data();
    void brokenConnectionIsNeverResent();
    void noVerifyApiUrlNeverSends();
    void explicitVerifyApiUrlWins();
    void logsNeverShowTheCodeOrPersonalNumber();

private:
    RpConfig configFor(const QUrl &rpBaseUrl) const;
    bool waitFor(RpCall *call, int timeoutMs = 10000);
    RpCall *verify(RpClient &client);

    TestPki m_pki;
    std::unique_ptr<ScriptedHttpsServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

void TestIdCardClient::initTestCase()
{
    if (!m_pki.isValid())
        QSKIP(qPrintable(QStringLiteral("cannot mint test certificates: ") + m_pki.errorString()));
    QVERIFY2(m_pki.createStandardSet(), qPrintable(m_pki.errorString()));
}

void TestIdCardClient::init()
{
    m_server = std::make_unique<ScriptedHttpsServer>();
    m_server->setBasePath(QStringLiteral("/rp/v1"));
    QVERIFY(m_server->listen(m_pki.server(), {m_pki.clientCa().certificate}));
    m_nam = std::make_unique<QNetworkAccessManager>();
}

void TestIdCardClient::cleanup()
{
    m_nam.reset();
    m_server.reset();
}

RpConfig TestIdCardClient::configFor(const QUrl &rpBaseUrl) const
{
    RpConfig config = RpConfig::forEnvironment(Environment::Custom,
                                               ClientIdentity::fromParts(m_pki.client().certificate, m_pki.client().key));
    config.baseUrl = rpBaseUrl;
    config.caCertificates = {m_pki.serverCa().certificate};
    return config;
}

bool TestIdCardClient::waitFor(RpCall *call, int timeoutMs)
{
    call->setAutoDelete(false);
    if (call->isFinished())
        return true;
    QSignalSpy spy(call, &RpCall::finished);
    return spy.wait(timeoutMs) && spy.size() == 1;
}

RpCall *TestIdCardClient::verify(RpClient &client)
{
    const auto parsed = IdCardCode::parse(code, nullptr);
    Q_ASSERT(parsed);
    return client.verifyIdCard(*parsed);
}

void TestIdCardClient::environmentUrls_data()
{
    QTest::addColumn<Environment>("environment");
    QTest::addColumn<QString>("rpBase");
    QTest::addColumn<QString>("verifyBase");

    QTest::newRow("test") << Environment::Test << QStringLiteral("https://appapi2.test.bankid.com/rp/v6.0")
                          << QStringLiteral("https://idcardapi.test.bankid.com/rp/v1");
    QTest::newRow("production") << Environment::Production << QStringLiteral("https://appapi2.bankid.com/rp/v6.0")
                                << QStringLiteral("https://idcardapi.bankid.com/rp/v1");
    QTest::newRow("custom") << Environment::Custom << QString() << QString();
}

void TestIdCardClient::environmentUrls()
{
    QFETCH(Environment, environment);
    QFETCH(QString, rpBase);
    QFETCH(QString, verifyBase);
    QCOMPARE(defaultIdCardBaseUrl(environment).toString(), verifyBase);
    const RpConfig config = RpConfig::forEnvironment(environment);
    QCOMPARE(config.baseUrl.toString(), rpBase);
    QCOMPARE(config.idCardBaseUrl.toString(), verifyBase);
    QCOMPARE(config.effectiveIdCardBaseUrl().toString(), verifyBase);
    if (!verifyBase.isEmpty()) {
        QCOMPARE(config.idCardEndpointUrl(QStringLiteral("verify")).toString(), verifyBase + QStringLiteral("/verify"));
        QVERIFY2(config.idCardValidationError().isEmpty(), qPrintable(config.idCardValidationError()));
    } else {
        QVERIFY(!config.idCardValidationError().isEmpty());
    }
}

void TestIdCardClient::derivedUrls_data()
{
    QTest::addColumn<QString>("rpBase");
    QTest::addColumn<QString>("derived");

    QTest::newRow("simulator") << QStringLiteral("https://127.0.0.1:8443/rp/v6.0") << QStringLiteral("https://127.0.0.1:8443/rp/v1");
    QTest::newRow("trailing_slash") << QStringLiteral("https://127.0.0.1:8443/rp/v6.0/") << QStringLiteral("https://127.0.0.1:8443/rp/v1");
    QTest::newRow("proxy_prefix") << QStringLiteral("https://proxy.example/bankid/rp/v6.0") << QStringLiteral("https://proxy.example/bankid/rp/v1");
    QTest::newRow("only_version") << QStringLiteral("https://proxy.example/v6.0") << QStringLiteral("https://proxy.example/v1");
    QTest::newRow("other_version") << QStringLiteral("https://127.0.0.1:8443/rp/v5.1") << QString();
    QTest::newRow("version_not_last") << QStringLiteral("https://127.0.0.1:8443/rp/v6.0/x") << QString();
    QTest::newRow("segment_ending_in_version") << QStringLiteral("https://127.0.0.1:8443/rpv6.0") << QString();
    QTest::newRow("no_path") << QStringLiteral("https://127.0.0.1:8443") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestIdCardClient::derivedUrls()
{
    QFETCH(QString, rpBase);
    QFETCH(QString, derived);
    QCOMPARE(RpConfig::derivedIdCardBaseUrl(QUrl(rpBase)).toString(), derived);
    RpConfig config = RpConfig::forEnvironment(Environment::Custom);
    config.baseUrl = QUrl(rpBase);
    QCOMPARE(config.effectiveIdCardBaseUrl().toString(), derived);
    QCOMPARE(config.idCardValidationError().isEmpty(), !derived.isEmpty());
}

void TestIdCardClient::customServerConfigDerivesTheVerifyApi()
{
    QString error;
    const auto config = RpConfig::forCustomServer(QUrl(QStringLiteral("https://127.0.0.1:8443/rp/v6.0")), m_pki.serverCa().certPath,
                                                  m_pki.client().certPath, {}, &error, m_pki.client().keyPath);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->idCardBaseUrl.toString(), QStringLiteral("https://127.0.0.1:8443/rp/v1"));
}

void TestIdCardClient::verifiedCardRequestAndAnswer()
{
    RpClient client(m_nam.get(), configFor(m_server->baseUrl().resolved(QUrl(QStringLiteral("/rp/v6.0")))));
    m_server->enqueue(QStringLiteral("verify"), CannedResponse::json(200, verifiedAnswer));
    QSignalSpy sent(&client, &RpClient::requestSent);
    RpCall *call = verify(client);
    QCOMPARE(call->endpoint(), RpCall::Endpoint::IdCardVerify);
    QCOMPARE(call->path(), QStringLiteral("verify"));
    QVERIFY(waitFor(call));
    QVERIFY2(call->ok(), qPrintable(call->error().technicalMessage()));
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().first().toString(), QStringLiteral("verify"));

    QCOMPARE(m_server->requestCount(), 1);
    const auto request = m_server->requests().first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.target, QByteArray("/rp/v1/verify"));
    QCOMPARE(request.headerValues("Content-Type"), QList<QByteArray>{"application/json"});
    QCOMPARE(request.body, QByteArray(R"({"qrCode":")") + code.toLatin1() + QByteArray(R"("})"));
    QVERIFY(request.clientCertificatePresented);

    const IdCardVerification &verification = call->idCardVerification();
    QCOMPARE(verification.user.personalNumber, QStringLiteral("198506155129"));
    QCOMPARE(verification.user.name, QStringLiteral("Anna Andersson"));
    QCOMPARE(verification.user.age, 41);
    QCOMPARE(verification.verificationId, QStringLiteral("0b7e5a52-4a9c-4f0e-8b37-6f0d2f7f1c11"));
    QCOMPARE(verification.authenticationOrderRef, QStringLiteral("e3c1b0aa-9a5b-4b8e-9d1e-3c7c2f9f0a01"));
    delete call;
}

void TestIdCardClient::errorsAreMappedAndSentOnce_data()
{
    QTest::addColumn<CannedResponse>("response");
    QTest::addColumn<RpError::Kind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("messagePart");

    auto bankIdError = [](int status, const char *errorCode, const char *details) {
        return CannedResponse::bankIdError(status, QString::fromLatin1(errorCode), QString::fromLatin1(details));
    };
    QTest::newRow("400_invalid_qrCode") << bankIdError(400, "invalidParameters", "Invalid qrCode") << RpError::Kind::Api << 400
                                        << QStringLiteral("invalidParameters") << QStringLiteral("Invalid qrCode");
    QTest::newRow("400_expired") << bankIdError(400, "invalidParameters", "qrCode expired") << RpError::Kind::Api << 400
                                 << QStringLiteral("invalidParameters") << QStringLiteral("qrCode expired");
    QTest::newRow("400_already_used") << bankIdError(400, "invalidParameters", "qrCode already used") << RpError::Kind::Api << 400
                                      << QStringLiteral("invalidParameters") << QStringLiteral("qrCode already used");
    QTest::newRow("401") << bankIdError(401, "unauthorized", "No access") << RpError::Kind::Api << 401
                         << QStringLiteral("unauthorized") << QString();
    QTest::newRow("403") << bankIdError(403, "unauthorized", "Forbidden") << RpError::Kind::Api << 403
                         << QStringLiteral("unauthorized") << QString();
    QTest::newRow("404") << bankIdError(404, "notFound", "No such path") << RpError::Kind::Api << 404
                         << QStringLiteral("notFound") << QString();
    QTest::newRow("500") << bankIdError(500, "internalError", "Oops") << RpError::Kind::Api << 500
                         << QStringLiteral("internalError") << QString();
    QTest::newRow("503") << bankIdError(503, "maintenance", "Back soon") << RpError::Kind::Api << 503
                         << QStringLiteral("maintenance") << QString();
    QTest::newRow("timeout") << CannedResponse::json(200, verifiedAnswer, 3000) << RpError::Kind::Timeout << 0 << QString() << QString();
    QByteArray duplicate = verifiedAnswer;
    duplicate.replace(R"("age":41)", R"("age":41,"age":17)");
    QTest::newRow("duplicate_key") << CannedResponse::json(200, duplicate) << RpError::Kind::InvalidResponse << 200 << QString()
                                   << QStringLiteral("'user.age' more than once");
    QTest::newRow("invalid_json") << CannedResponse::json(200, "{\"transactionType\":") << RpError::Kind::InvalidResponse << 200
                                  << QString() << QString();
    QByteArray noAge = verifiedAnswer;
    noAge.replace(R"(,"age":41)", "");
    QTest::newRow("missing_member") << CannedResponse::json(200, noAge) << RpError::Kind::InvalidResponse << 200 << QString()
                                    << QStringLiteral("user.age is missing");
    QByteArray otherType = verifiedAnswer;
    otherType.replace("ID-kort-validering", "auth");
    QTest::newRow("wrong_transaction_type") << CannedResponse::json(200, otherType) << RpError::Kind::InvalidResponse << 200
                                            << QString() << QStringLiteral("transactionType is \"auth\"");
    QTest::newRow("oversized_answer") << HostileResponses::hugeBody(3 * 1024 * 1024, true) << RpError::Kind::InvalidResponse << 200
                                      << QString() << QStringLiteral("larger than the limit");
    QTest::newRow("redirect") << HostileResponses::redirect(307, "https://elsewhere.example/rp/v1/verify", verifiedAnswer)
                              << RpError::Kind::InvalidResponse << 307 << QString() << QStringLiteral("elsewhere.example");
}

void TestIdCardClient::errorsAreMappedAndSentOnce()
{
    QFETCH(CannedResponse, response);
    QFETCH(RpError::Kind, kind);
    QFETCH(int, status);
    QFETCH(QString, errorCode);
    QFETCH(QString, messagePart);

    RpConfig config = configFor(m_server->baseUrl().resolved(QUrl(QStringLiteral("/rp/v6.0"))));
    config.transferTimeoutMs = 800;
    RpClient client(m_nam.get(), config);
    m_server->enqueue(QStringLiteral("verify"), response);
    m_server->enqueue(QStringLiteral("verify"), CannedResponse::json(200, verifiedAnswer)); // a second try, if asked
    RpCall *call = verify(client);
    QVERIFY(waitFor(call, 15000));
    QVERIFY(!call->ok());
    QCOMPARE(call->error().kind(), kind);
    QCOMPARE(call->error().httpStatus(), status);
    QCOMPARE(call->error().endpoint(), QStringLiteral("verify"));
    if (!errorCode.isEmpty())
        QCOMPARE(call->error().errorCode(), errorCode);
    if (kind == RpError::Kind::Api && !messagePart.isEmpty())
        QCOMPARE(call->error().details(), messagePart);
    else if (!messagePart.isEmpty())
        QVERIFY2(call->error().technicalMessage().contains(messagePart), qPrintable(call->error().technicalMessage()));
    QCOMPARE(call->idCardVerification().user.age, -1); // nothing half-read is exposed
    QTest::qWait(kind == RpError::Kind::Timeout ? 2500 : 200); // room for a late re-send
    QCOMPARE(m_server->requestsTo(QStringLiteral("verify")).size(), 1);
    delete call;
}

void TestIdCardClient::brokenConnectionIsNeverResent_data()
{
    QTest::addColumn<CannedResponse::Breakage>("breakage");
    QTest::newRow("close_without_answer") << CannedResponse::Breakage::CloseWithoutAnswer;
    QTest::newRow("truncated_body") << CannedResponse::Breakage::TruncatedBody;
}

void TestIdCardClient::brokenConnectionIsNeverResent()
{
    // QNAM re-sends a request whose connection closes before any answer byte; a code is valid once, so a
    // re-send would turn a genuine card into "already used".
    QFETCH(CannedResponse::Breakage, breakage);
    RpClient client(m_nam.get(), configFor(m_server->baseUrl().resolved(QUrl(QStringLiteral("/rp/v6.0")))));
    m_server->enqueue(QStringLiteral("verify"), CannedResponse::broken(breakage, verifiedAnswer));
    m_server->enqueue(QStringLiteral("verify"), CannedResponse::json(200, verifiedAnswer));
    RpCall *call = verify(client);
    QVERIFY(waitFor(call, 15000));
    QVERIFY(!call->ok());
    QTest::qWait(1000);
    QCOMPARE(m_server->requestsTo(QStringLiteral("verify")).size(), 1);
    delete call;
}

void TestIdCardClient::noVerifyApiUrlNeverSends()
{
    RpClient client(m_nam.get(), configFor(m_server->baseUrl().resolved(QUrl(QStringLiteral("/custom/api")))));
    RpCall *call = verify(client);
    QVERIFY(!call->isFinished()); // finished() is always asynchronous
    QVERIFY(waitFor(call));
    QCOMPARE(call->error().kind(), RpError::Kind::Configuration);
    QVERIFY2(call->error().technicalMessage().contains(QStringLiteral("no Verify API base URL")),
             qPrintable(call->error().technicalMessage()));
    QCOMPARE(m_server->requestCount(), 0);
    delete call;
}

void TestIdCardClient::explicitVerifyApiUrlWins()
{
    RpConfig config = configFor(m_server->baseUrl().resolved(QUrl(QStringLiteral("/custom/api"))));
    m_server->setBasePath(QStringLiteral("/idcard/api"));
    config.idCardBaseUrl = m_server->baseUrl();
    RpClient client(m_nam.get(), config);
    m_server->enqueue(QStringLiteral("verify"), CannedResponse::json(200, verifiedAnswer));
    RpCall *call = verify(client);
    QVERIFY(waitFor(call));
    QVERIFY2(call->ok(), qPrintable(call->error().technicalMessage()));
    QCOMPARE(m_server->requests().first().target, QByteArray("/idcard/api/verify"));
    delete call;
}

void TestIdCardClient::logsNeverShowTheCodeOrPersonalNumber()
{
    QLoggingCategory::setFilterRules(QStringLiteral("bankid.*=true"));
    g_logLines.clear();
    g_previousHandler = qInstallMessageHandler(captureLog);
    RpClient client(m_nam.get(), configFor(m_server->baseUrl().resolved(QUrl(QStringLiteral("/rp/v6.0")))));
    m_server->enqueue(QStringLiteral("verify"), CannedResponse::json(200, verifiedAnswer));
    m_server->enqueue(QStringLiteral("verify"), CannedResponse::bankIdError(400, QStringLiteral("invalidParameters"),
                                                                           QStringLiteral("qrCode already used")));
    for (int i = 0; i < 2; ++i) {
        RpCall *call = verify(client);
        QVERIFY(waitFor(call));
        delete call;
    }
    qInstallMessageHandler(g_previousHandler);
    QLoggingCategory::setFilterRules(QString());
    const QString all = g_logLines.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral("qrCode=BANKIDF.0F1E…")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("user.personalNumber=19850615****")), qPrintable(all));
    QVERIFY2(!all.contains(code.left(IdCardCode::LoggedCharacters + 1)), qPrintable(all));
    QVERIFY2(!all.contains(QStringLiteral("198506155129")), qPrintable(all));
}

QTEST_GUILESS_MAIN(TestIdCardClient)
#include "TestIdCardClient.moc"
