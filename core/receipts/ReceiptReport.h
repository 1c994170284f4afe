#pragma once

#include "Receipt.h"
#include "VerificationCheck.h"
#include "VerificationReport.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bankid {

/// The outcome of verifying a document against its receipt offline (ReceiptVerifier).
///
/// Contract: `checks` always holds exactly checkNames(), in that order: first the receipt's own checks,
/// then every EvidenceVerifier check (VerificationReport::checkNames(), same names and details).
/// allPassed() is true only when EVERY check passed — a check that could not run (NotRun) is not a pass
/// here, because a receipt must carry everything needed. A check after a fatal one (unreadable receipt)
/// is NotRun with a detail saying what stopped it.
///
///     const ReceiptReport report = ReceiptVerifier::verify(pdf, receipt, options);
///     for (const VerificationCheck &check : report.checks) ...
///     return report.allPassed() ? 0 : 1;
struct ReceiptReport {
    QList<VerificationCheck> checks;
    QString documentPath;
    QString receiptPath;
    std::optional<Receipt> receipt; ///< when it could be read and parsed
    VerificationReport evidence;    ///< signer, funcId, signing time, signed texts (checks copied into `checks`)
    QString trustedRootsDescription; ///< which roots were trusted and where they came from (shown to the user)
    bool trustedLocalSimulatorRoots = false; ///< the local simulator's roots were used: simulator evidence

    ReceiptReport();

    /// "receipt" (readable, parses, supported version, complete order with signature and OCSP response),
    /// "document digest" (SHA-256 of the document file equals the receipt's document.sha256 — and its size),
    /// "signed digest" (the usrNonVisibleData inside the signature is "sha256:<digest of the document file>"),
    /// "signer" (completionData.user.personalNumber and name equal the signature certificate's),
    /// followed by VerificationReport::checkNames().
    static QStringList checkNames();

    void set(const QString &name, VerificationCheck::Outcome outcome, const QString &detail);
    VerificationCheck check(const QString &name) const;
    bool allPassed() const;
    /// "name: detail" of every check that did not pass (failed or not run).
    QStringList failures() const;
    /// {"allPassed", "document", "receipt", "trustedRoots", "evidence" (VerificationReport::toJson() without
    ///  its checks), "checks": [{name, ok, outcome, detail}]}.
    QJsonObject toJson() const;
};

} // namespace bankid
