// The simulator's evidence over real mutual TLS: every completed order carries a real XMLDSig signature by
// the test person's certificate and an OCSP response bound to it, which core's EvidenceVerifier accepts
// against the simulator's signing root; revocation through the control API; the signing PKI on disk.

#include "EvidenceVerifier.h"
#include "SimulatorTestClient.h"
#include "TestPerson.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>

using namespace bankid::sim;
using namespace simtest;

namespace {

QJsonObject completedOrder(HttpClient &client, const QString &endpoint, const QJsonObject &body, QString *why)
{
    const HttpResult created = client.rp(endpoint, body);
    const QString orderRef = created.json.value(QStringLiteral("orderRef")).toString();
    if (created.status != 200 || orderRef.isEmpty()) {
        *why = QStringLiteral("create failed: %1 %2").arg(created.status).arg(QString::fromUtf8(created.body));
        return {};
    }
    QDeadlineTimer deadline(8000);
    while (!deadline.hasExpired()) {
        const HttpResult collected = client.rp(QStringLiteral("collect"), QJsonObject{{QStringLiteral("orderRef"), orderRef}});
        const QString status = collected.json.value(QStringLiteral("status")).toString();
        if (status == QLatin1String("complete"))
            return collected.json.value(QStringLiteral("completionData")).toObject();
        if (status != QLatin1String("pending")) {
            *why = QStringLiteral("collect: ") + QString::fromUtf8(collected.body);
            return {};
        }
        QTest::qWait(25);
    }
    *why = QStringLiteral("the order did not complete within 8 s");
    return {};
}

bankid::VerificationReport verify(const Simulator &simulator, const QJsonObject &completion,
                                  std::optional<QByteArray> visible = std::nullopt,
                                  std::optional<QByteArray> nonVisible = std::nullopt)
{
    bankid::EvidenceVerifier::Options options;
    options.roots = QSslCertificate::fromPath(simulator.signingRootPath());
    options.expectedUserVisibleData = visible;
    options.expectedUserNonVisibleData = nonVisible;
    return bankid::EvidenceVerifier::verify(completion.value(QStringLiteral("signature")).toString().toLatin1(),
                                            completion.value(QStringLiteral("ocspResponse")).toString().toLatin1(), options);
}

} // namespace

class TestSimulatorEvidence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void completedOrdersCarryVerifiableEvidence_data();
    void completedOrdersCarryVerifiableEvidence();
    void revokedPersonGetsRevokedOcspStatus();
    void revokeControlApiRejectsWrongUse_data();
    void revokeControlApiRejectsWrongUse();
    void signingPkiIsPersistedAndReused();
};

void TestSimulatorEvidence::completedOrdersCarryVerifiableEvidence_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("funcId");
    QTest::addColumn<QString>("personalNumber");
    QTest::addColumn<QByteArray>("visible");
    QTest::addColumn<QByteArray>("nonVisible");

    const QString karl = TestPerson::builtIn().at(0).personalNumber;
    const QString anna = TestPerson::builtIn().at(1).personalNumber;
    const QByteArray text = QByteArrayLiteral("Jag godkänner avtalet");
    const QByteArray hidden = QByteArrayLiteral("contract-id=77");
    QTest::newRow("auth_without_texts") << QStringLiteral("auth") << authBody() << QStringLiteral("Identification") << karl
                                        << QByteArray() << QByteArray();
    QTest::newRow("sign_with_both_texts")
        << QStringLiteral("sign")
        << QJsonObject{{QStringLiteral("endUserIp"), QStringLiteral("192.168.0.1")},
                       {QStringLiteral("userVisibleData"), QString::fromLatin1(text.toBase64())},
                       {QStringLiteral("userNonVisibleData"), QString::fromLatin1(hidden.toBase64())}}
        << QStringLiteral("Signing") << karl << text << hidden;
    QTest::newRow("sign_by_a_required_person")
        << QStringLiteral("sign")
        << QJsonObject{{QStringLiteral("endUserIp"), QStringLiteral("192.168.0.1")},
                       {QStringLiteral("userVisibleData"), QString::fromLatin1(text.toBase64())},
                       {QStringLiteral("requirement"), QJsonObject{{QStringLiteral("personalNumber"), anna}}}}
        << QStringLiteral("Signing") << anna << text << QByteArray();
    QTest::newRow("phone_auth_by_a_synthetic_person")
        << QStringLiteral("phone/auth")
        << QJsonObject{{QStringLiteral("personalNumber"), QStringLiteral("200001012384")},
                       {QStringLiteral("callInitiator"), QStringLiteral("RP")}}
        << QStringLiteral("Identification") << QStringLiteral("200001012384") << QByteArray() << QByteArray();
}

