#pragma once

#include "CertifiedKey.h"

#include <QByteArray>
#include <QSslCertificate>
#include <QString>

namespace bankid::test {

/// Signs an ID card verification the way idcard-contract §2 lays it out: an enveloping XAdES B-B document
/// (exc-c14n, sha256, ecdsa-sha256 or rsa-sha256 per key, References #verificationData and
/// #signedProperties, KeyInfo signer + its chain, SigningTime, SigningCertificateV2/CertDigest), so core's
/// IdCardEvidenceVerifier can be tested before and independently of the simulator's own signer.
///
/// How, without libxmlsec1 (test support has no xmlsec include path): the document is written so that each
/// signed element's text already IS its exclusive canonical form (every element written as start and end
/// tag, no whitespace between elements, each namespace declared where exc-c14n renders it), so the digests
/// are SHA-256 of the element's bytes and the SignatureValue is OpenSSL's signature over the SignedInfo
/// bytes (ECDSA converted to r||s as XMLDSig wants). libxmlsec1 in the verifier is the independent check
/// that this is right.
///
/// \code
///   IdCardXadesSigner::Content content;
///   content.verificationId = ...;
///   const QByteArray xml = IdCardXadesSigner::sign(content, verifyService, &error);
///   response["verification"]["signature"] = QString::fromLatin1(xml.toBase64());
/// \endcode
class IdCardXadesSigner
{
public:
    struct Content {
        QString verificationId;
        QString verifiedAt; ///< ISO 8601 text; also the SigningTime
        QString personalNumber;
        QString givenName;
        QString surname;
        int age = 0;
        QString authenticationOrderRef;
        /// The certificate whose SHA-256 goes into CertDigest; null: the signer's (a test of a wrong one).
        QSslCertificate certDigestOf;
        /// false: the signed content leaves out verificationId and personalNumber (content BankID may sign
        /// instead, which the verifier cannot compare: UNCONFIRMED format).
        bool identifiersInContent = true;
    };

    /// The signed XML document (UTF-8), or empty with `error` set. `signer.chain` goes into KeyInfo after
    /// the signer's certificate.
    static QByteArray sign(const Content &content, const sim::CertifiedKey &signer, QString *error = nullptr);
};

} // namespace bankid::test
