// Real TLS failures on loopback, each classified as the right RpError kind with the right side named:
// the server's certificate (not pinned, expired, other host) versus our client certificate (missing,
// from a CA the server does not trust). Over both transports (global rows "direct" and "qnam"): the
// classification must not depend on which one carried the request.

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

    TestPki::LeafOptions localhost;
    localhost.dnsNames = {QStringLiteral("localhost")};
    localhost.ipAddresses = {QStringLiteral("127.0.0.1")};
    m_servers.insert(QStringLiteral("good"), m_pki.server());
    m_servers.insert(QStringLiteral("unpinned-ca"), m_pki.issue(m_pki.rogueCa(), QStringLiteral("rogue-server"), localhost));
    TestPki::LeafOptions expired = localhost;
    expired.notBefore = QDateTime::currentDateTimeUtc().addDays(-60);
    expired.notAfter = QDateTime::currentDateTimeUtc().addDays(-1);
    m_servers.insert(QStringLiteral("expired"), m_pki.issue(m_pki.serverCa(), QStringLiteral("expired-server"), expired));
    TestPki::LeafOptions otherHost;
    otherHost.dnsNames = {QStringLiteral("appapi2.other.example")};
    m_servers.insert(QStringLiteral("other-host"), m_pki.issue(m_pki.serverCa(), QStringLiteral("other-host-server"), otherHost));

    TestPki::LeafOptions client;
    client.usage = TestPki::Usage::Client;
    m_clients.insert(QStringLiteral("good"), m_pki.client());
    m_clients.insert(QStringLiteral("none"), TestPki::Credential());
    m_clients.insert(QStringLiteral("other-ca"), m_pki.issue(m_pki.rogueCa(), QStringLiteral("rogue-client"), client));
    for (auto it = m_servers.cbegin(); it != m_servers.cend(); ++it)
        QVERIFY2(!it->isNull(), qPrintable(it.key() + QStringLiteral(": ") + m_pki.errorString()));
    QVERIFY(!m_clients.value(QStringLiteral("other-ca")).isNull());
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
