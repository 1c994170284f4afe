// EvidenceVerifier on evidence made by the simulator's signing PKI (EvidencePki + SignatureDocument +
// OcspResponder, real xmlsec signatures and OpenSSL OCSP responses), on hand-broken variants of it, on
// BankID's own test-environment signature (BankID/SampleCode), and on random bytes.

#include "EvidencePki.h"
#include "EvidenceVerifier.h"
#include "OcspResponder.h"
#include "SignatureDocument.h"
#include "SignatureDocumentParser.h"
#include "TestConfig.h"
#include "TestPerson.h"

#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace bankid;
using bankid::sim::CertifiedKey;
using bankid::sim::EvidencePki;
using bankid::sim::OcspResponder;
using bankid::sim::SignatureDocument;
using bankid::sim::TestPerson;

namespace {

const QByteArray visibleText = QByteArrayLiteral("Överför 1 000 kr till konto 1234");
const QByteArray nonVisibleText = QByteArrayLiteral("order=42;hash=abc");

QSet<QString> failedNames(const VerificationReport &report)
{
    QSet<QString> names;
    for (const VerificationCheck &check : report.checks) {
        if (check.failed())
            names.insert(check.name);
    }
    return names;
}

// Changes one character `offset` bytes after the `occurrence`-th (0-based) `marker`.
QByteArray flipAfter(QByteArray xml, const QByteArray &marker, int offset, int occurrence = 0)
{
    qsizetype at = xml.indexOf(marker);
    for (int i = 0; i < occurrence && at >= 0; ++i)
        at = xml.indexOf(marker, at + 1);
    Q_ASSERT(at >= 0);
    char &c = xml[at + marker.size() + offset];
    c = c == 'A' ? 'B' : 'A';
    return xml;
}

} // namespace

class TestEvidenceVerifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void simulatorEvidencePasses_data();
    void simulatorEvidencePasses();
    void brokenEvidenceFailsTheRightChecks_data();
    void brokenEvidenceFailsTheRightChecks();
    void expiredCertificateVerifiesAsOfSigningTime_data();
    void expiredCertificateVerifiesAsOfSigningTime();
    void bankIdTestSignatureParsesAndNamesMissingRoot();
    void reportJsonListsEveryCheck();
    void randomBytesNeverCrashTheParser();
    void mutatedEvidenceNeverCrashesTheVerifier();

private:
    EvidenceVerifier::Options options() const;

    QTemporaryDir m_dir;
    std::unique_ptr<EvidencePki> m_pki;
    CertifiedKey m_user;
    QByteArray m_xml;
    QByteArray m_base64;
    QByteArray m_ocsp;
};

void TestEvidenceVerifier::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_pki = std::make_unique<EvidencePki>(m_dir.path());
    QString error;
    QVERIFY2(m_pki->ensure(&error), qPrintable(error));
    const TestPerson person = TestPerson::builtIn().first();
    m_user = m_pki->userFor(person, &error);
    QVERIFY2(!m_user.isNull(), qPrintable(error));
    SignatureDocument::Content content;
    content.userVisibleData = visibleText.toBase64();
    content.userNonVisibleData = nonVisibleText.toBase64();
    content.funcId = QStringLiteral("Signing");
    content.rpName = QStringLiteral("CN=Test RP");
    content.rpDisplayName = QStringLiteral("Test RP");
    content.nonce = QByteArrayLiteral("bm9uY2U=");
    content.uhi = QByteArrayLiteral("OZvYM9VvyiAmG7NA5jU5zqGcVpo=");
    m_xml = SignatureDocument::sign(content, m_user, &error);
    QVERIFY2(!m_xml.isEmpty(), qPrintable(error));
    m_base64 = m_xml.toBase64();
    m_ocsp = OcspResponder(m_pki->ocspResponder(), m_pki->bankCa().certificate)
                 .respond(m_user.certificate, m_base64, QDateTime::currentDateTimeUtc(), std::nullopt, &error);
    QVERIFY2(!m_ocsp.isEmpty(), qPrintable(error));
}

