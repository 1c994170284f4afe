#include "VerificationReport.h"

#include <QJsonArray>
#include <QJsonValue>

namespace bankid {

VerificationReport::VerificationReport()
    : checks(VerificationCheck::notRun(checkNames()))
    , requiredChecks(checkNames().mid(0, 5))
{
}

QStringList VerificationReport::checkNames()
{
    return {QStringLiteral("xml"),
            QStringLiteral("reference bidSignedData"),
            QStringLiteral("reference bidKeyInfo"),
            QStringLiteral("signature value"),
            QStringLiteral("certificate chain"),
            QStringLiteral("ocsp signature"),
            QStringLiteral("ocsp status"),
            QStringLiteral("ocsp nonce"),
            QStringLiteral("ocsp time"),
            QStringLiteral("usrVisibleData"),
            QStringLiteral("usrNonVisibleData")};
}

void VerificationReport::set(const QString &name, VerificationCheck::Outcome outcome, const QString &detail)
{
    [[maybe_unused]] const bool known = VerificationCheck::setIn(checks, name, outcome, detail);
    Q_ASSERT_X(known, "VerificationReport::set", "unknown check name");
}

VerificationCheck VerificationReport::check(const QString &name) const
{
    return VerificationCheck::findIn(checks, name);
}

bool VerificationReport::allPassed() const
{
    for (const VerificationCheck &check : checks) {
        if (check.failed())
            return false;
    }
    for (const QString &name : requiredChecks) {
        if (!check(name).passed())
            return false;
    }
    return true;
}

QStringList VerificationReport::failures() const
{
    QStringList result;
    for (const VerificationCheck &check : checks) {
        if (check.failed())
            result.append(check.name + QStringLiteral(": ") + check.detail);
    }
    return result;
}

QJsonObject VerificationReport::toJson() const
{
    const QJsonArray checkArray = VerificationCheck::toJsonArray(checks);
    auto text = [](const QString &value) { return value.isEmpty() ? QJsonValue() : QJsonValue(value); };
    const QJsonObject signer{
        {QStringLiteral("name"), text(signerName)},
        {QStringLiteral("personalNumber"), text(signerPersonalNumber)},
        {QStringLiteral("givenName"), text(signerGivenName)},
        {QStringLiteral("surname"), text(signerSurname)},
        {QStringLiteral("certificate"),
         signerCertificate.isNull() ? QJsonValue() : QJsonValue(QString::fromLatin1(signerCertificate.toPem()))}};
    return QJsonObject{
        {QStringLiteral("allPassed"), allPassed()},
        {QStringLiteral("signer"), signer},
        {QStringLiteral("funcId"), text(funcId)},
        {QStringLiteral("signingTime"), signingTime ? QJsonValue(signingTime->toString(Qt::ISODate)) : QJsonValue()},
        {QStringLiteral("verifiedAsOf"), verifiedAsOf.isValid() ? QJsonValue(verifiedAsOf.toString(Qt::ISODate)) : QJsonValue()},
        {QStringLiteral("usrVisibleData"),
         usrVisibleData ? QJsonValue(QString::fromUtf8(*usrVisibleData)) : QJsonValue()},
        {QStringLiteral("usrNonVisibleData"),
         usrNonVisibleData ? QJsonValue(QString::fromLatin1(usrNonVisibleData->toBase64())) : QJsonValue()},
        {QStringLiteral("checks"), checkArray}};
}

} // namespace bankid
