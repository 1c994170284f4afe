#include "ParameterValidator.h"

#include "TestPerson.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

#include <arpa/inet.h>

namespace bankid::sim {

namespace {

/// The characters of an IPv4 or IPv6 address text (no zone ids).
bool isIpAddressCharacter(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F') || c == u'.' || c == u':';
}

using Members = QSet<QString>;

// Limits of facts §2: {userVisibleData max, userNonVisibleData max} as lengths of the base64 text.
constexpr int authVisibleMax = 1500;
constexpr int authNonVisibleMax = 1500;
constexpr int signVisibleMax = 40000;
constexpr int signNonVisibleMax = 200000;

class Checker
{
public:
    explicit Checker(QString *details)
        : m_details(details)
    {
    }

    bool fail(const QString &text)
    {
        if (m_details)
            *m_details = text;
        return false;
    }

    bool onlyKnown(const QJsonObject &object, const Members &allowed, const QString &prefix)
    {
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!allowed.contains(it.key()))
                return fail(prefix + it.key() + QStringLiteral(": unknown member (not allowed here)"));
        }
        return true;
    }

    bool string(const QJsonObject &object, const QString &key, const QString &path, bool required, QString *out)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return required ? fail(path + QStringLiteral(": missing (required)")) : true;
        if (!value.isString())
            return fail(path + QStringLiteral(": must be a string"));
        *out = value.toString();
        return true;
    }

    bool boolean(const QJsonObject &object, const QString &key, const QString &path, bool *out)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return true;
        if (!value.isBool())
            return fail(path + QStringLiteral(": must be true or false"));
        *out = value.toBool();
        return true;
    }

    bool base64Data(const QJsonObject &object, const QString &key, bool required, int maxLength, bool utf8,
                    QByteArray *out)
    {
        QString text;
        if (!string(object, key, key, required, &text))
            return false;
        if (!object.contains(key))
            return true;
        if (text.isEmpty())
            return fail(key + QStringLiteral(": must not be empty (1..") + QString::number(maxLength)
                        + QStringLiteral(" characters of base64)"));
        if (text.size() > maxLength)
            return fail(key + QStringLiteral(": too long: ") + QString::number(text.size())
                        + QStringLiteral(" characters of base64, the limit is ") + QString::number(maxLength));
        if (!ParameterValidator::isBase64(text))
            return fail(key + QStringLiteral(": not valid base64"));
        *out = text.toLatin1();
        if (utf8) {
            QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QString decoded = decoder(QByteArray::fromBase64(*out));
            if (decoder.hasError())
                return fail(key + QStringLiteral(": the decoded text is not valid UTF-8"));
        }
        return true;
    }

    bool personalNumber(const QString &value, const QString &path)
    {
        if (!TestPerson::isWellFormed(value))
            return fail(path + QStringLiteral(": must be 12 digits (YYYYMMDDNNNN), got ") + QString::number(value.size())
                        + QStringLiteral(" characters"));
        // Whether BankID validates the Luhn check digit is UNCONFIRMED (facts §8), so it is not enforced here.
        return true;
    }

    bool requirement(const QJsonObject &body, bool phone, OrderRequest *request)
    {
        const QJsonValue value = body.value(QStringLiteral("requirement"));
        if (value.isUndefined())
            return true;
        if (!value.isObject())
            return fail(QStringLiteral("requirement: must be an object"));
        const QJsonObject requirement = value.toObject();
        // requirement.risk was removed by BankID in 2025 (facts §2) but the official sample still sends it;
        // accepting and ignoring it is a guess (UNCONFIRMED).
        const Members allowed = phone ? Members{QStringLiteral("certificatePolicies"), QStringLiteral("pinCode"),
                                                QStringLiteral("cardReader")}
                                      : Members{QStringLiteral("certificatePolicies"), QStringLiteral("pinCode"),
                                                QStringLiteral("cardReader"), QStringLiteral("mrtd"),
                                                QStringLiteral("personalNumber"), QStringLiteral("risk")};
        if (!onlyKnown(requirement, allowed, QStringLiteral("requirement.")))
            return false;
        bool flag = false;
        if (!boolean(requirement, QStringLiteral("pinCode"), QStringLiteral("requirement.pinCode"), &flag))
            return false;
        if (!boolean(requirement, QStringLiteral("mrtd"), QStringLiteral("requirement.mrtd"), &request->mrtd))
            return false;
        QString text;
        if (!string(requirement, QStringLiteral("cardReader"), QStringLiteral("requirement.cardReader"), false, &text))
            return false;
        if (requirement.contains(QStringLiteral("cardReader")) && text != QLatin1String("class1")
            && text != QLatin1String("class2"))
            return fail(QStringLiteral("requirement.cardReader: must be \"class1\" or \"class2\""));
        if (requirement.contains(QStringLiteral("personalNumber"))) {
            if (!string(requirement, QStringLiteral("personalNumber"), QStringLiteral("requirement.personalNumber"),
                        true, &request->personalNumber)
                || !personalNumber(request->personalNumber, QStringLiteral("requirement.personalNumber")))
                return false;
        }
        if (requirement.contains(QStringLiteral("risk"))) {
            if (!string(requirement, QStringLiteral("risk"), QStringLiteral("requirement.risk"), true, &text))
                return false;
            const QString risk = text.toLower();
            if (risk != QLatin1String("low") && risk != QLatin1String("moderate"))
                return fail(QStringLiteral("requirement.risk: must be \"low\" or \"moderate\""));
        }
        const QJsonValue policies = requirement.value(QStringLiteral("certificatePolicies"));
        if (!policies.isUndefined()) {
            if (!policies.isArray() || policies.toArray().isEmpty())
                return fail(QStringLiteral("requirement.certificatePolicies: must be a non-empty array of OIDs"));
            static const QRegularExpression oid(QStringLiteral("^[0-9]+(\\.([0-9]+|\\*))+$"));
            for (const QJsonValue &policy : policies.toArray()) {
                const QString p = policy.toString();
                const int star = int(p.indexOf(QLatin1Char('*')));
                if (!policy.isString() || !oid.match(p).hasMatch() || p.count(QLatin1Char('*')) > 1
                    || (star >= 0 && (star < 4 || star != p.size() - 1)))
                    return fail(QStringLiteral("requirement.certificatePolicies: \"") + p
                                + QStringLiteral("\" is not an OID (one trailing * allowed from position 5)"));
            }
        }
        return true;
    }

    bool deviceData(const QJsonObject &body)
    {
        const bool hasWeb = body.contains(QStringLiteral("web"));
        const bool hasApp = body.contains(QStringLiteral("app"));
        if (hasWeb && hasApp)
            return fail(QStringLiteral("web, app: send one of them, never both"));
        if (hasWeb) {
            const QJsonValue value = body.value(QStringLiteral("web"));
            if (!value.isObject())
                return fail(QStringLiteral("web: must be an object"));
            const QJsonObject web = value.toObject();
            if (!onlyKnown(web,
                           {QStringLiteral("referringDomain"), QStringLiteral("userAgent"),
                            QStringLiteral("deviceIdentifier")},
                           QStringLiteral("web.")))
                return false;
            if (!filledStrings(web, QStringLiteral("web")))
                return false;
            QString text;
            static const QRegularExpression domain(QStringLiteral("^[a-z0-9.-]{3,253}$"));
            if (web.contains(QStringLiteral("referringDomain"))) {
                text = web.value(QStringLiteral("referringDomain")).toString();
                if (!domain.match(text).hasMatch())
                    return fail(QStringLiteral("web.referringDomain: must be 3..253 characters of a-z 0-9 . - "
                                               "(punycode for other letters)"));
            }
            if (web.value(QStringLiteral("userAgent")).toString().size() > 256)
                return fail(QStringLiteral("web.userAgent: too long, the limit is 256 characters"));
            if (web.value(QStringLiteral("deviceIdentifier")).toString().size() > 64)
                return fail(QStringLiteral("web.deviceIdentifier: too long, the limit is 64 characters"));
        }
        if (hasApp) {
            const QJsonValue value = body.value(QStringLiteral("app"));
            if (!value.isObject())
                return fail(QStringLiteral("app: must be an object"));
            const QJsonObject app = value.toObject();
            if (!onlyKnown(app,
                           {QStringLiteral("appIdentifier"), QStringLiteral("deviceOS"),
                            QStringLiteral("deviceModelName"), QStringLiteral("deviceIdentifier")},
                           QStringLiteral("app.")))
                return false;
            if (!filledStrings(app, QStringLiteral("app")))
                return false;
            if (app.value(QStringLiteral("deviceIdentifier")).toString().size() > 64)
                return fail(QStringLiteral("app.deviceIdentifier: too long, the limit is 64 characters"));
        }
        return true;
    }

    // web/app: every member a string, at least one of them non-empty.
    bool filledStrings(const QJsonObject &object, const QString &name)
    {
        bool anyFilled = false;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!it.value().isString())
                return fail(name + QLatin1Char('.') + it.key() + QStringLiteral(": must be a string"));
            anyFilled = anyFilled || !it.value().toString().isEmpty();
        }
        return anyFilled ? true : fail(name + QStringLiteral(": at least one member must be filled"));
    }

    bool transaction(const QJsonObject &body)
    {
        const QJsonValue value = body.value(QStringLiteral("userVisibleTransaction"));
        if (value.isUndefined())
            return fail(QStringLiteral("userVisibleTransaction: missing (required)"));
        if (!value.isObject())
            return fail(QStringLiteral("userVisibleTransaction: must be an object"));
        const QJsonObject transaction = value.toObject();
        if (!onlyKnown(transaction,
                       {QStringLiteral("transactionType"), QStringLiteral("recipient"), QStringLiteral("money"),
                        QStringLiteral("riskWarning")},
                       QStringLiteral("userVisibleTransaction.")))
            return false;
        QString type;
        if (!string(transaction, QStringLiteral("transactionType"), QStringLiteral("userVisibleTransaction.transactionType"),
                    true, &type))
            return false;
        if (type != QLatin1String("card") && type != QLatin1String("npa"))
            return fail(QStringLiteral("userVisibleTransaction.transactionType: must be \"card\" or \"npa\""));
        const QJsonValue recipient = transaction.value(QStringLiteral("recipient"));
        if (recipient.isUndefined())
            return fail(QStringLiteral("userVisibleTransaction.recipient: missing (required)"));
        if (!recipient.isObject())
            return fail(QStringLiteral("userVisibleTransaction.recipient: must be an object"));
        if (!onlyKnown(recipient.toObject(), {QStringLiteral("name")}, QStringLiteral("userVisibleTransaction.recipient.")))
            return false;
        QString name;
        if (!string(recipient.toObject(), QStringLiteral("name"), QStringLiteral("userVisibleTransaction.recipient.name"),
                    true, &name))
            return false;
        if (name.trimmed().isEmpty())
            return fail(QStringLiteral("userVisibleTransaction.recipient.name: must not be empty"));
        const QJsonValue money = transaction.value(QStringLiteral("money"));
        if (!money.isUndefined()) {
            if (type == QLatin1String("npa"))
                return fail(QStringLiteral("userVisibleTransaction.money: not allowed for transactionType \"npa\""));
            if (!money.isObject())
                return fail(QStringLiteral("userVisibleTransaction.money: must be an object"));
            const QJsonObject m = money.toObject();
            if (!onlyKnown(m, {QStringLiteral("amount"), QStringLiteral("currency")},
                           QStringLiteral("userVisibleTransaction.money.")))
                return false;
            QString amount;
            QString currency;
            if (!string(m, QStringLiteral("amount"), QStringLiteral("userVisibleTransaction.money.amount"), true, &amount)
                || !string(m, QStringLiteral("currency"), QStringLiteral("userVisibleTransaction.money.currency"), true,
                           &currency))
                return false;
            static const QRegularExpression amountPattern(QStringLiteral("^[0-9]+(,[0-9]{1,2})?$"));
            if (!amountPattern.match(amount).hasMatch())
                return fail(QStringLiteral("userVisibleTransaction.money.amount: must look like \"1000,00\" "
                                           "(digits, optionally ',' and 1-2 decimals; ',' is the only separator)"));
            static const QRegularExpression currencyPattern(QStringLiteral("^[A-Z]{3}$"));
            if (!currencyPattern.match(currency).hasMatch())
                return fail(QStringLiteral("userVisibleTransaction.money.currency: must be an ISO 4217 code such as "
                                           "\"SEK\""));
        }
        QString warning;
        if (!string(transaction, QStringLiteral("riskWarning"), QStringLiteral("userVisibleTransaction.riskWarning"), false,
                    &warning))
            return false;
        return true;
    }

    bool riskFlags(const QJsonObject &body)
    {
        const QJsonValue value = body.value(QStringLiteral("riskFlags"));
        if (value.isUndefined())
            return true;
        if (!value.isArray())
            return fail(QStringLiteral("riskFlags: must be an array of strings"));
        static const Members known = {
            QStringLiteral("newCard"),           QStringLiteral("newCustomer"),
            QStringLiteral("newRecipient"),      QStringLiteral("highRiskRecipient"),
            QStringLiteral("largeAmount"),       QStringLiteral("foreignCurrency"),
            QStringLiteral("cryptoCurrencyPurchase"), QStringLiteral("moneyTransfer"),
            QStringLiteral("overseasTransaction"), QStringLiteral("recurringPayment"),
            QStringLiteral("suspiciousPaymentPattern"), QStringLiteral("other")};
        for (const QJsonValue &flag : value.toArray()) {
            if (!flag.isString() || !known.contains(flag.toString()))
                return fail(QStringLiteral("riskFlags: unknown flag \"") + flag.toString() + QLatin1Char('"'));
        }
        return true;
    }

