#pragma once

// Typed model of the BankID RP API v6.0 (../shared/bankid-rp-api.md §2).
//
// Contract: request structs hold *decoded* values (userVisibleData is the UTF-8 text the person reads,
// userNonVisibleData the raw bytes); toJson() produces the exact wire body, base64-encoding where the API
// wants base64 and leaving out every unset optional field. fromJson() of responses is tolerant of unknown
// members (the API may add some) and keeps the raw object, but reports a missing or mistyped required
// member through its `error` out-parameter with the member's name.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace bankid {

/// Which order endpoint a request goes to.
enum class Flow {
    Auth,      ///< POST /auth
    Sign,      ///< POST /sign
    Payment,   ///< POST /payment
    PhoneAuth, ///< POST /phone/auth
    PhoneSign, ///< POST /phone/sign
};

/// "auth", "sign", "payment", "phone/auth", "phone/sign": the path below the API base URL.
QString endpointPath(Flow flow);
/// Parses the CLI/settings spelling: "auth", "sign", "payment", "phone-auth", "phone-sign".
std::optional<Flow> flowFromName(const QString &name);
QString flowName(Flow flow);
/// Phone flows have no QR code and no autostart token.
bool isPhoneFlow(Flow flow);

/// Who placed the phone call in /phone/auth and /phone/sign.
enum class CallInitiator {
    User, ///< "user": the person called the RP
    RP,   ///< "RP": the RP called the person
};

/// "user" or "RP", the wire spelling.
QString callInitiatorName(CallInitiator initiator);
/// Parses the wire spelling ("user", "RP"); nullopt for anything else.
std::optional<CallInitiator> callInitiatorFromName(const QString &name);

/// requirement{}: every member optional; an empty Requirement is left out of the body.
struct Requirement {
    std::optional<bool> pinCode;
    std::optional<bool> mrtd;
    QString cardReader;              ///< "", "class1" or "class2"
    QStringList certificatePolicies; ///< replaces all defaults when non-empty
    QString personalNumber;          ///< 12 digits; restricts who may complete the order

    bool isEmpty() const;
    QJsonObject toJson() const;
};

/// web{}: device data for an order started from a web page.
struct WebDeviceData {
    QString referringDomain;
    QString userAgent;
    QString deviceIdentifier;
    QJsonObject toJson() const;
};

/// app{}: device data for an order started from a native app (BankID Desk sends this one; UNCONFIRMED).
struct AppDeviceData {
    QString appIdentifier;
    QString deviceOS;
    QString deviceModelName;
    QString deviceIdentifier;
    QJsonObject toJson() const;
};

/// userVisibleTransaction{} of /payment.
struct UserVisibleTransaction {
    QString transactionType; ///< "card" or "npa"
    QString recipientName;   ///< recipient{name}, required
    QString amount;          ///< money{amount}, e.g. "1000,00"; empty = no money member
    QString currency;        ///< money{currency}, ISO 4217
    QString riskWarning;     ///< optional
    QJsonObject toJson() const;
};

/// One order request for any of the five order endpoints. Only the members that the flow accepts are
/// written by toJson(); RequestValidator rejects members set for a flow that does not take them.
struct OrderRequest {
    Flow flow = Flow::Auth;
    QString endUserIp;                 ///< auth, sign, payment (required there)
    QByteArray userVisibleData;        ///< UTF-8 text; base64-encoded on the wire
    QByteArray userNonVisibleData;     ///< raw bytes; base64-encoded on the wire
    bool userVisibleDataIsMarkdown = false; ///< userVisibleDataFormat = "simpleMarkdownV1"
    Requirement requirement;
    QString returnUrl;                 ///< auth, sign, payment
    bool returnRisk = false;           ///< auth, sign, payment
    std::optional<WebDeviceData> web;  ///< auth, sign, payment; never together with app
    std::optional<AppDeviceData> app;  ///< auth, sign, payment; never together with web
    std::optional<UserVisibleTransaction> userVisibleTransaction; ///< payment (required there)
    QStringList riskFlags;             ///< payment
    QString personalNumber;            ///< phone flows (required there)
    CallInitiator callInitiator = CallInitiator::User; ///< phone flows

    QJsonObject toJson() const;
};

/// Response of /auth, /sign, /payment (all four members) and of /phone/* (orderRef only).
struct OrderResponse {
    QString orderRef;
    QString autoStartToken;
    QString qrStartToken;
    QString qrStartSecret; ///< secret: never log it, never show it, never write it (toJson() leaves it out)

    /// Phone flows require only orderRef; the others require all four strings.
    static std::optional<OrderResponse> fromJson(const QJsonObject &json, Flow flow, QString *error);
    /// orderRef, autoStartToken and qrStartToken (empty members left out) for logs and JSON output; never
    /// qrStartSecret, which only QrContent may see.
    QJsonObject toJson() const;
};

/// collect status.
enum class CollectStatus {
    Pending,  ///< "pending": keep collecting every 2 s
    Failed,   ///< "failed": final, hintCode says why
    Complete, ///< "complete": final, completionData present
};

/// "pending", "failed", "complete".
QString collectStatusName(CollectStatus status);
/// Parses the wire spelling; nullopt for an unknown value.
std::optional<CollectStatus> collectStatusFromName(const QString &name);

/// completionData{} of a complete collect. Every member kept; unknown members stay in raw.
struct CompletionData {
    QString personalNumber;
    QString name;
    QString givenName;
    QString surname;
    QString deviceIpAddress;
    QString deviceUhi;
    QString bankIdIssueDate;        ///< "YYYY-MM-DD"
    std::optional<bool> stepUpMrtd; ///< present only when mrtd was required
    QString signature;              ///< base64 XMLDSig document
    QString ocspResponse;           ///< base64 DER OCSP response
    QString risk;                   ///< "low" / "moderate" / "high"; empty when not returned
    QJsonObject raw;

    static std::optional<CompletionData> fromJson(const QJsonObject &json, QString *error);
    /// The wire form from the typed members (empty members left out): `stepUp{mrtd}`, `user{...}`, ...
    QJsonObject toJson() const;
    /// The decoded usrVisibleData/usrNonVisibleData are found in the signature XML (issue 3/3).
};

/// Response of /collect. hintCode is kept verbatim (unknown codes tolerated).
struct CollectResponse {
    QString orderRef;
    CollectStatus status = CollectStatus::Pending;
    QString hintCode;                         ///< pending and failed only
    std::optional<CompletionData> completion; ///< complete only
    QJsonObject raw;

    static std::optional<CollectResponse> fromJson(const QJsonObject &json, QString *error);
    /// The wire form from the typed members; used by round-trip tests.
    QJsonObject toJson() const;
};

} // namespace bankid

Q_DECLARE_METATYPE(bankid::CompletionData)
Q_DECLARE_METATYPE(bankid::Flow)
