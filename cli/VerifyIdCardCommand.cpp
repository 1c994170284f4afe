#include "VerifyIdCardCommand.h"

#include "AgeCheck.h"
#include "EvidenceRoots.h"
#include "PersonalNumber.h"
#include "RpError.h"
#include "VerifySignatureCommand.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>

namespace bankid {

namespace {

QString utcText(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

} // namespace

QString VerifyIdCardCommand::parse(const QStringList &words, const QString &ageLimit, const QString &newTestCard,
                                   bool simulator, const QStringList &rootFiles, Arguments *arguments)
{
    arguments->rootFiles = rootFiles;
    if (!newTestCard.isEmpty()) {
        if (!simulator)
            return tr("--new-test-card needs --simulator: only the embedded simulator mints test cards");
        if (!words.isEmpty())
            return tr("--new-test-card mints the code to verify: leave out QRCODE ('%1')").arg(words.first());
        PersonalNumber::Rule failed = PersonalNumber::Rule::Ok;
        if (!PersonalNumber::parse(newTestCard, &failed))
            return tr("--new-test-card: %1").arg(PersonalNumber::ruleMessage(failed));
        arguments->newTestCardFor = PersonalNumber::normalized(newTestCard);
    } else if (words.size() != 1) {
        return words.isEmpty() ? tr("verify-id-card needs QRCODE: the scanned ID card code, or - to read one line from stdin")
                               : tr("verify-id-card takes one QRCODE, not also '%1'").arg(words.at(1));
    } else {
        arguments->code = words.first();
        QString problem;
        if (arguments->code != QLatin1String("-") && !IdCardCode::parse(arguments->code, &problem))
            return tr("QRCODE: %1").arg(problem);
    }
    if (!ageLimit.isEmpty()) {
        bool ok = false;
        const int limit = ageLimit.toInt(&ok);
        if (!ok || !isValidAgeLimit(limit))
            return tr("--age-limit must be a whole number of years from %1 to %2, not '%3'")
                .arg(MinAgeLimit)
                .arg(MaxAgeLimit)
                .arg(ageLimit);
        arguments->ageLimit = limit;
    }
    return {};
}

std::optional<IdCardCode> VerifyIdCardCommand::readCode(const QString &argument, QIODevice *input, QString *error)
{
    QString scanned = argument;
    if (argument == QLatin1String("-")) {
        // The user chose to pipe the code in (a scanner, a script), so this read may wait for the writer. The
        // CLI's SIGINT/SIGTERM handlers only wake the event loop, which this blocking read stops: restore the
        // default actions meanwhile so Ctrl+C still ends the program (nothing is in flight yet).
        const auto previousInt = std::signal(SIGINT, SIG_DFL);
        const auto previousTerm = std::signal(SIGTERM, SIG_DFL);
        // Room for one byte more than allowed (whether readLine() counts a terminating NUL or not), so an
        // overlong line is seen as such and never cut to a plausible code.
        const QByteArray line = input->readLine(MaxStdinLineBytes + 2);
        std::signal(SIGINT, previousInt);
        std::signal(SIGTERM, previousTerm);
        if (line.size() > MaxStdinLineBytes) {
            *error = tr("the line on stdin is longer than %1 bytes: not an ID card code").arg(MaxStdinLineBytes);
            return std::nullopt;
        }
        scanned = QString::fromUtf8(line);
    }
    QString problem;
    auto code = IdCardCode::parse(scanned, &problem);
    if (!code)
        *error = (argument == QLatin1String("-") ? tr("stdin: %1") : tr("QRCODE: %1")).arg(problem);
    return code;
}

std::optional<QList<QSslCertificate>> VerifyIdCardCommand::loadRoots(const QStringList &rootFiles, QString *error)
{
    QString problem;
    const QList<QSslCertificate> roots = EvidenceRoots::load(rootFiles, &problem);
    if (!problem.isEmpty()) {
        *error = tr("--root: %1").arg(problem);
        return std::nullopt;
    }
    return roots;
}

CommandResult VerifyIdCardCommand::verified(const IdCardVerification &verification, const std::optional<VerificationReport> &evidence,
                                            const QString &rootsDescription, const Arguments &arguments)
{
    CommandResult result;
    // The age limit only when one was given (an optional<bool> here trips GCC's -Wmaybe-uninitialized).
    const bool limitGiven = arguments.ageLimit.has_value();
    const bool limitMet = limitGiven && checkAge(verification.user.age, *arguments.ageLimit) == AgeOutcome::Meets;
    const bool evidenceFailed = evidence && !evidence->allPassed();
    if (limitGiven && !limitMet) {
        result.code = ExitCode::OrderFailed;
        result.error = tr("the holder is %1, below the age limit of %2").arg(verification.user.age).arg(*arguments.ageLimit);
    }
    if (evidenceFailed) {
        result.code = ExitCode::OrderFailed;
        const QString sentence = tr("BankID's evidence for this card does not verify: %1").arg(evidence->failures().join(QStringLiteral("; ")));
        result.error = result.error.isEmpty() ? sentence : result.error + QStringLiteral("; ") + sentence;
    }

    if (arguments.json) {
        const QJsonObject object{
            {QStringLiteral("verified"), true},
            {QStringLiteral("transactionType"), verification.transactionType},
            {QStringLiteral("user"), verification.userJson()},
            {QStringLiteral("verification"),
             QJsonObject{{QStringLiteral("verificationId"), verification.verificationId},
                         {QStringLiteral("verifiedAt"), verification.verifiedAt.toString(Qt::ISODateWithMs)}}},
            {QStringLiteral("authentication"),
             QJsonObject{{QStringLiteral("identifiedAt"), verification.identifiedAt.toString(Qt::ISODateWithMs)},
                         {QStringLiteral("orderRef"), verification.authenticationOrderRef}}},
            {QStringLiteral("ageLimit"), arguments.ageLimit ? QJsonValue(*arguments.ageLimit) : QJsonValue()},
            {QStringLiteral("ageLimitMet"), limitGiven ? QJsonValue(limitMet) : QJsonValue()},
            {QStringLiteral("evidence"), evidence ? QJsonValue(evidence->toJson()) : QJsonValue()},
            {QStringLiteral("evidenceNote"), rootsDescription}};
        result.output = QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
        return result;
    }

    QString out;
    out += tr("ID card:           genuine (verified by BankID)") + u'\n';
    out += tr("Name:              %1").arg(verification.user.name) + u'\n';
    out += tr("Personal number:   %1").arg(verification.user.personalNumber) + u'\n';
    out += tr("Age:               %1").arg(verification.user.age) + u'\n';
    if (limitGiven)
        out += (limitMet ? tr("Age limit:         %1, met") : tr("Age limit:         %1, NOT MET")).arg(*arguments.ageLimit) + u'\n';
    out += tr("Identified at:     %1").arg(utcText(verification.identifiedAt)) + u'\n';
    out += tr("Verified at:       %1").arg(utcText(verification.verifiedAt)) + u'\n';
    out += tr("Verification ID:   %1").arg(verification.verificationId) + u'\n';
    if (!evidence) {
        out += tr("Evidence:          not checked: %1").arg(rootsDescription) + u'\n';
    } else {
        out += (evidence->allPassed() ? tr("Evidence:          every required check passed (roots: %1)")
                                      : tr("Evidence:          NOT verified (roots: %1)"))
                   .arg(rootsDescription)
               + u'\n';
        for (const VerificationCheck &check : evidence->checks) {
            out += QStringLiteral("  %1 %2").arg(VerifySignatureCommand::outcomeLabel(check), -8).arg(check.name);
            if (!check.passed())
                out += QStringLiteral(": ") + check.detail;
            out += u'\n';
        }
    }
    result.output = out;
    return result;
}

CommandResult VerifyIdCardCommand::refused(const RpError &error, const Arguments &arguments)
{
    CommandResult result;
    result.code = ExitCode::OrderFailed;
    result.error = tr("BankID refused the ID card code: %1 (HTTP %2, %3)")
                       .arg(error.details().isEmpty() ? tr("no details") : error.details())
                       .arg(error.httpStatus())
                       .arg(error.errorCode());
    if (arguments.json) {
        const QJsonObject object{{QStringLiteral("verified"), false},
                                 {QStringLiteral("httpStatus"), error.httpStatus()},
                                 {QStringLiteral("errorCode"), error.errorCode()},
                                 {QStringLiteral("details"), error.details()}};
        result.output = QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    }
    return result;
}

} // namespace bankid
