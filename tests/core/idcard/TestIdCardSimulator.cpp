// RpClient::verifyIdCard end to end against the in-process simulator over real mutual TLS: a freshly minted
// card verifies, its answer names the holder and their age, and IdCardEvidenceVerifier passes every check with
// the simulator's signing root; a reused, an expired and a forged code each come back as BankID's 400
// invalidParameters with the details that say which (idcard-contract §1).

#include "AgeCheck.h"
#include "IdCardEvidenceVerifier.h"
#include "PersonalNumber.h"
#include "RpClient.h"
#include "Simulator.h"
#include "SimulatorFixture.h"
#include "TestPerson.h"

#include <QtTest>

using namespace bankid;
using bankid::test::SimulatorFixture;

class TestIdCardSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void mintedCardVerifiesWithEvidence();
    void refusedCodesSayWhy_data();
    void refusedCodesSayWhy();
    void seventeenYearOldIsBelowEighteen();

private:
    /// Verifies `code` through the fixture's client; the call is returned finished (caller deletes it).
    RpCall *verify(const QByteArray &code);
    QList<QSslCertificate> signingRoot() const;

    SimulatorFixture m_fixture;
};

void TestIdCardSimulator::initTestCase()
{
    QVERIFY2(m_fixture.isValid(), qPrintable(m_fixture.errorString()));
}

void TestIdCardSimulator::cleanup()
{
    m_fixture.stop();
}

RpCall *TestIdCardSimulator::verify(const QByteArray &code)
{
    QString problem;
    const auto parsed = IdCardCode::parse(QString::fromLatin1(code), &problem);
    if (!parsed)
        qFatal("the simulator minted an unusable code: %s", qPrintable(problem));
    RpCall *call = m_fixture.client()->verifyIdCard(*parsed);
    call->setAutoDelete(false);
    QSignalSpy finished(call, &RpCall::finished);
    if (!call->isFinished() && !finished.wait(15000))
        qFatal("/verify did not finish");
    return call;
}

QList<QSslCertificate> TestIdCardSimulator::signingRoot() const
{
    return QSslCertificate::fromPath(m_fixture.simulator()->signingRootPath());
}

void TestIdCardSimulator::mintedCardVerifiesWithEvidence()
{
    QString error = m_fixture.start(m_fixture.manualOptions());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(m_fixture.client()->config().effectiveIdCardBaseUrl(), m_fixture.simulator()->idCardBaseUrl());
    const sim::TestPerson person = sim::TestPerson::builtIn().first();
    const QByteArray code = m_fixture.simulator()->mintIdCardCode(person.personalNumber, &error);
    QVERIFY2(!code.isEmpty(), qPrintable(error));

    std::unique_ptr<RpCall> call(verify(code));
    QVERIFY2(call->ok(), qPrintable(call->error().technicalMessage()));
    const IdCardVerification &verification = call->idCardVerification();
    QCOMPARE(verification.user.personalNumber, person.personalNumber);
    QCOMPARE(verification.user.name, person.name());
    const auto number = PersonalNumber::parse(person.personalNumber);
    QVERIFY(number);
    const QDate today = QDate::currentDate();
    int age = today.year() - number->birthDate().year();
    if (today < number->birthDate().addYears(age))
        --age;
    QVERIFY2(qAbs(verification.user.age - age) <= 1, qPrintable(QString::number(verification.user.age))); // Stockholm vs local date
    QVERIFY(qAbs(verification.verifiedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);

    const QList<QSslCertificate> roots = signingRoot();
    QVERIFY(!roots.isEmpty());
    const VerificationReport report = IdCardEvidenceVerifier::verify(verification, roots);
    QVERIFY2(report.allPassed(), qPrintable(report.failures().join(QLatin1Char('\n'))));
    for (const VerificationCheck &check : report.checks)
        QVERIFY2(check.passed(), qPrintable(check.name + QStringLiteral(": ") + check.detail));

    // The same evidence against another root: the chains fail, named.
    const VerificationReport foreign = IdCardEvidenceVerifier::verify(verification, {QSslCertificate::fromPath(m_fixture.simulator()->caCertificatePath())});
    QVERIFY(!foreign.allPassed());
    QVERIFY(foreign.check(QStringLiteral("verification chain")).failed());
    QVERIFY(foreign.check(QStringLiteral("authentication certificate chain")).failed());
}

void TestIdCardSimulator::refusedCodesSayWhy_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("details");

    QTest::newRow("reused") << QStringLiteral("reused") << QStringLiteral("qrCode already used");
    QTest::newRow("expired") << QStringLiteral("expired") << QStringLiteral("qrCode expired");
    QTest::newRow("forged") << QStringLiteral("forged") << QStringLiteral("qrCode not valid");
}

void TestIdCardSimulator::refusedCodesSayWhy()
{
    QFETCH(QString, how);
    QFETCH(QString, details);
    sim::SimulatorOptions options = m_fixture.manualOptions();
    if (how == QLatin1String("expired"))
        options.idCardCodeLifetimeMs = 200;
    QString error = m_fixture.start(options);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QByteArray code = m_fixture.simulator()->mintIdCardCode(sim::TestPerson::builtIn().at(1).personalNumber, &error);
    QVERIFY2(!code.isEmpty(), qPrintable(error));
    if (how == QLatin1String("reused")) {
        std::unique_ptr<RpCall> first(verify(code));
        QVERIFY2(first->ok(), qPrintable(first->error().technicalMessage()));
    } else if (how == QLatin1String("expired")) {
        QTest::qWait(500);
    } else {
        char &last = code[code.size() - 1];
        last = last == '0' ? '1' : '0';
    }
    std::unique_ptr<RpCall> call(verify(code));
    QVERIFY(!call->ok());
    QCOMPARE(call->error().kind(), RpError::Kind::Api);
    QCOMPARE(call->error().httpStatus(), 400);
    QCOMPARE(call->error().errorCode(), QStringLiteral("invalidParameters"));
    QCOMPARE(call->error().details(), details);
}

void TestIdCardSimulator::seventeenYearOldIsBelowEighteen()
{
    QString error = m_fixture.start(m_fixture.manualOptions());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QString elsa;
    for (const sim::TestPerson &person : sim::TestPerson::builtIn()) {
        if (person.name() == QLatin1String("Elsa Ek"))
            elsa = person.personalNumber;
    }
    QVERIFY2(!elsa.isEmpty(), "the simulator has no built-in Elsa Ek");
    const QByteArray code = m_fixture.simulator()->mintIdCardCode(elsa, &error);
    QVERIFY2(!code.isEmpty(), qPrintable(error));
    std::unique_ptr<RpCall> call(verify(code));
    QVERIFY2(call->ok(), qPrintable(call->error().technicalMessage()));
    QCOMPARE(call->idCardVerification().user.age, 17);
    QCOMPARE(checkAge(call->idCardVerification().user.age, 18), AgeOutcome::Below);
    QCOMPARE(checkAge(call->idCardVerification().user.age, 17), AgeOutcome::Meets);
}

QTEST_GUILESS_MAIN(TestIdCardSimulator)
#include "TestIdCardSimulator.moc"
