#pragma once

#include "CertifiedKey.h"

#include <QByteArray>
#include <QDateTime>
#include <QSslCertificate>
#include <QString>

#include <optional>

namespace bankid::sim {

// Signs the OCSP responses the simulator returns as completionData.ocspResponse (facts §9): a DER
// OCSPResponse (status successful, id-pkix-ocsp-basic) about one user certificate, signed by the responder
// certificate (issued by the same bank CA as the user, extendedKeyUsage OCSPSigning) with the responder
// certificate included. Its nonce extension (32 bytes, the OCTET STRING inside extnValue as OpenSSL's
// OCSP_basic_add1_nonce writes it) is SHA-1 of the base64 `signature` string as UTF-8 followed by 12 random
// bytes, which binds the "good" status at that time to exactly that signature.
// producedAt = thisUpdate = `at`; no nextUpdate (BankID's value is UNCONFIRMED). Stateless and thread-safe.
//
//     OcspResponder responder(pki.ocspResponder(), pki.bankCa().certificate);
//     const QByteArray der = responder.respond(user.certificate, signatureBase64,
//                                              QDateTime::currentDateTimeUtc(), std::nullopt, &error);
class OcspResponder
{
public:
    OcspResponder(const CertifiedKey &responder, const QSslCertificate &issuer);

    /// The DER response for `user` at `at`: "good", or "revoked" (reason unspecified) when `revokedAt` is set.
    /// Empty with `error` set when OpenSSL fails (e.g. `user` was not issued by `issuer`).
    QByteArray respond(const QSslCertificate &user, const QByteArray &signatureBase64, const QDateTime &at,
                       const std::optional<QDateTime> &revokedAt, QString *error = nullptr) const;

    /// The 32-byte nonce for a signature: SHA-1(signatureBase64) followed by 12 random bytes.
    static QByteArray nonceFor(const QByteArray &signatureBase64);

private:
    CertifiedKey m_responder;
    QSslCertificate m_issuer;
};

} // namespace bankid::sim
