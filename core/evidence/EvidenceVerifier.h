#pragma once

#include "VerificationReport.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSslCertificate>

#include <optional>

namespace bankid {

// Verifies BankID evidence: completionData.signature (XMLDSig, facts §9) and completionData.ocspResponse.
//
// Checks, in VerificationReport::checkNames() order: the XML parses ("xml"); both Reference digests
// and the SignatureValue (libxmlsec1, with the key of the first KeyInfo certificate — BankID puts the user
// certificate first); the chain from that certificate through the other KeyInfo certificates to one of
// Options::roots only (OpenSSL X509_verify_cert at the verification time); the OCSP response's signature
// (OCSP_basic_verify with the same roots), that it says "good" for exactly the signer certificate, that its
// nonce starts with SHA-1 of the base64 signature string (so it belongs to this signature), and that its
// times are consistent (thisUpdate <= producedAt, producedAt within the signer certificate's validity and not
// after asOf); and, when the caller says what was sent, usrVisibleData / usrNonVisibleData.
// Verification time: Options::asOf, else the OCSP producedAt (the signing time), else now — so old evidence
// still verifies after its certificates expired. Unknown elements are tolerated; no input crashes it.
//
//     EvidenceVerifier::Options options;
//     options.roots = QSslCertificate::fromPath(simulator.signingRootPath());
//     options.expectedUserVisibleData = QByteArray("Pay 100 SEK");
//     const VerificationReport report = EvidenceVerifier::verify(completion.signature.toLatin1(),
//                                                                completion.ocspResponse.toLatin1(), options);
//     if (report.allPassed()) ...
class EvidenceVerifier
{
public:
    struct Options {
        QList<QSslCertificate> roots; ///< the only trust anchors (BankID's signing root, the simulator's, ...)
        std::optional<QDateTime> asOf; ///< verify as of this time
        std::optional<QByteArray> expectedUserVisibleData;    ///< the bytes the RP sent (before base64)
        std::optional<QByteArray> expectedUserNonVisibleData; ///< the bytes the RP sent (before base64)
    };

    /// `signature`: base64 (as in completionData) or the decoded XML. `ocsp`: base64 or DER; may be empty.
    static VerificationReport verify(const QByteArray &signature, const QByteArray &ocsp, const Options &options);
};

} // namespace bankid
