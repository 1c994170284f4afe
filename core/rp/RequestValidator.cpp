#include "RequestValidator.h"

#include "PersonalNumber.h"
#include "SimpleMarkdown.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QUrl>

namespace bankid {

namespace {

using Rule = ValidationError::Rule;

QString endpointLabel(Flow flow)
{
    return QLatin1Char('/') + endpointPath(flow);
}

/// An IPv4 dotted quad or an IPv6 literal. QHostAddress alone also takes shortened IPv4 forms ("127.1")
/// and IPv6 scope ids ("fe80::1%eth0"), neither of which is an address as a server sees it.
bool isIpAddress(const QString &text)
{
    static const QRegularExpression dottedQuad(QStringLiteral("^[0-9]{1,3}(\\.[0-9]{1,3}){3}$"));
    if (text.contains(QLatin1Char('%')))
        return false;
    QHostAddress address;
    if (!address.setAddress(text))
        return false;
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return dottedQuad.match(text).hasMatch();
    return address.protocol() == QAbstractSocket::IPv6Protocol;
}

bool isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes);
    Q_UNUSED(decoded)
    return !decoder.hasError();
}

/// Collects errors in wire member order.
class Checker
{
public:
    explicit Checker(const OrderRequest &request)
        : m_request(request)
        , m_flow(request.flow)
        , m_endpoint(endpointLabel(request.flow))
    {
    }

    QList<ValidationError> run()
    {
        checkPersonalNumber();
        checkEndUserIp();
        checkUserData();
        checkRequirement();
        checkDeviceAndReturn();
        checkPayment();
        return m_errors;
    }

private:
    void add(const QString &field, Rule rule, const QStringList &args = {})
    {
        m_errors.append(ValidationError(field, rule, args));
    }

    void required(const QString &field) { add(field, Rule::Required, {m_endpoint}); }
    void notAccepted(const QString &field) { add(field, Rule::NotAccepted, {m_endpoint}); }

    void maxLength(const QString &field, const QString &value, int max)
    {
        if (value.size() > max)
            add(field, Rule::TooLong, {ValidationError::groupDigits(value.size()), ValidationError::groupDigits(max)});
    }

    void personalNumber(const QString &field, const QString &value)
    {
        PersonalNumber::Rule failed = PersonalNumber::Rule::Ok;
        if (!PersonalNumber::parse(value, &failed))
            m_errors.append(ValidationError::personalNumber(field, failed));
    }

    void checkPersonalNumber()
    {
        const QString field = QStringLiteral("personalNumber");
        if (isPhoneFlow(m_flow)) {
            if (m_request.personalNumber.trimmed().isEmpty())
                required(field);
            else
                personalNumber(field, m_request.personalNumber);
        } else if (!m_request.personalNumber.isEmpty()) {
            // v6.0 removed the top-level personalNumber of /auth and /sign; requirement.personalNumber remains.
            notAccepted(field);
        }
    }

    void checkEndUserIp()
    {
        const QString field = QStringLiteral("endUserIp");
        if (isPhoneFlow(m_flow)) {
            if (!m_request.endUserIp.isEmpty())
                notAccepted(field);
            return;
        }
        if (m_request.endUserIp.isEmpty())
            required(field);
        else if (!isIpAddress(m_request.endUserIp))
            add(field, Rule::IpAddress, {m_request.endUserIp});
    }

    void checkUserData()
    {
        const QString visibleField = QStringLiteral("userVisibleData");
        const QByteArray &visible = m_request.userVisibleData;
        const bool visibleRequired = m_flow == Flow::Sign || m_flow == Flow::PhoneSign;
        if (visible.isEmpty()) {
            if (visibleRequired)
                required(visibleField);
            else if (m_request.userVisibleDataIsMarkdown)
                add(visibleField, Rule::RequiredWith, {QStringLiteral("userVisibleDataFormat")});
        } else if (!isUtf8(visible)) {
            add(visibleField, Rule::Utf8);
        } else {
            const qint64 encoded = RequestValidator::base64Length(visible.size());
            const int max = RequestValidator::maxUserVisibleDataLength(m_flow);
            if (encoded > max)
                add(visibleField, Rule::Base64TooLong,
                    {ValidationError::groupDigits(encoded), m_endpoint, ValidationError::groupDigits(max)});
            if (m_request.userVisibleDataIsMarkdown) {
                const SimpleMarkdown doc = SimpleMarkdown::parse(QString::fromUtf8(visible));
                if (!doc.isValid())
                    m_errors.append(ValidationError::markdown(visibleField, doc.issues().constFirst()));
            }
        }

        const QByteArray &nonVisible = m_request.userNonVisibleData;
        if (!nonVisible.isEmpty()) {
            const qint64 encoded = RequestValidator::base64Length(nonVisible.size());
            const int max = RequestValidator::maxUserNonVisibleDataLength(m_flow);
            if (encoded > max)
                add(QStringLiteral("userNonVisibleData"), Rule::Base64TooLong,
                    {ValidationError::groupDigits(encoded), m_endpoint, ValidationError::groupDigits(max)});
        }
    }

