#include "PersonDirectory.h"

namespace bankid::sim {

std::optional<TestPerson> PersonDirectory::find(const QString &personalNumber) const
{
    for (const TestPerson &person : TestPerson::builtIn()) {
        if (person.personalNumber == personalNumber)
            return person;
    }
    for (const TestPerson &person : m_added) {
        if (person.personalNumber == personalNumber)
            return person;
    }
    return std::nullopt;
}

TestPerson PersonDirectory::forNumber(const QString &personalNumber) const
{
    const auto known = find(personalNumber);
    return known ? *known : TestPerson::forNumber(personalNumber);
}

bool PersonDirectory::add(const TestPerson &person, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!TestPerson::isWellFormed(person.personalNumber))
        return fail(QStringLiteral("personalNumber: must be 12 digits (YYYYMMDDNNNN)"));
    if (!TestPerson::hasValidChecksum(person.personalNumber) || !person.birthDate().isValid())
        return fail(QStringLiteral("personalNumber: not a valid personal number (date or check digit)"));
    if (person.givenName.trimmed().isEmpty() || person.surname.trimmed().isEmpty())
        return fail(QStringLiteral("givenName and surname: must be non-empty strings"));
    for (const TestPerson &builtIn : TestPerson::builtIn()) {
        if (builtIn.personalNumber == person.personalNumber)
            return fail(QStringLiteral("personalNumber: a built-in person has this number"));
    }
    TestPerson added = person;
    if (!added.bankIdIssueDate.isValid())
        added.bankIdIssueDate = QDate::currentDate().addDays(-30);
    for (TestPerson &existing : m_added) {
        if (existing.personalNumber == added.personalNumber) {
            existing = added;
            return true;
        }
    }
    m_added.append(added);
    return true;
}

QList<TestPerson> PersonDirectory::all() const
{
    return TestPerson::builtIn() + m_added;
}

} // namespace bankid::sim
