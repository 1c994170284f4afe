#pragma once

#include "IdCardVerification.h"
#include "VerificationReport.h"

#include <QList>
#include <QSslCertificate>
#include <QStringList>

namespace bankid {

// Verifies the evidence in a Verify API v1 answer (api digest §11, idcard-contract §3): the holder's
// authentication (XMLDSig + OCSP, api digest §9) and BankID's enveloping XAdES signature over the
// verification, both against the given roots only.
//
// The report is a VerificationReport whose `checks` list is checkNames(), in this order:
//  - "authentication xml", "authentication reference bidSignedData", "authentication reference bidKeyInfo",
//    "authentication signature value", "authentication certificate chain", "authentication ocsp signature",
//    "authentication ocsp status", "authentication ocsp nonce", "authentication ocsp time": EvidenceVerifier's
//    checks of authentication.signature / ocspResponse, each prefixed "authentication " (its usrVisibleData
//    checks do not apply: nothing was sent), with EvidenceVerifier's details unchanged;
//  - "verification xml": verification.signature is base64 of an xmldsig Signature with a signer certificate
//    (the first KeyInfo X509Certificate, BankID's habit in §9) - XAdES parts are read generically;
//  - "verification references": every SignedInfo Reference digest matches (libxmlsec1, exc-c14n or any
//    transform xmlsec supports, same-document URIs only), and one of them covers the SignedProperties (else
//    the signing time and certificate are not signed) and another one signed content;
//  - "verification signature value": SignatureValue over SignedInfo with the signer's key;
//  - "verification signing certificate": a SigningCertificateV2 (or v1) CertDigest in SignedProperties is the
//    digest of the KeyInfo signer certificate, with the DigestMethod it names;
//  - "verification chain": signer -> the other KeyInfo certificates -> one of `roots`, as of SigningTime
//    (else verification.verifiedAt);
//  - "verification content": elements named verificationId / personalNumber inside a signed Object equal
//    the answer's; NotRun when the signed content has neither (UNCONFIRMED: what real BankID signs is not
//    published; our simulator's layout is idcard-contract §2);
//  - "holder matches": the authentication certificate's serialNumber equals user.personalNumber; NotRun when
//    the certificate carries none.
// requiredCheckNames() (all but the last two) must pass for allPassed(); any Failed check fails it.
// signer*, funcId, signingTime (OCSP producedAt) and verifiedAsOf are the authentication's (the holder's).
// No input crashes it; all bytes come from BankID's answer and are treated as hostile.
//
//     const VerificationReport report = IdCardEvidenceVerifier::verify(call->idCardVerification(), roots);
//     if (!report.allPassed()) warn(report.failures());
class IdCardEvidenceVerifier
{
public:
    static VerificationReport verify(const IdCardVerification &verification, const QList<QSslCertificate> &roots);
    /// Every check, in report order (see above).
    static QStringList checkNames();
    /// The checks that must pass for allPassed(): all but "verification content" and "holder matches".
    static QStringList requiredCheckNames();
};

} // namespace bankid