    void checkRequirement()
    {
        const Requirement &requirement = m_request.requirement;
        const bool phone = isPhoneFlow(m_flow);

        if (!requirement.cardReader.isEmpty()
            && !RequestValidator::cardReaderValues().contains(requirement.cardReader))
            add(QStringLiteral("requirement.cardReader"), Rule::AllowedValue,
                {requirement.cardReader, RequestValidator::cardReaderValues().join(QLatin1String(", "))});

        const QString policiesField = QStringLiteral("requirement.certificatePolicies");
        for (const QString &oid : requirement.certificatePolicies) {
            if (oid.trimmed().isEmpty())
                add(policiesField, Rule::Empty);
            else if (!RequestValidator::isValidCertificatePolicy(oid))
                add(policiesField, Rule::CertificatePolicy, {oid});
        }

        const QString pnrField = QStringLiteral("requirement.personalNumber");
        if (!requirement.personalNumber.isEmpty()) {
            if (phone)
                notAccepted(pnrField);
            else
                personalNumber(pnrField, requirement.personalNumber);
        }
        if (requirement.mrtd && phone)
            notAccepted(QStringLiteral("requirement.mrtd"));
    }

    void checkDeviceAndReturn()
    {
        const bool phone = isPhoneFlow(m_flow);
        const QString returnField = QStringLiteral("returnUrl");
        if (!m_request.returnUrl.isEmpty()) {
            if (phone) {
                notAccepted(returnField);
            } else if (m_request.returnUrl.size() > 512) {
                maxLength(returnField, m_request.returnUrl, 512);
            } else {
                const QUrl url(m_request.returnUrl, QUrl::StrictMode);
                if (!url.isValid() || url.isRelative() || url.host().isEmpty())
                    add(returnField, Rule::AbsoluteUrl);
            }
        }
        if (m_request.returnRisk && phone)
            notAccepted(QStringLiteral("returnRisk"));

        if (phone) {
            if (m_request.web)
                notAccepted(QStringLiteral("web"));
            if (m_request.app)
                notAccepted(QStringLiteral("app"));
            return;
        }
        if (m_request.web && m_request.app) {
            add(QStringLiteral("web"), Rule::WebAndApp);
            return;
        }
        if (m_request.web)
            checkWeb(*m_request.web);
        if (m_request.app)
            checkApp(*m_request.app);
    }

    void checkWeb(const WebDeviceData &web)
    {
        if (web.referringDomain.isEmpty() && web.userAgent.isEmpty() && web.deviceIdentifier.isEmpty()) {
            add(QStringLiteral("web"), Rule::NoDeviceMember);
            return;
        }
        const QString domainField = QStringLiteral("web.referringDomain");
        const QString &domain = web.referringDomain;
        if (!domain.isEmpty()) {
            static const QRegularExpression allowed(QStringLiteral("^[a-z0-9.-]+$"));
            if (domain.size() < 3)
                add(domainField, Rule::TooShort, {QString::number(domain.size()), QStringLiteral("3")});
            else if (domain.size() > 253)
                maxLength(domainField, domain, 253);
            else if (!allowed.match(domain).hasMatch())
                add(domainField, Rule::DomainCharacters);
        }
        maxLength(QStringLiteral("web.userAgent"), web.userAgent, 256);
        maxLength(QStringLiteral("web.deviceIdentifier"), web.deviceIdentifier, 64);
    }

    void checkApp(const AppDeviceData &app)
    {
        if (app.appIdentifier.isEmpty() && app.deviceOS.isEmpty() && app.deviceModelName.isEmpty()
            && app.deviceIdentifier.isEmpty()) {
            add(QStringLiteral("app"), Rule::NoDeviceMember);
            return;
        }
        maxLength(QStringLiteral("app.deviceIdentifier"), app.deviceIdentifier, 64);
    }

