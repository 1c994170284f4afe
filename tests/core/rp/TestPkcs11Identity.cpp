// ClientIdentity with the private key on a PKCS#11 token: real SoftHSM2 tokens made in a temporary folder,
// used through OpenSSL's pkcs11 engine, and a full mutual-TLS order against the in-process simulator with the
// token key. Skipped with the reason when softhsm2-util, pkcs11-tool, the module or the engine are missing.

#include "ApiTypes.h"
#include "ClientIdentity.h"
#include "OrderSession.h"
#include "RpConfig.h"
#include "SimulatorFixture.h"
#include "SoftHsmToken.h"
#include "SteadyClock.h"

#include <QtTest>

using namespace bankid;

namespace {

const QByteArray Pin = "24681357";
const QByteArray WrongPin = "97531864";

QString uri(const QString &token, const QString &object)
{
    return QStringLiteral("pkcs11:token=%1;object=%2").arg(token, object);
}

} // namespace

class TestPkcs11Identity : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void loadsKeyAndCertificateFromToken_data();
    void loadsKeyAndCertificateFromToken();
    void loadsCertificateFromFile();
    void isTokenUri();
    void certificateNotOnToken();
    void wrongPinIsWrongPassword();
    void missingPinIsWrongPassword();
    void missingToken();
    void missingObject();
    void keyCertificateMismatch();
    void pinValueInUriRefused();
    void moduleMissing();
    void mutualTlsOrderWithTokenKey_data();
    void mutualTlsOrderWithTokenKey();

private:
    /// Fails the test when `message` shows either PIN.
    static void verifyNoPin(const QString &message);

    test::SoftHsmToken m_hsm;
    test::SimulatorFixture m_fixture;
    SteadyClock m_clock;
};

void TestPkcs11Identity::verifyNoPin(const QString &message)
{
    QVERIFY2(!message.contains(QString::fromLatin1(Pin)) && !message.contains(QString::fromLatin1(WrongPin)),
             qPrintable(QStringLiteral("a PIN shows in: ") + message));
}

