// IdCardEvidenceVerifier on Verify API answers with real evidence (IdCardEvidenceFixture: the simulator's
// signing PKI for the holder's authentication, an exc-c14n XAdES signed in the test for the verification), on
// variants broken in one place each (every one must name the check that fails, and only that one), and on
// random mutations of the XAdES bytes.

#include "EvidencePki.h"
#include "IdCardEvidenceFixture.h"
#include "IdCardEvidenceVerifier.h"
#include "IdCardVerification.h"
#include "TestPki.h"

#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace bankid;
using bankid::test::IdCardEvidenceFixture;

namespace {

// The names of the failed checks and, in one text, every check with its outcome (for failure messages).
QSet<QString> failedNames(const VerificationReport &report, QString *all)
{
    QSet<QString> names;
    QStringList lines;
    for (const VerificationCheck &check : report.checks) {
        lines.append(QStringLiteral("%1 [%2]: %3").arg(check.name, VerificationCheck::outcomeName(check.outcome), check.detail));
        if (check.failed())
            names.insert(check.name);
    }
    *all = lines.join(QLatin1Char('\n'));
    return names;
}

QByteArray xadesOf(const QJsonObject &answer)
{
    return QByteArray::fromBase64(answer.value(QStringLiteral("verification")).toObject().value(QStringLiteral("signature")).toString().toLatin1());
}

QJsonObject withXades(QJsonObject answer, const QByteArray &xml)
{
    QJsonObject verification = answer.value(QStringLiteral("verification")).toObject();
    verification.insert(QStringLiteral("signature"), QString::fromLatin1(xml.toBase64()));
    answer.insert(QStringLiteral("verification"), verification);
    return answer;
}

// `xml` with the base64 character that follows the first `marker` swapped for another one ('A' or 'B').
QByteArray withCharacterChangedAfter(const QByteArray &xml, const QByteArray &marker)
{
    const qsizetype position = xml.indexOf(marker) + marker.size();
    Q_ASSERT(position >= marker.size() && position < xml.size());
    return QByteArray(xml).replace(position, 1, xml.at(position) == 'A' ? "B" : "A");
}

} // namespace

class TestIdCardEvidenceVerifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void genuineEvidencePassesEveryCheck();
    void brokenEvidenceNamesTheFailingCheck_data();
    void brokenEvidenceNamesTheFailingCheck();
    void contentWithoutIdentifiersIsNotCompared();
    void rsaVerifyServiceVerifies();
    void unreadableVerificationSignature_data();
    void unreadableVerificationSignature();
    void duplicateIdIsRefused();
    void checkNamesAreDocumentedAndInJson();
    void mutatedXadesNeverCrashes();

private:
    VerificationReport verify(const QJsonObject &answer) const;

    IdCardEvidenceFixture m_fixture;
    QJsonObject m_answer;
};

void TestIdCardEvidenceVerifier::initTestCase()
{
    QString error;
    QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
    m_answer = m_fixture.response(IdCardEvidenceFixture::Options(), &error);
    QVERIFY2(!m_answer.isEmpty(), qPrintable(error));
}

VerificationReport TestIdCardEvidenceVerifier::verify(const QJsonObject &answer) const
{
    QString error;
    const auto verification = IdCardVerification::fromJson(answer, &error);
    if (!verification)
        qFatal("the test answer does not parse: %s", qPrintable(error));
    return IdCardEvidenceVerifier::verify(*verification, {m_fixture.root()});
}

void TestIdCardEvidenceVerifier::genuineEvidencePassesEveryCheck()
{
    const VerificationReport report = verify(m_answer);
    QString all;
    QVERIFY2(failedNames(report, &all).isEmpty() && report.allPassed(), qPrintable(all));
    QCOMPARE(report.checks.size(), IdCardEvidenceVerifier::checkNames().size());
    for (const VerificationCheck &check : report.checks)
        QVERIFY2(check.passed(), qPrintable(check.name + QStringLiteral(": ") + check.detail));
    const auto person = sim::TestPerson::builtIn().first();
    QCOMPARE(report.signerPersonalNumber, person.personalNumber);
    QCOMPARE(report.funcId, QStringLiteral("Identification"));
    QVERIFY(report.signingTime.has_value());
}

