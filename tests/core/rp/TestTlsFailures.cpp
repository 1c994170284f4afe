// Real TLS failures on loopback against our own Qt server (ScriptedHttpsServer, a QSslServer), each
// classified as the right RpError kind with the right side named: the server's certificate (not pinned,
// expired, other host) versus our client certificate (missing, from a CA the server does not trust).
//
// A QSslServer in its default configuration completes the handshake and then closes without a TLS alert
// when it dislikes the client certificate (TLS 1.2: before its Finished, so the client sees the handshake
// fail with "Connection closed"; TLS 1.3: after the client's side is complete). A bare close cannot be told
// apart from a server that fails right after the handshake, so RpError does not read it as a certificate
// problem. ScriptedHttpsServer and the simulator therefore refuse client certificates inside OpenSSL's
// handshake (QSslConfiguration::setMissingCertificateIsFatal, setHandshakeMustInterruptOnError) and send
// the fatal alert, as BankID's TLS terminators do; qtServerSendsAlert() pins that down for TLS 1.2 and
// 1.3. The same rows against a real `openssl s_server` are in TestTlsServerMatrix.

#include "RpClient.h"
#include "ScriptedHttpsServer.h"
#include "TestPki.h"

#include <QtTest>

using namespace bankid;
using bankid::test::CannedResponse;
using bankid::test::ScriptedHttpsServer;
using bankid::test::TestPki;

class TestTlsFailures : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void classify_data();
    void classify();
    void qtServerSendsAlert_data();
    void qtServerSendsAlert();
    void pinningIgnoresSystemStore();

private:
    TestPki m_pki;
    QHash<QString, TestPki::Credential> m_servers;
    QHash<QString, TestPki::Credential> m_clients;
};

void TestTlsFailures::initTestCase()
{
    if (!m_pki.isValid())
        QSKIP(qPrintable(QStringLiteral("cannot mint test certificates: ") + m_pki.errorString()));
    QVERIFY2(m_pki.createStandardSet(), qPrintable(m_pki.errorString()));

    QVERIFY2(m_pki.createTlsFailureSet(&m_servers, &m_clients), qPrintable(m_pki.errorString()));
}

void TestTlsFailures::classify_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("client");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("problem");
    QTest::addColumn<QString>("side");

    using K = RpError::Kind;
    using P = RpError::ServerCertificateProblem;
    const QString serverSide = QStringLiteral("the BankID server's certificate is not trusted");
    const QString clientSide = QStringLiteral("the server rejected our client certificate");
    QTest::newRow("valid_mutual_tls") << "good" << "good" << int(K::None) << int(P::None) << QString();
    QTest::newRow("server_cert_from_unpinned_ca") << "unpinned-ca" << "good" << int(K::ServerCertificateUntrusted)
                                                  << int(P::UntrustedIssuer) << serverSide;
    QTest::newRow("server_cert_expired") << "expired" << "good" << int(K::ServerCertificateUntrusted) << int(P::Expired)
                                         << serverSide;
    QTest::newRow("server_cert_for_other_host") << "other-host" << "good" << int(K::ServerCertificateUntrusted)
                                                << int(P::HostnameMismatch) << serverSide;
    QTest::newRow("no_client_certificate") << "good" << "none" << int(K::ClientCertificateRejected) << int(P::None)
                                           << clientSide;
    QTest::newRow("client_certificate_from_other_ca") << "good" << "other-ca" << int(K::ClientCertificateRejected)
                                                      << int(P::None) << clientSide;
}

void TestTlsFailures::classify()
{
    QFETCH(QString, server);
    QFETCH(QString, client);
    QFETCH(int, kind);
    QFETCH(int, problem);
    QFETCH(QString, side);

    ScriptedHttpsServer https;
    QVERIFY(https.listen(m_servers.value(server), {m_pki.clientCa().certificate}));
    https.enqueue(QStringLiteral("collect"), CannedResponse::json(200, R"({"orderRef":"r","status":"pending","hintCode":"userSign"})"));

    const TestPki::Credential clientCredential = m_clients.value(client);
    RpConfig config = RpConfig::forEnvironment(Environment::Custom);
    if (!clientCredential.isNull())
        config.identity = ClientIdentity::fromParts(clientCredential.certificate, clientCredential.key);
    config.baseUrl = https.baseUrl(QStringLiteral("localhost"));
    config.caCertificates = {m_pki.serverCa().certificate};
    config.transferTimeoutMs = 5000;

    QNetworkAccessManager nam;
    RpClient rp(&nam, config);
    RpCall *call = rp.collect(QStringLiteral("r"));
    call->setAutoDelete(false);
    QSignalSpy spy(call, &RpCall::finished);
    QVERIFY(spy.wait(15000));

    const RpError &error = call->error();
    QCOMPARE(RpError::kindName(error.kind()), RpError::kindName(RpError::Kind(kind)));
    QCOMPARE(int(error.serverCertificateProblem()), problem);
    if (kind == int(RpError::Kind::None)) {
        QCOMPARE(https.requestCount(), 1);
    } else {
        QVERIFY2(error.technicalMessage().contains(side), qPrintable(error.technicalMessage()));
        QCOMPARE(error.rfa(), Rfa::Rfa22);
        QVERIFY(!error.retriable());
        QCOMPARE(https.requestCount(), 0); // nothing ever reached HTTP
    }
    if (kind == int(RpError::Kind::ClientCertificateRejected))
        QVERIFY2(https.handshakeFailureCount() >= 1, "the server itself must have refused the handshake");
    delete call;
}