void TestPkcs11Identity::initTestCase()
{
    if (const QString why = test::SoftHsmToken::skipReason(); !why.isEmpty())
        QSKIP(qPrintable(why));
    QVERIFY2(m_hsm.isValid(), qPrintable(m_hsm.errorString()));
    QVERIFY2(m_fixture.isValid(), qPrintable(m_fixture.errorString()));
    // The simulator's state folder (ca.pem, ca-key.pem) exists once it started: RP certificates for the token
    // keys are issued by its CA, so it accepts them at the TLS handshake.
    const QString error = m_fixture.start(m_fixture.manualOptions());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString ca = m_fixture.stateDir() + QStringLiteral("/ca.pem");
    const QString caKey = m_fixture.stateDir() + QStringLiteral("/ca-key.pem");
    m_fixture.stop();
    for (const auto &[name, rsa] : {std::pair{QStringLiteral("rp-ec"), false}, std::pair{QStringLiteral("rp-rsa"), true},
                                    std::pair{QStringLiteral("other"), false}}) {
        QVERIFY2(m_hsm.makeClientCredential(ca, caKey, name, rsa), qPrintable(m_hsm.errorString()));
    }

    // SoftHSM2 reads its configuration once per process: every token is made before the first load.
    const QString pin = QString::fromLatin1(Pin);
    QVERIFY2(m_hsm.createToken(QStringLiteral("RP"), pin), qPrintable(m_hsm.errorString()));
    QVERIFY2(m_hsm.importKey(QStringLiteral("RP"), m_hsm.keyPath(QStringLiteral("rp-ec")), QStringLiteral("rp-ec"),
                             QStringLiteral("01"), pin), qPrintable(m_hsm.errorString()));
    QVERIFY2(m_hsm.importCertificate(QStringLiteral("RP"), m_hsm.certificatePath(QStringLiteral("rp-ec")),
                                     QStringLiteral("rp-ec"), QStringLiteral("01"), pin), qPrintable(m_hsm.errorString()));
    QVERIFY2(m_hsm.importKey(QStringLiteral("RP"), m_hsm.keyPath(QStringLiteral("rp-rsa")), QStringLiteral("rp-rsa"),
                             QStringLiteral("02"), pin), qPrintable(m_hsm.errorString()));
    QVERIFY2(m_hsm.importCertificate(QStringLiteral("RP"), m_hsm.certificatePath(QStringLiteral("rp-rsa")),
                                     QStringLiteral("rp-rsa"), QStringLiteral("02"), pin), qPrintable(m_hsm.errorString()));
    // A key whose certificate object belongs to another key.
    QVERIFY2(m_hsm.importKey(QStringLiteral("RP"), m_hsm.keyPath(QStringLiteral("rp-ec")), QStringLiteral("crossed"),
                             QStringLiteral("03"), pin), qPrintable(m_hsm.errorString()));
    QVERIFY2(m_hsm.importCertificate(QStringLiteral("RP"), m_hsm.certificatePath(QStringLiteral("other")),
                                     QStringLiteral("crossed"), QStringLiteral("03"), pin), qPrintable(m_hsm.errorString()));
    // A key only (the certificate stays in a file).
    QVERIFY2(m_hsm.createToken(QStringLiteral("KeyOnly"), pin), qPrintable(m_hsm.errorString()));
    QVERIFY2(m_hsm.importKey(QStringLiteral("KeyOnly"), m_hsm.keyPath(QStringLiteral("rp-ec")), QStringLiteral("rp"),
                             QStringLiteral("01"), pin), qPrintable(m_hsm.errorString()));
    // Never logged in successfully by this process (libp11 keeps a token logged in once it is).
    QVERIFY2(m_hsm.createToken(QStringLiteral("PinTest"), pin), qPrintable(m_hsm.errorString()));
    QVERIFY2(m_hsm.importKey(QStringLiteral("PinTest"), m_hsm.keyPath(QStringLiteral("rp-ec")), QStringLiteral("rp"),
                             QStringLiteral("01"), pin), qPrintable(m_hsm.errorString()));
    m_hsm.applyToProcess();
}

void TestPkcs11Identity::cleanup()
{
    m_fixture.stop();
}

void TestPkcs11Identity::loadsKeyAndCertificateFromToken_data()
{
    QTest::addColumn<QString>("object");
    QTest::newRow("ec-p256") << QStringLiteral("rp-ec");
    QTest::newRow("rsa-2048") << QStringLiteral("rp-rsa");
}

void TestPkcs11Identity::loadsKeyAndCertificateFromToken()
{
    QFETCH(QString, object);
    const ClientIdentity identity = ClientIdentity::load(uri(QStringLiteral("RP"), object), Pin);
    QVERIFY2(!identity.isNull(), qPrintable(identity.error().message()));
    QCOMPARE(identity.format(), ClientIdentity::Format::Token);
    QCOMPARE(identity.commonName(), object);
    QVERIFY(!identity.privateKey().isNull());
    QCOMPARE(identity.privateKey().type(), QSsl::PrivateKey);
    // The key stays on the token: what Qt can export of it is not the key (libp11's EVP_PKEY holds only the
    // public part; an EC export carries a zero scalar, an RSA export fails).
    QFile keyFile(m_hsm.keyPath(object));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    const QSslKey realKey(&keyFile, object == QLatin1String("rp-rsa") ? QSsl::Rsa : QSsl::Ec);
    QVERIFY(!realKey.isNull());
    QVERIFY(identity.privateKey().toPem() != realKey.toPem());
    QVERIFY(identity.privateKey() != realKey);
    QCOMPARE(identity.sourcePath(), uri(QStringLiteral("RP"), object));
    QCOMPARE(identity.certificate(), QSslCertificate::fromPath(m_hsm.certificatePath(object)).value(0));
}

