#pragma once

#include "PersonalNumber.h"
#include "SimpleMarkdown.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace bankid {

/// One broken rule of an order request, found by RequestValidator before anything is sent.
///
/// field() is the wire name with dots for nesting ("userVisibleData", "requirement.personalNumber",
/// "web.referringDomain", "userVisibleTransaction.money.amount") so a GUI can highlight the input and a
/// CLI can name the option. message() is translated when called, so a live language switch re-renders
/// it. A personal number never appears in a message, not even masked.
///
/// Usage:
/// \code
///   if (const auto error = RequestValidator::validate(request)) {
///       highlight(error->field());
///       statusBar()->showMessage(error->message());
///   }
/// \endcode
class ValidationError
{
public:
    /// Which rule was broken; each has its own message template.
    enum class Rule {
        Required,          ///< a member the flow requires is empty
        RequiredWith,      ///< a member required because another one is set
        NotAccepted,       ///< a member the flow does not take is set
        Empty,             ///< an empty entry in a list (e.g. an empty certificate policy)
        TooShort,          ///< fewer characters than the minimum
        TooLong,           ///< more characters than the maximum
        Base64TooLong,     ///< over the endpoint's limit counted after base64 encoding
        Utf8,              ///< userVisibleData is not valid UTF-8
        IpAddress,         ///< not an IPv4 or IPv6 address (hostnames are rejected)
        PersonalNumber,    ///< a personal number that PersonalNumber rejects
        AbsoluteUrl,       ///< returnUrl is not an absolute URL
        WebAndApp,         ///< web and app both sent
        NoDeviceMember,    ///< web{} or app{} without any member filled in
        DomainCharacters,  ///< referringDomain outside [a-z0-9.-]
        AllowedValue,      ///< a value outside the documented list
        CertificatePolicy, ///< not an OID, or a misplaced '*'
        MoneyForbidden,    ///< money{} on an npa transaction
        AmountFormat,      ///< money.amount not digits with an optional ",dd"
        CurrencyFormat,    ///< money.currency not three capital letters
        Markdown,          ///< userVisibleData breaks simpleMarkdownV1 syntax
    };

    ValidationError(QString field, Rule rule, QStringList args = {});
    /// A Rule::PersonalNumber error.
    static ValidationError personalNumber(const QString &field, PersonalNumber::Rule failed);
    /// A Rule::Markdown error for the first syntax issue.
    static ValidationError markdown(const QString &field, const MarkdownIssue &issue);

    QString field() const { return m_field; }
    Rule rule() const { return m_rule; }
    /// "required", "tooLong", ...: stable names for logs, tests and CLI exit diagnostics.
    QString ruleName() const;
    /// The translated explanation, e.g. "userVisibleData is 1 600 characters after base64; /auth allows at
    /// most 1 500."
    QString message() const;
    /// The markdown issue behind a Rule::Markdown error.
    MarkdownIssue markdownIssue() const { return m_markdownIssue; }
    /// The personal number rule behind a Rule::PersonalNumber error.
    PersonalNumber::Rule personalNumberRule() const { return m_personalNumberRule; }

    /// "1 600": digits grouped by three with a space, as both English and Swedish texts here use.
    static QString groupDigits(qint64 number);

private:
    QString m_field;
    Rule m_rule;
    QStringList m_args;
    PersonalNumber::Rule m_personalNumberRule = PersonalNumber::Rule::Ok;
    MarkdownIssue m_markdownIssue;
};

} // namespace bankid

Q_DECLARE_METATYPE(bankid::ValidationError)
