#include "ReceiptVerifier.h"

#include "BoundedFileReader.h"
#include "DocumentDigest.h"
#include "DocumentSignRequest.h"
#include "EvidenceRoots.h"
#include "EvidenceVerifier.h"
#include "PersonalNumber.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace bankid {

namespace {

using Outcome = VerificationCheck::Outcome;

/// Far above any real receipt (a few tens of kilobytes); Receipt::fromJson refuses more anyway.
constexpr qint64 MaxReceiptFileBytes = 16 * 1024 * 1024;

/// "ab12cd34ef56ab12…": enough to tell two digests apart in a sentence.
QString shortHex(const QByteArray &digest)
{
    return QString::fromLatin1(digest.toHex().left(16)) + QChar(0x2026);
}

/// The receipt file's bytes, or nullopt with `error` naming the file and the reason.
std::optional<QByteArray> readReceiptFile(const QString &path, QString *error)
{
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (path.isEmpty()) {
        *error = ReceiptVerifier::tr("no receipt file was given");
        return std::nullopt;
    }
    if (!info.exists()) {
        *error = ReceiptVerifier::tr("the receipt %1 does not exist").arg(shown);
        return std::nullopt;
    }
    if (!info.isFile()) {
        *error = ReceiptVerifier::tr("the receipt %1 is not a regular file").arg(shown);
        return std::nullopt;
    }
    if (info.size() > MaxReceiptFileBytes) {
        *error = ReceiptVerifier::tr("the receipt %1 is %2 bytes, far larger than any receipt").arg(shown).arg(info.size());
        return std::nullopt;
    }
    // The checks above name the usual problems; the bounded read also covers a path swapped for a FIFO or
    // grown past the limit since, and I/O errors.
    QString reason;
    std::optional<QByteArray> bytes = BoundedFileReader::read(path, MaxReceiptFileBytes, &reason);
    if (!bytes)
        *error = ReceiptVerifier::tr("the receipt %1 cannot be read: %2").arg(shown, reason);
    return bytes;
}

void documentChecks(ReceiptReport &report, const Receipt &receipt, const std::optional<DocumentDigest> &document,
                    const QString &documentError)
{
    if (!document) {
        report.set(QStringLiteral("document digest"), Outcome::Failed, documentError);
        report.set(QStringLiteral("signed digest"), Outcome::NotRun,
                   ReceiptVerifier::tr("not run: the document could not be read"));
        return;
    }

    const bool sameDigest = document->sha256 == receipt.documentSha256;
    const bool sameSize = document->size == receipt.documentSize;
    QString detail;
    if (sameDigest && sameSize) {
        detail = ReceiptVerifier::tr("SHA-256 %1 and size %2 bytes match the receipt")
                     .arg(document->sha256Hex())
                     .arg(document->size);
        if (document->fileName != receipt.documentFileName)
            detail += ReceiptVerifier::tr(" (the file was renamed: the receipt names it \"%1\")").arg(receipt.documentFileName);
        report.set(QStringLiteral("document digest"), Outcome::Passed, detail);
    } else {
        detail = ReceiptVerifier::tr("the document's SHA-256 is %1 (%2 bytes), the receipt says %3 (%4 bytes): the "
                                     "document is not the one the receipt was written for, or it was changed")
                     .arg(shortHex(document->sha256))
                     .arg(document->size)
                     .arg(shortHex(receipt.documentSha256))
                     .arg(receipt.documentSize);
        report.set(QStringLiteral("document digest"), Outcome::Failed, detail);
    }

    // What the person actually signed: the digest inside the signature, compared with the file itself (not
    // with the receipt, whose document member is not signed).
    const VerificationReport &evidence = report.evidence;
    if (!evidence.check(QStringLiteral("xml")).passed()) {
        report.set(QStringLiteral("signed digest"), Outcome::Failed,
                   ReceiptVerifier::tr("the signed data could not be read from the signature (see the \"xml\" check)"));
        return;
    }
    if (!evidence.usrNonVisibleData) {
        report.set(QStringLiteral("signed digest"), Outcome::Failed,
                   ReceiptVerifier::tr("the signature carries no usrNonVisibleData, so it names no document"));
        return;
    }
    const auto signedDigest = DocumentSignRequest::digestFromNonVisibleData(*evidence.usrNonVisibleData);
    if (!signedDigest) {
        report.set(QStringLiteral("signed digest"), Outcome::Failed,
                   ReceiptVerifier::tr("the signed usrNonVisibleData is not \"sha256:<64 hex digits>\" (%1 bytes)")
                       .arg(evidence.usrNonVisibleData->size()));
        return;
    }
    if (*signedDigest != document->sha256) {
        report.set(QStringLiteral("signed digest"), Outcome::Failed,
                   ReceiptVerifier::tr("the signature is over SHA-256 %1, the document's is %2")
                       .arg(shortHex(*signedDigest), shortHex(document->sha256)));
        return;
    }
    report.set(QStringLiteral("signed digest"), Outcome::Passed,
               ReceiptVerifier::tr("the signature is over this document's SHA-256 %1").arg(document->sha256Hex()));
}

void signerCheck(ReceiptReport &report, const Receipt &receipt)
{
    const VerificationReport &evidence = report.evidence;
    if (evidence.signerCertificate.isNull()) {
        report.set(QStringLiteral("signer"), Outcome::Failed,
                   ReceiptVerifier::tr("the signature holds no readable signer certificate"));
        return;
    }
    const QString claimedNumber = receipt.signerPersonalNumber();
    const QString claimedName = receipt.signerName();
    QStringList problems;
    if (claimedNumber.isEmpty())
        problems.append(ReceiptVerifier::tr("the receipt's completionData.user has no personalNumber"));
    else if (claimedNumber != evidence.signerPersonalNumber)
        problems.append(ReceiptVerifier::tr("completionData.user.personalNumber %1 differs from the certificate's %2")
                            .arg(PersonalNumber::mask(claimedNumber), PersonalNumber::mask(evidence.signerPersonalNumber)));
    if (claimedName.isEmpty())
        problems.append(ReceiptVerifier::tr("the receipt's completionData.user has no name"));
    else if (claimedName != evidence.signerName)
        problems.append(ReceiptVerifier::tr("completionData.user.name \"%1\" differs from the certificate's \"%2\"")
                            .arg(claimedName, evidence.signerName));
    if (!problems.isEmpty()) {
        report.set(QStringLiteral("signer"), Outcome::Failed, problems.join(QStringLiteral("; ")));
        return;
    }
    report.set(QStringLiteral("signer"), Outcome::Passed,
               ReceiptVerifier::tr("%1 (%2), as in the signature certificate")
                   .arg(evidence.signerName, PersonalNumber::mask(evidence.signerPersonalNumber)));
}

} // namespace

