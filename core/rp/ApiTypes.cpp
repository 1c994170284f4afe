#include "ApiTypes.h"

#include "PersonalNumber.h"

#include <QJsonArray>
#include <QJsonValue>

namespace bankid {

namespace {

QString base64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

/// Reads members of one JSON object and writes the first problem into an error text of the form
/// "<context>: member '<path>' is missing", so a broken server reply names the exact member.
class JsonReader
{
public:
    JsonReader(const QJsonObject &object, QString context, QString pathPrefix, QString *error)
        : m_object(object)
        , m_context(std::move(context))
        , m_prefix(std::move(pathPrefix))
        , m_error(error)
    {
    }

    bool failed() const { return m_failed; }

    /// A required, non-empty string member.
    QString requiredString(const QString &name)
    {
        const QJsonValue value = m_object.value(name);
        if (value.isUndefined()) {
            fail(name, QStringLiteral("is missing"));
            return {};
        }
        if (!value.isString()) {
            fail(name, QStringLiteral("is not a string"));
            return {};
        }
        if (value.toString().isEmpty()) {
            fail(name, QStringLiteral("is empty"));
            return {};
        }
        return value.toString();
    }

    /// An optional string member: absent or null gives an empty string, any other non-string fails.
    QString optionalString(const QString &name)
    {
        const QJsonValue value = m_object.value(name);
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isString()) {
            fail(name, QStringLiteral("is not a string"));
            return {};
        }
        return value.toString();
    }

    std::optional<bool> optionalBool(const QString &name)
    {
        const QJsonValue value = m_object.value(name);
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        if (!value.isBool()) {
            fail(name, QStringLiteral("is not a boolean"));
            return std::nullopt;
        }
        return value.toBool();
    }

    /// An object member; nullopt (and, when \a required, a failure) when absent.
    std::optional<QJsonObject> object(const QString &name, bool required)
    {
        const QJsonValue value = m_object.value(name);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(name, QStringLiteral("is missing"));
            return std::nullopt;
        }
        if (!value.isObject()) {
            fail(name, QStringLiteral("is not an object"));
            return std::nullopt;
        }
        return value.toObject();
    }

    /// A reader for a nested object, reporting into the same error with a dotted path.
    JsonReader nested(const QJsonObject &object, const QString &name) const
    {
        return JsonReader(object, m_context, m_prefix + name + QLatin1Char('.'), m_error);
    }

    void fail(const QString &name, const QString &problem)
    {
        if (m_failed)
            return;
        m_failed = true;
        if (m_error)
            *m_error = m_context + QLatin1String(": member '") + m_prefix + name + QLatin1String("' ") + problem;
    }

    /// Propagates a failure of a nested reader to this one.
    void absorb(const JsonReader &other)
    {
        if (other.m_failed)
            m_failed = true;
    }

private:
    QJsonObject m_object;
    QString m_context;
    QString m_prefix;
    QString *m_error;
    bool m_failed = false;
};

void insertIfSet(QJsonObject &json, const QString &name, const QString &value)
{
    if (!value.isEmpty())
        json.insert(name, value);
}

} // namespace

QString endpointPath(Flow flow)
{
    switch (flow) {
    case Flow::Auth: return QStringLiteral("auth");
    case Flow::Sign: return QStringLiteral("sign");
    case Flow::Payment: return QStringLiteral("payment");
    case Flow::PhoneAuth: return QStringLiteral("phone/auth");
    case Flow::PhoneSign: return QStringLiteral("phone/sign");
    }
    return {};
}

QString flowName(Flow flow)
{
    switch (flow) {
    case Flow::Auth: return QStringLiteral("auth");
    case Flow::Sign: return QStringLiteral("sign");
    case Flow::Payment: return QStringLiteral("payment");
    case Flow::PhoneAuth: return QStringLiteral("phone-auth");
    case Flow::PhoneSign: return QStringLiteral("phone-sign");
    }
    return {};
}

std::optional<Flow> flowFromName(const QString &name)
{
    // The endpoint spelling ("phone/auth") is accepted too, so a path pasted from the API docs works.
    for (const Flow flow : {Flow::Auth, Flow::Sign, Flow::Payment, Flow::PhoneAuth, Flow::PhoneSign}) {
        if (name.compare(flowName(flow), Qt::CaseInsensitive) == 0
            || name.compare(endpointPath(flow), Qt::CaseInsensitive) == 0)
            return flow;
    }
    return std::nullopt;
}

