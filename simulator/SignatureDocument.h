#pragma once

#include "CertifiedKey.h"
#include "Order.h"

#include <QByteArray>
#include <QString>

namespace bankid::sim {

// The XMLDSig document behind completionData.signature (facts §9), really signed with libxmlsec1 (OpenSSL
// backend): Signature/SignedInfo (C14N 20010315; rsa-sha256 or ecdsa-sha256 matching the key) with two
// SHA-256 References, #bidSignedData (Type http://www.bankid.com/signature/v1.0.0/types) and #bidKeyInfo,
// each with a C14N transform; SignatureValue; KeyInfo Id=bidKeyInfo whose X509Data lists the user
// certificate, its issuing (bank) CA and the root; Object/bankIdSignedData Id=bidSignedData carrying
// usrVisibleData / usrNonVisibleData exactly as the RP sent them (base64), srvInfo, and clientInfo with
// funcId "Identification" (auth orders) or "Signing" (sign, payment; UNCONFIRMED spelling).
//
// Contract: KeyInfo is written by us before signing (xmlsec digests References before it would write
// KeyInfo, so the key handed to xmlsec carries no certificates and xmlsec leaves KeyInfo untouched).
// sign() returns the UTF-8 document or empty bytes with `error` set. Thread-safe after the first call.
//
//     const auto content = SignatureDocument::contentFor(order, uhi);
//     const QByteArray xml = SignatureDocument::sign(content, pki.userFor(person, &error), &error);
//     completion["signature"] = QString::fromLatin1(xml.toBase64());
class SignatureDocument
{
public:
    /// What goes into bankIdSignedData. Byte fields are inserted verbatim (base64 text).
    struct Content {
        QByteArray userVisibleData;    ///< base64 as sent; omitted when empty
        QByteArray userNonVisibleData; ///< base64 as sent; omitted when empty
        QString funcId;                ///< "Identification" or "Signing"
        QString rpName;                ///< srvInfo/name: the RP certificate's subject DN
        QString rpDisplayName;         ///< srvInfo/displayName
        QByteArray nonce;              ///< srvInfo/nonce (base64)
        QByteArray uhi;                ///< clientInfo/env/ai/uhi
    };

    /// The content of `order`: its texts as sent, funcId by kind, srvInfo from the RP certificate that created it.
    static Content contentFor(const Order &order, const QByteArray &uhi);

    /// The signed document; `signer.chain` (bank CA, root) goes into KeyInfo after the signer's certificate.
    static QByteArray sign(const Content &content, const CertifiedKey &signer, QString *error = nullptr);
};

} // namespace bankid::sim
