#pragma once

#include "TestPerson.h"

#include <QList>
#include <QString>

#include <optional>

namespace bankid::sim {

// The test persons one simulator knows: the built-in ones (TestPerson::builtIn()) and those a test or an
// operator added (POST /sim/v1/persons, Simulator::addPerson), e.g. with a birth date computed from today so
// an ID card verification shows an exact age.
//
// Contract: find() knows built-in and added persons only; forNumber() also invents the synthetic "Test Person"
// for any other well-formed number (what an order naming an arbitrary number completes with). add() refuses a
// malformed or Luhn-invalid number, empty names and a built-in number; adding an added number again replaces it.
// Lives in the simulator's thread (not thread-safe).
//
//     PersonDirectory persons;
//     persons.add({TestPerson::numberFor(QDate::currentDate().addYears(-18), 123), "Arvid", "Arton", {}}, &error);
//     const TestPerson signer = persons.forNumber(order.signer);
class PersonDirectory
{
public:
    std::optional<TestPerson> find(const QString &personalNumber) const;
    TestPerson forNumber(const QString &personalNumber) const;
    bool add(const TestPerson &person, QString *error);
    /// Built-in persons first, then the added ones in the order they were added.
    QList<TestPerson> all() const;

private:
    QList<TestPerson> m_added;
};

} // namespace bankid::sim
