// Harness order_request: an order request as an operator, a script (bankid-cli --json) or a saved form can
// describe it. The input is read as the wire JSON body of /auth, /sign, /payment, /phone/auth and /phone/sign
// (base64 members decoded, as OrderRequest holds decoded values; a member that is not base64 is taken as the
// text itself) and the same OrderRequest is validated for each of the five flows with
// RequestValidator::validate() / validateAll(); simpleMarkdownV1 text goes through SimpleMarkdown there.
// Checks: validate() is validateAll()'s first entry; every error names a field and has a message; a request
// that passes has a wire form; certificate policies are judged the same alone and inside a request.
#include "FuzzSupport.h"

#include "ApiTypes.h"
#include "RequestValidator.h"

#include <QJsonArray>

using namespace bankid;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

namespace {

QString text(const QJsonObject &json, const char *key)
{
    return json.value(QLatin1String(key)).toString();
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &entry : value.toArray())
        list.append(entry.toString());
    return list;
}

/// A base64 member decoded (strict), else the member's UTF-8 bytes: both are requests an operator can make.
QByteArray decodedData(const QJsonObject &json, const char *key)
{
    const QByteArray raw = text(json, key).toUtf8();
    const auto decoded = QByteArray::fromBase64Encoding(raw, QByteArray::AbortOnBase64DecodingErrors);
    return decoded ? *decoded : raw;
}

std::optional<bool> optionalBool(const QJsonValue &value)
{
    return value.isBool() ? std::optional<bool>(value.toBool()) : std::nullopt;
}

OrderRequest requestFromWire(const QJsonObject &json)
{
    OrderRequest request;
    request.endUserIp = text(json, "endUserIp");
    request.userVisibleData = decodedData(json, "userVisibleData");
    request.userNonVisibleData = decodedData(json, "userNonVisibleData");
    request.userVisibleDataIsMarkdown = json.contains(QLatin1String("userVisibleDataFormat"));
    const QJsonObject requirement = json.value(QLatin1String("requirement")).toObject();
    request.requirement.pinCode = optionalBool(requirement.value(QLatin1String("pinCode")));
    request.requirement.mrtd = optionalBool(requirement.value(QLatin1String("mrtd")));
    request.requirement.cardReader = text(requirement, "cardReader");
    request.requirement.certificatePolicies = strings(requirement.value(QLatin1String("certificatePolicies")));
    request.requirement.personalNumber = text(requirement, "personalNumber");
    request.returnUrl = text(json, "returnUrl");
    request.returnRisk = json.value(QLatin1String("returnRisk")).toBool();
    if (json.contains(QLatin1String("web"))) {
        const QJsonObject web = json.value(QLatin1String("web")).toObject();
        request.web = WebDeviceData{text(web, "referringDomain"), text(web, "userAgent"), text(web, "deviceIdentifier")};
    }
    if (json.contains(QLatin1String("app"))) {
        const QJsonObject app = json.value(QLatin1String("app")).toObject();
        request.app = AppDeviceData{text(app, "appIdentifier"), text(app, "deviceOS"), text(app, "deviceModelName"),
                                    text(app, "deviceIdentifier")};
    }
    if (json.contains(QLatin1String("userVisibleTransaction"))) {
        const QJsonObject transaction = json.value(QLatin1String("userVisibleTransaction")).toObject();
        const QJsonObject money = transaction.value(QLatin1String("money")).toObject();
        request.userVisibleTransaction = UserVisibleTransaction{
            text(transaction, "transactionType"),
            text(transaction.value(QLatin1String("recipient")).toObject(), "name"),
            text(money, "amount"), text(money, "currency"), text(transaction, "riskWarning")};
    }
    request.riskFlags = strings(json.value(QLatin1String("riskFlags")));
    request.personalNumber = text(json, "personalNumber");
    request.callInitiator = callInitiatorFromName(text(json, "callInitiator")).value_or(CallInitiator::User);
    return request;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto json = fuzz::jsonObject(fuzz::bytes(data, size));
    if (!json)
        return 0;
    OrderRequest request = requestFromWire(*json);

    bool somePolicyInvalid = false;
    for (const QString &policy : request.requirement.certificatePolicies)
        somePolicyInvalid = somePolicyInvalid || !RequestValidator::isValidCertificatePolicy(policy);

    for (const Flow flow : {Flow::Auth, Flow::Sign, Flow::Payment, Flow::PhoneAuth, Flow::PhoneSign}) {
        request.flow = flow;
        const auto first = RequestValidator::validate(request);
        const QList<ValidationError> all = RequestValidator::validateAll(request);
        FUZZ_EXPECT(first.has_value() == !all.isEmpty());
        if (first) {
            FUZZ_EXPECT(first->field() == all.first().field());
            FUZZ_EXPECT(first->rule() == all.first().rule());
        }
        for (const ValidationError &error : all) {
            FUZZ_EXPECT(!error.field().isEmpty());
            FUZZ_EXPECT(!error.message().isEmpty());
        }
        if (!first) {
            FUZZ_EXPECT(!somePolicyInvalid);
            FUZZ_EXPECT(!request.toJson().isEmpty());
            FUZZ_EXPECT(RequestValidator::base64Length(request.userVisibleData.size())
                        <= RequestValidator::maxUserVisibleDataLength(flow));
        }
    }
    return 0;
}
