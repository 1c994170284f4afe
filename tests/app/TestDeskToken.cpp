// The desk with its RP key on a PKCS#11 token: the settings name a pkcs11: URI, ConnectionManager asks for the
// PIN (passwordRequired), a wrong PIN is asked again with the reason, the right one makes the connection, and an
// order completes over mutual TLS signed on the token. A real SoftHSM2 token made at test time and the
// in-process simulator (automatic user). Skipped with the reason when SoftHSM2, OpenSC or the engine are missing.
#include "AppSettings.h"
#include "ClientIdentity.h"
#include "ConnectionManager.h"
#include "DeskOptions.h"
#include "OrderSession.h"
#include "RpConfig.h"
#include "SimulatorFixture.h"
#include "SoftHsmToken.h"
#include "SteadyClock.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace bankid;

namespace {
const QByteArray Pin = "31415926";
const QByteArray WrongPin = "27182818";
const QString TokenUri = QStringLiteral("pkcs11:token=Desk%20RP;object=rp-desk");
} // namespace

class TestDeskToken : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void wrongPinIsAskedAgainThenTheOrderCompletes();
    void declinedPinFailsTheConfiguration();

private:
    /// Settings for the custom environment of the running simulator, with the token key.
    void writeSettings(AppSettings &settings) const;

    test::SoftHsmToken m_hsm;
    test::SimulatorFixture m_fixture;
    QTemporaryDir m_dir;
    SteadyClock m_clock;
};

void TestDeskToken::initTestCase()
{
    if (const QString why = test::SoftHsmToken::skipReason(); !why.isEmpty())
        QSKIP(qPrintable(why));
    QVERIFY2(m_hsm.isValid(), qPrintable(m_hsm.errorString()));
    QVERIFY2(m_fixture.isValid(), qPrintable(m_fixture.errorString()));
    QVERIFY(m_dir.isValid());
    // The simulator runs for the whole test (its CA issues the token's RP certificate; the desk connects to it
    // as a custom server).
    const QString error = m_fixture.start(m_fixture.autoOptions());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString ca = m_fixture.stateDir() + QStringLiteral("/ca.pem");
    const QString caKey = m_fixture.stateDir() + QStringLiteral("/ca-key.pem");
    QVERIFY2(m_hsm.makeClientCredential(ca, caKey, QStringLiteral("rp-desk"), false), qPrintable(m_hsm.errorString()));
    const QString pin = QString::fromLatin1(Pin);
    QVERIFY2(m_hsm.createToken(QStringLiteral("Desk RP"), pin), qPrintable(m_hsm.errorString()));
    QVERIFY2(m_hsm.importKey(QStringLiteral("Desk RP"), m_hsm.keyPath(QStringLiteral("rp-desk")),
                             QStringLiteral("rp-desk"), QStringLiteral("01"), pin),
             qPrintable(m_hsm.errorString()));
    QVERIFY2(m_hsm.importCertificate(QStringLiteral("Desk RP"), m_hsm.certificatePath(QStringLiteral("rp-desk")),
                                     QStringLiteral("rp-desk"), QStringLiteral("01"), pin),
             qPrintable(m_hsm.errorString()));
    m_hsm.applyToProcess(); // SoftHSM2 reads its configuration once per process: after every token is made
}

void TestDeskToken::cleanupTestCase()
{
    m_fixture.stop();
}

void TestDeskToken::writeSettings(AppSettings &settings) const
{
    settings.setEnvironment(DeskEnvironment::Custom);
    settings.setCustomUrl(m_fixture.client()->config().baseUrl.toString());
    settings.setCustomCaFile(m_fixture.stateDir() + QStringLiteral("/ca.pem"));
    settings.setCertificateFile(TokenUri);
    settings.setKeyFile(QString()); // the certificate is on the token
    settings.setRememberPassword(false);
}

void TestDeskToken::wrongPinIsAskedAgainThenTheOrderCompletes()
{
    AppSettings settings(m_dir.filePath(QStringLiteral("pin.ini")));
    writeSettings(settings);
    ConnectionManager connections(&settings, DeskOptions());
    QVERIFY(ClientIdentity::isTokenUri(connections.effectiveProfile().certificateFile));

    // The first prompt gets a wrong PIN; the second, which must say why it asks again, the right one.
    QStringList problems;
    connect(&connections, &ConnectionManager::passwordRequired, this,
            [&](const QString &certificatePath, const QString &problem) {
                QCOMPARE(certificatePath, TokenUri);
                problems << problem;
                connections.supplyPassword(problems.size() == 1 ? WrongPin : Pin, false);
            });
    QSignalSpy ready(&connections, &ConnectionManager::ready);
    QSignalSpy failed(&connections, &ConnectionManager::configurationFailed);
    connections.configure();
    QVERIFY2(QTest::qWaitFor([&] { return ready.count() + failed.count() > 0; }, 20000),
             "the connection neither became ready nor failed");
    QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().first().toString()));
    QCOMPARE(problems.size(), 2);
    QVERIFY(problems.at(0).isEmpty());
    QVERIFY2(problems.at(1).contains(QLatin1String("PIN"), Qt::CaseInsensitive), qPrintable(problems.at(1)));
    for (const QString &problem : std::as_const(problems)) {
        QVERIFY2(!problem.contains(QString::fromLatin1(Pin)) && !problem.contains(QString::fromLatin1(WrongPin)),
                 qPrintable(QStringLiteral("a PIN shows in: ") + problem));
    }
    QCOMPARE(connections.identity().format(), ClientIdentity::Format::Token);
    QCOMPARE(connections.identity().commonName(), QStringLiteral("rp-desk"));

    // A whole order over mutual TLS, the handshake signed on the token.
    OrderSession session(connections.client(), &m_clock);
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

void TestDeskToken::declinedPinFailsTheConfiguration()
{
    AppSettings settings(m_dir.filePath(QStringLiteral("declined.ini")));
    writeSettings(settings);
    ConnectionManager connections(&settings, DeskOptions());
    connect(&connections, &ConnectionManager::passwordRequired, this,
            [&connections](const QString &, const QString &) { connections.declinePassword(); });
    QSignalSpy ready(&connections, &ConnectionManager::ready);
    QSignalSpy failed(&connections, &ConnectionManager::configurationFailed);
    connections.configure();
    QVERIFY(QTest::qWaitFor([&] { return ready.count() + failed.count() > 0; }, 20000));
    QCOMPARE(ready.count(), 0);
    QCOMPARE(failed.count(), 1);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QLatin1String("no PIN given")) && message.contains(TokenUri), qPrintable(message));
    QVERIFY(!connections.isReady());
}

QTEST_MAIN(TestDeskToken)
#include "TestDeskToken.moc"
