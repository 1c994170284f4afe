// Every TLS failure a BankID client can meet, against a real `openssl s_server` process (not our own Qt
// code on the other side), under TLS 1.2 and TLS 1.3: each must end in its own RpError kind with a
// sentence naming the side that failed, and must not be retried when retrying cannot help.
//
// Under TLS 1.3 the server verifies our client certificate after our side finished the handshake, so its
// alert arrives on the first read (QNAM: UnknownNetworkError, "Error while reading: ...alert...") instead
// of failing the handshake (SslHandshakeFailedError) as under TLS 1.2; the classification reads the alert
// text. The last row is the opposite case: a server that accepts our certificate, completes the handshake
// and closes without answering must be a Connection failure, never "client certificate rejected".

#include "RpClient.h"
#include "TestPki.h"

#include <QtTest>

#include <QNetworkAccessManager>
#include <QProcess>
#include <QSslServer>
#include <QStandardPaths>
#include <QTcpServer>

using namespace bankid;
using bankid::test::TestPki;

namespace {

/// One `openssl s_server` process on a free port, killed when this object goes away.
class OpenSslServer
{
public:
    ~OpenSslServer() { stop(); }

    /// Starts `openssl s_server -accept <port> <arguments>` and waits until it accepts connections. The
    /// port is found free by binding port 0 first; if another process takes it before s_server binds, a
    /// new port is tried.
    bool start(const QString &openssl, const QStringList &arguments, QString *error)
    {
        for (int attempt = 0; attempt < 5; ++attempt) {
            QTcpServer probe;
            if (!probe.listen(QHostAddress::Any, 0)) {
                *error = QStringLiteral("no free port: ") + probe.errorString();
                return false;
            }
            m_port = probe.serverPort();
            probe.close();

            m_process.setProcessChannelMode(QProcess::MergedChannels);
            m_process.start(openssl, QStringList{QStringLiteral("s_server"), QStringLiteral("-accept"),
                                                 QString::number(m_port)}
                                         + arguments);
            if (!m_process.waitForStarted(5000)) {
                *error = QStringLiteral("openssl s_server did not start: ") + m_process.errorString();
                return false;
            }
            QByteArray output;
            QDeadlineTimer deadline(10000);
            // s_server prints "ACCEPT" once its socket listens.
            while (!output.contains("ACCEPT") && m_process.state() == QProcess::Running && !deadline.hasExpired()) {
                m_process.waitForReadyRead(100);
                output += m_process.readAll();
            }
            m_log = output;
            if (output.contains("ACCEPT"))
                return true;
            stop();
            *error = QStringLiteral("openssl s_server did not accept on port %1: %2")
                         .arg(m_port)
                         .arg(QString::fromLocal8Bit(output).simplified());
            if (!output.contains("in use"))
                return false; // only a port race is worth another attempt
        }
        return false;
    }

    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    quint16 port() const { return m_port; }
    /// Everything s_server printed so far (its verification errors, for failure messages).
    QString log()
    {
        m_log += m_process.readAll();
        return QString::fromLocal8Bit(m_log);
    }

private:
    QProcess m_process;
    quint16 m_port = 0;
    QByteArray m_log;
};

/// Accepts TLS connections (verifying the client certificate) and closes each one as soon as its handshake
/// completed, without reading or answering anything.
class CloseAfterHandshakeServer : public QObject
{
public:
    bool listen(const TestPki::Credential &server, const QSslCertificate &clientCa, QSsl::SslProtocol protocol)
    {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificate(server.certificate);
        ssl.setPrivateKey(server.key);
        ssl.setCaCertificates({clientCa});
        ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
        ssl.setProtocol(protocol);
        m_server.setSslConfiguration(ssl);
        QObject::connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *tcp = m_server.nextPendingConnection()) {
                auto *socket = static_cast<QSslSocket *>(tcp);
                if (!socket->peerCertificate().isNull())
                    ++m_acceptedClientCertificates;
                socket->disconnectFromHost();
                QObject::connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return m_server.serverPort(); }
    /// Completed handshakes in which the client presented a certificate the server verified.
    int acceptedClientCertificates() const { return m_acceptedClientCertificates; }

private:
    QSslServer m_server;
    int m_acceptedClientCertificates = 0;
};

const QString serverSide = QStringLiteral("the BankID server's certificate is not trusted");
const QString clientSide = QStringLiteral("the server rejected our client certificate");
const QString noCommonVersion = QStringLiteral("no TLS protocol version in common");
const QString closedAfterHandshake = QStringLiteral("closed the connection right after the TLS handshake without answering");

} // namespace

class TestTlsServerMatrix : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void opensslServer_data();
    void opensslServer();
    void closeAfterHandshake_data();
    void closeAfterHandshake();

