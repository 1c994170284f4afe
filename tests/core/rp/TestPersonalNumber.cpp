// PersonalNumber: accepted forms, real dates (incl. coordination numbers), the Luhn check digit, masking.
#include "PersonalNumber.h"

#include <QTest>

using bankid::PersonalNumber;

Q_DECLARE_METATYPE(PersonalNumber::Rule)

class TestPersonalNumber : public QObject
{
    Q_OBJECT

private slots:
    void check_data();
    void check();
    void parsedFields();
    void normalized_data();
    void normalized();
    void expandedDigits_data();
    void expandedDigits();
    void mask_data();
    void mask();
    void luhnCheckDigit_data();
    void luhnCheckDigit();
    void ruleMessagesAreDistinct();
};

void TestPersonalNumber::check_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<PersonalNumber::Rule>("rule");
    QTest::addColumn<QString>("digits");

    using R = PersonalNumber::Rule;
    QTest::newRow("valid_twelve_digits") << "198112189876" << R::Ok << "198112189876";
    QTest::newRow("valid_with_hyphen") << "19811218-9876" << R::Ok << "198112189876";
    QTest::newRow("valid_surrounding_spaces") << "  199001011239 " << R::Ok << "199001011239";
    QTest::newRow("valid_leap_day_2000") << "200002290005" << R::Ok << "200002290005";
    QTest::newRow("valid_coordination_number") << "197001630008" << R::Ok << "197001630008";
    QTest::newRow("valid_check_digit_zero") << "199502281000" << R::Ok << "199502281000";
    QTest::newRow("empty") << "" << R::Empty << "";
    QTest::newRow("only_spaces") << "   " << R::Empty << "";
    QTest::newRow("eleven_digits") << "19900101123" << R::Format << "";
    QTest::newRow("thirteen_digits") << "1990010112390" << R::Format << "";
    QTest::newRow("ten_digit_short_form") << "9001011239" << R::Format << "";
    QTest::newRow("plus_separator") << "19900101+1239" << R::Format << "";
    QTest::newRow("hyphen_in_wrong_place") << "1990010-11239" << R::Format << "";
    QTest::newRow("letters") << "19900101abcd" << R::Format << "";
    QTest::newRow("arabic_indic_digits") << QString::fromUtf8("١٩٩٠٠١٠١١٢٣٩") << R::Format << "";
    QTest::newRow("month_13") << "199013011230" << R::Date << "";
    QTest::newRow("day_32") << "199001321230" << R::Date << "";
    QTest::newRow("day_00") << "199001001230" << R::Date << "";
    QTest::newRow("feb_29_1900_not_leap") << "190002291230" << R::Date << "";
    QTest::newRow("coordination_day_92") << "199001921230" << R::Date << "";
    QTest::newRow("wrong_check_digit") << "199001011234" << R::CheckDigit << "";
    QTest::newRow("swapped_digits") << "198112189867" << R::CheckDigit << "";
}

void TestPersonalNumber::check()
{
    QFETCH(QString, input);
    QFETCH(PersonalNumber::Rule, rule);
    QFETCH(QString, digits);

    QCOMPARE(PersonalNumber::check(input), rule);
    PersonalNumber::Rule failed = PersonalNumber::Rule::Ok;
    const auto parsed = PersonalNumber::parse(input, &failed);
    QCOMPARE(failed, rule);
    QCOMPARE(parsed.has_value(), rule == PersonalNumber::Rule::Ok);
    if (parsed)
        QCOMPARE(parsed->digits(), digits);
}

void TestPersonalNumber::parsedFields()
{
    const auto regular = PersonalNumber::parse(QStringLiteral("19811218-9876"));
    QVERIFY(regular);
    QCOMPARE(regular->birthDate(), QDate(1981, 12, 18));
    QVERIFY(!regular->isCoordinationNumber());
    QCOMPARE(regular->masked(), QStringLiteral("19811218****"));

    const auto coordination = PersonalNumber::parse(QStringLiteral("197001630008"));
    QVERIFY(coordination);
    QCOMPARE(coordination->birthDate(), QDate(1970, 1, 3));
    QVERIFY(coordination->isCoordinationNumber());
}

void TestPersonalNumber::normalized_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("already_twelve") << "199001011239" << "199001011239";
    QTest::newRow("hyphen_removed") << "19900101-1239" << "199001011239";
    QTest::newRow("spaces_trimmed") << " 19900101-1239\t" << "199001011239";
    QTest::newRow("form_only_not_checked") << "19901301-1234" << "199013011234";
    QTest::newRow("unknown_form_kept") << "900101-1239" << "900101-1239";
}

void TestPersonalNumber::normalized()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(PersonalNumber::normalized(input), expected);
}