EvidenceVerifier::Options TestEvidenceVerifier::options() const
{
    EvidenceVerifier::Options options;
    options.roots = {m_pki->root().certificate};
    options.expectedUserVisibleData = visibleText;
    options.expectedUserNonVisibleData = nonVisibleText;
    return options;
}

void TestEvidenceVerifier::simulatorEvidencePasses_data()
{
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<QByteArray>("ocsp");

    QTest::newRow("base64_signature_der_ocsp") << m_base64 << m_ocsp;
    QTest::newRow("base64_signature_base64_ocsp") << m_base64 << m_ocsp.toBase64();
    QTest::newRow("decoded_xml_signature") << m_xml << m_ocsp.toBase64();
    QTest::newRow("base64_with_line_breaks") << QByteArray(m_base64).insert(76, "\n").insert(153, "\r\n") << m_ocsp;
    // DER must never be trimmed. A response ends with its responder certificate's signature bytes, so issue
    // responders until a response happens to end in an ASCII whitespace byte (about 1 in 40).
    QByteArray whitespaceEnding;
    for (int i = 0; i < 1000 && whitespaceEnding.isEmpty(); ++i) {
        const CertifiedKey responder = EvidencePki::issueOcspResponder(m_pki->bankCa(), QStringLiteral("Responder %1").arg(i));
        const QByteArray der = OcspResponder(responder, m_pki->bankCa().certificate)
                                   .respond(m_user.certificate, m_base64, QDateTime::currentDateTimeUtc(), std::nullopt);
        if (QByteArrayLiteral(" \t\n\v\f\r").contains(der.back()))
            whitespaceEnding = der;
    }
    QVERIFY(!whitespaceEnding.isEmpty());
    QTest::newRow("der_ocsp_ending_in_a_whitespace_byte") << m_base64 << whitespaceEnding;
    QByteArray unknown = m_xml;
    unknown.replace("<Object>", "<Object><futureElement xmlns=\"urn:example:future\" a=\"1\">x</futureElement>");
    QTest::newRow("unknown_elements_outside_the_signed_data") << unknown << QByteArray();
}

void TestEvidenceVerifier::simulatorEvidencePasses()
{
    QFETCH(QByteArray, signature);
    QFETCH(QByteArray, ocsp);
    const VerificationReport report = EvidenceVerifier::verify(signature, ocsp, options());
    QVERIFY2(report.allPassed(), qPrintable(report.failures().join(QLatin1Char('\n'))));
    QCOMPARE(report.checks.size(), VerificationReport::checkNames().size());
    for (const VerificationCheck &check : report.checks) {
        const bool ocspCheck = check.name.startsWith(QLatin1String("ocsp"));
        if (ocsp.isEmpty() && ocspCheck)
            QCOMPARE(check.outcome, VerificationCheck::Outcome::NotRun);
        else
            QVERIFY2(check.passed(), qPrintable(check.name + QStringLiteral(": ") + check.detail));
    }
    const TestPerson person = TestPerson::builtIn().first();
    QCOMPARE(report.signerName, person.name());
    QCOMPARE(report.signerPersonalNumber, person.personalNumber);
    QCOMPARE(report.signerGivenName, person.givenName);
    QCOMPARE(report.signerSurname, person.surname);
    QCOMPARE(report.funcId, QStringLiteral("Signing"));
    QCOMPARE(report.usrVisibleData.value_or(QByteArray()), visibleText);
    QCOMPARE(report.usrNonVisibleData.value_or(QByteArray()), nonVisibleText);
    QCOMPARE(report.signingTime.has_value(), !ocsp.isEmpty());
    if (report.signingTime)
        QVERIFY(qAbs(report.signingTime->secsTo(QDateTime::currentDateTimeUtc())) < 120);
}

