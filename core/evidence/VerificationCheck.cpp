#include "VerificationCheck.h"

#include <QJsonValue>

namespace bankid {

QString VerificationCheck::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Passed:
        return QStringLiteral("passed");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::NotRun:
        break;
    }
    return QStringLiteral("not run");
}

QJsonObject VerificationCheck::toJson() const
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("ok"), outcome == Outcome::NotRun ? QJsonValue() : QJsonValue(passed())},
                       {QStringLiteral("outcome"), outcomeName(outcome)},
                       {QStringLiteral("detail"), detail}};
}

QList<VerificationCheck> VerificationCheck::notRun(const QStringList &names)
{
    QList<VerificationCheck> checks;
    checks.reserve(names.size());
    for (const QString &name : names)
        checks.append(VerificationCheck{name, Outcome::NotRun, QStringLiteral("not run")});
    return checks;
}

bool VerificationCheck::setIn(QList<VerificationCheck> &checks, const QString &name, Outcome outcome,
                              const QString &detail)
{
    for (VerificationCheck &check : checks) {
        if (check.name == name) {
            check.outcome = outcome;
            check.detail = detail;
            return true;
        }
    }
    return false;
}

VerificationCheck VerificationCheck::findIn(const QList<VerificationCheck> &checks, const QString &name)
{
    for (const VerificationCheck &check : checks) {
        if (check.name == name)
            return check;
    }
    return VerificationCheck{name, Outcome::NotRun, QStringLiteral("no such check")};
}

QJsonArray VerificationCheck::toJsonArray(const QList<VerificationCheck> &checks)
{
    QJsonArray array;
    for (const VerificationCheck &check : checks)
        array.append(check.toJson());
    return array;
}

} // namespace bankid