void TestSimulatorEvidence::completedOrdersCarryVerifiableEvidence()
{
    QFETCH(QString, endpoint);
    QFETCH(QJsonObject, body);
    QFETCH(QString, funcId);
    QFETCH(QString, personalNumber);
    QFETCH(QByteArray, visible);
    QFETCH(QByteArray, nonVisible);

    SimulatorFixture fx(fastOptions(UserMode::Auto));
    QVERIFY(fx.start());
    QString why;
    const QJsonObject completion = completedOrder(fx.client(), endpoint, body, &why);
    QVERIFY2(!completion.isEmpty(), qPrintable(why));

    const bankid::VerificationReport report = verify(fx.simulator(), completion, visible, nonVisible);
    QVERIFY2(report.allPassed(), qPrintable(report.failures().join(QLatin1Char('\n'))));
    for (const bankid::VerificationCheck &check : report.checks) {
        if (check.name.startsWith(QLatin1String("usr")))
            continue; // "absent and nothing was sent" passes; both rows with texts compare them
        QVERIFY2(check.passed(), qPrintable(check.name + QStringLiteral(": ") + check.detail));
    }
    const QJsonObject user = completion.value(QStringLiteral("user")).toObject();
    QCOMPARE(report.signerPersonalNumber, personalNumber);
    QCOMPARE(report.signerPersonalNumber, user.value(QStringLiteral("personalNumber")).toString());
    QCOMPARE(report.signerName, user.value(QStringLiteral("name")).toString());
    QCOMPARE(report.signerGivenName, user.value(QStringLiteral("givenName")).toString());
    QCOMPARE(report.funcId, funcId);
    QVERIFY(report.signingTime);
    QVERIFY(qAbs(report.signingTime->secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QCOMPARE(report.usrVisibleData.has_value(), !visible.isEmpty());
    if (!visible.isEmpty())
        QCOMPARE(*report.usrVisibleData, visible);

    // The evidence does not verify against the simulator's TLS CA: only the signing root is trusted.
    bankid::EvidenceVerifier::Options tlsCa;
    tlsCa.roots = {fx.simulator().caCertificate()};
    const auto wrongRoot = bankid::EvidenceVerifier::verify(completion.value(QStringLiteral("signature")).toString().toLatin1(),
                                                            completion.value(QStringLiteral("ocspResponse")).toString().toLatin1(),
                                                            tlsCa);
    QVERIFY(!wrongRoot.allPassed());
    QVERIFY(wrongRoot.check(QStringLiteral("certificate chain")).detail.contains(QLatin1String("Signing Root")));
}

void TestSimulatorEvidence::revokedPersonGetsRevokedOcspStatus()
{
    SimulatorFixture fx(fastOptions(UserMode::Auto));
    QVERIFY(fx.start());
    const QString karl = TestPerson::builtIn().first().personalNumber;
    const HttpResult revoked = fx.client().control("POST", QStringLiteral("persons/%1/revoke").arg(karl));
    QCOMPARE(revoked.status, 200);
    QCOMPARE(revoked.json.value(QStringLiteral("revoked")).toBool(), true);

    QString why;
    QJsonObject completion = completedOrder(fx.client(), QStringLiteral("auth"), authBody(), &why);
    QVERIFY2(!completion.isEmpty(), qPrintable(why));
    bankid::VerificationReport report = verify(fx.simulator(), completion);
    QVERIFY(!report.allPassed());
    QCOMPARE(report.failures().size(), 1);
    QVERIFY2(report.check(QStringLiteral("ocsp status")).detail.startsWith(QLatin1String("revoked at")),
             qPrintable(report.check(QStringLiteral("ocsp status")).detail));

    QCOMPARE(fx.client().control("POST", QStringLiteral("persons/%1/reinstate").arg(karl)).status, 200);
    completion = completedOrder(fx.client(), QStringLiteral("auth"), authBody(), &why);
    QVERIFY2(!completion.isEmpty(), qPrintable(why));
    report = verify(fx.simulator(), completion);
    QVERIFY2(report.allPassed(), qPrintable(report.failures().join(QLatin1Char('\n'))));

    // The C++ control method does the same.
    QVERIFY(fx.simulator().setPersonRevoked(karl, true));
    completion = completedOrder(fx.client(), QStringLiteral("auth"), authBody(), &why);
    QVERIFY2(!completion.isEmpty(), qPrintable(why));
    QVERIFY(verify(fx.simulator(), completion).check(QStringLiteral("ocsp status")).failed());
    QString error;
    QVERIFY(!fx.simulator().setPersonRevoked(QStringLiteral("1990"), true, &error));
    QVERIFY(error.contains(QLatin1String("personalNumber")));
}

void TestSimulatorEvidence::revokeControlApiRejectsWrongUse_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detailPart");

    QTest::newRow("malformed_personal_number") << QByteArray("POST") << QStringLiteral("persons/19900101/revoke") << 400
                                               << QStringLiteral("personalNumber");
    QTest::newRow("unknown_action") << QByteArray("POST") << QStringLiteral("persons/199001012385/suspend") << 404
                                    << QStringLiteral("revoke, reinstate");
    QTest::newRow("get_is_not_allowed") << QByteArray("GET") << QStringLiteral("persons/199001012385/revoke") << 405
                                        << QStringLiteral("POST");
}

void TestSimulatorEvidence::revokeControlApiRejectsWrongUse()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QString, detailPart);

    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    const HttpResult result = fx.client().control(verb, path);
    QCOMPARE(result.status, status);
    QVERIFY2(result.details().contains(detailPart), qPrintable(result.details()));
}

