#pragma once

#include "CertifiedKey.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace bankid::sim {

// The document behind an ID card verification's verification.signature (facts §11): an enveloping XAdES
// baseline B-B signature (ETSI TS 103 171), really signed with libxmlsec1 by the Verify Service certificate.
// What real BankID signs there is UNCONFIRMED; this layout is the simulator's own (issue #11 contract §2):
//
//   ds:Signature Id="verificationSignature"
//     ds:SignedInfo: exclusive C14N; rsa-sha256 or ecdsa-sha256 (per key); two SHA-256 References, each with
//       an exclusive C14N transform: #verificationData and #signedProperties (Type ...01903#SignedProperties)
//     ds:SignatureValue
//     ds:KeyInfo/ds:X509Data: signer, bank CA, root
//     ds:Object Id="verificationData"/idCardVerification (xmlns urn:bankid-desk:simulator:id-card-verification:1):
//       transactionType, verificationId, verifiedAt, personalNumber, givenName, surname, age, authenticationOrderRef
//     ds:Object/xades:QualifyingProperties Target="#verificationSignature"/xades:SignedProperties
//       Id="signedProperties": SigningTime (= verifiedAt) and SigningCertificateV2 (SHA-256 CertDigest of the
//       signer certificate's DER)
//
// Contract: sign() returns the UTF-8 document (base64 it for the JSON) or empty bytes with `error` set.
// Text values are XML-escaped; times are ISO 8601 UTC with milliseconds and "Z". Thread-safe after libxmlsec1
// is initialised.
//
//     VerificationSignature::Content content{...};
//     const QByteArray xml = VerificationSignature::sign(content, pki.verifyService(), &error);
class VerificationSignature
{
public:
    struct Content {
        QString verificationId;
        QDateTime verifiedAt;
        QString personalNumber;
        QString givenName;
        QString surname;
        int age = -1;
        QString authenticationOrderRef;
    };

    static constexpr const char *contentNamespace = "urn:bankid-desk:simulator:id-card-verification:1";

    static QByteArray sign(const Content &content, const CertifiedKey &signer, QString *error = nullptr);
};

} // namespace bankid::sim
