#include "ValidationError.h"

#include <QCoreApplication>

namespace bankid {

namespace {

const char *const Context = "bankid::ValidationError";

QString translated(const char *sourceText)
{
    return QCoreApplication::translate(Context, sourceText);
}

} // namespace

ValidationError::ValidationError(QString field, Rule rule, QStringList args)
    : m_field(std::move(field))
    , m_rule(rule)
    , m_args(std::move(args))
{
}

ValidationError ValidationError::personalNumber(const QString &field, PersonalNumber::Rule failed)
{
    ValidationError error(field, Rule::PersonalNumber);
    error.m_personalNumberRule = failed;
    return error;
}

ValidationError ValidationError::markdown(const QString &field, const MarkdownIssue &issue)
{
    ValidationError error(field, Rule::Markdown);
    error.m_markdownIssue = issue;
    return error;
}

QString ValidationError::groupDigits(qint64 number)
{
    QString digits = QString::number(number < 0 ? -number : number);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(' '));
    return number < 0 ? QLatin1Char('-') + digits : digits;
}

QString ValidationError::ruleName() const
{
    switch (m_rule) {
    case Rule::Required: return QStringLiteral("required");
    case Rule::RequiredWith: return QStringLiteral("requiredWith");
    case Rule::NotAccepted: return QStringLiteral("notAccepted");
    case Rule::Empty: return QStringLiteral("empty");
    case Rule::TooShort: return QStringLiteral("tooShort");
    case Rule::TooLong: return QStringLiteral("tooLong");
    case Rule::Base64TooLong: return QStringLiteral("base64TooLong");
    case Rule::Utf8: return QStringLiteral("utf8");
    case Rule::IpAddress: return QStringLiteral("ipAddress");
    case Rule::PersonalNumber: return QStringLiteral("personalNumber");
    case Rule::AbsoluteUrl: return QStringLiteral("absoluteUrl");
    case Rule::WebAndApp: return QStringLiteral("webAndApp");
    case Rule::NoDeviceMember: return QStringLiteral("noDeviceMember");
    case Rule::DomainCharacters: return QStringLiteral("domainCharacters");
    case Rule::AllowedValue: return QStringLiteral("allowedValue");
    case Rule::CertificatePolicy: return QStringLiteral("certificatePolicy");
    case Rule::MoneyForbidden: return QStringLiteral("moneyForbidden");
    case Rule::AmountFormat: return QStringLiteral("amountFormat");
    case Rule::CurrencyFormat: return QStringLiteral("currencyFormat");
    case Rule::Markdown: return QStringLiteral("markdown");
    }
    return {};
}

QString ValidationError::message() const
{
    // Every template names the field first; %-arguments are filled in order from m_args.
    QString text;
    switch (m_rule) {
    case Rule::Required:
        text = translated(QT_TRANSLATE_NOOP("bankid::ValidationError", "%1 is required for %2."));
        break;
    case Rule::RequiredWith:
        text = translated(QT_TRANSLATE_NOOP("bankid::ValidationError", "%1 is required when %2 is set."));
        break;
    case Rule::NotAccepted:
        text = translated(QT_TRANSLATE_NOOP("bankid::ValidationError", "%1 is not accepted by %2; leave it out."));
        break;
    case Rule::Empty:
        text = translated(QT_TRANSLATE_NOOP("bankid::ValidationError", "%1 must not contain an empty entry."));
        break;
    case Rule::TooShort:
        text = translated(QT_TRANSLATE_NOOP("bankid::ValidationError", "%1 is %2 characters; at least %3 are required."));
        break;
    case Rule::TooLong:
        text = translated(QT_TRANSLATE_NOOP("bankid::ValidationError", "%1 is %2 characters; at most %3 are allowed."));
        break;
    case Rule::Base64TooLong:
        text = translated(QT_TRANSLATE_NOOP("bankid::ValidationError",
                                    "%1 is %2 characters after base64; %3 allows at most %4."));
        break;
    case Rule::Utf8:
        text = translated(QT_TRANSLATE_NOOP("bankid::ValidationError", "%1 is not valid UTF-8 text."));
        break;
    case Rule::IpAddress:
        text = translated(QT_TRANSLATE_NOOP("bankid::ValidationError",
                                    "%1 '%2' is not an IPv4 or IPv6 address (host names are not accepted)."));
        break;
    case Rule::PersonalNumber:
        return translated(QT_TRANSLATE_NOOP("bankid::ValidationError", "%1 is not a valid personal identity number: %2"))
            .arg(m_field, PersonalNumber::ruleMessage(m_personalNumberRule));
    case Rule::AbsoluteUrl:
        text = translated(QT_TRANSLATE_NOOP("bankid::ValidationError",
                                    "%1 must be an absolute URL, such as https://example.com/done?nonce=..."));
        break;
    case Rule::WebAndApp:
        return translated(QT_TRANSLATE_NOOP("bankid::ValidationError", "web and app must not both be sent; choose one."));
    case Rule::NoDeviceMember:
        text = translated(QT_TRANSLATE_NOOP("bankid::ValidationError", "%1 needs at least one member filled in."));
        break;
    case Rule::DomainCharacters:
        text = translated(QT_TRANSLATE_NOOP("bankid::ValidationError",
                                    "%1 may contain only a-z, 0-9, '.' and '-' (write other characters as punycode)."));
        break;
    case Rule::AllowedValue:
        text = translated(QT_TRANSLATE_NOOP("bankid::ValidationError", "%1 '%2' is not allowed; use one of: %3."));
        break;
    case Rule::CertificatePolicy:
        text = translated(QT_TRANSLATE_NOOP("bankid::ValidationError",
                                    "%1 '%2' is not a policy OID such as 1.2.752.78.1.5; a single '*' may replace "
                                    "the last component from the fifth on."));
        break;
    case Rule::MoneyForbidden:
        text = translated(QT_TRANSLATE_NOOP("bankid::ValidationError", "%1 must not be set when transactionType is npa."));
        break;
    case Rule::AmountFormat:
        text = translated(QT_TRANSLATE_NOOP("bankid::ValidationError",
                                    "%1 '%2' must be digits with an optional ',' and two decimals, such as 1000,00."));
        break;
    case Rule::CurrencyFormat:
        text = translated(QT_TRANSLATE_NOOP("bankid::ValidationError",
                                    "%1 '%2' must be a three-letter ISO 4217 code in capitals, such as SEK."));
        break;
    case Rule::Markdown:
        return translated(QT_TRANSLATE_NOOP("bankid::ValidationError", "%1 is not valid simpleMarkdownV1: %2"))
            .arg(m_field, m_markdownIssue.toString());
    }
    // One arg() call with every value, so a value that itself contains "%2" is never substituted again.
    switch (m_args.size()) {
    case 0: return text.arg(m_field);
    case 1: return text.arg(m_field, m_args.at(0));
    case 2: return text.arg(m_field, m_args.at(0), m_args.at(1));
    default: return text.arg(m_field, m_args.at(0), m_args.at(1), m_args.at(2));
    }
}

} // namespace bankid
