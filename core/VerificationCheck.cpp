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

} // namespace bankid