void TestIdCardEvidenceVerifier::brokenEvidenceNamesTheFailingCheck_data()
{
    QTest::addColumn<QString>("breakage");
    QTest::addColumn<QStringList>("failed");

    QTest::newRow("flipped_byte_in_signed_object") << QStringLiteral("object") << QStringList{QStringLiteral("verification references")};
    QTest::newRow("flipped_byte_in_signed_properties") << QStringLiteral("signedProperties")
                                                       << QStringList{QStringLiteral("verification references")};
    QTest::newRow("flipped_byte_in_signature_value") << QStringLiteral("signatureValue")
                                                     << QStringList{QStringLiteral("verification signature value")};
    QTest::newRow("flipped_byte_in_signedinfo_digest")
        << QStringLiteral("digestValue")
        << QStringList{QStringLiteral("verification references"), QStringLiteral("verification signature value")};
    QTest::newRow("wrong_cert_digest") << QStringLiteral("certDigest")
                                       << QStringList{QStringLiteral("verification signing certificate")};
    QTest::newRow("chain_to_another_root") << QStringLiteral("otherRoot") << QStringList{QStringLiteral("verification chain")};
    QTest::newRow("signed_content_names_another_person") << QStringLiteral("content")
                                                          << QStringList{QStringLiteral("verification content")};
    QTest::newRow("authentication_of_another_person") << QStringLiteral("holder") << QStringList{QStringLiteral("holder matches")};
    QTest::newRow("ocsp_of_another_signature") << QStringLiteral("ocsp")
                                               << QStringList{QStringLiteral("authentication ocsp nonce")};
    QTest::newRow("flipped_byte_in_authentication_signature")
        << QStringLiteral("authentication")
        << QStringList{QStringLiteral("authentication signature value"), QStringLiteral("authentication ocsp nonce")};
}

void TestIdCardEvidenceVerifier::brokenEvidenceNamesTheFailingCheck()
{
    QFETCH(QString, breakage);
    QFETCH(QStringList, failed);

    QString error;
    QJsonObject answer = m_answer;
    const QByteArray xml = xadesOf(m_answer);
    IdCardEvidenceFixture::Options options;
    if (breakage == QLatin1String("object")) {
        const auto person = sim::TestPerson::builtIn().first();
        QByteArray changed = xml;
        changed.replace(QByteArray("<givenName>" + person.givenName.toUtf8() + "</givenName>"), QByteArrayLiteral("<givenName>Mallory</givenName>"));
        QVERIFY(changed != xml);
        answer = withXades(answer, changed);
    } else if (breakage == QLatin1String("signedProperties")) {
        QByteArray changed = xml;
        // The first digit of the milliseconds: another signing time, still within every validity period.
        const qsizetype at = changed.indexOf("<xades:SigningTime>") + int(qstrlen("<xades:SigningTime>")) + 20;
        changed[at] = changed[at] == '1' ? '2' : '1';
        answer = withXades(answer, changed);
    } else if (breakage == QLatin1String("signatureValue")) {
        answer = withXades(answer, withCharacterChangedAfter(xml, "<ds:SignatureValue>"));
    } else if (breakage == QLatin1String("digestValue")) {
        answer = withXades(answer, withCharacterChangedAfter(xml, "<ds:DigestValue>"));
    } else if (breakage == QLatin1String("certDigest")) {
        options.certDigestOf = m_fixture.root();
        answer = m_fixture.response(options, &error);
    } else if (breakage == QLatin1String("otherRoot")) {
        const auto root = sim::EvidencePki::createRoot(QStringLiteral("Another Root"), &error);
        const auto bank = sim::EvidencePki::issueBankCa(root, QStringLiteral("Another Bank CA"), &error);
        options.xadesSigner = sim::EvidencePki::issueOcspResponder(bank, QStringLiteral("Another Verify Service"), &error);
        QVERIFY2(!options.xadesSigner.isNull(), qPrintable(error));
        options.xadesSigner.chain = {bank.certificate, root.certificate};
        answer = m_fixture.response(options, &error);
    } else if (breakage == QLatin1String("content")) {
        options.signedPersonalNumber = QStringLiteral("198001019876");
        answer = m_fixture.response(options, &error);
    } else if (breakage == QLatin1String("holder")) {
        // The card says another person, consistently in the answer and the signed content; the holder's
        // authentication is still the first test person's.
        options.signedPersonalNumber = QStringLiteral("197001011239");
        answer = m_fixture.response(options, &error);
        QJsonObject user = answer.value(QStringLiteral("user")).toObject();
        user.insert(QStringLiteral("personalNumber"), options.signedPersonalNumber);
        answer.insert(QStringLiteral("user"), user);
    } else if (breakage == QLatin1String("ocsp")) {
        const QJsonObject other = m_fixture.response(IdCardEvidenceFixture::Options(), &error);
        QJsonObject authentication = answer.value(QStringLiteral("authentication")).toObject();
        authentication.insert(QStringLiteral("ocspResponse"),
                              other.value(QStringLiteral("authentication")).toObject().value(QStringLiteral("ocspResponse")));
        answer.insert(QStringLiteral("authentication"), authentication);
    } else if (breakage == QLatin1String("authentication")) {
        QJsonObject authentication = answer.value(QStringLiteral("authentication")).toObject();
        const QByteArray document = QByteArray::fromBase64(authentication.value(QStringLiteral("signature")).toString().toLatin1());
        authentication.insert(QStringLiteral("signature"), QString::fromLatin1(withCharacterChangedAfter(document, "<SignatureValue>").toBase64()));
        answer.insert(QStringLiteral("authentication"), authentication);
    }
    QVERIFY2(!answer.isEmpty(), qPrintable(error));

    const VerificationReport report = verify(answer);
    QVERIFY(!report.allPassed());
    const QSet<QString> expected(failed.cbegin(), failed.cend());
    QString all;
    QVERIFY2(failedNames(report, &all) == expected, qPrintable(all));
    for (const QString &name : failed)
        QVERIFY2(!report.check(name).detail.isEmpty(), qPrintable(name));
}

