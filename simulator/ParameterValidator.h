#pragma once

#include "Order.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace bankid::sim {

// Validates RP API request bodies exactly as facts §2 describes them, and names the offending field.
//
// Contract: every rule violation yields nullopt and a `details` sentence that starts with the field's JSON
// path (e.g. "requirement.personalNumber: must be 12 digits (YYYYMMDDNNNN)"), which the server sends as
// {"errorCode":"invalidParameters","details":...}. Unknown members (top level and inside requirement, web,
// app, userVisibleTransaction) are rejected.
//
//     QString details;
//     const auto request = ParameterValidator::validateOrder(OrderKind::Sign, body, &details);
//     if (!request) return badRequest(details);
class ParameterValidator
{
public:
    static std::optional<OrderRequest> validateOrder(OrderKind kind, const QJsonObject &body, QString *details);
    /// /collect and /cancel: {"orderRef": "<non-empty string>"} and nothing else.
    static std::optional<QByteArray> validateOrderRef(const QJsonObject &body, QString *details);

    /// The longest qrCode /rp/v1/verify looks at (issue #11 contract; BankID's limit is UNCONFIRMED).
    static constexpr int idCardQrCodeMax = 1024;
    /// /rp/v1/verify: {"qrCode": "BANKIDF.<printable ASCII, no whitespace>"} of at most idCardQrCodeMax
    /// characters and nothing else; details "Invalid qrCode" (or names an unknown member). Whether the rest is
    /// a code this simulator minted is IdCardCodeBook's business.
    static std::optional<QByteArray> validateIdCardQrCode(const QJsonObject &body, QString *details);

    /// Strict base64 (standard alphabet, '=' padding only at the end, length a multiple of 4).
    static bool isBase64(const QString &text);
    /// Strict IPv4 dotted quad or IPv6 text form (inet_pton), no zone id.
    static bool isIpAddress(const QString &text);
};

} // namespace bankid::sim