void TestEvidenceVerifier::brokenEvidenceFailsTheRightChecks_data()
{
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<QByteArray>("ocsp");
    QTest::addColumn<bool>("trustOurRoot");
    QTest::addColumn<QByteArray>("expectedVisible");
    QTest::addColumn<QStringList>("failed");
    QTest::addColumn<QString>("detailPart");

    QString error;
    // In the document: a different usrVisibleData (still valid base64) breaks the bidSignedData digest only.
    QByteArray document = m_xml;
    document.replace(visibleText.toBase64(), QByteArray("Other text!").toBase64());
    QTest::newRow("flipped_byte_in_document")
        << document << m_ocsp << true << QByteArray()
        << QStringList{QStringLiteral("reference bidSignedData"), QStringLiteral("ocsp nonce"), QStringLiteral("usrVisibleData")}
        << QStringLiteral("differs from the digest");
    QTest::newRow("flipped_byte_in_signedinfo_digest")
        << flipAfter(m_xml, "<DigestValue>", 3) << m_ocsp << true << QByteArray()
        << QStringList{QStringLiteral("reference bidSignedData"), QStringLiteral("signature value"), QStringLiteral("ocsp nonce")}
        << QStringLiteral("SignatureValue does not verify");
    QTest::newRow("flipped_byte_in_second_reference")
        << flipAfter(m_xml, "<DigestValue>", 5, 1)
        << m_ocsp << true << QByteArray()
        << QStringList{QStringLiteral("reference bidKeyInfo"), QStringLiteral("signature value"), QStringLiteral("ocsp nonce")}
        << QStringLiteral("#bidKeyInfo");
    QTest::newRow("flipped_byte_in_signature_value")
        << flipAfter(m_xml, "<SignatureValue>", 10) << m_ocsp << true << QByteArray()
        << QStringList{QStringLiteral("signature value"), QStringLiteral("ocsp nonce")} << QStringLiteral("does not verify");
    QTest::newRow("flipped_byte_in_the_xml_syntax")
        << QByteArray(m_xml).replace("</SignedInfo>", "</SignedInfp>") << m_ocsp << true << QByteArray()
        << QStringList{QStringLiteral("xml")} << QStringLiteral("malformed");
    QTest::newRow("wrong_root") << m_base64 << m_ocsp << false << QByteArray()
                                << QStringList{QStringLiteral("certificate chain"), QStringLiteral("ocsp signature")}
                                << QString::fromLatin1(EvidencePki::rootName);

    const QByteArray otherOcsp = OcspResponder(m_pki->ocspResponder(), m_pki->bankCa().certificate)
                                     .respond(m_user.certificate, QByteArray("b3RoZXI=") + m_base64.mid(8),
                                              QDateTime::currentDateTimeUtc(), std::nullopt, &error);
    QTest::newRow("ocsp_for_another_signature") << m_base64 << otherOcsp << true << QByteArray()
                                                << QStringList{QStringLiteral("ocsp nonce")}
                                                << QStringLiteral("belongs to another signature");
    const QByteArray revoked = OcspResponder(m_pki->ocspResponder(), m_pki->bankCa().certificate)
                                   .respond(m_user.certificate, m_base64, QDateTime::currentDateTimeUtc(),
                                            QDateTime::currentDateTimeUtc().addSecs(-60), &error);
    QTest::newRow("revoked_status") << m_base64 << revoked << true << QByteArray()
                                    << QStringList{QStringLiteral("ocsp status")} << QStringLiteral("revoked at");
    const CertifiedKey other = m_pki->userFor(TestPerson::builtIn().at(1), &error);
    const QByteArray otherCertificate = OcspResponder(m_pki->ocspResponder(), m_pki->bankCa().certificate)
                                            .respond(other.certificate, m_base64, QDateTime::currentDateTimeUtc(),
                                                     std::nullopt, &error);
    QTest::newRow("ocsp_about_another_certificate") << m_base64 << otherCertificate << true << QByteArray()
                                                    << QStringList{QStringLiteral("ocsp status")}
                                                    << QStringLiteral("not about the signer");
    QTest::newRow("ocsp_not_der") << m_base64 << QByteArray("bm90IGFuIE9DU1AgcmVzcG9uc2U=") << true << QByteArray()
                                  << QStringList{QStringLiteral("ocsp signature")} << QStringLiteral("not a DER");
    QTest::newRow("usrVisibleData_differs_from_what_was_sent")
        << m_base64 << m_ocsp << true << QByteArray("Pay 5 kr") << QStringList{QStringLiteral("usrVisibleData")}
        << QStringLiteral("differs from what was sent");
}

