#include "VerifySignatureCommand.h"

#include "BoundedFileReader.h"
#include "EvidenceVerifier.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QTimeZone>

#include <csignal>

namespace bankid {

namespace {

/// A signature, OCSP or root file, bounded (BoundedFileReader); "-" is stdin, read up to the same bound.
bool readFile(const QString &path, QByteArray *data, QString *error)
{
    if (path != QLatin1String("-")) {
        std::optional<QByteArray> bytes = BoundedFileReader::read(path, BoundedFileReader::MaxEvidenceBytes, error);
        if (bytes)
            *data = std::move(*bytes);
        return bytes.has_value();
    }
    QFile file;
    if (!file.open(stdin, QIODevice::ReadOnly)) {
        *error = VerifySignatureCommand::tr("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    // The user chose to pipe the signature in, so this read may wait for the writer. The CLI's SIGINT and
    // SIGTERM handlers only wake the event loop, which this blocking read stops: restore the default
    // actions meanwhile so Ctrl+C still ends the program (nothing is in flight yet to clean up).
    // std::signal, SIGINT, SIGTERM and SIG_DFL are ISO C (<csignal>): no platform file needed, Windows has them.
    const auto previousInt = std::signal(SIGINT, SIG_DFL);
    const auto previousTerm = std::signal(SIGTERM, SIG_DFL);
    *data = file.read(BoundedFileReader::MaxEvidenceBytes + 1);
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);
    if (data->size() > BoundedFileReader::MaxEvidenceBytes) {
        *error = VerifySignatureCommand::tr("the signature on stdin is larger than the limit of %1 bytes: not read")
                     .arg(BoundedFileReader::MaxEvidenceBytes);
        return false;
    }
    return true;
}

} // namespace

QString VerifySignatureCommand::parse(const QStringList &words, const QString &ocspFile, const QStringList &rootFiles,
                                      const QString &at, Arguments *arguments)
{
    if (words.size() != 1)
        return words.isEmpty() ? tr("verify-signature needs SIG: a file with the signature (base64 or XML), or - for stdin")
                               : tr("verify-signature takes one SIG file, not also '%1'").arg(words.at(1));
    arguments->signatureFile = words.first();
    arguments->ocspFile = ocspFile;
    arguments->rootFiles = rootFiles;
    return parseAt(at, &arguments->asOf);
}

QString VerifySignatureCommand::parseAt(const QString &at, std::optional<QDateTime> *asOf)
{
    if (at.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(at, Qt::ISODate);
    if (!time.isValid())
        return tr("--at: '%1' is not an ISO 8601 date and time such as 2024-06-10T12:00:00Z").arg(at);
    static const QRegularExpression offset(QStringLiteral("(Z|[+-]\\d\\d(:?\\d\\d)?)$"));
    if (!offset.match(at).hasMatch())
        time.setTimeZone(QTimeZone::utc());
    *asOf = time.toUTC();
    return {};
}

QString VerifySignatureCommand::outcomeLabel(const VerificationCheck &check)
{
    switch (check.outcome) {
    case VerificationCheck::Outcome::Passed:
        return tr("ok");
    case VerificationCheck::Outcome::Failed:
        return tr("FAILED");
    case VerificationCheck::Outcome::NotRun:
        break;
    }
    return tr("not run");
}

VerifySignatureCommand::Result VerifySignatureCommand::run(const Arguments &arguments)
{
    Result result;
    QByteArray signature;
    QByteArray ocsp;
    if (!readFile(arguments.signatureFile, &signature, &result.error)
        || (!arguments.ocspFile.isEmpty() && !readFile(arguments.ocspFile, &ocsp, &result.error))) {
        result.code = ExitCode::Usage;
        return result;
    }
    if (!arguments.ocspFile.isEmpty() && ocsp.trimmed().isEmpty()) {
        result.code = ExitCode::Usage;
        result.error = tr("--ocsp: %1 is empty").arg(arguments.ocspFile);
        return result;
    }
    EvidenceVerifier::Options options;
    options.asOf = arguments.asOf;
    for (const QString &path : arguments.rootFiles) {
        QByteArray pem;
        if (!readFile(path, &pem, &result.error)) {
            result.code = ExitCode::Usage;
            return result;
        }
        const QList<QSslCertificate> roots = QSslCertificate::fromData(pem, QSsl::Pem);
        if (roots.isEmpty()) {
            result.code = ExitCode::Usage;
            result.error = tr("--root: %1 holds no PEM certificate").arg(path);
            return result;
        }
        options.roots += roots;
    }

    const VerificationReport report = EvidenceVerifier::verify(signature, ocsp, options);
    result.code = report.allPassed() ? ExitCode::Complete : ExitCode::OrderFailed;
    if (arguments.json) {
        result.output = QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented));
        return result;
    }

    QString out = tr("Checks:") + u'\n';
    for (const VerificationCheck &check : report.checks)
        out += QStringLiteral("  %1 %2 %3\n").arg(outcomeLabel(check), -8).arg(check.name, -24).arg(check.detail);
    const QString unknown = tr("(unknown)");
    out += tr("Signer: %1, personal number %2")
               .arg(report.signerName.isEmpty() ? unknown : report.signerName,
                    report.signerPersonalNumber.isEmpty() ? unknown : report.signerPersonalNumber)
           + u'\n';
    out += tr("funcId: %1").arg(report.funcId.isEmpty() ? unknown : report.funcId) + u'\n';
    out += tr("Signing time: %1")
               .arg(report.signingTime ? report.signingTime->toString(Qt::ISODate)
                                       : tr("unknown (no OCSP response)"))
           + u'\n';
    out += tr("Verified as of: %1").arg(report.verifiedAsOf.toString(Qt::ISODate)) + u'\n';
    out += tr("usrVisibleData: %1")
               .arg(report.usrVisibleData ? QString::fromUtf8(*report.usrVisibleData) : tr("(absent)"))
           + u'\n';
    out += tr("usrNonVisibleData (base64): %1")
               .arg(report.usrNonVisibleData ? QString::fromLatin1(report.usrNonVisibleData->toBase64()) : tr("(absent)"))
           + u'\n';
    const QStringList failures = report.failures();
    if (report.allPassed())
        out += tr("Result: every check that ran passed.") + u'\n';
    else if (failures.isEmpty())
        out += tr("Result: NOT verified: a required check did not run.") + u'\n';
    else
        out += tr("Result: NOT verified, %n check(s) failed:", "", int(failures.size())) + u'\n'
               + QStringLiteral("  ") + failures.join(QStringLiteral("\n  ")) + u'\n';
    result.output = out;
    return result;
}

} // namespace bankid
