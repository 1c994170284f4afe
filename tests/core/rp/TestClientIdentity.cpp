// ClientIdentity::load(): modern and legacy PKCS#12, PEM with plain or encrypted keys, and every failure
// named precisely (with the file, never the password). Certificates are minted at test time with openssl.
// The key reaches Qt by handle (never re-encoded), proven by mutual-TLS round trips; OpenSSL's legacy
// provider is loaded only by the first legacy PKCS#12 file (the first two slots depend on running first).

#include "ClientIdentity.h"
#include "OpenSslProviders.h"
#include "RpClient.h"
#include "ScriptedHttpsServer.h"
#include "TestPki.h"

#include <QtTest>

using bankid::ClientIdentity;
using bankid::ClientIdentityError;
using bankid::OpenSslProviders;
using bankid::test::CannedResponse;
using bankid::test::ScriptedHttpsServer;
using bankid::test::TestPki;

namespace {

const QString Password = QStringLiteral("qwerty123");
const QString KeyPassword = QStringLiteral("k3y-pass");

} // namespace

class TestClientIdentity : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    // These two run first, before any other slot loads a legacy file into this process.
    void modernFilesLeaveLegacyProviderUnloaded();
    void legacyPkcs12LoadsLegacyProviderOnDemand();
    void load_data();
    void load();
    void certificateDetails();
    void chainFromPkcs12();
    void expiredStillLoads();
    void notYetValidStillLoads();
    void fromPartsRejectsMismatch();
    void keyServesMutualTls_data();
    void keyServesMutualTls();

private:
    QString opensslFingerprint(const QString &certPath);

    TestPki m_pki;
    TestPki::Credential m_ca;
    TestPki::Credential m_intermediateLeafCa;
    TestPki::Credential m_rp;
    TestPki::Credential m_other;
    TestPki::Credential m_ec;
    TestPki::Credential m_server;
    QDateTime m_rpNotAfter;
};