void TestIdCardEvidenceVerifier::contentWithoutIdentifiersIsNotCompared()
{
    // What real BankID signs is not published: a signature over other content still verifies, and the
    // content check says it could not compare instead of failing.
    IdCardEvidenceFixture::Options options;
    options.identifiersInContent = false;
    QString error;
    const QJsonObject answer = m_fixture.response(options, &error);
    QVERIFY2(!answer.isEmpty(), qPrintable(error));
    const VerificationReport report = verify(answer);
    QString all;
    QVERIFY2(failedNames(report, &all).isEmpty() && report.allPassed(), qPrintable(all));
    const VerificationCheck content = report.check(QStringLiteral("verification content"));
    QCOMPARE(content.outcome, VerificationCheck::Outcome::NotRun);
    QVERIFY2(content.detail.contains(QStringLiteral("UNCONFIRMED")), qPrintable(content.detail));
}

void TestIdCardEvidenceVerifier::rsaVerifyServiceVerifies()
{
    // BankID signs with RSA keys (the simulator with EC): rsa-sha256 through the same checks, with the signer
    // from another CA that is trusted as well.
    bankid::test::TestPki pki;
    if (!pki.isValid())
        QSKIP(qPrintable(pki.errorString()));
    const auto ca = pki.createCa(QStringLiteral("RSA Verify CA"), bankid::test::TestPki::KeyType::Rsa);
    bankid::test::TestPki::LeafOptions leaf;
    leaf.keyType = bankid::test::TestPki::KeyType::Rsa;
    const auto service = pki.issue(ca, QStringLiteral("RSA Verify Service"), leaf);
    QVERIFY2(!ca.isNull() && !service.isNull(), qPrintable(pki.errorString()));
    QFile keyFile(service.keyPath);
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    IdCardEvidenceFixture::Options options;
    options.xadesSigner = sim::CertifiedKey{service.certificate, service.key, service.certificate.toPem(), keyFile.readAll(),
                                            {ca.certificate}};
    QString error;
    const QJsonObject answer = m_fixture.response(options, &error);
    QVERIFY2(!answer.isEmpty(), qPrintable(error));
    QVERIFY(xadesOf(answer).contains("xmldsig-more#rsa-sha256"));
    const auto verification = IdCardVerification::fromJson(answer, &error);
    QVERIFY2(verification, qPrintable(error));
    const VerificationReport report = IdCardEvidenceVerifier::verify(*verification, {m_fixture.root(), ca.certificate});
    QString all;
    QVERIFY2(failedNames(report, &all).isEmpty() && report.allPassed(), qPrintable(all));
    QVERIFY(report.check(QStringLiteral("verification content")).passed());
}

