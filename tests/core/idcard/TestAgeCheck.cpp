// checkAge / isValidAgeLimit: ages 17, 18 and 25 against the common Swedish limits 18, 20 and 25, exactly at
// the limits, an unknown age, and the range of limits an operator may set.

#include "AgeCheck.h"

#include <QTest>

using namespace bankid;

Q_DECLARE_METATYPE(bankid::AgeOutcome)

class TestAgeCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outcome_data();
    void outcome();
    void limits_data();
    void limits();
};

void TestAgeCheck::outcome_data()
{
    QTest::addColumn<int>("age");
    QTest::addColumn<int>("limit");
    QTest::addColumn<AgeOutcome>("expected");

    const struct { int age; int limit; AgeOutcome outcome; } rows[] = {
        {17, 18, AgeOutcome::Below}, {17, 20, AgeOutcome::Below}, {17, 25, AgeOutcome::Below},
        {18, 18, AgeOutcome::Meets}, {18, 20, AgeOutcome::Below}, {18, 25, AgeOutcome::Below},
        {25, 18, AgeOutcome::Meets}, {25, 20, AgeOutcome::Meets}, {25, 25, AgeOutcome::Meets},
        {19, 20, AgeOutcome::Below}, {20, 20, AgeOutcome::Meets}, {24, 25, AgeOutcome::Below},
        {0, 1, AgeOutcome::Below},   {150, 150, AgeOutcome::Meets},
        {-1, 1, AgeOutcome::Below},  {-1, 0, AgeOutcome::Below}, // an unknown age never meets a limit
    };
    for (const auto &row : rows)
        QTest::addRow("age_%d_limit_%d", row.age, row.limit) << row.age << row.limit << row.outcome;
}

void TestAgeCheck::outcome()
{
    QFETCH(int, age);
    QFETCH(int, limit);
    QFETCH(AgeOutcome, expected);
    QCOMPARE(checkAge(age, limit), expected);
}

void TestAgeCheck::limits_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<bool>("valid");

    for (int limit : {1, 18, 20, 25, 150})
        QTest::addRow("valid_%d", limit) << limit << true;
    for (int limit : {0, -1, -18, 151, 1000, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()})
        QTest::addRow("invalid_%d", limit) << limit << false;
}

void TestAgeCheck::limits()
{
    QFETCH(int, limit);
    QFETCH(bool, valid);
    QCOMPARE(isValidAgeLimit(limit), valid);
}

QTEST_GUILESS_MAIN(TestAgeCheck)
#include "TestAgeCheck.moc"
