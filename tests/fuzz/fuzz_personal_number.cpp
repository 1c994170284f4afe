// Harness personal_number: a personal or coordination number as typed into the desk, the CLI or a control
// request, UTF-8 decoded and given to PersonalNumber::check(), parse(), normalized(), expandedDigits() and
// mask(). Checks: parse() and check() agree; an accepted number is 12 digits with a real date and a valid
// check digit; mask() never shows more than the first 8 digits; expandedDigits() gives 12 digits or nothing.
#include "FuzzSupport.h"

#include "PersonalNumber.h"

#include <QDate>

using namespace bankid;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

namespace {

bool allDigits(const QString &text)
{
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

qsizetype digitCount(const QString &text)
{
    qsizetype count = 0;
    for (const QChar c : text)
        count += c >= QLatin1Char('0') && c <= QLatin1Char('9') ? 1 : 0;
    return count;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = QString::fromUtf8(fuzz::bytes(data, size));

    PersonalNumber::Rule failed = PersonalNumber::Rule::Ok;
    const auto number = PersonalNumber::parse(input, &failed);
    const PersonalNumber::Rule checked = PersonalNumber::check(input);
    FUZZ_EXPECT(number.has_value() == (checked == PersonalNumber::Rule::Ok));
    FUZZ_EXPECT(number.has_value() || failed == checked);
    FUZZ_EXPECT(!PersonalNumber::ruleName(checked).isEmpty());

    if (number) {
        const QString digits = number->digits();
        FUZZ_EXPECT(digits.size() == 12 && allDigits(digits));
        FUZZ_EXPECT(number->birthDate().isValid());
        FUZZ_EXPECT(PersonalNumber::luhnCheckDigit(digits.mid(2, 9)) == digits.at(11).digitValue());
        FUZZ_EXPECT(PersonalNumber::normalized(input) == digits);
        FUZZ_EXPECT(number->masked() == digits.left(8) + QStringLiteral("****"));
    }

    // The log-safe form: at most the 8 date digits, then the mask.
    const QString masked = PersonalNumber::mask(input);
    FUZZ_EXPECT(masked.endsWith(QStringLiteral("****")));
    FUZZ_EXPECT(digitCount(masked) <= 8);

    // A fixed "today" keeps the century choice, and so the result, reproducible.
    const QString expanded = PersonalNumber::expandedDigits(input, QDate(2026, 6, 15));
    FUZZ_EXPECT(expanded.isEmpty() || (expanded.size() == 12 && allDigits(expanded)));
    if (!expanded.isEmpty() && number)
        FUZZ_EXPECT(expanded == number->digits());

    if (input.size() == 9 && allDigits(input)) {
        const int check = PersonalNumber::luhnCheckDigit(input);
        FUZZ_EXPECT(check >= 0 && check <= 9);
    }
    return 0;
}