void TestSimulatorEvidence::signingPkiIsPersistedAndReused()
{
    QTemporaryDir dir;
    SimulatorOptions options = fastOptions(UserMode::Auto);
    options.stateDir = dir.path();
    QJsonObject completion;
    QByteArray rootPem;
    {
        SimulatorFixture fx(options);
        QVERIFY(fx.start());
        QCOMPARE(QFileInfo(fx.simulator().signingRootPath()).fileName(), QStringLiteral("signing-root.pem"));
        QFile root(fx.simulator().signingRootPath());
        QVERIFY(root.open(QIODevice::ReadOnly));
        rootPem = root.readAll();
        QCOMPARE(QSslCertificate(rootPem).subjectInfo(QSslCertificate::CommonName).value(0),
                 QStringLiteral("BankID Desk Simulator Signing Root"));
        QStringList expected{QStringLiteral("signing-root-key.pem"), QStringLiteral("signing-bank-ca.pem"),
                             QStringLiteral("signing-bank-ca-key.pem"), QStringLiteral("signing-ocsp.pem"),
                             QStringLiteral("signing-ocsp-key.pem")};
        for (const TestPerson &person : TestPerson::builtIn())
            expected << QStringLiteral("signing-user-%1.pem").arg(person.personalNumber);
        for (const QString &name : expected)
            QVERIFY2(QFileInfo::exists(QDir(dir.path()).filePath(name)), qPrintable(name));
        QCOMPARE(QFileInfo(QDir(dir.path()).filePath(QStringLiteral("signing-root-key.pem"))).permissions()
                     & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        QString why;
        completion = completedOrder(fx.client(), QStringLiteral("auth"), authBody(), &why);
        QVERIFY2(!completion.isEmpty(), qPrintable(why));
    }
    SimulatorFixture again(options);
    QVERIFY(again.start());
    QFile root(again.simulator().signingRootPath());
    QVERIFY(root.open(QIODevice::ReadOnly));
    QCOMPARE(root.readAll(), rootPem);
    const bankid::VerificationReport report = verify(again.simulator(), completion);
    QVERIFY2(report.allPassed(), qPrintable(report.failures().join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestSimulatorEvidence)
#include "TestSimulatorEvidence.moc"
