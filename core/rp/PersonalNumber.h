#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace bankid {

/// A Swedish personal identity number (personnummer) or coordination number (samordningsnummer) in the
/// 12-digit form BankID uses: YYYYMMDDNNNN, no separator.
///
/// Accepted input forms: "YYYYMMDDNNNN" and "YYYYMMDD-NNNN" (surrounding whitespace ignored). The number
/// must name a real date (a coordination number adds 60 to the day) and its last digit must be the Luhn
/// check digit over the last 10 digits (YYMMDDNNN). BankID itself may not check the Luhn digit
/// (UNCONFIRMED, facts file §8); we do, because a typo caught at the desk is cheaper than a failed order.
///
/// Never log a number in clear: use mask() ("19900101****").
///
/// Usage:
/// \code
///   PersonalNumber::Rule failed = PersonalNumber::Rule::Ok;
///   if (auto pnr = PersonalNumber::parse(edit->text(), &failed))
///       request.requirement.personalNumber = pnr->digits();
///   else
///       hint->setText(PersonalNumber::ruleMessage(failed));
///   qCInfo(lcOrder) << "order for" << PersonalNumber::mask(edit->text());
/// \endcode
class PersonalNumber
{
public:
    /// The first rule an input breaks, checked in this order (so a GUI can explain while the user types).
    enum class Rule {
        Ok,         ///< a valid number
        Empty,      ///< nothing entered
        Format,     ///< not 12 digits, optionally with a '-' after the date
        Date,       ///< YYYYMMDD (day minus 60 for a coordination number) is not a real date
        CheckDigit, ///< the last digit is not the Luhn check digit of YYMMDDNNN
    };

    /// Which rule \a input breaks first; Rule::Ok when it is a valid number.
    static Rule check(const QString &input);
    /// The parsed number, or nullopt with the failed rule in \a failed (when non-null).
    static std::optional<PersonalNumber> parse(const QString &input, Rule *failed = nullptr);
    /// The 12-digit wire form of an accepted input form ("19900101-1234" -> "199001011234"), checking only
    /// the form (not date or check digit); any other input is returned trimmed but otherwise unchanged.
    static QString normalized(const QString &input);
    /// The 12-digit form YYYYMMDDNNNN of \a input written in any form people use, including the 10-digit
    /// forms said aloud: "YYMMDD-NNNN", "YYMMDDNNNN" and "YYMMDD+NNNN" ('+' for people aged 100 or more).
    /// The century of a 10-digit form is the latest one that does not put the date of birth after \a today
    /// (for a coordination number the day minus 60; when YYMMDD is no real date, the latest century whose
    /// year is not after today's); '+' goes a further 100 years back. The 12-digit forms are returned as by
    /// normalized(). Empty when \a input is none of these forms. Date and check digit are NOT checked here:
    /// parse() the result for that (the check digit covers YYMMDDNNN, so it is the same in both forms).
    static QString expandedDigits(const QString &input, const QDate &today);
    /// The log-safe form: the first 8 digits followed by "****" ("19900101****"); "****" when fewer than
    /// 8 digits were entered. The last four digits never appear.
    static QString mask(const QString &input);
    /// A translatable English explanation of \a rule for the end user or operator.
    static QString ruleMessage(Rule rule);
    /// "ok", "empty", "format", "date", "checkDigit": stable names for logs and tests.
    static QString ruleName(Rule rule);
    /// The Luhn check digit (0..9) for the 9 digits YYMMDDNNN.
    static int luhnCheckDigit(const QString &nineDigits);

    /// YYYYMMDDNNNN.
    QString digits() const { return m_digits; }
    /// The log-safe form, see mask().
    QString masked() const { return mask(m_digits); }
    /// The date of birth (for a coordination number: the day with 60 subtracted).
    QDate birthDate() const { return m_birthDate; }
    /// True when the day is 61..91 (samordningsnummer).
    bool isCoordinationNumber() const { return m_coordination; }

private:
    PersonalNumber() = default;

    QString m_digits;
    QDate m_birthDate;
    bool m_coordination = false;
};

} // namespace bankid