    void checkPayment()
    {
        if (m_flow != Flow::Payment) {
            if (m_request.userVisibleTransaction)
                notAccepted(QStringLiteral("userVisibleTransaction"));
            if (!m_request.riskFlags.isEmpty())
                notAccepted(QStringLiteral("riskFlags"));
            return;
        }
        if (!m_request.userVisibleTransaction) {
            required(QStringLiteral("userVisibleTransaction"));
        } else {
            const UserVisibleTransaction &transaction = *m_request.userVisibleTransaction;
            const QString typeField = QStringLiteral("userVisibleTransaction.transactionType");
            const QStringList types = RequestValidator::transactionTypeValues();
            if (transaction.transactionType.isEmpty())
                required(typeField);
            else if (!types.contains(transaction.transactionType))
                add(typeField, Rule::AllowedValue, {transaction.transactionType, types.join(QLatin1String(", "))});

            if (transaction.recipientName.trimmed().isEmpty())
                required(QStringLiteral("userVisibleTransaction.recipient.name"));

            const bool hasMoney = !transaction.amount.isEmpty() || !transaction.currency.isEmpty();
            if (hasMoney && transaction.transactionType == QLatin1String("npa")) {
                add(QStringLiteral("userVisibleTransaction.money"), Rule::MoneyForbidden);
            } else if (hasMoney) {
                checkMoney(transaction);
            }
        }

        const QStringList flags = RequestValidator::riskFlagValues();
        for (const QString &flag : m_request.riskFlags) {
            if (!flags.contains(flag))
                add(QStringLiteral("riskFlags"), Rule::AllowedValue, {flag, flags.join(QLatin1String(", "))});
        }
    }

    void checkMoney(const UserVisibleTransaction &transaction)
    {
        const QString amountField = QStringLiteral("userVisibleTransaction.money.amount");
        const QString currencyField = QStringLiteral("userVisibleTransaction.money.currency");
        static const QRegularExpression amount(QStringLiteral("^[0-9]+(,[0-9]{2})?$"));
        static const QRegularExpression currency(QStringLiteral("^[A-Z]{3}$"));
        if (transaction.amount.isEmpty())
            add(amountField, Rule::RequiredWith, {currencyField});
        else if (!amount.match(transaction.amount).hasMatch())
            add(amountField, Rule::AmountFormat, {transaction.amount});
        if (transaction.currency.isEmpty())
            add(currencyField, Rule::RequiredWith, {amountField});
        else if (!currency.match(transaction.currency).hasMatch())
            add(currencyField, Rule::CurrencyFormat, {transaction.currency});
    }

    const OrderRequest &m_request;
    Flow m_flow;
    QString m_endpoint;
    QList<ValidationError> m_errors;
};

} // namespace

std::optional<ValidationError> RequestValidator::validate(const OrderRequest &request)
{
    const QList<ValidationError> errors = validateAll(request);
    if (errors.isEmpty())
        return std::nullopt;
    return errors.constFirst();
}

QList<ValidationError> RequestValidator::validateAll(const OrderRequest &request)
{
    return Checker(request).run();
}

int RequestValidator::maxUserVisibleDataLength(Flow flow)
{
    switch (flow) {
    case Flow::Auth:
    case Flow::PhoneAuth: // UNCONFIRMED: phone/auth assumed to share the /auth limit
        return 1500;
    case Flow::Sign:
    case Flow::Payment:   // "/payment: same fields as /sign"
    case Flow::PhoneSign: // UNCONFIRMED: phone/sign assumed to share the /sign limit
        return 40000;
    }
    return 1500;
}

int RequestValidator::maxUserNonVisibleDataLength(Flow flow)
{
    switch (flow) {
    case Flow::Auth:
    case Flow::PhoneAuth: // UNCONFIRMED, as above
        return 1500;
    case Flow::Sign:
    case Flow::Payment:
    case Flow::PhoneSign: // UNCONFIRMED, as above
        return 200000;
    }
    return 1500;
}

QStringList RequestValidator::cardReaderValues()
{
    return {QStringLiteral("class1"), QStringLiteral("class2")};
}

QStringList RequestValidator::transactionTypeValues()
{
    return {QStringLiteral("card"), QStringLiteral("npa")};
}

QStringList RequestValidator::riskFlagValues()
{
    return {QStringLiteral("newCard"),
            QStringLiteral("newCustomer"),
            QStringLiteral("newRecipient"),
            QStringLiteral("highRiskRecipient"),
            QStringLiteral("largeAmount"),
            QStringLiteral("foreignCurrency"),
            QStringLiteral("cryptoCurrencyPurchase"),
            QStringLiteral("moneyTransfer"),
            QStringLiteral("overseasTransaction"),
            QStringLiteral("recurringPayment"),
            QStringLiteral("suspiciousPaymentPattern"),
            QStringLiteral("other")};
}

bool RequestValidator::isValidCertificatePolicy(const QString &oid)
{
    static const QRegularExpression number(QStringLiteral("^(0|[1-9][0-9]*)$"));
    const QStringList components = oid.split(QLatin1Char('.'));
    if (components.size() < 2)
        return false;
    for (qsizetype i = 0; i < components.size(); ++i) {
        const QString &component = components.at(i);
        if (component == QLatin1String("*")) {
            // Position i + 1 (1-based) must be 5 or later, and the wildcard ends the OID.
            if (i + 1 < 5 || i != components.size() - 1)
                return false;
            continue;
        }
        if (!number.match(component).hasMatch())
            return false;
    }
    return true;
}

} // namespace bankid