private:
    RpConfig configFor(const QUrl &baseUrl, const TestPki::Credential &client) const;
    RpError collect(const QUrl &baseUrl, const TestPki::Credential &client);

    QString m_openssl;
    TestPki m_pki;
    QHash<QString, TestPki::Credential> m_servers;
    QHash<QString, TestPki::Credential> m_clients;
};

void TestTlsServerMatrix::initTestCase()
{
    m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (m_openssl.isEmpty())
        QSKIP("the openssl command line tool is not on PATH: these rows need a real `openssl s_server`");
    if (!m_pki.isValid())
        QSKIP(qPrintable(QStringLiteral("cannot mint test certificates: ") + m_pki.errorString()));
    QVERIFY2(m_pki.createStandardSet(), qPrintable(m_pki.errorString()));

    QVERIFY2(m_pki.createTlsFailureSet(&m_servers, &m_clients), qPrintable(m_pki.errorString()));
}

RpConfig TestTlsServerMatrix::configFor(const QUrl &baseUrl, const TestPki::Credential &client) const
{
    RpConfig config = RpConfig::forEnvironment(Environment::Custom);
    if (!client.isNull())
        config.identity = ClientIdentity::fromParts(client.certificate, client.key);
    config.baseUrl = baseUrl;
    config.caCertificates = {m_pki.serverCa().certificate};
    config.transferTimeoutMs = 5000;
    return config;
}

RpError TestTlsServerMatrix::collect(const QUrl &baseUrl, const TestPki::Credential &client)
{
    QNetworkAccessManager nam;
    RpClient rp(&nam, configFor(baseUrl, client));
    RpCall *call = rp.collect(QStringLiteral("r"));
    call->setAutoDelete(false);
    QSignalSpy finished(call, &RpCall::finished);
    if (!finished.wait(20000))
        qWarning("the collect call did not finish within 20 s");
    const RpError error = call->error();
    delete call;
    qInfo().noquote() << "network error" << int(error.networkError()) << "->" << RpError::kindName(error.kind())
                      << "|" << error.technicalMessage();
    return error;
}

void TestTlsServerMatrix::opensslServer_data()
{
    QTest::addColumn<QStringList>("protocol"); // s_server's protocol options
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("client");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("problem");
    QTest::addColumn<QString>("side");
    QTest::addColumn<int>("networkError"); // -1: not pinned down

    using K = RpError::Kind;
    using P = RpError::ServerCertificateProblem;
    const int handshake = QNetworkReply::SslHandshakeFailedError;
    const QList<QPair<QString, QStringList>> versions = {{QStringLiteral("tls12"), {QStringLiteral("-tls1_2")}},
                                                         {QStringLiteral("tls13"), {QStringLiteral("-tls1_3")}}};
    for (const auto &[name, protocol] : versions) {
        // The client-certificate alert fails the TLS 1.2 handshake; under TLS 1.3 it arrives on the first read.
        const int clientAlert = name == QLatin1String("tls13") ? int(QNetworkReply::UnknownNetworkError) : handshake;
        auto row = [&](const char *what) -> QTestData & { return QTest::newRow(qPrintable(name + QLatin1Char('_') + QLatin1String(what))); };
        row("valid_mutual_tls") << protocol << "good" << "good" << int(K::None) << int(P::None) << QString() << -1;
        row("no_client_certificate") << protocol << "good" << "none" << int(K::ClientCertificateRejected)
                                     << int(P::None) << clientSide << clientAlert;
        row("client_certificate_from_other_ca") << protocol << "good" << "other-ca" << int(K::ClientCertificateRejected)
                                                << int(P::None) << clientSide << clientAlert;
        row("server_cert_from_unpinned_ca") << protocol << "unpinned-ca" << "good" << int(K::ServerCertificateUntrusted)
                                            << int(P::UntrustedIssuer) << serverSide << handshake;
        row("server_cert_expired") << protocol << "expired" << "good" << int(K::ServerCertificateUntrusted)
                                   << int(P::Expired) << serverSide << handshake;
        row("server_cert_for_other_host") << protocol << "other-host" << "good" << int(K::ServerCertificateUntrusted)
                                          << int(P::HostnameMismatch) << serverSide << handshake;
    }
    // OpenSSL 3 on Debian refuses TLS 1.0/1.1 at its default security level; level 0 lets s_server offer them.
    const QString legacyCiphers = QStringLiteral("DEFAULT:@SECLEVEL=0");
    QTest::newRow("tls10_only_server_no_common_protocol")
        << QStringList{QStringLiteral("-tls1"), QStringLiteral("-cipher"), legacyCiphers} << "good" << "good"
        << int(K::Tls) << int(P::None) << noCommonVersion << handshake;
    QTest::newRow("tls11_only_server_no_common_protocol")
        << QStringList{QStringLiteral("-tls1_1"), QStringLiteral("-cipher"), legacyCiphers} << "good" << "good"
        << int(K::Tls) << int(P::None) << noCommonVersion << handshake;
}

