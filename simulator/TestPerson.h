#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace bankid::sim {

// A simulated BankID holder: who signs an order in the simulator and what completionData.user says.
//
// Contract: personalNumber is 12 digits (YYYYMMDDNNNN) with a valid Luhn check digit over the last ten
// digits; builtIn() returns a list fixed at its first call whose first entry is the person the automatic user
// signs with and whose last entry, "Elsa Ek", is always 17: her birth date is computed at that first call as
// today minus 17 years minus 40 days, so an age limit of 18 visibly fails in the demo.
//
//     const TestPerson karl = TestPerson::builtIn().first();
//     qCInfo(lc) << "signed by" << TestPerson::mask(karl.personalNumber); // "19900101****"
struct TestPerson {
    QString personalNumber;
    QString givenName;
    QString surname;
    QDate bankIdIssueDate;

    /// "givenName surname", as completionData.user.name.
    QString name() const;
    /// The birth date in the personal number (a coordination number's day is 60 more); null when invalid.
    QDate birthDate() const;
    /// Whole years from birthDate() to `day` (a birthday on 29 February counts from 1 March in other years);
    /// -1 when the birth date is invalid or after `day`.
    int ageOn(const QDate &day) const;
    /// The simulated device's uhi: stable per person, a SHA-1 in base64 (the 28-character shape of BankID's).
    QByteArray deviceUhi() const;

    /// The built-in persons; the first is the default signer.
    static const QList<TestPerson> &builtIn();
    /// The built-in person with this number, or a synthetic "Test Person" (issue date 2020-01-01) for any
    /// other valid number, so orders naming an arbitrary valid number can still complete.
    static TestPerson forNumber(const QString &personalNumber);
    /// YYYYMMDD + `serial` (3 digits) + the Luhn check digit: a valid number for that birth date.
    static QString numberFor(const QDate &birthDate, int serial);
    /// True for exactly 12 ASCII digits.
    static bool isWellFormed(const QString &personalNumber);
    /// True when the last digit is the Luhn check digit of digits 3..11 (the 10-digit form).
    static bool hasValidChecksum(const QString &personalNumber);
    /// The form used in logs: the date part followed by "****" (e.g. "19900101****").
    static QString mask(const QString &personalNumber);
};

} // namespace bankid::sim