void TestTlsFailures::qtServerSendsAlert_data()
{
    QTest::addColumn<int>("protocol");
    QTest::addColumn<QString>("client");
    QTest::addColumn<int>("networkError");
    QTest::addColumn<QString>("alert");

    // Measured against ScriptedHttpsServer with the client pinned to one version: TLS 1.2 fails inside
    // the handshake; under TLS 1.3 our side is done first and the alert arrives on the first read.
    const int handshake = QNetworkReply::SslHandshakeFailedError;
    const int onRead = QNetworkReply::UnknownNetworkError;
    QTest::newRow("tls12_no_client_certificate") << int(QSsl::TlsV1_2) << "none" << handshake
                                                  << QStringLiteral("alert handshake failure");
    QTest::newRow("tls12_client_certificate_from_other_ca") << int(QSsl::TlsV1_2) << "other-ca" << handshake
                                                             << QStringLiteral("alert unknown ca");
    QTest::newRow("tls13_no_client_certificate") << int(QSsl::TlsV1_3) << "none" << onRead
                                                  << QStringLiteral("alert certificate required");
    QTest::newRow("tls13_client_certificate_from_other_ca") << int(QSsl::TlsV1_3) << "other-ca" << onRead
                                                             << QStringLiteral("alert unknown ca");
}

void TestTlsFailures::qtServerSendsAlert()
{
    QFETCH(int, protocol);
    QFETCH(QString, client);
    QFETCH(int, networkError);
    QFETCH(QString, alert);

    ScriptedHttpsServer https;
    QVERIFY(https.listen(m_pki.server(), {m_pki.clientCa().certificate}));

    // A plain QNAM request: RpConfig always offers TLS 1.2 and later, this pins one version.
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates({m_pki.serverCa().certificate});
    ssl.setProtocol(QSsl::SslProtocol(protocol));
    const TestPki::Credential clientCredential = m_clients.value(client);
    if (!clientCredential.isNull()) {
        ssl.setLocalCertificate(clientCredential.certificate);
        ssl.setPrivateKey(clientCredential.key);
    }
    QNetworkRequest request(QUrl(https.baseUrl(QStringLiteral("localhost")).toString() + QStringLiteral("/collect")));
    request.setSslConfiguration(ssl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.post(request, QByteArrayLiteral("{}"));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(15000));

    QCOMPARE(int(reply->error()), networkError);
    QVERIFY2(reply->errorString().contains(alert), qPrintable(reply->errorString()));
    QCOMPARE(https.connectionCount(), 1); // an alert is final: QNAM does not retry the request
    QCOMPARE(https.requestCount(), 0);

    RpError::Outcome outcome;
    outcome.endpoint = QStringLiteral("collect");
    outcome.networkError = reply->error();
    outcome.networkErrorString = reply->errorString();
    outcome.tls = protocol == int(QSsl::TlsV1_3) ? RpError::TlsProgress::EstablishedForThisRequest
                                                 : RpError::TlsProgress::NotEstablished;
    QCOMPARE(RpError::kindName(RpError::fromExchange(outcome).kind()),
             RpError::kindName(RpError::Kind::ClientCertificateRejected));
    delete reply;
}

void TestTlsFailures::pinningIgnoresSystemStore()
{
    // In-process half: the configuration trusts exactly the pinned roots and has on-demand root loading
    // off, so nothing outside caCertificates can be added later.
    RpConfig config = RpConfig::forEnvironment(Environment::Test);
    QCOMPARE(config.caCertificates.size(), 1);
    const QSslConfiguration ssl = config.sslConfiguration();
    QCOMPARE(ssl.caCertificates(), config.caCertificates);
    QCOMPARE(ssl.caCertificates().first().subjectInfo(QSslCertificate::CommonName).value(0),
             QStringLiteral("Test BankID SSL Root CA v1 Test"));
    QCOMPARE(ssl.peerVerifyMode(), QSslSocket::VerifyPeer);
    QCOMPARE(ssl.protocol(), QSsl::TlsV1_2OrLater);
    const RpConfig production = RpConfig::forEnvironment(Environment::Production);
    QCOMPARE(production.caCertificates.first().subjectInfo(QSslCertificate::CommonName).value(0),
             QStringLiteral("BankID SSL Root CA v1"));
    QCOMPARE(production.baseUrl, QUrl(QStringLiteral("https://appapi2.bankid.com/rp/v6.0")));
    // The end-to-end proof (a rogue root bind-mounted over /etc/ssl/certs with unshare -m) is
    // tests/cli/TestPinningNamespace.cpp: it drives the real bankid-cli in a private mount namespace.
}

QTEST_GUILESS_MAIN(TestTlsFailures)
#include "TestTlsFailures.moc"