void TestEvidenceVerifier::brokenEvidenceFailsTheRightChecks()
{
    QFETCH(QByteArray, signature);
    QFETCH(QByteArray, ocsp);
    QFETCH(bool, trustOurRoot);
    QFETCH(QByteArray, expectedVisible);
    QFETCH(QStringList, failed);
    QFETCH(QString, detailPart);

    EvidenceVerifier::Options options = this->options();
    if (!trustOurRoot) {
        QString error;
        options.roots = {EvidencePki::createRoot(QStringLiteral("Another Root"), &error).certificate};
    }
    if (!expectedVisible.isEmpty())
        options.expectedUserVisibleData = expectedVisible;
    const VerificationReport report = EvidenceVerifier::verify(signature, ocsp, options);
    QVERIFY(!report.allPassed());
    QVERIFY2(failedNames(report) == QSet<QString>(failed.cbegin(), failed.cend()),
             qPrintable(report.failures().join(QLatin1Char('\n'))));
    QVERIFY2(report.failures().join(QLatin1Char('\n')).contains(detailPart), qPrintable(report.failures().join(QLatin1Char('\n'))));
    // Tampering never hides the other evidence: every check still ran, unless the XML or the OCSP DER broke.
    if (!failed.contains(QStringLiteral("xml")) && qstrcmp(QTest::currentDataTag(), "ocsp_not_der") != 0) {
        for (const VerificationCheck &check : report.checks)
            QVERIFY2(check.outcome != VerificationCheck::Outcome::NotRun, qPrintable(check.name + QStringLiteral(": ") + check.detail));
    }
}

void TestEvidenceVerifier::expiredCertificateVerifiesAsOfSigningTime_data()
{
    QTest::addColumn<int>("asOfDaysAgo"); // -1: no asOf (the OCSP producedAt is used)
    QTest::addColumn<bool>("passes");

    QTest::newRow("as_of_signing_time") << 5 << true;
    QTest::newRow("default_is_the_ocsp_produced_at") << -1 << true;
    QTest::newRow("as_of_now_the_certificate_has_expired") << 0 << false;
    QTest::newRow("as_of_before_the_certificate_existed") << 20 << false;
}

