#pragma once

#include "ReceiptReport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QString>

#include <atomic>
#include <optional>

namespace bankid {

/// Verifies a signed document against its receipt, offline: recomputes the document's SHA-256, checks it
/// against the receipt and against the digest inside the signed data, and runs EvidenceVerifier on the
/// receipt's signature and OCSP response with the receipt's request as the expected usrVisibleData /
/// usrNonVisibleData. No network access.
///
/// Contract: every problem is a named failed check in the report (ReceiptReport::checkNames()), never an
/// exception or crash, whatever the files hold. Only Options::roots are trusted — or, for a simulator receipt
/// and no roots given, Options::localSimulatorRootFiles. The receipt is read once, here.
///
///     ReceiptVerifier::Options options;
///     options.roots = EvidenceRoots::load({simulator.signingRootPath()}, &error);
///     const ReceiptReport report = ReceiptVerifier::verify(pdfPath, Receipt::defaultPathFor(pdfPath), options);
class ReceiptVerifier
{
    Q_DECLARE_TR_FUNCTIONS(bankid::ReceiptVerifier)

public:
    struct Options {
        QList<QSslCertificate> roots;
        /// Copied into ReceiptReport::trustedRootsDescription: what `roots` are, or — with none — what the user
        /// can do about it (the front end's words: "--root", "Add root certificate…").
        QString rootsDescription;
        /// Trust-root policy for simulator evidence (EvidenceRoots): these PEM files (callers pass
        /// EvidenceRoots::localSimulatorRootPaths() when the user named no root) are trusted only when `roots`
        /// is empty AND the receipt says environment "simulator"; the report then says so
        /// (ReceiptReport::trustedLocalSimulatorRoots and a description naming them as not BankID's).
        QStringList localSimulatorRootFiles;
        std::optional<QDateTime> asOf; ///< default: the OCSP producedAt (signing time)
        /// Optional: when it becomes true, hashing the document stops ("document digest" then fails saying so).
        const std::atomic_bool *cancelled = nullptr;
    };

    static ReceiptReport verify(const QString &documentPath, const QString &receiptPath, const Options &options);
};

} // namespace bankid
