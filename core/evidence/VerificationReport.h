#pragma once

#include "VerificationCheck.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSslCertificate>
#include <QStringList>

#include <optional>

namespace bankid {

// Everything EvidenceVerifier found out about one BankID signature (+ OCSP response): every check in a fixed
// order with stable names, and what the evidence says (signer, funcId, signing time, the signed texts).
//
// Contract: `checks` always holds exactly checkNames(), in that order (another verifier may replace the list
// with its own fixed one, as IdCardEvidenceVerifier does, and then sets requiredChecks to match). allPassed()
// is true when no check failed and every check in requiredChecks passed (by default the signature itself:
// "xml", both references, "signature value", "certificate chain");
// checks that did not apply (NotRun: no OCSP given, nothing to compare with) do not count against it.
// signingTime is the OCSP response's producedAt (BankID's XML carries no time), absent without OCSP.
//
//     const VerificationReport report = EvidenceVerifier::verify(signature, ocsp, options);
//     if (!report.allPassed())
//         qWarning() << report.failures();
//     auditLog.write(QJsonDocument(report.toJson()).toJson());
struct VerificationReport {
    QList<VerificationCheck> checks;
    /// The checks that must have passed (not merely not failed) for allPassed(); default checkNames().mid(0, 5).
    QStringList requiredChecks;
    QString signerName;           ///< the user certificate's CN (BankID: "givenName surname")
    QString signerPersonalNumber; ///< the user certificate's serialNumber attribute
    QString signerGivenName;
    QString signerSurname;
    QSslCertificate signerCertificate;
    QString funcId;                  ///< "Identification" or "Signing" (clientInfo/funcId)
    std::optional<QDateTime> signingTime; ///< OCSP producedAt (UTC)
    QDateTime verifiedAsOf;          ///< the time the chain was checked at (UTC)
    std::optional<QByteArray> usrVisibleData;    ///< decoded usrVisibleData, when present
    std::optional<QByteArray> usrNonVisibleData; ///< decoded usrNonVisibleData, when present

    VerificationReport();

    /// "xml", "reference bidSignedData", "reference bidKeyInfo", "signature value", "certificate chain",
    /// "ocsp signature", "ocsp status", "ocsp nonce", "ocsp time", "usrVisibleData", "usrNonVisibleData".
    static QStringList checkNames();

    void set(const QString &name, VerificationCheck::Outcome outcome, const QString &detail);
    void pass(const QString &name, const QString &detail) { set(name, VerificationCheck::Outcome::Passed, detail); }
    void fail(const QString &name, const QString &detail) { set(name, VerificationCheck::Outcome::Failed, detail); }
    void skip(const QString &name, const QString &detail) { set(name, VerificationCheck::Outcome::NotRun, detail); }
    /// The check with that name (a NotRun check named `name` for unknown names).
    VerificationCheck check(const QString &name) const;

    bool allPassed() const;
    /// "name: detail" of every failed check.
    QStringList failures() const;
    /// {"allPassed", "signer"{name, personalNumber, givenName, surname, certificate (PEM)}, "funcId",
    ///  "signingTime", "verifiedAsOf", "usrVisibleData" (decoded UTF-8 text), "usrNonVisibleData" (base64),
    ///  "checks": [{name, ok, outcome, detail}]}; absent values are null.
    QJsonObject toJson() const;
};

} // namespace bankid
