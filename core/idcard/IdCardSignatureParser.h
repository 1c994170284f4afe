#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace bankid {

// Reads the XAdES parts of an ID card verification signature (verification.signature, api digest §11: an
// enveloping XAdES baseline B-B document) that SignatureDocumentParser does not: the SignedProperties' Id,
// SigningTime and the CertDigests of SigningCertificateV2 (or v1 SigningCertificate), and every text-only
// element with the Ids of the elements around it, so a caller can tell which values are inside a signed
// Object. No cryptography here (IdCardEvidenceVerifier does that).
//
// Contract: the input is the decoded XML document. DTDs are refused; malformed XML gives `error` with line
// and column; unknown elements are tolerated anywhere. XAdES elements are recognised in any namespace below
// "http://uri.etsi.org/01903/" (v1.3.2 and v1.4.1), CertDigest's DigestMethod / DigestValue in xmldsig's.
// At most MaxFields text elements are kept (the rest are ignored), so no input makes it grow without bound.
// An Id attribute value that occurs twice is refused: a Reference "#x" must name one element, or the element
// libxmlsec1 digests (the first) and the one whose values a caller reads could differ (signature wrapping).
//
//     const auto xades = IdCardSignatureParser::parse(parsed.xml);
//     if (!xades.ok) fail(xades.error);
//     for (const auto &field : xades.fields)
//         if (field.name == "verificationId" && field.enclosingIds.contains("verificationData")) ...
class IdCardSignatureParser
{
public:
    static constexpr int MaxFields = 1000;

    /// One xades:CertDigest.
    struct CertDigest {
        QString algorithm;  ///< DigestMethod's Algorithm URI
        QByteArray digest;  ///< DigestValue, decoded (empty when not valid base64)
    };
    /// One element with text and no child elements.
    struct Field {
        QString name;             ///< local name
        QString text;             ///< trimmed
        QStringList enclosingIds; ///< Id attributes of this element and of every element around it
    };
    struct Result {
        bool ok = false;
        QString error;
        QString signedPropertiesId;   ///< the first xades:SignedProperties' Id (empty: none, or no Id)
        bool hasSignedProperties = false;
        QString signingTimeText;      ///< xades:SigningTime as written
        QDateTime signingTime;        ///< parsed (UTC); invalid when absent or unparsable
        QList<CertDigest> certDigests;
        QList<Field> fields;
    };

    static Result parse(const QByteArray &xml);
};

} // namespace bankid
