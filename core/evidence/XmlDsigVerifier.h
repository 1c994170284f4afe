#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QList>
#include <QString>

#include <optional>

namespace bankid {

// The libxmlsec1 part of EvidenceVerifier: checks each SignedInfo Reference digest and the SignatureValue of
// an XMLDSig document with the public key of a certificate the caller chose (BankID: the user certificate in
// KeyInfo). xmlsec never sees a keys manager or X509 store here, so it trusts no certificate on its own; the
// caller checks the chain.
//
// Contract: every Reference gets an outcome, also those after a failing one (xmlsec stops at the first bad
// digest, so the document is verified again with the failing DigestValue replaced by the computed one until
// all are known); the SignatureValue is verified over the canonical SignedInfo by xmlsec's transforms,
// independently of the digests. Only same-document references are allowed (no network, no files). DTDs are
// refused. Never crashes on malformed input. Initialises libxmlsec1 once per process (shared with the
// simulator library, which initialises it the same way); after that, concurrent calls are safe.
//
//     const auto result = XmlDsigVerifier::verify(xml, userCertificateDer);
//     for (const auto &reference : result.references)
//         qInfo() << reference.uri << reference.ok << reference.detail;
class XmlDsigVerifier
{
public:
    /// The outcome for one Reference, in SignedInfo order.
    struct ReferenceResult {
        QString uri;
        bool reached = false; ///< false: xmlsec never got to it (detail says why); neither passed nor failed
        bool ok = false;
        QString detail;
    };

    struct Result {
        bool ran = false; ///< false: the document or key could not be processed at all (see error)
        QString error;
        QList<ReferenceResult> references;
        bool signatureValueOk = false;
        QString signatureValueDetail;
    };

    static Result verify(const QByteArray &xml, const QByteArray &certificateDer);
    /// The hash of an XMLDSig DigestMethod URI (sha1, sha256, sha384, sha512); std::nullopt for any other.
    static std::optional<QCryptographicHash::Algorithm> digestAlgorithm(const QString &uri);
};

} // namespace bankid
