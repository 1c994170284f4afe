#pragma once

#include "IdCardCodeBook.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace bankid::sim {

class EvidencePki;
class PersonDirectory;

// The simulator's BankID Verify API v1 (facts §11, issue #11 contract §1-2): hands out ID card QR codes for
// known test persons and answers POST /rp/v1/verify for them.
//
// Contract: mint() is what the holder's BankID app does when the card is shown: the holder identifies (a real
// §9 XMLDSig "Identification" signature by EvidencePki::userFor(person) and an OCSP response with the §9
// nonce, orderRef a fresh UUID, identifiedAt now) and gets a code (IdCardCodeBook). verify() redeems a code
// once and returns the 200 body: transactionType, user (age in whole years on today's Europe/Stockholm date),
// verification (fresh UUID, verifiedAt now, an enveloping XAdES by the Verify Service certificate, see
// VerificationSignature) and the authentication evidence from minting. Failures carry the HTTP status,
// errorCode and details the server sends. Logs mask personal numbers and show codes only by their first 12
// characters. Not thread-safe: lives in the simulator's thread.
//
//     IdCardService service(&pki, &book.persons(), options.idCardCodeLifetimeMs);
//     const IdCardService::Outcome minted = service.mint(QStringLiteral("199001012385"));
//     const IdCardService::Outcome verified = service.verify(minted.code);   // verified.body
class IdCardService
{
public:
    struct Outcome {
        bool ok = false;
        int httpStatus = 200;
        QString errorCode;
        QString details;
        QByteArray code;  ///< mint(): the QR content
        QJsonObject body; ///< verify(): the 200 answer
    };

    IdCardService(EvidencePki *pki, const PersonDirectory *persons, int codeLifetimeMs);

    Outcome mint(const QString &personalNumber);
    Outcome verify(const QByteArray &qrCode);

    /// The shortest unambiguous form of a code for logs: its first 12 characters and "…".
    static QString logForm(const QByteArray &qrCode);

private:
    static Outcome failure(int status, const QString &errorCode, const QString &details);

    EvidencePki *m_pki;
    const PersonDirectory *m_persons;
    IdCardCodeBook m_codes;
};

} // namespace bankid::sim