void TestClientIdentity::initTestCase()
{
    if (!m_pki.isValid())
        QSKIP(qPrintable(QStringLiteral("cannot mint test certificates: ") + m_pki.errorString()));
    m_ca = m_pki.createCa(QStringLiteral("Testbank RP CA"), TestPki::KeyType::Rsa);
    QVERIFY2(!m_ca.isNull(), qPrintable(m_pki.errorString()));

    TestPki::LeafOptions rsa;
    rsa.usage = TestPki::Usage::Client;
    rsa.keyType = TestPki::KeyType::Rsa;
    rsa.commonName = QStringLiteral("FP Testcert Desk");
    rsa.organization = QStringLiteral("Testbank A AB (publ)");
    m_rpNotAfter = QDateTime::currentDateTimeUtc().addDays(100).addSecs(3600);
    rsa.notAfter = m_rpNotAfter;
    m_rp = m_pki.issue(m_ca, QStringLiteral("rp"), rsa);
    QVERIFY2(!m_rp.isNull(), qPrintable(m_pki.errorString()));
    rsa.commonName = QStringLiteral("Someone else");
    m_other = m_pki.issue(m_ca, QStringLiteral("other"), rsa);
    QVERIFY2(!m_other.isNull(), qPrintable(m_pki.errorString()));
    TestPki::LeafOptions ec;
    ec.usage = TestPki::Usage::Client;
    m_ec = m_pki.issue(m_ca, QStringLiteral("ec-client"), ec);
    QVERIFY2(!m_ec.isNull(), qPrintable(m_pki.errorString()));
    TestPki::LeafOptions server;
    server.dnsNames = {QStringLiteral("localhost")};
    server.ipAddresses = {QStringLiteral("127.0.0.1")};
    m_server = m_pki.issue(m_ca, QStringLiteral("server"), server);
    QVERIFY2(!m_server.isNull(), qPrintable(m_pki.errorString()));

    auto read = [](const QString &path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    QVERIFY(!m_pki.exportPkcs12(m_rp, QStringLiteral("modern.p12"), Password, false).isEmpty());
    QVERIFY2(!m_pki.exportPkcs12(m_rp, QStringLiteral("legacy.p12"), Password, true).isEmpty(), qPrintable(m_pki.errorString()));
    QVERIFY(!m_pki.exportPkcs12(m_rp, QStringLiteral("nokey.p12"), Password, false, false).isEmpty());
    QVERIFY(!m_pki.exportPkcs12(m_rp, QStringLiteral("empty-password.p12"), QString(), false).isEmpty());
    QVERIFY(!m_pki.encryptKey(m_rp, QStringLiteral("rp-encrypted.key"), KeyPassword).isEmpty());
    m_pki.writeFile(QStringLiteral("combined.pem"), read(m_rp.certPath) + read(m_rp.keyPath));
    m_pki.writeFile(QStringLiteral("combined-encrypted.pem"),
                    read(m_rp.certPath) + read(m_pki.filePath(QStringLiteral("rp-encrypted.key"))));
    m_pki.writeFile(QStringLiteral("ec-combined.pem"), read(m_ec.keyPath) + read(m_ec.certPath));
    // DER-looking start (SEQUENCE, long length) then text; the embedded NUL needs the explicit size.
    static const char garbage[] = "\x30\x82\x01\x00 this is not PKCS#12 at all";
    m_pki.writeFile(QStringLiteral("garbage.bin"), QByteArray(garbage, sizeof garbage - 1));
    m_pki.writeFile(QStringLiteral("text.txt"), "just some text, not a certificate\n");
    QDir(m_pki.directory()).mkdir(QStringLiteral("a-directory.p12"));
}

void TestClientIdentity::modernFilesLeaveLegacyProviderUnloaded()
{
    QVERIFY2(!OpenSslProviders::legacyLoaded(), "nothing may have loaded the legacy provider before this slot");
    for (const char *file : {"modern.p12", "empty-password.p12"}) {
        const QString password = QLatin1String(file) == QLatin1String("modern.p12") ? Password : QString();
        const ClientIdentity identity = ClientIdentity::load(m_pki.filePath(QLatin1String(file)), password.toUtf8());
        QVERIFY2(!identity.isNull(), qPrintable(identity.error().message()));
    }
    const ClientIdentity wrong = ClientIdentity::load(m_pki.filePath(QStringLiteral("modern.p12")), "wrong-password");
    QCOMPARE(wrong.error().kind(), ClientIdentityError::Kind::WrongPassword);
    const ClientIdentity pem = ClientIdentity::load(m_pki.filePath(QStringLiteral("combined-encrypted.pem")),
                                                    KeyPassword.toUtf8());
    QVERIFY2(!pem.isNull(), qPrintable(pem.error().message()));
    QVERIFY2(!OpenSslProviders::legacyLoaded(), "modern PKCS#12 and PEM files must not load the legacy provider");
}

void TestClientIdentity::legacyPkcs12LoadsLegacyProviderOnDemand()
{
    QVERIFY(!OpenSslProviders::legacyLoaded());
    const ClientIdentity identity = ClientIdentity::load(m_pki.filePath(QStringLiteral("legacy.p12")), Password.toUtf8());
    QVERIFY2(!identity.isNull(), qPrintable(identity.error().message()));
    QCOMPARE(identity.format(), ClientIdentity::Format::Pkcs12);
    QCOMPARE(identity.commonName(), QStringLiteral("FP Testcert Desk"));
    QVERIFY(!identity.privateKey().isNull());
    QVERIFY(OpenSslProviders::legacyLoaded());
}

void TestClientIdentity::load_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("keyFile");
    QTest::addColumn<int>("errorKind");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("errorNames"); // the file the message must name

    using K = ClientIdentityError::Kind;
    using F = ClientIdentity::Format;
    const int none = int(K::None);
    auto row = [](const char *name, const char *file, const QString &password, const char *keyFile, K kind, F format,
                  const char *named) {
        QTest::newRow(name) << QString::fromLatin1(file) << password << QString::fromLatin1(keyFile) << int(kind)
                            << int(format) << QString::fromLatin1(named);
    };
    Q_UNUSED(none);
    row("modern_p12", "modern.p12", Password, "", K::None, F::Pkcs12, "");
    row("legacy_p12_rc2_3des", "legacy.p12", Password, "", K::None, F::Pkcs12, "");
    row("p12_with_empty_password", "empty-password.p12", QString(), "", K::None, F::Pkcs12, "");
    row("pem_cert_and_plain_key_in_one_file", "combined.pem", QString(), "", K::None, F::Pem, "");
    row("pem_cert_with_encrypted_key_file", "rp.crt", KeyPassword, "rp-encrypted.key", K::None, F::Pem, "");
    row("pem_cert_and_encrypted_key_in_one_file", "combined-encrypted.pem", KeyPassword, "", K::None, F::Pem, "");
    row("pem_ec_key_before_cert", "ec-combined.pem", QString(), "", K::None, F::Pem, "");
    row("wrong_password_modern_p12", "modern.p12", QStringLiteral("wrong-password"), "", K::WrongPassword, F::None, "modern.p12");
    row("wrong_password_legacy_p12", "legacy.p12", QStringLiteral("wrong-password"), "", K::WrongPassword, F::None, "legacy.p12");
    row("wrong_password_encrypted_pem_key", "rp.crt", QStringLiteral("wrong-password"), "rp-encrypted.key",
        K::WrongPassword, F::None, "rp-encrypted.key");
    row("missing_password_encrypted_pem_key", "rp.crt", QString(), "rp-encrypted.key", K::WrongPassword, F::None,
        "rp-encrypted.key");
    row("missing_file", "does-not-exist.p12", Password, "", K::FileNotFound, F::None, "does-not-exist.p12");
    row("missing_key_file", "rp.crt", QString(), "no-such.key", K::FileNotFound, F::None, "no-such.key");
    row("directory_instead_of_file", "a-directory.p12", Password, "", K::FileUnreadable, F::None, "a-directory.p12");
    row("garbage_file", "garbage.bin", Password, "", K::UnsupportedFormat, F::None, "garbage.bin");
    row("text_file", "text.txt", Password, "", K::UnsupportedFormat, F::None, "text.txt");
    row("p12_without_private_key", "nokey.p12", Password, "", K::NoPrivateKey, F::None, "nokey.p12");
    row("pem_cert_without_key", "rp.crt", QString(), "", K::NoPrivateKey, F::None, "rp.crt");
    row("pem_key_without_cert", "rp.key", QString(), "", K::NoCertificate, F::None, "rp.key");
    row("key_does_not_match_cert", "rp.crt", QString(), "other.key", K::KeyMismatch, F::None, "other.key");
}

