#include "IdCardVerification.h"

#include <QJsonValue>

#include <cmath>

namespace bankid {

namespace {

// Reads the members of one object of the answer; the first problem wins and names the member by its
// dotted path. After a problem every read returns an empty value and nothing more is recorded.
class MemberReader
{
public:
    MemberReader(QString *problem) : m_problem(problem) {}

    bool ok() const { return m_problem->isEmpty(); }

    QJsonObject object(const QJsonObject &parent, const QString &path, const QString &name)
    {
        const QJsonValue value = member(parent, path, name);
        if (!ok() || value.isObject())
            return value.toObject();
        refuse(path, name, QStringLiteral("is not an object"));
        return {};
    }

    QString text(const QJsonObject &parent, const QString &path, const QString &name)
    {
        const QJsonValue value = member(parent, path, name);
        if (!ok())
            return {};
        if (!value.isString())
            refuse(path, name, QStringLiteral("is not a string"));
        else if (value.toString().isEmpty())
            refuse(path, name, QStringLiteral("is empty"));
        return ok() ? value.toString() : QString();
    }

    QDateTime time(const QJsonObject &parent, const QString &path, const QString &name)
    {
        const QString value = text(parent, path, name);
        if (!ok())
            return {};
        const QDateTime parsed = QDateTime::fromString(value, Qt::ISODateWithMs);
        if (!parsed.isValid())
            refuse(path, name, QStringLiteral("\"%1\" is not an ISO 8601 date and time").arg(value.left(64)));
        else if (parsed.timeSpec() == Qt::LocalTime)
            refuse(path, name, QStringLiteral("\"%1\" has no time zone (BankID sends UTC with \"Z\")").arg(value.left(64)));
        return ok() ? parsed.toUTC() : QDateTime();
    }

    int age(const QJsonObject &parent, const QString &path, const QString &name)
    {
        const QJsonValue value = member(parent, path, name);
        if (!ok())
            return -1;
        const double number = value.toDouble();
        if (!value.isDouble())
            refuse(path, name, QStringLiteral("is not a number"));
        else if (number != std::floor(number))
            refuse(path, name, QStringLiteral("%1 is not a whole number").arg(number));
        else if (number < 0)
            refuse(path, name, QStringLiteral("%1 is negative").arg(number));
        else if (number > IdCardVerification::MaxAge)
            refuse(path, name, QStringLiteral("%1 is above %2, which no living person is").arg(number).arg(IdCardVerification::MaxAge));
        return ok() ? int(number) : -1;
    }

    void refuse(const QString &path, const QString &name, const QString &why)
    {
        if (ok())
            *m_problem = (path.isEmpty() ? name : path + QLatin1Char('.') + name) + QLatin1Char(' ') + why;
    }

private:
    QJsonValue member(const QJsonObject &parent, const QString &path, const QString &name)
    {
        if (!ok())
            return {};
        const QJsonValue value = parent.value(name);
        if (value.isUndefined())
            refuse(path, name, QStringLiteral("is missing"));
        else if (value.isNull())
            refuse(path, name, QStringLiteral("is null"));
        return value;
    }

    QString *m_problem;
};

bool isTwelveDigits(const QString &text)
{
    if (text.size() != 12)
        return false;
    for (QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

} // namespace

std::optional<IdCardVerification> IdCardVerification::fromJson(const QJsonObject &object, QString *error)
{
    QString problem;
    MemberReader read(&problem);
    IdCardVerification result;
    const QString user = QStringLiteral("user");
    const QString verification = QStringLiteral("verification");
    const QString authentication = QStringLiteral("authentication");

    result.transactionType = read.text(object, {}, QStringLiteral("transactionType"));
    if (read.ok() && result.transactionType != TransactionType)
        read.refuse({}, QStringLiteral("transactionType"),
                    QStringLiteral("is \"%1\", not \"%2\"").arg(result.transactionType.left(64), TransactionType));

    const QJsonObject userObject = read.object(object, {}, user);
    result.user.personalNumber = read.text(userObject, user, QStringLiteral("personalNumber"));
    if (read.ok() && !isTwelveDigits(result.user.personalNumber))
        read.refuse(user, QStringLiteral("personalNumber"), QStringLiteral("is not 12 digits (YYYYMMDDNNNN)"));
    result.user.givenName = read.text(userObject, user, QStringLiteral("givenName"));
    result.user.surname = read.text(userObject, user, QStringLiteral("surname"));
    result.user.name = read.text(userObject, user, QStringLiteral("name"));
    result.user.age = read.age(userObject, user, QStringLiteral("age"));

    const QJsonObject verificationObject = read.object(object, {}, verification);
    result.verificationId = read.text(verificationObject, verification, QStringLiteral("verificationId"));
    result.verifiedAt = read.time(verificationObject, verification, QStringLiteral("verifiedAt"));
    result.verificationSignature = read.text(verificationObject, verification, QStringLiteral("signature"));

    const QJsonObject authenticationObject = read.object(object, {}, authentication);
    result.identifiedAt = read.time(authenticationObject, authentication, QStringLiteral("identifiedAt"));
    result.authenticationOrderRef = read.text(authenticationObject, authentication, QStringLiteral("orderRef"));
    result.authenticationSignature = read.text(authenticationObject, authentication, QStringLiteral("signature"));
    result.ocspResponse = read.text(authenticationObject, authentication, QStringLiteral("ocspResponse"));

    if (!read.ok()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return result;
}

QJsonObject IdCardVerification::userJson() const
{
    return QJsonObject{{QStringLiteral("personalNumber"), user.personalNumber},
                       {QStringLiteral("givenName"), user.givenName},
                       {QStringLiteral("surname"), user.surname},
                       {QStringLiteral("name"), user.name},
                       {QStringLiteral("age"), user.age}};
}

} // namespace bankid