private:
    QString *m_details;
};

} // namespace

bool ParameterValidator::isBase64(const QString &text)
{
    if (text.isEmpty() || text.size() % 4 != 0)
        return false;
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = text.at(i).unicode();
        const bool alphabet = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')
                              || c == u'+' || c == u'/';
        if (alphabet)
            continue;
        // '=' only as the last one or two characters.
        if (c == u'=' && (i == size - 1 || (i == size - 2 && text.at(size - 1) == QLatin1Char('='))))
            continue;
        return false;
    }
    return true;
}

bool ParameterValidator::isIpAddress(const QString &text)
{
    // inet_pton reads a C string: a NUL (or anything after it) must not get past this check, so only the
    // characters an address can hold are let through, and at most the length of the longest IPv6 text.
    if (text.isEmpty() || text.size() > 45)
        return false;
    for (const QChar c : text) {
        if (!isIpAddressCharacter(c))
            return false;
    }
    const QByteArray ascii = text.toLatin1();
    unsigned char buffer[16];
    if (ascii.contains(':'))
        return inet_pton(AF_INET6, ascii.constData(), buffer) == 1;
    return inet_pton(AF_INET, ascii.constData(), buffer) == 1;
}

std::optional<OrderRequest> ParameterValidator::validateOrder(OrderKind kind, const QJsonObject &body, QString *details)
{
    Checker check(details);
    OrderRequest request;
    request.kind = kind;
    const bool phone = isPhoneKind(kind);
    Members allowed = {QStringLiteral("userVisibleData"), QStringLiteral("userNonVisibleData"),
                       QStringLiteral("userVisibleDataFormat"), QStringLiteral("requirement")};
    if (phone) {
        allowed += Members{QStringLiteral("personalNumber"), QStringLiteral("callInitiator")};
    } else {
        allowed += Members{QStringLiteral("endUserIp"), QStringLiteral("returnUrl"), QStringLiteral("returnRisk"),
                           QStringLiteral("web"), QStringLiteral("app")};
    }
    if (kind == OrderKind::Payment)
        allowed += Members{QStringLiteral("userVisibleTransaction"), QStringLiteral("riskFlags")};
    if (!check.onlyKnown(body, allowed, QString()))
        return std::nullopt;

    const bool authLimits = kind == OrderKind::Auth || kind == OrderKind::PhoneAuth;
    const bool visibleRequired = kind == OrderKind::Sign || kind == OrderKind::PhoneSign;
    if (!check.base64Data(body, QStringLiteral("userVisibleData"), visibleRequired,
                          authLimits ? authVisibleMax : signVisibleMax, true, &request.userVisibleData)
        || !check.base64Data(body, QStringLiteral("userNonVisibleData"), false,
                             authLimits ? authNonVisibleMax : signNonVisibleMax, false, &request.userNonVisibleData))
        return std::nullopt;
    QString text;
    if (!check.string(body, QStringLiteral("userVisibleDataFormat"), QStringLiteral("userVisibleDataFormat"), false, &text))
        return std::nullopt;
    // "plaintext" appears only in third-party code (facts §1, UNCONFIRMED), so only simpleMarkdownV1 passes.
    if (body.contains(QStringLiteral("userVisibleDataFormat")) && text != QLatin1String("simpleMarkdownV1")) {
        check.fail(QStringLiteral("userVisibleDataFormat: must be \"simpleMarkdownV1\""));
        return std::nullopt;
    }
    if (body.contains(QStringLiteral("userVisibleDataFormat")) && !body.contains(QStringLiteral("userVisibleData"))) {
        check.fail(QStringLiteral("userVisibleDataFormat: given without userVisibleData"));
        return std::nullopt;
    }
    // Checked above: only "simpleMarkdownV1" passes, so the member's presence says the text is markdown.
    request.userVisibleDataIsMarkdown = body.contains(QStringLiteral("userVisibleDataFormat"));
    if (!check.requirement(body, phone, &request))
        return std::nullopt;

    if (phone) {
        if (!check.string(body, QStringLiteral("personalNumber"), QStringLiteral("personalNumber"), true,
                          &request.personalNumber)
            || !check.personalNumber(request.personalNumber, QStringLiteral("personalNumber")))
            return std::nullopt;
        if (!check.string(body, QStringLiteral("callInitiator"), QStringLiteral("callInitiator"), true, &text))
            return std::nullopt;
        if (text != QLatin1String("user") && text != QLatin1String("RP")) {
            check.fail(QStringLiteral("callInitiator: must be \"user\" or \"RP\""));
            return std::nullopt;
        }
        return request;
    }

    if (!check.string(body, QStringLiteral("endUserIp"), QStringLiteral("endUserIp"), true, &request.endUserIp))
        return std::nullopt;
    if (!isIpAddress(request.endUserIp)) {
        // Echo at most 64 characters, and of those only the ones an address can hold (others as '?'): the
        // error text never carries a NUL or markup back to the caller.
        QString shown = request.endUserIp.left(64);
        for (QChar &c : shown) {
            if (!isIpAddressCharacter(c))
                c = u'?';
        }
        check.fail(QStringLiteral("endUserIp: \"") + shown + QStringLiteral("\" is not an IPv4 or IPv6 address"));
        return std::nullopt;
    }
    if (!check.string(body, QStringLiteral("returnUrl"), QStringLiteral("returnUrl"), false, &text))
        return std::nullopt;
    if (body.contains(QStringLiteral("returnUrl")) && (text.isEmpty() || text.size() > 512)) {
        check.fail(QStringLiteral("returnUrl: must be 1..512 characters, got ") + QString::number(text.size()));
        return std::nullopt;
    }
    if (!check.boolean(body, QStringLiteral("returnRisk"), QStringLiteral("returnRisk"), &request.returnRisk)
        || !check.deviceData(body))
        return std::nullopt;
    if (kind == OrderKind::Payment && (!check.transaction(body) || !check.riskFlags(body)))
        return std::nullopt;
    return request;
}