bool isPhoneFlow(Flow flow)
{
    return flow == Flow::PhoneAuth || flow == Flow::PhoneSign;
}

QString callInitiatorName(CallInitiator initiator)
{
    return initiator == CallInitiator::RP ? QStringLiteral("RP") : QStringLiteral("user");
}

std::optional<CallInitiator> callInitiatorFromName(const QString &name)
{
    if (name == QLatin1String("user"))
        return CallInitiator::User;
    if (name == QLatin1String("RP"))
        return CallInitiator::RP;
    return std::nullopt;
}

QString collectStatusName(CollectStatus status)
{
    switch (status) {
    case CollectStatus::Pending: return QStringLiteral("pending");
    case CollectStatus::Failed: return QStringLiteral("failed");
    case CollectStatus::Complete: return QStringLiteral("complete");
    }
    return {};
}

std::optional<CollectStatus> collectStatusFromName(const QString &name)
{
    for (const CollectStatus status : {CollectStatus::Pending, CollectStatus::Failed, CollectStatus::Complete}) {
        if (name == collectStatusName(status))
            return status;
    }
    return std::nullopt;
}

bool Requirement::isEmpty() const
{
    return !pinCode && !mrtd && cardReader.isEmpty() && certificatePolicies.isEmpty() && personalNumber.isEmpty();
}

QJsonObject Requirement::toJson() const
{
    QJsonObject json;
    if (pinCode)
        json.insert(QStringLiteral("pinCode"), *pinCode);
    if (mrtd)
        json.insert(QStringLiteral("mrtd"), *mrtd);
    insertIfSet(json, QStringLiteral("cardReader"), cardReader);
    if (!certificatePolicies.isEmpty())
        json.insert(QStringLiteral("certificatePolicies"), QJsonArray::fromStringList(certificatePolicies));
    insertIfSet(json, QStringLiteral("personalNumber"), PersonalNumber::normalized(personalNumber));
    return json;
}

QJsonObject WebDeviceData::toJson() const
{
    QJsonObject json;
    insertIfSet(json, QStringLiteral("referringDomain"), referringDomain);
    insertIfSet(json, QStringLiteral("userAgent"), userAgent);
    insertIfSet(json, QStringLiteral("deviceIdentifier"), deviceIdentifier);
    return json;
}

QJsonObject AppDeviceData::toJson() const
{
    QJsonObject json;
    insertIfSet(json, QStringLiteral("appIdentifier"), appIdentifier);
    insertIfSet(json, QStringLiteral("deviceOS"), deviceOS);
    insertIfSet(json, QStringLiteral("deviceModelName"), deviceModelName);
    insertIfSet(json, QStringLiteral("deviceIdentifier"), deviceIdentifier);
    return json;
}

QJsonObject UserVisibleTransaction::toJson() const
{
    QJsonObject json;
    insertIfSet(json, QStringLiteral("transactionType"), transactionType);
    QJsonObject recipient;
    insertIfSet(recipient, QStringLiteral("name"), recipientName);
    json.insert(QStringLiteral("recipient"), recipient);
    if (!amount.isEmpty() || !currency.isEmpty()) {
        QJsonObject money;
        insertIfSet(money, QStringLiteral("amount"), amount);
        insertIfSet(money, QStringLiteral("currency"), currency);
        json.insert(QStringLiteral("money"), money);
    }
    insertIfSet(json, QStringLiteral("riskWarning"), riskWarning);
    return json;
}

