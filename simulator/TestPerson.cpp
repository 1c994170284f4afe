#include "TestPerson.h"

#include <QCryptographicHash>

namespace bankid::sim {

QString TestPerson::name() const
{
    return givenName + QLatin1Char(' ') + surname;
}

const QList<TestPerson> &TestPerson::builtIn()
{
    // Luhn-valid numbers made up for the simulator (not Skatteverket's published test numbers).
    static const QList<TestPerson> persons = {
        {QStringLiteral("199001012385"), QStringLiteral("Karl"), QStringLiteral("Karlsson"), QDate(2020, 2, 1)},
        {QStringLiteral("198506155129"), QStringLiteral("Anna"), QStringLiteral("Andersson"), QDate(2021, 6, 15)},
        {QStringLiteral("197202294430"), QStringLiteral("Lars"), QStringLiteral("Svensson"), QDate(2019, 11, 3)},
        {QStringLiteral("200008249013"), QStringLiteral("Åsa"), QStringLiteral("Öberg"), QDate(2022, 8, 24)},
        {QStringLiteral("196303101056"), QStringLiteral("Per-Erik"), QStringLiteral("Lindqvist"), QDate(2018, 3, 10)},
        // Always 17 (ID card demo: an age limit of 18 fails); computed once, 40 days short of her 17th year's end.
        {numberFor(QDate::currentDate().addYears(-17).addDays(-40), 238), QStringLiteral("Elsa"), QStringLiteral("Ek"),
         QDate::currentDate().addDays(-30)},
    };
    return persons;
}

TestPerson TestPerson::forNumber(const QString &personalNumber)
{
    for (const TestPerson &person : builtIn()) {
        if (person.personalNumber == personalNumber)
            return person;
    }
    return {personalNumber, QStringLiteral("Test"), QStringLiteral("Person"), QDate(2020, 1, 1)};
}

QDate TestPerson::birthDate() const
{
    if (!isWellFormed(personalNumber))
        return {};
    int day = QStringView(personalNumber).mid(6, 2).toInt();
    if (day > 60)
        day -= 60; // samordningsnummer
    return QDate(QStringView(personalNumber).left(4).toInt(), QStringView(personalNumber).mid(4, 2).toInt(), day);
}

int TestPerson::ageOn(const QDate &day) const
{
    const QDate born = birthDate();
    if (!born.isValid() || !day.isValid() || born > day)
        return -1;
    int age = day.year() - born.year();
    if (day.month() < born.month() || (day.month() == born.month() && day.day() < born.day()))
        --age;
    return age;
}

QByteArray TestPerson::deviceUhi() const
{
    return QCryptographicHash::hash(QByteArray(personalNumber.toLatin1() + "|bankid-desk-simulator-device"),
                                    QCryptographicHash::Sha1)
        .toBase64();
}

QString TestPerson::numberFor(const QDate &birthDate, int serial)
{
    const QString withoutCheck = birthDate.toString(QStringLiteral("yyyyMMdd")) + QStringLiteral("%1").arg(serial, 3, 10, QLatin1Char('0'));
    for (int check = 0; check < 10; ++check) {
        const QString candidate = withoutCheck + QString::number(check);
        if (hasValidChecksum(candidate))
            return candidate;
    }
    return {};
}

bool TestPerson::isWellFormed(const QString &personalNumber)
{
    if (personalNumber.size() != 12)
        return false;
    for (const QChar c : personalNumber) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

bool TestPerson::hasValidChecksum(const QString &personalNumber)
{
    if (!isWellFormed(personalNumber))
        return false;
    int sum = 0;
    for (int i = 2; i < 11; ++i) {
        int digit = personalNumber.at(i).digitValue() * ((i % 2 == 0) ? 2 : 1);
        sum += digit / 10 + digit % 10;
    }
    return (10 - sum % 10) % 10 == personalNumber.at(11).digitValue();
}

QString TestPerson::mask(const QString &personalNumber)
{
    return personalNumber.left(8) + QLatin1String("****");
}

} // namespace bankid::sim
