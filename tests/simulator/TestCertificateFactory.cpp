// CertificateFactory and StateDirectory: the PKI other components build their TLS test matrices from.

#include "CertificateFactory.h"
#include "Simulator.h"
#include "StateDirectory.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

using namespace bankid::sim;

class TestCertificateFactory : public QObject
{
    Q_OBJECT

private slots:
    void caIsSelfSignedCa();
    void serverCertificateCarriesSans_data();
    void serverCertificateCarriesSans();
    void expiredServerCertificateIsExpired();
    void clientCertificateVerifiesAgainstItsCa();
    void clientCertificateFailsAgainstAnotherCa();
    void pkcs12RoundTripsThroughQt();
    void pkcs12WithWrongPasswordFails();
    void fromPemRejectsForeignKey();
    void stateDirIsCreatedThenReused();
    void stateDirRegeneratesServerCertOnNewHostname();
};

void TestCertificateFactory::caIsSelfSignedCa()
{
    QString error;
    const CertifiedKey ca = CertificateFactory::createCa(QStringLiteral("Unit CA"), 30, &error);
    QVERIFY2(!ca.isNull(), qPrintable(error));
    QVERIFY(ca.certificate.isSelfSigned());
    QCOMPARE(ca.certificate.subjectInfo(QSslCertificate::CommonName).value(0), QStringLiteral("Unit CA"));
    QVERIFY(ca.chain.isEmpty());
    QVERIFY(ca.certificatePem.startsWith("-----BEGIN CERTIFICATE-----"));
    QVERIFY(ca.keyPem.startsWith("-----BEGIN PRIVATE KEY-----")); // unencrypted PKCS#8
    QVERIFY(ca.certificate.toText().contains(QLatin1String("CA:TRUE")));
}

void TestCertificateFactory::serverCertificateCarriesSans_data()
{
    QTest::addColumn<QStringList>("sans");
    QTest::newRow("loopback_ipv4_ipv6_localhost")
        << QStringList{QStringLiteral("127.0.0.1"), QStringLiteral("::1"), QStringLiteral("localhost")};
    QTest::newRow("single_dns_name") << QStringList{QStringLiteral("desk.example.test")};
    QTest::newRow("dns_and_private_ip") << QStringList{QStringLiteral("bankid.local"), QStringLiteral("10.1.2.3")};
}

void TestCertificateFactory::serverCertificateCarriesSans()
{
    QFETCH(QStringList, sans);
    const CertifiedKey ca = CertificateFactory::createCa(QStringLiteral("SAN CA"));
    QString error;
    const CertifiedKey server = CertificateFactory::issueServer(ca, sans, 10, &error);
    QVERIFY2(!server.isNull(), qPrintable(error));
    const auto alternatives = server.certificate.subjectAlternativeNames();
    for (const QString &san : sans) {
        const QHostAddress address(san);
        if (address.isNull())
            QVERIFY2(alternatives.values(QSsl::DnsEntry).contains(san), qPrintable(san));
        else
            QVERIFY2(alternatives.values(QSsl::IpAddressEntry).contains(address.toString()), qPrintable(san));
    }
    QCOMPARE(server.chain.size(), 1);
    QCOMPARE(server.chain.first(), ca.certificate);
    QVERIFY(server.certificate.toText().contains(QLatin1String("TLS Web Server Authentication")));
    // The chain verifies for the first name.
    const QString problem = CertificateFactory::verify(server.certificate, ca.certificate, sans.first());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(!CertificateFactory::verify(server.certificate, ca.certificate, QStringLiteral("other.example")).isEmpty());
}