QJsonObject OrderRequest::toJson() const
{
    QJsonObject json;
    const bool phone = isPhoneFlow(flow);

    if (phone) {
        insertIfSet(json, QStringLiteral("personalNumber"), PersonalNumber::normalized(personalNumber));
        json.insert(QStringLiteral("callInitiator"), callInitiatorName(callInitiator));
    } else {
        insertIfSet(json, QStringLiteral("endUserIp"), endUserIp);
    }

    if (!userVisibleData.isEmpty())
        json.insert(QStringLiteral("userVisibleData"), base64(userVisibleData));
    if (!userNonVisibleData.isEmpty())
        json.insert(QStringLiteral("userNonVisibleData"), base64(userNonVisibleData));
    if (userVisibleDataIsMarkdown)
        json.insert(QStringLiteral("userVisibleDataFormat"), QStringLiteral("simpleMarkdownV1"));

    QJsonObject requirementJson = requirement.toJson();
    if (phone) {
        // The phone endpoints take only these three requirement members (facts file §2).
        const QStringList phoneMembers{QStringLiteral("certificatePolicies"), QStringLiteral("pinCode"),
                                       QStringLiteral("cardReader")};
        for (const QString &key : requirementJson.keys()) {
            if (!phoneMembers.contains(key))
                requirementJson.remove(key);
        }
    }
    if (!requirementJson.isEmpty())
        json.insert(QStringLiteral("requirement"), requirementJson);

    if (!phone) {
        insertIfSet(json, QStringLiteral("returnUrl"), returnUrl);
        if (returnRisk)
            json.insert(QStringLiteral("returnRisk"), true);
        if (web)
            json.insert(QStringLiteral("web"), web->toJson());
        if (app)
            json.insert(QStringLiteral("app"), app->toJson());
    }

    if (flow == Flow::Payment) {
        if (userVisibleTransaction)
            json.insert(QStringLiteral("userVisibleTransaction"), userVisibleTransaction->toJson());
        if (!riskFlags.isEmpty())
            json.insert(QStringLiteral("riskFlags"), QJsonArray::fromStringList(riskFlags));
    }
    return json;
}

std::optional<OrderResponse> OrderResponse::fromJson(const QJsonObject &json, Flow flow, QString *error)
{
    JsonReader reader(json, QStringLiteral("%1 response").arg(endpointPath(flow)), QString(), error);
    OrderResponse response;
    response.orderRef = reader.requiredString(QStringLiteral("orderRef"));
    if (isPhoneFlow(flow)) {
        // Phone orders have no QR and no autostart; tolerate the members should a server send them.
        response.autoStartToken = reader.optionalString(QStringLiteral("autoStartToken"));
        response.qrStartToken = reader.optionalString(QStringLiteral("qrStartToken"));
        response.qrStartSecret = reader.optionalString(QStringLiteral("qrStartSecret"));
    } else {
        response.autoStartToken = reader.requiredString(QStringLiteral("autoStartToken"));
        response.qrStartToken = reader.requiredString(QStringLiteral("qrStartToken"));
        response.qrStartSecret = reader.requiredString(QStringLiteral("qrStartSecret"));
    }
    if (reader.failed())
        return std::nullopt;
    return response;
}

QJsonObject OrderResponse::toJson() const
{
    QJsonObject json;
    insertIfSet(json, QStringLiteral("orderRef"), orderRef);
    insertIfSet(json, QStringLiteral("autoStartToken"), autoStartToken);
    insertIfSet(json, QStringLiteral("qrStartToken"), qrStartToken);
    return json;
}

namespace {

std::optional<CompletionData> completionFromJson(const QJsonObject &json, JsonReader &parent, const QString &context,
                                                 const QString &prefix, QString *error)
{
    JsonReader reader(json, context, prefix, error);
    CompletionData data;

    if (const auto user = reader.object(QStringLiteral("user"), true)) {
        JsonReader userReader = reader.nested(*user, QStringLiteral("user"));
        data.personalNumber = userReader.requiredString(QStringLiteral("personalNumber"));
        data.name = userReader.requiredString(QStringLiteral("name"));
        data.givenName = userReader.requiredString(QStringLiteral("givenName"));
        data.surname = userReader.requiredString(QStringLiteral("surname"));
        reader.absorb(userReader);
    }
    if (const auto device = reader.object(QStringLiteral("device"), true)) {
        JsonReader deviceReader = reader.nested(*device, QStringLiteral("device"));
        data.deviceIpAddress = deviceReader.requiredString(QStringLiteral("ipAddress"));
        data.deviceUhi = deviceReader.optionalString(QStringLiteral("uhi"));
        reader.absorb(deviceReader);
    }
    data.bankIdIssueDate = reader.optionalString(QStringLiteral("bankIdIssueDate"));
    // The official sample spells this "setUp"; every independent client uses "stepUp" (facts file §2).
    if (const auto stepUp = reader.object(QStringLiteral("stepUp"), false)) {
        JsonReader stepUpReader = reader.nested(*stepUp, QStringLiteral("stepUp"));
        data.stepUpMrtd = stepUpReader.optionalBool(QStringLiteral("mrtd"));
        reader.absorb(stepUpReader);
    }
    data.signature = reader.requiredString(QStringLiteral("signature"));
    data.ocspResponse = reader.requiredString(QStringLiteral("ocspResponse"));
    data.risk = reader.optionalString(QStringLiteral("risk"));

    parent.absorb(reader);
    if (reader.failed())
        return std::nullopt;
    data.raw = json;
    return data;
}

} // namespace