void TestClientIdentity::load()
{
    QFETCH(QString, file);
    QFETCH(QString, password);
    QFETCH(QString, keyFile);
    QFETCH(int, errorKind);
    QFETCH(int, format);
    QFETCH(QString, errorNames);

    const QString path = m_pki.filePath(file);
    const QString keyPath = keyFile.isEmpty() ? QString() : m_pki.filePath(keyFile);
    const ClientIdentity identity = ClientIdentity::load(path, password.toUtf8(), keyPath);

    QCOMPARE(ClientIdentityError::kindName(identity.error().kind()),
             ClientIdentityError::kindName(ClientIdentityError::Kind(errorKind)));
    QCOMPARE(int(identity.format()), format);
    if (errorKind == int(ClientIdentityError::Kind::None)) {
        QVERIFY(!identity.isNull());
        QVERIFY(!identity.privateKey().isNull());
        QVERIFY(identity.privateKey().type() == QSsl::PrivateKey);
        QVERIFY(identity.commonName() == QLatin1String("FP Testcert Desk") || file.startsWith(QLatin1String("ec-")));
    } else {
        QVERIFY(identity.isNull());
        const QString message = identity.error().message();
        QVERIFY2(message.contains(errorNames), qPrintable(message));
        QVERIFY2(message.contains(m_pki.filePath(errorNames)), qPrintable(message));
        if (!password.isEmpty())
            QVERIFY2(!message.contains(password), "an error message must never contain the password");
    }
}

