#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace bankid {

// Reads a BankID `signature` value (base64 of the XMLDSig document, or the decoded XML itself) into its
// parts without judging the cryptography (that is EvidenceVerifier's job): the References, SignatureValue,
// the KeyInfo certificates and bankIdSignedData's usrVisibleData / usrNonVisibleData / funcId (facts §9).
//
// Contract: never crashes or throws on any input (fuzzed); tolerates unknown elements and attributes
// anywhere; rejects DTDs (no entity expansion), a root other than xmldsig's Signature, and base64 that does
// not decode, with `error` naming the problem. `base64` is the completionData form of the document (the
// input with whitespace removed, or the XML re-encoded), which the OCSP nonce is computed over.
//
//     const auto parsed = SignatureDocumentParser::parse(fileBytes);
//     if (!parsed.ok) qWarning() << parsed.error;
//     qInfo() << parsed.funcId << parsed.certificates.size();
class SignatureDocumentParser
{
public:
    /// One SignedInfo/Reference.
    struct Reference {
        QString uri;
        QString type;
        QByteArray digestValue; ///< decoded
    };

    /// The parsed document.
    struct Result {
        bool ok = false;
        QString error;
        QByteArray xml;    ///< the document bytes
        QByteArray base64; ///< the document as base64 text (no whitespace)
        QString signatureMethod;
        QList<Reference> references;
        QByteArray signatureValue;                  ///< decoded
        QList<QByteArray> certificates;             ///< DER, KeyInfo order (the signer first in BankID's)
        std::optional<QByteArray> usrVisibleData;   ///< the element text (base64 as the RP sent it)
        std::optional<QByteArray> usrNonVisibleData;///< the element text (base64 as the RP sent it)
        QString funcId;
    };

    static Result parse(const QByteArray &input);
};

} // namespace bankid