std::optional<CompletionData> CompletionData::fromJson(const QJsonObject &json, QString *error)
{
    JsonReader top(json, QStringLiteral("completionData"), QString(), error);
    return completionFromJson(json, top, QStringLiteral("completionData"), QString(), error);
}

QJsonObject CompletionData::toJson() const
{
    QJsonObject user;
    insertIfSet(user, QStringLiteral("personalNumber"), personalNumber);
    insertIfSet(user, QStringLiteral("name"), name);
    insertIfSet(user, QStringLiteral("givenName"), givenName);
    insertIfSet(user, QStringLiteral("surname"), surname);
    QJsonObject device;
    insertIfSet(device, QStringLiteral("ipAddress"), deviceIpAddress);
    insertIfSet(device, QStringLiteral("uhi"), deviceUhi);

    QJsonObject json;
    json.insert(QStringLiteral("user"), user);
    json.insert(QStringLiteral("device"), device);
    insertIfSet(json, QStringLiteral("bankIdIssueDate"), bankIdIssueDate);
    if (stepUpMrtd)
        json.insert(QStringLiteral("stepUp"), QJsonObject{{QStringLiteral("mrtd"), *stepUpMrtd}});
    insertIfSet(json, QStringLiteral("signature"), signature);
    insertIfSet(json, QStringLiteral("ocspResponse"), ocspResponse);
    insertIfSet(json, QStringLiteral("risk"), risk);
    return json;
}

std::optional<CollectResponse> CollectResponse::fromJson(const QJsonObject &json, QString *error)
{
    const QString context = QStringLiteral("collect response");
    JsonReader reader(json, context, QString(), error);
    CollectResponse response;
    response.orderRef = reader.requiredString(QStringLiteral("orderRef"));
    const QString statusText = reader.requiredString(QStringLiteral("status"));
    if (reader.failed())
        return std::nullopt;

    const auto status = collectStatusFromName(statusText);
    if (!status) {
        reader.fail(QStringLiteral("status"), QStringLiteral("has unknown value '%1'").arg(statusText));
        return std::nullopt;
    }
    response.status = *status;

    if (response.status == CollectStatus::Complete) {
        if (const auto completion = reader.object(QStringLiteral("completionData"), true))
            response.completion = completionFromJson(*completion, reader, context, QStringLiteral("completionData."),
                                                     error);
    } else {
        // Kept verbatim: unknown hint codes are legal and map to RFA21/RFA22 (facts file §3). A pending
        // answer without one is tolerated (an unknown pending hint: RFA21); a failed one must say why.
        response.hintCode = response.status == CollectStatus::Pending ? reader.optionalString(QStringLiteral("hintCode"))
                                                                      : reader.requiredString(QStringLiteral("hintCode"));
    }
    if (reader.failed())
        return std::nullopt;
    response.raw = json;
    return response;
}

QJsonObject CollectResponse::toJson() const
{
    QJsonObject json;
    insertIfSet(json, QStringLiteral("orderRef"), orderRef);
    json.insert(QStringLiteral("status"), collectStatusName(status));
    if (status != CollectStatus::Complete)
        insertIfSet(json, QStringLiteral("hintCode"), hintCode);
    if (completion)
        json.insert(QStringLiteral("completionData"), completion->toJson());
    return json;
}

} // namespace bankid
