#include "IdCardEvidenceVerifier.h"

#include "EvidenceVerifier.h"
#include "IdCardSignatureParser.h"
#include "OpenSslHandles.h"
#include "PersonalNumber.h"
#include "SignatureDocumentParser.h"
#include "XmlDsigVerifier.h"

#include <QCryptographicHash>
#include <QLoggingCategory>

#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <memory>
#include <optional>

namespace bankid {

Q_LOGGING_CATEGORY(lcIdCardEvidence, "bankid.evidence.idcard", QtInfoMsg)

namespace {

const QString authenticationPrefix = QStringLiteral("authentication ");
const QString xmlCheck = QStringLiteral("verification xml");
const QString referencesCheck = QStringLiteral("verification references");
const QString signatureValueCheck = QStringLiteral("verification signature value");
const QString signingCertificateCheck = QStringLiteral("verification signing certificate");
const QString chainCheck = QStringLiteral("verification chain");
const QString contentCheck = QStringLiteral("verification content");
const QString holderCheck = QStringLiteral("holder matches");

// EvidenceVerifier's checks that apply to an ID card's authentication (nothing was sent, so not the
// usrVisibleData / usrNonVisibleData comparisons).
QStringList authenticationChecks()
{
    return VerificationReport::checkNames().mid(0, 9);
}

using openssl::Handle;

QString subjectOf(X509 *certificate)
{
    return openssl::nameText(X509_get_subject_name(certificate));
}

// Verifies signer -> intermediates -> one of `roots` as of `at`; the detail says how far it got or why not.
bool verifyChain(const QList<QByteArray> &keyInfoCertificates, const QList<QSslCertificate> &roots,
                 const QDateTime &at, QString *detail)
{
    if (roots.isEmpty()) {
        *detail = QStringLiteral("no trusted root given");
        return false;
    }
    Handle<X509> signer = openssl::x509FromDer(keyInfoCertificates.value(0));
    Handle<STACK_OF(X509)> intermediates(sk_X509_new_null());
    for (qsizetype i = 1; i < keyInfoCertificates.size(); ++i) {
        if (Handle<X509> certificate = openssl::x509FromDer(keyInfoCertificates.at(i)))
            sk_X509_push(intermediates.get(), certificate.release());
    }
    Handle<X509_STORE> store(X509_STORE_new());
    for (const QSslCertificate &root : roots) {
        Handle<X509> anchor = openssl::x509FromDer(root.toDer());
        if (anchor)
            X509_STORE_add_cert(store.get(), anchor.get());
    }
    Handle<X509_STORE_CTX> context(X509_STORE_CTX_new());
    if (!signer || !store || !context
        || X509_STORE_CTX_init(context.get(), store.get(), signer.get(), intermediates.get()) != 1) {
        ERR_clear_error();
        *detail = QStringLiteral("the signer certificate does not parse, or OpenSSL cannot set up the check");
        return false;
    }
    X509_STORE_CTX_set_time(context.get(), 0, time_t(at.toSecsSinceEpoch()));
    const bool verified = X509_verify_cert(context.get()) == 1;
    const int code = X509_STORE_CTX_get_error(context.get());
    ERR_clear_error();
    const QString when = at.toUTC().toString(Qt::ISODate);
    if (verified) {
        STACK_OF(X509) *chain = X509_STORE_CTX_get0_chain(context.get());
        *detail = QStringLiteral("\"%1\" chains through %2 certificates to the trusted root \"%3\" as of %4")
                      .arg(subjectOf(signer.get()))
                      .arg(sk_X509_num(chain))
                      .arg(subjectOf(sk_X509_value(chain, sk_X509_num(chain) - 1)), when);
        return true;
    }
    X509 *failing = X509_STORE_CTX_get_current_cert(context.get());
    *detail = QStringLiteral("%1 (at \"%2\", as of %3)")
                  .arg(QString::fromLatin1(X509_verify_cert_error_string(code)),
                       failing ? subjectOf(failing) : subjectOf(signer.get()), when);
    return false;
}

// What the KeyInfo signer certificate's digest should be, per CertDigest entry.
void checkSigningCertificate(VerificationReport &report, const IdCardSignatureParser::Result &xades,
                             const QByteArray &signerDer)
{
    if (!xades.hasSignedProperties) {
        report.fail(signingCertificateCheck, QStringLiteral("the document has no xades:SignedProperties, so it is not XAdES"));
        return;
    }
    if (xades.certDigests.isEmpty()) {
        report.fail(signingCertificateCheck, QStringLiteral("SignedProperties has no SigningCertificateV2 / CertDigest"));
        return;
    }
    QStringList seen;
    for (const IdCardSignatureParser::CertDigest &entry : xades.certDigests) {
        const auto algorithm = XmlDsigVerifier::digestAlgorithm(entry.algorithm);
        if (!algorithm) {
            seen.append(QStringLiteral("unsupported DigestMethod \"%1\"").arg(entry.algorithm.left(100)));
            continue;
        }
        if (QCryptographicHash::hash(signerDer, *algorithm) == entry.digest) {
            report.pass(signingCertificateCheck, QStringLiteral("CertDigest (%1) is the digest of the KeyInfo signer certificate")
                                                     .arg(entry.algorithm));
            return;
        }
        seen.append(QStringLiteral("%1 %2").arg(entry.algorithm, QString::fromLatin1(entry.digest.toBase64())));
    }
    report.fail(signingCertificateCheck, QStringLiteral("no CertDigest is the digest of the KeyInfo signer certificate (%1)")
                                             .arg(seen.join(QStringLiteral("; "))));
}

void checkReferences(VerificationReport &report, const XmlDsigVerifier::Result &dsig,
                     const IdCardSignatureParser::Result &xades)
{
    if (!dsig.ran) {
        report.fail(referencesCheck, dsig.error);
        report.fail(signatureValueCheck, dsig.error);
        return;
    }
    report.set(signatureValueCheck, dsig.signatureValueOk ? VerificationCheck::Outcome::Passed : VerificationCheck::Outcome::Failed,
               dsig.signatureValueDetail);
    QStringList bad;
    QStringList good;
    bool coversSignedProperties = false;
    bool coversContent = false;
    for (const XmlDsigVerifier::ReferenceResult &reference : dsig.references) {
        if (!reference.ok)
            bad.append(QStringLiteral("%1: %2").arg(reference.uri, reference.detail));
        else
            good.append(reference.uri);
        const bool toSignedProperties = !xades.signedPropertiesId.isEmpty()
                                        && reference.uri == QLatin1Char('#') + xades.signedPropertiesId;
        coversSignedProperties = coversSignedProperties || toSignedProperties;
        coversContent = coversContent || !toSignedProperties;
    }
    if (dsig.references.isEmpty())
        report.fail(referencesCheck, QStringLiteral("SignedInfo has no Reference"));
    else if (!bad.isEmpty())
        report.fail(referencesCheck, bad.join(QStringLiteral("; ")));
    else if (!coversSignedProperties)
        report.fail(referencesCheck, QStringLiteral("no Reference covers the SignedProperties (Id \"%1\"), so the signing "
                                                    "time and certificate are not signed")
                                         .arg(xades.signedPropertiesId));
    else if (!coversContent)
        report.fail(referencesCheck, QStringLiteral("the only Reference is to the SignedProperties: no content is signed"));
    else
        report.pass(referencesCheck, QStringLiteral("%1 References match: %2").arg(good.size()).arg(good.join(QStringLiteral(", "))));
}

// verificationId / personalNumber inside the signed content (a Reference other than the SignedProperties').
void checkContent(VerificationReport &report, const IdCardVerification &verification, const SignatureDocumentParser::Result &parsed,
                  const IdCardSignatureParser::Result &xades)
{
    QStringList signedIds;
    for (const SignatureDocumentParser::Reference &reference : parsed.references) {
        if (reference.uri.startsWith(QLatin1Char('#')) && reference.uri.mid(1) != xades.signedPropertiesId)
            signedIds.append(reference.uri.mid(1));
    }
    auto signedValue = [&](const QString &name) -> std::optional<QString> {
        for (const IdCardSignatureParser::Field &field : xades.fields) {
            if (field.name != name)
                continue;
            for (const QString &id : signedIds) {
                if (field.enclosingIds.contains(id))
                    return field.text;
            }
        }
        return std::nullopt;
    };
    const std::optional<QString> signedId = signedValue(QStringLiteral("verificationId"));
    const std::optional<QString> signedNumber = signedValue(QStringLiteral("personalNumber"));
    if (!signedId && !signedNumber) {
        report.skip(contentCheck, QStringLiteral("the signed content names no verificationId or personalNumber; what BankID "
                                                 "signs there is not published (UNCONFIRMED), so it is not compared"));
        return;
    }
    QStringList problems;
    QStringList matches;
    if (signedId && signedId->compare(verification.verificationId, Qt::CaseInsensitive) != 0)
        problems.append(QStringLiteral("the signed verificationId \"%1\" is not the answer's \"%2\"")
                            .arg(signedId->left(64), verification.verificationId.left(64)));
    else if (signedId)
        matches.append(QStringLiteral("verificationId"));
    if (signedNumber && *signedNumber != verification.user.personalNumber)
        problems.append(QStringLiteral("the signed personalNumber %1 is not the answer's %2")
                            .arg(PersonalNumber::mask(*signedNumber), PersonalNumber::mask(verification.user.personalNumber)));
    else if (signedNumber)
        matches.append(QStringLiteral("personalNumber"));
    if (!problems.isEmpty())
        report.fail(contentCheck, problems.join(QStringLiteral("; ")));
    else
        report.pass(contentCheck, QStringLiteral("the signed %1 equal the answer's").arg(matches.join(QStringLiteral(" and "))));
}

void checkVerificationSignature(VerificationReport &report, const IdCardVerification &verification,
                                const QList<QSslCertificate> &roots)
{
    const QString unread = QStringLiteral("the verification signature could not be read");
    const QStringList dependent{referencesCheck, signatureValueCheck, signingCertificateCheck, chainCheck, contentCheck};
    const SignatureDocumentParser::Result parsed = SignatureDocumentParser::parse(verification.verificationSignature.toLatin1());
    const IdCardSignatureParser::Result xades = parsed.ok ? IdCardSignatureParser::parse(parsed.xml) : IdCardSignatureParser::Result{};
    QString problem = parsed.ok ? xades.error : parsed.error;
    if (problem.isEmpty() && parsed.certificates.isEmpty())
        problem = QStringLiteral("KeyInfo holds no signer certificate");
    if (!problem.isEmpty()) {
        report.fail(xmlCheck, problem);
        for (const QString &name : dependent)
            report.skip(name, unread);
        return;
    }
    report.pass(xmlCheck, QStringLiteral("XMLDSig document, %1 References, %2 KeyInfo certificates, %3, SigningTime %4")
                              .arg(parsed.references.size())
                              .arg(parsed.certificates.size())
                              .arg(xades.hasSignedProperties ? QStringLiteral("SignedProperties \"%1\"").arg(xades.signedPropertiesId)
                                                             : QStringLiteral("no SignedProperties"),
                                   xades.signingTimeText.isEmpty() ? QStringLiteral("(none)") : xades.signingTimeText.left(64)));

    const QByteArray signerDer = parsed.certificates.first();
    checkReferences(report, XmlDsigVerifier::verify(parsed.xml, signerDer), xades);
    checkSigningCertificate(report, xades, signerDer);

    const QDateTime at = xades.signingTime.isValid() ? xades.signingTime : verification.verifiedAt;
    QString detail;
    const bool chained = verifyChain(parsed.certificates, roots, at, &detail);
    report.set(chainCheck, chained ? VerificationCheck::Outcome::Passed : VerificationCheck::Outcome::Failed, detail);

    checkContent(report, verification, parsed, xades);
}

void checkHolder(VerificationReport &report, const IdCardVerification &verification)
{
    if (report.signerPersonalNumber.isEmpty()) {
        report.skip(holderCheck, QStringLiteral("the authentication certificate carries no personal number to compare"));
    } else if (report.signerPersonalNumber == verification.user.personalNumber) {
        report.pass(holderCheck, QStringLiteral("the authentication certificate is %1's, the card holder's")
                                     .arg(PersonalNumber::mask(verification.user.personalNumber)));
    } else {
        report.fail(holderCheck, QStringLiteral("the authentication certificate belongs to %1, the card to %2")
                                     .arg(PersonalNumber::mask(report.signerPersonalNumber),
                                          PersonalNumber::mask(verification.user.personalNumber)));
    }
}

} // namespace

QStringList IdCardEvidenceVerifier::checkNames()
{
    QStringList names;
    for (const QString &name : authenticationChecks())
        names.append(authenticationPrefix + name);
    return names + QStringList{xmlCheck, referencesCheck, signatureValueCheck, signingCertificateCheck, chainCheck,
                               contentCheck, holderCheck};
}

QStringList IdCardEvidenceVerifier::requiredCheckNames()
{
    return checkNames().mid(0, checkNames().size() - 2);
}

VerificationReport IdCardEvidenceVerifier::verify(const IdCardVerification &verification, const QList<QSslCertificate> &roots)
{
    EvidenceVerifier::Options options;
    options.roots = roots;
    const VerificationReport authentication = EvidenceVerifier::verify(verification.authenticationSignature.toLatin1(),
                                                                       verification.ocspResponse.toLatin1(), options);
    VerificationReport report = authentication; // the holder's facts: signer, funcId, signing time
    report.checks = VerificationCheck::notRun(checkNames());
    report.requiredChecks = requiredCheckNames();
    for (const QString &name : authenticationChecks()) {
        const VerificationCheck check = authentication.check(name);
        report.set(authenticationPrefix + name, check.outcome, check.detail);
    }
    checkVerificationSignature(report, verification, roots);
    checkHolder(report, verification);
    qCInfo(lcIdCardEvidence).noquote() << "verified the evidence of ID card verification" << verification.verificationId.left(64)
                                       << "for" << PersonalNumber::mask(verification.user.personalNumber)
                                       << (report.allPassed() ? "all checks passed" : "with failures");
    return report;
}

} // namespace bankid