void TestPkcs11Identity::loadsCertificateFromFile()
{
    const ClientIdentity identity = ClientIdentity::load(uri(QStringLiteral("KeyOnly"), QStringLiteral("rp")), Pin,
                                                         m_hsm.certificatePath(QStringLiteral("rp-ec")));
    QVERIFY2(!identity.isNull(), qPrintable(identity.error().message()));
    QCOMPARE(identity.format(), ClientIdentity::Format::Token);
    QCOMPARE(identity.commonName(), QStringLiteral("rp-ec"));
}

void TestPkcs11Identity::isTokenUri()
{
    QVERIFY(ClientIdentity::isTokenUri(QStringLiteral("pkcs11:token=a;object=b")));
    QVERIFY(ClientIdentity::isTokenUri(QStringLiteral("PKCS11:token=a;object=b")));
    QVERIFY(!ClientIdentity::isTokenUri(QStringLiteral("/tmp/pkcs11:x.p12")));
    QVERIFY(!ClientIdentity::isTokenUri(QStringLiteral("rp.p12")));
}

void TestPkcs11Identity::certificateNotOnToken()
{
    const ClientIdentity identity = ClientIdentity::load(uri(QStringLiteral("KeyOnly"), QStringLiteral("rp")), Pin);
    QVERIFY(identity.isNull());
    QCOMPARE(identity.error().kind(), ClientIdentityError::Kind::TokenCertificateNotFound);
    QVERIFY2(identity.error().message().contains(QStringLiteral("KeyOnly")), qPrintable(identity.error().message()));
    verifyNoPin(identity.error().message());
}

void TestPkcs11Identity::wrongPinIsWrongPassword()
{
    const ClientIdentity identity = ClientIdentity::load(uri(QStringLiteral("PinTest"), QStringLiteral("rp")), WrongPin,
                                                         m_hsm.certificatePath(QStringLiteral("rp-ec")));
    QVERIFY(identity.isNull());
    // The same kind as a wrong PKCS#12 password, so the desk and the CLI ask again / report it the same way.
    QCOMPARE(identity.error().kind(), ClientIdentityError::Kind::WrongPassword);
    const QString message = identity.error().message();
    QVERIFY2(message.contains(QStringLiteral("wrong PIN")) && message.contains(QStringLiteral("\"PinTest\"")),
             qPrintable(message));
    verifyNoPin(message);
}

void TestPkcs11Identity::missingPinIsWrongPassword()
{
    const ClientIdentity identity = ClientIdentity::load(uri(QStringLiteral("PinTest"), QStringLiteral("rp")), {},
                                                         m_hsm.certificatePath(QStringLiteral("rp-ec")));
    QCOMPARE(identity.error().kind(), ClientIdentityError::Kind::WrongPassword);
    QVERIFY2(identity.error().message().contains(QStringLiteral("no PIN")), qPrintable(identity.error().message()));
}

void TestPkcs11Identity::missingToken()
{
    const ClientIdentity identity = ClientIdentity::load(uri(QStringLiteral("NoSuchToken"), QStringLiteral("rp")), Pin);
    QCOMPARE(identity.error().kind(), ClientIdentityError::Kind::TokenNotFound);
    const QString message = identity.error().message();
    QVERIFY2(message.contains(QStringLiteral("\"NoSuchToken\"")) && message.contains(QStringLiteral("\"RP\"")),
             qPrintable(message));
    verifyNoPin(message);
}

void TestPkcs11Identity::missingObject()
{
    const ClientIdentity identity = ClientIdentity::load(uri(QStringLiteral("RP"), QStringLiteral("absent")), Pin);
    QCOMPARE(identity.error().kind(), ClientIdentityError::Kind::TokenKeyNotFound);
    const QString message = identity.error().message();
    QVERIFY2(message.contains(QStringLiteral("object=absent")) && message.contains(QStringLiteral("\"RP\"")),
             qPrintable(message));
    verifyNoPin(message);
}

