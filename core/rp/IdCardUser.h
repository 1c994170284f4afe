#pragma once

#include <QString>

namespace bankid {

/// The `user` object of a Verify API v1 answer (api digest §11): who the ID card belongs to, as BankID says.
///
/// Contract: filled only by IdCardVerification::fromJson(), which guarantees personalNumber is 12 digits and
/// age >= 0; a default-constructed value has age -1 (unknown). Never log personalNumber in clear
/// (PersonalNumber::mask()).
struct IdCardUser {
    QString personalNumber; ///< 12 digits, YYYYMMDDNNNN
    QString givenName;
    QString surname;
    QString name;           ///< BankID's "given surname"
    int age = -1;           ///< whole years at the verification (BankID computes it)
};

} // namespace bankid
