#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace bankid::sim {

// A simulated BankID holder: who signs an order in the simulator and what completionData.user says.
//
// Contract: personalNumber is 12 digits (YYYYMMDDNNNN) with a valid Luhn check digit over the last ten
// digits; builtIn() returns a fixed list whose first entry is the person the automatic user signs with.
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

    /// The built-in persons; the first is the default signer.
    static const QList<TestPerson> &builtIn();
    /// The built-in person with this number, or a synthetic "Test Person" (issue date 2020-01-01) for any
    /// other valid number, so orders naming an arbitrary valid number can still complete.
    static TestPerson forNumber(const QString &personalNumber);
    /// True for exactly 12 ASCII digits.
    static bool isWellFormed(const QString &personalNumber);
    /// True when the last digit is the Luhn check digit of digits 3..11 (the 10-digit form).
    static bool hasValidChecksum(const QString &personalNumber);
    /// The form used in logs: the date part followed by "****" (e.g. "19900101****").
    static QString mask(const QString &personalNumber);
};

} // namespace bankid::sim