void TestPersonalNumber::expandedDigits_data()
{
    // A fixed "today" (4 December 2026) keeps the century decisions independent of the day the test runs.
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // empty: not an accepted form
    QTest::addColumn<PersonalNumber::Rule>("rule"); // of parse(expected)

    using R = PersonalNumber::Rule;
    QTest::newRow("short_with_hyphen") << "900101-1239" << "199001011239" << R::Ok;
    QTest::newRow("short_ten_digits") << "9001011239" << "199001011239" << R::Ok;
    QTest::newRow("short_spaces_trimmed") << " 900101-1239 " << "199001011239" << R::Ok;
    QTest::newRow("born_this_century") << "121212-1212" << "201212121212" << R::Ok;
    QTest::newRow("plus_hundred_or_older") << "121212+1212" << "191212121212" << R::Ok;
    QTest::newRow("plus_long_ago") << "900101+1239" << "189001011239" << R::Ok;
    QTest::newRow("born_today_not_future") << "261204-1232" << "202612041232" << R::Ok;
    QTest::newRow("tomorrow_is_last_century") << "261205-1231" << "192612051231" << R::Ok;
    QTest::newRow("leap_day_2000") << "000229-1235" << "200002291235" << R::Ok;
    QTest::newRow("coordination_number") << "700163-0008" << "197001630008" << R::Ok;
    QTest::newRow("short_bad_check_digit") << "900101-1234" << "199001011234" << R::CheckDigit;
    QTest::newRow("short_no_real_date") << "901301-1234" << "199013011234" << R::Date;
    QTest::newRow("twelve_digits_kept") << "199001011239" << "199001011239" << R::Ok;
    QTest::newRow("twelve_with_hyphen") << "19900101-1239" << "199001011239" << R::Ok;
    QTest::newRow("nine_digits") << "900101123" << "" << R::Empty;
    QTest::newRow("eleven_digits") << "90010112390" << "" << R::Empty;
    QTest::newRow("separator_misplaced") << "90010-11239" << "" << R::Empty;
    QTest::newRow("other_separator") << "900101*1239" << "" << R::Empty;
    QTest::newRow("letters") << "900101-12X9" << "" << R::Empty;
    QTest::newRow("plus_on_twelve_digits") << "19900101+1239" << "" << R::Empty;
    QTest::newRow("empty") << "" << "" << R::Empty;
}

void TestPersonalNumber::expandedDigits()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(PersonalNumber::Rule, rule);
    const QString expanded = PersonalNumber::expandedDigits(input, QDate(2026, 12, 4));
    QCOMPARE(expanded, expected);
    QCOMPARE(PersonalNumber::check(expanded), rule);
}

void TestPersonalNumber::mask_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("twelve_digits") << "199001011239" << "19900101****";
    QTest::newRow("hyphen_form") << "19900101-1239" << "19900101****";
    QTest::newRow("invalid_still_masked") << "199001011234" << "19900101****";
    QTest::newRow("too_short_fully_hidden") << "1990" << "****";
    QTest::newRow("empty") << "" << "****";
}

void TestPersonalNumber::mask()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const QString masked = PersonalNumber::mask(input);
    QCOMPARE(masked, expected);
    if (input.size() >= 12)
        QVERIFY2(!masked.contains(input.right(4)), "the last four digits must never appear");
}

void TestPersonalNumber::luhnCheckDigit_data()
{
    QTest::addColumn<QString>("nine");
    QTest::addColumn<int>("digit");
    QTest::newRow("811218987") << "811218987" << 6;
    QTest::newRow("900101123") << "900101123" << 9;
    QTest::newRow("950228100") << "950228100" << 0;
    QTest::newRow("121212121") << "121212121" << 2;
}

void TestPersonalNumber::luhnCheckDigit()
{
    QFETCH(QString, nine);
    QFETCH(int, digit);
    QCOMPARE(PersonalNumber::luhnCheckDigit(nine), digit);
}

void TestPersonalNumber::ruleMessagesAreDistinct()
{
    using R = PersonalNumber::Rule;
    QStringList messages;
    QStringList names;
    for (const R rule : {R::Ok, R::Empty, R::Format, R::Date, R::CheckDigit}) {
        QVERIFY(!PersonalNumber::ruleMessage(rule).isEmpty());
        messages.append(PersonalNumber::ruleMessage(rule));
        names.append(PersonalNumber::ruleName(rule));
    }
    messages.removeDuplicates();
    names.removeDuplicates();
    QCOMPARE(messages.size(), 5);
    QCOMPARE(names.size(), 5);
}

QTEST_APPLESS_MAIN(TestPersonalNumber)
#include "TestPersonalNumber.moc"
