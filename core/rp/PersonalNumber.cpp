#include "PersonalNumber.h"

#include <QCoreApplication>

namespace bankid {

namespace {

bool allDigits(QStringView text)
{
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

/// The 12 digits of an accepted input form, or an empty string.
QString acceptedDigits(const QString &input)
{
    const QString trimmed = input.trimmed();
    if (trimmed.size() == 12 && allDigits(trimmed))
        return trimmed;
    if (trimmed.size() == 13 && trimmed.at(8) == QLatin1Char('-') && allDigits(QStringView(trimmed).left(8))
        && allDigits(QStringView(trimmed).mid(9)))
        return trimmed.left(8) + trimmed.mid(9);
    return {};
}

/// The 10 digits of a short form (YYMMDD-NNNN, YYMMDD+NNNN, YYMMDDNNNN) and whether it had a '+', or an
/// empty string.
QString shortFormDigits(const QString &input, bool *hundredOrOlder)
{
    const QString trimmed = input.trimmed();
    *hundredOrOlder = false;
    if (trimmed.size() == 10 && allDigits(trimmed))
        return trimmed;
    if (trimmed.size() == 11 && allDigits(QStringView(trimmed).left(6)) && allDigits(QStringView(trimmed).mid(7))) {
        const QChar separator = trimmed.at(6);
        if (separator == QLatin1Char('-') || separator == QLatin1Char('+')) {
            *hundredOrOlder = separator == QLatin1Char('+');
            return trimmed.left(6) + trimmed.mid(7);
        }
    }
    return {};
}

} // namespace

QString PersonalNumber::expandedDigits(const QString &input, const QDate &today)
{
    const QString twelve = acceptedDigits(input);
    if (!twelve.isEmpty())
        return twelve;
    bool hundredOrOlder = false;
    const QString ten = shortFormDigits(input, &hundredOrOlder);
    if (ten.isEmpty() || !today.isValid())
        return {};

    const int yearInCentury = ten.left(2).toInt();
    const int month = ten.mid(2, 2).toInt();
    int day = ten.mid(4, 2).toInt();
    if (day > 60)
        day -= 60; // coordination number
    int year = today.year() - today.year() % 100 + yearInCentury;
    const QDate birthDate(year, month, day);
    const bool inFuture = birthDate.isValid() ? birthDate > today : year > today.year();
    if (inFuture)
        year -= 100;
    if (hundredOrOlder)
        year -= 100;
    if (year < 1000)
        return {}; // no four-digit year: not a number anyone alive holds
    return QString::number(year) + ten.mid(2);
}

PersonalNumber::Rule PersonalNumber::check(const QString &input)
{
    Rule failed = Rule::Ok;
    parse(input, &failed);
    return failed;
}

std::optional<PersonalNumber> PersonalNumber::parse(const QString &input, Rule *failed)
{
    auto fail = [failed](Rule rule) -> std::optional<PersonalNumber> {
        if (failed)
            *failed = rule;
        return std::nullopt;
    };
    if (input.trimmed().isEmpty())
        return fail(Rule::Empty);
    const QString digits = acceptedDigits(input);
    if (digits.isEmpty())
        return fail(Rule::Format);

    const int year = digits.left(4).toInt();
    const int month = digits.mid(4, 2).toInt();
    int day = digits.mid(6, 2).toInt();
    const bool coordination = day > 60;
    if (coordination)
        day -= 60;
    const QDate date(year, month, day);
    if (!date.isValid())
        return fail(Rule::Date);

    if (luhnCheckDigit(digits.mid(2, 9)) != digits.at(11).digitValue())
        return fail(Rule::CheckDigit);

    if (failed)
        *failed = Rule::Ok;
    PersonalNumber number;
    number.m_digits = digits;
    number.m_birthDate = date;
    number.m_coordination = coordination;
    return number;
}

QString PersonalNumber::normalized(const QString &input)
{
    const QString digits = acceptedDigits(input);
    return digits.isEmpty() ? input.trimmed() : digits;
}

QString PersonalNumber::mask(const QString &input)
{
    QString firstDigits;
    for (const QChar c : input) {
        if (c.isDigit())
            firstDigits.append(c);
        if (firstDigits.size() == 8)
            break;
    }
    if (firstDigits.size() < 8)
        return QStringLiteral("****");
    return firstDigits + QLatin1String("****");
}

int PersonalNumber::luhnCheckDigit(const QString &nineDigits)
{
    // Weights 2,1,2,1,... from the left; the digits of each product are summed.
    int sum = 0;
    for (qsizetype i = 0; i < nineDigits.size(); ++i) {
        int product = nineDigits.at(i).digitValue() * ((i % 2 == 0) ? 2 : 1);
        sum += product / 10 + product % 10;
    }
    return (10 - sum % 10) % 10;
}

QString PersonalNumber::ruleMessage(Rule rule)
{
    switch (rule) {
    case Rule::Ok:
        return QCoreApplication::translate("bankid::PersonalNumber", "The personal identity number is valid.");
    case Rule::Empty:
        return QCoreApplication::translate("bankid::PersonalNumber", "Enter a personal identity number.");
    case Rule::Format:
        return QCoreApplication::translate("bankid::PersonalNumber",
                                           "A personal identity number has 12 digits: YYYYMMDDNNNN "
                                           "(YYYYMMDD-NNNN is also accepted).");
    case Rule::Date:
        return QCoreApplication::translate("bankid::PersonalNumber",
                                           "The first 8 digits are not a real date (YYYYMMDD; a coordination "
                                           "number adds 60 to the day).");
    case Rule::CheckDigit:
        return QCoreApplication::translate("bankid::PersonalNumber",
                                           "The last digit does not match the check digit; check for a typo.");
    }
    return {};
}

QString PersonalNumber::ruleName(Rule rule)
{
    switch (rule) {
    case Rule::Ok: return QStringLiteral("ok");
    case Rule::Empty: return QStringLiteral("empty");
    case Rule::Format: return QStringLiteral("format");
    case Rule::Date: return QStringLiteral("date");
    case Rule::CheckDigit: return QStringLiteral("checkDigit");
    }
    return {};
}

} // namespace bankid