QString TestClientIdentity::opensslFingerprint(const QString &certPath)
{
    QByteArray out;
    if (!m_pki.runOpenSsl({QStringLiteral("x509"), QStringLiteral("-in"), certPath, QStringLiteral("-noout"),
                           QStringLiteral("-fingerprint"), QStringLiteral("-sha256")},
                          &out))
        return {};
    // "sha256 Fingerprint=AB:CD:..."
    return QString::fromLatin1(out.mid(out.indexOf('=') + 1).trimmed());
}

void TestClientIdentity::certificateDetails()
{
    const ClientIdentity identity = ClientIdentity::load(m_pki.filePath(QStringLiteral("legacy.p12")), Password.toUtf8());
    QVERIFY2(!identity.isNull(), qPrintable(identity.error().message()));
    QCOMPARE(identity.subject(), QStringLiteral("O=Testbank A AB (publ), CN=FP Testcert Desk"));
    QCOMPARE(identity.commonName(), QStringLiteral("FP Testcert Desk"));
    QCOMPARE(identity.issuer(), QStringLiteral("O=BankID Desk Test, CN=Testbank RP CA"));
    QCOMPARE(identity.serialNumber(), QString::fromLatin1(m_rp.certificate.serialNumber()));
    QCOMPARE(identity.expiry(), m_rpNotAfter.addMSecs(-m_rpNotAfter.time().msec()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(identity.daysLeft(now), qint64(100));
    QCOMPARE(identity.daysLeft(m_rpNotAfter.addSecs(-3600 * 23)), qint64(0));
    QCOMPARE(identity.daysLeft(m_rpNotAfter.addSecs(3600)), qint64(-1));
    QVERIFY(identity.notBefore() < now);
    QCOMPARE(identity.validityAt(now), ClientIdentity::Validity::Valid);
    QVERIFY(identity.validityWarning(now).isEmpty());
    const QString fingerprint = opensslFingerprint(m_rp.certPath);
    QVERIFY(!fingerprint.isEmpty());
    QCOMPARE(identity.sha256Fingerprint(), fingerprint);
    QCOMPARE(identity.sourcePath(), m_pki.filePath(QStringLiteral("legacy.p12")));
}

void TestClientIdentity::chainFromPkcs12()
{
    const QString path = m_pki.exportPkcs12(m_rp, QStringLiteral("with-chain.p12"), Password, false, true, {m_ca});
    QVERIFY(!path.isEmpty());
    const ClientIdentity identity = ClientIdentity::load(path, Password.toUtf8());
    QVERIFY2(!identity.isNull(), qPrintable(identity.error().message()));
    QCOMPARE(identity.chain().size(), 1);
    QCOMPARE(identity.chain().first(), m_ca.certificate);
}

void TestClientIdentity::expiredStillLoads()
{
    TestPki::LeafOptions options;
    options.usage = TestPki::Usage::Client;
    options.notBefore = QDateTime::currentDateTimeUtc().addDays(-400);
    options.notAfter = QDateTime::currentDateTimeUtc().addDays(-10);
    const auto expired = m_pki.issue(m_ca, QStringLiteral("expired-rp"), options);
    QVERIFY2(!expired.isNull(), qPrintable(m_pki.errorString()));
    const QString path = m_pki.exportPkcs12(expired, QStringLiteral("expired.p12"), Password, false);
    const ClientIdentity identity = ClientIdentity::load(path, Password.toUtf8());
    QVERIFY2(!identity.isNull(), "an expired certificate must still load so the operator can inspect it");
    QVERIFY(!identity.error().isError());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(identity.validityAt(now), ClientIdentity::Validity::Expired);
    QVERIFY(identity.daysLeft(now) <= -10);
    QVERIFY2(identity.validityWarning(now).contains(QStringLiteral("expired")), qPrintable(identity.validityWarning(now)));
}

void TestClientIdentity::notYetValidStillLoads()
{
    TestPki::LeafOptions options;
    options.usage = TestPki::Usage::Client;
    options.notBefore = QDateTime::currentDateTimeUtc().addDays(5);
    options.notAfter = QDateTime::currentDateTimeUtc().addDays(50);
    const auto future = m_pki.issue(m_ca, QStringLiteral("future-rp"), options);
    QVERIFY2(!future.isNull(), qPrintable(m_pki.errorString()));
    const ClientIdentity identity = ClientIdentity::load(future.certPath, {}, future.keyPath);
    QVERIFY(!identity.isNull());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(identity.validityAt(now), ClientIdentity::Validity::NotYetValid);
    QVERIFY(identity.validityWarning(now).contains(QStringLiteral("not valid before")));
}

void TestClientIdentity::fromPartsRejectsMismatch()
{
    QVERIFY(!ClientIdentity::fromParts(m_rp.certificate, m_rp.key).isNull());
    const ClientIdentity mismatch = ClientIdentity::fromParts(m_rp.certificate, m_other.key);
    QVERIFY(mismatch.isNull());
    QCOMPARE(mismatch.error().kind(), ClientIdentityError::Kind::KeyMismatch);
}

void TestClientIdentity::keyServesMutualTls_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("password");
    QTest::newRow("modern_p12") << QStringLiteral("modern.p12") << Password;
    QTest::newRow("legacy_p12") << QStringLiteral("legacy.p12") << Password;
    QTest::newRow("pem_encrypted_rsa_key") << QStringLiteral("combined-encrypted.pem") << KeyPassword;
    QTest::newRow("pem_ec_key") << QStringLiteral("ec-combined.pem") << QString();
}

void TestClientIdentity::keyServesMutualTls()
{
    QFETCH(QString, file);
    QFETCH(QString, password);

    const ClientIdentity identity = ClientIdentity::load(m_pki.filePath(file), password.toUtf8());
    QVERIFY2(!identity.isNull(), qPrintable(identity.error().message()));

    // The server demands a client certificate from m_ca: the handshake succeeds only if the key handed to
    // Qt signs the TLS CertificateVerify message.
    ScriptedHttpsServer https;
    QVERIFY(https.listen(m_server, {m_ca.certificate}));
    https.enqueue(QStringLiteral("collect"), CannedResponse::json(200, R"({"orderRef":"r","status":"pending","hintCode":"userSign"})"));
    bankid::RpConfig config = bankid::RpConfig::forEnvironment(bankid::Environment::Custom);
    config.identity = identity;
    config.baseUrl = https.baseUrl(QStringLiteral("localhost"));
    config.caCertificates = {m_ca.certificate};
    config.transferTimeoutMs = 5000;
    QNetworkAccessManager nam;
    bankid::RpClient rp(&nam, config);
    bankid::RpCall *call = rp.collect(QStringLiteral("r"));
    call->setAutoDelete(false);
    QSignalSpy finished(call, &bankid::RpCall::finished);
    QVERIFY(finished.wait(15000));
    QVERIFY2(!call->error().isError(), qPrintable(call->error().technicalMessage()));
    QCOMPARE(https.requestCount(), 1);
    QVERIFY(https.requests().at(0).clientCertificatePresented);
    delete call;
}

QTEST_GUILESS_MAIN(TestClientIdentity)
#include "TestClientIdentity.moc"
