#include "ReceiptReport.h"

#include <QJsonArray>
#include <QJsonValue>

namespace bankid {

ReceiptReport::ReceiptReport()
    : checks(VerificationCheck::notRun(checkNames()))
{
}

QStringList ReceiptReport::checkNames()
{
    return QStringList{QStringLiteral("receipt"), QStringLiteral("document digest"), QStringLiteral("signed digest"),
                       QStringLiteral("signer")}
        + VerificationReport::checkNames();
}

void ReceiptReport::set(const QString &name, VerificationCheck::Outcome outcome, const QString &detail)
{
    [[maybe_unused]] const bool known = VerificationCheck::setIn(checks, name, outcome, detail);
    Q_ASSERT_X(known, "ReceiptReport::set", "unknown check name");
}

VerificationCheck ReceiptReport::check(const QString &name) const
{
    return VerificationCheck::findIn(checks, name);
}

bool ReceiptReport::allPassed() const
{
    if (checks.size() != checkNames().size())
        return false;
    for (const VerificationCheck &check : checks) {
        if (!check.passed())
            return false;
    }
    return true;
}

QStringList ReceiptReport::failures() const
{
    QStringList result;
    for (const VerificationCheck &check : checks) {
        if (!check.passed())
            result.append(check.name + QStringLiteral(": ") + check.detail);
    }
    return result;
}

QJsonObject ReceiptReport::toJson() const
{
    const QJsonArray checkArray = VerificationCheck::toJsonArray(checks);
    QJsonObject evidenceJson = evidence.toJson();
    evidenceJson.remove(QStringLiteral("checks"));
    auto text = [](const QString &value) { return value.isEmpty() ? QJsonValue() : QJsonValue(value); };
    return QJsonObject{{QStringLiteral("allPassed"), allPassed()},
                       {QStringLiteral("document"), text(documentPath)},
                       {QStringLiteral("receipt"), text(receiptPath)},
                       {QStringLiteral("trustedRoots"), text(trustedRootsDescription)},
                       {QStringLiteral("evidence"), evidenceJson},
                       {QStringLiteral("checks"), checkArray}};
}

} // namespace bankid
