#pragma once

#include "IdCardUser.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace bankid {

/// BankID's answer to POST /rp/v1/verify (Verify API v1, api digest §11; idcard-contract §1): a digital ID
/// card was genuine, whose it is, and the evidence for it.
///
/// Wire form (members exactly as BankID names them):
///   {"transactionType":"ID-kort-validering",
///    "user":{"personalNumber","givenName","surname","name","age"},
///    "verification":{"verificationId","verifiedAt","signature"},
///    "authentication":{"identifiedAt","orderRef","signature","ocspResponse"}}
///
/// Contract of fromJson(): every member above is required; a missing one, one of the wrong JSON type, an
/// empty string, a personal number that is not 12 digits, an age that is negative, not a whole number or
/// above MaxAge, a time that is not ISO 8601 with a time zone ("Z" or an offset), and a transactionType
/// other than TransactionType are refused with `error` naming the member by its dotted path
/// ("user.age is not a whole number"). Unknown members are ignored (BankID may add some). Times are kept
/// in UTC. Signatures and the OCSP response are kept as the base64 text BankID sent (IdCardEvidenceVerifier
/// judges them). A duplicated member name is refused before this (RpCall, JsonDuplicateKeys).
///
/// UNCONFIRMED: whether BankID's verificationId is always a UUID (not checked: any non-empty string).
///
/// \code
///   QString error;
///   if (const auto verification = bankid::IdCardVerification::fromJson(object, &error))
///       show(verification->user.name, verification->user.age);
/// \endcode
struct IdCardVerification {
    /// The only transactionType of an ID card verification.
    static constexpr QLatin1StringView TransactionType{"ID-kort-validering"};
    /// The highest age accepted as plausible.
    static constexpr int MaxAge = 200;

    QString transactionType;
    IdCardUser user;
    QString verificationId;
    QDateTime verifiedAt;            ///< UTC
    QString verificationSignature;   ///< verification.signature: base64 of an enveloping XAdES document
    QDateTime identifiedAt;          ///< UTC: when the holder identified to open the card
    QString authenticationOrderRef;  ///< authentication.orderRef
    QString authenticationSignature; ///< authentication.signature: base64 XMLDSig as in api digest §9
    QString ocspResponse;            ///< authentication.ocspResponse: base64 DER

    static std::optional<IdCardVerification> fromJson(const QJsonObject &object, QString *error);
    /// The `user` object as BankID names it: {"personalNumber","givenName","surname","name","age"}.
    QJsonObject userJson() const;
};

} // namespace bankid
