#pragma once

#include "Order.h"
#include "TestPerson.h"

#include <QByteArray>

namespace bankid::sim {

// The XMLDSig-SHAPED document behind completionData.signature (facts §9): Signature/SignedInfo with two
// SHA-256 References, SignatureValue, KeyInfo Id=bidKeyInfo, and Object/bankIdSignedData carrying
// usrVisibleData / usrNonVisibleData exactly as the RP sent them (base64), srvInfo, and clientInfo with
// funcId "Identification" (auth orders) or "Signing" (sign, payment; UNCONFIRMED spelling).
//
// Contract: the structure is faithful, the cryptography is NOT: DigestValue, SignatureValue and the
// X509Certificate elements are placeholders until issue 3/3 adds real XMLDSig signing. Do not verify it.
//
//     const QByteArray xml = SignatureDocument::build(order, person, uhi);
//     completion["signature"] = QString::fromLatin1(xml.toBase64());
class SignatureDocument
{
public:
    static QByteArray build(const Order &order, const TestPerson &person, const QByteArray &uhi);
};

} // namespace bankid::sim