void TestTlsServerMatrix::opensslServer()
{
    QFETCH(QStringList, protocol);
    QFETCH(QString, server);
    QFETCH(QString, client);
    QFETCH(int, kind);
    QFETCH(int, problem);
    QFETCH(QString, side);
    QFETCH(int, networkError);

    const TestPki::Credential serverCredential = m_servers.value(server);
    // -Verify 1 -verify_return_error: demand a client certificate and refuse a missing or untrusted one
    // (-Verify alone only logs the problem and serves the request anyway). -www answers any request with
    // an HTML status page.
    const QStringList arguments = QStringList{QStringLiteral("-cert"), serverCredential.certPath,
                                              QStringLiteral("-key"), serverCredential.keyPath,
                                              QStringLiteral("-CAfile"), m_pki.clientCa().certPath,
                                              QStringLiteral("-Verify"), QStringLiteral("1"),
                                              QStringLiteral("-verify_return_error"), QStringLiteral("-www")}
                                  + protocol;
    OpenSslServer openssl;
    QString startError;
    QVERIFY2(openssl.start(m_openssl, arguments, &startError), qPrintable(startError));

    QUrl baseUrl(QStringLiteral("https://localhost/rp/v6.0"));
    baseUrl.setPort(openssl.port());
    if (kind == int(RpError::Kind::None)) {
        // The control row: s_server -www answers only GET (a POST such as /collect gets no answer at all),
        // so the client's exact TLS configuration (pinned CA, identity) makes a GET of the status page,
        // which reports the negotiated protocol and the verification of our certificate.
        QNetworkAccessManager nam;
        QNetworkRequest request(baseUrl.resolved(QUrl(QStringLiteral("/"))));
        request.setSslConfiguration(configFor(baseUrl, m_clients.value(client)).sslConfiguration());
        QNetworkReply *reply = nam.get(request);
        // The page has no Content-Length and s_server keeps the connection open: the closing tag ends it.
        QByteArray page;
        connect(reply, &QNetworkReply::readyRead, this, [reply, &page] { page += reply->readAll(); });
        QTRY_VERIFY_WITH_TIMEOUT(page.contains("</HTML>") || reply->isFinished(), 20000);
        QVERIFY2(reply->error() == QNetworkReply::NoError, qPrintable(reply->errorString() + QLatin1Char('\n') + openssl.log()));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QByteArray negotiated = protocol.contains(QStringLiteral("-tls1_3")) ? "TLSv1.3" : "TLSv1.2";
        QVERIFY2(page.contains(QByteArray("Protocol  : " + negotiated)), page.constData());
        QVERIFY2(page.contains("Verify return code: 0 (ok)"), page.constData());
        reply->abort();
        delete reply;
        return;
    }
    const RpError error = collect(baseUrl, m_clients.value(client));
    const QString context = error.technicalMessage() + QStringLiteral("\ns_server said: ") + openssl.log();
    openssl.stop();

    QVERIFY2(RpError::kindName(error.kind()) == RpError::kindName(RpError::Kind(kind)), qPrintable(context));
    QCOMPARE(int(error.serverCertificateProblem()), problem);
    QVERIFY2(error.technicalMessage().contains(side), qPrintable(context));
    QCOMPARE(error.httpStatus(), 0);
    QCOMPARE(int(error.networkError()), networkError);
    QCOMPARE(error.rfa(), Rfa::Rfa22);
    QVERIFY2(!error.retriable(), "retrying cannot repair a certificate or protocol mismatch");
}

void TestTlsServerMatrix::closeAfterHandshake_data()
{
    QTest::addColumn<int>("protocol");
    QTest::newRow("tls12") << int(QSsl::TlsV1_2);
    QTest::newRow("tls13") << int(QSsl::TlsV1_3);
}

void TestTlsServerMatrix::closeAfterHandshake()
{
    QFETCH(int, protocol);

    CloseAfterHandshakeServer server;
    QVERIFY(server.listen(m_pki.server(), m_pki.clientCa().certificate, QSsl::SslProtocol(protocol)));
    QUrl baseUrl(QStringLiteral("https://localhost/rp/v6.0"));
    baseUrl.setPort(server.port());
    const RpError error = collect(baseUrl, m_pki.client());

    QVERIFY2(server.acceptedClientCertificates() >= 1, "the server must have completed the handshake with our certificate");
    QCOMPARE(RpError::kindName(error.kind()), RpError::kindName(RpError::Kind::Connection));
    QVERIFY2(error.technicalMessage().contains(closedAfterHandshake), qPrintable(error.technicalMessage()));
    QVERIFY2(!error.technicalMessage().contains(clientSide), qPrintable(error.technicalMessage()));
    QCOMPARE(error.rfa(), Rfa::Rfa5);
}

QTEST_GUILESS_MAIN(TestTlsServerMatrix)
#include "TestTlsServerMatrix.moc"