void TestIdCardEvidenceVerifier::unreadableVerificationSignature_data()
{
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<QString>("detailPart");

    QTest::newRow("not_base64") << QByteArray("%%%") << QStringLiteral("neither XML nor base64");
    QTest::newRow("base64_of_text") << QByteArray("aGVsbG8gd29ybGQ=") << QStringLiteral("does not decode to an XML document");
    QTest::newRow("other_root_element") << QByteArray("<a/>").toBase64() << QStringLiteral("not xmldsig's <Signature>");
    QTest::newRow("no_certificate")
        << QByteArray("<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo/></ds:Signature>").toBase64()
        << QStringLiteral("no signer certificate");
    QTest::newRow("dtd") << QByteArray("<!DOCTYPE x [<!ENTITY a \"b\">]><ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"/>").toBase64()
                         << QStringLiteral("DTD");
}

void TestIdCardEvidenceVerifier::unreadableVerificationSignature()
{
    QFETCH(QByteArray, signature);
    QFETCH(QString, detailPart);
    QJsonObject answer = m_answer;
    QJsonObject verification = answer.value(QStringLiteral("verification")).toObject();
    verification.insert(QStringLiteral("signature"), QString::fromLatin1(signature));
    answer.insert(QStringLiteral("verification"), verification);
    const VerificationReport report = verify(answer);
    QVERIFY(!report.allPassed());
    QString all;
    QVERIFY2(failedNames(report, &all) == QSet<QString>{QStringLiteral("verification xml")}, qPrintable(all));
    QVERIFY2(report.check(QStringLiteral("verification xml")).detail.contains(detailPart),
             qPrintable(report.check(QStringLiteral("verification xml")).detail));
    QCOMPARE(report.check(QStringLiteral("verification chain")).outcome, VerificationCheck::Outcome::NotRun);
    QVERIFY(report.check(QStringLiteral("authentication certificate chain")).passed());
}

// Signature wrapping: a second element with the signed Object's Id, placed before it, carrying another
// verificationId. xmlsec digests one of the two; the verifier must not read its values from the other.
void TestIdCardEvidenceVerifier::duplicateIdIsRefused()
{
    const QByteArray xml = xadesOf(m_answer);
    const QByteArray signedObject = QByteArrayLiteral("<ds:Object Id=\"verificationData\">");
    QVERIFY(xml.contains(signedObject));
    QByteArray wrapped = xml;
    wrapped.replace(signedObject, QByteArray(QByteArrayLiteral("<ds:Object Id=\"verificationData\"><idCardVerification "
                                                    "xmlns=\"urn:bankid-desk:simulator:id-card-verification:1\">"
                                                    "<verificationId>00000000-0000-0000-0000-000000000000</verificationId>"
                                                    "</idCardVerification></ds:Object>")
                                   + signedObject));
    const VerificationReport report = verify(withXades(m_answer, wrapped));
    QVERIFY(!report.allPassed());
    const VerificationCheck xmlCheck = report.check(QStringLiteral("verification xml"));
    QVERIFY2(xmlCheck.failed() && xmlCheck.detail.contains(QLatin1String("two elements with Id \"verificationData\"")),
             qPrintable(xmlCheck.detail));
    QVERIFY(report.check(QStringLiteral("verification content")).outcome != VerificationCheck::Outcome::Passed);
}

void TestIdCardEvidenceVerifier::checkNamesAreDocumentedAndInJson()
{
    const QStringList names = IdCardEvidenceVerifier::checkNames();
    QCOMPARE(names.size(), 16);
    QCOMPARE(names.first(), QStringLiteral("authentication xml"));
    QCOMPARE(names.mid(9), (QStringList{QStringLiteral("verification xml"), QStringLiteral("verification references"),
                                       QStringLiteral("verification signature value"),
                                       QStringLiteral("verification signing certificate"), QStringLiteral("verification chain"),
                                       QStringLiteral("verification content"), QStringLiteral("holder matches")}));
    QCOMPARE(IdCardEvidenceVerifier::requiredCheckNames(), names.mid(0, 14));
    const QJsonArray checks = verify(m_answer).toJson().value(QStringLiteral("checks")).toArray();
    QCOMPARE(checks.size(), names.size());
    for (qsizetype i = 0; i < names.size(); ++i)
        QCOMPARE(checks.at(i).toObject().value(QStringLiteral("name")).toString(), names.at(i));
}

void TestIdCardEvidenceVerifier::mutatedXadesNeverCrashes()
{
    const QByteArray xml = xadesOf(m_answer);
    QRandomGenerator random(11);
    for (int round = 0; round < 200; ++round) {
        QByteArray mutated = xml;
        for (int i = 0; i < 1 + round % 5; ++i)
            mutated[random.bounded(int(mutated.size()))] = char(random.bounded(256));
        const VerificationReport report = verify(withXades(m_answer, mutated));
        QCOMPARE(report.checks.size(), IdCardEvidenceVerifier::checkNames().size());
    }
}

QTEST_GUILESS_MAIN(TestIdCardEvidenceVerifier)
#include "TestIdCardEvidenceVerifier.moc"