void TestEvidenceVerifier::expiredCertificateVerifiesAsOfSigningTime()
{
    QFETCH(int, asOfDaysAgo);
    QFETCH(bool, passes);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString error;
    const CertifiedKey root = EvidencePki::createRoot(QStringLiteral("Old Root"), &error, now.addDays(-400));
    const CertifiedKey bank = EvidencePki::issueBankCa(root, QStringLiteral("Old Bank CA"), &error, now.addDays(-400));
    const CertifiedKey responder = EvidencePki::issueOcspResponder(bank, QStringLiteral("Old OCSP"), &error, now.addDays(-400));
    const CertifiedKey user = EvidencePki::issueUser(bank, TestPerson::builtIn().at(2), now.addDays(-10), now.addDays(-1), &error);
    QVERIFY2(!user.isNull() && !responder.isNull(), qPrintable(error));
    SignatureDocument::Content content;
    content.userVisibleData = visibleText.toBase64();
    content.funcId = QStringLiteral("Identification");
    content.nonce = QByteArrayLiteral("bm9uY2U=");
    content.uhi = QByteArrayLiteral("uhi");
    const QByteArray signature = SignatureDocument::sign(content, user, &error).toBase64();
    const QDateTime signedAt = now.addDays(-5);
    const QByteArray ocsp = OcspResponder(responder, bank.certificate).respond(user.certificate, signature, signedAt,
                                                                               std::nullopt, &error);
    QVERIFY2(!ocsp.isEmpty(), qPrintable(error));

    EvidenceVerifier::Options options;
    options.roots = {root.certificate};
    if (asOfDaysAgo >= 0)
        options.asOf = now.addDays(-asOfDaysAgo);
    const VerificationReport report = EvidenceVerifier::verify(signature, ocsp, options);
    QVERIFY2(report.allPassed() == passes, qPrintable(report.failures().join(QLatin1Char('\n'))));
    QVERIFY(report.signingTime);
    QVERIFY(qAbs(report.signingTime->secsTo(signedAt)) <= 1);
    QCOMPARE(report.check(QStringLiteral("certificate chain")).passed(), passes);
    if (asOfDaysAgo == 0)
        QVERIFY2(report.check(QStringLiteral("certificate chain")).detail.contains(QLatin1String("expired")),
                 qPrintable(report.check(QStringLiteral("certificate chain")).detail));
    QVERIFY(report.check(QStringLiteral("reference bidSignedData")).passed());
    QVERIFY(report.check(QStringLiteral("signature value")).passed());
}