void TestPkcs11Identity::keyCertificateMismatch()
{
    const ClientIdentity onToken = ClientIdentity::load(uri(QStringLiteral("RP"), QStringLiteral("crossed")), Pin);
    QCOMPARE(onToken.error().kind(), ClientIdentityError::Kind::KeyMismatch);
    verifyNoPin(onToken.error().message());

    const QString otherCert = m_hsm.certificatePath(QStringLiteral("other"));
    const ClientIdentity withFile = ClientIdentity::load(uri(QStringLiteral("RP"), QStringLiteral("rp-ec")), Pin, otherCert);
    QCOMPARE(withFile.error().kind(), ClientIdentityError::Kind::KeyMismatch);
    QVERIFY2(withFile.error().message().contains(otherCert), qPrintable(withFile.error().message()));
}

void TestPkcs11Identity::pinValueInUriRefused()
{
    const QString withPin = uri(QStringLiteral("RP"), QStringLiteral("rp-ec")) + QStringLiteral("?pin-value=")
                            + QString::fromLatin1(Pin);
    const ClientIdentity identity = ClientIdentity::load(withPin, {});
    QCOMPARE(identity.error().kind(), ClientIdentityError::Kind::InvalidTokenUri);
    QVERIFY2(identity.error().message().contains(QStringLiteral("pin-value")), qPrintable(identity.error().message()));
    verifyNoPin(identity.error().message());
    QVERIFY(!identity.sourcePath().contains(QString::fromLatin1(Pin)));
}

void TestPkcs11Identity::moduleMissing()
{
    const QByteArray saved = qgetenv("BANKID_PKCS11_MODULE");
    qputenv("BANKID_PKCS11_MODULE", "/nonexistent/libnothing-pkcs11.so");
    const ClientIdentity identity = ClientIdentity::load(uri(QStringLiteral("RP"), QStringLiteral("rp-ec")), Pin);
    qputenv("BANKID_PKCS11_MODULE", saved);
    QCOMPARE(identity.error().kind(), ClientIdentityError::Kind::Pkcs11ModuleMissing);
    QVERIFY2(identity.error().message().contains(QStringLiteral("/nonexistent/libnothing-pkcs11.so")),
             qPrintable(identity.error().message()));
}

void TestPkcs11Identity::mutualTlsOrderWithTokenKey_data()
{
    QTest::addColumn<QString>("object");
    QTest::newRow("ec-p256") << QStringLiteral("rp-ec");
    QTest::newRow("rsa-2048") << QStringLiteral("rp-rsa");
}

void TestPkcs11Identity::mutualTlsOrderWithTokenKey()
{
    QFETCH(QString, object);
    const ClientIdentity identity = ClientIdentity::load(uri(QStringLiteral("RP"), object), Pin);
    QVERIFY2(!identity.isNull(), qPrintable(identity.error().message()));
    const QString error = m_fixture.start(m_fixture.autoOptions(), [&identity](RpConfig &config) {
        config.identity = identity;
    });
    QVERIFY2(error.isEmpty(), qPrintable(error));

    OrderSession session(m_fixture.client(), &m_clock);
    OrderSession::Options options;
    options.startMethod = StartMethod::QrCode;
    options.pollIntervalMs = OrderSession::MinPollIntervalMs;
    options.deadlineMs = 30000;
    OrderRequest request;
    request.flow = Flow::Auth;
    request.endUserIp = QStringLiteral("192.0.2.20");
    session.start(request, options);
    QTRY_VERIFY_WITH_TIMEOUT(!session.isActive(), 20000);
    QVERIFY2(session.state() == OrderSession::State::Complete,
             qPrintable(session.failure() ? session.failure()->technicalMessage : QStringLiteral("not complete")));
}

QTEST_GUILESS_MAIN(TestPkcs11Identity)
#include "TestPkcs11Identity.moc"