std::optional<QByteArray> ParameterValidator::validateOrderRef(const QJsonObject &body, QString *details)
{
    Checker check(details);
    if (!check.onlyKnown(body, {QStringLiteral("orderRef")}, QString()))
        return std::nullopt;
    QString orderRef;
    if (!check.string(body, QStringLiteral("orderRef"), QStringLiteral("orderRef"), true, &orderRef))
        return std::nullopt;
    if (orderRef.isEmpty() || orderRef.size() > 64) {
        check.fail(QStringLiteral("orderRef: must be a non-empty order reference"));
        return std::nullopt;
    }
    return orderRef.toLatin1();
}

std::optional<QByteArray> ParameterValidator::validateIdCardQrCode(const QJsonObject &body, QString *details)
{
    Checker check(details);
    if (!check.onlyKnown(body, {QStringLiteral("qrCode")}, QString()))
        return std::nullopt;
    const QJsonValue value = body.value(QStringLiteral("qrCode"));
    const QString code = value.toString();
    bool clean = value.isString() && code.startsWith(QLatin1String("BANKIDF.")) && code.size() <= idCardQrCodeMax;
    for (const QChar c : code)
        clean = clean && c.unicode() > 0x20 && c.unicode() < 0x7f; // printable ASCII: no whitespace or controls
    if (!clean) {
        check.fail(QStringLiteral("Invalid qrCode"));
        return std::nullopt;
    }
    return code.toLatin1();
}

} // namespace bankid::sim