ReceiptReport ReceiptVerifier::verify(const QString &documentPath, const QString &receiptPath, const Options &options)
{
    ReceiptReport report;
    report.documentPath = documentPath;
    report.receiptPath = receiptPath;
    report.trustedRootsDescription = options.rootsDescription;

    QString error;
    std::optional<Receipt> receipt;
    if (const auto bytes = readReceiptFile(receiptPath, &error)) {
        receipt = Receipt::fromJson(*bytes, &error);
        if (!receipt)
            error = tr("the receipt %1 cannot be used: %2").arg(QDir::toNativeSeparators(receiptPath), error);
    }
    if (!receipt) {
        report.set(QStringLiteral("receipt"), Outcome::Failed, error);
        const QString notRun = tr("not run: the receipt could not be read");
        for (VerificationCheck &check : report.checks) {
            if (check.name != QLatin1String("receipt"))
                check = VerificationCheck{check.name, Outcome::NotRun, notRun};
        }
        return report;
    }
    report.receipt = receipt;
    report.set(QStringLiteral("receipt"), Outcome::Passed,
               tr("format version %1, %2 environment, order %3, written %4")
                   .arg(receipt->version)
                   .arg(receipt->environmentName, receipt->orderRef(), receipt->writtenAt.toString(Qt::ISODate)));

    // The evidence first: the document checks read the signed usrNonVisibleData out of it.
    EvidenceVerifier::Options evidenceOptions;
    evidenceOptions.roots = options.roots;
    if (evidenceOptions.roots.isEmpty() && receipt->environmentName == QLatin1String("simulator")) {
        QString rootError;
        evidenceOptions.roots = EvidenceRoots::load(options.localSimulatorRootFiles, &rootError);
        report.trustedLocalSimulatorRoots = !evidenceOptions.roots.isEmpty();
        report.trustedRootsDescription = report.trustedLocalSimulatorRoots
            ? tr("local simulator signing root %1 — simulator evidence, not a BankID signature")
                  .arg(EvidenceRoots::describe(options.localSimulatorRootFiles, evidenceOptions.roots))
            : tr("%1 (no local simulator signing root was found)").arg(options.rootsDescription);
    }
    evidenceOptions.asOf = options.asOf;
    evidenceOptions.expectedUserVisibleData = receipt->sentUserVisibleData();
    evidenceOptions.expectedUserNonVisibleData = receipt->sentUserNonVisibleData();
    report.evidence = EvidenceVerifier::verify(receipt->signature().toLatin1(), receipt->ocspResponse().toLatin1(),
                                               evidenceOptions);
    for (const VerificationCheck &check : std::as_const(report.evidence.checks))
        report.set(check.name, check.outcome, check.detail);

    QString documentError;
    const auto document = DocumentDigest::ofFile(documentPath, &documentError, options.cancelled);
    documentChecks(report, *receipt, document, documentError);
    signerCheck(report, *receipt);
    return report;
}

} // namespace bankid