void TestCertificateFactory::expiredServerCertificateIsExpired()
{
    const CertifiedKey ca = CertificateFactory::createCa(QStringLiteral("Expiry CA"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const CertifiedKey server =
        CertificateFactory::issueServer(ca, {QStringLiteral("127.0.0.1")}, now.addDays(-10), now.addDays(-1));
    QVERIFY(!server.isNull());
    QVERIFY(server.certificate.expiryDate() < now);
    QCOMPARE(CertificateFactory::verify(server.certificate, ca.certificate, QStringLiteral("127.0.0.1")),
             QStringLiteral("certificate has expired"));
}

void TestCertificateFactory::clientCertificateVerifiesAgainstItsCa()
{
    const CertifiedKey ca = CertificateFactory::createCa(QStringLiteral("Client CA"));
    const CertifiedKey client = CertificateFactory::issueClient(ca, QStringLiteral("RP Client"));
    QVERIFY(!client.isNull());
    QCOMPARE(CertificateFactory::verify(client.certificate, ca.certificate), QString());
    QVERIFY(client.certificate.toText().contains(QLatin1String("TLS Web Client Authentication")));
    QCOMPARE(client.certificate.issuerInfo(QSslCertificate::CommonName).value(0), QStringLiteral("Client CA"));
}

void TestCertificateFactory::clientCertificateFailsAgainstAnotherCa()
{
    const CertifiedKey ca = CertificateFactory::createCa(QStringLiteral("Right CA"));
    const CertifiedKey other = CertificateFactory::createCa(QStringLiteral("Right CA")); // same name, other key
    const CertifiedKey client = CertificateFactory::issueClient(ca, QStringLiteral("RP Client"));
    QVERIFY(!CertificateFactory::verify(client.certificate, other.certificate).isEmpty());
}

void TestCertificateFactory::pkcs12RoundTripsThroughQt()
{
    const CertifiedKey ca = CertificateFactory::createCa(QStringLiteral("P12 CA"));
    const CertifiedKey client = CertificateFactory::issueClient(ca, QStringLiteral("P12 Client"));
    QString error;
    QByteArray p12 = CertificateFactory::toPkcs12(client, QStringLiteral("qwerty123"), &error);
    QVERIFY2(!p12.isEmpty(), qPrintable(error));
    QBuffer buffer(&p12);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QSslKey key;
    QSslCertificate certificate;
    QList<QSslCertificate> chain;
    QVERIFY(QSslCertificate::importPkcs12(&buffer, &key, &certificate, &chain, "qwerty123"));
    QCOMPARE(certificate, client.certificate);
    QCOMPARE(key.toPem(), client.key.toPem());
    QCOMPARE(chain.size(), 1);
    QCOMPARE(chain.first(), ca.certificate);
}

void TestCertificateFactory::pkcs12WithWrongPasswordFails()
{
    const CertifiedKey ca = CertificateFactory::createCa(QStringLiteral("P12 CA"));
    QByteArray p12 = CertificateFactory::toPkcs12(CertificateFactory::issueClient(ca, QStringLiteral("c")),
                                                  QStringLiteral("right"));
    QBuffer buffer(&p12);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QSslKey key;
    QSslCertificate certificate;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Unable to parse PKCS#12")));
    QVERIFY(!QSslCertificate::importPkcs12(&buffer, &key, &certificate, nullptr, "wrong"));
}

void TestCertificateFactory::fromPemRejectsForeignKey()
{
    const CertifiedKey ca = CertificateFactory::createCa(QStringLiteral("A"));
    const CertifiedKey other = CertificateFactory::createCa(QStringLiteral("B"));
    QString error;
    QVERIFY(CertificateFactory::fromPem(ca.certificatePem, other.keyPem, {}, &error).isNull());
    QVERIFY(error.contains(QLatin1String("does not belong")));
    QVERIFY(!CertificateFactory::fromPem(ca.certificatePem, ca.keyPem).isNull());
}

void TestCertificateFactory::stateDirIsCreatedThenReused()
{
    QTemporaryDir temp;
    const QString path = temp.filePath(QStringLiteral("state"));
    QString error;
    StateDirectory first(path);
    QVERIFY2(first.ensure({}, &error), qPrintable(error));
    const QStringList expected = {QStringLiteral("ca-key.pem"),     QStringLiteral("ca.pem"),
                                  QStringLiteral("server-key.pem"), QStringLiteral("server.pem"),
                                  QStringLiteral("client-key.pem"), QStringLiteral("client.pem"),
                                  QStringLiteral("client.p12")};
    QCOMPARE(first.generatedFiles(), expected);
    for (const QString &name : expected)
        QVERIFY2(QFileInfo::exists(QDir(path).filePath(name)), qPrintable(name));
    QCOMPARE(QFileInfo(first.clientKeyPath()).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());

    // The p12 opens with the documented password and holds the PEM identity.
    QFile p12(first.clientP12Path());
    QVERIFY(p12.open(QIODevice::ReadOnly));
    QSslKey key;
    QSslCertificate certificate;
    QVERIFY(QSslCertificate::importPkcs12(&p12, &key, &certificate, nullptr, QByteArray(Simulator::clientPassword)));
    QCOMPARE(certificate, first.client().certificate);

    StateDirectory second(path);
    QVERIFY2(second.ensure({}, &error), qPrintable(error));
    QVERIFY(second.generatedFiles().isEmpty());
    QCOMPARE(second.ca().certificate, first.ca().certificate);
    QCOMPARE(second.server().certificate, first.server().certificate);
    QCOMPARE(second.client().certificate, first.client().certificate);
}

void TestCertificateFactory::stateDirRegeneratesServerCertOnNewHostname()
{
    QTemporaryDir temp;
    QString error;
    StateDirectory first(temp.path());
    QVERIFY(first.ensure({}, &error));
    StateDirectory second(temp.path());
    QVERIFY2(second.ensure({QStringLiteral("desk.example.test")}, &error), qPrintable(error));
    QCOMPARE(second.generatedFiles(), (QStringList{QStringLiteral("server-key.pem"), QStringLiteral("server.pem")}));
    QCOMPARE(second.ca().certificate, first.ca().certificate);
    QVERIFY(second.server().certificate.subjectAlternativeNames().values(QSsl::DnsEntry).contains(
        QStringLiteral("desk.example.test")));
    StateDirectory third(temp.path());
    QVERIFY(third.ensure({QStringLiteral("desk.example.test")}, &error));
    QVERIFY(third.generatedFiles().isEmpty());
}

QTEST_GUILESS_MAIN(TestCertificateFactory)
#include "TestCertificateFactory.moc"
