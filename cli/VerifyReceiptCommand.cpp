#include "VerifyReceiptCommand.h"

#include "EvidenceRoots.h"
#include "Receipt.h"
#include "ReceiptReport.h"
#include "ReceiptVerifier.h"
#include "VerifySignatureCommand.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

namespace bankid {

QString VerifyReceiptCommand::parse(const QStringList &words, const QStringList &rootFiles, const QString &at,
                                    Arguments *arguments)
{
    if (words.isEmpty())
        return tr("verify needs FILE: the signed document (or its receipt), optionally followed by RECEIPT");
    if (words.size() > 2)
        return tr("verify takes FILE and at most one RECEIPT, not also '%1'").arg(words.at(2));
    const QString file = words.at(0);
    if (file.isEmpty())
        return tr("verify: FILE is an empty string");
    if (words.size() == 2) {
        if (words.at(1).isEmpty())
            return tr("verify: RECEIPT is an empty string");
        arguments->documentFile = file;
        arguments->receiptFile = words.at(1);
    } else if (const QString document = Receipt::documentPathFor(file); !document.isEmpty()) {
        arguments->documentFile = document;
        arguments->receiptFile = file;
    } else {
        arguments->documentFile = file;
        arguments->receiptFile = Receipt::defaultPathFor(file);
    }
    arguments->rootFiles = rootFiles;
    return VerifySignatureCommand::parseAt(at, &arguments->asOf);
}

VerifyReceiptCommand::Result VerifyReceiptCommand::run(const Arguments &arguments)
{
    Result result;
    ReceiptVerifier::Options options;
    options.asOf = arguments.asOf;
    if (!arguments.rootFiles.isEmpty()) {
        QString error;
        options.roots = EvidenceRoots::load(arguments.rootFiles, &error);
        if (!error.isEmpty() || options.roots.isEmpty()) {
            result.code = ExitCode::Usage;
            result.error = QStringLiteral("--root: ")
                + (error.isEmpty() ? tr("no certificate in %1").arg(arguments.rootFiles.join(QStringLiteral(", ")))
                                   : error);
            return result;
        }
        options.rootsDescription = EvidenceRoots::describe(arguments.rootFiles, options.roots);
    } else {
        // No root named: a simulator receipt may use the local simulator's (ReceiptVerifier decides and says so).
        options.localSimulatorRootFiles = EvidenceRoots::localSimulatorRootPaths();
        options.rootsDescription =
            tr("none: no --root given (BankID's signing roots are not bundled: pass them with --root)");
    }

    const ReceiptReport report = ReceiptVerifier::verify(arguments.documentFile, arguments.receiptFile, options);
    result.code = report.allPassed() ? ExitCode::Complete : ExitCode::OrderFailed;
    if (arguments.json) {
        result.output = QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented));
        return result;
    }

    const QString unknown = tr("(unknown)");
    QString out;
    out += tr("Document: %1").arg(QDir::toNativeSeparators(arguments.documentFile)) + u'\n';
    out += tr("Receipt:  %1").arg(QDir::toNativeSeparators(arguments.receiptFile)) + u'\n';
    out += tr("Checks:") + u'\n';
    for (const VerificationCheck &check : report.checks)
        out += QStringLiteral("  %1 %2 %3\n").arg(VerifySignatureCommand::outcomeLabel(check), -8).arg(check.name, -24).arg(check.detail);
    if (report.receipt) {
        const Receipt &receipt = *report.receipt;
        out += tr("Signed document: %1, %2 bytes, SHA-256 %3")
                   .arg(receipt.documentFileName, QString::number(receipt.documentSize),
                        QString::fromLatin1(receipt.documentSha256.toHex()))
               + u'\n';
        out += tr("Environment: %1 (%2)").arg(receipt.environmentName, receipt.baseUrl) + u'\n';
    }
    QString signerName = report.evidence.signerName;
    QString signerNumber = report.evidence.signerPersonalNumber;
    if (signerName.isEmpty() && report.receipt)
        signerName = report.receipt->signerName();
    if (signerNumber.isEmpty() && report.receipt)
        signerNumber = report.receipt->signerPersonalNumber();
    out += tr("Signer: %1, personal number %2")
               .arg(signerName.isEmpty() ? unknown : signerName, signerNumber.isEmpty() ? unknown : signerNumber)
           + u'\n';
    out += tr("Signing time: %1")
               .arg(report.evidence.signingTime ? report.evidence.signingTime->toString(Qt::ISODate) : unknown)
           + u'\n';
    if (report.evidence.verifiedAsOf.isValid())
        out += tr("Verified as of: %1").arg(report.evidence.verifiedAsOf.toString(Qt::ISODate)) + u'\n';
    out += tr("Trusted roots: %1").arg(report.trustedRootsDescription) + u'\n';
    const QStringList failures = report.failures();
    if (report.allPassed())
        out += tr("Result: every check passed.") + u'\n';
    else
        out += tr("Result: NOT verified, %n check(s) failed or did not run:", "", int(failures.size())) + u'\n'
               + QStringLiteral("  ") + failures.join(QStringLiteral("\n  ")) + u'\n';
    result.output = out;
    return result;
}

} // namespace bankid