void TestEvidenceVerifier::bankIdTestSignatureParsesAndNamesMissingRoot()
{
    QFile file(QStringLiteral(BANKID_TEST_DATA_DIR "/evidence/bankid-test-signature.b64"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QByteArray signature = file.readAll();

    QFile testRoot(QStringLiteral(BANKID_SOURCE_DIR "/resources/certs/bankid-test-root.pem"));
    QVERIFY(testRoot.open(QIODevice::ReadOnly));
    EvidenceVerifier::Options options;
    // BankID's SSL root is not its signing root ("Test BankID Root CA v1 Test"), which we do not have.
    options.roots = QSslCertificate::fromData(testRoot.readAll(), QSsl::Pem);
    QVERIFY(!options.roots.isEmpty());
    options.asOf = QDateTime(QDate(2022, 9, 13), QTime(8, 34), Qt::UTC);
    options.expectedUserVisibleData = QByteArray("signeringstext");
    options.expectedUserNonVisibleData = QByteArray("ej synlig");
    const VerificationReport report = EvidenceVerifier::verify(signature, {}, options);

    QVERIFY2(report.check(QStringLiteral("xml")).passed(), qPrintable(report.check(QStringLiteral("xml")).detail));
    QVERIFY2(report.check(QStringLiteral("reference bidSignedData")).passed(), qPrintable(report.failures().join(u'\n')));
    QVERIFY2(report.check(QStringLiteral("reference bidKeyInfo")).passed(), qPrintable(report.failures().join(u'\n')));
    QVERIFY2(report.check(QStringLiteral("signature value")).passed(), qPrintable(report.failures().join(u'\n')));
    QCOMPARE(failedNames(report), QSet<QString>{QStringLiteral("certificate chain")});
    QVERIFY2(report.check(QStringLiteral("certificate chain")).detail.contains(QLatin1String("Test BankID Root CA v1 Test")),
             qPrintable(report.check(QStringLiteral("certificate chain")).detail));
    QVERIFY(!report.allPassed());
    QCOMPARE(report.funcId, QStringLiteral("Identification"));
    QCOMPARE(report.signerName, QStringLiteral("Tolvan Tolvansson"));
    QCOMPARE(report.signerPersonalNumber, QStringLiteral("191212121212"));
    QCOMPARE(report.signerGivenName, QStringLiteral("Tolvan"));
    QCOMPARE(report.signerSurname, QStringLiteral("Tolvansson"));
    QVERIFY(report.check(QStringLiteral("usrVisibleData")).passed());
    QVERIFY(report.check(QStringLiteral("usrNonVisibleData")).passed());
    QCOMPARE(report.check(QStringLiteral("ocsp status")).outcome, VerificationCheck::Outcome::NotRun);
}

void TestEvidenceVerifier::reportJsonListsEveryCheck()
{
    const VerificationReport report = EvidenceVerifier::verify(m_base64, {}, options());
    const QJsonObject json = report.toJson();
    QCOMPARE(json.value(QLatin1String("allPassed")).toBool(), true);
    const QJsonArray checks = json.value(QLatin1String("checks")).toArray();
    QCOMPARE(checks.size(), VerificationReport::checkNames().size());
    for (int i = 0; i < checks.size(); ++i) {
        const QJsonObject check = checks.at(i).toObject();
        QCOMPARE(check.value(QLatin1String("name")).toString(), VerificationReport::checkNames().at(i));
        const bool ocspCheck = check.value(QLatin1String("name")).toString().startsWith(QLatin1String("ocsp"));
        QCOMPARE(check.value(QLatin1String("ok")).isNull(), ocspCheck);
        QVERIFY(!check.value(QLatin1String("detail")).toString().isEmpty());
    }
    QCOMPARE(json.value(QLatin1String("signer")).toObject().value(QLatin1String("personalNumber")).toString(),
             TestPerson::builtIn().first().personalNumber);
    QCOMPARE(json.value(QLatin1String("usrVisibleData")).toString(), QString::fromUtf8(visibleText));
}

void TestEvidenceVerifier::randomBytesNeverCrashTheParser()
{
    QRandomGenerator random(20240610);
    int rejected = 0;
    for (int i = 0; i < 3000; ++i) {
        QByteArray bytes(qsizetype(random.bounded(1, 600)), '\0');
        for (char &c : bytes)
            c = char(random.bounded(256));
        if (i % 3 == 1)
            bytes = bytes.toBase64(); // valid base64 of garbage
        else if (i % 3 == 2)
            bytes.prepend("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">");
        const auto parsed = SignatureDocumentParser::parse(bytes);
        if (!parsed.ok) {
            ++rejected;
            QVERIFY(!parsed.error.isEmpty());
        }
    }
    QVERIFY(rejected > 2900);
}

void TestEvidenceVerifier::mutatedEvidenceNeverCrashesTheVerifier()
{
    QRandomGenerator random(1);
    for (int i = 0; i < 200; ++i) {
        QByteArray xml = m_xml;
        const int edits = random.bounded(1, 4);
        for (int e = 0; e < edits; ++e) {
            const qsizetype at = random.bounded(xml.size());
            switch (random.bounded(3)) {
            case 0:
                xml[at] = char(random.bounded(256));
                break;
            case 1:
                xml.truncate(at);
                break;
            default:
                xml.insert(at, "<x/>");
                break;
            }
        }
        QByteArray ocsp = i % 3 ? m_ocsp : QByteArray();
        if (i % 5 == 0) {
            ocsp = m_ocsp;
            for (int e = 0; e < edits; ++e)
                ocsp[random.bounded(ocsp.size())] = char(random.bounded(256));
            if (i % 10 == 0)
                ocsp.truncate(random.bounded(ocsp.size()));
        }
        const VerificationReport report = EvidenceVerifier::verify(i % 2 ? xml : xml.toBase64(), ocsp, options());
        QCOMPARE(report.checks.size(), VerificationReport::checkNames().size());
        if (report.check(QStringLiteral("xml")).failed())
            QVERIFY(!report.allPassed());
    }
}

QTEST_GUILESS_MAIN(TestEvidenceVerifier)
#include "TestEvidenceVerifier.moc"
